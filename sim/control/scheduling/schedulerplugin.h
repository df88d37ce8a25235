#pragma once

// SchedulerPlugin: one kube-scheduler framework plugin (pkg/scheduler/framework/interface.go)
// with the extension points cnsim uses: PreFilter, Filter, PreScore, Score, NormalizeScore.
//
// A plugin instance belongs to one profile of one Scheduler and is used by one thread. Per
// attempt the framework calls preFilter once, filter per node, then preScore once with the
// feasible nodes, score per feasible node and normalizeScores once. Whatever preFilter /
// preScore compute lives in the instance until the next attempt (upstream's CycleState).
// Scores are raw before normalizeScores and must lie in 0..kMaxNodeScore after it.

#include "control/scheduling/clusterview.h"
#include "control/scheduling/schedulertypes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// Status of one Filter call: no reasons means the node passed.
struct FilterResult {
    std::vector<std::string> reasons;
    bool passed() const { return reasons.empty(); }
    static FilterResult pass() { return {}; }
    static FilterResult fail(std::string reason) { return {{std::move(reason)}}; }
};

struct SchedulingContext {
    const SchedulerPodInfo& pod;
    const SchedulerClusterView& cluster;
};

class SchedulerPlugin {
public:
    virtual ~SchedulerPlugin() = default;
    virtual std::string_view name() const = 0;

    virtual void preFilter(const SchedulingContext&) {}
    virtual FilterResult filter(const SchedulingContext&, const SchedulerNodeInfo&) const {
        return FilterResult::pass();
    }
    // `feasible` holds node indices into cluster.nodes(). Returning false is upstream's
    // Skip status: the plugin scores 0 on every node and is not normalized.
    virtual bool preScore(const SchedulingContext&, std::span<const std::size_t> /*feasible*/) {
        return true;
    }
    virtual std::int64_t score(const SchedulingContext&, std::size_t /*nodeIndex*/) const {
        return 0;
    }
    virtual void normalizeScores(const SchedulingContext&,
                                 std::span<const std::size_t> /*feasible*/,
                                 std::span<std::int64_t> /*scores*/) const {}
};

// helper/normalize_score.go DefaultNormalizeScore: scale to maxPriority × s / max (integer);
// `reverse` gives maxPriority − that; all zero stays zero, or all maxPriority when reversed.
void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::span<std::int64_t> scores);

} // namespace cnsim
