#pragma once

// KubeScheduler: the kube-scheduler component of the running model. It drives the scheduling
// library (control/scheduling) the way cmd/kube-scheduler drives the framework:
//
// - Informers: Node and Pod watches keep one SchedulerClusterView in sync (nodes added,
//   changed — labels, taints, spec.unschedulable, allocatable, images — or removed; pods bound,
//   terminating or deleted). Unscheduled pods of a known profile enter the SchedulingQueue;
//   pods naming an unknown schedulerName are not ours and stay Pending, as upstream.
// - ScheduleOne: one scheduling cycle per pod — pop, filter, score, bind (spec.nodeName +
//   PodScheduled=True, a Scheduled event) — and the cycles of one instant back to back in
//   one engine event (pkg/scheduler/schedule_one.go). A pod that fits nowhere gets upstream's
//   FitError as its PodScheduled=False message (an event only when the message changes) and
//   goes back to the queue, which retries it on cluster events that may help, after its
//   back-off, and at the latest after 5 minutes (flushUnschedulablePodsLeftover every 30 s).
// - Control-plane outage: while the scheduler or kube-apiserver is down nothing is popped;
//   the view keeps following the watches (as a restarted scheduler re-lists), and
//   requestCycle() resumes scheduling when both are back.
//
// The latest scheduling attempt of each existing pod is kept, as a compact SchedulingRecord,
// for "Why this node?" and the CLI, and rendered into a SchedulingDecision when asked; it is
// dropped when the pod is deleted. When the kept records outgrow kDecisionBudgetBytes (large
// clusters), the oldest are dropped first, so the most recent attempts are always there.
//
// Determinism: everything is keyed by names in ordered containers; ties come from the
// "scheduler" stream. Events: priority::kScheduler.

#include "cluster/apiserver.h"
#include "control/scheduling/clusterview.h"
#include "control/scheduling/scheduler.h"
#include "control/scheduling/schedulingdecision.h"
#include "control/scheduling/schedulingqueue.h"
#include "control/scheduling/schedulingrecord.h"
#include "engine/engine.h"
#include "engine/random.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cnsim {

class SimulationModel;
struct NodeObject;
struct PodObject;

class KubeScheduler {
public:
    // Bytes the kept records may hold in all (SchedulingRecord::bytes). Measured: a record
    // costs about 750 B on a 20-node cluster (every pod's attempt is kept), 6.5 KiB with
    // 1,000 nodes (the latest ~10,000 pods) and 8 KiB with 5,000 nodes (~8,000 pods).
    static constexpr std::size_t kDecisionBudgetBytes = std::size_t{64} << 20;

    explicit KubeScheduler(SimulationModel& model);

    // Tries the queue at the current instant (after a control-plane outage ends).
    void requestCycle() { requestStep(); }

    // The latest decision for a pod, by "namespace/name" or by name (first namespace that
    // has one), or nothing if the pod has none (never tried, deleted, or dropped for space).
    std::optional<SchedulingDecision> decision(std::string_view pod) const;
    std::size_t keptDecisionCount() const { return m_decisions.size(); }
    std::size_t keptDecisionBytes() const { return m_decisionBytes; }
    // Replaces kDecisionBudgetBytes for this scheduler (tests); applies from the next attempt.
    void setDecisionBudgetBytes(std::size_t bytes) { m_decisionBudgetBytes = bytes; }

    const SchedulerClusterView& view() const { return m_view; }
    const SchedulingQueue& queue() const { return m_queue; }

private:
    struct NodeRecord {
        SchedulerNodeSpec spec;             // what the view was last told
        const NodeObject* object = nullptr; // the API object (stable until it is deleted)
        std::size_t images = 0; // node.images already in the view (the kubelet only appends)
    };
    struct BoundPod {
        std::string node;
        bool terminating = false;
    };
    struct KeptDecision {
        SchedulingRecord record;
        std::uint64_t sequence = 0;
        std::size_t bytes = 0;
    };

    void onNodeEvent(WatchEventType type, const ObjectMeta& meta);
    void onPodEvent(WatchEventType type, const ObjectMeta& meta);
    void syncImages(const std::string& name, NodeRecord& record);
    void podGone(const std::string& key);

    SchedulerPodInfo podInfo(const PodObject& pod) const;
    void requestStep();
    void runCycles();
    bool scheduleOne(); // one scheduling cycle; false when no pod is ready to try
    void bind(PodObject& pod, const SchedulerPodInfo& info, const std::string& node);
    void reportFailure(PodObject& pod, const SchedulingRecord& record);
    void keepDecision(const std::string& key, SchedulingRecord record);
    void dropDecision(const std::string& key);
    void moveAll(ClusterEventKind event);
    void armBackoffWake();
    void armFlush();
    bool up() const;

    SimulationModel& m_model;
    Scheduler m_scheduler;
    SchedulerClusterView m_view;
    SchedulingQueue m_queue;
    RandomStream m_random;

    std::map<std::string, NodeRecord> m_nodes;          // node name → as in the view
    std::map<std::string, BoundPod> m_boundPods;        // pod key → node, for pods in the view
    std::map<std::string, KeptDecision> m_decisions;    // pod key → latest attempt
    std::map<std::uint64_t, std::string> m_decisionAge; // sequence → pod key, oldest first
    std::uint64_t m_decisionSequence = 0;
    std::size_t m_decisionBytes = 0;
    std::size_t m_decisionBudgetBytes = kDecisionBudgetBytes;

    bool m_stepPending = false;
    EventId m_backoffWake;
    std::optional<SimTime> m_backoffWakeAt;
    bool m_flushArmed = false;
};

} // namespace cnsim
