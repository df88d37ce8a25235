#pragma once

// ClusterAutoscaler: cluster-autoscaler (kubernetes/autoscaler, core/static_autoscaler.go
// RunOnce) in the simulated cluster. It is its own process, not part of
// kube-controller-manager: it runs every scanInterval while kube-apiserver is up.
//
// One scan: node groups whose new nodes did not register within maxNodeProvisionTime are given
// up (the group backs off); pods the scheduler marked Unschedulable (PodScheduled=False,
// reason Unschedulable, older than newPodScaleUpDelay) that do not fit an existing or upcoming
// node go to the scale-up of sim/control/autoscaling (binpacking estimate per group, the
// expander chain); the chosen group grows through the CloudProvider. A scan without a
// scale-up runs the scale-down planner: unneeded nodes are tainted
// ToBeDeletedByClusterAutoscaler and deleted at once when empty, or drained first (evictions
// through the eviction API, so PodDisruptionBudgets hold; a drain that cannot finish within
// max-pod-eviction-time fails and is undone).
//
// Each scan's decision (scale-up result, scale-down result, timed-out requests) is kept with
// its explanation: the latest and a bounded history, for the studio's panel and the CLI.

#include "control/autoscaling/scaledown.h"
#include "control/autoscaling/scaleup.h"
#include "engine/engine.h"
#include "engine/random.h"
#include "model/capodindex.h"

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct ClusterAutoscalerSpec;

// One scan of the cluster autoscaler.
struct CaDecisionRecord {
    SimTime time;
    std::vector<std::string> pendingPods;       // unschedulable pods it looked at
    std::vector<std::string> fitUpcomingPods;   // left out: they fit an existing or upcoming node
    std::optional<CaScaleUpResult> scaleUp;     // when pods needed a new node
    std::optional<CaScaleDownResult> scaleDown; // when no scale-up happened
    std::vector<std::string> drainsFailed;      // drains given up in this scan
    Explanation explanation;                    // timeouts and cluster health
};

struct CaDecisionHistory {
    static constexpr std::size_t kLimit = 64; // the newest scans kept
    std::deque<CaDecisionRecord> records;     // oldest first; back() is the latest
};

class ClusterAutoscaler {
public:
    explicit ClusterAutoscaler(SimulationModel& model);

    // Schedules the scans when the scenario has node groups.
    void start();
    bool enabled() const { return m_enabled; }
    const ClusterAutoscalerSpec& settings() const;
    const CaDecisionHistory& decisions() const { return m_history; }

private:
    struct Drain {
        SimTime startedAt;
        EventId retry;
    };

    void scan();
    void scaleUp(CaDecisionRecord& record, const std::vector<CaPod>& pending);
    void scaleDown(CaDecisionRecord& record);
    void startDeletion(const std::string& node, bool empty, const CaNodeScaleDownStatus* status);
    void drainStep(const std::string& node);
    void abortDrain(const std::string& node, const std::string& reason);
    void finishDeletion(const std::string& node);
    void notTriggered(const CaScaleUpResult& result, const std::vector<CaPod>& pods);
    std::vector<CaNodeGroup> caGroups() const;
    // Every node with its pods, as the autoscaler's snapshot sees them. Only what changed
    // since the last call is made again: the nodes when a Node changed (ApiServer::changes),
    // the pods of the nodes whose pods changed (CaPodIndex). At 10,000 pods most scans see
    // nearly the same cluster as the one before.
    const std::vector<CaNode>& caNodes();
    void rebuildNodes();
    CaNode caNode(const NodeObject& object) const; // without its pods
    std::vector<CaPod> caPodsOn(const std::string& node) const;
    CaPredicate predicate() const;
    CaDrainCallbacks drainCallbacks() const;

    SimulationModel& m_model;
    bool m_enabled = false;
    CaScaleUpTracker m_tracker;
    CaScaleDownPlanner m_planner;
    CaPodIndex m_pods;
    std::vector<CaNode> m_nodes;                    // caNodes()
    std::map<std::string, std::size_t> m_nodeIndex; // node name → its place in m_nodes
    std::uint64_t m_nodesNodeChanges = ~std::uint64_t{0};
    RandomStream m_random;
    std::map<std::string, Drain> m_drains;                 // nodes being drained
    std::map<std::string, std::string> m_lastNotTriggered; // pod key → last message
    CaDecisionHistory m_history;
};

} // namespace cnsim
