#include "control/rollouts/canaryreplicas.h"

#include "control/workloads/deploymentutil.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace cnsim {

namespace {

// utils/defaults/defaults.go: DefaultMaxSurge and DefaultMaxUnavailable are both "25%".
constexpr IntOrPercent kDefaultQuarter{25, true};

int ceilShare(int replicas, double share) {
    return static_cast<int>(std::ceil(static_cast<double>(replicas) * share));
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

CanaryReplicaCounts approximateCanaryCounts(int specReplicas, int weight, int maxSurge) {
    if (specReplicas == 0) {
        return {0, 0};
    }
    struct Option {
        int canary;
        int total;
    };
    const auto tied = [weight](int total) {
        double whole = 0.0;
        return std::modf(static_cast<double>(total) * (static_cast<double>(weight) / 100.0),
                         &whole) == 0.5;
    };
    const auto delta = [weight](const Option& o) {
        return std::abs(static_cast<double>(o.canary * 100) / static_cast<double>(o.total) -
                        static_cast<double>(weight));
    };
    const int ceilCount =
        static_cast<int>(std::ceil(static_cast<double>(specReplicas * weight) / 100.0));
    const int floorCount =
        static_cast<int>(std::floor(static_cast<double>(specReplicas * weight) / 100.0));
    // Zero canary (or stable) pods only at 0 or 100 %, or with one pod and no room to surge.
    const bool zeroAllowed = weight == 100 || weight == 0 || (specReplicas == 1 && maxSurge == 0);
    std::vector<Option> options;
    if (ceilCount < specReplicas || zeroAllowed) {
        options.push_back({ceilCount, specReplicas});
    }
    if (!tied(specReplicas) && (floorCount != 0 || zeroAllowed)) {
        options.push_back({floorCount, specReplicas});
    }
    // With room to surge, one pod over spec.replicas may approximate the weight better.
    if (maxSurge > 0) {
        options.push_back({ceilCount, specReplicas + 1});
        if (!tied(specReplicas + 1) && (floorCount != 0 || zeroAllowed)) {
            options.push_back({floorCount, specReplicas + 1});
        }
    }
    if (options.empty()) {
        return {0, specReplicas};
    }
    Option best = options.front();
    for (std::size_t i = 1; i < options.size(); ++i) {
        if (delta(options[i]) < delta(best)) {
            best = options[i];
        }
    }
    return {best.canary, best.total - best.canary};
}

CanaryReplicaCounts desiredCanaryCounts(const CanaryReplicaInput& in) {
    CanaryReplicaCounts desired;
    if (in.trafficRouting) {
        // CalculateReplicaCountsForTrafficRoutedCanary: the canary follows the weight (rounded
        // up), the stable keeps every replica.
        desired = {ceilShare(in.replicas, static_cast<double>(in.weight) / 100.0), in.replicas};
    } else {
        desired = approximateCanaryCounts(in.replicas, in.weight, rolloutMaxSurge(in));
    }
    if (!in.stableRs) {
        desired = {in.replicas, 0}; // no stable to share with: the canary takes everything
    }
    return desired;
}

namespace {

// calculateScaleDownReplicaCount: the set whose availability was ignored goes down toward
// its desired count by at most scaleDown.
int scaleDownToward(const std::optional<RolloutRsCounts>& rs, int desired, int scaleDown,
                    int current) {
    if (rs && rs->specReplicas > desired) {
        return std::max(desired, rs->specReplicas - scaleDown);
    }
    return current;
}

// adjustReplicaWithinLimits: keep the pair within maxSurge, then give back to `adjust` what
// keeps the pair at minAvailable, taking it from `drain`.
std::pair<int, int> adjustWithinLimits(const std::optional<RolloutRsCounts>& drain,
                                       const std::optional<RolloutRsCounts>& adjust, int drainCount,
                                       int adjustCount, int maxAllowed, int minAvailable) {
    int totalAvailable = 0;
    int over = std::max(0, adjustCount + drainCount - maxAllowed);
    if (drain) {
        totalAvailable += std::min(drain->availableReplicas, drainCount);
    }
    if (adjust) {
        adjustCount -= over;
        totalAvailable += std::min(adjust->availableReplicas, adjustCount);
        const int extraAvailable = std::max(0, adjust->availableReplicas - adjustCount);
        const int missing = std::max(0, minAvailable - totalAvailable);
        adjustCount += std::min(extraAvailable, missing);
        over = std::max(0, adjustCount + drainCount - maxAllowed);
        drainCount -= over;
    }
    return {drainCount, adjustCount};
}

} // namespace

CanaryReplicaCounts calculateCanaryCounts(const CanaryReplicaInput& in) {
    if (in.trafficRouting) {
        return desiredCanaryCounts(in);
    }
    const int maxSurge = rolloutMaxSurge(in);
    CanaryReplicaCounts desired = approximateCanaryCounts(in.replicas, in.weight, maxSurge);
    CanaryReplicaCounts counts{in.newRs ? in.newRs->specReplicas : 0, 0};
    const bool scaleStable = in.stableRs.has_value();
    if (scaleStable) {
        counts.stableRs = in.stableRs->specReplicas;
    } else {
        desired = {in.replicas, 0};
    }
    const int maxAllowed = in.replicas + maxSurge;
    const int total = sumSpec(in.olderRss) + (in.newRs ? in.newRs->specReplicas : 0) +
                      (scaleStable ? in.stableRs->specReplicas : 0);
    int scaleUp = maxAllowed - total;
    // The stable is scaled up first, then the canary, within maxSurge.
    if (scaleStable && in.stableRs->specReplicas < desired.stableRs && scaleUp > 0) {
        if (in.stableRs->specReplicas + scaleUp < desired.stableRs) {
            counts.stableRs = in.stableRs->specReplicas + scaleUp;
            scaleUp = 0;
        } else {
            counts.stableRs = desired.stableRs;
            scaleUp -= desired.stableRs - in.stableRs->specReplicas;
        }
    }
    if (in.newRs && in.newRs->specReplicas < desired.newRs && scaleUp > 0) {
        counts.newRs = std::min(in.newRs->specReplicas + scaleUp, desired.newRs);
    }
    if (sumSpec(in.olderRss) > 0) {
        return counts; // older sets go down first
    }
    const int minAvailable = in.replicas - rolloutMaxUnavailable(in);
    // Growing the canary ignores the stable's availability; shrinking it (an abort) ignores
    // the canary's, so a crashing canary can always be scaled away.
    const bool increasing = !in.newRs || desired.newRs >= in.newRs->specReplicas;
    const int toScaleDown =
        replicasForScaleDown(in.newRs, !increasing) + replicasForScaleDown(in.stableRs, increasing);
    if (toScaleDown <= minAvailable) {
        return counts;
    }
    const int scaleDown = toScaleDown - minAvailable;
    if (!increasing) {
        counts.newRs = scaleDownToward(in.newRs, desired.newRs, scaleDown, counts.newRs);
        std::tie(counts.newRs, counts.stableRs) = adjustWithinLimits(
            in.newRs, in.stableRs, counts.newRs, counts.stableRs, maxAllowed, minAvailable);
    } else if (scaleStable) {
        counts.stableRs =
            scaleDownToward(in.stableRs, desired.stableRs, scaleDown, counts.stableRs);
        std::tie(counts.stableRs, counts.newRs) = adjustWithinLimits(
            in.stableRs, in.newRs, counts.stableRs, counts.newRs, maxAllowed, minAvailable);
    }
    return counts;
}

bool atDesiredCanaryCounts(const CanaryReplicaInput& in) {
    // AtDesiredReplicaCountsForCanary: the counts this sync would set are already set, every
    // canary pod is available, every stable pod exists and, without a traffic router, no older
    // pod is available (it would still serve traffic).
    const CanaryReplicaCounts desired = calculateCanaryCounts(in);
    if (!in.newRs || in.newRs->specReplicas != desired.newRs ||
        in.newRs->availableReplicas != desired.newRs) {
        return false;
    }
    if (in.stableRs && (in.stableRs->specReplicas != desired.stableRs ||
                        in.stableRs->replicas != desired.stableRs)) {
        return false;
    }
    return in.trafficRouting || sumAvailable(in.olderRss) == 0;
}

} // namespace cnsim
