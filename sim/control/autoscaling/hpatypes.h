#pragma once

// The inputs of the HorizontalPodAutoscaler algorithms, as plain values: pods as the HPA
// controller sees them, metric samples, the autoscaling/v2 metric and behavior specs, and the
// controller's settings. No engine, no API server: the model fills these from its objects.
//
// Upstream: k8s.io/api/autoscaling/v2 types.go; pkg/apis/autoscaling/v2/defaults.go;
// pkg/controller/podautoscaler/config (controller flags); replica_calculator.go Tolerances.
//
// Quantities are Kubernetes milli-values (Quantity.MilliValue()): CPU in millicores, memory in
// thousandths of a byte, custom metrics in thousandths, exactly as upstream computes with them.

#include "control/autoscaling/bypodname.h"
#include "control/kubernetesdefaults.h"
#include "engine/simtime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// --- Pods as the HPA sees them (groupPods, calculateRequests) ---

enum class HpaPodPhase { Pending, Running, Succeeded, Failed, Unknown };

struct HpaContainer {
    std::string name;
    std::map<std::string, std::int64_t> requestsMilli; // "cpu" → 500, "memory" → bytes × 1000
    bool restartableInit = false; // an init container with restartPolicy Always (sidecar)
};

struct HpaPod {
    std::string name;
    HpaPodPhase phase = HpaPodPhase::Running;
    bool deleting = false;              // has a deletion timestamp
    std::optional<SimTime> startTime;   // status.startTime
    std::optional<bool> readyCondition; // the Ready condition's status; nullopt: no condition
    SimTime readyLastTransition;        // the Ready condition's lastTransitionTime
    std::vector<HpaContainer> containers;
    // Ready for getReadyPodsCount: Running with Ready=True.
    bool runningAndReady() const { return phase == HpaPodPhase::Running && readyCondition == true; }
};

// One pod's sample from the resource or custom metrics API (PodMetric).
struct HpaPodSample {
    std::int64_t valueMilli = 0;
    SimTime timestamp;
    SimTime window = SimTime::minutes(1);
};

// Keyed by pod name; a sample may name a pod the selector no longer matches (upstream keeps it).
using HpaPodSamples = ByPodName<std::string, HpaPodSample>;

// --- Tolerance (replica_calculator.go Tolerances; KEP-4951) ---

struct HpaTolerances {
    double scaleDown = k8s::kHpaTolerance;
    double scaleUp = k8s::kHpaTolerance;
    // Inside means 1 − scaleDown ≤ ratio ≤ 1 + scaleUp, both ends inclusive.
    bool isWithin(double usageRatio) const {
        return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
    }
};

// --- kube-controller-manager flags for the HPA controller ---

struct HpaControllerSettings {
    double tolerance = k8s::kHpaTolerance;
    SimTime downscaleStabilizationWindow = k8s::kHpaDownscaleStabilizationWindow;
    SimTime cpuInitializationPeriod = k8s::kHpaCpuInitializationPeriod;
    SimTime delayOfInitialReadinessStatus = k8s::kHpaInitialReadinessDelay;
    bool configurableTolerance = k8s::kHpaConfigurableToleranceEnabled; // HPAConfigurableTolerance
};

// --- autoscaling/v2 MetricSpec ---

enum class HpaMetricSourceType { Resource, ContainerResource, Pods, Object, External };
enum class HpaMetricTargetType { Utilization, Value, AverageValue };

struct HpaMetricSpec {
    HpaMetricSourceType type = HpaMetricSourceType::Resource;
    std::string name;                // resource name ("cpu", "memory") or metric name ("qps")
    std::string container;           // ContainerResource only
    std::string describedObjectKind; // Object only ("Ingress", "Deployment")
    HpaMetricTargetType targetType = HpaMetricTargetType::Utilization;
    std::int32_t averageUtilization = 0; // percent, Utilization targets
    std::int64_t valueMilli = 0;         // Value targets
    std::int64_t averageValueMilli = 0;  // AverageValue targets
    bool operator==(const HpaMetricSpec&) const = default;
};

// The default metric when spec.metrics is empty: CPU at 80 % average utilization.
HpaMetricSpec defaultHpaCpuMetric();

// What the metrics pipeline returned for one metric spec this sync.
struct HpaMetricValues {
    std::optional<std::string> fetchError; // the metrics API failed: "no metrics returned …"
    HpaPodSamples podSamples;              // Resource, ContainerResource, Pods
    std::int64_t objectValueMilli = 0;     // Object
    std::vector<std::int64_t> externalValuesMilli; // External: one per returned series
};

// --- autoscaling/v2 HorizontalPodAutoscalerBehavior ---

enum class HpaScalingPolicyType { Pods, Percent };
enum class HpaSelectPolicy { Max, Min, Disabled };

struct HpaScalingPolicy {
    HpaScalingPolicyType type = HpaScalingPolicyType::Pods;
    std::int32_t value = 0;
    std::int32_t periodSeconds = 0;
    bool operator==(const HpaScalingPolicy&) const = default;
};

// HPAScalingRules; unset fields are defaulted field by field (generateHpaScaleUpRules).
struct HpaScalingRules {
    std::optional<std::int32_t> stabilizationWindowSeconds;
    std::optional<HpaSelectPolicy> selectPolicy;
    std::optional<std::vector<HpaScalingPolicy>> policies;
    std::optional<double> tolerance; // KEP-4951, honoured only with configurableTolerance
    bool operator==(const HpaScalingRules&) const = default;
};

struct HpaBehavior {
    std::optional<HpaScalingRules> scaleUp;
    std::optional<HpaScalingRules> scaleDown;
    bool operator==(const HpaBehavior&) const = default;
};

// pkg/apis/autoscaling/v2/defaults.go GenerateHPAScaleUpRules / GenerateHPAScaleDownRules:
// start from the defaults and copy each field the user set. The scale-down window stays unset
// here; normalization fills it from the controller flag (maybeInitScaleDownStabilizationWindow).
HpaScalingRules generateHpaScaleUpRules(const std::optional<HpaScalingRules>& user);
HpaScalingRules generateHpaScaleDownRules(const std::optional<HpaScalingRules>& user);

// --- Conditions (autoscaling/v2 HorizontalPodAutoscalerConditionType) ---

enum class HpaConditionType { AbleToScale, ScalingActive, ScalingLimited };

struct HpaCondition {
    HpaConditionType type = HpaConditionType::AbleToScale;
    bool status = true;  // True / False
    std::string reason;  // upstream's reason, e.g. "ScaleDownStabilized"
    std::string message; // upstream's message, shown verbatim by kubectl describe
    SimTime lastTransitionTime;
    bool operator==(const HpaCondition&) const = default;
};

std::string_view hpaConditionTypeName(HpaConditionType t);

// A condition with its type, status, reason and message; the transition time is set by
// setHpaCondition.
HpaCondition hpaCondition(HpaConditionType type, bool status, std::string reason,
                          std::string message);

// horizontal.go setCondition: replace the condition of the same type, keeping its
// lastTransitionTime when the status did not change; append otherwise.
void setHpaCondition(std::vector<HpaCondition>& conditions, HpaCondition c, SimTime now);

} // namespace cnsim
