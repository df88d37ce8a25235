#pragma once

// One HPA sync, as the HPA controller's reconcileAutoscaler runs it, without the API server:
// the target's scale and pods, the metric values and the spec in; the replica count to set,
// the metric statuses, the conditions, the events and the explanation out.
//
// Upstream: pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler,
// computeReplicasForMetrics, computeReplicasForMetric, computeStatusFor{Resource,
// ContainerResource,Pods,Object,External}Metric, tolerancesForHpa, setStatus,
// getUnableComputeReplicaCountCondition; defaults from pkg/apis/autoscaling/v2/defaults.go.
//
// The caller owns the HpaHistory of each HPA and applies the decision: writes
// scale.spec.replicas when `rescale`, records the events, sets the conditions with
// setHpaCondition and stores `status`. Not modelled: scale-subresource and selector errors
// (FailedGetScale, InvalidSelector, AmbiguousSelector), pod-level requests.

#include "control/autoscaling/explanation.h"
#include "control/autoscaling/hpanormalization.h"
#include "control/autoscaling/hpatypes.h"
#include "control/autoscaling/replicacalculator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct HpaSpec {
    std::optional<std::int32_t> minReplicas; // defaulted to 1
    std::int32_t maxReplicas = 1;
    std::vector<HpaMetricSpec> metrics; // empty: CPU at 80 % (defaultHpaCpuMetric)
    std::optional<HpaBehavior> behavior;

    std::int32_t effectiveMinReplicas() const {
        return minReplicas.value_or(k8s::kHpaDefaultMinReplicas);
    }
    std::vector<HpaMetricSpec> effectiveMetrics() const;
};

struct HpaReconcileInput {
    HpaSpec spec;
    std::int32_t specReplicas = 0;   // scale.spec.replicas: "current replicas"
    std::int32_t statusReplicas = 0; // scale.status.replicas (per-pod Object/External targets)
    std::vector<HpaPod> pods;        // pods matching the scale's selector
    std::vector<HpaMetricValues> metricValues; // one per effectiveMetrics() entry, same order
    HpaControllerSettings settings;
    SimTime now;
};

// One metric's outcome: its proposal and the status kubectl shows ("cpu: 45%/50%").
struct HpaMetricResult {
    HpaMetricSpec spec;
    bool valid = false;
    std::string metricName; // upstream's description, e.g. "cpu resource utilization (percentage of
                            // request)"
    std::int32_t proposal = 0;
    std::optional<std::int32_t> currentAverageUtilization;
    std::optional<std::int64_t> currentAverageValue; // milli
    std::optional<std::int64_t> currentValue;        // milli
    std::string error;                               // the wrapped error text when invalid
    std::string conditionReason; // FailedGetResourceMetric, FailedGetPodsMetric, …
    std::string eventMessage;    // the Warning event's text for that reason
    Explanation explanation;
};

struct HpaEvent {
    bool warning = false;
    std::string reason;  // SuccessfulRescale, FailedComputeMetricsReplicas, FailedGet…Metric
    std::string message; // "New size: 4; reason: cpu resource utilization (percentage of request)
                         // above target"
    bool operator==(const HpaEvent&) const = default;
};

struct HpaDecision {
    std::int32_t currentReplicas = 0;
    std::int32_t desiredReplicas = 0; // status.desiredReplicas
    bool rescale = false;             // write scale.spec.replicas = desiredReplicas
    bool metricsFailed = false;       // no usable proposal: status.desiredReplicas unchanged
    std::string rescaleReason;
    std::int32_t metricsProposal = -1; // computeReplicasForMetrics' result, −1 when not usable
    std::string proposingMetric;
    std::vector<HpaMetricResult> metrics;
    std::vector<HpaCondition> conditions; // in the order setCondition was called this sync
    std::vector<HpaEvent> events;
    Explanation explanation;
    std::string error; // reconcileAutoscaler's returned error, if any
};

// tolerancesForHpa: the flag in both directions, overridden per direction by
// behavior.scale{Up,Down}.tolerance when HPAConfigurableTolerance is on.
HpaTolerances tolerancesForHpa(const HpaSpec& spec, const HpaControllerSettings& settings);

// computeReplicasForMetric for one metric.
HpaMetricResult computeReplicasForMetric(const HpaMetricSpec& metric, const HpaMetricValues& values,
                                         std::int32_t specReplicas, std::int32_t statusReplicas,
                                         const std::vector<HpaPod>& pods,
                                         const HpaTolerances& tolerances,
                                         const HpaControllerSettings& settings, SimTime now);

// computeReplicasForMetrics' combination: the largest valid proposal; −1 (do nothing) when
// every metric is invalid, or some are and the valid ones propose less than specReplicas.
struct HpaMetricsCombination {
    std::int32_t replicas = -1;
    std::string metric;
    std::string error; // "invalid metrics (1 invalid out of 2), first error is: …"
    HpaCondition scalingActive;
    Explanation explanation;
};
HpaMetricsCombination combineMetricProposals(const std::vector<HpaMetricResult>& results,
                                             std::int32_t specReplicas);

HpaDecision reconcileHpa(const HpaReconcileInput& input, HpaHistory& history);

} // namespace cnsim
