#include "model/nodelifecyclecontroller.h"

#include "control/kubernetesdefaults.h"
#include "control/workloads/tainteviction.h"
#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/podnodeindex.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

bool hasTaint(const NodeObject& node, std::string_view key, TaintEffect effect) {
    return std::any_of(node.taints.begin(), node.taints.end(),
                       [&](const Taint& t) { return t.key == key && t.effect == effect; });
}

} // namespace

NodeLifecycleController::NodeLifecycleController(SimulationModel& model) : m_model(model) {
    model.engine().schedule(
        k8s::kNodeMonitorPeriod, [this] { monitor(); }, priority::kController);
}

void NodeLifecycleController::followNodes() {
    m_nodesSeen = m_model.api().changes(ResourceKind::Node);
    m_nodes.clear();
    for (auto& [key, node] : m_model.api().nodes()) {
        m_nodes.push_back(MonitoredNode{&node, m_model.kubelet().lastHeartbeatOf(node.meta.name)});
    }
}

void NodeLifecycleController::monitor() {
    m_model.engine().schedule(
        k8s::kNodeMonitorPeriod, [this] { monitor(); }, priority::kController);
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return;
    }
    const SimTime now = m_model.now();
    if (m_model.api().changes(ResourceKind::Node) != m_nodesSeen) {
        followNodes();
    }
    // Marking a node changes Nodes but removes none, so the list stays valid through the pass.
    for (const MonitoredNode& monitored : m_nodes) {
        NodeObject* node = monitored.node;
        const bool silent = monitored.lastHeartbeat == nullptr || !*monitored.lastHeartbeat ||
                            now - **monitored.lastHeartbeat > k8s::kNodeMonitorGracePeriod;
        if (silent && isNodeReady(*node)) {
            markNotReady(*node);
        } else if (!silent && !isNodeReady(*node)) {
            markReady(*node);
        }
    }
    // Zone states change as nodes come and go; a zone whose rate rose may taint now.
    updateZoneRates();
    taintPass();
}

void NodeLifecycleController::markNotReady(NodeObject& node) {
    const SimTime now = m_model.now();
    setCondition(node.conditions, "Ready", ConditionStatus::Unknown, now, "NodeStatusUnknown",
                 "Kubelet stopped posting node status.");
    // NoSchedule at once (doNoScheduleTaintingPass); NoExecute through the zone's rate
    // limiter (doNoExecuteTaintingPass), which is what evicts pods.
    if (!hasTaint(node, k8s::kTaintUnreachable, TaintEffect::NoSchedule)) {
        node.taints.push_back(
            Taint{std::string(k8s::kTaintUnreachable), "", TaintEffect::NoSchedule});
    }
    m_model.record(Component::NodeController, EventReason::NodeNotReady, ObjectKind::Node,
                   node.meta.name, {{"node", node.meta.name}});
    m_model.api().updated(ResourceKind::Node, node.meta);
    // MarkPodsNotReady: the endpoints controller then takes them out of Services.
    for (const std::string& key : m_model.podsByNode().keysOn(node.meta.name)) {
        PodObject* pod = m_model.api().pods().findByKey(key);
        if (pod != nullptr &&
            setCondition(pod->conditions, "Ready", ConditionStatus::False, now, "NodeNotReady")) {
            m_model.api().updated(ResourceKind::Pod, pod->meta);
        }
    }
    // Tainted by the pass after every node's health is updated (zone states need them all).
    m_taintQueue[node.zone].push_back(node.meta.name);
}

void NodeLifecycleController::updateZoneRates() {
    // ComputeZoneState per zone, then handleDisruption's rates (nodelifecycle.h).
    // m_nodes is the API's nodes: monitor() followed them just before.
    std::map<std::string, std::pair<int, int>> counts; // zone → ready, not ready
    for (const MonitoredNode& monitored : m_nodes) {
        auto& [ready, notReady] = counts[monitored.node->zone];
        (isNodeReady(*monitored.node) ? ready : notReady) += 1;
    }
    bool allFull = !counts.empty();
    for (const auto& [zone, c] : counts) {
        allFull = allFull && computeZoneState(c.first, c.second) == ZoneState::FullDisruption;
    }
    const SimTime now = m_model.now();
    for (const auto& [zone, c] : counts) {
        const double rate =
            zoneEvictionRate(computeZoneState(c.first, c.second), c.first + c.second, allFull);
        auto it = m_limiters.find(zone);
        if (it == m_limiters.end()) {
            m_limiters.emplace(zone, EvictionRateLimiter(rate, now));
        } else if (it->second.qps() != rate) {
            it->second.swap(rate, now);
        }
    }
}

void NodeLifecycleController::taintPass() {
    const SimTime now = m_model.now();
    for (auto& [zone, queue] : m_taintQueue) {
        EvictionRateLimiter& limiter = m_limiters.at(zone);
        while (!queue.empty()) {
            NodeObject* node = m_model.api().nodes().find("", queue.front());
            if (node == nullptr || isNodeReady(*node)) {
                queue.pop_front(); // recovered (or gone) while waiting: nothing to taint
                continue;
            }
            if (!limiter.tryAccept(now)) {
                break;
            }
            queue.pop_front();
            if (!hasTaint(*node, k8s::kTaintUnreachable, TaintEffect::NoExecute)) {
                node->taints.push_back(
                    Taint{std::string(k8s::kTaintUnreachable), "", TaintEffect::NoExecute});
                m_model.api().updated(ResourceKind::Node, node->meta);
            }
            scheduleEvictions(*node);
        }
    }
    scheduleTaintPass();
}

void NodeLifecycleController::scheduleTaintPass() {
    m_model.engine().cancel(m_taintPassEvent);
    std::optional<SimTime> next;
    const SimTime now = m_model.now();
    for (const auto& [zone, queue] : m_taintQueue) {
        if (queue.empty()) {
            continue;
        }
        const std::optional<SimTime> token = m_limiters.at(zone).nextTokenAt(now);
        if (token && (!next || *token < *next)) {
            next = token;
        }
    }
    if (next) {
        m_taintPassEvent = m_model.engine().scheduleAt(
            std::max(*next, now), [this] { taintPass(); }, priority::kController);
    }
}

void NodeLifecycleController::markReady(NodeObject& node) {
    setCondition(node.conditions, "Ready", ConditionStatus::True, m_model.now(), "KubeletReady",
                 "kubelet is posting ready status");
    std::erase_if(node.taints, [](const Taint& t) {
        return t.key == k8s::kTaintUnreachable || t.key == k8s::kTaintNotReady;
    });
    m_model.api().updated(ResourceKind::Node, node.meta);
    for (auto it = m_evictions.begin(); it != m_evictions.end();) {
        const auto slash = it->first.find('/');
        const PodObject* pod =
            m_model.api().pods().find(it->first.substr(0, slash), it->first.substr(slash + 1));
        if (pod == nullptr || pod->nodeName == node.meta.name) {
            m_model.engine().cancel(it->second);
            it = m_evictions.erase(it);
        } else {
            ++it;
        }
    }
}

void NodeLifecycleController::scheduleEvictions(const NodeObject& node) {
    const SimTime now = m_model.now();
    for (const std::string& key : m_model.podsByNode().keysOn(node.meta.name)) {
        const PodObject* pod = m_model.api().pods().findByKey(key);
        if (pod == nullptr || isPodTerminating(*pod) || m_evictions.count(key)) {
            continue;
        }
        // tainteviction processPodOnNode; the pod's tolerations were defaulted at admission.
        const EvictionDeadline deadline = evictionDeadline(pod->spec.tolerations, node.taints, now);
        if (!deadline.at) {
            continue; // tolerates the taints forever
        }
        const std::string nodeName = node.meta.name;
        m_evictions[key] = m_model.engine().scheduleAt(
            std::max(*deadline.at, now), [this, key, nodeName] { evict(key, nodeName); },
            priority::kController);
    }
}

void NodeLifecycleController::evict(const std::string& podKey, const std::string& node) {
    m_evictions.erase(podKey);
    const auto slash = podKey.find('/');
    const PodObject* pod =
        m_model.api().pods().find(podKey.substr(0, slash), podKey.substr(slash + 1));
    if (pod == nullptr || isPodTerminating(*pod) || pod->nodeName != node) {
        return;
    }
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return; // the next NotReady pass schedules it again
    }
    m_model.record(Component::TaintEvictionController, EventReason::TaintManagerEviction,
                   ObjectKind::Pod, pod->meta.name, {{"pod", pod->meta.name}, {"node", node}});
    m_model.requestPodDeletion(pod->meta.nameSpace, pod->meta.name,
                               Component::TaintEvictionController);
}

} // namespace cnsim
