#include "control/scheduling/podtopologyspread.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cnsim {

bool PodTopologySpreadPlugin::hasAllKeys(const std::vector<Constraint>& constraints,
                                         std::size_t node) {
    // common.go nodeLabelsMatchSpreadConstraints.
    return std::all_of(constraints.begin(), constraints.end(),
                       [&](const Constraint& c) { return (*c.values)[node] != nullptr; });
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
        c.values = &ctx.cluster.labelColumn(c.topologyKey);
    }
    // filtering.go calPreFilterState: every domain of an eligible node exists, even with 0.
    const auto& nodes = ctx.cluster.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!hasAllKeys(m_filterConstraints, i) ||
            !podMatchesNodeSelectorAndAffinity(*ctx.pod.spec, nodes[i].labels)) {
            continue;
        }
        for (auto& c : m_filterConstraints) {
            c.domainCounts[*(*c.values)[i]] += (*c.counts)[i];
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

FilterResult PodTopologySpreadPlugin::filter(const SchedulingContext& ctx,
                                             const SchedulerNodeInfo& node) const {
    const auto index = static_cast<std::size_t>(&node - ctx.cluster.nodes().data());
    for (const auto& c : m_filterConstraints) {
        const std::string* value = (*c.values)[index];
        if (value == nullptr) {
            return FilterResult::fail(std::string(reasons::kTopologySpreadMissingLabel));
        }
        const auto it = c.domainCounts.find(*value);
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
    for (auto& c : m_scoreConstraints) {
        c.values = &ctx.cluster.labelColumn(c.topologyKey);
    }
    m_ignored.assign(nodes.size(), 0);
    m_raw.assign(nodes.size(), 0);
    std::size_t ignoredCount = 0;
    // Per feasible node and constraint: its domain's counter (std::map nodes are stable), or
    // null when the node lacks the key; hostname constraints read the node's own count.
    using Counter = std::int64_t*;
    std::vector<Counter> domainOf(feasible.size() * m_scoreConstraints.size(), nullptr);
    std::vector<std::size_t> topoSize(m_scoreConstraints.size(), 0);
    for (std::size_t f = 0; f < feasible.size(); ++f) {
        const auto n = feasible[f];
        if (requireAll && !hasAllKeys(m_scoreConstraints, n)) {
            m_ignored[n] = 1;
            ++ignoredCount;
            continue;
        }
        for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
            auto& c = m_scoreConstraints[i];
            if (c.topologyKey == k8s::kLabelHostname) {
                continue;
            }
            static const std::string kMissing;
            const std::string* label = (*c.values)[n];
            const std::string& value = label == nullptr ? kMissing : *label;
            auto it = c.domainCounts.find(value);
            if (it == c.domainCounts.end()) {
                it = c.domainCounts.emplace(value, 0).first;
                ++topoSize[i];
            }
            // Score only counts domains the node really has (a missing key adds nothing).
            if (label != nullptr) {
                domainOf[f * m_scoreConstraints.size() + i] = &it->second;
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
    // Nodes without a matching pod add nothing, so they are skipped before any label lookup.
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const bool anyMatching =
            std::any_of(m_scoreConstraints.begin(), m_scoreConstraints.end(),
                        [&](const Constraint& c) { return !c.isHostname && (*c.counts)[n] != 0; });
        if (!anyMatching) {
            continue;
        }
        if (requireAll && !hasAllKeys(m_scoreConstraints, n)) {
            continue;
        }
        if (!podMatchesNodeSelectorAndAffinity(spec, nodes[n].labels)) {
            continue;
        }
        for (auto& c : m_scoreConstraints) {
            const std::string* label = (*c.values)[n];
            if (c.isHostname || label == nullptr) {
                continue;
            }
            const auto it = c.domainCounts.find(*label);
            if (it != c.domainCounts.end()) {
                it->second += (*c.counts)[n];
            }
        }
    }
    // scoring.go Score, for every feasible node now that the domain counts are complete.
    for (std::size_t f = 0; f < feasible.size(); ++f) {
        const auto n = feasible[f];
        if (m_ignored[n] != 0) {
            continue;
        }
        double score = 0.0;
        for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
            const auto& c = m_scoreConstraints[i];
            std::int64_t count = 0;
            if (c.isHostname) {
                if ((*c.values)[n] == nullptr) {
                    continue;
                }
                count = (*c.counts)[n];
            } else {
                const Counter counter = domainOf[f * m_scoreConstraints.size() + i];
                if (counter == nullptr) {
                    continue;
                }
                count = *counter;
            }
            // scoring.go scoreForCount.
            score += static_cast<double>(count) * c.weight + static_cast<double>(c.maxSkew - 1);
        }
        m_raw[n] = static_cast<std::int64_t>(std::round(score));
    }
    return true;
}

std::int64_t PodTopologySpreadPlugin::score(const SchedulingContext&, std::size_t nodeIndex) const {
    return m_raw[nodeIndex];
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
