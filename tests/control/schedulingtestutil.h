#pragma once

// Builders for scheduler tests, shaped like upstream's st.MakePod() / st.MakeNode() so a
// test row reads like the upstream case it cites. PodSpecs live in a deque owned by the
// fixture, so the SchedulerPodInfo pointers into them stay valid.

#include "control/scheduling/clusterview.h"
#include "control/scheduling/schedulerplugin.h"
#include "control/scheduling/schedulertypes.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace cnsim::testing {

struct Req {
    std::int64_t cpu;
    std::int64_t memory;
};

class PodFactory {
public:
    // A pod with one container per Req (both requests set explicitly), like st.MakePod().Req().
    SchedulerPodInfo pod(const std::string& name, const std::vector<Req>& containers = {},
                         LabelMap labels = {}, PodSpec spec = {}) {
        for (std::size_t i = 0; i < containers.size(); ++i) {
            ContainerSpec c;
            c.name = "c" + std::to_string(i);
            c.image = "app";
            c.requests.cpu = CpuMillis{containers[i].cpu};
            c.requests.memory = Bytes{containers[i].memory};
            spec.containers.push_back(c);
        }
        m_specs.push_back(std::move(spec));
        return makeSchedulerPodInfo(name, "default", std::move(labels), m_specs.back());
    }
    SchedulerPodInfo withSpec(const std::string& name, PodSpec spec, LabelMap labels = {}) {
        m_specs.push_back(std::move(spec));
        return makeSchedulerPodInfo(name, "default", std::move(labels), m_specs.back());
    }

private:
    std::deque<PodSpec> m_specs;
};

inline SchedulerNodeSpec node(const std::string& name, std::int64_t cpu = 0,
                              std::int64_t memory = 0, LabelMap labels = {},
                              std::vector<Taint> taints = {}) {
    SchedulerNodeSpec n;
    n.name = name;
    n.labels = std::move(labels);
    n.taints = std::move(taints);
    n.allocatable = {CpuMillis{cpu}, Bytes{memory}};
    return n;
}

inline std::vector<std::size_t> allNodes(const SchedulerClusterView& view) {
    std::vector<std::size_t> out(view.nodes().size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = i;
    }
    return out;
}

// PreScore, Score and NormalizeScore over `feasible`, as the framework runs them.
inline std::vector<std::int64_t> runScore(SchedulerPlugin& plugin, const SchedulerPodInfo& pod,
                                          const SchedulerClusterView& view,
                                          std::vector<std::size_t> feasible = {}) {
    if (feasible.empty()) {
        feasible = allNodes(view);
    }
    const SchedulingContext ctx{pod, view};
    std::vector<std::int64_t> scores(feasible.size(), 0);
    if (!plugin.preScore(ctx, feasible)) {
        return scores;
    }
    for (std::size_t i = 0; i < feasible.size(); ++i) {
        scores[i] = plugin.score(ctx, feasible[i]);
    }
    plugin.normalizeScores(ctx, feasible, scores);
    return scores;
}

// PreFilter then Filter on every node: the joined reasons per node ("" when it passes).
inline std::vector<std::string> runFilter(SchedulerPlugin& plugin, const SchedulerPodInfo& pod,
                                          const SchedulerClusterView& view) {
    const SchedulingContext ctx{pod, view};
    plugin.preFilter(ctx);
    std::vector<std::string> out;
    for (const auto& n : view.nodes()) {
        const FilterResult r = plugin.filter(ctx, n);
        std::string joined;
        for (const std::string_view reason : r.reasons) {
            if (!joined.empty()) {
                joined += "; ";
            }
            joined += reason;
        }
        out.push_back(joined);
    }
    return out;
}

} // namespace cnsim::testing
