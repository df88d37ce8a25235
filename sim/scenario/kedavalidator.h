#pragma once

// Cross-references of event-driven scaling (sim/scenario/kedaspec.h): a queue's consumer
// Deployment, the queue a traffic class publishes to, a ScaledObject's target and trigger
// queues, one autoscaler per Deployment; and that queues need per-request traffic.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

void validateEventDrivenScaling(DiagnosticSink& sink, const Scenario& scenario,
                                const ScenarioMarks& marks,
                                const std::vector<std::string>& deploymentNames);

} // namespace cnsim
