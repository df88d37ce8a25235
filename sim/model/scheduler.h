#pragma once

// Scheduler: the kube-scheduler component. Pending pods wait in a FIFO queue (in the order
// the API server announced them); each cycle takes them one at a time, asks the scheduling
// algorithm for a node and binds the pod (spec.nodeName, PodScheduled=True). A pod that fits
// nowhere gets upstream's message and waits for the cluster to change.
//
// Filters, in upstream's order: NodeUnschedulable, TaintToleration (NoSchedule/NoExecute),
// NodeResourcesFit (cpu, memory, pods). Score: NodeResourcesFit LeastAllocated; ties broken by
// the seeded "scheduler" stream (pkg/scheduler/schedule_one.go selectHost).

#include "engine/random.h"
#include "model/reconciletrigger.h"
#include "scenario/units.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace cnsim {

class SimulationModel;
struct NodeObject;
struct PodObject;

class Scheduler {
public:
    explicit Scheduler(SimulationModel& model);

    void requestCycle() { m_trigger.request(); }

    // What is requested on a node by the pods bound to it (the scheduler cache).
    struct NodeUsage {
        CpuMillis cpu;
        Bytes memory;
        int pods = 0;
    };
    const NodeUsage* usage(const std::string& node) const;

    // NodeResourcesFit LeastAllocated score of adding `cpu`/`memory` to a node, 0..100
    // (noderesources/least_allocated.go; cpu and memory weighted 1 each; a request-less pod
    // counts as 100m / 200Mi).
    static std::int64_t leastAllocatedScore(CpuMillis allocatableCpu, Bytes allocatableMemory,
                                            const NodeUsage& used, CpuMillis podCpu,
                                            Bytes podMemory);

private:
    void onPodEvent(int type, const std::string& key);
    void runCycle();
    std::optional<std::string> selectNode(const PodObject& pod, std::string& reason);
    void bind(PodObject& pod, const std::string& node);

    struct Placement {
        std::string node;
        CpuMillis cpu;
        Bytes memory;
    };

    SimulationModel& m_model;
    RandomStream m_tieBreak;
    ReconcileTrigger m_trigger;
    std::deque<std::string> m_queue;               // pod keys, FIFO
    std::map<std::string, NodeUsage> m_usage;      // node name → requested
    std::map<std::string, Placement> m_placements; // pod key → where it is counted
};

} // namespace cnsim
