#include "control/scheduling/podtopologyspread.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cnsim {

namespace {

// Whether the pod restricts nodes by nodeSelector or required node affinity. Without either,
// every node counts under nodeAffinityPolicy Honor, and the view's per-domain totals apply.
bool hasNodeConstraints(const PodSpec& spec) {
    return !spec.nodeSelector.empty() || (spec.affinity && spec.affinity->nodeAffinity &&
                                          !spec.affinity->nodeAffinity->required.empty());
}

} // namespace

bool PodTopologySpreadPlugin::hasAllKeys(const std::vector<Constraint>& constraints,
                                         std::size_t node) {
    // common.go nodeLabelsMatchSpreadConstraints.
    return std::all_of(constraints.begin(), constraints.end(), [&](const Constraint& c) {
        return c.column->ids[node] != LabelColumn::kMissing;
    });
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
    const std::string& ns = ctx.pod.nameSpace;
    for (auto& c : m_filterConstraints) {
        c.counts = &ctx.cluster.matchingPodCounts(ns, c.selector, true);
        c.column = &ctx.cluster.labelColumn(c.topologyKey);
    }
    // filtering.go calPreFilterState: every domain of an eligible node exists, even with 0.
    const bool everyNode = !hasNodeConstraints(*ctx.pod.spec) &&
                           std::all_of(m_filterConstraints.begin(), m_filterConstraints.end(),
                                       [](const Constraint& c) { return c.column->missing == 0; });
    if (everyNode) {
        // Every node is eligible: each domain's count is the view's running total.
        for (auto& c : m_filterConstraints) {
            c.domainTotals = &ctx.cluster.liveDomainTotals(ns, c.selector, c.topologyKey);
            c.domainExists.assign(c.column->values.size(), 1);
        }
    } else {
        for (auto& c : m_filterConstraints) {
            c.domainCounts.assign(c.column->values.size(), 0);
            c.domainExists.assign(c.column->values.size(), 0);
            c.domainTotals = &c.domainCounts;
        }
        const auto& nodes = ctx.cluster.nodes();
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!hasAllKeys(m_filterConstraints, i) ||
                !podMatchesNodeSelectorAndAffinity(*ctx.pod.spec, nodes[i].labels)) {
                continue;
            }
            for (auto& c : m_filterConstraints) {
                const auto id = static_cast<std::size_t>(c.column->ids[i]);
                c.domainCounts[id] += (*c.counts)[i];
                c.domainExists[id] = 1;
            }
        }
    }
    for (auto& c : m_filterConstraints) {
        // filtering.go minMatchNum: the critical path's count, or 0 while the number of
        // domains is below minDomains. With no eligible domain upstream starts from MaxInt32.
        c.minMatch = std::numeric_limits<std::int32_t>::max();
        int domains = 0;
        for (std::size_t id = 0; id < c.domainExists.size(); ++id) {
            if (c.domainExists[id] != 0) {
                c.minMatch = std::min(c.minMatch, (*c.domainTotals)[id]);
                ++domains;
            }
        }
        if (c.minDomains && domains < *c.minDomains) {
            c.minMatch = 0;
        }
    }
}

FilterResult PodTopologySpreadPlugin::filter(const SchedulingContext& ctx,
                                             const SchedulerNodeInfo& node) const {
    const auto index = static_cast<std::size_t>(&node - ctx.cluster.nodes().data());
    for (const auto& c : m_filterConstraints) {
        const std::int32_t id = c.column->ids[index];
        if (id == LabelColumn::kMissing) {
            return FilterResult::fail(reasons::kTopologySpreadMissingLabel);
        }
        const auto domain = static_cast<std::size_t>(id);
        const std::int64_t matchNum = c.domainExists[domain] != 0 ? (*c.domainTotals)[domain] : 0;
        const std::int64_t skew = matchNum + (c.selfMatch ? 1 : 0) - c.minMatch;
        if (skew > c.maxSkew) {
            return FilterResult::fail(reasons::kTopologySpread);
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
    const std::string& ns = ctx.pod.nameSpace;
    for (auto& c : m_scoreConstraints) {
        c.column = &ctx.cluster.labelColumn(c.topologyKey);
        c.isHostname = c.topologyKey == k8s::kLabelHostname;
        c.counts = &ctx.cluster.matchingPodCounts(ns, c.selector, true);
        // One slot per value plus one for nodes without the key, which upstream reads as the
        // value "" (node.Labels[key]) and so share the domain of an explicit "".
        c.domainExists.assign(c.column->values.size() + 1, 0);
    }
    // Only feasible nodes are read later: their entries are written here, the rest left stale.
    m_ignored.resize(nodes.size());
    m_raw.resize(nodes.size());
    std::size_t ignoredCount = 0;
    std::vector<std::size_t> topoSize(m_scoreConstraints.size(), 0);
    for (const std::size_t n : feasible) {
        m_raw[n] = 0;
        m_ignored[n] = 0;
        if (requireAll && !hasAllKeys(m_scoreConstraints, n)) {
            m_ignored[n] = 1;
            ++ignoredCount;
            continue;
        }
        for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
            auto& c = m_scoreConstraints[i];
            if (c.isHostname) {
                continue;
            }
            std::int32_t id = c.column->ids[n];
            if (id == LabelColumn::kMissing) {
                id = c.column->emptyValue != LabelColumn::kMissing
                         ? c.column->emptyValue
                         : static_cast<std::int32_t>(c.column->values.size());
            }
            char& exists = c.domainExists[static_cast<std::size_t>(id)];
            if (exists == 0) {
                exists = 1;
                ++topoSize[i];
            }
        }
    }
    for (std::size_t i = 0; i < m_scoreConstraints.size(); ++i) {
        auto& c = m_scoreConstraints[i];
        const std::size_t size = c.isHostname ? feasible.size() - ignoredCount : topoSize[i];
        c.weight = std::log(static_cast<double>(size + 2)); // topologyNormalizingWeight
    }
    // scoring.go PreScore processAllNode: counts come from every node that matches the pod's
    // required node affinity, for domains that hold a feasible node. When every node qualifies
    // those sums are the view's running per-domain totals (only feasible nodes' domains are
    // read); otherwise they are summed here.
    const bool everyNode =
        !hasNodeConstraints(spec) &&
        (!requireAll || std::all_of(m_scoreConstraints.begin(), m_scoreConstraints.end(),
                                    [](const Constraint& c) { return c.column->missing == 0; }));
    for (auto& c : m_scoreConstraints) {
        if (c.isHostname) {
            continue;
        }
        if (everyNode) {
            c.domainTotals = &ctx.cluster.liveDomainTotals(ns, c.selector, c.topologyKey);
        } else {
            c.domainCounts.assign(c.column->values.size(), 0);
            c.domainTotals = &c.domainCounts;
        }
    }
    if (!everyNode) {
        // Nodes without a matching pod add nothing, so they are skipped before any label lookup.
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            const bool anyMatching = std::any_of(
                m_scoreConstraints.begin(), m_scoreConstraints.end(),
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
                const std::int32_t id = c.column->ids[n];
                if (c.isHostname || id == LabelColumn::kMissing) {
                    continue;
                }
                const auto domain = static_cast<std::size_t>(id);
                if (c.domainExists[domain] != 0) {
                    c.domainCounts[domain] += (*c.counts)[n];
                }
            }
        }
    }
    // scoring.go Score, for every feasible node now that the domain counts are complete.
    for (const std::size_t n : feasible) {
        if (m_ignored[n] != 0) {
            continue;
        }
        double score = 0.0;
        for (const auto& c : m_scoreConstraints) {
            const std::int32_t id = c.column->ids[n];
            if (id == LabelColumn::kMissing) {
                continue; // a node without the key scores nothing for it
            }
            const std::int64_t count =
                c.isHostname ? (*c.counts)[n] : (*c.domainTotals)[static_cast<std::size_t>(id)];
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
