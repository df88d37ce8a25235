#include "model/metricsserver.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <cmath>

namespace cnsim {

namespace {

// After the per-second metrics sample (which brings the traffic model's CPU accounting to
// now), so each second's CPU is read once it is complete.
constexpr EventPriority kMetricsServerPriority = priority::kMetrics + 1;
constexpr SimTime kSecond = SimTime::seconds(1);

std::int64_t toMilli(double cores) {
    return static_cast<std::int64_t>(std::llround(cores * 1000.0));
}

} // namespace

std::int64_t MetricsServer::PodMetrics::cpuMilli() const {
    std::int64_t total = 0;
    for (const ContainerUsage& c : containers) {
        total += c.cpuMilli;
    }
    return total;
}

Bytes MetricsServer::PodMetrics::memory() const {
    Bytes total;
    for (const ContainerUsage& c : containers) {
        total += c.memory;
    }
    return total;
}

MetricsServer::MetricsServer(SimulationModel& model) : m_model(model) {}

void MetricsServer::start() {
    if (m_running) {
        return;
    }
    m_running = true;
    // The next whole second: the traffic model's CPU is accounted per whole second.
    const std::int64_t us = m_model.now().toMicroseconds();
    const std::int64_t second = kSecond.toMicroseconds();
    const SimTime first = SimTime::microseconds((us / second + 1) * second);
    m_nextHousekeeping = first;
    m_nextScrape = first;
    if (first <= m_model.endTime()) {
        m_model.engine().scheduleAt(
            first, [this] { everySecond(); }, kMetricsServerPriority);
    }
}

// One pass over the pods and the kept states, both in key order (a merge, so it costs no
// lookups at 10,000 pods): running pods whose program the traffic model has seen get a state;
// pods that stopped running lose their kubelet stats. Runs only when pods changed.
void MetricsServer::followPods() {
    const ApiServer& api = m_model.api();
    const TrafficModel& traffic = m_model.traffic();
    auto state = m_podState.begin();
    for (const auto& [key, pod] : api.pods()) {
        while (state != m_podState.end() && state->first < key) {
            state = m_podState.erase(state); // its pod is gone
        }
        const bool here = state != m_podState.end() && state->first == key;
        if (pod.phase != PodPhaseK8s::Running || pod.nodeName.empty()) {
            if (here) {
                state = m_podState.erase(state);
            }
            continue;
        }
        if (here) {
            state->second.pod = &pod; // the same name may be a new object
        }
        if (!here) {
            const std::size_t cpuIndex = traffic.podCpuIndex(key);
            if (cpuIndex == TrafficModel::kNone) {
                continue; // no container started yet
            }
            state = m_podState.emplace_hint(state, key, PodState{});
            state->second.nameSpace = pod.meta.nameSpace;
            state->second.node = pod.nodeName;
            state->second.cpuIndex = cpuIndex;
            state->second.pod = &pod;
            for (std::size_t c = 1; c < pod.spec.containers.size(); ++c) {
                if (const ImageSpec* image = m_model.findImage(pod.spec.containers[c].image)) {
                    state->second.idleCores += image->idleCpu.cores();
                }
            }
        }
        ++state;
    }
    m_podState.erase(state, m_podState.end());
    m_active.clear();
    for (auto& [key, s] : m_podState) {
        m_active.push_back(&s);
    }
}

void MetricsServer::everySecond() {
    const SimTime now = m_model.now();
    const TrafficModel& traffic = m_model.traffic();
    const std::uint64_t podChanges = m_model.api().changes(ResourceKind::Pod);
    if (podChanges != m_seenPodChanges || traffic.podCpu().size() != m_seenPodCpuSlots) {
        m_seenPodChanges = podChanges;
        m_seenPodCpuSlots = traffic.podCpu().size();
        followPods();
    }
    // The kubelet's stats: each running pod's second of CPU, and its other containers' idle.
    for (PodState* s : m_active) {
        s->cumulativeCpu += traffic.podCpu()[s->cpuIndex].lastSecondCores;
        s->cumulativeIdle += s->idleCores * kSecond.toSeconds();
    }
    if (now >= m_nextHousekeeping) {
        housekeeping();
        m_nextHousekeeping = m_nextHousekeeping + k8s::kKubeletHousekeepingInterval;
    }
    if (now >= m_nextScrape) {
        scrape();
        m_nextScrape = m_nextScrape + k8s::kMetricsServerResolution;
    }
    if (now + kSecond <= m_model.endTime()) {
        m_model.engine().schedule(
            kSecond, [this] { everySecond(); }, kMetricsServerPriority);
    }
}

Bytes MetricsServer::podMemory(const std::string& key, const PodObject& pod,
                               std::size_t container) const {
    const ImageSpec* image = m_model.findImage(pod.spec.containers[container].image);
    Bytes memory = image != nullptr ? image->idleMemory : Bytes{};
    if (container != 0) {
        return memory;
    }
    // Requests in the pod hold memory, as the traffic model counts it.
    return memory + m_model.traffic().requestMemory(key);
}

void MetricsServer::housekeeping() {
    const SimTime now = m_model.now();
    std::map<std::string, Bytes> nodeMemory;
    for (auto& [key, state] : m_podState) {
        Point point;
        point.time = now;
        const std::size_t containers = state.pod->spec.containers.size();
        const std::size_t others = containers > 1 ? containers - 1 : 1;
        Bytes& onNode = nodeMemory[state.node];
        for (std::size_t c = 0; c < containers; ++c) {
            // The traffic model runs the first container; the others only idle.
            point.containerCpuSeconds.push_back(
                c == 0 ? state.cumulativeCpu : state.cumulativeIdle / static_cast<double>(others));
            point.containerMemory.push_back(podMemory(key, *state.pod, c));
            onNode += point.containerMemory.back();
        }
        point.cpuSeconds = state.cumulativeCpu + state.cumulativeIdle;
        state.latest = std::move(point);
    }
    for (const auto& [key, node] : m_model.api().nodes()) {
        NodeState& state = m_nodeState[node.meta.name];
        if (!isNodeReady(node)) {
            state.latest.reset();
            continue;
        }
        Point point;
        point.time = now;
        point.cpuSeconds = m_model.traffic().nodeCpuTotalSeconds(node.meta.name);
        point.containerMemory.push_back(nodeMemory[node.meta.name]);
        state.latest = std::move(point);
    }
}

void MetricsServer::scrape() {
    const SimTime now = m_model.now();
    for (auto it = m_pods.begin(); it != m_pods.end();) {
        it = m_podState.count(it->first) == 0 ? m_pods.erase(it) : std::next(it);
    }
    for (auto& [key, state] : m_podState) {
        if (!state.latest) {
            continue;
        }
        const Point& latest = *state.latest;
        if (state.lastScraped && latest.time > state.lastScraped->time &&
            state.lastScraped->containerCpuSeconds.size() == latest.containerCpuSeconds.size()) {
            const Point& before = *state.lastScraped;
            const double seconds = (latest.time - before.time).toSeconds();
            PodMetrics metrics;
            metrics.nameSpace = state.nameSpace;
            metrics.name = key.substr(key.find('/') + 1);
            metrics.node = state.node;
            metrics.timestamp = latest.time;
            metrics.window = latest.time - before.time;
            const PodObject* pod = state.pod;
            for (std::size_t c = 0; c < latest.containerCpuSeconds.size(); ++c) {
                const double used = latest.containerCpuSeconds[c] - before.containerCpuSeconds[c];
                metrics.containers.push_back(ContainerUsage{pod->spec.containers[c].name,
                                                            toMilli(std::max(used, 0.0) / seconds),
                                                            latest.containerMemory[c]});
            }
            metrics.requestsInFlight = m_model.traffic().requestsInFlight(key);
            m_pods[key] = std::move(metrics);
        } else if (auto found = m_pods.find(key); found != m_pods.end()) {
            found->second.requestsInFlight = m_model.traffic().requestsInFlight(key);
        }
        state.lastScraped = latest;
    }
    m_nodes.clear();
    for (auto& [name, state] : m_nodeState) {
        if (!state.latest) {
            state.lastScraped.reset();
            continue;
        }
        if (state.lastScraped && state.latest->time > state.lastScraped->time) {
            const double seconds = (state.latest->time - state.lastScraped->time).toSeconds();
            NodeMetrics metrics;
            metrics.name = name;
            metrics.timestamp = state.latest->time;
            metrics.window = state.latest->time - state.lastScraped->time;
            metrics.cpuMilli = toMilli(
                std::max(state.latest->cpuSeconds - state.lastScraped->cpuSeconds, 0.0) / seconds);
            metrics.memory = state.latest->containerMemory.front();
            m_nodes[name] = metrics;
        }
        state.lastScraped = state.latest;
    }
    const TrafficModel& traffic = m_model.traffic();
    for (std::size_t i = 0; i < traffic.serviceNames().size(); ++i) {
        const std::string& name = traffic.serviceNames()[i];
        const TrafficCounters& counters = traffic.serviceCounters(i);
        const auto previous = m_lastArrivals.find(name);
        if (previous != m_lastArrivals.end() && m_lastScrape && now > *m_lastScrape) {
            ServiceMetrics& metrics = m_services[name];
            metrics.requestsPerSecond = static_cast<double>(counters.arrivals - previous->second) /
                                        (now - *m_lastScrape).toSeconds();
            metrics.requestsInFlight = counters.inFlight;
            metrics.queueLength = counters.queued;
        }
        m_lastArrivals[name] = counters.arrivals;
    }
    m_lastScrape = now;
}

} // namespace cnsim
