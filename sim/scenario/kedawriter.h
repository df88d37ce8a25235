#pragma once

// Writes event-driven scaling back (the inverse of kedareader.h): a keda.sh/v1alpha1
// ScaledObject in KEDA's field order, with only the fields the file gave and its preserved
// fields, and `simulation.queues`.

#include "scenario/kedaspec.h"
#include "scenario/yamlwriter.h"

#include <vector>

namespace cnsim {

void writeScaledObject(YamlWriter& w, const ScaledObjectSpec& so);
void writeQueues(YamlWriter& w, const std::vector<QueueSpec>& queues);

} // namespace cnsim
