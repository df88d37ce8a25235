#pragma once

// The node-local plugins of upstream's default profile:
// - NodeUnschedulable (plugins/nodeunschedulable): a cordoned node rejects pods that do not
//   tolerate node.kubernetes.io/unschedulable:NoSchedule.
// - NodeName (plugins/nodename): a pod naming a node fits only that node.
// - TaintToleration (plugins/tainttoleration): NoSchedule / NoExecute taints filter;
//   PreferNoSchedule taints are counted for the score, normalized in reverse.
// - NodeAffinity (plugins/nodeaffinity): nodeSelector and required terms filter; the weights
//   of satisfied preferred terms score, normalized by DefaultNormalizeScore.

#include "control/scheduling/schedulerplugin.h"

#include <deque>

namespace cnsim {

namespace reasons {
// Upstream's reason strings, verbatim (they reach the FitError text).
inline constexpr std::string_view kNodeUnschedulable = "node(s) were unschedulable";
inline constexpr std::string_view kNodeName = "node(s) didn't match the requested node name";
inline constexpr std::string_view kNodeAffinity =
    "node(s) didn't match Pod's node affinity/selector";
} // namespace reasons

// tainttoleration Filter: "node(s) had untolerated taint {key: value}".
std::string untoleratedTaintReason(const Taint& taint);
// Number of PreferNoSchedule taints not tolerated (countIntolerableTaintsPreferNoSchedule),
// considering only tolerations with an empty or PreferNoSchedule effect.
std::int64_t countIntolerablePreferNoSchedule(std::span<const Taint> taints,
                                              std::span<const Toleration> tolerations);
// Sum of weights of preferred terms the node satisfies (nodeaffinity Score).
std::int64_t preferredNodeAffinityScore(const PodSpec& spec, const LabelMap& nodeLabels);

class NodeUnschedulablePlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "NodeUnschedulable"; }
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
};

class NodeNamePlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "NodeName"; }
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
};

class TaintTolerationPlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "TaintToleration"; }
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
    bool preScore(const SchedulingContext& ctx, std::span<const std::size_t> feasible) override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
    void normalizeScores(const SchedulingContext& ctx, std::span<const std::size_t> feasible,
                         std::span<std::int64_t> scores) const override;

private:
    struct TaintReason {
        std::string key;
        std::string value;
        std::string text;
    };
    std::string_view reasonFor(const Taint& taint) const;

    std::vector<Toleration> m_preferNoScheduleTolerations;
    mutable std::deque<TaintReason> m_reasons; // a deque: texts never move
};

class NodeAffinityPlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "NodeAffinity"; }
    FilterResult filter(const SchedulingContext& ctx, const SchedulerNodeInfo& node) const override;
    bool preScore(const SchedulingContext& ctx, std::span<const std::size_t> feasible) override;
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
    void normalizeScores(const SchedulingContext& ctx, std::span<const std::size_t> feasible,
                         std::span<std::int64_t> scores) const override;
};

} // namespace cnsim
