#include "control/autoscaling/expander.h"

#include <cmath>
#include <regex>

namespace cnsim {

namespace {

struct Totals {
    CpuMillis cpu;
    Bytes memory;
};

Totals podTotals(const CaExpansionOption& o) {
    Totals t;
    for (const CaPod* p : o.pods) {
        t.cpu += p->cpu;
        t.memory += p->memory;
    }
    return t;
}

double gib(Bytes b) {
    return static_cast<double>(b.value) / static_cast<double>(Bytes::gibibytes(1).value);
}

} // namespace

std::string_view caExpanderName(CaExpanderKind k) {
    switch (k) {
    case CaExpanderKind::LeastWaste:
        return "least-waste";
    case CaExpanderKind::Random:
        return "random";
    case CaExpanderKind::Price:
        return "price";
    case CaExpanderKind::Priority:
        return "priority";
    case CaExpanderKind::MostPods:
        return "most-pods";
    }
    return "least-waste";
}

std::optional<CaExpanderKind> caExpanderFromName(std::string_view name) {
    for (const CaExpanderKind k :
         {CaExpanderKind::LeastWaste, CaExpanderKind::Random, CaExpanderKind::Price,
          CaExpanderKind::Priority, CaExpanderKind::MostPods}) {
        if (caExpanderName(k) == name) {
            return k;
        }
    }
    return std::nullopt;
}

double CaPricing::podPrice(CpuMillis cpu, Bytes memory) const {
    return cpu.cores() * cpuPerCoreHour + gib(memory) * memoryPerGibHour;
}

std::vector<std::size_t> caLeastWaste(const std::vector<CaExpansionOption>& options,
                                      const std::vector<std::size_t>& among, Explanation* x) {
    std::vector<std::size_t> best;
    double leastWasted = 0;
    for (const std::size_t i : among) {
        const CaExpansionOption& o = options[i];
        const Totals requested = podTotals(o);
        const double availCpu =
            static_cast<double>(o.group->machine.cpu.value) * static_cast<double>(o.nodeCount);
        const double availMemory =
            static_cast<double>(o.group->machine.memory.value) * static_cast<double>(o.nodeCount);
        const double wastedCpu = (availCpu - static_cast<double>(requested.cpu.value)) / availCpu;
        const double wastedMemory =
            (availMemory - static_cast<double>(requested.memory.value)) / availMemory;
        const double score = wastedCpu + wastedMemory;
        if (x != nullptr) {
            x->add(ExplainCode::CaWasteScore,
                   {xp("group", o.group->name), xp("nodes", o.nodeCount),
                    xp("wastedCpu", wastedCpu), xp("wastedMemory", wastedMemory),
                    xp("score", score)});
        }
        if (!best.empty() && score == leastWasted) {
            best.push_back(i);
        }
        if (best.empty() || score < leastWasted) {
            leastWasted = score;
            best = {i};
        }
    }
    return best;
}

std::vector<std::size_t> caMostPods(const std::vector<CaExpansionOption>& options,
                                    const std::vector<std::size_t>& among) {
    std::vector<std::size_t> best;
    std::size_t most = 0;
    for (const std::size_t i : among) {
        const std::size_t n = options[i].pods.size();
        if (best.empty() || n > most) {
            most = n;
            best = {i};
        } else if (n == most) {
            best.push_back(i);
        }
    }
    return best;
}

std::vector<std::size_t> caPriority(const std::vector<CaExpansionOption>& options,
                                    const std::vector<std::size_t>& among,
                                    const std::map<int, std::vector<std::string>>& priorities,
                                    Explanation* x) {
    std::vector<std::size_t> best;
    std::optional<int> maxPriority;
    for (const std::size_t i : among) {
        const std::string& id = options[i].group->name;
        std::optional<int> match;
        // Highest priority first: the option counts once, at its best priority.
        for (auto it = priorities.rbegin(); it != priorities.rend() && !match; ++it) {
            for (const std::string& pattern : it->second) {
                if (std::regex_search(id, std::regex(pattern))) {
                    match = it->first;
                    break;
                }
            }
        }
        if (!match) {
            if (x != nullptr) {
                x->add(ExplainCode::CaPriorityNoMatch, {xp("group", id)});
            }
            continue; // "The group won't be used."
        }
        if (x != nullptr) {
            x->add(ExplainCode::CaPriorityMatch, {xp("group", id), xp("priority", *match)});
        }
        if (!maxPriority || *match > *maxPriority) {
            maxPriority = match;
            best = {i};
        } else if (*match == *maxPriority) {
            best.push_back(i);
        }
    }
    // No option matches any priority: fall back to all of them.
    return best.empty() ? among : best;
}

CpuMillis caPreferredNodeCpu(int clusterNodeCount) {
    // Double the node size each time the cluster size triples.
    if (clusterNodeCount <= 2) {
        return CpuMillis{1000};
    }
    if (clusterNodeCount <= 6) {
        return CpuMillis{2000};
    }
    if (clusterNodeCount <= 20) {
        return CpuMillis{4000};
    }
    if (clusterNodeCount <= 60) {
        return CpuMillis{8000};
    }
    if (clusterNodeCount <= 200) {
        return CpuMillis{16000};
    }
    return CpuMillis{32000};
}

double caNodeUnfitness(CpuMillis preferred, CpuMillis node) {
    const double p = static_cast<double>(preferred.value);
    const double n = static_cast<double>(node.value);
    return std::max(p / n, n / p);
}

std::vector<std::size_t> caPrice(const std::vector<CaExpansionOption>& options,
                                 const std::vector<std::size_t>& among, const CaPricing& pricing,
                                 int clusterNodeCount, Explanation* x) {
    const double stabilizationPrice =
        pricing.podPrice(k8s::kCaPriceStabilizationPodCpu, k8s::kCaPriceStabilizationPodMemory);
    const CpuMillis preferred = caPreferredNodeCpu(clusterNodeCount);
    std::vector<std::size_t> best;
    double bestScore = 0;
    for (const std::size_t i : among) {
        const CaExpansionOption& o = options[i];
        const double nodePrice = o.group->pricePerHour * static_cast<double>(o.nodeCount);
        double podPrice = 0;
        for (const CaPod* p : o.pods) {
            podPrice += pricing.podPrice(p->cpu, p->memory);
        }
        const double priceSubScore =
            (nodePrice + stabilizationPrice) / (podPrice + stabilizationPrice);
        const double unfitness = caNodeUnfitness(preferred, o.group->machine.cpu);
        const double suppressed =
            (unfitness - 1.0) * (1.0 - std::tanh(static_cast<double>(o.nodeCount - 1) / 15.0)) +
            1.0;
        double score = suppressed * priceSubScore;
        if (!o.group->exists) {
            score *= k8s::kCaPriceNotExistCoefficient;
        }
        if (x != nullptr) {
            x->add(ExplainCode::CaPriceScore, {xp("group", o.group->name), xp("nodes", o.nodeCount),
                                               xp("nodePrice", nodePrice), xp("podPrice", podPrice),
                                               xp("unfitness", suppressed), xp("score", score)});
        }
        if (best.empty() || score < bestScore) {
            bestScore = score;
            best = {i};
        }
    }
    return best;
}

CaExpanderChoice caChooseOption(const std::vector<CaExpansionOption>& options,
                                const CaExpanderConfig& config, int clusterNodeCount,
                                RandomStream* rng) {
    CaExpanderChoice c;
    std::vector<std::size_t> remaining;
    for (std::size_t i = 0; i < options.size(); ++i) {
        remaining.push_back(i);
    }
    if (remaining.empty()) {
        return c;
    }
    for (const CaExpanderKind kind : config.chain) {
        switch (kind) {
        case CaExpanderKind::LeastWaste:
            remaining = caLeastWaste(options, remaining, &c.explanation);
            break;
        case CaExpanderKind::MostPods:
            remaining = caMostPods(options, remaining);
            break;
        case CaExpanderKind::Priority:
            remaining = caPriority(options, remaining, config.priorities, &c.explanation);
            break;
        case CaExpanderKind::Price:
            remaining =
                caPrice(options, remaining, config.pricing, clusterNodeCount, &c.explanation);
            break;
        case CaExpanderKind::Random:
            break; // the fallback below
        }
        if (remaining.size() == 1) {
            c.chosen = remaining.front();
            c.decidedBy = std::string(caExpanderName(kind));
            break;
        }
        if (remaining.empty()) {
            return c;
        }
    }
    if (!c.chosen) {
        const std::size_t pick =
            rng != nullptr ? static_cast<std::size_t>(rng->uniformIndex(remaining.size())) : 0;
        c.chosen = remaining[pick];
        c.decidedBy = "random";
        c.explanation.add(ExplainCode::CaRandomChoice,
                          {xp("options", static_cast<std::int64_t>(remaining.size())),
                           xp("chosen", options[*c.chosen].group->name)});
    }
    const CaExpansionOption& o = options[*c.chosen];
    c.explanation.add(
        ExplainCode::CaExpanderChoice,
        {xp("expander", c.decidedBy), xp("group", o.group->name), xp("nodes", o.nodeCount)});
    return c;
}

} // namespace cnsim
