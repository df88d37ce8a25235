#pragma once

// Checks that need the whole file: unique names, references between sections (a traffic
// source's Service, a fault's node or Deployment), times within the scenario's duration,
// and Services that select no pods. Runs on a partially read scenario too, so one load
// reports every problem; names that failed to read are empty and skipped.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

void validateScenario(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks);

} // namespace cnsim
