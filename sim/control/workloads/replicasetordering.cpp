#include "control/workloads/replicasetordering.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cnsim {

namespace {

// logarithmicRankDiff: int64(math.Log2(nanoseconds)) of each age, -1 for no age. The floor
// of log2 of a double is its binary exponent, which ilogb gives exactly.
std::int64_t logRank(SimTime t, SimTime now) {
    const std::int64_t nanos = (now - t).toMicroseconds() * 1000;
    if (nanos <= 0) {
        return -1;
    }
    return std::ilogb(static_cast<double>(nanos));
}

} // namespace

bool deleteBefore(const RankedPod& a, const RankedPod& b, SimTime now) {
    // 1. Unassigned < assigned.
    if (a.nodeName != b.nodeName && (a.nodeName.empty() || b.nodeName.empty())) {
        return a.nodeName.empty();
    }
    // 2. Pending < Unknown < Running.
    if (a.phase != b.phase) {
        return a.phase < b.phase;
    }
    // 3. Not ready < ready.
    if (a.readySince.has_value() != b.readySince.has_value()) {
        return !a.readySince.has_value();
    }
    // 4. Lower pod-deletion-cost < higher.
    if (a.deletionCost != b.deletionCost) {
        return a.deletionCost < b.deletionCost;
    }
    // 5. Doubled up < not doubled up.
    if (a.colocatedRelatedPods != b.colocatedRelatedPods) {
        return a.colocatedRelatedPods > b.colocatedRelatedPods;
    }
    // 6. Ready for less time < more time, in log2 buckets.
    if (a.readySince && b.readySince && *a.readySince != *b.readySince) {
        const std::int64_t diff = logRank(*a.readySince, now) - logRank(*b.readySince, now);
        if (diff != 0) {
            return diff < 0;
        }
        return a.uid < b.uid;
    }
    // 7. More restarts < fewer.
    if (a.maxContainerRestarts != b.maxContainerRestarts) {
        return a.maxContainerRestarts > b.maxContainerRestarts;
    }
    // 8. Newer < older, in log2 buckets.
    if (a.createdAt != b.createdAt) {
        const std::int64_t diff = logRank(a.createdAt, now) - logRank(b.createdAt, now);
        if (diff != 0) {
            return diff < 0;
        }
        return a.uid < b.uid;
    }
    return a.uid < b.uid;
}

void rankByRelatedPodsOnSameNode(std::vector<RankedPod>& pods,
                                 const std::vector<std::string>& relatedActivePodNodes) {
    std::map<std::string, int> onNode;
    for (const std::string& node : relatedActivePodNodes) {
        ++onNode[node];
    }
    for (RankedPod& p : pods) {
        const auto it = onNode.find(p.nodeName);
        p.colocatedRelatedPods = it == onNode.end() ? 0 : it->second;
    }
}

std::vector<std::string> podsToDelete(std::vector<RankedPod> pods, int count, SimTime now) {
    std::sort(pods.begin(), pods.end(),
              [now](const RankedPod& a, const RankedPod& b) { return deleteBefore(a, b, now); });
    std::vector<std::string> out;
    const std::size_t n = std::min(pods.size(), static_cast<std::size_t>(std::max(count, 0)));
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(pods[i].uid);
    }
    return out;
}

std::vector<int> slowStartBatchSizes(int count, int initialBatchSize) {
    std::vector<int> sizes;
    int remaining = count;
    int batch = std::min(remaining, initialBatchSize);
    while (batch > 0) {
        sizes.push_back(batch);
        remaining -= batch;
        batch = std::min(2 * batch, remaining);
    }
    return sizes;
}

int slowStartAttempted(int count, int firstFailure, int initialBatchSize) {
    int attempted = 0;
    for (int batch : slowStartBatchSizes(count, initialBatchSize)) {
        attempted += batch;
        if (firstFailure < attempted) {
            break; // a batch with an error stops the slow start
        }
    }
    return attempted;
}

} // namespace cnsim
