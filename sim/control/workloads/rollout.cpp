#include "control/workloads/rollout.h"

#include <algorithm>
#include <tuple>

namespace cnsim {

std::string scalingEventMessage(const RsScaleAction& action) {
    const char* direction = action.to > action.from ? "up" : "down";
    return std::string("Scaled ") + direction + " replica set " + action.name + " from " +
           std::to_string(action.from) + " to " + std::to_string(action.to);
}

namespace {

// controller.ReplicaSetsByCreationTimestamp: oldest first, name breaks ties.
bool olderFirst(const RsCounts& a, const RsCounts& b) {
    return std::tie(a.createdAt, a.name) < std::tie(b.createdAt, b.name);
}

// scaleReplicaSet: sets the size and stamps the replicas annotations; an event only when the
// size changed.
void scaleRs(RsCounts& rs, int newScale, const DeploymentParams& d,
             std::vector<RsScaleAction>* scaled) {
    if (scaled && rs.specReplicas != newScale) {
        scaled->push_back({rs.name, rs.specReplicas, newScale});
    }
    rs.specReplicas = newScale;
    stampReplicasAnnotations(rs, d);
}

// scaleReplicaSetAndRecordEvent: nothing at all when the size is already right.
bool scaleRsIfNeeded(RsCounts& rs, int newScale, const DeploymentParams& d,
                     std::vector<RsScaleAction>* scaled) {
    if (rs.specReplicas == newScale) {
        return false;
    }
    scaleRs(rs, newScale, d, scaled);
    return true;
}

RsCounts* findByName(std::vector<RsCounts>& rss, const std::string& name) {
    for (RsCounts& rs : rss) {
        if (rs.name == name) {
            return &rs;
        }
    }
    return nullptr;
}

std::vector<RsCounts> allOf(const DeploymentSyncResult& r) {
    std::vector<RsCounts> all = r.oldRss;
    if (r.newRs) {
        all.push_back(*r.newRs);
    }
    return all;
}

// getAllReplicaSetsAndSyncRevision: bring an existing new RS to the newest revision, or
// create it when asked. `working` is the Deployment status the sync continues from.
DeploymentSyncResult prepare(const DeploymentSyncInput& in, bool create,
                             DeploymentStatus& working) {
    DeploymentSyncResult r;
    r.oldRss = in.oldRss;
    working = in.previousStatus;
    const int revision = nextRevision(in.oldRss);
    if (in.newRs) {
        r.newRs = in.newRs;
        r.newRs->revision = std::max(r.newRs->revision, revision);
        noteNewReplicaSetFound(working, in.deployment, r.newRs->name, in.now);
    } else if (create) {
        RsCounts rs;
        rs.name = in.newRsName;
        rs.revision = revision;
        rs.createdAt = in.now;
        stampReplicasAnnotations(rs, in.deployment);
        std::vector<RsCounts> all = in.oldRss;
        all.push_back(rs);
        rs.specReplicas = newRsNewReplicas(in.deployment, all, rs);
        if (rs.specReplicas > 0) {
            r.scaled.push_back({rs.name, 0, rs.specReplicas});
        }
        r.newRs = rs;
        r.createdNewRs = true;
        noteNewReplicaSetCreated(working, in.deployment, rs.name, in.now);
    }
    return r;
}

void finishWithRolloutStatus(DeploymentSyncResult& r, const DeploymentParams& d,
                             const DeploymentStatus& working, SimTime now) {
    const std::vector<RsCounts> all = allOf(r);
    RolloutStatusResult s = syncRolloutStatus(d, all, r.newRs ? &*r.newRs : nullptr, working, now);
    r.status = std::move(s.status);
    r.recheckAt = s.recheckAt;
}

std::vector<RsCounts> activeOf(const std::vector<RsCounts>& rss) {
    std::vector<RsCounts> active;
    for (const RsCounts& rs : rss) {
        if (rs.specReplicas > 0) {
            active.push_back(rs);
        }
    }
    return active;
}

void writeBack(std::vector<RsCounts>& into, const std::vector<RsCounts>& from) {
    for (const RsCounts& rs : from) {
        if (RsCounts* target = findByName(into, rs.name)) {
            *target = rs;
        }
    }
}

} // namespace

int nextRevision(const std::vector<RsCounts>& oldRss) {
    return maxRevision(oldRss) + 1;
}

int cleanupUnhealthyReplicas(std::vector<RsCounts>& oldRss, const DeploymentParams& d,
                             int maxCleanupCount, std::vector<RsScaleAction>* scaled) {
    std::stable_sort(oldRss.begin(), oldRss.end(), olderFirst);
    int total = 0;
    for (RsCounts& rs : oldRss) {
        if (total >= maxCleanupCount) {
            break;
        }
        if (rs.specReplicas == 0 || rs.specReplicas == rs.availableReplicas) {
            continue; // nothing to clean up, or every replica is healthy
        }
        const int count = std::min(maxCleanupCount - total, rs.specReplicas - rs.availableReplicas);
        scaleRsIfNeeded(rs, rs.specReplicas - count, d, scaled);
        total += count;
    }
    return total;
}

int scaleDownOldReplicaSetsForRollingUpdate(std::vector<RsCounts>& oldRss, const RsCounts& newRs,
                                            const DeploymentParams& d,
                                            std::vector<RsScaleAction>* scaled) {
    const int minAvailable = d.replicas - maxUnavailable(d);
    // Status is not touched by a scale, so availability is what the ReplicaSets last reported.
    const int available = sumAvailableReplicas(oldRss) + newRs.availableReplicas;
    if (available <= minAvailable) {
        return 0;
    }
    std::stable_sort(oldRss.begin(), oldRss.end(), olderFirst);
    const int toScaleDown = available - minAvailable;
    int total = 0;
    for (RsCounts& rs : oldRss) {
        if (total >= toScaleDown) {
            break;
        }
        if (rs.specReplicas == 0) {
            continue;
        }
        const int count = std::min(rs.specReplicas, toScaleDown - total);
        scaleRsIfNeeded(rs, rs.specReplicas - count, d, scaled);
        total += count;
    }
    return total;
}

int reconcileOldReplicaSets(std::vector<RsCounts>& oldRss, const RsCounts& newRs,
                            const DeploymentParams& d, std::vector<RsScaleAction>* scaled) {
    if (sumSpecReplicas(oldRss) == 0) {
        return 0; // nothing left to scale down
    }
    const int allPods = sumSpecReplicas(oldRss) + newRs.specReplicas;
    const int minAvailable = d.replicas - maxUnavailable(d);
    const int newRsUnavailable = newRs.specReplicas - newRs.availableReplicas;
    // Unavailable new pods use up the budget: a new RS that never becomes available freezes
    // the rollout here.
    const int maxScaledDown = allPods - minAvailable - newRsUnavailable;
    if (maxScaledDown <= 0) {
        return 0;
    }
    const int cleaned = cleanupUnhealthyReplicas(oldRss, d, maxScaledDown, scaled);
    const int scaledDown = scaleDownOldReplicaSetsForRollingUpdate(oldRss, newRs, d, scaled);
    return cleaned + scaledDown;
}

std::vector<std::string> historyToDelete(const std::vector<RsCounts>& oldRss,
                                         std::optional<int> revisionHistoryLimit) {
    std::vector<std::string> out;
    if (!revisionHistoryLimit) {
        return out;
    }
    const int diff = static_cast<int>(oldRss.size()) - *revisionHistoryLimit;
    if (diff <= 0) {
        return out;
    }
    std::vector<RsCounts> sorted = oldRss;
    // ReplicaSetsByRevision: lowest revision first, creation time breaks ties.
    std::stable_sort(sorted.begin(), sorted.end(), [](const RsCounts& a, const RsCounts& b) {
        return std::tie(a.revision, a.createdAt, a.name) <
               std::tie(b.revision, b.createdAt, b.name);
    });
    // Upstream looks at exactly `diff` candidates and skips busy ones without replacing them.
    for (int i = 0; i < diff; ++i) {
        const RsCounts& rs = sorted[static_cast<std::size_t>(i)];
        if (rs.replicas != 0 || rs.specReplicas != 0) {
            continue;
        }
        out.push_back(rs.name);
    }
    return out;
}

bool isScalingEvent(const DeploymentParams& d, const std::vector<RsCounts>& oldRss,
                    const std::optional<RsCounts>& newRs) {
    std::vector<RsCounts> all = oldRss;
    if (newRs) {
        all.push_back(*newRs);
    }
    for (const RsCounts& rs : all) {
        if (rs.specReplicas > 0 && rs.desiredReplicasAnnotation &&
            *rs.desiredReplicasAnnotation != d.replicas) {
            return true;
        }
    }
    return false;
}

DeploymentSyncResult rolloutRolling(const DeploymentSyncInput& in) {
    const DeploymentParams& d = in.deployment;
    DeploymentStatus working;
    DeploymentSyncResult r = prepare(in, true, working);
    RsCounts& newRs = *r.newRs;

    // reconcileNewReplicaSet
    bool scaledUp = false;
    if (newRs.specReplicas > d.replicas) {
        scaledUp = scaleRsIfNeeded(newRs, d.replicas, d, &r.scaled);
    } else if (newRs.specReplicas < d.replicas) {
        const int target = newRsNewReplicas(d, allOf(r), newRs);
        scaledUp = scaleRsIfNeeded(newRs, target, d, &r.scaled);
    }

    if (!scaledUp) {
        std::vector<RsCounts> active = activeOf(r.oldRss);
        const int scaledDown = reconcileOldReplicaSets(active, newRs, d, &r.scaled);
        writeBack(r.oldRss, active);
        if (scaledDown == 0 && deploymentComplete(d, in.previousStatus)) {
            r.deletedRss = historyToDelete(r.oldRss, d.revisionHistoryLimit);
        }
    }
    finishWithRolloutStatus(r, d, working, in.now);
    return r;
}

DeploymentSyncResult rolloutRecreate(const DeploymentSyncInput& in) {
    const DeploymentParams& d = in.deployment;
    DeploymentStatus working;
    DeploymentSyncResult r = prepare(in, false, working);

    bool scaledDown = false;
    for (RsCounts& rs : r.oldRss) {
        if (rs.specReplicas > 0) {
            scaledDown = scaleRsIfNeeded(rs, 0, d, &r.scaled) || scaledDown;
        }
    }
    // oldPodsRunning: old pods that exist, or have not reached Succeeded/Failed, block the
    // new ReplicaSet; Recreate never runs old and new pods together.
    const bool oldPodsRunning = sumReplicas(r.oldRss) > 0 || in.oldPodsNotTerminated > 0;
    if (!scaledDown && !oldPodsRunning) {
        if (!r.newRs) {
            DeploymentSyncResult created = prepare(in, true, working);
            r.newRs = created.newRs;
            r.createdNewRs = true;
            r.scaled.insert(r.scaled.end(), created.scaled.begin(), created.scaled.end());
        }
        scaleRsIfNeeded(*r.newRs, d.replicas, d, &r.scaled);
        if (deploymentComplete(d, in.previousStatus)) {
            r.deletedRss = historyToDelete(r.oldRss, d.revisionHistoryLimit);
        }
    }
    finishWithRolloutStatus(r, d, working, in.now);
    return r;
}

DeploymentSyncResult scaleDeployment(const DeploymentSyncInput& in) {
    const DeploymentParams& d = in.deployment;
    DeploymentStatus working;
    DeploymentSyncResult r = prepare(in, false, working);

    // FindActiveOrLatest: the only active RS, or the newest one when none is active.
    std::vector<RsCounts*> oldNewestFirst;
    for (RsCounts& rs : r.oldRss) {
        oldNewestFirst.push_back(&rs);
    }
    std::stable_sort(oldNewestFirst.begin(), oldNewestFirst.end(),
                     [](const RsCounts* a, const RsCounts* b) { return olderFirst(*b, *a); });
    std::vector<RsCounts*> active;
    for (RsCounts* rs : oldNewestFirst) {
        if (rs->specReplicas > 0) {
            active.push_back(rs);
        }
    }
    if (r.newRs && r.newRs->specReplicas > 0) {
        active.push_back(&*r.newRs);
    }
    RsCounts* activeOrLatest = nullptr;
    if (active.size() == 1) {
        activeOrLatest = active.front();
    } else if (active.empty()) {
        activeOrLatest =
            r.newRs ? &*r.newRs : (oldNewestFirst.empty() ? nullptr : oldNewestFirst.front());
    }

    if (active.size() <= 1) {
        if (activeOrLatest) {
            scaleRsIfNeeded(*activeOrLatest, d.replicas, d, &r.scaled);
        }
    } else if (r.newRs && isSaturated(d, *r.newRs)) {
        for (RsCounts& rs : r.oldRss) {
            if (rs.specReplicas > 0) {
                scaleRsIfNeeded(rs, 0, d, &r.scaled);
            }
        }
    } else if (d.strategy == DeploymentStrategyType::RollingUpdate) {
        const int allowedSize = d.replicas > 0 ? d.replicas + maxSurge(d) : 0;
        int current = 0;
        for (const RsCounts* rs : active) {
            current += rs->specReplicas;
        }
        const int toAdd = allowedSize - current;
        // Larger RSs first; on equal size the newer first when growing, the older first when
        // shrinking (ReplicaSetsBySizeNewer / ReplicaSetsBySizeOlder).
        std::stable_sort(active.begin(), active.end(),
                         [toAdd](const RsCounts* a, const RsCounts* b) {
                             if (a->specReplicas != b->specReplicas) {
                                 return a->specReplicas > b->specReplicas;
                             }
                             return toAdd > 0 ? olderFirst(*b, *a) : olderFirst(*a, *b);
                         });
        std::vector<int> sizes;
        int added = 0;
        for (const RsCounts* rs : active) {
            int size = rs->specReplicas;
            if (toAdd != 0) {
                const int proportion =
                    proportionFor(*rs, d, toAdd, added, in.previousStatus.replicas);
                size += proportion;
                added += proportion;
            }
            sizes.push_back(size);
        }
        if (!active.empty() && toAdd != 0) {
            // Whatever rounding left over goes to (or comes from) the largest RS.
            sizes.front() = std::max(0, sizes.front() + toAdd - added);
        }
        for (std::size_t i = 0; i < active.size(); ++i) {
            scaleRs(*active[i], sizes[i], d, &r.scaled);
        }
    }
    // dc.sync ends with syncDeploymentStatus: counts and Available only, no progress check.
    const std::vector<RsCounts> all = allOf(r);
    r.status = calculateStatus(d, all, r.newRs ? &*r.newRs : nullptr, working, in.now);
    return r;
}

DeploymentSyncResult syncDeployment(const DeploymentSyncInput& in) {
    if (isScalingEvent(in.deployment, in.oldRss, in.newRs)) {
        return scaleDeployment(in);
    }
    if (in.deployment.strategy == DeploymentStrategyType::Recreate) {
        return rolloutRecreate(in);
    }
    return rolloutRolling(in);
}

RollbackTarget rollbackTarget(const std::string& deploymentName, const std::vector<RsCounts>& all,
                              int toRevision) {
    RollbackTarget t;
    if (toRevision > 0) {
        for (const RsCounts& rs : all) {
            if (rs.revision == toRevision) {
                t.rs = rs;
                return t;
            }
        }
        t.error = "unable to find specified revision " + std::to_string(toRevision) + " in history";
        return t;
    }
    const RsCounts* latest = nullptr;
    const RsCounts* previous = nullptr;
    for (const RsCounts& rs : all) {
        if (!latest || rs.revision > latest->revision) {
            previous = latest;
            latest = &rs;
        } else if (!previous || rs.revision > previous->revision) {
            previous = &rs;
        }
    }
    if (!previous) {
        t.error = "no rollout history found for deployment \"" + deploymentName + "\"";
        return t;
    }
    t.rs = *previous;
    return t;
}

} // namespace cnsim
