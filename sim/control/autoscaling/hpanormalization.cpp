#include "control/autoscaling/hpanormalization.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cnsim {

namespace {

constexpr std::int32_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kMinInt32 = std::numeric_limits<std::int32_t>::min();

SimTime seconds(std::int32_t s) {
    return SimTime::seconds(s);
}

const char* kWithinRangeMessage = "the desired count is within the acceptable range";

// A Percent or Pods policy's proposal, computed as upstream does in int32/float64.
std::int32_t policyProposal(bool up, const HpaScalingPolicy& policy, std::int32_t periodStart) {
    if (policy.type == HpaScalingPolicyType::Pods) {
        return up ? periodStart + policy.value : periodStart - policy.value;
    }
    const double factor = static_cast<double>(policy.value) / 100.0;
    if (up) {
        // Rounded up so that a small group can always grow.
        return static_cast<std::int32_t>(
            std::ceil(static_cast<double>(periodStart) * (1.0 + factor)));
    }
    return static_cast<std::int32_t>(static_cast<double>(periodStart) * (1.0 - factor));
}

std::int32_t limitWithRules(bool up, std::int32_t currentReplicas,
                            const std::vector<HpaTimestampedScaleEvent>& scaleUpEvents,
                            const std::vector<HpaTimestampedScaleEvent>& scaleDownEvents,
                            const HpaScalingRules& rules, SimTime now, Explanation* x) {
    const HpaSelectPolicy select = rules.selectPolicy.value_or(HpaSelectPolicy::Max);
    const char* direction = up ? "up" : "down";
    if (select == HpaSelectPolicy::Disabled) {
        if (x != nullptr) {
            x->add(ExplainCode::HpaSelectedLimit,
                   {xp("direction", direction), xp("select", "Disabled"),
                    xp("limit", currentReplicas)});
        }
        return currentReplicas;
    }
    // Max picks the policy allowing the biggest change: the highest limit up, the lowest down.
    const bool takeMax = (select == HpaSelectPolicy::Max) == up;
    std::int32_t result = takeMax ? kMinInt32 : kMaxInt32;
    const std::vector<HpaScalingPolicy> none;
    for (const HpaScalingPolicy& policy : rules.policies ? *rules.policies : none) {
        const std::int32_t added =
            getReplicasChangePerPeriod(policy.periodSeconds, scaleUpEvents, now);
        const std::int32_t deleted =
            getReplicasChangePerPeriod(policy.periodSeconds, scaleDownEvents, now);
        const std::int32_t periodStart = currentReplicas - added + deleted;
        const std::int32_t proposed = policyProposal(up, policy, periodStart);
        result = takeMax ? std::max(result, proposed) : std::min(result, proposed);
        if (x != nullptr) {
            x->add(ExplainCode::HpaPolicyLimit,
                   {xp("direction", direction),
                    xp("policy", std::string(hpaScalingPolicyTypeName(policy.type))),
                    xp("value", policy.value), xp("period", seconds(policy.periodSeconds)),
                    xp("periodStart", periodStart), xp("proposal", proposed)});
        }
    }
    if (x != nullptr) {
        x->add(ExplainCode::HpaSelectedLimit,
               {xp("direction", direction), xp("select", std::string(hpaSelectPolicyName(select))),
                xp("limit", result)});
    }
    return result;
}

void storeEvent(std::vector<HpaTimestampedScaleEvent>& events, std::int32_t longestPolicyPeriod,
                std::int32_t change, SimTime now) {
    markScaleEventsOutdated(events, longestPolicyPeriod, now);
    std::optional<std::size_t> oldIndex;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].outdated) {
            oldIndex = i;
        }
    }
    const HpaTimestampedScaleEvent event{change, now, false};
    if (oldIndex) {
        events[*oldIndex] = event;
    } else {
        events.push_back(event);
    }
}

void explainLimit(Explanation& x, const HpaLimitResult& r, std::int32_t from) {
    if (r.replicas != from) {
        x.add(ExplainCode::HpaLimited,
              {xp("reason", r.reason), xp("from", from), xp("to", r.replicas)});
    }
}

} // namespace

std::string_view hpaSelectPolicyName(HpaSelectPolicy p) {
    switch (p) {
    case HpaSelectPolicy::Max:
        return "Max";
    case HpaSelectPolicy::Min:
        return "Min";
    case HpaSelectPolicy::Disabled:
        return "Disabled";
    }
    return "Max";
}

std::string_view hpaScalingPolicyTypeName(HpaScalingPolicyType t) {
    return t == HpaScalingPolicyType::Pods ? "Pods" : "Percent";
}

void recordInitialRecommendation(HpaHistory& history, std::int32_t currentReplicas, SimTime now) {
    if (!history.recommendationsInitialized) {
        history.recommendationsInitialized = true;
        history.recommendations = {HpaTimestampedRecommendation{currentReplicas, now}};
    }
}

std::int32_t stabilizeRecommendation(std::vector<HpaTimestampedRecommendation>& recommendations,
                                     std::int32_t prenormalizedDesiredReplicas, SimTime window,
                                     SimTime now) {
    std::int32_t maxRecommendation = prenormalizedDesiredReplicas;
    std::optional<std::size_t> oldIndex;
    const SimTime cutoff = now - window;
    for (std::size_t i = 0; i < recommendations.size(); ++i) {
        const HpaTimestampedRecommendation& rec = recommendations[i];
        if (rec.timestamp < cutoff) {
            oldIndex = i;
        } else if (rec.recommendation > maxRecommendation) {
            maxRecommendation = rec.recommendation;
        }
    }
    const HpaTimestampedRecommendation fresh{prenormalizedDesiredReplicas, now};
    if (oldIndex) {
        recommendations[*oldIndex] = fresh;
    } else {
        recommendations.push_back(fresh);
    }
    return maxRecommendation;
}

std::int32_t calculateScaleUpLimit(std::int32_t currentReplicas) {
    return std::max(k8s::kHpaScaleUpLimitFactor * currentReplicas, k8s::kHpaScaleUpLimitMinimum);
}

HpaLimitResult convertDesiredReplicasWithRules(std::int32_t currentReplicas,
                                               std::int32_t desiredReplicas,
                                               std::int32_t hpaMinReplicas,
                                               std::int32_t hpaMaxReplicas) {
    // Do not scale up too fast, so a bogus usage report cannot explode the size.
    const std::int32_t scaleUpLimit = calculateScaleUpLimit(currentReplicas);
    std::int32_t maximumAllowed = 0;
    HpaLimitResult limited;
    if (hpaMaxReplicas > scaleUpLimit) {
        maximumAllowed = scaleUpLimit;
        limited = {scaleUpLimit, "ScaleUpLimit",
                   "the desired replica count is increasing faster than the maximum scale rate"};
    } else {
        maximumAllowed = hpaMaxReplicas;
        limited = {hpaMaxReplicas, "TooManyReplicas",
                   "the desired replica count is more than the maximum replica count"};
    }
    if (desiredReplicas < hpaMinReplicas) {
        return {hpaMinReplicas, "TooFewReplicas",
                "the desired replica count is less than the minimum replica count"};
    }
    if (desiredReplicas > maximumAllowed) {
        return limited;
    }
    return {desiredReplicas, "DesiredWithinRange", kWithinRangeMessage};
}

HpaNormalizationArg makeNormalizationArg(const HpaBehavior& behavior, SimTime downscaleWindow,
                                         std::int32_t minReplicas, std::int32_t maxReplicas,
                                         std::int32_t currentReplicas,
                                         std::int32_t desiredReplicas) {
    HpaNormalizationArg a;
    a.scaleUp = generateHpaScaleUpRules(behavior.scaleUp);
    a.scaleDown = generateHpaScaleDownRules(behavior.scaleDown);
    if (!a.scaleDown.stabilizationWindowSeconds) {
        a.scaleDown.stabilizationWindowSeconds =
            static_cast<std::int32_t>(downscaleWindow.toMicroseconds() / 1'000'000);
    }
    a.minReplicas = minReplicas;
    a.maxReplicas = maxReplicas;
    a.currentReplicas = currentReplicas;
    a.desiredReplicas = desiredReplicas;
    return a;
}

HpaStabilizeResult
stabilizeRecommendationWithBehaviors(std::vector<HpaTimestampedRecommendation>& recommendations,
                                     const HpaNormalizationArg& args, SimTime now) {
    HpaStabilizeResult r;
    std::int32_t upRecommendation = args.desiredReplicas;
    const SimTime upCutoff = now - seconds(args.scaleUp.stabilizationWindowSeconds.value_or(0));
    std::int32_t downRecommendation = args.desiredReplicas;
    const SimTime downCutoff = now - seconds(args.scaleDown.stabilizationWindowSeconds.value_or(0));

    std::optional<std::size_t> oldIndex;
    for (std::size_t i = 0; i < recommendations.size(); ++i) {
        const HpaTimestampedRecommendation& rec = recommendations[i];
        if (rec.timestamp > upCutoff) {
            upRecommendation = std::min(rec.recommendation, upRecommendation);
        }
        if (rec.timestamp > downCutoff) {
            downRecommendation = std::max(rec.recommendation, downRecommendation);
        }
        if (rec.timestamp < upCutoff && rec.timestamp < downCutoff) {
            oldIndex = i;
        }
    }

    // Bring the current size within [upRecommendation, downRecommendation].
    std::int32_t recommendation = args.currentReplicas;
    if (recommendation < upRecommendation) {
        recommendation = upRecommendation;
    }
    if (recommendation > downRecommendation) {
        recommendation = downRecommendation;
    }

    const HpaTimestampedRecommendation fresh{args.desiredReplicas, now};
    if (oldIndex) {
        recommendations[*oldIndex] = fresh;
    } else {
        recommendations.push_back(fresh);
    }

    r.replicas = recommendation;
    r.upRecommendation = upRecommendation;
    r.downRecommendation = downRecommendation;
    if (args.desiredReplicas >= args.currentReplicas) {
        r.reason = "ScaleUpStabilized";
        r.message = "recent recommendations were lower than current one, applying the lowest "
                    "recent recommendation";
    } else {
        r.reason = "ScaleDownStabilized";
        r.message = "recent recommendations were higher than current one, applying the highest "
                    "recent recommendation";
    }
    return r;
}

std::int32_t getReplicasChangePerPeriod(std::int32_t periodSeconds,
                                        const std::vector<HpaTimestampedScaleEvent>& events,
                                        SimTime now) {
    const SimTime cutoff = now - seconds(periodSeconds);
    std::int32_t replicas = 0;
    for (const HpaTimestampedScaleEvent& e : events) {
        if (e.timestamp > cutoff) {
            replicas += e.replicaChange;
        }
    }
    return replicas;
}

std::int32_t calculateScaleUpLimitWithScalingRules(
    std::int32_t currentReplicas, const std::vector<HpaTimestampedScaleEvent>& scaleUpEvents,
    const std::vector<HpaTimestampedScaleEvent>& scaleDownEvents, const HpaScalingRules& rules,
    SimTime now, Explanation* explanation) {
    return limitWithRules(true, currentReplicas, scaleUpEvents, scaleDownEvents, rules, now,
                          explanation);
}

std::int32_t calculateScaleDownLimitWithBehaviors(
    std::int32_t currentReplicas, const std::vector<HpaTimestampedScaleEvent>& scaleUpEvents,
    const std::vector<HpaTimestampedScaleEvent>& scaleDownEvents, const HpaScalingRules& rules,
    SimTime now, Explanation* explanation) {
    return limitWithRules(false, currentReplicas, scaleUpEvents, scaleDownEvents, rules, now,
                          explanation);
}

HpaLimitResult convertDesiredReplicasWithBehaviorRate(const HpaNormalizationArg& args,
                                                      const HpaHistory& history, SimTime now,
                                                      Explanation* explanation) {
    if (args.desiredReplicas > args.currentReplicas) {
        std::int32_t scaleUpLimit = calculateScaleUpLimitWithScalingRules(
            args.currentReplicas, history.scaleUpEvents, history.scaleDownEvents, args.scaleUp, now,
            explanation);
        if (scaleUpLimit < args.currentReplicas) {
            // Recent scale-ups used the whole budget: no further scale-up for now.
            scaleUpLimit = args.currentReplicas;
        }
        std::int32_t maximumAllowed = args.maxReplicas;
        HpaLimitResult limited;
        if (maximumAllowed > scaleUpLimit) {
            maximumAllowed = scaleUpLimit;
            limited.reason = "ScaleUpLimit";
            limited.message =
                "the desired replica count is increasing faster than the maximum scale rate";
        } else {
            limited.reason = "TooManyReplicas";
            limited.message = "the desired replica count is more than the maximum replica count";
        }
        if (args.desiredReplicas > maximumAllowed) {
            limited.replicas = maximumAllowed;
            return limited;
        }
    } else if (args.desiredReplicas < args.currentReplicas) {
        std::int32_t scaleDownLimit = calculateScaleDownLimitWithBehaviors(
            args.currentReplicas, history.scaleUpEvents, history.scaleDownEvents, args.scaleDown,
            now, explanation);
        if (scaleDownLimit > args.currentReplicas) {
            // Recent scale-downs used the whole budget: no further scale-down for now.
            scaleDownLimit = args.currentReplicas;
        }
        std::int32_t minimumAllowed = args.minReplicas;
        HpaLimitResult limited;
        if (minimumAllowed < scaleDownLimit) {
            minimumAllowed = scaleDownLimit;
            limited.reason = "ScaleDownLimit";
            limited.message =
                "the desired replica count is decreasing faster than the maximum scale rate";
        } else {
            limited.reason = "TooFewReplicas";
            limited.message = "the desired replica count is less than the minimum replica count";
        }
        if (args.desiredReplicas < minimumAllowed) {
            limited.replicas = minimumAllowed;
            return limited;
        }
    }
    return {args.desiredReplicas, "DesiredWithinRange", kWithinRangeMessage};
}

std::int32_t getLongestPolicyPeriod(const HpaScalingRules& rules) {
    std::int32_t longest = 0;
    if (rules.policies) {
        for (const HpaScalingPolicy& p : *rules.policies) {
            longest = std::max(longest, p.periodSeconds);
        }
    }
    return longest;
}

void markScaleEventsOutdated(std::vector<HpaTimestampedScaleEvent>& events,
                             std::int32_t longestPolicyPeriod, SimTime now) {
    const SimTime cutoff = now - seconds(longestPolicyPeriod);
    for (HpaTimestampedScaleEvent& e : events) {
        if (e.timestamp < cutoff) {
            e.outdated = true; // kept for reuse by the next event
        }
    }
}

void storeScaleEvent(HpaHistory& history, const HpaBehavior* behavior, std::int32_t prevReplicas,
                     std::int32_t newReplicas, SimTime now) {
    if (behavior == nullptr) {
        return; // without behavior the events are never read
    }
    if (newReplicas > prevReplicas) {
        storeEvent(history.scaleUpEvents,
                   getLongestPolicyPeriod(generateHpaScaleUpRules(behavior->scaleUp)),
                   newReplicas - prevReplicas, now);
    } else {
        storeEvent(history.scaleDownEvents,
                   getLongestPolicyPeriod(generateHpaScaleDownRules(behavior->scaleDown)),
                   prevReplicas - newReplicas, now);
    }
}

HpaNormalization normalizeDesiredReplicas(HpaHistory& history, std::int32_t currentReplicas,
                                          std::int32_t prenormalizedDesiredReplicas,
                                          std::int32_t minReplicas, std::int32_t maxReplicas,
                                          SimTime downscaleWindow, SimTime now) {
    HpaNormalization n;
    const std::int32_t stabilized = stabilizeRecommendation(
        history.recommendations, prenormalizedDesiredReplicas, downscaleWindow, now);
    if (stabilized != prenormalizedDesiredReplicas) {
        n.ableToScale = hpaCondition(HpaConditionType::AbleToScale, true, "ScaleDownStabilized",
                                  "recent recommendations were higher than current one, applying "
                                  "the highest recent recommendation");
        n.explanation.add(ExplainCode::HpaStabilizedDown,
                          {xp("window", downscaleWindow),
                           xp("recommendation", prenormalizedDesiredReplicas),
                           xp("stabilized", stabilized)});
    } else {
        n.ableToScale = hpaCondition(HpaConditionType::AbleToScale, true, "ReadyForNewScale",
                                  "recommended size matches current size");
    }
    if (stabilized > currentReplicas) {
        n.explanation.add(
            ExplainCode::HpaScaleUpLimitRule,
            {xp("current", currentReplicas), xp("limit", calculateScaleUpLimit(currentReplicas))});
    }
    const HpaLimitResult r =
        convertDesiredReplicasWithRules(currentReplicas, stabilized, minReplicas, maxReplicas);
    explainLimit(n.explanation, r, stabilized);
    n.scalingLimited =
        hpaCondition(HpaConditionType::ScalingLimited, r.replicas != stabilized, r.reason, r.message);
    n.replicas = r.replicas;
    return n;
}

HpaNormalization normalizeDesiredReplicasWithBehaviors(
    HpaHistory& history, const HpaBehavior& behavior, std::int32_t currentReplicas,
    std::int32_t prenormalizedDesiredReplicas, std::int32_t minReplicas, std::int32_t maxReplicas,
    SimTime downscaleWindow, SimTime now) {
    HpaNormalization n;
    HpaNormalizationArg args =
        makeNormalizationArg(behavior, downscaleWindow, minReplicas, maxReplicas, currentReplicas,
                             prenormalizedDesiredReplicas);
    const HpaStabilizeResult s =
        stabilizeRecommendationWithBehaviors(history.recommendations, args, now);
    args.desiredReplicas = s.replicas;
    if (s.replicas != prenormalizedDesiredReplicas) {
        n.ableToScale = hpaCondition(HpaConditionType::AbleToScale, true, s.reason, s.message);
        n.explanation.add(
            ExplainCode::HpaStabilizedBoth,
            {xp("upWindow", seconds(args.scaleUp.stabilizationWindowSeconds.value_or(0))),
             xp("downWindow", seconds(args.scaleDown.stabilizationWindowSeconds.value_or(0))),
             xp("upRecommendation", s.upRecommendation),
             xp("downRecommendation", s.downRecommendation), xp("stabilized", s.replicas)});
    } else {
        n.ableToScale = hpaCondition(HpaConditionType::AbleToScale, true, "ReadyForNewScale",
                                  "recommended size matches current size");
    }
    const HpaLimitResult r =
        convertDesiredReplicasWithBehaviorRate(args, history, now, &n.explanation);
    explainLimit(n.explanation, r, s.replicas);
    n.scalingLimited =
        hpaCondition(HpaConditionType::ScalingLimited, r.replicas != s.replicas, r.reason, r.message);
    n.replicas = r.replicas;
    return n;
}

} // namespace cnsim
