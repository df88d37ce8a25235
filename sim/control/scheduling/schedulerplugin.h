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

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// The reasons one Filter call gives, at most kMax (NodeResourcesFit reports up to three). They
// are views of text that outlives the scheduling attempt: upstream's fixed strings, or text a
// plugin keeps (one string per distinct untolerated taint), so rejecting a node allocates
// nothing. Whoever keeps a reason beyond the attempt copies it.
class FilterReasons {
public:
    static constexpr std::size_t kMax = 3;
    void push_back(std::string_view reason) {
        if (m_size < kMax) {
            m_data[m_size] = reason.data();
            m_sizes[m_size] = reason.size();
            ++m_size;
        }
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::string_view operator[](std::size_t i) const { return {m_data[i], m_sizes[i]}; }

    class Iterator {
    public:
        Iterator(const FilterReasons* reasons, std::size_t i) : m_reasons(reasons), m_i(i) {}
        std::string_view operator*() const { return (*m_reasons)[m_i]; }
        Iterator& operator++() {
            ++m_i;
            return *this;
        }
        bool operator==(const Iterator&) const = default;

    private:
        const FilterReasons* m_reasons;
        std::size_t m_i;
    };
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, m_size}; }

private:
    // Only the first m_size entries are ever read: a passing node (the common case) costs one
    // store, which matters at hundreds of nodes × seven filters per pod.
    const char* m_data[kMax];
    std::size_t m_sizes[kMax];
    std::size_t m_size = 0;
};

// Status of one Filter call: no reasons means the node passed.
struct FilterResult {
    FilterReasons reasons;
    bool passed() const { return reasons.empty(); }
    static FilterResult pass() {
        FilterResult r; // default-, not value-initialized: no reason slots are zeroed
        return r;
    }
    // `reason` must outlive the attempt (see FilterReasons).
    static FilterResult fail(std::string_view reason) {
        FilterResult r;
        r.reasons.push_back(reason);
        return r;
    }
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
