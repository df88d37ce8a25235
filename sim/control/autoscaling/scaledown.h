#pragma once

// Cluster-autoscaler scale-down: which nodes are unneeded, for how long, and which to delete
// this scan.
//
// Upstream (kubernetes/autoscaler cluster-autoscaler):
// - simulator/utilization/info.go Calculate: utilization = max(Σcpu requests / allocatable,
//   Σmemory requests / allocatable); DaemonSet and mirror pods optionally left out (and their
//   requests taken off allocatable); long-terminating pods never count.
// - core/scaledown/eligibility/eligibility.go: being deleted, scale-down-disabled annotation,
//   unready with scale-down of unready nodes off, utilization above the threshold (a node at
//   exactly the threshold is underutilized).
// - simulator/drainability/rules/rules.go Default, in order: mirror, long-terminating,
//   DaemonSet, safe-to-evict=true, terminal (all skipped or drained freely); then the blocking
//   checks replicated (bare pods), system (kube-system without a PDB), safe-to-evict=false,
//   local storage, PDB.
// - simulator/cluster.go SimulateNodeRemoval / removal simulation: every pod that must move
//   needs a place on another node; nodes found removable earlier in the same pass neither take
//   pods nor keep theirs (the snapshot moves them).
// - core/scaledown/unneeded/nodes.go RemovableAt: unneeded for scale-down-unneeded-time
//   (unready nodes: scale-down-unready-time), not below the group's minimum size.
// - core/scaledown/budgets/budgets.go CropNodes: empty nodes up to max-scale-down-parallelism,
//   nodes to drain up to max-drain-parallelism within the same total.
// - core/static_autoscaler.go isScaleDownInCooldown: scale-down-delay-after-add,
//   -after-delete and -after-failure.
//
// Callbacks let the model answer what this library does not know: whether a PDB covers a pod,
// whether the eviction API would allow evicting it now, and whether a pod fits a node (the
// scheduler's filters; resource fit by default). Node order is the input order; unneeded
// nodes are considered for deletion oldest first, then in input order.

#include "control/autoscaling/clusterautoscalertypes.h"
#include "control/autoscaling/explanation.h"
#include "control/kubernetesdefaults.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct CaScaleDownSettings {
    double utilizationThreshold = k8s::kCaScaleDownUtilizationThreshold;
    SimTime unneededTime = k8s::kCaScaleDownUnneededTime;
    SimTime unreadyTime = k8s::kCaScaleDownUnreadyTime;
    SimTime delayAfterAdd = k8s::kCaScaleDownDelayAfterAdd;
    SimTime delayAfterDelete = k8s::kCaScaleDownDelayAfterDelete;
    SimTime delayAfterFailure = k8s::kCaScaleDownDelayAfterFailure;
    int maxScaleDownParallelism = k8s::kCaMaxScaleDownParallelism;
    int maxDrainParallelism = k8s::kCaMaxDrainParallelism;
    bool skipNodesWithSystemPods = k8s::kCaSkipNodesWithSystemPods;
    bool skipNodesWithLocalStorage = k8s::kCaSkipNodesWithLocalStorage;
    bool ignoreDaemonSetsUtilization = false;
    bool ignoreMirrorPodsUtilization = false;
    bool scaleDownUnreadyEnabled = true;
};

// simulator.UnremovableReason.
enum class CaUnremovableReason {
    NoReason,
    CurrentlyBeingDeleted,
    ScaleDownDisabledAnnotation,
    NotAutoscaled,
    ScaleDownUnreadyDisabled,
    NotUnderutilized,
    BlockedByPod,
    NoPlaceToMovePods,
    NotUnneededLongEnough,
    NotUnreadyLongEnough,
    NodeGroupMinSizeReached,
};
std::string_view caUnremovableReasonName(CaUnremovableReason r);

// drain.BlockingPodReason.
enum class CaBlockingPodReason {
    NoReason,
    NotReplicated,
    UnmovableKubeSystemPod,
    NotSafeToEvictAnnotation,
    LocalStorageRequested,
    NotEnoughPdb,
};
std::string_view caBlockingPodReasonName(CaBlockingPodReason r);

enum class CaDrainOutcome { Skip, Drain, Block };

struct CaDrainability {
    CaDrainOutcome outcome = CaDrainOutcome::Drain;
    CaBlockingPodReason reason = CaBlockingPodReason::NoReason;
};

using CaPodCheck = std::function<bool(const CaPod& pod)>;

struct CaDrainCallbacks {
    CaPodCheck hasPdb;          // a PodDisruptionBudget selects the pod (none: false)
    CaPodCheck evictionAllowed; // the PDB allows one more disruption now (none: true)
};

CaDrainability caDrainability(const CaPod& pod, const CaScaleDownSettings& settings,
                              const CaDrainCallbacks& callbacks);

struct CaUtilization {
    double cpu = 0;
    double memory = 0;
    double utilization = 0; // the larger of the two
    std::string resource;   // "cpu" or "memory": the one that decided
};

CaUtilization caNodeUtilization(const CaNode& node, bool ignoreDaemonSets, bool ignoreMirrorPods);

// eligibility.go unremovableReasonAndNodeUtilization: NoReason when the node may be
// considered for removal (the drain simulation comes after). `autoscaled`: the node belongs to
// a node group the autoscaler manages.
CaUnremovableReason caEligibility(const CaNode& node, bool autoscaled,
                                  const CaScaleDownSettings& settings, CaUtilization* utilization);

// A node's scale-down state after one scan, for the UI.
struct CaNodeScaleDownStatus {
    std::string node;
    CaUtilization utilization;
    CaUnremovableReason reason = CaUnremovableReason::NoReason;
    std::string blockingPod;
    CaBlockingPodReason blockingReason = CaBlockingPodReason::NoReason;
    std::optional<SimTime> unneededSince;
    bool empty = false; // no pod needs to move
};

struct CaScaleDownInput {
    std::vector<CaNode> nodes;
    std::vector<CaNodeGroup> groups; // targetSize counts the group's nodes
    SimTime now;
    CaScaleDownSettings settings;
    CaPredicate predicate; // empty: caResourcesFit
    CaDrainCallbacks callbacks;
};

struct CaScaleDownResult {
    std::vector<CaNodeScaleDownStatus> nodes; // input order
    std::vector<std::string> deleteEmpty;     // delete now, in parallel
    std::vector<std::string> drain;           // cordon, evict, then delete
    bool inCooldown = false;
    std::string cooldownReason; // scaleDownDelayAfterAdd / AfterDelete / AfterFailure
    SimTime cooldownUntil;
    Explanation explanation;
};

// Remembers since when each node has been unneeded and when the autoscaler last scaled.
// Call update() every scan in which no scale-up happened; tell it about scale-ups,
// deletions and failed deletions as they happen.
class CaScaleDownPlanner {
public:
    CaScaleDownResult update(const CaScaleDownInput& input);

    void recordScaleUp(SimTime now) { m_lastScaleUp = now; }
    void recordDeletion(SimTime now) { m_lastDelete = now; }
    void recordDeletionFailure(SimTime now) { m_lastFailure = now; }
    std::optional<SimTime> unneededSince(const std::string& node) const;

private:
    std::map<std::string, SimTime> m_unneededSince;
    // update()'s working storage, kept for its capacity.
    std::vector<CaSimNode> m_simNodes; // the simulation's view of each node, by input index
    std::vector<bool> m_simMade;       // whether m_simNodes[i] is this update's view yet
    std::vector<bool> m_removed;       // found removable in this update
    std::vector<const CaPod*> m_toMove;
    std::vector<std::size_t> m_placements;
    std::optional<SimTime> m_lastScaleUp;
    std::optional<SimTime> m_lastDelete;
    std::optional<SimTime> m_lastFailure;
};

// static_autoscaler.go: act only while at most max(ok-total-unready-count,
// max-total-unready-percentage of the nodes) are unready.
bool caClusterHealthy(int totalNodes, int unreadyNodes);

} // namespace cnsim
