#pragma once

// SchedulerPluginRegistry: every scheduler plugin cnsim knows, by upstream name, with its
// factory and the weight upstream's default profile gives its score
// (pkg/scheduler/apis/config/v1/default_plugins.go). Filled by an explicit call
// (registerDefaultSchedulerPlugins), never by static initialisers. Profiles name plugins
// from here; adding a plugin is one file and one registration line.

#include "control/scheduling/schedulerplugin.h"
#include "scenario/scenario.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// Per-profile arguments the factories read.
struct SchedulerPluginArgs {
    ScoringStrategy scoringStrategy = ScoringStrategy::LeastAllocated; // NodeResourcesFitArgs
    // InterPodAffinityArgs.hardPodAffinityWeight (pkg/scheduler/apis/config/v1/defaults.go).
    int hardPodAffinityWeight = 1;
};

struct SchedulerPluginRegistration {
    std::string name;
    std::string description;
    bool filters = false;       // has a Filter extension point
    int defaultScoreWeight = 0; // 0: no Score extension point
    std::function<std::unique_ptr<SchedulerPlugin>(const SchedulerPluginArgs&)> factory;
};

class SchedulerPluginRegistry {
public:
    // Returns false (and keeps the first) when the name is taken.
    bool add(SchedulerPluginRegistration registration);
    const SchedulerPluginRegistration* find(std::string_view name) const;
    const std::vector<SchedulerPluginRegistration>& entries() const { return m_entries; }

private:
    std::vector<SchedulerPluginRegistration> m_entries;
};

// Registers upstream's default-profile plugins in its filter order: NodeUnschedulable,
// NodeName, TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread,
// InterPodAffinity, then the score-only NodeResourcesBalancedAllocation and ImageLocality.
void registerDefaultSchedulerPlugins(SchedulerPluginRegistry& registry);

} // namespace cnsim
