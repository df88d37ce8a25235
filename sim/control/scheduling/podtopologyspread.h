#pragma once

// PodTopologySpread (plugins/podtopologyspread).
//
// Filter (filtering.go): for each DoNotSchedule constraint, counts matching pods (same
// namespace, not terminating) per topology domain over all nodes that match the pod's node
// selector / required affinity and carry every constraint key (nodeAffinityPolicy Honor,
// nodeTaintsPolicy Ignore). A node passes when
//   matchingPodsInItsDomain + (pod matches the selector ? 1 : 0) − globalMinimum ≤ maxSkew,
// where the global minimum is 0 while fewer than minDomains domains exist.
// Score (scoring.go): ScheduleAnyway constraints, or the system defaults (hostname maxSkew 3,
// zone maxSkew 5) when the pod has no constraints and owners give a selector. Per constraint
// w = ln(domains among feasible nodes + 2) (hostname: number of feasible nodes); raw score =
// round(Σ count × w + maxSkew − 1); normalized 100 × (max + min − s) / max, ignored nodes 0.

#include "control/scheduling/schedulerplugin.h"

#include <optional>

namespace cnsim {

namespace reasons {
inline constexpr std::string_view kTopologySpread =
    "node(s) didn't match pod topology spread constraints";
inline constexpr std::string_view kTopologySpreadMissingLabel =
    "node(s) didn't match pod topology spread constraints (missing required label)";
} // namespace reasons

class PodTopologySpreadPlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "PodTopologySpread"; }
    void preFilter(const SchedulingContext& ctx) override;
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
    bool preScore(const SchedulingContext& ctx, std::span<const std::size_t> feasible) override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
    void normalizeScores(const SchedulingContext& ctx, std::span<const std::size_t> feasible,
                         std::span<std::int64_t> scores) const override;

private:
    struct Constraint {
        int maxSkew = 1;
        std::string topologyKey;
        LabelSelector selector;
        std::optional<int> minDomains;
        bool selfMatch = false;
        const std::vector<int>* counts = nullptr; // per node, from the view's memo
        const LabelColumn* column = nullptr;      // per node: topology value id
        // Per value id: matching pods in the domain; points at domainCounts or at the view's
        // incrementally kept totals when every node counts (no node selector / affinity).
        const std::vector<std::int64_t>* domainTotals = nullptr;
        std::vector<std::int64_t> domainCounts; // per value id, when summed here
        std::vector<char> domainExists;         // filtering: per value id (plus one: missing)
        std::int64_t minMatch = 0;              // filtering.go minMatchNum, computed in preFilter
        double weight = 0.0;                    // scoring only
        bool isHostname = false;
    };
    static bool hasAllKeys(const std::vector<Constraint>& constraints, std::size_t node);

    std::vector<Constraint> m_filterConstraints;
    std::vector<Constraint> m_scoreConstraints;
    std::vector<char> m_ignored;     // per node index, scoring only
    std::vector<std::int64_t> m_raw; // per node index: raw score, computed in preScore
};

} // namespace cnsim
