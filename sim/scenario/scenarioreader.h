#pragma once

// Reads scenario files (docs/scenario-format.md) into a Scenario.
//
// Every problem in the file is reported at once, each with file:line:column and what was
// expected; misspelled keys get the nearest valid one. Out-of-bounds values name the
// bound. A file with any error yields no Scenario: the caller's state stays as it was.

#include "scenario/diagnostic.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct ScenarioLoadResult {
    std::optional<Scenario> scenario;    // set only when there are no errors
    std::vector<Diagnostic> diagnostics; // warnings and errors, in file order
};

// `fileName` is only used in diagnostics.
ScenarioLoadResult readScenario(const std::string& yamlText, const std::string& fileName);
ScenarioLoadResult readScenarioFile(const std::string& path);

} // namespace cnsim
