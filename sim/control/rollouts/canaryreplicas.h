#pragma once

// Argo Rollouts' basic canary arithmetic: the weight a canary step asks for, approximated by
// the replica counts of the canary (new) and stable ReplicaSets, as upstream does without a
// traffic router (utils/replicaset/canary.go: CalculateReplicaCountsForBasicCanary,
// approximateWeightedCanaryStableReplicaCounts, calculateScaleDownReplicaCount,
// adjustReplicaWithinLimits, AtDesiredReplicaCountsForCanary). With a traffic router the
// stable keeps every replica and only the canary follows the weight
// (CalculateReplicaCountsForTrafficRoutedCanary).
//
// Pure functions over counts; model/rolloutscontroller feeds them the live ReplicaSets.

#include "scenario/kubernetestypes.h"

#include <optional>
#include <vector>

namespace cnsim {

struct RolloutRsCounts {
    int specReplicas = 0;      // spec.replicas
    int availableReplicas = 0; // status.availableReplicas
    int replicas = 0;          // status.replicas: pods that exist
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

// approximateWeightedCanaryStableReplicaCounts: the canary and stable counts whose share is
// closest to `weight`, summing to specReplicas or, with room to surge, one more; between 1 and
// 99 % neither side is 0 (unless one pod and no surge).
CanaryReplicaCounts approximateCanaryCounts(int specReplicas, int weight, int maxSurge);
// Where the step ends: the approximation; all canary without a stable; with a traffic router
// the canary rounded up and the stable at full size.
CanaryReplicaCounts desiredCanaryCounts(const CanaryReplicaInput& in);

// CalculateReplicaCountsForBasicCanary: how far this sync may move toward the desired counts within
// maxSurge and maxUnavailable, older ReplicaSets scaled down first.
CanaryReplicaCounts calculateCanaryCounts(const CanaryReplicaInput& in);

// AtDesiredReplicaCountsForCanary: the canary at its count and fully available, the stable at
// its count, older sets without available pods; the step may complete.
bool atDesiredCanaryCounts(const CanaryReplicaInput& in);

} // namespace cnsim
