#pragma once

// The Deployment controller's arithmetic over ReplicaSets, as pure functions.
//
// Upstream: kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go
// (ResolveFenceposts, MaxSurge, MaxUnavailable, NewRSNewReplicas, GetProportion,
// getReplicaSetFraction, IsSaturated, FindActiveOrLatest, the Get*ReplicaCount* sums).
//
// ReplicaSets are modelled abstractly (RsCounts): the numbers the controller reads from a
// ReplicaSet's spec, status and annotations, nothing else. Callers own the objects; every
// function here takes values and returns values, so the same inputs always give the same
// decision. Counts are plain ints because Kubernetes' are int32 replica counts.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct DeploymentSpec;

// One ReplicaSet as the Deployment controller sees it.
struct RsCounts {
    std::string name;          // metadata.name, e.g. "web-5d4f8c7b9"
    int revision = 0;          // deployment.kubernetes.io/revision
    SimTime createdAt;         // metadata.creationTimestamp
    int specReplicas = 0;      // spec.replicas
    int replicas = 0;          // status.replicas: pods that exist and are not terminating
    int readyReplicas = 0;     // status.readyReplicas
    int availableReplicas = 0; // status.availableReplicas (ready for minReadySeconds)
    // deployment.kubernetes.io/desired-replicas and max-replicas, stamped on every scale with
    // the Deployment's replicas and replicas + maxSurge; nullopt: annotation absent.
    std::optional<int> desiredReplicasAnnotation;
    std::optional<int> maxReplicasAnnotation;
    bool operator==(const RsCounts&) const = default;
};

// The fields of a Deployment's spec the controller reads, with upstream's defaults applied.
struct DeploymentParams {
    std::string name;
    int replicas = 1;
    DeploymentStrategyType strategy = DeploymentStrategyType::RollingUpdate;
    // As the API server stores them after defaulting (25%/25% when absent). An unset value
    // still counts as 0 inside resolveFenceposts, as upstream's nil pointer does.
    std::optional<IntOrPercent> maxSurge;
    std::optional<IntOrPercent> maxUnavailable;
    int minReadySeconds = 0;
    std::optional<int> progressDeadlineSeconds; // nullopt: no deadline, no Progressing condition
    std::optional<int> revisionHistoryLimit;    // nullopt: keep every old ReplicaSet

    // pkg/apis/apps/v1/defaults.go SetDefaults_Deployment applied to a scenario manifest.
    static DeploymentParams fromSpec(const DeploymentSpec& spec);
};

struct Fenceposts {
    int surge = 0;
    int unavailable = 0;
    bool operator==(const Fenceposts&) const = default;
};

// ResolveFenceposts: surge rounds up, unavailable rounds down; unset counts as 0; if both come
// out 0, unavailable becomes 1 so a rollout can always make progress.
Fenceposts resolveFenceposts(std::optional<IntOrPercent> maxSurge,
                             std::optional<IntOrPercent> maxUnavailable, int desired);

// The same from IntOrString text ("25%"; strings must be percentages), as upstream's tests
// drive it; nothing when either value does not parse (upstream returns an error).
std::optional<Fenceposts> resolveFencepostsText(std::optional<std::string> maxSurge,
                                                std::optional<std::string> maxUnavailable,
                                                int desired);

// MaxSurge: 0 unless RollingUpdate.
int maxSurge(const DeploymentParams& d);
// MaxUnavailable: 0 for Recreate or 0 replicas, capped at replicas.
int maxUnavailable(const DeploymentParams& d);

// NewRSNewReplicas: how many replicas the new ReplicaSet should have now. RollingUpdate adds
// min(replicas + maxSurge − Σ spec replicas, replicas − new) when the total is below the cap
// (it counts spec replicas, not pods); Recreate jumps to replicas.
int newRsNewReplicas(const DeploymentParams& d, const std::vector<RsCounts>& all,
                     const RsCounts& newRs);

// Sums over ReplicaSets (GetReplicaCountForReplicaSets and friends).
int sumSpecReplicas(const std::vector<RsCounts>& rss);
int sumReplicas(const std::vector<RsCounts>& rss);
int sumReadyReplicas(const std::vector<RsCounts>& rss);
int sumAvailableReplicas(const std::vector<RsCounts>& rss);

// MaxRevision over the given ReplicaSets (0 when empty).
int maxRevision(const std::vector<RsCounts>& rss);

// IsSaturated: the new ReplicaSet has all replicas, its desired-replicas annotation matches,
// and all of them are available.
bool isSaturated(const DeploymentParams& d, const RsCounts& newRs);

// SetReplicasAnnotations as the controller does on every scale: desired = replicas,
// max = replicas + maxSurge.
void stampReplicasAnnotations(RsCounts& rs, const DeploymentParams& d);

// GetProportion / getReplicaSetFraction: this ReplicaSet's share of a resize of the whole
// Deployment. `previousStatusReplicas` is Deployment.status.replicas, upstream's fallback
// when the max-replicas annotation is missing. Rounds half away from zero (RoundToInt32).
int proportionFor(const RsCounts& rs, const DeploymentParams& d, int replicasToAdd,
                  int replicasAdded, int previousStatusReplicas);

} // namespace cnsim
