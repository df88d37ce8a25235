#pragma once

// NodeResourcesFit and NodeResourcesBalancedAllocation (plugins/noderesources).
//
// Fit filters on actual requests (fit.go fitsRequest): pod count first, then cpu and memory,
// each reported ("Too many pods", "Insufficient cpu", "Insufficient memory"). Its score uses
// the non-zero requests (100m / 200Mi for a missing request) with LeastAllocated or
// MostAllocated, cpu and memory weight 1 each (resource_allocation.go, least_allocated.go,
// most_allocated.go); no NormalizeScore.
// BalancedAllocation uses actual requests and skips best-effort pods; cnsim emulates 1.34,
// so the score is (1 − std(fractions)) × 100, before PR kubernetes/kubernetes#135573.

#include "control/scheduling/schedulerplugin.h"
#include "scenario/scenario.h"

namespace cnsim {

namespace reasons {
inline constexpr std::string_view kTooManyPods = "Too many pods";
inline constexpr std::string_view kInsufficientCpu = "Insufficient cpu";
inline constexpr std::string_view kInsufficientMemory = "Insufficient memory";
} // namespace reasons

// Per-resource scorers on (requested, allocatable), integer arithmetic as upstream.
std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity);
std::int64_t mostRequestedScore(std::int64_t requested, std::int64_t capacity);
// Node score over cpu and memory (weight 1 each), skipping resources with 0 allocatable.
std::int64_t resourceAllocationScore(ScoringStrategy strategy, ResourceAmounts requested,
                                     ResourceAmounts allocatable);
// balancedResourceScorer for cpu and memory.
std::int64_t balancedAllocationScore(ResourceAmounts requested, ResourceAmounts allocatable);

class NodeResourcesFitPlugin final : public SchedulerPlugin {
public:
    explicit NodeResourcesFitPlugin(ScoringStrategy strategy) : m_strategy(strategy) {}
    std::string_view name() const override { return "NodeResourcesFit"; }
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;

private:
    ScoringStrategy m_strategy;
};

class BalancedAllocationPlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "NodeResourcesBalancedAllocation"; }
    bool preScore(const SchedulingContext& ctx, std::span<const std::size_t> feasible) override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
};

} // namespace cnsim
