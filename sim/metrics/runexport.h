#pragma once

// Machine-readable outputs of a run: the summary as JSON, the per-second metrics as CSV
// (one row per second, one column per series), the cluster events as JSON Lines, the request
// tables as CSV and the request traces as JSON.
// All are byte-identical for the same scenario and seed.

#include "metrics/metricsstore.h"
#include "metrics/runsummary.h"
#include "metrics/traces.h"
#include "model/clusterevent.h"

#include <ostream>
#include <vector>

namespace cnsim {

void writeSummaryJson(const RunSummary& summary, std::ostream& out);
void writeMetricsCsv(const MetricsStore& metrics, std::ostream& out);
void writeEventsJsonl(const std::vector<ClusterEvent>& events, std::ostream& out);
// The summary's request tables as CSV: one row per Service, version and gateway route, with
// columns kind (service | version | route), name, service, requests, completed, errors,
// success_percent, mean_ms, p50_ms, p90_ms, p95_ms, p99_ms, max_ms.
void writeTablesCsv(const RunSummary& summary, std::ostream& out);
// Request traces as one JSON object {"traces": [...]}, times in seconds.
void writeTracesJson(const std::vector<RequestTrace>& traces, std::ostream& out);

} // namespace cnsim
