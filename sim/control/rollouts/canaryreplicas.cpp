#include "control/rollouts/canaryreplicas.h"

#include "control/workloads/deploymentutil.h"

#include <cmath>

namespace cnsim {

namespace {

// utils/defaults/defaults.go: DefaultMaxSurge and DefaultMaxUnavailable are both "25%".
constexpr IntOrPercent kDefaultQuarter{25, true};

int ceilShare(int replicas, double share) {
    return static_cast<int>(std::ceil(static_cast<double>(replicas) * share));
}

// extraReplicaAdded: both counts were rounded up, so the sum is one over spec.replicas.
bool extraReplicaAdded(int replicas, int weight) {
    double whole = 0.0;
    return std::modf(static_cast<double>(replicas) * (static_cast<double>(weight) / 100.0),
                     &whole) != 0.0;
}

int sumSpec(const std::vector<RolloutRsCounts>& rss) {
    int sum = 0;
    for (const RolloutRsCounts& rs : rss) {
        sum += rs.specReplicas;
    }
    return sum;
}

int sumAvailable(const std::vector<RolloutRsCounts>& rss) {
    int sum = 0;
    for (const RolloutRsCounts& rs : rss) {
        sum += rs.availableReplicas;
    }
    return sum;
}

// GetReplicasForScaleDown.
int replicasForScaleDown(const std::optional<RolloutRsCounts>& rs, bool ignoreAvailability) {
    if (!rs) {
        return 0;
    }
    if (rs->specReplicas < rs->availableReplicas || ignoreAvailability) {
        return rs->specReplicas;
    }
    return rs->availableReplicas;
}

Fenceposts fenceposts(const CanaryReplicaInput& in) {
    return resolveFenceposts(in.maxSurge.value_or(kDefaultQuarter),
                             in.maxUnavailable.value_or(kDefaultQuarter), in.replicas);
}

} // namespace

int rolloutMaxSurge(const CanaryReplicaInput& in) {
    return fenceposts(in).surge;
}

int rolloutMaxUnavailable(const CanaryReplicaInput& in) {
    return std::min(fenceposts(in).unavailable, in.replicas);
}

CanaryReplicaCounts desiredCanaryCounts(const CanaryReplicaInput& in) {
    const double share = static_cast<double>(in.weight) / 100.0;
    CanaryReplicaCounts desired{ceilShare(in.replicas, share), ceilShare(in.replicas, 1 - share)};
    if (!in.stableRs) {
        desired = {in.replicas, 0}; // no stable to share with: the canary takes everything
    }
    if (in.trafficRouting) {
        desired.stableRs = in.replicas;
    }
    return desired;
}

CanaryReplicaCounts calculateCanaryCounts(const CanaryReplicaInput& in) {
    const double share = static_cast<double>(in.weight) / 100.0;
    int desiredStable = ceilShare(in.replicas, 1 - share);
    int desiredNew = ceilShare(in.replicas, share);
    if (in.trafficRouting) {
        return {desiredNew, in.replicas};
    }
    CanaryReplicaCounts counts{in.newRs ? in.newRs->specReplicas : 0, 0};
    const bool scaleStable = in.stableRs.has_value();
    if (scaleStable) {
        counts.stableRs = in.stableRs->specReplicas;
    } else {
        desiredNew = in.replicas;
        desiredStable = 0;
    }
    int maxSurge = rolloutMaxSurge(in);
    if (extraReplicaAdded(in.replicas, in.weight)) {
        ++maxSurge;
    }
    int total = sumSpec(in.olderRss) + (in.newRs ? in.newRs->specReplicas : 0) +
                (scaleStable ? in.stableRs->specReplicas : 0);
    int scaleUp = in.replicas + maxSurge - total;
    if (scaleStable && in.stableRs->specReplicas < desiredStable && scaleUp > 0) {
        if (in.stableRs->specReplicas + scaleUp < desiredStable) {
            counts.stableRs = in.stableRs->specReplicas + scaleUp;
            scaleUp = 0;
        } else {
            counts.stableRs = desiredStable;
            scaleUp -= desiredStable - in.stableRs->specReplicas;
        }
    }
    if (in.newRs && in.newRs->specReplicas < desiredNew && scaleUp > 0) {
        counts.newRs = std::min(in.newRs->specReplicas + scaleUp, desiredNew);
    }
    if (sumSpec(in.olderRss) > 0) {
        return counts; // older sets go down first
    }
    const int minAvailable = in.replicas - rolloutMaxUnavailable(in);
    // Growing the canary ignores the stable's availability; shrinking it (an abort) ignores
    // the canary's, so a crashing canary can always be scaled away.
    const bool increasing = !in.newRs || desiredNew >= in.newRs->specReplicas;
    const int toScaleDown =
        replicasForScaleDown(in.newRs, !increasing) + replicasForScaleDown(in.stableRs, increasing);
    if (toScaleDown <= minAvailable) {
        return counts;
    }
    int scaleDown = toScaleDown - minAvailable;
    if (in.newRs && in.newRs->specReplicas > desiredNew) {
        if (in.newRs->specReplicas - scaleDown < desiredNew) {
            counts.newRs = desiredNew;
            scaleDown -= in.newRs->specReplicas - desiredNew;
        } else {
            counts.newRs = in.newRs->specReplicas - scaleDown;
            scaleDown = 0;
        }
    }
    if (scaleStable && in.stableRs->specReplicas > desiredStable) {
        counts.stableRs = std::max(desiredStable, in.stableRs->specReplicas - scaleDown);
    }
    return counts;
}

bool atDesiredCanaryCounts(const CanaryReplicaInput& in) {
    const CanaryReplicaCounts desired = desiredCanaryCounts(in);
    if (!in.newRs || in.newRs->specReplicas != desired.newRs ||
        in.newRs->availableReplicas != desired.newRs) {
        return false;
    }
    if (!in.stableRs) {
        return sumAvailable(in.olderRss) == 0;
    }
    return in.stableRs->specReplicas == desired.stableRs &&
           in.stableRs->availableReplicas == desired.stableRs && sumAvailable(in.olderRss) == 0;
}

} // namespace cnsim
