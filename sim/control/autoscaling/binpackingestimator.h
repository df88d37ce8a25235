#pragma once

// How many new nodes of a group the pending pods need: first-fit decreasing bin packing on
// template nodes, as the cluster autoscaler's default estimator does.
//
// Upstream: cluster-autoscaler/estimator/binpacking_estimator.go (Estimate,
// tryToScheduleOnExistingNodes, tryToScheduleOnNewNodes), decreasing_pod_orderer.go
// (score = cpu/allocatable + memory/allocatable of the group's exemplar, highest first),
// threshold_based_limiter.go (at most `maxNodes` new nodes; 0 = no limit).
//
// Simplifications, documented: pods already on existing nodes are not considered (the
// estimator only packs onto the nodes it creates, as upstream's FitsAnyNodeMatching filter
// does); new nodes are tried in creation order; equal scores keep input order.

#include "control/autoscaling/clusterautoscalertypes.h"
#include "control/autoscaling/explanation.h"

#include <string>
#include <vector>

namespace cnsim {

// PodEquivalenceGroup: interchangeable pods, the first being the exemplar.
struct CaPodGroup {
    std::vector<const CaPod*> pods;
};

// Groups by CaPod::equivalenceKey in first-appearance order; a pod without a key is alone.
std::vector<CaPodGroup> caGroupEquivalentPods(const std::vector<const CaPod*>& pods);

// DecreasingPodOrderer on a template.
std::vector<CaPodGroup> caOrderDecreasing(std::vector<CaPodGroup> groups,
                                          const CaNodeTemplate& machine);

struct CaEstimate {
    int nodeCount = 0;                   // new nodes that received pods
    std::vector<const CaPod*> scheduled; // in the order they were placed
    std::vector<CaSimNode> nodes;        // the simulated new nodes (e-0, e-1, …)
    bool limited = false;                // the node limit stopped the packing
};

CaEstimate caBinpackingEstimate(const std::vector<CaPodGroup>& groups, const CaNodeGroup& group,
                                int maxNodes, const CaPredicate& predicate);

} // namespace cnsim
