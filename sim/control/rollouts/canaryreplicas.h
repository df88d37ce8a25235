#pragma once

// Argo Rollouts' basic canary arithmetic: the weight a canary step asks for, approximated by
// the replica counts of the canary (new) and stable ReplicaSets, as upstream does without a
// traffic router (utils/replicaset/canary.go: CalculateReplicaCountsForCanary,
// DesiredReplicaCountsForCanary, GetCurrentSetWeight, extraReplicaAdded). With a traffic
// router the stable keeps every replica and only the canary follows the weight.
//
// Pure functions over counts; model/rolloutscontroller feeds them the live ReplicaSets.

#include "scenario/kubernetestypes.h"

#include <optional>
#include <vector>

namespace cnsim {

struct RolloutRsCounts {
    int specReplicas = 0;      // spec.replicas
    int availableReplicas = 0; // status.availableReplicas
};

struct CanaryReplicaInput {
    int replicas = 1;                           // the Rollout's spec.replicas
    int weight = 0;                             // the current setWeight, 0..100
    std::optional<IntOrPercent> maxSurge;       // unset: 25%
    std::optional<IntOrPercent> maxUnavailable; // unset: 25%
    bool trafficRouting = false;
    std::optional<RolloutRsCounts> newRs;    // the canary's ReplicaSet, if created
    std::optional<RolloutRsCounts> stableRs; // nullopt also when it is the new one
    std::vector<RolloutRsCounts> olderRss;   // neither new nor stable
};

struct CanaryReplicaCounts {
    int newRs = 0;
    int stableRs = 0;
    bool operator==(const CanaryReplicaCounts&) const = default;
};

// The rollout's maxSurge / maxUnavailable in replicas (utils/replicaset MaxSurge,
// MaxUnavailable: defaults 25%, surge rounded up, unavailable down, never both zero).
int rolloutMaxSurge(const CanaryReplicaInput& in);
int rolloutMaxUnavailable(const CanaryReplicaInput& in);

// DesiredReplicaCountsForCanary: where the step ends (ceil for both, so neither side is 0
// between 0 and 100 percent).
CanaryReplicaCounts desiredCanaryCounts(const CanaryReplicaInput& in);

// CalculateReplicaCountsForCanary: how far this sync may move toward the desired counts within
// maxSurge and maxUnavailable, older ReplicaSets scaled down first.
CanaryReplicaCounts calculateCanaryCounts(const CanaryReplicaInput& in);

// AtDesiredReplicaCountsForCanary: both sets at the desired counts and fully available, older
// sets without available pods; the step may complete.
bool atDesiredCanaryCounts(const CanaryReplicaInput& in);

} // namespace cnsim
