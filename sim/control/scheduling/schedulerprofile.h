#pragma once

// SchedulerProfileConfig: one KubeSchedulerConfiguration profile — which filters run in what
// order, which scores count with what weight, and the plugin arguments. Pods pick a profile
// by spec.schedulerName.

#include "control/scheduling/pluginregistry.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct ScorePluginWeight {
    std::string name;
    int weight = 1;
};

struct SchedulerProfileConfig {
    std::string schedulerName;
    std::vector<std::string> filterPlugins; // in the order they run
    std::vector<ScorePluginWeight> scorePlugins;
    SchedulerPluginArgs args;
    // Per-profile percentageOfNodesToScore; unset: the scheduler-wide value.
    std::optional<int> percentageOfNodesToScore;
};

// Upstream's default profile (default_plugins.go) with the given name and strategy.
SchedulerProfileConfig defaultSchedulerProfile(std::string schedulerName, ScoringStrategy strategy);
// The profiles a scenario asks for; the default profile when it names none.
std::vector<SchedulerProfileConfig> schedulerProfilesFromSpec(const SchedulerSpec& spec);

} // namespace cnsim
