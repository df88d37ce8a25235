#include "control/autoscaling/hpatypes.h"

namespace cnsim {

namespace {

// copyHPAScalingRules: every field the user set wins over the default.
HpaScalingRules merge(HpaScalingRules defaults, const std::optional<HpaScalingRules>& user) {
    if (!user) {
        return defaults;
    }
    if (user->selectPolicy) {
        defaults.selectPolicy = user->selectPolicy;
    }
    if (user->stabilizationWindowSeconds) {
        defaults.stabilizationWindowSeconds = user->stabilizationWindowSeconds;
    }
    if (user->policies) {
        defaults.policies = user->policies;
    }
    if (user->tolerance) {
        defaults.tolerance = user->tolerance;
    }
    return defaults;
}

} // namespace

HpaScalingRules generateHpaScaleUpRules(const std::optional<HpaScalingRules>& user) {
    HpaScalingRules d;
    d.stabilizationWindowSeconds = k8s::kHpaScaleUpStabilizationSeconds;
    d.selectPolicy = HpaSelectPolicy::Max;
    d.policies = std::vector<HpaScalingPolicy>{
        {HpaScalingPolicyType::Pods, k8s::kHpaScaleUpLimitMinimumPods,
         k8s::kHpaScaleUpPeriodSeconds},
        {HpaScalingPolicyType::Percent, k8s::kHpaScaleUpLimitPercent,
         k8s::kHpaScaleUpPeriodSeconds},
    };
    return merge(d, user);
}

HpaScalingRules generateHpaScaleDownRules(const std::optional<HpaScalingRules>& user) {
    HpaScalingRules d;
    d.selectPolicy = HpaSelectPolicy::Max;
    d.policies = std::vector<HpaScalingPolicy>{
        {HpaScalingPolicyType::Percent, k8s::kHpaScaleDownLimitPercent,
         k8s::kHpaScaleDownPeriodSeconds},
    };
    return merge(d, user);
}

std::string_view hpaConditionTypeName(HpaConditionType t) {
    switch (t) {
    case HpaConditionType::AbleToScale:
        return "AbleToScale";
    case HpaConditionType::ScalingActive:
        return "ScalingActive";
    case HpaConditionType::ScalingLimited:
        return "ScalingLimited";
    }
    return "AbleToScale";
}

HpaCondition hpaCondition(HpaConditionType type, bool status, std::string reason,
                          std::string message) {
    HpaCondition c;
    c.type = type;
    c.status = status;
    c.reason = std::move(reason);
    c.message = std::move(message);
    return c;
}

void setHpaCondition(std::vector<HpaCondition>& conditions, HpaCondition c, SimTime now) {
    for (HpaCondition& existing : conditions) {
        if (existing.type == c.type) {
            c.lastTransitionTime = existing.status == c.status ? existing.lastTransitionTime : now;
            existing = std::move(c);
            return;
        }
    }
    c.lastTransitionTime = now;
    conditions.push_back(std::move(c));
}

} // namespace cnsim
