#pragma once

// One sync of the Deployment controller over abstract ReplicaSets: RollingUpdate, Recreate,
// proportional scaling of a Deployment resized mid-rollout, revision-history cleanup and
// `kubectl rollout undo`'s choice of ReplicaSet.
//
// Upstream: pkg/controller/deployment/deployment_controller.go syncDeployment;
// rolling.go rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate; recreate.go
// rolloutRecreate, oldPodsRunning; sync.go getNewReplicaSet, scale, isScalingEvent,
// cleanupDeployment, scaleReplicaSet; kubectl pkg/polymorphichelpers/rollback.go.
//
// How the model drives it: on every Deployment sync (a Deployment or ReplicaSet changed, a
// pod of it changed readiness/availability, or syncRolloutStatus asked for a recheck), pass
// the ReplicaSets it owns split into old ones and the one matching the current pod template
// (if any), plus the previous DeploymentStatus. Apply `replicaSets` (spec replicas and
// annotations; a new ReplicaSet is appended when `createdNewRs`), delete `deletedRss`, emit one
// ScalingReplicaSet event per `scaled` entry, store `status`, and schedule a sync at
// `recheckAt`. Pods are created and deleted by the ReplicaSet controller from spec replicas.
//
// Simplifications, documented: no paused Deployments, no terminating-replica accounting
// (DeploymentPodReplacementPolicy), no collision counts, no deletion timestamps on
// ReplicaSets; observedGeneration is always current.

#include "control/workloads/deploymentutil.h"
#include "control/workloads/rolloutstatus.h"
#include "engine/simtime.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// "Scaled up replica set web-5d4f8c7b9 from 0 to 1": one ScalingReplicaSet event.
struct RsScaleAction {
    std::string name;
    int from = 0;
    int to = 0;
    bool operator==(const RsScaleAction&) const = default;
};
std::string scalingEventMessage(const RsScaleAction& action);

struct DeploymentSyncInput {
    DeploymentParams deployment;
    std::vector<RsCounts> oldRss;  // every other ReplicaSet the Deployment owns
    std::optional<RsCounts> newRs; // the ReplicaSet whose template matches, if it exists
    DeploymentStatus previousStatus;
    std::string newRsName;        // the name to give a ReplicaSet created by this sync
    SimTime now;                  // becomes createdAt of a created ReplicaSet
    int oldPodsNotTerminated = 0; // Recreate only: pods of old RSs not Succeeded/Failed
};

struct DeploymentSyncResult {
    std::vector<RsCounts> oldRss;  // same order as the input, updated
    std::optional<RsCounts> newRs; // updated, or created when `createdNewRs`
    bool createdNewRs = false;
    std::vector<RsScaleAction> scaled;   // in the order upstream scales them
    std::vector<std::string> deletedRss; // revision-history cleanup
    DeploymentStatus status;
    std::optional<SimTime> recheckAt;
};

// syncDeployment: a scaling event (desired-replicas annotation differs) → proportional
// scale; otherwise the strategy's rollout.
DeploymentSyncResult syncDeployment(const DeploymentSyncInput& in);

// The pieces, exposed for tests and for a model that wants them separately.
DeploymentSyncResult rolloutRolling(const DeploymentSyncInput& in);
DeploymentSyncResult rolloutRecreate(const DeploymentSyncInput& in);
DeploymentSyncResult scaleDeployment(const DeploymentSyncInput& in);
bool isScalingEvent(const DeploymentParams& d, const std::vector<RsCounts>& oldRss,
                    const std::optional<RsCounts>& newRs);

// reconcileOldReplicaSets' two stages on the active old RSs (spec replicas > 0) plus the new
// RS: returns how many replicas were removed and updates `oldRss` in place.
int cleanupUnhealthyReplicas(std::vector<RsCounts>& oldRss, const DeploymentParams& d,
                             int maxCleanupCount, std::vector<RsScaleAction>* scaled);
int scaleDownOldReplicaSetsForRollingUpdate(std::vector<RsCounts>& oldRss, const RsCounts& newRs,
                                            const DeploymentParams& d,
                                            std::vector<RsScaleAction>* scaled);
int reconcileOldReplicaSets(std::vector<RsCounts>& oldRss, const RsCounts& newRs,
                            const DeploymentParams& d, std::vector<RsScaleAction>* scaled);

// cleanupDeployment: with a history limit, delete the oldest (by revision) old ReplicaSets
// beyond the limit, skipping any with spec or status replicas. Returns their names.
std::vector<std::string> historyToDelete(const std::vector<RsCounts>& oldRss,
                                         std::optional<int> revisionHistoryLimit);

// `kubectl rollout undo [--to-revision=N]`: which ReplicaSet's template to copy back.
// toRevision 0 means the previous revision (second highest). On failure `error` holds
// kubectl's message: "unable to find specified revision 7 in history" or
// "no rollout history found for deployment \"web\"".
struct RollbackTarget {
    std::optional<RsCounts> rs;
    std::string error;
};
RollbackTarget rollbackTarget(const std::string& deploymentName, const std::vector<RsCounts>& all,
                              int toRevision);

// The revision a new or re-used ReplicaSet gets: max revision of the old ones + 1. A rollback
// therefore moves the old template to a new, highest revision, as upstream does.
int nextRevision(const std::vector<RsCounts>& oldRss);

} // namespace cnsim
