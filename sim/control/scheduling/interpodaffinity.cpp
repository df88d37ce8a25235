#include "control/scheduling/interpodaffinity.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>
#include <limits>

namespace cnsim {

namespace {

const std::vector<PodAffinityTerm> kNoTerms;

// AffinityTerm.Matches: the term's namespace (its owner's, cnsim has no namespace fields)
// and its selector.
bool termMatches(const PodAffinityTerm& term, const std::string& termNamespace,
                 const std::string& podNamespace, const LabelMap& podLabels) {
    return termNamespace == podNamespace && matchesLabelSelector(term.labelSelector, podLabels);
}

bool matchesAllTerms(const std::vector<PodAffinityTerm>& terms, const std::string& termNamespace,
                     const std::string& podNamespace, const LabelMap& podLabels) {
    if (terms.empty()) {
        return false;
    }
    return std::all_of(terms.begin(), terms.end(), [&](const PodAffinityTerm& t) {
        return termMatches(t, termNamespace, podNamespace, podLabels);
    });
}

} // namespace

void InterPodAffinityPlugin::preFilter(const SchedulingContext& ctx) {
    const PodSpec& spec = *ctx.pod.spec;
    m_requiredAffinity = &kNoTerms;
    m_requiredAntiAffinity = &kNoTerms;
    if (spec.affinity && spec.affinity->podAffinity) {
        m_requiredAffinity = &spec.affinity->podAffinity->required;
    }
    if (spec.affinity && spec.affinity->podAntiAffinity) {
        m_requiredAntiAffinity = &spec.affinity->podAntiAffinity->required;
    }
    m_existingAntiAffinityCounts.clear();
    m_affinityCounts.clear();
    m_antiAffinityCounts.clear();
    const auto& nodes = ctx.cluster.nodes();
    const std::string& ns = ctx.pod.nameSpace;

    // filtering.go getExistingAntiAffinityCounts: each existing pod's required anti-affinity
    // term that matches this pod counts once per pod in the pod's node's domain. Pods with the
    // same terms are grouped by the view, so each term is matched once.
    for (const auto& g : ctx.cluster.affinityGroups()) {
        if (g.total == 0 || !g.antiAffinity) {
            continue;
        }
        for (const auto& term : g.antiAffinity->required) {
            if (!termMatches(term, g.nameSpace, ns, ctx.pod.labels)) {
                continue;
            }
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if (g.counts[i] == 0) {
                    continue;
                }
                const auto label = nodes[i].labels.find(term.topologyKey);
                if (label != nodes[i].labels.end()) {
                    m_existingAntiAffinityCounts[{term.topologyKey, label->second}] += g.counts[i];
                }
            }
        }
    }

    // filtering.go getIncomingAffinityAntiAffinityCounts.
    if (!m_requiredAffinity->empty()) {
        m_podMatchesOwnAffinity = matchesAllTerms(*m_requiredAffinity, ns, ns, ctx.pod.labels);
        // An existing pod counts only if it matches every affinity term.
        for (const auto& node : nodes) {
            std::int64_t matching = 0;
            if (m_requiredAffinity->size() == 1) {
                matching = ctx.cluster.matchingPodCounts(
                    ns, m_requiredAffinity->front().labelSelector,
                    false)[static_cast<std::size_t>(&node - nodes.data())];
            } else {
                for (const auto& p : node.pods) {
                    if (matchesAllTerms(*m_requiredAffinity, ns, p.nameSpace, p.labels)) {
                        ++matching;
                    }
                }
            }
            if (matching == 0) {
                continue;
            }
            for (const auto& term : *m_requiredAffinity) {
                const auto label = node.labels.find(term.topologyKey);
                if (label != node.labels.end()) {
                    m_affinityCounts[{term.topologyKey, label->second}] += matching;
                }
            }
        }
    }
    for (const auto& term : *m_requiredAntiAffinity) {
        const auto& counts = ctx.cluster.matchingPodCounts(ns, term.labelSelector, false);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (counts[i] == 0) {
                continue;
            }
            const auto label = nodes[i].labels.find(term.topologyKey);
            if (label != nodes[i].labels.end()) {
                m_antiAffinityCounts[{term.topologyKey, label->second}] += counts[i];
            }
        }
    }
}

FilterResult InterPodAffinityPlugin::filter(const SchedulingContext&,
                                            const SchedulerNodeInfo& node) const {
    // filtering.go satisfyPodAffinity.
    bool podsExist = true;
    for (const auto& term : *m_requiredAffinity) {
        const auto label = node.labels.find(term.topologyKey);
        if (label == node.labels.end()) {
            return FilterResult::fail(reasons::kPodAffinity);
        }
        const auto it = m_affinityCounts.find({term.topologyKey, label->second});
        if (it == m_affinityCounts.end() || it->second <= 0) {
            podsExist = false;
        }
    }
    if (!podsExist && !(m_affinityCounts.empty() && m_podMatchesOwnAffinity)) {
        return FilterResult::fail(reasons::kPodAffinity);
    }
    // satisfyPodAntiAffinity.
    for (const auto& term : *m_requiredAntiAffinity) {
        const auto label = node.labels.find(term.topologyKey);
        if (label == node.labels.end()) {
            continue;
        }
        const auto it = m_antiAffinityCounts.find({term.topologyKey, label->second});
        if (it != m_antiAffinityCounts.end() && it->second > 0) {
            return FilterResult::fail(reasons::kPodAntiAffinity);
        }
    }
    // satisfyExistingPodsAntiAffinity: any of the node's (key, value) pairs.
    if (!m_existingAntiAffinityCounts.empty()) {
        for (const auto& [key, value] : node.labels) {
            const auto it = m_existingAntiAffinityCounts.find({key, value});
            if (it != m_existingAntiAffinityCounts.end() && it->second > 0) {
                return FilterResult::fail(reasons::kExistingPodsAntiAffinity);
            }
        }
    }
    return FilterResult::pass();
}

bool InterPodAffinityPlugin::preScore(const SchedulingContext& ctx,
                                      std::span<const std::size_t> feasible) {
    m_topologyScore.clear();
    if (feasible.empty()) {
        return false;
    }
    const PodSpec& spec = *ctx.pod.spec;
    const std::string& ns = ctx.pod.nameSpace;
    const auto& nodes = ctx.cluster.nodes();
    auto add = [&](const std::string& key, const SchedulerNodeInfo& node, std::int64_t delta) {
        const auto label = node.labels.find(key);
        if (label != node.labels.end() && delta != 0) {
            m_topologyScore[key][label->second] += delta;
        }
    };
    // The pod's own preferred terms, against every existing pod (scoring.go
    // processExistingPod, first two processTerms calls).
    auto incoming = [&](const std::vector<WeightedPodAffinityTerm>& terms, int sign) {
        for (const auto& wt : terms) {
            const auto& counts =
                ctx.cluster.matchingPodCounts(ns, wt.podAffinityTerm.labelSelector, false);
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                if (counts[i] != 0) {
                    add(wt.podAffinityTerm.topologyKey, nodes[i],
                        static_cast<std::int64_t>(sign) * wt.weight * counts[i]);
                }
            }
        }
    };
    if (spec.affinity && spec.affinity->podAffinity) {
        incoming(spec.affinity->podAffinity->preferred, +1);
    }
    if (spec.affinity && spec.affinity->podAntiAffinity) {
        incoming(spec.affinity->podAntiAffinity->preferred, -1);
    }
    // Existing pods' terms that match this pod (processExistingPod, last three calls), one
    // affinity group at a time: required affinity counts hardPodAffinityWeight, preferred
    // affinity its weight, preferred anti-affinity minus its weight, per pod.
    struct Contribution {
        const std::string* topologyKey;
        std::int64_t weight;
    };
    std::vector<Contribution> contributions;
    for (const auto& g : ctx.cluster.affinityGroups()) {
        if (g.total == 0) {
            continue;
        }
        contributions.clear();
        if (g.affinity) {
            if (m_hardPodAffinityWeight > 0) {
                for (const auto& term : g.affinity->required) {
                    if (termMatches(term, g.nameSpace, ns, ctx.pod.labels)) {
                        contributions.push_back({&term.topologyKey, m_hardPodAffinityWeight});
                    }
                }
            }
            for (const auto& wt : g.affinity->preferred) {
                if (termMatches(wt.podAffinityTerm, g.nameSpace, ns, ctx.pod.labels)) {
                    contributions.push_back({&wt.podAffinityTerm.topologyKey, wt.weight});
                }
            }
        }
        if (g.antiAffinity) {
            for (const auto& wt : g.antiAffinity->preferred) {
                if (termMatches(wt.podAffinityTerm, g.nameSpace, ns, ctx.pod.labels)) {
                    contributions.push_back({&wt.podAffinityTerm.topologyKey, -wt.weight});
                }
            }
        }
        if (contributions.empty()) {
            continue;
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (g.counts[i] == 0 || nodes[i].labels.empty()) {
                continue;
            }
            for (const auto& c : contributions) {
                add(*c.topologyKey, nodes[i], c.weight * g.counts[i]);
            }
        }
    }
    return !m_topologyScore.empty();
}

std::int64_t InterPodAffinityPlugin::score(const SchedulingContext& ctx,
                                           std::size_t nodeIndex) const {
    const auto& labels = ctx.cluster.nodes()[nodeIndex].labels;
    std::int64_t score = 0;
    for (const auto& [key, values] : m_topologyScore) {
        const auto label = labels.find(key);
        if (label == labels.end()) {
            continue;
        }
        const auto it = values.find(label->second);
        if (it != values.end()) {
            score += it->second;
        }
    }
    return score;
}

void InterPodAffinityPlugin::normalizeScores(const SchedulingContext&, std::span<const std::size_t>,
                                             std::span<std::int64_t> scores) const {
    // scoring.go NormalizeScore: min–max scaling, truncated.
    if (m_topologyScore.empty() || scores.empty()) {
        return;
    }
    const auto [minIt, maxIt] = std::minmax_element(scores.begin(), scores.end());
    const std::int64_t minCount = *minIt;
    const std::int64_t diff = *maxIt - minCount;
    for (auto& s : scores) {
        double f = 0.0;
        if (diff > 0) {
            f = static_cast<double>(k8s::kMaxNodeScore) *
                (static_cast<double>(s - minCount) / static_cast<double>(diff));
        }
        s = static_cast<std::int64_t>(f);
    }
}

} // namespace cnsim
