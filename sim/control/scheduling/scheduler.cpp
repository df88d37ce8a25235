#include "control/scheduling/scheduler.h"

#include "control/kubernetesdefaults.h"

#include <algorithm>

namespace cnsim {

int numFeasibleNodesToFind(int percentage, int numAllNodes) {
    if (numAllNodes < k8s::kMinFeasibleNodesToFind || percentage >= 100) {
        return numAllNodes;
    }
    if (percentage <= 0) {
        percentage = k8s::kDefaultPercentageBase - numAllNodes / k8s::kAdaptivePercentageDivisor;
        if (percentage < k8s::kMinFeasibleNodesPercentageToFind) {
            percentage = k8s::kMinFeasibleNodesPercentageToFind;
        }
    }
    const int numNodes = numAllNodes * percentage / 100;
    if (numNodes < k8s::kMinFeasibleNodesToFind) {
        return k8s::kMinFeasibleNodesToFind;
    }
    return numNodes;
}

Scheduler::Scheduler(const SchedulerPluginRegistry& registry,
                     const std::vector<SchedulerProfileConfig>& profiles,
                     int percentageOfNodesToScore)
    : m_percentageOfNodesToScore(percentageOfNodesToScore) {
    for (const auto& config : profiles) {
        Profile profile;
        profile.config = config;
        auto instance = [&](const std::string& name) -> SchedulerPlugin* {
            for (const auto& p : profile.plugins) {
                if (p->name() == name) {
                    return p.get();
                }
            }
            const auto* reg = registry.find(name);
            if (reg == nullptr) {
                return nullptr;
            }
            profile.plugins.push_back(reg->factory(config.args));
            return profile.plugins.back().get();
        };
        for (const auto& name : config.filterPlugins) {
            if (auto* p = instance(name)) {
                profile.prefilterAndFilter.push_back(p);
            }
        }
        for (const auto& s : config.scorePlugins) {
            if (auto* p = instance(s.name); p != nullptr && s.weight > 0) {
                profile.score.push_back({p, s.weight});
            }
        }
        m_profiles.push_back(std::move(profile));
    }
}

Scheduler Scheduler::fromSpec(const SchedulerSpec& spec) {
    SchedulerPluginRegistry registry;
    registerDefaultSchedulerPlugins(registry);
    return Scheduler(registry, schedulerProfilesFromSpec(spec), spec.percentageOfNodesToScore);
}

Scheduler::Profile* Scheduler::findProfile(std::string_view schedulerName) {
    if (schedulerName.empty()) {
        schedulerName = k8s::kDefaultSchedulerName;
    }
    for (auto& p : m_profiles) {
        if (p.config.schedulerName == schedulerName) {
            return &p;
        }
    }
    return nullptr;
}

bool Scheduler::hasProfile(std::string_view schedulerName) const {
    return const_cast<Scheduler*>(this)->findProfile(schedulerName) != nullptr;
}

SchedulingDecision Scheduler::schedule(const SchedulerPodInfo& pod,
                                       const SchedulerClusterView& cluster, RandomStream& random) {
    SchedulingDecision d;
    d.pod = pod.name;
    d.nameSpace = pod.nameSpace;
    d.schedulerName = pod.spec->schedulerName.empty() ? std::string(k8s::kDefaultSchedulerName)
                                                      : pod.spec->schedulerName;
    Profile* profile = findProfile(d.schedulerName);
    if (profile == nullptr) {
        d.result = SchedulingResult::NoProfile;
        d.message = "no profile for scheduler name \"" + d.schedulerName + "\"";
        return d;
    }
    const auto& nodes = cluster.nodes();
    d.numAllNodes = static_cast<int>(nodes.size());
    if (nodes.empty()) {
        d.result = SchedulingResult::NoNodes;
        d.message = "no nodes available to schedule pods"; // schedule_one.go ErrNoNodesAvailable
        return d;
    }
    cluster.trimSelectorMemo();
    const SchedulingContext ctx{pod, cluster};

    // findNodesThatFitPod: PreFilter, then Filter from the rotating start index.
    for (auto* p : profile->prefilterAndFilter) {
        p->preFilter(ctx);
    }
    const int percentage =
        profile->config.percentageOfNodesToScore.value_or(m_percentageOfNodesToScore);
    d.numFeasibleNodesToFind = numFeasibleNodesToFind(percentage, d.numAllNodes);
    const std::size_t n = nodes.size();
    const std::size_t start = m_nextStartNodeIndex % n;
    d.startIndex = start;
    std::vector<std::size_t> feasible;
    feasible.reserve(static_cast<std::size_t>(d.numFeasibleNodesToFind));
    d.filter.reserve(std::min(n, static_cast<std::size_t>(d.numFeasibleNodesToFind) * 2));
    d.notEvaluated.reserve(n - std::min(n, static_cast<std::size_t>(d.numFeasibleNodesToFind)));
    std::size_t processed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t idx = (start + i) % n;
        if (feasible.size() >= static_cast<std::size_t>(d.numFeasibleNodesToFind)) {
            d.notEvaluated.push_back(nodes[idx].name);
            continue;
        }
        ++processed;
        NodeFilterVerdict verdict;
        verdict.node = nodes[idx].name;
        // framework runtime RunFilterPlugins: the first rejecting plugin decides.
        for (auto* p : profile->prefilterAndFilter) {
            FilterResult r = p->filter(ctx, nodes[idx]);
            if (!r.passed()) {
                verdict.plugin = std::string(p->name());
                verdict.reasons.assign(r.reasons.begin(), r.reasons.end());
                break;
            }
        }
        if (verdict.passed()) {
            feasible.push_back(idx);
        }
        d.filter.push_back(std::move(verdict));
    }
    // schedule_one.go: nextStartNodeIndex advances by feasible + rejected nodes.
    m_nextStartNodeIndex = (start + processed) % n;

    if (feasible.empty()) {
        d.result = SchedulingResult::Unschedulable;
        d.message = fitErrorMessage(d.numAllNodes, d.filter);
        return d;
    }
    d.result = SchedulingResult::Scheduled;
    for (const auto& s : profile->score) {
        d.scorePlugins.push_back({std::string(s.plugin->name()), s.weight, false});
    }
    if (feasible.size() == 1) {
        // schedulePod: with one feasible node there is nothing to compare.
        d.scoringSkipped = true;
        d.selectedNode = nodes[feasible.front()].name;
        d.tiedTopNodes = 1;
        return d;
    }

    // prioritizeNodes: PreScore, Score, NormalizeScore, weight, sum.
    d.scores.resize(feasible.size());
    for (std::size_t i = 0; i < feasible.size(); ++i) {
        d.scores[i].node = nodes[feasible[i]].name;
    }
    const std::size_t numPlugins = profile->score.size();
    d.pluginScores.resize(feasible.size() * numPlugins);
    std::vector<std::int64_t> scores(feasible.size());
    for (std::size_t k = 0; k < profile->score.size(); ++k) {
        const auto& sp = profile->score[k];
        if (!sp.plugin->preScore(ctx, feasible)) {
            d.scorePlugins[k].skipped = true;
            continue;
        }
        for (std::size_t i = 0; i < feasible.size(); ++i) {
            scores[i] = sp.plugin->score(ctx, feasible[i]);
            d.pluginScores[i * numPlugins + k].raw = scores[i];
        }
        sp.plugin->normalizeScores(ctx, feasible, scores);
        for (std::size_t i = 0; i < feasible.size(); ++i) {
            auto& ps = d.pluginScores[i * numPlugins + k];
            ps.normalized = scores[i];
            ps.weighted = scores[i] * sp.weight;
            d.scores[i].total += ps.weighted;
        }
    }

    // selectHost: reservoir sampling over the nodes sharing the top total.
    std::size_t selected = 0;
    std::uint64_t ties = 0;
    std::int64_t best = 0;
    for (std::size_t i = 0; i < d.scores.size(); ++i) {
        const std::int64_t total = d.scores[i].total;
        if (i == 0 || total > best) {
            best = total;
            selected = i;
            ties = 1;
        } else if (total == best) {
            ++ties;
            if (random.uniformIndex(ties) == 0) {
                selected = i;
            }
        }
    }
    d.tiedTopNodes = static_cast<int>(ties);
    d.selectedNode = d.scores[selected].node;
    return d;
}

} // namespace cnsim
