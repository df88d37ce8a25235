#include "control/workloads/tainteviction.h"

#include "control/kubernetesdefaults.h"

#include <limits>
#include <string>

namespace cnsim {

std::vector<Toleration> withDefaultTolerations(std::vector<Toleration> tolerations) {
    bool notReady = false;
    bool unreachable = false;
    for (const Toleration& t : tolerations) {
        const bool noExecuteOrAny = !t.effect || *t.effect == TaintEffect::NoExecute;
        if (noExecuteOrAny && (t.key.empty() || t.key == k8s::kTaintNotReady)) {
            notReady = true;
        }
        if (noExecuteOrAny && (t.key.empty() || t.key == k8s::kTaintUnreachable)) {
            unreachable = true;
        }
    }
    if (!notReady) {
        tolerations.push_back({std::string(k8s::kTaintNotReady), TolerationOperator::Exists, "",
                               TaintEffect::NoExecute, k8s::kDefaultNotReadyTolerationSeconds});
    }
    if (!unreachable) {
        tolerations.push_back({std::string(k8s::kTaintUnreachable), TolerationOperator::Exists, "",
                               TaintEffect::NoExecute, k8s::kDefaultUnreachableTolerationSeconds});
    }
    return tolerations;
}

EvictionDeadline evictionDeadline(const std::vector<Toleration>& tolerations,
                                  const std::vector<Taint>& nodeTaints, SimTime now,
                                  const std::optional<EvictionDeadline>& previous) {
    EvictionDeadline none;
    std::vector<const Toleration*> used;
    bool anyNoExecute = false;
    for (const Taint& taint : nodeTaints) {
        if (taint.effect != TaintEffect::NoExecute) {
            continue;
        }
        anyNoExecute = true;
        const Toleration* match = nullptr;
        for (const Toleration& t : tolerations) {
            if (toleratesTaint(t, taint)) {
                match = &t;
                break;
            }
        }
        if (!match) {
            return EvictionDeadline{now, now}; // not tolerated: evict at once
        }
        used.push_back(match);
    }
    if (!anyNoExecute) {
        return none;
    }
    // getMinTolerationTime
    std::int64_t minSeconds = std::numeric_limits<std::int64_t>::max();
    for (const Toleration* t : used) {
        if (t->tolerationSeconds) {
            if (*t->tolerationSeconds <= 0) {
                minSeconds = 0;
                break;
            }
            minSeconds = std::min(minSeconds, *t->tolerationSeconds);
        }
    }
    if (minSeconds == std::numeric_limits<std::int64_t>::max()) {
        return none; // tolerated forever
    }
    const SimTime wait = SimTime::seconds(minSeconds);
    if (previous && previous->at) {
        // Upstream keeps a scheduled eviction untouched when it was created earlier (its
        // createdAt + wait is before now + wait); otherwise it re-adds it, firing at now + wait.
        if (previous->startedAt + wait < now + wait) {
            return *previous;
        }
        return EvictionDeadline{now + wait, previous->startedAt};
    }
    return EvictionDeadline{now + wait, now};
}

} // namespace cnsim
