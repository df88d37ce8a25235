#pragma once

// Reads the cnsim-only `cluster:` section: explicit nodes and node pools, each with a
// zone, CPU, memory and pod capacity. Node names across pools are checked by
// scenariovalidator.h; the node-count bound (1..5000 in total) is checked here.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

constexpr int kMaxClusterNodes = 5000;

ClusterSpec readCluster(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks);

} // namespace cnsim
