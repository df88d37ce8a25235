#pragma once

// Writes a Scenario back as YAML in the format scenarioreader.h reads. Output is canonical:
// the same Scenario always gives the same bytes.

#include "scenario/scenario.h"

#include <string>

namespace cnsim {

std::string writeScenario(const Scenario& scenario);
// Writes atomically (temporary file, then rename) so a failed save never truncates the
// user's file. Returns an error message, or empty on success.
std::string writeScenarioFile(const Scenario& scenario, const std::string& path);

} // namespace cnsim
