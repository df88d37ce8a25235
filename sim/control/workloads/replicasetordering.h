#pragma once

// Which pods a ReplicaSet deletes first when it scales down, and how it batches creations.
//
// Upstream: pkg/controller/controller_utils.go ActivePodsWithRanks.Less (with the
// PodDeletionCost and LogarithmicScaleDown features on, as they are by default),
// pkg/controller/replicaset/replica_set.go getPodsToDelete,
// getPodsRankedByRelatedPodsOnSameNode and slowStartBatch (SlowStartInitialBatchSize 1).
//
// The order is total: where upstream leaves two pods equal (Go's sort.Sort is not stable),
// the uid decides, so the same cluster always loses the same pods.

#include "engine/simtime.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

enum class PodPhaseForRanking { Pending, Unknown, Running };

// A pod as the ReplicaSet controller ranks it.
struct RankedPod {
    std::string uid;
    std::string nodeName; // empty: not scheduled yet
    PodPhaseForRanking phase = PodPhaseForRanking::Pending;
    std::optional<SimTime> readySince; // Ready condition's transition time; nullopt: not Ready
    int maxContainerRestarts = 0;
    int deletionCost = 0; // controller.kubernetes.io/pod-deletion-cost
    SimTime createdAt;
    // Active pods of the same Deployment on this pod's node (getPodsRankedByRelatedPodsOnSameNode).
    int colocatedRelatedPods = 0;
};

// ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. Unassigned before
// assigned; Pending < Unknown < Running; not ready before ready; lower deletion cost first;
// more colocated pods first; ready for a shorter time first (compared in log2 buckets of age);
// more restarts first; newer first (log2 buckets of age).
bool deleteBefore(const RankedPod& a, const RankedPod& b, SimTime now);

// Fills colocatedRelatedPods from the nodes of the Deployment's active pods.
void rankByRelatedPodsOnSameNode(std::vector<RankedPod>& pods,
                                 const std::vector<std::string>& relatedActivePodNodes);

// getPodsToDelete: the uids of the `count` pods to delete, first to go first.
std::vector<std::string> podsToDelete(std::vector<RankedPod> pods, int count, SimTime now);

// slowStartBatch batch sizes for creating `count` pods: 1, 2, 4, … until done.
std::vector<int> slowStartBatchSizes(int count, int initialBatchSize = 1);
// How many of `count` creations are attempted when the first failure is creation number
// `firstFailure` (0-based): the batch holding it completes, later batches are skipped.
int slowStartAttempted(int count, int firstFailure, int initialBatchSize = 1);

} // namespace cnsim
