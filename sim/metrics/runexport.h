#pragma once

// Machine-readable outputs of a run: the summary as JSON, the per-second metrics as CSV
// (one row per second, one column per series), and the cluster events as JSON Lines.
// All are byte-identical for the same scenario and seed.

#include "metrics/metricsstore.h"
#include "metrics/runsummary.h"
#include "model/clusterevent.h"

#include <ostream>
#include <vector>

namespace cnsim {

void writeSummaryJson(const RunSummary& summary, std::ostream& out);
void writeMetricsCsv(const MetricsStore& metrics, std::ostream& out);
void writeEventsJsonl(const std::vector<ClusterEvent>& events, std::ostream& out);

} // namespace cnsim
