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

// `fileName` names the file in diagnostics. Files the scenario refers to (a trace source's
// CSV) are resolved against `baseDirectory`, or when it is empty against the directory of
// `fileName` (the current directory for a bare name such as "untitled.yaml"), so text read
// from an editor buffer finds the same files as readScenarioFile(fileName).
ScenarioLoadResult readScenario(const std::string& yamlText, const std::string& fileName,
                                const std::string& baseDirectory = {});
ScenarioLoadResult readScenarioFile(const std::string& path);

} // namespace cnsim
