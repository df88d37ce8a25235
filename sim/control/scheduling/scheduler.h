#pragma once

// Scheduler: kube-scheduler's scheduling cycle for one pod (pkg/scheduler/schedule_one.go
// schedulePod, findNodesThatFitPod, prioritizeNodes, selectHost) over a
// SchedulerClusterView, with one plugin set per profile.
//
// - Filtering visits nodes from nextStartNodeIndex, wrapping around, and stops once
//   numFeasibleNodesToFind feasible nodes are found; the index then advances by the number
//   of nodes processed, so successive pods look at different nodes.
// - A single feasible node is chosen without scoring, as upstream.
// - Ties on the top total are broken uniformly at random by reservoir sampling from the
//   caller's RandomStream, never "first node".
// The Scheduler never changes the view: binding is the caller's job (view.addPod). It is
// deterministic given the view, the pod sequence and the random stream. Not thread-safe.

#include "control/scheduling/clusterview.h"
#include "control/scheduling/pluginregistry.h"
#include "control/scheduling/schedulerprofile.h"
#include "control/scheduling/schedulingdecision.h"
#include "engine/random.h"

#include <memory>
#include <string_view>
#include <vector>

namespace cnsim {

// schedule_one.go numFeasibleNodesToFind. `percentage` is the profile's value if set, else
// the scheduler-wide one; 0 selects the adaptive max(5, 50 − nodes/125) %.
int numFeasibleNodesToFind(int percentage, int numAllNodes);

class Scheduler {
public:
    // Plugins named by a profile but missing from the registry are left out.
    Scheduler(const SchedulerPluginRegistry& registry,
              const std::vector<SchedulerProfileConfig>& profiles,
              int percentageOfNodesToScore = 0);
    // The profiles and percentage a scenario asks for, over the default plugin registry.
    static Scheduler fromSpec(const SchedulerSpec& spec);

    bool hasProfile(std::string_view schedulerName) const;
    // An empty spec.schedulerName means "default-scheduler".
    SchedulingDecision schedule(const SchedulerPodInfo& pod, const SchedulerClusterView& cluster,
                                RandomStream& random);
    std::size_t nextStartNodeIndex() const { return m_nextStartNodeIndex; }

private:
    struct ScorePlugin {
        SchedulerPlugin* plugin;
        int weight;
    };
    struct Profile {
        SchedulerProfileConfig config;
        std::vector<std::unique_ptr<SchedulerPlugin>> plugins; // owned, one per name
        std::vector<SchedulerPlugin*> prefilterAndFilter;
        std::vector<ScorePlugin> score;
    };
    Profile* findProfile(std::string_view schedulerName);

    std::vector<Profile> m_profiles;
    int m_percentageOfNodesToScore = 0;
    std::size_t m_nextStartNodeIndex = 0;
};

} // namespace cnsim
