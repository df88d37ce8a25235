#pragma once

// NodeLifecycleController: kube-controller-manager's node lifecycle controller and taint
// eviction (pkg/controller/nodelifecycle, pkg/controller/tainteviction). Every
// node-monitor-period (5 s) it compares each node's last lease renewal with the grace period
// (50 s): a silent node's Ready condition becomes Unknown, its pods are marked not ready,
// and it gets the node.kubernetes.io/unreachable taint (NoSchedule and NoExecute). Pods on a
// NoExecute-tainted node are deleted when their toleration runs out (300 s by default, added
// by the DefaultTolerationSeconds admission plugin). A node that renews its lease again is
// Ready and untainted. Expected failover with defaults: ≈ 50 s + 300 s.

#include "control/workloads/nodelifecycle.h"
#include "engine/engine.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct NodeObject;
struct PodObject;

class NodeLifecycleController {
public:
    explicit NodeLifecycleController(SimulationModel& model);

private:
    // A node as the monitor reads it every period, found again only after Nodes changed.
    struct MonitoredNode {
        NodeObject* node = nullptr;
        const std::optional<SimTime>* lastHeartbeat = nullptr; // the kubelet's; nullptr: none
    };

    void followNodes();
    void monitor();
    void markNotReady(NodeObject& node);
    void markReady(NodeObject& node);
    // doNoExecuteTaintingPass: applies queued NoExecute taints as each zone's rate allows.
    void updateZoneRates();
    void taintPass();
    void scheduleTaintPass();
    void scheduleEvictions(const NodeObject& node);
    void evict(const std::string& podKey, const std::string& node);

    SimulationModel& m_model;
    std::vector<MonitoredNode> m_nodes;            // the API's nodes, in key order
    std::uint64_t m_nodesSeen = ~std::uint64_t{0}; // ApiServer::changes(Node) at followNodes
    std::map<std::string, EventId> m_evictions; // pod key → pending taint eviction
    // Per zone: nodes waiting for their NoExecute taint, and the zone's rate limiter.
    std::map<std::string, std::deque<std::string>> m_taintQueue;
    std::map<std::string, EvictionRateLimiter> m_limiters;
    EventId m_taintPassEvent;
};

} // namespace cnsim
