#include "control/scheduling/scheduler.h"

#include "control/kubernetesdefaults.h"

#include <algorithm>
#include <stdexcept>

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
        if (config.scorePlugins.size() > 64) {
            // SchedulingRecord keeps per-plugin flags in 64-bit masks.
            throw std::invalid_argument("a scheduler profile may have at most 64 score plugins");
        }
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

std::uint32_t Scheduler::rejectionId(const SchedulerPlugin* plugin, const FilterReasons& reasons) {
    RejectionKey key{reinterpret_cast<std::uintptr_t>(plugin), {}, {}};
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        key.reasons[i] = reinterpret_cast<std::uintptr_t>(reasons[i].data());
        key.sizes[i] = reasons[i].size();
    }
    const auto it = m_rejectionIds.find(key);
    if (it != m_rejectionIds.end()) {
        return it->second;
    }
    Rejection r{std::string(plugin->name()), {}};
    for (const std::string_view reason : reasons) {
        r.reasons.emplace_back(reason);
    }
    m_rejections.push_back(std::move(r));
    const auto id = static_cast<std::uint32_t>(m_rejections.size() - 1);
    m_rejectionIds.emplace(key, id);
    return id;
}

std::string Scheduler::fitError(int numAllNodes, const std::vector<std::uint32_t>& verdicts) const {
    // fitErrorMessage over the rendered verdicts, counted per rejection first.
    std::map<std::uint32_t, int> perRejection;
    for (const std::uint32_t v : verdicts) {
        if (v != 0) {
            ++perRejection[v - 1];
        }
    }
    std::map<std::string, int> histogram;
    for (const auto& [id, count] : perRejection) {
        for (const auto& reason : m_rejections[id].reasons) {
            histogram[reason] += count;
        }
    }
    return fitErrorMessage(numAllNodes, histogram);
}

SchedulingRecord Scheduler::attempt(const SchedulerPodInfo& pod,
                                    const SchedulerClusterView& cluster, RandomStream& random) {
    SchedulingRecord d;
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
    d.profile = static_cast<std::size_t>(profile - m_profiles.data());
    const auto& nodes = cluster.nodes();
    d.numAllNodes = static_cast<int>(nodes.size());
    if (nodes.empty()) {
        d.result = SchedulingResult::NoNodes;
        d.message = "no nodes available to schedule pods"; // schedule_one.go ErrNoNodesAvailable
        return d;
    }
    cluster.trimSelectorMemo();
    const SchedulingContext ctx{pod, cluster};
    d.nodeNames = cluster.nodeNames();

    // findNodesThatFitPod: PreFilter, then Filter from the rotating start index.
    for (auto* p : profile->prefilterAndFilter) {
        p->preFilter(ctx);
    }
    const int percentage =
        profile->config.percentageOfNodesToScore.value_or(m_percentageOfNodesToScore);
    d.numFeasibleNodesToFind = numFeasibleNodesToFind(percentage, d.numAllNodes);
    const std::size_t n = nodes.size();
    const std::size_t start = m_nextStartNodeIndex % n;
    const auto toFind = static_cast<std::size_t>(d.numFeasibleNodesToFind);
    d.startIndex = start;
    std::vector<std::size_t>& feasible = m_feasible;
    feasible.clear();
    d.verdicts.reserve(std::min(n, toFind + toFind / 4 + 1));
    std::size_t processed = 0;
    for (; processed < n && feasible.size() < toFind; ++processed) {
        const std::size_t idx = (start + processed) % n;
        std::uint32_t verdict = 0;
        // framework runtime RunFilterPlugins: the first rejecting plugin decides.
        for (auto* p : profile->prefilterAndFilter) {
            const FilterResult r = p->filter(ctx, nodes[idx]);
            if (!r.passed()) {
                verdict = 1 + rejectionId(p, r.reasons);
                break;
            }
        }
        if (verdict == 0) {
            feasible.push_back(idx);
        }
        d.verdicts.push_back(verdict);
    }
    // schedule_one.go: nextStartNodeIndex advances by feasible + rejected nodes.
    m_nextStartNodeIndex = (start + processed) % n;

    if (feasible.empty()) {
        d.result = SchedulingResult::Unschedulable;
        d.message = fitError(d.numAllNodes, d.verdicts);
        return d;
    }
    d.result = SchedulingResult::Scheduled;
    const std::size_t numPlugins = profile->score.size();
    d.numScorePlugins = numPlugins;
    if (feasible.size() == 1) {
        // schedulePod: with one feasible node there is nothing to compare.
        d.scoringSkipped = true;
        d.selected = feasible.front();
        d.tiedTopNodes = 1;
        return d;
    }

    // prioritizeNodes: PreScore, Score, NormalizeScore, weight, sum.
    const std::size_t rows = feasible.size();
    m_totals.assign(rows, 0);
    m_normalized.assign(rows * numPlugins, 0);
    m_raw.clear();
    m_scores.resize(rows);
    std::size_t rawColumns = 0;
    for (std::size_t k = 0; k < numPlugins; ++k) {
        const auto& sp = profile->score[k];
        if (!sp.plugin->preScore(ctx, feasible)) {
            d.skippedPlugins |= std::uint64_t{1} << k;
            continue;
        }
        for (std::size_t i = 0; i < rows; ++i) {
            m_scores[i] = sp.plugin->score(ctx, feasible[i]);
        }
        m_rawColumn.assign(m_scores.begin(), m_scores.end());
        sp.plugin->normalizeScores(ctx, feasible, m_scores);
        bool rawDiffers = false;
        for (std::size_t i = 0; i < rows; ++i) {
            m_normalized[i * numPlugins + k] = m_scores[i];
            m_totals[i] += m_scores[i] * sp.weight;
            rawDiffers = rawDiffers || m_rawColumn[i] != m_scores[i];
        }
        if (rawDiffers) {
            // Raw scores are kept only where normalizing changed them, column after column.
            d.rawPlugins |= std::uint64_t{1} << k;
            m_raw.insert(m_raw.end(), m_rawColumn.begin(), m_rawColumn.end());
            ++rawColumns;
        }
    }
    d.normalized.assign(m_normalized);
    if (rawColumns > 0) {
        // Column-major here; stored row-major (row × stored column) for rendering.
        m_rawColumn.resize(rows * rawColumns);
        for (std::size_t c = 0; c < rawColumns; ++c) {
            for (std::size_t i = 0; i < rows; ++i) {
                m_rawColumn[i * rawColumns + c] = m_raw[c * rows + i];
            }
        }
        d.raw.assign(m_rawColumn);
    }

    // selectHost: reservoir sampling over the nodes sharing the top total.
    std::size_t selected = 0;
    std::uint64_t ties = 0;
    std::int64_t best = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const std::int64_t total = m_totals[i];
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
    d.selected = feasible[selected];
    return d;
}

const std::string& Scheduler::selectedNode(const SchedulingRecord& record) {
    static const std::string kNone;
    if (record.result != SchedulingResult::Scheduled || !record.nodeNames) {
        return kNone;
    }
    return (*record.nodeNames)[record.selected];
}

std::vector<std::string> Scheduler::rejectingPlugins(const SchedulingRecord& record) const {
    std::vector<std::string> out;
    std::vector<char> seen(m_rejections.size(), 0);
    for (const std::uint32_t v : record.verdicts) {
        if (v == 0 || seen[v - 1] != 0) {
            continue;
        }
        seen[v - 1] = 1;
        const std::string& plugin = m_rejections[v - 1].plugin;
        if (std::find(out.begin(), out.end(), plugin) == out.end()) {
            out.push_back(plugin);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

SchedulingDecision Scheduler::render(const SchedulingRecord& r) const {
    SchedulingDecision d;
    d.pod = r.pod;
    d.nameSpace = r.nameSpace;
    d.schedulerName = r.schedulerName;
    d.result = r.result;
    d.message = r.message;
    d.numAllNodes = r.numAllNodes;
    d.numFeasibleNodesToFind = r.numFeasibleNodesToFind;
    d.startIndex = r.startIndex;
    if (r.profile == SchedulingRecord::kNoProfile || !r.nodeNames) {
        return d;
    }
    const auto& names = *r.nodeNames;
    const std::size_t n = names.size();
    std::vector<std::size_t> feasible;
    d.filter.reserve(r.verdicts.size());
    for (std::size_t i = 0; i < r.verdicts.size(); ++i) {
        const std::size_t idx = (r.startIndex + i) % n;
        NodeFilterVerdict verdict;
        verdict.node = names[idx];
        if (r.verdicts[i] != 0) {
            const Rejection& rejection = m_rejections[r.verdicts[i] - 1];
            verdict.plugin = rejection.plugin;
            verdict.reasons = rejection.reasons;
        } else {
            feasible.push_back(idx);
        }
        d.filter.push_back(std::move(verdict));
    }
    for (std::size_t i = r.verdicts.size(); i < n; ++i) {
        d.notEvaluated.push_back(names[(r.startIndex + i) % n]);
    }
    if (r.result != SchedulingResult::Scheduled) {
        return d;
    }
    const Profile& profile = m_profiles[r.profile];
    for (std::size_t k = 0; k < profile.score.size(); ++k) {
        const auto& s = profile.score[k];
        d.scorePlugins.push_back(
            {std::string(s.plugin->name()), s.weight, (r.skippedPlugins >> k & 1U) != 0});
    }
    d.selectedNode = names[r.selected];
    d.scoringSkipped = r.scoringSkipped;
    d.tiedTopNodes = r.tiedTopNodes;
    if (r.scoringSkipped) {
        return d;
    }
    const std::size_t numPlugins = r.numScorePlugins;
    std::size_t rawColumns = 0;
    for (std::size_t k = 0; k < numPlugins; ++k) {
        rawColumns += (r.rawPlugins >> k & 1U) != 0 ? 1 : 0;
    }
    d.scores.resize(feasible.size());
    d.pluginScores.resize(feasible.size() * numPlugins);
    for (std::size_t i = 0; i < feasible.size(); ++i) {
        d.scores[i].node = names[feasible[i]];
        std::size_t rawColumn = 0;
        for (std::size_t k = 0; k < numPlugins; ++k) {
            PluginScore& ps = d.pluginScores[i * numPlugins + k];
            ps.normalized = r.normalized[i * numPlugins + k];
            ps.raw = ps.normalized;
            if ((r.rawPlugins >> k & 1U) != 0) {
                ps.raw = r.raw[i * rawColumns + rawColumn++];
            }
            ps.weighted = ps.normalized * d.scorePlugins[k].weight;
            d.scores[i].total += ps.weighted;
        }
    }
    return d;
}

} // namespace cnsim
