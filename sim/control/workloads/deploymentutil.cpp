#include "control/workloads/deploymentutil.h"

#include "control/kubernetesdefaults.h"
#include "control/workloads/intorpercent.h"
#include "scenario/scenario.h"

#include <algorithm>

namespace cnsim {

DeploymentParams DeploymentParams::fromSpec(const DeploymentSpec& spec) {
    DeploymentParams d;
    d.name = spec.name;
    d.replicas = spec.replicas;
    const DeploymentStrategy strategy = spec.strategy.value_or(DeploymentStrategy{});
    d.strategy = strategy.type;
    // SetDefaults_Deployment fills maxSurge / maxUnavailable only for RollingUpdate.
    if (d.strategy == DeploymentStrategyType::RollingUpdate) {
        d.maxSurge = strategy.maxSurge.value_or(k8s::kDefaultMaxSurge);
        d.maxUnavailable = strategy.maxUnavailable.value_or(k8s::kDefaultMaxUnavailable);
    }
    d.minReadySeconds = spec.minReadySeconds.value_or(k8s::kDefaultMinReadySeconds);
    d.progressDeadlineSeconds =
        spec.progressDeadlineSeconds.value_or(k8s::kDefaultProgressDeadlineSeconds);
    d.revisionHistoryLimit = spec.revisionHistoryLimit.value_or(k8s::kDefaultRevisionHistoryLimit);
    return d;
}

Fenceposts resolveFenceposts(std::optional<IntOrPercent> maxSurgeValue,
                             std::optional<IntOrPercent> maxUnavailableValue, int desired) {
    Fenceposts f;
    f.surge = scaledValueFromIntOrPercent(maxSurgeValue.value_or(IntOrPercent{}), desired, true);
    f.unavailable =
        scaledValueFromIntOrPercent(maxUnavailableValue.value_or(IntOrPercent{}), desired, false);
    if (f.surge == 0 && f.unavailable == 0) {
        // Validation rejects 0/0 only for ints; percentages can still scale to 0/0.
        f.unavailable = 1;
    }
    return f;
}

std::optional<Fenceposts> resolveFencepostsText(std::optional<std::string> maxSurgeText,
                                                std::optional<std::string> maxUnavailableText,
                                                int desired) {
    std::optional<IntOrPercent> surge;
    std::optional<IntOrPercent> unavailable;
    if (maxSurgeText) {
        surge = parsePercentString(*maxSurgeText);
        if (!surge) {
            return std::nullopt;
        }
    }
    if (maxUnavailableText) {
        unavailable = parsePercentString(*maxUnavailableText);
        if (!unavailable) {
            return std::nullopt;
        }
    }
    return resolveFenceposts(surge, unavailable, desired);
}

int maxSurge(const DeploymentParams& d) {
    if (d.strategy != DeploymentStrategyType::RollingUpdate) {
        return 0;
    }
    return resolveFenceposts(d.maxSurge, d.maxUnavailable, d.replicas).surge;
}

int maxUnavailable(const DeploymentParams& d) {
    if (d.strategy != DeploymentStrategyType::RollingUpdate || d.replicas == 0) {
        return 0;
    }
    const int unavailable = resolveFenceposts(d.maxSurge, d.maxUnavailable, d.replicas).unavailable;
    return std::min(unavailable, d.replicas);
}

int newRsNewReplicas(const DeploymentParams& d, const std::vector<RsCounts>& all,
                     const RsCounts& newRs) {
    if (d.strategy == DeploymentStrategyType::Recreate) {
        return d.replicas;
    }
    // Upstream scales maxSurge directly here, not through ResolveFenceposts: 0/0 stays 0.
    const int surge =
        scaledValueFromIntOrPercent(d.maxSurge.value_or(IntOrPercent{}), d.replicas, true);
    const int current = sumSpecReplicas(all);
    const int maxTotal = d.replicas + surge;
    if (current >= maxTotal) {
        return newRs.specReplicas;
    }
    const int scaleUp = std::min(maxTotal - current, d.replicas - newRs.specReplicas);
    return newRs.specReplicas + scaleUp;
}

namespace {
template <typename Field>
int sumOf(const std::vector<RsCounts>& rss, Field field) {
    int total = 0;
    for (const RsCounts& rs : rss) {
        total += rs.*field;
    }
    return total;
}
} // namespace

int sumSpecReplicas(const std::vector<RsCounts>& rss) {
    return sumOf(rss, &RsCounts::specReplicas);
}
int sumReplicas(const std::vector<RsCounts>& rss) {
    return sumOf(rss, &RsCounts::replicas);
}
int sumReadyReplicas(const std::vector<RsCounts>& rss) {
    return sumOf(rss, &RsCounts::readyReplicas);
}
int sumAvailableReplicas(const std::vector<RsCounts>& rss) {
    return sumOf(rss, &RsCounts::availableReplicas);
}

int maxRevision(const std::vector<RsCounts>& rss) {
    int max = 0;
    for (const RsCounts& rs : rss) {
        max = std::max(max, rs.revision);
    }
    return max;
}

bool isSaturated(const DeploymentParams& d, const RsCounts& newRs) {
    return newRs.specReplicas == d.replicas && newRs.desiredReplicasAnnotation == d.replicas &&
           newRs.availableReplicas == d.replicas;
}

void stampReplicasAnnotations(RsCounts& rs, const DeploymentParams& d) {
    rs.desiredReplicasAnnotation = d.replicas;
    rs.maxReplicasAnnotation = d.replicas + maxSurge(d);
}

int proportionFor(const RsCounts& rs, const DeploymentParams& d, int replicasToAdd,
                  int replicasAdded, int previousStatusReplicas) {
    if (rs.specReplicas == 0 || replicasToAdd == 0 || replicasToAdd == replicasAdded) {
        return 0;
    }
    int fraction = 0;
    if (d.replicas == 0) {
        // Scaling to zero: this ReplicaSet's whole size goes.
        fraction = -rs.specReplicas;
    } else {
        const int newMax = d.replicas + maxSurge(d);
        int annotated = rs.maxReplicasAnnotation.value_or(0);
        if (annotated == 0) {
            annotated = previousStatusReplicas;
        }
        if (annotated <= 0) {
            annotated = 1; // upstream would divide by zero; never reached with stamped RSs
        }
        // round(spec × newMax / annotated), half away from zero; both factors are positive.
        const long long num = static_cast<long long>(rs.specReplicas) * newMax;
        const long long rounded = (2 * num + annotated) / (2LL * annotated);
        fraction = static_cast<int>(rounded) - rs.specReplicas;
    }
    const int allowed = replicasToAdd - replicasAdded;
    // Never hand out more than is left to add (or remove).
    return replicasToAdd > 0 ? std::min(fraction, allowed) : std::max(fraction, allowed);
}

} // namespace cnsim
