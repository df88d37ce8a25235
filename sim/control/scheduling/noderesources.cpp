#include "control/scheduling/noderesources.h"

#include "control/kubernetesdefaults.h"

#include <cmath>

namespace cnsim {

std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity) {
    // least_allocated.go leastRequestedScore.
    if (capacity == 0 || requested > capacity) {
        return 0;
    }
    return (capacity - requested) * k8s::kMaxNodeScore / capacity;
}

std::int64_t mostRequestedScore(std::int64_t requested, std::int64_t capacity) {
    // most_allocated.go mostRequestedScore: over-commit (possible through the non-zero
    // defaults) clamps to the capacity.
    if (capacity == 0) {
        return 0;
    }
    if (requested > capacity) {
        requested = capacity;
    }
    return requested * k8s::kMaxNodeScore / capacity;
}

std::int64_t resourceAllocationScore(ScoringStrategy strategy, ResourceAmounts requested,
                                     ResourceAmounts allocatable) {
    // leastResourceScorer / mostResourceScorer: Σ score × weight / Σ weight over resources
    // with non-zero allocatable; weights are cpu 1, memory 1 (config/v1 defaults).
    const std::int64_t req[2] = {requested.cpu.value, requested.memory.value};
    const std::int64_t alloc[2] = {allocatable.cpu.value, allocatable.memory.value};
    std::int64_t nodeScore = 0;
    std::int64_t weightSum = 0;
    for (int i = 0; i < 2; ++i) {
        if (alloc[i] == 0) {
            continue;
        }
        nodeScore += strategy == ScoringStrategy::MostAllocated
                         ? mostRequestedScore(req[i], alloc[i])
                         : leastRequestedScore(req[i], alloc[i]);
        weightSum += 1;
    }
    return weightSum == 0 ? 0 : nodeScore / weightSum;
}

std::int64_t balancedAllocationScore(ResourceAmounts requested, ResourceAmounts allocatable) {
    // balanced_allocation.go balancedResourceScorer (1.34): fractions capped at 1; with two
    // resources std = |f1 − f2| / 2; score = int((1 − std) × MaxNodeScore).
    const std::int64_t req[2] = {requested.cpu.value, requested.memory.value};
    const std::int64_t alloc[2] = {allocatable.cpu.value, allocatable.memory.value};
    double fractions[2] = {0.0, 0.0};
    int n = 0;
    for (int i = 0; i < 2; ++i) {
        if (alloc[i] == 0) {
            continue;
        }
        const double f = static_cast<double>(req[i]) / static_cast<double>(alloc[i]);
        fractions[n++] = f > 1.0 ? 1.0 : f;
    }
    const double stdDev = n == 2 ? std::abs((fractions[0] - fractions[1]) / 2.0) : 0.0;
    return static_cast<std::int64_t>((1.0 - stdDev) * static_cast<double>(k8s::kMaxNodeScore));
}

FilterResult NodeResourcesFitPlugin::filter(const SchedulingContext& ctx,
                                            const SchedulerNodeInfo& node) const {
    // fit.go fitsRequest: every shortage is reported, pods first.
    FilterResult result;
    if (static_cast<std::int64_t>(node.pods.size()) + 1 > node.allocatablePods) {
        result.reasons.push_back(reasons::kTooManyPods);
    }
    const ResourceAmounts& r = ctx.pod.requests;
    if (r.cpu.value == 0 && r.memory.value == 0) {
        return result;
    }
    if (r.cpu.value > 0 && r.cpu.value > node.allocatable.cpu.value - node.requested.cpu.value) {
        result.reasons.push_back(reasons::kInsufficientCpu);
    }
    if (r.memory.value > 0 &&
        r.memory.value > node.allocatable.memory.value - node.requested.memory.value) {
        result.reasons.push_back(reasons::kInsufficientMemory);
    }
    return result;
}

std::int64_t NodeResourcesFitPlugin::score(const SchedulingContext& ctx,
                                           std::size_t nodeIndex) const {
    // resource_allocation.go score with useRequested = false: the node's NonZeroRequested
    // plus the pod's non-zero requests.
    const SchedulerNodeInfo& node = ctx.cluster.nodes()[nodeIndex];
    const ResourceAmounts requested{node.nonZeroRequested.cpu + ctx.pod.nonZeroRequests.cpu,
                                    node.nonZeroRequested.memory + ctx.pod.nonZeroRequests.memory};
    return resourceAllocationScore(m_strategy, requested, node.allocatable);
}

bool BalancedAllocationPlugin::preScore(const SchedulingContext& ctx,
                                        std::span<const std::size_t>) {
    // balanced_allocation.go PreScore: best-effort pods (no requests) are skipped so they do
    // not all pile onto one node.
    return ctx.pod.requests.cpu.value != 0 || ctx.pod.requests.memory.value != 0;
}

std::int64_t BalancedAllocationPlugin::score(const SchedulingContext& ctx,
                                             std::size_t nodeIndex) const {
    const SchedulerNodeInfo& node = ctx.cluster.nodes()[nodeIndex];
    const ResourceAmounts requested{node.requested.cpu + ctx.pod.requests.cpu,
                                    node.requested.memory + ctx.pod.requests.memory};
    return balancedAllocationScore(requested, node.allocatable);
}

} // namespace cnsim
