#pragma once

// Scheduler: the thin kube-scheduler of the walking skeleton. It binds Pending pods, one
// at a time in creation order, to a node that passes upstream's first filters and has the
// best NodeResourcesFit LeastAllocated score; ties are broken by the seeded "scheduler"
// stream, never by node order (upstream: pkg/scheduler/schedule_one.go selectHost).
//
// Filters, in upstream's order: TaintToleration (a failed node carries the
// node.kubernetes.io/unreachable NoSchedule taint) and NodeResourcesFit (cpu, memory,
// pod count). An unschedulable pod gets upstream's message ("0/3 nodes are available:
// 1 Insufficient cpu, …") and is retried whenever the cluster changes.

#include "engine/random.h"
#include "model/clusterstate.h"

#include <optional>
#include <string>

namespace cnsim {

class SimulationModel;

class Scheduler {
public:
    explicit Scheduler(SimulationModel& model);

    // Runs a scheduling cycle at the current instant (once, however often it is asked).
    void requestCycle();

    // NodeResourcesFit LeastAllocated score of placing `pod` on `node`, 0..100
    // (noderesources/least_allocated.go; cpu and memory weighted 1 each).
    static std::int64_t leastAllocatedScore(const NodeRuntime& node, const PodRuntime& pod);

private:
    void runCycle();
    // The chosen node, or nothing with `reason` set to upstream's FitError message.
    std::optional<std::size_t> selectNode(const PodRuntime& pod, std::string& reason);

    SimulationModel& m_model;
    RandomStream m_tieBreak;
    bool m_cycleRequested = false;
};

} // namespace cnsim
