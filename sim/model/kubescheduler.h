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
// The latest SchedulingDecision of each existing pod is kept for "Why this node?" and the
// CLI, dropped when the pod is deleted; when the kept decisions grow beyond a budget of
// table cells (large clusters), the oldest are dropped first.
//
// Determinism: everything is keyed by names in ordered containers; ties come from the
// "scheduler" stream. Events: priority::kScheduler.

#include "cluster/apiserver.h"
#include "control/scheduling/clusterview.h"
#include "control/scheduling/scheduler.h"
#include "control/scheduling/schedulingdecision.h"
#include "control/scheduling/schedulingqueue.h"
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
    // Table cells (filter rows, unevaluated nodes, score rows and plugin scores) the kept
    // decisions may hold in all: about 50 MB; thousands of decisions on a teaching cluster.
    static constexpr std::size_t kDecisionBudgetCells = 1'000'000;

    explicit KubeScheduler(SimulationModel& model);

    // Tries the queue at the current instant (after a control-plane outage ends).
    void requestCycle() { requestStep(); }

    // The latest decision for a pod, by "namespace/name" or by name (first namespace that
    // has one), or nullptr if the pod has none (never tried, deleted, or dropped for space).
    const SchedulingDecision* decision(std::string_view pod) const;
    std::size_t keptDecisionCount() const { return m_decisions.size(); }

    const SchedulerClusterView& view() const { return m_view; }
    const SchedulingQueue& queue() const { return m_queue; }

private:
    struct NodeRecord {
        SchedulerNodeSpec spec; // what the view was last told
        std::size_t images = 0; // node.images already in the view (the kubelet only appends)
    };
    struct BoundPod {
        std::string node;
        bool terminating = false;
    };
    struct KeptDecision {
        SchedulingDecision decision;
        std::uint64_t sequence = 0;
        std::size_t cells = 0;
    };

    void onNodeEvent(WatchEventType type, const ObjectMeta& meta);
    void onPodEvent(WatchEventType type, const ObjectMeta& meta);
    void syncImages(const NodeObject& node);
    void podGone(const std::string& key);

    SchedulerPodInfo podInfo(const PodObject& pod) const;
    void requestStep();
    void runCycles();
    bool scheduleOne(); // one scheduling cycle; false when no pod is ready to try
    void bind(PodObject& pod, const SchedulerPodInfo& info, const std::string& node);
    void reportFailure(PodObject& pod, const SchedulingDecision& decision);
    void keepDecision(const std::string& key, SchedulingDecision decision);
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
    std::map<std::string, KeptDecision> m_decisions;    // pod key → latest decision
    std::map<std::uint64_t, std::string> m_decisionAge; // sequence → pod key, oldest first
    std::uint64_t m_decisionSequence = 0;
    std::size_t m_decisionCells = 0;

    bool m_stepPending = false;
    EventId m_backoffWake;
    std::optional<SimTime> m_backoffWakeAt;
    bool m_flushArmed = false;
};

} // namespace cnsim
