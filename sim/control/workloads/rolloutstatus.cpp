#include "control/workloads/rolloutstatus.h"

#include <algorithm>
#include <string>

namespace cnsim {

std::string_view reasonName(DeploymentConditionReason reason) {
    switch (reason) {
    case DeploymentConditionReason::NewReplicaSetCreated:
        return "NewReplicaSetCreated";
    case DeploymentConditionReason::FoundNewReplicaSet:
        return "FoundNewReplicaSet";
    case DeploymentConditionReason::ReplicaSetUpdated:
        return "ReplicaSetUpdated";
    case DeploymentConditionReason::NewReplicaSetAvailable:
        return "NewReplicaSetAvailable";
    case DeploymentConditionReason::ProgressDeadlineExceeded:
        return "ProgressDeadlineExceeded";
    case DeploymentConditionReason::MinimumReplicasAvailable:
        return "MinimumReplicasAvailable";
    case DeploymentConditionReason::MinimumReplicasUnavailable:
        return "MinimumReplicasUnavailable";
    }
    return "";
}

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    out += s;
    out += '"';
    return out;
}

DeploymentCondition makeCondition(ConditionStatus status, DeploymentConditionReason reason,
                                  std::string message, SimTime now) {
    return DeploymentCondition{status, reason, std::move(message), now, now};
}

// util.SetDeploymentCondition: same status and reason is no change at all; same status keeps
// the transition time.
void setCondition(std::optional<DeploymentCondition>& slot, DeploymentCondition condition) {
    if (slot && slot->status == condition.status && slot->reason == condition.reason) {
        return;
    }
    if (slot && slot->status == condition.status) {
        condition.lastTransitionTime = slot->lastTransitionTime;
    }
    slot = std::move(condition);
}

} // namespace

DeploymentStatus calculateStatus(const DeploymentParams& d, const std::vector<RsCounts>& all,
                                 const RsCounts* newRs, const DeploymentStatus& previous,
                                 SimTime now) {
    DeploymentStatus s;
    s.progressing = previous.progressing;
    s.available = previous.available;
    s.replicas = sumReplicas(all);
    s.updatedReplicas = newRs ? newRs->replicas : 0;
    s.readyReplicas = sumReadyReplicas(all);
    s.availableReplicas = sumAvailableReplicas(all);
    // Upstream subtracts from the spec total, so pods not yet created count as unavailable.
    s.unavailableReplicas = std::max(0, sumSpecReplicas(all) - s.availableReplicas);
    if (s.availableReplicas >= d.replicas - maxUnavailable(d)) {
        setCondition(s.available, makeCondition(ConditionStatus::True,
                                                DeploymentConditionReason::MinimumReplicasAvailable,
                                                "Deployment has minimum availability.", now));
    } else {
        setCondition(s.available,
                     makeCondition(ConditionStatus::False,
                                   DeploymentConditionReason::MinimumReplicasUnavailable,
                                   "Deployment does not have minimum availability.", now));
    }
    return s;
}

bool deploymentComplete(const DeploymentParams& d, const DeploymentStatus& status) {
    return status.updatedReplicas == d.replicas && status.replicas == d.replicas &&
           status.availableReplicas == d.replicas;
}

bool deploymentProgressing(const DeploymentStatus& previous, const DeploymentStatus& next) {
    const int previousOld = previous.replicas - previous.updatedReplicas;
    const int nextOld = next.replicas - next.updatedReplicas;
    return next.updatedReplicas > previous.updatedReplicas || nextOld < previousOld ||
           next.readyReplicas > previous.readyReplicas ||
           next.availableReplicas > previous.availableReplicas;
}

bool deploymentTimedOut(const DeploymentParams& d, const DeploymentStatus& status, SimTime now) {
    if (!d.progressDeadlineSeconds || !status.progressing) {
        return false;
    }
    const DeploymentCondition& c = *status.progressing;
    // A finished rollout never times out; a timed-out one stays timed out.
    if (c.reason == DeploymentConditionReason::NewReplicaSetAvailable) {
        return false;
    }
    if (c.reason == DeploymentConditionReason::ProgressDeadlineExceeded) {
        return true;
    }
    return c.lastUpdateTime + SimTime::seconds(*d.progressDeadlineSeconds) < now;
}

void noteNewReplicaSetCreated(DeploymentStatus& status, const DeploymentParams& d,
                              std::string_view rsName, SimTime now) {
    if (!d.progressDeadlineSeconds) {
        return;
    }
    setCondition(status.progressing,
                 makeCondition(ConditionStatus::True,
                               DeploymentConditionReason::NewReplicaSetCreated,
                               "Created new replica set " + quoted(rsName), now));
}

void noteNewReplicaSetFound(DeploymentStatus& status, const DeploymentParams& d,
                            std::string_view rsName, SimTime now) {
    if (!d.progressDeadlineSeconds || status.progressing) {
        return;
    }
    status.progressing =
        makeCondition(ConditionStatus::True, DeploymentConditionReason::FoundNewReplicaSet,
                      "Found new replica set " + quoted(rsName), now);
}

RolloutStatusResult syncRolloutStatus(const DeploymentParams& d, const std::vector<RsCounts>& all,
                                      const RsCounts* newRs, const DeploymentStatus& previous,
                                      SimTime now) {
    RolloutStatusResult result;
    DeploymentStatus s = calculateStatus(d, all, newRs, previous, now);
    if (!d.progressDeadlineSeconds) {
        s.progressing.reset();
    }
    const bool isCompleteDeployment =
        s.replicas == s.updatedReplicas && previous.progressing &&
        previous.progressing->reason == DeploymentConditionReason::NewReplicaSetAvailable;
    if (d.progressDeadlineSeconds && !isCompleteDeployment) {
        const std::string subject =
            newRs ? "ReplicaSet " + quoted(newRs->name) : "Deployment " + quoted(d.name);
        if (deploymentComplete(d, s)) {
            setCondition(s.progressing,
                         makeCondition(ConditionStatus::True,
                                       DeploymentConditionReason::NewReplicaSetAvailable,
                                       subject + " has successfully progressed.", now));
        } else if (deploymentProgressing(previous, s)) {
            // Progress always refreshes lastUpdateTime (upstream removes the condition and
            // sets it again), keeping the transition time while the status stays True.
            DeploymentCondition c =
                makeCondition(ConditionStatus::True, DeploymentConditionReason::ReplicaSetUpdated,
                              subject + " is progressing.", now);
            if (s.progressing && s.progressing->status == ConditionStatus::True) {
                c.lastTransitionTime = s.progressing->lastTransitionTime;
            }
            s.progressing = std::move(c);
        } else if (deploymentTimedOut(d, s, now)) {
            setCondition(s.progressing,
                         makeCondition(ConditionStatus::False,
                                       DeploymentConditionReason::ProgressDeadlineExceeded,
                                       subject + " has timed out progressing.", now));
        }
    }
    // requeueStuckDeployment: only while the rollout is still expected to make progress.
    if (d.progressDeadlineSeconds && s.progressing &&
        s.progressing->status == ConditionStatus::True && !deploymentComplete(d, s)) {
        const SimTime deadline =
            s.progressing->lastUpdateTime + SimTime::seconds(*d.progressDeadlineSeconds);
        result.recheckAt = std::max(now, deadline) + SimTime::seconds(1);
    }
    result.status = std::move(s);
    return result;
}

RolloutStatusMessage rolloutStatusMessage(const DeploymentParams& d,
                                          const DeploymentStatus& status) {
    const std::string name = quoted(d.name);
    if (status.progressing &&
        status.progressing->reason == DeploymentConditionReason::ProgressDeadlineExceeded) {
        return {"error: deployment " + name + " exceeded its progress deadline", false, true};
    }
    const std::string waiting = "Waiting for deployment " + name + " rollout to finish: ";
    if (status.updatedReplicas < d.replicas) {
        return {waiting + std::to_string(status.updatedReplicas) + " out of " +
                    std::to_string(d.replicas) + " new replicas have been updated...",
                false, false};
    }
    if (status.replicas > status.updatedReplicas) {
        return {waiting + std::to_string(status.replicas - status.updatedReplicas) +
                    " old replicas are pending termination...",
                false, false};
    }
    if (status.availableReplicas < status.updatedReplicas) {
        return {waiting + std::to_string(status.availableReplicas) + " of " +
                    std::to_string(status.updatedReplicas) + " updated replicas are available...",
                false, false};
    }
    return {"deployment " + name + " successfully rolled out", true, false};
}

} // namespace cnsim
