#include "model/clusterautoscaler.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"
#include "model/cloudprovider.h"
#include "model/disruptioncontroller.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <cstdio>

namespace cnsim {

namespace {

const ClusterAutoscalerSpec kDefaults{};

bool hasTaint(const std::vector<Taint>& taints, std::string_view key) {
    return std::any_of(taints.begin(), taints.end(), [&](const Taint& t) { return t.key == key; });
}

CaPod caPod(const PodObject& pod) {
    CaPod p;
    p.name = pod.meta.name;
    p.nameSpace = pod.meta.nameSpace;
    p.cpu = pod.requestCpu;
    p.memory = pod.requestMemory;
    p.spec = &pod.spec;
    // What podMatchesNodeSelectorAndAffinity reads.
    const bool requiredAffinity = pod.spec.affinity && pod.spec.affinity->nodeAffinity &&
                                  !pod.spec.affinity->nodeAffinity->required.empty();
    p.selectsNodes = !pod.spec.nodeSelector.empty() || requiredAffinity;
    p.owner = CaOwnerKind::None;
    for (const OwnerReference& owner : pod.meta.ownerReferences) {
        if (owner.kind == "ReplicaSet") {
            p.owner = CaOwnerKind::ReplicaSet;
            // Pods of one ReplicaSet share a template: interchangeable for the estimator.
            p.equivalenceKey = pod.meta.nameSpace + "/" + owner.name;
        }
    }
    p.terminal = pod.phase == PodPhaseK8s::Succeeded || pod.phase == PodPhaseK8s::Failed;
    const auto safe = pod.meta.annotations.find(std::string(k8s::kCaSafeToEvictAnnotation));
    if (safe != pod.meta.annotations.end()) {
        p.safeToEvict = safe->second == "true";
    }
    return p;
}

// A scale-down simulation asks this about the same pods again and again, so the pod carries its
// spec (caPod) rather than being looked up by name each time.
bool passesSchedulerFilters(const CaPod& pod, const CaSimNode& node) {
    if (!caResourcesFit(pod, node)) {
        return false;
    }
    if (pod.spec == nullptr) {
        return true;
    }
    if (pod.selectsNodes && !podMatchesNodeSelectorAndAffinity(*pod.spec, node.labels)) {
        return false;
    }
    return std::all_of(node.taints.begin(), node.taints.end(), [&](const Taint& t) {
        return t.effect == TaintEffect::PreferNoSchedule ||
               tolerationsTolerateTaint(pod.spec->tolerations, t);
    });
}

std::string formatUtilization(double u) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", u);
    return buffer;
}

} // namespace

ClusterAutoscaler::ClusterAutoscaler(SimulationModel& model)
    : m_model(model), m_tracker(settings().maxNodeProvisionTime),
      m_random(model.makeStream("cluster-autoscaler")) {
    model.api().watch(ResourceKind::Node, [this](WatchEventType type, const ObjectMeta& meta) {
        if (type != WatchEventType::Added) {
            return;
        }
        const std::string group = m_model.cloud().groupOf(meta.name);
        if (!group.empty()) {
            m_tracker.registered(group, 1);
        }
    });
}

const ClusterAutoscalerSpec& ClusterAutoscaler::settings() const {
    const auto& spec = m_model.scenario().simulation.clusterAutoscaler;
    return spec ? *spec : kDefaults;
}

void ClusterAutoscaler::start() {
    m_enabled = m_model.cloud().hasGroups();
    if (!m_enabled) {
        return;
    }
    ApiServer& api = m_model.api();
    for (const auto& [key, pod] : api.pods()) {
        m_pods.podChanged(key, &pod);
    }
    api.watch(ResourceKind::Pod, [this](WatchEventType type, const ObjectMeta& meta) {
        m_pods.podChanged(ObjectTable<PodObject>::key(meta.nameSpace, meta.name),
                          type == WatchEventType::Deleted
                              ? nullptr
                              : m_model.api().pods().find(meta.nameSpace, meta.name));
    });
    // RunOnce every scan-interval from the start of the process.
    m_model.engine().schedule(
        settings().scanInterval, [this] { scan(); }, priority::kController);
}

std::vector<CaNodeGroup> ClusterAutoscaler::caGroups() const {
    std::vector<CaNodeGroup> groups;
    for (const CloudProvider::Group& g : m_model.cloud().groups()) {
        const NodeGroupSpec& s = *g.spec;
        CaNodeGroup group;
        group.name = s.name;
        group.minSize = s.minSize;
        group.maxSize = s.maxSize;
        group.targetSize = g.targetSize;
        group.machine.cpu = s.cpu - s.machine.overheadCpu;
        group.machine.memory = s.memory - s.machine.overheadMemory;
        group.machine.maxPods = s.maxPods;
        group.machine.labels = s.labels;
        group.machine.labels[std::string(k8s::kLabelZone)] = s.zone;
        group.machine.taints = s.taints;
        group.machine.zone = s.zone;
        group.pricePerHour = s.pricePerHour;
        group.provisioningDelay = s.provisioningDelay();
        groups.push_back(std::move(group));
    }
    return groups;
}

const std::vector<CaNode>& ClusterAutoscaler::caNodes() {
    const ApiServer& api = m_model.api();
    if (api.changes(ResourceKind::Node) != m_nodesNodeChanges) {
        m_nodesNodeChanges = api.changes(ResourceKind::Node);
        rebuildNodes();
    }
    for (const std::string& name : m_pods.takeChangedNodes()) {
        if (const auto it = m_nodeIndex.find(name); it != m_nodeIndex.end()) {
            m_nodes[it->second].setPods(caPodsOn(name));
        }
    }
    return m_nodes;
}

// Every node from its Node object; a node seen before keeps its pods (caNodes refreshes those
// that changed), a new one gets them.
void ClusterAutoscaler::rebuildNodes() {
    std::vector<CaNode> before = std::move(m_nodes);
    const std::map<std::string, std::size_t> indexBefore = std::move(m_nodeIndex);
    m_nodes.clear();
    m_nodeIndex.clear();
    for (const auto& [key, object] : m_model.api().nodes()) {
        CaNode n = caNode(object);
        if (const auto old = indexBefore.find(n.name); old != indexBefore.end()) {
            n.pods = std::move(before[old->second].pods);
            n.requests = before[old->second].requests;
        } else {
            n.setPods(caPodsOn(n.name));
        }
        m_nodeIndex.emplace(n.name, m_nodes.size());
        m_nodes.push_back(std::move(n));
    }
}

CaNode ClusterAutoscaler::caNode(const NodeObject& object) const {
    CaNode n;
    n.name = object.meta.name;
    n.group = m_model.cloud().groupOf(n.name);
    n.allocatableCpu = object.allocatableCpu;
    n.allocatableMemory = object.allocatableMemory;
    n.maxPods = object.capacityPods;
    n.labels = object.meta.labels;
    n.taints = object.taints;
    n.ready = isNodeReady(object);
    const auto disabled =
        object.meta.annotations.find(std::string(k8s::kCaScaleDownDisabledAnnotation));
    n.scaleDownDisabled = disabled != object.meta.annotations.end() && disabled->second == "true";
    n.beingDeleted = hasTaint(object.taints, k8s::kCaToBeDeletedTaint);
    return n;
}

// Pods on their way out are not in the index: they need no new home.
std::vector<CaPod> ClusterAutoscaler::caPodsOn(const std::string& node) const {
    std::vector<CaPod> pods;
    for (const auto& [key, pod] : m_pods.podsOn(node)) {
        pods.push_back(caPod(*pod));
    }
    return pods;
}

// The scheduler's filters a new or existing node must pass: resources (NodeResourcesFit),
// nodeSelector / required node affinity (NodeAffinity) and taints (TaintToleration).
CaPredicate ClusterAutoscaler::predicate() const {
    return &passesSchedulerFilters;
}

CaDrainCallbacks ClusterAutoscaler::drainCallbacks() const {
    CaDrainCallbacks cb;
    cb.hasPdb = [this](const CaPod& pod) {
        // The pod is looked up only for a budget in its namespace: most scans have none.
        const PodObject* object = nullptr;
        for (const auto& [key, pdb] : m_model.api().podDisruptionBudgets()) {
            if (pdb.meta.nameSpace != pod.nameSpace) {
                continue;
            }
            if (object == nullptr) {
                object = m_model.api().pods().find(pod.nameSpace, pod.name);
            }
            if (object == nullptr) {
                return false;
            }
            if (matchesLabelSelector(pdb.spec.selector, object->meta.labels)) {
                return true;
            }
        }
        return false;
    };
    cb.evictionAllowed = [this](const CaPod& pod) {
        const PodObject* object = m_model.api().pods().find(pod.nameSpace, pod.name);
        return object == nullptr ||
               m_model.disruptionController().evictionDecision(*object).verdict ==
                   EvictionVerdict::Allowed;
    };
    return cb;
}

void ClusterAutoscaler::scan() {
    const ClusterAutoscalerSpec& s = settings();
    if (m_model.now() + s.scanInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            s.scanInterval, [this] { scan(); }, priority::kController);
    }
    // Every read and write goes through kube-apiserver.
    if (!m_model.api().available()) {
        return;
    }
    const SimTime now = m_model.now();
    CaDecisionRecord record;
    record.time = now;

    // clusterstate: scale-ups whose nodes never registered are given up; the group backs off.
    for (const CaScaleUpTracker::TimedOut& t : m_tracker.expire(now, &record.explanation)) {
        const int given = m_model.cloud().cancelBooting(t.group, t.missingNodes);
        if (given > 0) {
            const std::string timeout = formatDuration(s.maxNodeProvisionTime);
            m_model.record(Component::ClusterAutoscaler, EventReason::ScaleUpTimedOut,
                           ObjectKind::ConfigMap, "cluster-autoscaler-status",
                           {{"group", t.group},
                            {"nodes", std::to_string(given)},
                            {"timeout", timeout},
                            {"message", "Nodes added to group " + t.group +
                                            " failed to register within " + timeout}});
        }
    }

    // Unschedulable pods, then those an existing or upcoming node would take anyway
    // (core/podlistprocessor/filter_out_schedulable.go over a snapshot with upcoming nodes).
    std::vector<CaPod> pending;
    for (const auto& [key, pod] : m_pods.unschedulable()) {
        if (now - pod->meta.creationTimestamp >= s.newPodScaleUpDelay) {
            pending.push_back(caPod(*pod));
            record.pendingPods.push_back(pod->meta.name);
        }
    }
    std::vector<CaPod> needNodes;
    if (!pending.empty()) {
        const CaPredicate fits = predicate();
        std::vector<CaSimNode> snapshot;
        for (const CaNode& n : caNodes()) {
            const NodeObject* object = m_model.api().nodes().find("", n.name);
            if (!n.beingDeleted && object != nullptr && !object->unschedulable && n.ready) {
                snapshot.push_back(CaSimNode::fromNode(n));
            }
        }
        for (const CaNodeGroup& g : caGroups()) {
            const std::size_t upcoming = m_model.cloud().group(g.name)->booting.size();
            for (std::size_t i = 0; i < upcoming; ++i) {
                snapshot.push_back(CaSimNode::fromTemplate(g, "upcoming-" + g.name));
            }
        }
        for (const CaPod& pod : pending) {
            const auto home = std::find_if(snapshot.begin(), snapshot.end(),
                                           [&](const CaSimNode& n) { return fits(pod, n); });
            if (home != snapshot.end()) {
                home->add(pod);
                record.fitUpcomingPods.push_back(pod.name);
            } else {
                needNodes.push_back(pod);
            }
        }
    }

    bool scaledUp = false;
    if (!needNodes.empty()) {
        scaleUp(record, needNodes);
        scaledUp = record.scaleUp && record.scaleUp->scaledUp;
    }
    // static_autoscaler.go: no scale-down in a loop that scaled up, nor while the cluster is
    // unhealthy.
    if (!scaledUp && s.scaleDownEnabled) {
        // caNodes() is every API node with its readiness, made again whenever a Node changed.
        int unready = 0;
        for (const CaNode& n : caNodes()) {
            unready += n.ready ? 0 : 1;
        }
        if (caClusterHealthy(static_cast<int>(m_nodes.size()), unready)) {
            scaleDown(record);
        }
    }

    m_history.records.push_back(std::move(record));
    while (m_history.records.size() > CaDecisionHistory::kLimit) {
        m_history.records.pop_front();
    }
}

void ClusterAutoscaler::scaleUp(CaDecisionRecord& record, const std::vector<CaPod>& pods) {
    const ClusterAutoscalerSpec& s = settings();
    const SimTime now = m_model.now();
    CaScaleUpInput in;
    in.groups = caGroups();
    in.pendingPods = pods;
    for (const CloudProvider::Group& g : m_model.cloud().groups()) {
        in.clusterNodeCount += static_cast<int>(g.booting.size());
        // The priority expander's ConfigMap: each group matches its own name.
        in.expander.priorities[g.spec->priority].push_back("^" + g.spec->name + "$");
    }
    in.clusterNodeCount += static_cast<int>(m_model.api().nodes().size());
    in.maxNodesTotal = s.maxNodesTotal;
    in.backedOffGroups = m_tracker.backedOffGroups(now);
    in.expander.chain = s.expander;
    in.predicate = predicate();
    CaScaleUpResult result = caComputeScaleUp(in, &m_random);

    if (result.scaledUp) {
        const int delta = result.toSize - result.fromSize;
        const CloudProvider::Group* g = m_model.cloud().group(result.group);
        const std::string max = std::to_string(g->spec->maxSize);
        const std::string from = std::to_string(result.fromSize);
        const std::string to = std::to_string(result.toSize);
        m_model.cloud().increaseSize(result.group, delta);
        m_tracker.requested(result.group, delta, now);
        m_planner.recordScaleUp(now);
        // core/scaleup/orchestrator/executor.go and the EventingScaleUpStatusProcessor.
        m_model.record(Component::ClusterAutoscaler, EventReason::ScaledUpGroup,
                       ObjectKind::ConfigMap, "cluster-autoscaler-status",
                       {{"group", result.group},
                        {"from", from},
                        {"to", to},
                        {"max", max},
                        {"message", "Scale-up: setting group " + result.group + " size to " + to +
                                        " instead of " + from + " (max: " + max + ")"}});
        for (const std::string& name : result.helpedPods) {
            m_model.record(Component::ClusterAutoscaler, EventReason::TriggeredScaleUp,
                           ObjectKind::Pod, name,
                           {{"pod", name},
                            {"group", result.group},
                            {"from", from},
                            {"to", to},
                            {"max", max},
                            {"message", "pod triggered scale-up: [{" + result.group + " " + from +
                                            "->" + to + " (max: " + max + ")}]"}});
        }
    }
    notTriggered(result, pods);
    record.scaleUp = std::move(result);
}

// NotTriggerScaleUp for each pod no group could help, with upstream's reasons counted per
// group. Kubernetes' event recorder folds repeats into one event with a count; here a pod gets
// the event again only when its message changes.
void ClusterAutoscaler::notTriggered(const CaScaleUpResult& result,
                                     const std::vector<CaPod>& pods) {
    const bool totalReached = result.explanation.has(ExplainCode::CaMaxNodesTotalReached);
    const std::vector<CaNodeGroup> groups = caGroups();
    const CaPredicate fits = predicate();
    for (const CaPod& pod : pods) {
        const bool notHelped =
            std::any_of(result.explanation.steps.begin(), result.explanation.steps.end(),
                        [&](const ExplainStep& st) {
                            const ExplainParam* p = st.param("pod");
                            return st.code == ExplainCode::CaPodNotHelped && p != nullptr &&
                                   std::get<std::string>(p->value.value) == pod.name;
                        });
        if (!notHelped && !totalReached) {
            continue;
        }
        std::map<std::string, int> reasons; // reason → groups
        if (totalReached) {
            reasons["max total nodes in cluster reached"] = 0;
        }
        for (const CaNodeGroup& g : groups) {
            const auto stepFor = [&](ExplainCode code) {
                return std::any_of(result.explanation.steps.begin(), result.explanation.steps.end(),
                                   [&](const ExplainStep& st) {
                                       const ExplainParam* p = st.param("group");
                                       return st.code == code && p != nullptr &&
                                              std::get<std::string>(p->value.value) == g.name;
                                   });
            };
            if (totalReached) {
                break;
            }
            if (stepFor(ExplainCode::CaGroupAtMaxSize)) {
                ++reasons["max node group size reached"];
            } else if (stepFor(ExplainCode::CaGroupBackedOff)) {
                ++reasons["in backoff after failed scale-up"];
            } else if (!fits(pod, CaSimNode::fromTemplate(g, "template-" + g.name))) {
                ++reasons["node(s) didn't fit the pod on a new node"];
            } else {
                ++reasons["node(s) would not help"];
            }
        }
        std::string text;
        for (const auto& [reason, count] : reasons) {
            text += (text.empty() ? "" : ", ") +
                    (count > 0 ? std::to_string(count) + " " : std::string()) + reason;
        }
        const std::string key = pod.nameSpace + "/" + pod.name;
        std::string& last = m_lastNotTriggered[key];
        if (last == text) {
            continue;
        }
        last = text;
        m_model.record(Component::ClusterAutoscaler, EventReason::NotTriggerScaleUp,
                       ObjectKind::Pod, pod.name,
                       {{"pod", pod.name},
                        {"reason", text},
                        {"message", "pod didn't trigger scale-up: " + text}});
    }
}

void ClusterAutoscaler::scaleDown(CaDecisionRecord& record) {
    const ClusterAutoscalerSpec& s = settings();
    CaScaleDownInput in;
    caNodes();
    in.nodes = std::move(m_nodes); // lent to the planner, taken back below
    in.groups = caGroups();
    in.now = m_model.now();
    in.settings.utilizationThreshold = s.scaleDownUtilizationThreshold;
    in.settings.unneededTime = s.scaleDownUnneededTime;
    in.settings.unreadyTime = s.scaleDownUnreadyTime;
    in.settings.delayAfterAdd = s.scaleDownDelayAfterAdd;
    in.settings.delayAfterDelete = s.scaleDownDelayAfterDelete;
    in.settings.delayAfterFailure = s.scaleDownDelayAfterFailure;
    in.settings.maxScaleDownParallelism = s.maxScaleDownParallelism;
    in.settings.maxDrainParallelism = s.maxDrainParallelism;
    in.predicate = predicate();
    in.callbacks = drainCallbacks();
    // Nodes still booting count toward the group's size but are not deletable yet.
    CaScaleDownResult result = m_planner.update(in);
    m_nodes = std::move(in.nodes);
    const auto statusOf = [&](const std::string& node) -> const CaNodeScaleDownStatus* {
        for (const CaNodeScaleDownStatus& st : result.nodes) {
            if (st.node == node) {
                return &st;
            }
        }
        return nullptr;
    };
    for (const std::string& node : result.deleteEmpty) {
        startDeletion(node, true, statusOf(node));
    }
    for (const std::string& node : result.drain) {
        startDeletion(node, false, statusOf(node));
    }
    record.scaleDown = std::move(result);
}

void ClusterAutoscaler::startDeletion(const std::string& node, bool empty,
                                      const CaNodeScaleDownStatus* status) {
    NodeObject* object = m_model.api().nodes().find("", node);
    if (object == nullptr) {
        return;
    }
    const SimTime now = m_model.now();
    // utils/taints MarkToBeDeleted: no new pods from now on.
    object->taints.push_back(Taint{std::string(k8s::kCaToBeDeletedTaint),
                                   std::to_string(now.toMicroseconds() / 1000000),
                                   TaintEffect::NoSchedule});
    m_model.api().updated(ResourceKind::Node, object->meta);
    m_model.record(Component::ClusterAutoscaler, EventReason::ScaleDown, ObjectKind::Node, node,
                   {{"node", node}, {"message", "marked the node as toBeDeleted/unschedulable"}});
    m_planner.recordDeletion(now);
    if (empty) {
        m_model.record(
            Component::ClusterAutoscaler, EventReason::ScaleDownEmpty, ObjectKind::ConfigMap,
            "cluster-autoscaler-status",
            {{"node", node}, {"message", "Scale-down: removing empty node \"" + node + "\""}});
        finishDeletion(node);
        return;
    }
    std::string pods;
    for (const auto& [key, pod] : m_pods.podsOn(node)) {
        pods += (pods.empty() ? "" : ",") + pod->meta.name;
    }
    const std::string utilization =
        formatUtilization(status != nullptr ? status->utilization.utilization : 0.0);
    m_model.record(Component::ClusterAutoscaler, EventReason::ScaleDownNode, ObjectKind::ConfigMap,
                   "cluster-autoscaler-status",
                   {{"node", node},
                    {"utilization", utilization},
                    {"pods", pods},
                    {"message", "Scale-down: removing node " + node + ", utilization: " +
                                    utilization + ", pods to reschedule: " + pods}});
    m_drains[node] = Drain{now, EventId{}};
    drainStep(node);
}

// core/scaledown/actuation/drain.go: evict every pod that must move, retrying refused
// evictions until max-pod-eviction-time; then wait for the pods to be gone and delete the node.
void ClusterAutoscaler::drainStep(const std::string& node) {
    const auto it = m_drains.find(node);
    if (it == m_drains.end()) {
        return;
    }
    if (!m_model.api().available()) {
        it->second.retry = m_model.engine().schedule(
            k8s::kCaEvictionRetryInterval, [this, node] { drainStep(node); }, priority::kAction);
        return;
    }
    const SimTime now = m_model.now();
    std::vector<std::pair<std::string, std::string>> toEvict;
    bool anyLeft = false;
    for (const auto& [key, pod] : m_model.api().pods()) {
        if (pod.nodeName != node) {
            continue;
        }
        anyLeft = true;
        if (!isPodTerminating(pod)) {
            toEvict.emplace_back(pod.meta.nameSpace, pod.meta.name);
        }
    }
    if (!anyLeft) {
        finishDeletion(node);
        return;
    }
    bool refused = false;
    for (const auto& [nameSpace, name] : toEvict) {
        const PodObject* pod = m_model.api().pods().find(nameSpace, name);
        if (pod == nullptr) {
            continue;
        }
        if (m_model.disruptionController().evictionDecision(*pod).verdict !=
            EvictionVerdict::Allowed) {
            refused = true;
            continue;
        }
        m_model.record(
            Component::ClusterAutoscaler, EventReason::ScaleDown, ObjectKind::Pod, name,
            {{"pod", name}, {"node", node}, {"message", "deleting pod for node scale down"}});
        m_model.requestPodDeletion(nameSpace, name, Component::ClusterAutoscaler);
    }
    if (refused && now - it->second.startedAt >= k8s::kCaMaxPodEvictionTime) {
        abortDrain(node, "failed to drain the node, aborting ScaleDown");
        return;
    }
    it->second.retry = m_model.engine().schedule(
        refused ? k8s::kCaEvictionRetryInterval : SimTime::seconds(1),
        [this, node] { drainStep(node); }, priority::kAction);
}

void ClusterAutoscaler::abortDrain(const std::string& node, const std::string& reason) {
    m_drains.erase(node);
    if (NodeObject* object = m_model.api().nodes().find("", node)) {
        std::erase_if(object->taints,
                      [](const Taint& t) { return t.key == k8s::kCaToBeDeletedTaint; });
        m_model.api().updated(ResourceKind::Node, object->meta);
    }
    m_planner.recordDeletionFailure(m_model.now());
    m_model.record(Component::ClusterAutoscaler, EventReason::ScaleDownFailed, ObjectKind::Node,
                   node, {{"node", node}, {"reason", reason}, {"message", reason}});
    if (!m_history.records.empty()) {
        m_history.records.back().drainsFailed.push_back(node);
    }
}

void ClusterAutoscaler::finishDeletion(const std::string& node) {
    if (const auto it = m_drains.find(node); it != m_drains.end()) {
        m_model.engine().cancel(it->second.retry);
        m_drains.erase(it);
    }
    m_model.cloud().deleteNode(node, true);
}

} // namespace cnsim
