#pragma once

// The Argo Rollouts half of a scenario's workloads: argoproj.io/v1alpha1 AnalysisTemplate and
// the Rollout's strategies, the fields cnsim models, as the file states them (no status). The
// Rollout itself (RolloutSpec) is in scenario.h, next to the PodSpec it holds.
// Format reference: docs/scenario-format.md ("Rollout", "AnalysisTemplate"); behaviour and
// defaults with their upstream sources: docs/releases.md.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// `result OP number` (or `result[0] OP number`, as a Prometheus vector reads): the small,
// safe part of Argo Rollouts' expr conditions that cnsim evaluates (control/rollouts).
enum class ConditionOperator { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

struct AnalysisConditionSpec {
    std::string text; // as written, for writing back and for messages
    ConditionOperator op = ConditionOperator::GreaterEqual;
    double threshold = 0.0;
    bool operator==(const AnalysisConditionSpec&) const = default;
};

// provider.cnsim: what a measurement reads from cnsim's own per-second metrics of one
// Service's pods of one version (docs/releases.md "The cnsim provider").
enum class AnalysisQuery { SuccessRate, ErrorRate, RequestRate, LatencyP95 };

struct CnsimProviderSpec {
    AnalysisQuery query = AnalysisQuery::SuccessRate;
    std::string service;
    std::string version = "canary"; // canary, stable, or a version label / image tag
    SimTime window = SimTime::minutes(1);
    bool operator==(const CnsimProviderSpec&) const = default;
};

// AnalysisTemplate spec.metrics[]. Unset limits take upstream's defaults
// (pkg/apis/rollouts/v1alpha1/analysis_types.go, utils/defaults/defaults.go).
struct AnalysisMetricSpec {
    std::string name;
    std::optional<SimTime> interval; // unset: one measurement (count 1)
    std::optional<int> count;        // unset with an interval: measure until the run ends
    std::optional<AnalysisConditionSpec> successCondition;
    std::optional<AnalysisConditionSpec> failureCondition;
    std::optional<int> failureLimit;          // unset: 0
    std::optional<int> inconclusiveLimit;     // unset: 0
    std::optional<int> consecutiveErrorLimit; // unset: 4
    CnsimProviderSpec provider;
    bool operator==(const AnalysisMetricSpec&) const = default;
};

struct AnalysisTemplateSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    std::vector<AnalysisMetricSpec> metrics;
    std::vector<PreservedField> preserved;
    bool operator==(const AnalysisTemplateSpec&) const = default;
};

// RolloutAnalysis: the AnalysisTemplates one AnalysisRun is made of (templates[].templateName).
struct RolloutAnalysisSpec {
    std::vector<std::string> templates;
    bool operator==(const RolloutAnalysisSpec&) const = default;
};

enum class CanaryStepType { SetWeight, Pause, Analysis };

struct CanaryStepSpec {
    CanaryStepType type = CanaryStepType::SetWeight;
    int setWeight = 0;                    // SetWeight: percent
    std::optional<SimTime> pauseDuration; // Pause: unset pauses until promoted
    RolloutAnalysisSpec analysis;         // Analysis
    bool operator==(const CanaryStepSpec&) const = default;
};

// trafficRouting.plugins["argoproj-labs/gatewayAPI"].httpRoute: a route of simulation.gateway
// whose backendRefs to stableService and canaryService the controller weights.
struct CanaryTrafficRoutingSpec {
    std::string httpRoute;
    bool operator==(const CanaryTrafficRoutingSpec&) const = default;
};

struct CanaryStrategySpec {
    std::vector<CanaryStepSpec> steps;
    std::string canaryService;
    std::string stableService;
    std::optional<IntOrPercent> maxSurge;        // unset: 25%
    std::optional<IntOrPercent> maxUnavailable;  // unset: 25%
    std::optional<RolloutAnalysisSpec> analysis; // background analysis
    std::optional<CanaryTrafficRoutingSpec> trafficRouting;
    bool operator==(const CanaryStrategySpec&) const = default;
};

struct BlueGreenStrategySpec {
    std::string activeService;
    std::string previewService;
    std::optional<bool> autoPromotionEnabled; // unset: true
    std::optional<int> autoPromotionSeconds;  // unset: promote as soon as ready
    std::optional<int> scaleDownDelaySeconds; // unset: 30
    std::optional<RolloutAnalysisSpec> prePromotionAnalysis;
    std::optional<RolloutAnalysisSpec> postPromotionAnalysis;
    bool operator==(const BlueGreenStrategySpec&) const = default;
};

} // namespace cnsim
