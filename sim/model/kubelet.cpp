#include "model/kubelet.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/podnodeindex.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cstdio>

namespace cnsim {

namespace {

// pkg/apis/core/v1/defaults.go: Always for ":latest" or an untagged image, else IfNotPresent.
ImagePullPolicy effectivePullPolicy(const ContainerSpec& container) {
    if (container.imagePullPolicy) {
        return *container.imagePullPolicy;
    }
    const std::string& image = container.image;
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    const bool tagged = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    const bool latest = tagged && image.compare(colon + 1, std::string::npos, "latest") == 0;
    return !tagged || latest ? ImagePullPolicy::Always : ImagePullPolicy::IfNotPresent;
}

std::string formatSeconds(SimTime t) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3fs", t.toSeconds());
    return buffer;
}

std::string podKeyOf(const ObjectMeta& meta) {
    return ObjectTable<PodObject>::key(meta.nameSpace, meta.name);
}

} // namespace

Kubelet::Kubelet(SimulationModel& model)
    : m_model(model), m_podTrigger(model.engine(), priority::kLifecycle, [this] { syncPods(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Pod, [this](WatchEventType, const ObjectMeta& meta) {
        m_dirtyPods.insert(podKeyOf(meta));
        m_podTrigger.request();
    });
    api.watch(ResourceKind::Node, [this](WatchEventType type, const ObjectMeta& meta) {
        if (type == WatchEventType::Added && m_nodes.count(meta.name) == 0) {
            NodeAgent agent;
            agent.index = static_cast<int>(m_nodes.size());
            heartbeat(*m_nodes.emplace(meta.name, agent).first);
        }
    });
}

bool Kubelet::nodeUp(const std::string& node) const {
    const auto it = m_nodes.find(node);
    return it != m_nodes.end() && it->second.machineUp;
}

std::optional<SimTime> Kubelet::lastHeartbeat(const std::string& node) const {
    const auto it = m_nodes.find(node);
    return it == m_nodes.end() ? std::nullopt : it->second.lastHeartbeat;
}

const std::optional<SimTime>* Kubelet::lastHeartbeatOf(const std::string& node) const {
    const auto it = m_nodes.find(node);
    return it == m_nodes.end() ? nullptr : &it->second.lastHeartbeat;
}

void Kubelet::heartbeat(NodeAgents::value_type& node) {
    NodeAgent& agent = node.second;
    if (!agent.machineUp) {
        return; // a dead machine renews nothing; bootNode restarts the loop
    }
    if (m_model.api().available() && agent.connected) {
        agent.lastHeartbeat = m_model.now();
        // The Ready condition's lastHeartbeatTime (status only: no watcher needs it).
        if (NodeObject* object = nodeObject(node)) {
            for (Condition& condition : object->conditions) {
                if (condition.type == "Ready" && condition.status == ConditionStatus::True) {
                    condition.lastUpdateTime = m_model.now();
                }
            }
        }
    }
    m_model.engine().schedule(
        k8s::kNodeStatusUpdateFrequency, [this, &node] { heartbeat(node); }, priority::kLifecycle);
}

// The agent keeps its Node object between renewals; an object is removed or replaced only by a
// change of Nodes (ApiServer::changes), after which it is looked up again.
NodeObject* Kubelet::nodeObject(NodeAgents::value_type& node) {
    NodeAgent& agent = node.second;
    const std::uint64_t changes = m_model.api().changes(ResourceKind::Node);
    if (agent.objectSeen != changes) {
        agent.objectSeen = changes;
        agent.object = m_model.api().nodes().find("", node.first);
    }
    return agent.object;
}

PodObject* Kubelet::findPod(const std::string& podKey) {
    const auto slash = podKey.find('/');
    return m_model.api().pods().find(podKey.substr(0, slash), podKey.substr(slash + 1));
}

void Kubelet::markPodsOf(const std::string& node) {
    if (node.empty()) {
        for (const auto& [key, pod] : m_model.api().pods()) {
            m_dirtyPods.insert(key);
        }
    } else {
        for (std::string& key : m_model.podsByNode().keysOn(node)) {
            m_dirtyPods.insert(std::move(key));
        }
    }
    m_podTrigger.request();
}

// Looks only at the pods whose objects changed since the last sync (the kubelet's pod
// watch), so its work per instant does not grow with the size of the cluster.
void Kubelet::syncPods() {
    if (!m_model.api().available()) {
        return; // the kubelet's watch is broken until the API server returns; dirty pods wait
    }
    const std::set<std::string> dirty = std::move(m_dirtyPods);
    m_dirtyPods.clear();
    std::vector<PodObject*> toStart;
    std::vector<PodObject*> toStop;
    for (const std::string& key : dirty) {
        PodObject* pod = findPod(key);
        const auto run = m_pods.find(key);
        if (pod == nullptr) {
            // Removed from the API while still running here (forced deletion): stop at once.
            if (run != m_pods.end()) {
                killContainers(key, run->second);
                m_pods.erase(run);
            }
            continue;
        }
        if (pod->nodeName.empty() || !reachable(pod->nodeName)) {
            continue; // an unreachable node's pods are looked at again when it is back
        }
        if (isPodTerminating(*pod)) {
            if (run == m_pods.end() || !run->second.stopping) {
                toStop.push_back(pod); // never started here (or node rebooted): just confirm
            }
        } else if (run == m_pods.end() && pod->phase != PodPhaseK8s::Failed) {
            toStart.push_back(pod);
        }
    }
    for (PodObject* pod : toStart) {
        startPod(*pod);
    }
    for (PodObject* pod : toStop) {
        beginStop(*pod);
    }
}

void Kubelet::startPod(PodObject& pod) {
    const std::string key = podKeyOf(pod.meta);
    NodeAgent& agent = m_nodes.at(pod.nodeName);
    PodRun& run = m_pods[key];
    run.node = pod.nodeName;
    run.containers.assign(pod.spec.containers.size(), ContainerRun{});
    if (pod.podIp.empty()) {
        pod.podIp =
            "10.244." + std::to_string(agent.index) + "." + std::to_string(agent.nextPodIp++);
    }
    if (!pod.startTime) {
        pod.startTime = m_model.now();
    }
    for (ContainerStatus& status : pod.containerStatuses) {
        // A pod restarted after its node rebooted counts the lost run as a restart.
        if (status.running || status.terminated) {
            ++status.restartCount;
        }
        status.running.reset();
        status.ready = false;
        status.started = false;
        status.waiting = ContainerStateWaiting{"ContainerCreating", {}};
    }
    setCondition(pod.conditions, "Initialized", ConditionStatus::True, m_model.now());
    refreshPodStatus(pod, run);
    for (std::size_t c = 0; c < run.containers.size(); ++c) {
        pullImage(key, c);
    }
}

void Kubelet::pullImage(const std::string& key, std::size_t c) {
    PodObject* pod = findPod(key);
    PodRun& run = m_pods.at(key);
    NodeObject* node = m_model.api().nodes().find("", run.node);
    const ContainerSpec& container = pod->spec.containers[c];
    const ImagePullPolicy policy = effectivePullPolicy(container);
    const bool cached = node != nullptr && std::find(node->images.begin(), node->images.end(),
                                                     container.image) != node->images.end();
    if (cached && policy != ImagePullPolicy::Always) {
        startContainer(key, c);
        return;
    }
    if (policy == ImagePullPolicy::Never) {
        pod->containerStatuses[c].waiting = ContainerStateWaiting{
            "ErrImageNeverPull",
            "Container image \"" + container.image + "\" is not present with pull policy of Never"};
        m_model.api().updated(ResourceKind::Pod, pod->meta);
        return;
    }
    const std::string backoffKey = ImagePullBackoff::key(pod->meta.uid, container.image);
    const ImagePullDecision gate =
        m_pullBackoff.beforePull(backoffKey, container.image, m_model.now());
    if (gate.state == ImagePullState::ImagePullBackOff) {
        pod->containerStatuses[c].waiting = ContainerStateWaiting{"ImagePullBackOff", gate.message};
        m_model.api().updated(ResourceKind::Pod, pod->meta);
        run.containers[c].pending = m_model.engine().scheduleAt(
            gate.retryAt, [this, key, c] { pullImage(key, c); }, priority::kLifecycle);
        return;
    }
    const ImageSpec* image = m_model.findImage(container.image);
    const Bytes size = image != nullptr ? image->size : Bytes{};
    const double bandwidth =
        static_cast<double>(m_model.scenario().simulation.registry.bandwidthPerSecond.value);
    // A cached image under Always costs only the manifest check; otherwise the layers.
    const SimTime duration =
        cached ? SimTime::milliseconds(100)
               : SimTime::fromSeconds(static_cast<double>(size.value) / std::max(bandwidth, 1.0));
    NodeAgent& agent = m_nodes.at(run.node);
    if (const auto inFlight = agent.pullsInFlight.find(container.image);
        !cached && inFlight != agent.pullsInFlight.end() && inFlight->second > m_model.now()) {
        run.containers[c].stage = ContainerRun::Stage::Pulling;
        run.containers[c].pending = m_model.engine().scheduleAt(
            inFlight->second, [this, key, c] { pullImage(key, c); }, priority::kLifecycle);
        return;
    }
    const SimTime start = std::max(m_model.now(), agent.pullQueueFreeAt);
    agent.pullQueueFreeAt = start + duration;
    if (!cached) {
        agent.pullsInFlight[container.image] = start + duration;
    }
    m_model.record(Component::Kubelet, EventReason::Pulling, ObjectKind::Pod, pod->meta.name,
                   {{"pod", pod->meta.name}, {"image", container.image}, {"node", run.node}});
    run.containers[c].stage = ContainerRun::Stage::Pulling;
    run.containers[c].pending = m_model.engine().scheduleAt(
        start + duration,
        [this, key, c, duration] {
            PodObject* p = findPod(key);
            const auto it = m_pods.find(key);
            if (p == nullptr || it == m_pods.end()) {
                return;
            }
            if (!m_model.registryUp()) {
                pullFailed(key, c);
                return;
            }
            const std::string& pulledImage = p->spec.containers[c].image;
            if (NodeObject* n = m_model.api().nodes().find("", it->second.node)) {
                if (std::find(n->images.begin(), n->images.end(), pulledImage) == n->images.end()) {
                    n->images.push_back(pulledImage);
                }
            }
            m_model.record(Component::Kubelet, EventReason::Pulled, ObjectKind::Pod, p->meta.name,
                           {{"pod", p->meta.name},
                            {"image", pulledImage},
                            {"duration", formatSeconds(duration)}});
            startContainer(key, c);
        },
        priority::kLifecycle);
}

void Kubelet::startContainer(const std::string& key, std::size_t c) {
    PodRun& run = m_pods.at(key);
    run.containers[c].stage = ContainerRun::Stage::Starting;
    // Creating the sandbox and the container: the scenario's podStartupTime.
    run.containers[c].pending = m_model.engine().schedule(
        m_model.scenario().simulation.podStartupTime, [this, key, c] { containerRunning(key, c); },
        priority::kLifecycle);
}

void Kubelet::containerRunning(const std::string& key, std::size_t c) {
    PodObject* pod = findPod(key);
    const auto it = m_pods.find(key);
    if (pod == nullptr || it == m_pods.end()) {
        return;
    }
    PodRun& run = it->second;
    ContainerRun& container = run.containers[c];
    container.stage = ContainerRun::Stage::Running;
    container.pending = {};
    const ImageSpec* image = m_model.findImage(pod->spec.containers[c].image);
    container.servingAt = m_model.now() + (image != nullptr ? image->startupTime : SimTime::zero());
    container.startedAt = m_model.now();
    ContainerStatus& status = pod->containerStatuses[c];
    status.waiting.reset();
    status.running = ContainerStateRunning{m_model.now()};
    const ContainerSpec& spec = pod->spec.containers[c];
    if (spec.readinessProbe || spec.livenessProbe || spec.startupProbe) {
        container.probes.emplace(spec.startupProbe, spec.livenessProbe, spec.readinessProbe,
                                 m_model.now());
        container.probes->containerStarted(m_model.now(), checksFor(*pod, c));
        status.started = container.probes->started();
        status.ready = container.probes->ready();
        scheduleProbeTick(key, c);
    } else {
        // Without probes a running container counts as started and ready at once — even if
        // the program inside is still starting, which is what a missing probe teaches.
        status.started = true;
        status.ready = true;
    }
    if (image != nullptr && image->crashAfter) {
        container.pending = m_model.engine().schedule(
            *image->crashAfter, [this, key, c] { containerExited(key, c, 1, "Error"); },
            priority::kLifecycle);
    }
    m_model.record(Component::Kubelet, EventReason::Started, ObjectKind::Pod, pod->meta.name,
                   {{"pod", pod->meta.name}, {"node", run.node}});
    if (c == 0) {
        m_model.traffic().podStarted(key, run.node);
    }
    refreshPodStatus(*pod, run);
}

void Kubelet::refreshPodStatus(PodObject& pod, PodRun& run) {
    const SimTime now = m_model.now();
    const bool anyRunning =
        std::any_of(run.containers.begin(), run.containers.end(),
                    [](const ContainerRun& c) { return c.stage == ContainerRun::Stage::Running; });
    const bool allReady = std::all_of(pod.containerStatuses.begin(), pod.containerStatuses.end(),
                                      [](const ContainerStatus& s) { return s.ready; });
    // kubelet_pods.go getPhase: a container waiting to restart after it ran counts as
    // stopped, and with restartPolicy Always a pod with stopped containers is Running.
    const bool ranBefore =
        std::any_of(pod.containerStatuses.begin(), pod.containerStatuses.end(),
                    [](const ContainerStatus& s) { return s.lastTerminated.has_value(); });
    pod.phase = anyRunning || ranBefore ? PodPhaseK8s::Running : PodPhaseK8s::Pending;
    const ConditionStatus ready = allReady ? ConditionStatus::True : ConditionStatus::False;
    const std::string reason = allReady ? "" : "ContainersNotReady";
    setCondition(pod.conditions, "ContainersReady", ready, now, reason);
    setCondition(pod.conditions, "Ready", ready, now, reason);
    m_model.api().updated(ResourceKind::Pod, pod.meta);
}

void Kubelet::beginStop(PodObject& pod) {
    const std::string key = podKeyOf(pod.meta);
    auto it = m_pods.find(key);
    if (it == m_pods.end()) {
        // Nothing runs here: confirm the deletion now.
        m_model.traffic().podStopped(key);
        m_model.api().remove(ResourceKind::Pod, pod.meta);
        return;
    }
    PodRun& run = it->second;
    run.stopping = true;
    for (ContainerRun& container : run.containers) {
        m_model.engine().cancel(container.pending);
        m_model.engine().cancel(container.probeTick);
    }
    m_model.record(Component::Kubelet, EventReason::Killing, ObjectKind::Pod, pod.meta.name,
                   {{"pod", pod.meta.name}, {"node", run.node}});
    // The program exits on SIGTERM after finishing in-flight work, at most the grace period.
    const std::int64_t grace =
        pod.spec.terminationGracePeriodSeconds.value_or(k8s::kDefaultTerminationGracePeriodSeconds);
    const SimTime stopAfter = std::min(SimTime::seconds(grace), kShutdownTime);
    run.stopEvent = m_model.engine().schedule(
        stopAfter, [this, key] { finishStop(key); }, priority::kLifecycle);
}

void Kubelet::finishStop(const std::string& key) {
    const auto it = m_pods.find(key);
    if (it == m_pods.end()) {
        return;
    }
    killContainers(key, it->second);
    m_pods.erase(it);
    if (PodObject* pod = findPod(key)) {
        m_model.api().remove(ResourceKind::Pod, pod->meta);
    }
}

void Kubelet::killContainers(const std::string& key, PodRun& run) {
    for (ContainerRun& container : run.containers) {
        m_model.engine().cancel(container.pending);
        m_model.engine().cancel(container.probeTick);
        container.stage = ContainerRun::Stage::Exited;
    }
    m_model.engine().cancel(run.stopEvent);
    m_model.traffic().podStopped(key);
}

bool Kubelet::podServing(const std::string& podKey) const {
    const auto it = m_pods.find(podKey);
    if (it == m_pods.end() || it->second.containers.empty()) {
        return false;
    }
    const ContainerRun& first = it->second.containers.front();
    if (first.stage != ContainerRun::Stage::Running || m_model.now() < first.servingAt ||
        !nodeUp(it->second.node)) {
        return false;
    }
    const auto slash = podKey.find('/');
    const PodObject* pod =
        m_model.api().pods().find(podKey.substr(0, slash), podKey.substr(slash + 1));
    const ImageSpec* image =
        pod == nullptr ? nullptr : m_model.findImage(pod->spec.containers.front().image);
    return image == nullptr || !image->neverReady;
}

bool Kubelet::reachable(const std::string& node) const {
    const auto it = m_nodes.find(node);
    return it != m_nodes.end() && it->second.machineUp && it->second.connected;
}

void Kubelet::setConnected(const std::string& node, bool connected) {
    const auto it = m_nodes.find(node);
    if (it == m_nodes.end() || it->second.connected == connected) {
        return;
    }
    it->second.connected = connected;
    if (connected) {
        markPodsOf(node); // catch up with what changed while cut off
    }
}

ContainerProbes::Checks Kubelet::checksFor(const PodObject& pod, std::size_t c) const {
    // What the program would answer now: a startup/readiness check passes once it serves; a
    // liveness check fails only for a broken release (a hung program).
    const ImageSpec* image = m_model.findImage(pod.spec.containers[c].image);
    const bool broken = image != nullptr && image->neverReady;
    const auto it = m_pods.find(ObjectTable<PodObject>::key(pod.meta.nameSpace, pod.meta.name));
    const bool serving = it != m_pods.end() &&
                         it->second.containers[c].stage == ContainerRun::Stage::Running &&
                         m_model.now() >= it->second.containers[c].servingAt;
    return ContainerProbes::Checks{serving && !broken, !broken, serving && !broken};
}

void Kubelet::scheduleProbeTick(const std::string& key, std::size_t c) {
    ContainerRun& container = m_pods.at(key).containers[c];
    const std::optional<SimTime> next =
        container.probes ? container.probes->nextTick() : std::nullopt;
    if (next) {
        container.probeTick = m_model.engine().scheduleAt(
            std::max(*next, m_model.now()), [this, key, c] { probeTick(key, c); },
            priority::kLifecycle);
    }
}

void Kubelet::probeTick(const std::string& key, std::size_t c) {
    PodObject* pod = findPod(key);
    const auto it = m_pods.find(key);
    if (pod == nullptr || it == m_pods.end() || !reachable(it->second.node)) {
        return;
    }
    ContainerRun& container = it->second.containers[c];
    if (container.stage != ContainerRun::Stage::Running || !container.probes) {
        return;
    }
    const bool wasReady = container.probes->ready();
    const ContainerProbes::Outcome outcome =
        container.probes->tick(m_model.now(), checksFor(*pod, c));
    ContainerStatus& status = pod->containerStatuses[c];
    const std::string& name = pod->spec.containers[c].name;
    if (outcome.restartContainer) {
        m_model.record(
            Component::Kubelet, EventReason::Unhealthy, ObjectKind::Pod, pod->meta.name,
            {{"pod", pod->meta.name},
             {"probe", "liveness"},
             {"message", "Liveness probe failed; container " + name + " will be restarted"}});
        containerExited(key, c, 137, "Error");
        return;
    }
    if (outcome.readyChanged || outcome.startedChanged) {
        if (wasReady && !container.probes->ready()) {
            m_model.record(Component::Kubelet, EventReason::Unhealthy, ObjectKind::Pod,
                           pod->meta.name,
                           {{"pod", pod->meta.name},
                            {"probe", "readiness"},
                            {"message", "Readiness probe failed for container " + name}});
        }
        status.ready = container.probes->ready();
        status.started = container.probes->started();
        refreshPodStatus(*pod, it->second);
    }
    scheduleProbeTick(key, c);
}

void Kubelet::containerExited(const std::string& key, std::size_t c, int exitCode,
                              const std::string& reason) {
    PodObject* pod = findPod(key);
    const auto it = m_pods.find(key);
    if (pod == nullptr || it == m_pods.end()) {
        return;
    }
    ContainerRun& container = it->second.containers[c];
    if (container.stage != ContainerRun::Stage::Running) {
        return;
    }
    m_model.engine().cancel(container.pending);
    m_model.engine().cancel(container.probeTick);
    container.stage = ContainerRun::Stage::Exited;
    if (container.probes) {
        container.probes->containerExited();
    }
    ContainerStatus& status = pod->containerStatuses[c];
    status.lastTerminated =
        ContainerStateTerminated{exitCode, reason, container.startedAt, m_model.now()};
    status.running.reset();
    status.ready = false;
    status.started = false;
    if (c == 0) {
        m_model.traffic().podStopped(key);
    }
    refreshPodStatus(*pod, it->second);
    restartWhenAllowed(key, c);
}

// restartPolicy Always (the only one a Deployment allows): restart under CrashLoopBackOff's
// delays (kuberuntime_manager.go doBackOff).
void Kubelet::restartWhenAllowed(const std::string& key, std::size_t c) {
    PodObject* pod = findPod(key);
    const auto it = m_pods.find(key);
    if (pod == nullptr || it == m_pods.end() || it->second.stopping) {
        return;
    }
    ContainerStatus& status = pod->containerStatuses[c];
    const std::string& name = pod->spec.containers[c].name;
    const SimTime finishedAt =
        status.lastTerminated ? status.lastTerminated->finishedAt : m_model.now();
    const RestartDecision decision = m_crashBackoff.decide(
        containerBackoffKey(pod->meta.name, pod->meta.nameSpace, pod->meta.uid, name,
                            pod->spec.containers[c].image),
        finishedAt, m_model.now(), name,
        formatPodForKubelet(pod->meta.name, pod->meta.nameSpace, pod->meta.uid));
    if (decision.restartNow) {
        ++status.restartCount;
        status.waiting = ContainerStateWaiting{"ContainerCreating", {}};
        m_model.api().updated(ResourceKind::Pod, pod->meta);
        startContainer(key, c);
        return;
    }
    status.waiting = ContainerStateWaiting{"CrashLoopBackOff", decision.message};
    m_model.record(
        Component::Kubelet, EventReason::BackOff, ObjectKind::Pod, pod->meta.name,
        {{"pod", pod->meta.name}, {"message", "Back-off restarting failed container " + name}});
    m_model.api().updated(ResourceKind::Pod, pod->meta);
    it->second.containers[c].pending = m_model.engine().scheduleAt(
        std::max(decision.retryAt, m_model.now()), [this, key, c] { restartWhenAllowed(key, c); },
        priority::kLifecycle);
}

void Kubelet::pullFailed(const std::string& key, std::size_t c) {
    PodObject* pod = findPod(key);
    const auto it = m_pods.find(key);
    if (pod == nullptr || it == m_pods.end()) {
        return;
    }
    const std::string& image = pod->spec.containers[c].image;
    const std::string message =
        "failed to pull image \"" + image + "\": registry unreachable (simulated registry outage)";
    const ImagePullDecision decision = m_pullBackoff.pullFailed(
        ImagePullBackoff::key(pod->meta.uid, image), message, m_model.now());
    m_model.record(Component::Kubelet, EventReason::Failed, ObjectKind::Pod, pod->meta.name,
                   {{"pod", pod->meta.name},
                    {"image", image},
                    {"message", "Failed to pull image \"" + image + "\": registry unreachable"}});
    pod->containerStatuses[c].waiting = ContainerStateWaiting{"ErrImagePull", decision.message};
    m_model.api().updated(ResourceKind::Pod, pod->meta);
    it->second.containers[c].stage = ContainerRun::Stage::Waiting;
    it->second.containers[c].pending = m_model.engine().scheduleAt(
        std::max(decision.retryAt, m_model.now()), [this, key, c] { pullImage(key, c); },
        priority::kLifecycle);
}

void Kubelet::killContainer(const std::string& podName, const std::string& container,
                            const std::string& reason) {
    for (auto& [key, run] : m_pods) {
        const PodObject* pod = findPod(key);
        if (pod == nullptr || pod->meta.name != podName) {
            continue;
        }
        for (std::size_t c = 0; c < run.containers.size(); ++c) {
            if (container.empty() || pod->spec.containers[c].name == container) {
                containerExited(key, c, 137, reason);
            }
        }
        return;
    }
}

void Kubelet::crashNode(const std::string& node) {
    NodeAgent& agent = m_nodes.at(node);
    if (!agent.machineUp) {
        return;
    }
    agent.machineUp = false;
    agent.pullQueueFreeAt = SimTime::zero();
    std::vector<std::string> lost;
    for (auto& [key, run] : m_pods) {
        if (run.node == node) {
            lost.push_back(key);
        }
    }
    for (const std::string& key : lost) {
        killContainers(key, m_pods.at(key));
        m_pods.erase(key);
    }
}

void Kubelet::bootNode(const std::string& node) {
    NodeAgent& agent = m_nodes.at(node);
    if (agent.machineUp) {
        return;
    }
    agent.machineUp = true;
    heartbeat(*m_nodes.find(node));
    markPodsOf(node);
}

} // namespace cnsim
