#include "control/scheduling/podtopologyspread.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cnsim {

bool PodTopologySpreadPlugin::hasAllKeys(const std::vector<Constraint>& constraints,
                                         const LabelMap& labels) {
    // common.go nodeLabelsMatchSpreadConstraints.
    return std::all_of(constraints.begin(), constraints.end(),
                       [&](const Constraint& c) { return labels.count(c.topologyKey) != 0; });
}

void PodTopologySpreadPlugin::preFilter(const SchedulingContext& ctx) {
    m_filterConstraints.clear();
    for (const auto& c : ctx.pod.spec->topologySpreadConstraints) {
        if (c.whenUnsatisfiable != UnsatisfiableConstraintAction::DoNotSchedule) {
            continue;
        }
        Constraint k;
        k.maxSkew = c.maxSkew;
        k.topologyKey = c.topologyKey;
        k.selector = c.labelSelector;
        k.minDomains = c.minDomains;
        k.selfMatch = matchesLabelSelector(c.labelSelector, ctx.pod.labels);
        m_filterConstraints.push_back(std::move(k));
    }
    if (m_filterConstraints.empty()) {
        return;
    }
    for (auto& c : m_filterConstraints) {
        c.counts = &ctx.cluster.matchingPodCounts(ctx.pod.nameSpace, c.selector, true);
    }
    // filtering.go calPreFilterState: every domain of an eligible node exists, even with 0.
    const auto& nodes = ctx.cluster.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& labels = nodes[i].labels;
        if (!podMatchesNodeSelectorAndAffinity(*ctx.pod.spec, labels) ||
            !hasAllKeys(m_filterConstraints, labels)) {
            continue;
        }
        for (auto& c : m_filterConstraints) {
            c.domainCounts[labels.at(c.topologyKey)] += (*c.counts)[i];
        }
    }
    for (auto& c : m_filterConstraints) {
        // filtering.go minMatchNum: the critical path's count, or 0 while the number of
        // domains is below minDomains. With no eligible domain upstream starts from MaxInt32.
        c.minMatch = std::numeric_limits<std::int32_t>::max();
        for (const auto& [value, count] : c.domainCounts) {
            c.minMatch = std::min(c.minMatch, count);
        }
        if (c.minDomains && static_cast<int>(c.domainCounts.size()) < *c.minDomains) {
            c.minMatch = 0;
        }
    }
}

FilterResult PodTopologySpreadPlugin::filter(const SchedulingContext&,
                                             const SchedulerNodeInfo& node) const {
    for (const auto& c : m_filterConstraints) {
        const auto label = node.labels.find(c.topologyKey);
        if (label == node.labels.end()) {
            return FilterResult::fail(std::string(reasons::kTopologySpreadMissingLabel));
        }
        const auto it = c.domainCounts.find(label->second);
        const std::int64_t matchNum = it == c.domainCounts.end() ? 0 : it->second;
        const std::int64_t skew = matchNum + (c.selfMatch ? 1 : 0) - c.minMatch;
        if (skew > c.maxSkew) {
            return FilterResult::fail(std::string(reasons::kTopologySpread));
        }
    }
    return FilterResult::pass();
}

bool PodTopologySpreadPlugin::preScore(const SchedulingContext& ctx,
                                       std::span<const std::size_t> feasible) {
    m_scoreConstraints.clear();
    const PodSpec& spec = *ctx.pod.spec;
    const bool explicitConstraints = !spec.topologySpreadConstraints.empty();
    if (explicitConstraints) {
        for (const auto& c : spec.topologySpreadConstraints) {
            if (c.whenUnsatisfiable == UnsatisfiableConstraintAction::ScheduleAnyway) {
                Constraint k;
                k.maxSkew = c.maxSkew;
                k.topologyKey = c.topologyKey;
                k.selector = c.labelSelector;
                m_scoreConstraints.push_back(std::move(k));
            }
        }
    } else if (ctx.pod.defaultSpreadSelector &&
               (!ctx.pod.defaultSpreadSelector->matchLabels.empty() ||
                !ctx.pod.defaultSpreadSelector->matchExpressions.empty())) {
        // plugin.go systemDefaultConstraints + buildDefaultConstraints (empty selector: none).
        Constraint host;
        host.maxSkew = k8s::kDefaultSpreadHostnameMaxSkew;
        host.topologyKey = std::string(k8s::kLabelHostname);
        host.selector = *ctx.pod.defaultSpreadSelector;
        Constraint zone = host;
        zone.maxSkew = k8s::kDefaultSpreadZoneMaxSkew;
        zone.topologyKey = std::string(k8s::kLabelZone);
        m_scoreConstraints.push_back(std::move(host));
        m_scoreConstraints.push_back(std::move(zone));
    }
    if (m_scoreConstraints.empty() || feasible.empty()) {
        return false;
    }
    // scoring.go initPreScoreState. With system defaults nodes missing a key still count
    // (requireAllTopologies is false); explicit constraints ignore such nodes.
    const bool requireAll = explicitConstraints;
    const auto& nodes = ctx.cluster.nodes();
    m_ignored.assign(nodes.size(), 0);
    std::size_t ignoredCount = 0;
    std::vector<std::size_t> topoSize(m_scoreConstraints.size(), 0);
    for (const auto n : feasible) {
        const auto& labels = nodes[n].labels;
        if (requireAll && !hasAllKeys(m_scoreConstraints, labels)) {
            m_ignored[n] = 1;
            ++ignoredCount;
            continue;
        }
        for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
            auto& c = m_scoreConstraints[i];
            if (c.topologyKey == k8s::kLabelHostname) {
                continue;
            }
            const auto label = labels.find(c.topologyKey);
            const std::string value = label == labels.end() ? std::string() : label->second;
            if (c.domainCounts.emplace(value, 0).second) {
                ++topoSize[i];
            }
        }
    }
    for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
        auto& c = m_scoreConstraints[i];
        c.isHostname = c.topologyKey == k8s::kLabelHostname;
        const std::size_t size = c.isHostname ? feasible.size() - ignoredCount : topoSize[i];
        c.weight = std::log(static_cast<double>(size + 2)); // topologyNormalizingWeight
        c.counts = &ctx.cluster.matchingPodCounts(ctx.pod.nameSpace, c.selector, true);
    }
    // scoring.go PreScore processAllNode: counts come from every node that matches the pod's
    // required node affinity, for domains that hold a feasible node.
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const auto& labels = nodes[n].labels;
        if (!podMatchesNodeSelectorAndAffinity(spec, labels)) {
            continue;
        }
        if (requireAll && !hasAllKeys(m_scoreConstraints, labels)) {
            continue;
        }
        for (auto& c : m_scoreConstraints) {
            if (c.isHostname) {
                continue;
            }
            const auto label = labels.find(c.topologyKey);
            if (label == labels.end()) {
                continue;
            }
            const auto it = c.domainCounts.find(label->second);
            if (it != c.domainCounts.end()) {
                it->second += (*c.counts)[n];
            }
        }
    }
    return true;
}

std::int64_t PodTopologySpreadPlugin::score(const SchedulingContext& ctx,
                                            std::size_t nodeIndex) const {
    if (m_ignored[nodeIndex] != 0) {
        return 0;
    }
    const auto& labels = ctx.cluster.nodes()[nodeIndex].labels;
    double score = 0.0;
    for (const auto& c : m_scoreConstraints) {
        const auto label = labels.find(c.topologyKey);
        if (label == labels.end()) {
            continue;
        }
        std::int64_t count = 0;
        if (c.isHostname) {
            count = (*c.counts)[nodeIndex];
        } else {
            const auto it = c.domainCounts.find(label->second);
            count = it == c.domainCounts.end() ? 0 : it->second;
        }
        // scoring.go scoreForCount.
        score += static_cast<double>(count) * c.weight + static_cast<double>(c.maxSkew - 1);
    }
    return static_cast<std::int64_t>(std::round(score));
}

void PodTopologySpreadPlugin::normalizeScores(const SchedulingContext&,
                                              std::span<const std::size_t> feasible,
                                              std::span<std::int64_t> scores) const {
    std::int64_t minScore = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxScore = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (m_ignored[feasible[i]] != 0) {
            continue;
        }
        minScore = std::min(minScore, scores[i]);
        maxScore = std::max(maxScore, scores[i]);
    }
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (m_ignored[feasible[i]] != 0) {
            scores[i] = 0;
        } else if (maxScore == 0) {
            scores[i] = k8s::kMaxNodeScore;
        } else {
            scores[i] = k8s::kMaxNodeScore * (maxScore + minScore - scores[i]) / maxScore;
        }
    }
}

} // namespace cnsim
