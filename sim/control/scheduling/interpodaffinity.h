#pragma once

// InterPodAffinity (plugins/interpodaffinity).
//
// Filter (filtering.go): required affinity — every term's topology domain on the node must
// already hold a pod matching all the pod's affinity terms (or, when no pod in the cluster
// matches and the pod matches its own terms, any node with the keys: the first of a group);
// required anti-affinity — no matching pod in the node's domain of any term; symmetry —
// no existing pod's required anti-affinity term matches this pod in the node's domain.
// Term namespaces default to the namespace of the pod that owns the term.
// Score (scoring.go): Σ over domains the node belongs to of: the pod's preferred affinity
// weights (+) and anti-affinity weights (−) per matching existing pod, plus existing pods'
// required affinity (hardPodAffinityWeight), preferred affinity (+) and preferred
// anti-affinity (−) terms that match this pod; normalized min–max to 0..100.

#include "control/scheduling/schedulerplugin.h"

#include <map>
#include <utility>

namespace cnsim {

namespace reasons {
inline constexpr std::string_view kPodAffinity = "node(s) didn't match pod affinity rules";
inline constexpr std::string_view kPodAntiAffinity = "node(s) didn't match pod anti-affinity rules";
inline constexpr std::string_view kExistingPodsAntiAffinity =
    "node(s) didn't satisfy existing pods anti-affinity rules";
} // namespace reasons

class InterPodAffinityPlugin final : public SchedulerPlugin {
public:
    explicit InterPodAffinityPlugin(int hardPodAffinityWeight)
        : m_hardPodAffinityWeight(hardPodAffinityWeight) {}
    std::string_view name() const override { return "InterPodAffinity"; }
    void preFilter(const SchedulingContext& ctx) override;
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
    bool preScore(const SchedulingContext& ctx, std::span<const std::size_t> feasible) override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
    void normalizeScores(const SchedulingContext& ctx, std::span<const std::size_t> feasible,
                         std::span<std::int64_t> scores) const override;

private:
    using TopologyPair = std::pair<std::string, std::string>;
    int m_hardPodAffinityWeight;
    const std::vector<PodAffinityTerm>* m_requiredAffinity = nullptr;
    const std::vector<PodAffinityTerm>* m_requiredAntiAffinity = nullptr;
    bool m_podMatchesOwnAffinity = false;
    std::map<TopologyPair, std::int64_t> m_existingAntiAffinityCounts;
    std::map<TopologyPair, std::int64_t> m_affinityCounts;
    std::map<TopologyPair, std::int64_t> m_antiAffinityCounts;
    // topologyKey → value → score (scoring.go scoreMap).
    std::map<std::string, std::map<std::string, std::int64_t>> m_topologyScore;
};

} // namespace cnsim
