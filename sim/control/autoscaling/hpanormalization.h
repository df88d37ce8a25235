#pragma once

// HPA normalization: from the largest metric proposal to the replica count to set, with the
// stabilization windows, the rate limits and min/max, and the history they need.
//
// Upstream: pkg/controller/podautoscaler/horizontal.go — stabilizeRecommendation,
// normalizeDesiredReplicas, convertDesiredReplicasWithRules, calculateScaleUpLimit (no
// spec.behavior); normalizeDesiredReplicasWithBehaviors, maybeInitScaleDownStabilizationWindow,
// stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate,
// calculateScaleUpLimitWithScalingRules, calculateScaleDownLimitWithBehaviors,
// getReplicasChangePerPeriod, storeScaleEvent, markScaleEventsOutdated,
// getLongestPolicyPeriod, recordInitialRecommendation (with spec.behavior).
//
// State: one HpaHistory per HPA, owned by the caller (the HPA controller component), as
// upstream keeps maps keyed by HPA. Times are compared as upstream compares time.Time:
// "younger than the window" is strictly after now − window.

#include "control/autoscaling/explanation.h"
#include "control/autoscaling/hpatypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cnsim {

struct HpaTimestampedRecommendation {
    std::int32_t recommendation = 0;
    SimTime timestamp;
    bool operator==(const HpaTimestampedRecommendation&) const = default;
};

struct HpaTimestampedScaleEvent {
    std::int32_t replicaChange = 0; // always positive: replicas added (up) or removed (down)
    SimTime timestamp;
    bool outdated = false;
    bool operator==(const HpaTimestampedScaleEvent&) const = default;
};

struct HpaHistory {
    bool recommendationsInitialized = false; // upstream: the map entry exists
    std::vector<HpaTimestampedRecommendation> recommendations;
    std::vector<HpaTimestampedScaleEvent> scaleUpEvents;
    std::vector<HpaTimestampedScaleEvent> scaleDownEvents;
};

// recordInitialRecommendation: the first sync records the current size as a recommendation.
void recordInitialRecommendation(HpaHistory& history, std::int32_t currentReplicas, SimTime now);

// A limiting step's result: replicas, upstream's condition reason and message.
struct HpaLimitResult {
    std::int32_t replicas = 0;
    std::string reason; // DesiredWithinRange, TooFewReplicas, TooManyReplicas, ScaleUpLimit, …
    std::string message;
};

// --- Without spec.behavior ---

// stabilizeRecommendation: max of the new recommendation and those not older than the window;
// the new one overwrites the last expired entry, or is appended.
std::int32_t stabilizeRecommendation(std::vector<HpaTimestampedRecommendation>& recommendations,
                                     std::int32_t prenormalizedDesiredReplicas, SimTime window,
                                     SimTime now);

// max(2 × current, 4).
std::int32_t calculateScaleUpLimit(std::int32_t currentReplicas);

HpaLimitResult convertDesiredReplicasWithRules(std::int32_t currentReplicas,
                                               std::int32_t desiredReplicas,
                                               std::int32_t hpaMinReplicas,
                                               std::int32_t hpaMaxReplicas);

// --- With spec.behavior ---

// NormalizationArg with rules already defaulted (generateHpaScale{Up,Down}Rules plus the
// scale-down window from the controller flag).
struct HpaNormalizationArg {
    HpaScalingRules scaleUp;
    HpaScalingRules scaleDown;
    std::int32_t minReplicas = 1;
    std::int32_t maxReplicas = 1;
    std::int32_t currentReplicas = 0;
    std::int32_t desiredReplicas = 0;
};

// Builds the arg from the HPA's behavior exactly as the controller does.
HpaNormalizationArg makeNormalizationArg(const HpaBehavior& behavior, SimTime downscaleWindow,
                                         std::int32_t minReplicas, std::int32_t maxReplicas,
                                         std::int32_t currentReplicas,
                                         std::int32_t desiredReplicas);

struct HpaStabilizeResult {
    std::int32_t replicas = 0;
    std::string reason; // ScaleUpStabilized / ScaleDownStabilized
    std::string message;
    std::int32_t upRecommendation = 0;
    std::int32_t downRecommendation = 0;
};

HpaStabilizeResult
stabilizeRecommendationWithBehaviors(std::vector<HpaTimestampedRecommendation>& recommendations,
                                     const HpaNormalizationArg& args, SimTime now);

// Sum of replicaChange over events strictly after now − period.
std::int32_t getReplicasChangePerPeriod(std::int32_t periodSeconds,
                                        const std::vector<HpaTimestampedScaleEvent>& events,
                                        SimTime now);

std::int32_t calculateScaleUpLimitWithScalingRules(
    std::int32_t currentReplicas, const std::vector<HpaTimestampedScaleEvent>& scaleUpEvents,
    const std::vector<HpaTimestampedScaleEvent>& scaleDownEvents, const HpaScalingRules& rules,
    SimTime now, Explanation* explanation = nullptr);

std::int32_t calculateScaleDownLimitWithBehaviors(
    std::int32_t currentReplicas, const std::vector<HpaTimestampedScaleEvent>& scaleUpEvents,
    const std::vector<HpaTimestampedScaleEvent>& scaleDownEvents, const HpaScalingRules& rules,
    SimTime now, Explanation* explanation = nullptr);

HpaLimitResult convertDesiredReplicasWithBehaviorRate(const HpaNormalizationArg& args,
                                                      const HpaHistory& history, SimTime now,
                                                      Explanation* explanation = nullptr);

std::int32_t getLongestPolicyPeriod(const HpaScalingRules& rules);
void markScaleEventsOutdated(std::vector<HpaTimestampedScaleEvent>& events,
                             std::int32_t longestPolicyPeriod, SimTime now);

// storeScaleEvent: without behavior nothing is stored; otherwise the change is recorded in the
// direction's list, reusing (the last) event outdated by the longest policy period.
void storeScaleEvent(HpaHistory& history, const HpaBehavior* behavior, std::int32_t prevReplicas,
                     std::int32_t newReplicas, SimTime now);

// --- The two normalizations as the controller runs them, conditions included ---

struct HpaNormalization {
    std::int32_t replicas = 0;
    HpaCondition ableToScale;    // ReadyForNewScale / ScaleUpStabilized / ScaleDownStabilized
    HpaCondition scalingLimited; // DesiredWithinRange (False) or a limiting reason (True)
    Explanation explanation;
};

// normalizeDesiredReplicas (no spec.behavior).
HpaNormalization normalizeDesiredReplicas(HpaHistory& history, std::int32_t currentReplicas,
                                          std::int32_t prenormalizedDesiredReplicas,
                                          std::int32_t minReplicas, std::int32_t maxReplicas,
                                          SimTime downscaleWindow, SimTime now);

// normalizeDesiredReplicasWithBehaviors.
HpaNormalization normalizeDesiredReplicasWithBehaviors(
    HpaHistory& history, const HpaBehavior& behavior, std::int32_t currentReplicas,
    std::int32_t prenormalizedDesiredReplicas, std::int32_t minReplicas, std::int32_t maxReplicas,
    SimTime downscaleWindow, SimTime now);

std::string_view hpaSelectPolicyName(HpaSelectPolicy p);
std::string_view hpaScalingPolicyTypeName(HpaScalingPolicyType t);

} // namespace cnsim
