#pragma once

// One cluster-autoscaler scale-up decision: for the pending pods, which node group grows and
// by how many nodes; plus the bookkeeping of requested nodes that never register.
//
// Upstream: cluster-autoscaler/core/scaleup/orchestrator/orchestrator.go (ScaleUp,
// ComputeExpansionOption, SchedulablePodGroups, IsNodeGroupReadyToScaleUp, GetCappedNewNodeCount),
// core/utils/expendable filtering (pods below --expendable-pods-priority-cutoff never trigger a
// scale-up), estimator/sng_capacity_threshold.go and cluster_capacity_threshold.go (the
// estimate stops at the group's max size and at --max-nodes-total),
// clusterstate/clusterstate.go (ScaleUpRequest, ExpectedAddTime = request +
// max-node-provision-time, backoff of a group whose scale-up timed out),
// utils/backoff/exponential_backoff.go.
//
// Simplifications, documented: no similar-node-group balancing, no resource limits
// (--cores-total, --memory-total), no node-group auto-provisioning; a group that failed is
// skipped while backed off.

#include "control/autoscaling/binpackingestimator.h"
#include "control/autoscaling/clusterautoscalertypes.h"
#include "control/autoscaling/expander.h"
#include "control/autoscaling/explanation.h"
#include "control/kubernetesdefaults.h"
#include "engine/random.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cnsim {

struct CaScaleUpInput {
    std::vector<CaNodeGroup> groups;
    std::vector<CaPod> pendingPods; // PodScheduled=False, reason Unschedulable
    int clusterNodeCount = 0;       // nodes in the cluster, including upcoming ones
    int maxNodesTotal = 0;          // --max-nodes-total; 0: no limit
    int maxNodesPerScaleUp = k8s::kCaMaxNodesPerScaleUp;
    int expendablePodsPriorityCutoff = k8s::kCaExpendablePodsPriorityCutoff;
    std::set<std::string> backedOffGroups;
    CaExpanderConfig expander;
    CaPredicate predicate; // empty: caResourcesFit
};

struct CaGroupOption {
    std::string group;
    int nodeCount = 0;
    std::vector<std::string> pods;
};

struct CaScaleUpResult {
    bool scaledUp = false;
    std::string group;
    int fromSize = 0;
    int toSize = 0;
    std::vector<std::string> helpedPods;    // will fit on the new nodes
    std::vector<std::string> remainingPods; // stay pending (no group helps, or not chosen)
    std::vector<CaGroupOption> options;     // every group that would help, for the UI
    std::string expander;                   // which expander decided
    Explanation explanation;
};

CaScaleUpResult caComputeScaleUp(const CaScaleUpInput& input, RandomStream* rng);

// The cloud side of a scale-up: requests in flight, the nodes that registered, and groups
// backed off after a scale-up never completed within max-node-provision-time.
class CaScaleUpTracker {
public:
    explicit CaScaleUpTracker(SimTime maxNodeProvisionTime = k8s::kCaMaxNodeProvisionTime);

    void requested(const std::string& group, int delta, SimTime now);
    // `count` new nodes of the group registered (oldest requests are satisfied first).
    void registered(const std::string& group, int count);

    struct TimedOut {
        std::string group;
        int missingNodes = 0; // decrease the group's target size by this much
        SimTime requestedAt;
    };
    // Requests whose ExpectedAddTime has passed: they are dropped, and the group backs off
    // (5 min, doubling to 30 min; forgotten after 3 h without a failure).
    std::vector<TimedOut> expire(SimTime now, Explanation* x = nullptr);

    bool backedOff(const std::string& group, SimTime now) const;
    std::set<std::string> backedOffGroups(SimTime now) const;
    int upcomingNodes(const std::string& group) const;

private:
    struct Request {
        std::string group;
        int remaining = 0;
        SimTime time;
    };
    struct BackoffState {
        SimTime duration;
        SimTime until;
        SimTime lastFailure;
    };
    SimTime m_maxNodeProvisionTime;
    std::vector<Request> m_requests;
    std::map<std::string, BackoffState> m_backoff;
};

} // namespace cnsim
