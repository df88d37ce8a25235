#include "control/scheduling/nodeplugins.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>

namespace cnsim {

void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::span<std::int64_t> scores) {
    // helper/normalize_score.go DefaultNormalizeScore.
    std::int64_t maxCount = 0;
    for (const auto s : scores) {
        maxCount = std::max(maxCount, s);
    }
    if (maxCount == 0) {
        if (reverse) {
            std::fill(scores.begin(), scores.end(), maxPriority);
        }
        return;
    }
    for (auto& s : scores) {
        s = maxPriority * s / maxCount;
        if (reverse) {
            s = maxPriority - s;
        }
    }
}

std::string untoleratedTaintReason(const Taint& taint) {
    // tainttoleration.go Filter: fmt.Sprintf("node(s) had untolerated taint {%s: %s}", …).
    return "node(s) had untolerated taint {" + taint.key + ": " + taint.value + "}";
}

std::int64_t countIntolerablePreferNoSchedule(std::span<const Taint> taints,
                                              std::span<const Toleration> tolerations) {
    std::int64_t count = 0;
    for (const auto& taint : taints) {
        if (taint.effect == TaintEffect::PreferNoSchedule &&
            !tolerationsTolerateTaint(tolerations, taint)) {
            ++count;
        }
    }
    return count;
}

std::int64_t preferredNodeAffinityScore(const PodSpec& spec, const LabelMap& nodeLabels) {
    if (!spec.affinity || !spec.affinity->nodeAffinity) {
        return 0;
    }
    std::int64_t score = 0;
    for (const auto& term : spec.affinity->nodeAffinity->preferred) {
        // component-helpers nodeaffinity PreferredSchedulingTerms: weight-0 terms are ignored.
        if (term.weight != 0 && matchesNodeSelectorTerm(term.preference, nodeLabels)) {
            score += term.weight;
        }
    }
    return score;
}

FilterResult NodeUnschedulablePlugin::filter(const SchedulingContext& ctx,
                                             const SchedulerNodeInfo& node) const {
    // nodeunschedulable/node_unschedulable.go: a pod tolerating the unschedulable taint may
    // still land on a cordoned node (DaemonSet pods do).
    if (!node.unschedulable) {
        return FilterResult::pass();
    }
    static const Taint cordon{std::string(k8s::kTaintUnschedulable), "", TaintEffect::NoSchedule};
    if (tolerationsTolerateTaint(ctx.pod.spec->tolerations, cordon)) {
        return FilterResult::pass();
    }
    return FilterResult::fail(reasons::kNodeUnschedulable);
}

FilterResult NodeNamePlugin::filter(const SchedulingContext& ctx,
                                    const SchedulerNodeInfo& node) const {
    // nodename/node_name.go Fits: no spec.nodeName, or equal to the node's name.
    if (ctx.pod.nodeName.empty() || ctx.pod.nodeName == node.name) {
        return FilterResult::pass();
    }
    return FilterResult::fail(reasons::kNodeName);
}

FilterResult TaintTolerationPlugin::filter(const SchedulingContext& ctx,
                                           const SchedulerNodeInfo& node) const {
    // v1helper.FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc: the first
    // NoSchedule / NoExecute taint, in the node's order, that no toleration tolerates.
    for (const auto& taint : node.taints) {
        if (taint.effect == TaintEffect::PreferNoSchedule) {
            continue;
        }
        if (!tolerationsTolerateTaint(ctx.pod.spec->tolerations, taint)) {
            return FilterResult::fail(reasonFor(taint));
        }
    }
    return FilterResult::pass();
}

std::string_view TaintTolerationPlugin::reasonFor(const Taint& taint) const {
    // One string per distinct (key, value), kept for the plugin's life: taints are few, so a
    // linear search beats building the text for every rejected node.
    for (const auto& r : m_reasons) {
        if (r.key == taint.key && r.value == taint.value) {
            return r.text;
        }
    }
    m_reasons.push_back({taint.key, taint.value, untoleratedTaintReason(taint)});
    return m_reasons.back().text;
}

bool TaintTolerationPlugin::preScore(const SchedulingContext& ctx,
                                     std::span<const std::size_t> /*feasible*/) {
    // tainttoleration.go getAllTolerationPreferNoSchedule: empty effect means every effect.
    m_preferNoScheduleTolerations.clear();
    for (const auto& t : ctx.pod.spec->tolerations) {
        if (!t.effect || *t.effect == TaintEffect::PreferNoSchedule) {
            m_preferNoScheduleTolerations.push_back(t);
        }
    }
    return true;
}

std::int64_t TaintTolerationPlugin::score(const SchedulingContext& ctx,
                                          std::size_t nodeIndex) const {
    return countIntolerablePreferNoSchedule(ctx.cluster.nodes()[nodeIndex].taints,
                                            m_preferNoScheduleTolerations);
}

void TaintTolerationPlugin::normalizeScores(const SchedulingContext&, std::span<const std::size_t>,
                                            std::span<std::int64_t> scores) const {
    defaultNormalizeScore(k8s::kMaxNodeScore, true, scores);
}

FilterResult NodeAffinityPlugin::filter(const SchedulingContext& ctx,
                                        const SchedulerNodeInfo& node) const {
    if (podMatchesNodeSelectorAndAffinity(*ctx.pod.spec, node.labels)) {
        return FilterResult::pass();
    }
    return FilterResult::fail(reasons::kNodeAffinity);
}

bool NodeAffinityPlugin::preScore(const SchedulingContext& ctx, std::span<const std::size_t>) {
    // node_affinity.go PreScore: Skip when the pod has no preferred terms.
    const auto& a = ctx.pod.spec->affinity;
    return a && a->nodeAffinity && !a->nodeAffinity->preferred.empty();
}

std::int64_t NodeAffinityPlugin::score(const SchedulingContext& ctx, std::size_t nodeIndex) const {
    return preferredNodeAffinityScore(*ctx.pod.spec, ctx.cluster.nodes()[nodeIndex].labels);
}

void NodeAffinityPlugin::normalizeScores(const SchedulingContext&, std::span<const std::size_t>,
                                         std::span<std::int64_t> scores) const {
    defaultNormalizeScore(k8s::kMaxNodeScore, false, scores);
}

} // namespace cnsim
