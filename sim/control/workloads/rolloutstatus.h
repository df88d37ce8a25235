#pragma once

// A Deployment's status and conditions, the progress-deadline check, and the text of
// `kubectl rollout status`, as pure functions of ReplicaSet counts and times.
//
// Upstream: pkg/controller/deployment/sync.go calculateStatus; progress.go syncRolloutStatus,
// requeueStuckDeployment; util/deployment_util.go DeploymentComplete, DeploymentProgressing,
// DeploymentTimedOut and the reason constants; sync.go getNewReplicaSet (NewReplicaSetCreated,
// FoundNewReplicaSet); kubectl pkg/polymorphichelpers/rollout_status.go for the messages.
//
// The caller keeps the returned DeploymentStatus and passes it back as the previous status
// on the next sync: "progress" is measured against it, as upstream compares against the
// status stored in the API server.

#include "control/workloads/deploymentutil.h"
#include "engine/simtime.h"

#include "cluster/objectmeta.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// Reasons upstream writes on the Progressing and Available conditions.
enum class DeploymentConditionReason {
    NewReplicaSetCreated,       // NewRSReason
    FoundNewReplicaSet,         // FoundNewRSReason
    ReplicaSetUpdated,          // ReplicaSetUpdatedReason
    NewReplicaSetAvailable,     // NewRSAvailableReason
    ProgressDeadlineExceeded,   // TimedOutReason
    MinimumReplicasAvailable,   // Available=True
    MinimumReplicasUnavailable, // Available=False
};

std::string_view reasonName(DeploymentConditionReason reason);

struct DeploymentCondition {
    ConditionStatus status = ConditionStatus::Unknown;
    DeploymentConditionReason reason = DeploymentConditionReason::ReplicaSetUpdated;
    std::string message;
    SimTime lastUpdateTime;
    SimTime lastTransitionTime;
    bool operator==(const DeploymentCondition&) const = default;
};

struct DeploymentStatus {
    int replicas = 0;            // Σ status.replicas of every ReplicaSet
    int updatedReplicas = 0;     // status.replicas of the new ReplicaSet
    int readyReplicas = 0;       // Σ ready
    int availableReplicas = 0;   // Σ available
    int unavailableReplicas = 0; // max(0, Σ spec replicas − available)
    std::optional<DeploymentCondition> progressing;
    std::optional<DeploymentCondition> available;
    bool operator==(const DeploymentStatus&) const = default;
};

// calculateStatus: counts and the Available condition (True when available ≥ replicas −
// maxUnavailable). `previous` supplies the conditions to carry over; `now` stamps changes.
// `newRs` is null when there is no ReplicaSet for the current template yet.
DeploymentStatus calculateStatus(const DeploymentParams& d, const std::vector<RsCounts>& all,
                                 const RsCounts* newRs, const DeploymentStatus& previous,
                                 SimTime now);

// DeploymentComplete: updated = replicas = available = spec.replicas.
bool deploymentComplete(const DeploymentParams& d, const DeploymentStatus& status);
// DeploymentProgressing: more updated, fewer old, more ready or more available than before.
bool deploymentProgressing(const DeploymentStatus& previous, const DeploymentStatus& next);
// DeploymentTimedOut: the Progressing condition was last updated more than
// progressDeadlineSeconds ago (strictly; upstream's time.Before).
bool deploymentTimedOut(const DeploymentParams& d, const DeploymentStatus& status, SimTime now);

// Records the creation of, or the first sight of, the new ReplicaSet on the Progressing
// condition (sync.go getNewReplicaSet). Only with a progress deadline; "found" only when
// there is no Progressing condition yet.
void noteNewReplicaSetCreated(DeploymentStatus& status, const DeploymentParams& d,
                              std::string_view rsName, SimTime now);
void noteNewReplicaSetFound(DeploymentStatus& status, const DeploymentParams& d,
                            std::string_view rsName, SimTime now);

struct RolloutStatusResult {
    DeploymentStatus status;
    // When the controller should look again if nothing else happens (requeueStuckDeployment):
    // one second after the deadline would pass, or nothing if no deadline applies.
    std::optional<SimTime> recheckAt;
};

// progress.go syncRolloutStatus: new status from the ReplicaSets, then the Progressing
// condition (NewReplicaSetAvailable / ReplicaSetUpdated / ProgressDeadlineExceeded).
RolloutStatusResult syncRolloutStatus(const DeploymentParams& d, const std::vector<RsCounts>& all,
                                      const RsCounts* newRs, const DeploymentStatus& previous,
                                      SimTime now);

// `kubectl rollout status deployment/<name>` for the status, with `done` when the command
// would exit 0. A timed-out rollout is an error message (`isError`), as kubectl exits 1:
// error: deployment "web" exceeded its progress deadline
struct RolloutStatusMessage {
    std::string text; // without the trailing newline
    bool done = false;
    bool isError = false;
};
RolloutStatusMessage rolloutStatusMessage(const DeploymentParams& d,
                                          const DeploymentStatus& status);

} // namespace cnsim
