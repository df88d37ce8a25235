#pragma once

// Argo Rollouts' analysis rules as pure functions: the condition language cnsim accepts, how a
// measurement's value becomes a phase (utils/evaluate/evaluate.go EvaluateResult), how a
// metric's counters become its phase (analysis/analysis.go assessMetricStatus) and how the
// metrics' phases become the AnalysisRun's (assessRunStatus with utils/analysis IsWorse).
//
// The condition language is deliberately tiny and safe: `result OP number` or
// `result[0] OP number` (Prometheus answers a vector), OP one of < <= > >= == !=. Anything else
// is refused with a message saying what is accepted.

#include "scenario/rolloutspec.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

enum class AnalysisPhase { Pending, Running, Successful, Inconclusive, Error, Failed };
std::string_view analysisPhaseName(AnalysisPhase phase); // "Successful", …
bool isCompleted(AnalysisPhase phase);                   // Successful, Inconclusive, Error, Failed

// Empty and `error` set when the text is not in the language.
std::optional<AnalysisConditionSpec> parseAnalysisCondition(std::string_view text,
                                                            std::string& error);
bool conditionHolds(const AnalysisConditionSpec& condition, double result);
std::string_view conditionOperatorText(ConditionOperator op); // ">=", …

// EvaluateResult: Successful, Failed or Inconclusive for one measured value.
AnalysisPhase evaluateMeasurement(const AnalysisMetricSpec& metric, double result);

// A metric's MetricResult counters (analysis_types.go).
struct MetricCounters {
    int count = 0; // measurements taken, whatever their phase
    int successful = 0;
    int failed = 0;
    int inconclusive = 0;
    int error = 0;
    int consecutiveError = 0;
    void add(AnalysisPhase measurement);
};

// assessMetricStatus. `terminating`: the run is ending (another metric failed, or the Rollout
// no longer needs it): a metric that measured something counts as Successful.
AnalysisPhase assessMetric(const AnalysisMetricSpec& metric, const MetricCounters& counters,
                           bool terminating);
// How many measurements the metric takes: `count`, else 1 without an interval, else no limit.
std::optional<int> effectiveCount(const AnalysisMetricSpec& metric);

// assessRunStatus: the worst completed phase once any metric failed, errored or was
// inconclusive, or once all completed; Running otherwise.
AnalysisPhase assessRun(const std::vector<AnalysisPhase>& metricPhases);

} // namespace cnsim
