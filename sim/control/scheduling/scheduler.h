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
// - attempt() returns the compact SchedulingRecord; render() expands one into the full
//   SchedulingDecision (node names, reason strings, every score), so callers that keep many
//   attempts pay for strings only when a person looks. schedule() is both in one call.
// The Scheduler never changes the view: binding is the caller's job (view.addPod). It is
// deterministic given the view, the pod sequence and the random stream. Not thread-safe.

#include "control/scheduling/clusterview.h"
#include "control/scheduling/pluginregistry.h"
#include "control/scheduling/schedulerprofile.h"
#include "control/scheduling/schedulingdecision.h"
#include "control/scheduling/schedulingrecord.h"
#include "engine/random.h"

#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
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
    SchedulingRecord attempt(const SchedulerPodInfo& pod, const SchedulerClusterView& cluster,
                             RandomStream& random);
    // A record this Scheduler produced, in full.
    SchedulingDecision render(const SchedulingRecord& record) const;
    SchedulingDecision schedule(const SchedulerPodInfo& pod, const SchedulerClusterView& cluster,
                                RandomStream& random) {
        return render(attempt(pod, cluster, random));
    }
    // The chosen node of a Scheduled record ("" otherwise).
    static const std::string& selectedNode(const SchedulingRecord& record);
    // upstream's Diagnosis.UnschedulablePlugins of a record, sorted.
    std::vector<std::string> rejectingPlugins(const SchedulingRecord& record) const;
    std::size_t nextStartNodeIndex() const { return m_nextStartNodeIndex; }

private:
    // One way a node was rejected: the plugin and its reasons, interned so a verdict is an id.
    struct Rejection {
        std::string plugin;
        std::vector<std::string> reasons;
    };
    // What identifies a rejection while interning: the plugin and the reasons' addresses (they
    // are static or plugin-owned text, see FilterReasons). Only looked up, never iterated.
    struct RejectionKey {
        std::uintptr_t plugin;
        std::array<std::uintptr_t, FilterReasons::kMax> reasons;
        std::array<std::size_t, FilterReasons::kMax> sizes;
        auto operator<=>(const RejectionKey&) const = default;
    };
    std::uint32_t rejectionId(const SchedulerPlugin* plugin, const FilterReasons& reasons);
    std::string fitError(int numAllNodes, const std::vector<std::uint32_t>& verdicts) const;

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
    std::vector<Rejection> m_rejections; // id → rejection, in order of first use
    std::map<RejectionKey, std::uint32_t> m_rejectionIds;
    // Scratch reused by every attempt.
    std::vector<std::size_t> m_feasible;
    std::vector<std::int64_t> m_scores;
    std::vector<std::int64_t> m_totals;
    std::vector<std::int64_t> m_normalized;
    std::vector<std::int64_t> m_raw;
    std::vector<std::int64_t> m_rawColumn;
};

} // namespace cnsim
