#include "model/kubescheduler.h"

#include "model/eventpriority.h"
#include "model/ownership.h"
#include "model/simulationmodel.h"

#include <utility>

namespace cnsim {

namespace {

// framework/plugins/helper/spread.go DefaultSelector: the selectors of the Services that
// select the pod merged with its ReplicaSet's selector. Unset when the pod has neither, so
// system-default spreading skips it as upstream does for an empty selector.
std::optional<LabelSelector> defaultSpreadSelector(const ApiServer& api, const PodObject& pod) {
    LabelSelector selector;
    bool any = false;
    for (const auto& [key, service] : api.services()) {
        // GetPodServices: same namespace, a non-empty selector that matches the pod.
        if (service.meta.nameSpace != pod.meta.nameSpace || service.spec.selector.empty() ||
            !matchesLabels(service.spec.selector, pod.meta.labels)) {
            continue;
        }
        for (const auto& [label, value] : service.spec.selector) {
            selector.matchLabels[label] = value;
        }
        any = true;
    }
    const std::string owner = owningReplicaSet(pod);
    if (!owner.empty()) {
        if (const ReplicaSetObject* rs = api.replicaSets().find(pod.meta.nameSpace, owner)) {
            for (const auto& [label, value] : rs->selector.matchLabels) {
                selector.matchLabels[label] = value;
            }
            selector.matchExpressions.insert(selector.matchExpressions.end(),
                                             rs->selector.matchExpressions.begin(),
                                             rs->selector.matchExpressions.end());
            any = true;
        }
    }
    if (!any) {
        return std::nullopt;
    }
    return selector;
}

SchedulerNodeSpec nodeSpecOf(const NodeObject& node) {
    SchedulerNodeSpec spec;
    spec.name = node.meta.name;
    spec.labels = node.meta.labels; // hostname and zone labels are set when the node is built
    spec.taints = node.taints;
    spec.unschedulable = node.unschedulable;
    spec.allocatable = ResourceAmounts{node.allocatableCpu, node.allocatableMemory};
    spec.allocatablePods = node.capacityPods;
    return spec;
}

bool sameNodeSpec(const SchedulerNodeSpec& a, const SchedulerNodeSpec& b) {
    return a.labels == b.labels && a.taints == b.taints && a.unschedulable == b.unschedulable &&
           a.allocatable == b.allocatable && a.allocatablePods == b.allocatablePods;
}

std::string podKeyOf(const ObjectMeta& meta) {
    return ObjectTable<PodObject>::key(meta.nameSpace, meta.name);
}

} // namespace

KubeScheduler::KubeScheduler(SimulationModel& model)
    : m_model(model), m_scheduler(Scheduler::fromSpec(model.scenario().simulation.scheduler)),
      m_random(model.makeStream("scheduler")) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Node,
              [this](WatchEventType type, const ObjectMeta& meta) { onNodeEvent(type, meta); });
    api.watch(ResourceKind::Pod,
              [this](WatchEventType type, const ObjectMeta& meta) { onPodEvent(type, meta); });
}

bool KubeScheduler::up() const {
    return m_model.schedulerUp() && m_model.api().available();
}

std::optional<SchedulingDecision> KubeScheduler::decision(std::string_view pod) const {
    const SchedulingRecord* found = nullptr;
    if (pod.find('/') != std::string_view::npos) {
        if (const auto it = m_decisions.find(std::string(pod)); it != m_decisions.end()) {
            found = &it->second.record;
        }
    } else if (const auto it = m_decisions.find(ObjectTable<PodObject>::key("default", pod));
               it != m_decisions.end()) {
        found = &it->second.record;
    } else {
        for (const auto& [key, kept] : m_decisions) {
            if (kept.record.pod == pod) {
                found = &kept.record;
                break;
            }
        }
    }
    if (found == nullptr) {
        return std::nullopt;
    }
    return m_scheduler.render(*found);
}

// ---- informers ----

void KubeScheduler::onNodeEvent(WatchEventType type, const ObjectMeta& meta) {
    if (type == WatchEventType::Deleted) {
        if (m_nodes.erase(meta.name) == 0) {
            return;
        }
        m_view.removeNode(meta.name); // its pods go with it, as in the scheduler cache
        std::erase_if(m_boundPods,
                      [&](const auto& entry) { return entry.second.node == meta.name; });
        moveAll(ClusterEventKind::NodeDelete);
        return;
    }
    const NodeObject* node = m_model.api().nodes().find("", meta.name);
    if (node == nullptr) {
        return;
    }
    SchedulerNodeSpec spec = nodeSpecOf(*node);
    const auto it = m_nodes.find(meta.name);
    if (it == m_nodes.end()) {
        m_view.addNode(spec);
        const auto added = m_nodes.emplace(meta.name, NodeRecord{std::move(spec), node, 0}).first;
        syncImages(added->first, added->second);
        moveAll(ClusterEventKind::NodeAdd);
        return;
    }
    it->second.object = node;
    syncImages(it->first, it->second);
    if (sameNodeSpec(it->second.spec, spec)) {
        return; // a status change the scheduler does not read (conditions)
    }
    m_view.updateNode(spec);
    it->second.spec = std::move(spec);
    // eventhandlers.go updateNodeInSchedulingQueue: labels, taints, spec.unschedulable and
    // allocatable changes may let pods in.
    moveAll(ClusterEventKind::NodeUpdate);
}

void KubeScheduler::syncImages(const std::string& name, NodeRecord& record) {
    // The kubelet only appends pulled images (no image garbage collection is modelled).
    const std::vector<std::string>& images = record.object->images;
    for (std::size_t i = record.images; i < images.size(); ++i) {
        const ImageSpec* image = m_model.findImage(images[i]);
        m_view.addImage(name, images[i], image != nullptr ? image->size : Bytes{});
    }
    record.images = images.size();
}

void KubeScheduler::onPodEvent(WatchEventType type, const ObjectMeta& meta) {
    const std::string key = podKeyOf(meta);
    if (type == WatchEventType::Deleted) {
        podGone(key);
        return;
    }
    const PodObject* pod = m_model.api().pods().find(meta.nameSpace, meta.name);
    if (pod == nullptr) {
        return;
    }
    const bool terminating = isPodTerminating(*pod);
    if (!pod->nodeName.empty()) {
        m_queue.remove(key);
        const auto bound = m_boundPods.find(key);
        if (bound == m_boundPods.end()) {
            // Bound by someone else (or before this scheduler started): addPodToCache.
            if (m_view.addPod(pod->nodeName, podInfo(*pod))) {
                m_boundPods.emplace(key, BoundPod{pod->nodeName, terminating});
                moveAll(ClusterEventKind::AssignedPodAdd);
            }
        } else if (bound->second.terminating != terminating) {
            bound->second.terminating = terminating;
            m_view.setPodTerminating(bound->second.node, meta.nameSpace, meta.name, terminating);
            moveAll(ClusterEventKind::AssignedPodUpdate);
        }
        // The kubelet reports the images it pulled with the pod's status.
        if (const auto node = m_nodes.find(pod->nodeName); node != m_nodes.end()) {
            syncImages(node->first, node->second);
        }
        return;
    }
    if (terminating) {
        m_queue.remove(key); // deleted before it was placed
        return;
    }
    if (type != WatchEventType::Added) {
        return; // our own status updates, or changes the queue does not need
    }
    const std::string_view schedulerName = pod->spec.schedulerName.empty()
                                               ? k8s::kDefaultSchedulerName
                                               : std::string_view(pod->spec.schedulerName);
    if (!m_scheduler.hasProfile(schedulerName)) {
        // Not ours (eventhandlers.go responsibleForPod): it stays Pending without events. Its
        // decision says why, for "Why this node?"; the library answers before drawing a number.
        keepDecision(key, m_scheduler.attempt(podInfo(*pod), m_view, m_random));
        return;
    }
    // PodSpec has no priority field yet: every pod has priority 0 (PrioritySort then orders
    // by arrival).
    if (m_queue.add(key, 0, m_model.now())) {
        requestStep();
    }
}

void KubeScheduler::podGone(const std::string& key) {
    m_queue.remove(key);
    dropDecision(key);
    const auto bound = m_boundPods.find(key);
    if (bound == m_boundPods.end()) {
        return;
    }
    const auto slash = key.find('/');
    m_view.removePod(bound->second.node, std::string_view(key).substr(0, slash),
                     std::string_view(key).substr(slash + 1));
    m_boundPods.erase(bound);
    moveAll(ClusterEventKind::AssignedPodDelete); // freed room
}

SchedulerPodInfo KubeScheduler::podInfo(const PodObject& pod) const {
    SchedulerPodInfo info =
        makeSchedulerPodInfo(pod.meta.name, pod.meta.nameSpace, pod.meta.labels, pod.spec);
    info.terminating = isPodTerminating(pod);
    info.defaultSpreadSelector = defaultSpreadSelector(m_model.api(), pod);
    return info;
}

// ---- scheduling ----

void KubeScheduler::requestStep() {
    if (m_stepPending) {
        return;
    }
    m_stepPending = true;
    m_model.engine().schedule(
        SimTime::zero(), [this] { runCycles(); }, priority::kScheduler);
}

void KubeScheduler::runCycles() {
    m_stepPending = false;
    if (!up()) {
        return; // the queue keeps its pods; requestCycle() resumes when the outage ends
    }
    // The cycles of one instant run back to back, each for one pod (pop, filter, score,
    // bind) as schedule_one.go does: in zero simulated time nothing else could act between
    // them, and waking every controller after each bind would cost O(pods²) at scale.
    while (scheduleOne()) {
    }
    armBackoffWake();
}

bool KubeScheduler::scheduleOne() {
    const SimTime now = m_model.now();
    std::optional<QueuedPod> queued = m_queue.pop(now);
    if (!queued) {
        return false;
    }
    const std::string key = queued->key;
    const auto slash = key.find('/');
    PodObject* pod = m_model.api().pods().find(key.substr(0, slash), key.substr(slash + 1));
    if (pod == nullptr || !pod->nodeName.empty() || isPodTerminating(*pod)) {
        m_queue.remove(key); // schedule_one.go skipPodSchedule
        return true;
    }
    const SchedulerPodInfo info = podInfo(*pod);
    SchedulingRecord record = m_scheduler.attempt(info, m_view, m_random);
    if (record.result == SchedulingResult::Scheduled) {
        m_queue.remove(key);
        bind(*pod, info, Scheduler::selectedNode(record));
    } else {
        m_queue.addUnschedulable(std::move(*queued), m_scheduler.rejectingPlugins(record), now);
        reportFailure(*pod, record);
        armFlush();
    }
    keepDecision(key, std::move(record));
    return true;
}

void KubeScheduler::bind(PodObject& pod, const SchedulerPodInfo& info, const std::string& node) {
    // assume, then bind (schedule_one.go): the cache counts the pod before the API hears of it.
    m_view.addPod(node, info);
    m_boundPods[podKeyOf(pod.meta)] = BoundPod{node, info.terminating};
    pod.nodeName = node;
    setCondition(pod.conditions, "PodScheduled", ConditionStatus::True, m_model.now());
    m_model.record(Component::Scheduler, EventReason::Scheduled, ObjectKind::Pod, pod.meta.name,
                   {{"pod", pod.meta.name}, {"node", node}});
    m_model.api().updated(ResourceKind::Pod, pod.meta);
    moveAll(ClusterEventKind::AssignedPodAdd);
}

void KubeScheduler::reportFailure(PodObject& pod, const SchedulingRecord& decision) {
    // schedule_one.go handleSchedulingFailure: PodScheduled=False/Unschedulable with the
    // FitError; an event only when the message changes, so a waiting pod does not flood the
    // log with one event per retry.
    if (setCondition(pod.conditions, "PodScheduled", ConditionStatus::False, m_model.now(),
                     "Unschedulable", decision.message)) {
        m_model.record(Component::Scheduler, EventReason::FailedScheduling, ObjectKind::Pod,
                       pod.meta.name, {{"pod", pod.meta.name}, {"reason", decision.message}});
        m_model.api().updated(ResourceKind::Pod, pod.meta);
    }
}

void KubeScheduler::moveAll(ClusterEventKind event) {
    if (m_queue.unschedulableCount() == 0) {
        return;
    }
    m_queue.moveAllToActiveOrBackoff(event, m_model.now());
    if (m_queue.activeCount() > 0) {
        requestStep();
    }
    armBackoffWake();
}

void KubeScheduler::armBackoffWake() {
    const std::optional<SimTime> next = m_queue.nextBackoffExpiry();
    if (!next) {
        return;
    }
    if (*next <= m_model.now()) {
        requestStep();
        return;
    }
    if (m_backoffWakeAt && *m_backoffWakeAt <= *next) {
        return; // an earlier wake-up is pending; it re-arms for the rest
    }
    m_model.engine().cancel(m_backoffWake);
    m_backoffWakeAt = *next;
    m_backoffWake = m_model.engine().scheduleAt(
        *next,
        [this] {
            m_backoffWakeAt.reset();
            requestStep();
        },
        priority::kScheduler);
}

void KubeScheduler::armFlush() {
    if (m_flushArmed || m_queue.unschedulableCount() == 0) {
        return;
    }
    m_flushArmed = true;
    // flushUnschedulablePodsLeftover runs every 30 s from the scheduler's start (t = 0).
    const SimTime next =
        kUnschedulableFlushPeriod * (m_model.now() / kUnschedulableFlushPeriod + 1);
    m_model.engine().scheduleAt(
        next,
        [this] {
            m_flushArmed = false;
            if (up()) {
                m_queue.flushUnschedulableLeftover(m_model.now());
                if (m_queue.activeCount() > 0) {
                    requestStep();
                }
                armBackoffWake();
            }
            armFlush();
        },
        priority::kScheduler);
}

// ---- decisions ----

void KubeScheduler::keepDecision(const std::string& key, SchedulingRecord record) {
    dropDecision(key);
    const std::size_t bytes = record.bytes() + 2 * key.capacity();
    const std::uint64_t sequence = ++m_decisionSequence;
    m_decisionAge.emplace(sequence, key);
    m_decisions.insert_or_assign(key, KeptDecision{std::move(record), sequence, bytes});
    m_decisionBytes += bytes;
    // Over budget: drop the oldest, never the one just kept.
    while (m_decisionBytes > m_decisionBudgetBytes && m_decisionAge.size() > 1) {
        dropDecision(m_decisionAge.begin()->second);
    }
}

void KubeScheduler::dropDecision(const std::string& key) {
    const auto it = m_decisions.find(key);
    if (it == m_decisions.end()) {
        return;
    }
    m_decisionBytes -= it->second.bytes;
    m_decisionAge.erase(it->second.sequence);
    m_decisions.erase(it);
}

} // namespace cnsim
