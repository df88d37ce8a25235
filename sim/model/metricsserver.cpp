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
    m_nextPodState.clear();
    m_nextCpuTotals.clear();
    std::size_t kept = 0;
    for (const auto& [key, pod] : m_model.api().pods()) {
        while (kept < m_podState.size() && m_podState[kept].key < key) {
            ++kept; // its pod is gone
        }
        const bool here = kept < m_podState.size() && m_podState[kept].key == key;
        if (pod.phase != PodPhaseK8s::Running || pod.nodeName.empty()) {
            continue;
        }
        if (here) {
            m_nextPodState.push_back(std::move(m_podState[kept]));
            m_nextCpuTotals.push_back(m_cpuTotals[kept]);
            ++kept;
        } else if (!startFollowing(key, pod)) {
            continue; // no container started yet
        }
        readPodObject(m_nextPodState.back(), pod); // the same name may be a new object
    }
    m_podState.swap(m_nextPodState);
    m_cpuTotals.swap(m_nextCpuTotals);
    m_podMetricsLinked = false;
}

// Appends the new pod's state and CPU totals; false while the traffic model has not seen its
// program.
bool MetricsServer::startFollowing(const std::string& key, const PodObject& pod) {
    const TrafficModel& traffic = m_model.traffic();
    const std::size_t cpuIndex = traffic.podCpuIndex(key);
    if (cpuIndex == TrafficModel::kNone) {
        return false;
    }
    PodState& state = m_nextPodState.emplace_back();
    state.key = key;
    state.nameSpace = pod.meta.nameSpace;
    state.node = pod.nodeName;
    state.station = traffic.podStation(key);
    state.nodeState = &m_nodeState[pod.nodeName];
    CpuTotals& cpu = m_nextCpuTotals.emplace_back();
    cpu.cpuIndex = cpuIndex;
    for (std::size_t c = 1; c < pod.spec.containers.size(); ++c) {
        if (const ImageSpec* image = m_model.findImage(pod.spec.containers[c].image)) {
            cpu.idleCores += image->idleCpu.cores();
        }
    }
    return true;
}

// A pod's containers never change, but a pod of the same name may be a new object: its
// images are read again whenever its resourceVersion moved.
void MetricsServer::readPodObject(PodState& state, const PodObject& pod) const {
    state.pod = &pod;
    if (state.podVersion == pod.meta.resourceVersion) {
        return;
    }
    state.podVersion = pod.meta.resourceVersion;
    state.idleMemory.clear();
    for (const ContainerSpec& container : pod.spec.containers) {
        const ImageSpec* image = m_model.findImage(container.image);
        state.idleMemory.push_back(image != nullptr ? image->idleMemory : Bytes{});
    }
}

void MetricsServer::followNodes() {
    const TrafficModel& traffic = m_model.traffic();
    m_nodeSlots.clear();
    for (const auto& [key, node] : m_model.api().nodes()) {
        m_nodeSlots.push_back(
            NodeSlot{&node, &m_nodeState[node.meta.name], traffic.nodeIndex(node.meta.name)});
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
    for (CpuTotals& cpu : m_cpuTotals) {
        cpu.cumulativeCpu += traffic.podCpu()[cpu.cpuIndex].lastSecondCores;
        cpu.cumulativeIdle += cpu.idleCores * kSecond.toSeconds();
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

void MetricsServer::housekeeping() {
    const SimTime now = m_model.now();
    for (auto& [name, node] : m_nodeState) {
        node.podMemory = Bytes{};
    }
    for (std::size_t i = 0; i < m_podState.size(); ++i) {
        recordPodPoint(m_podState[i], m_cpuTotals[i], now);
    }
    if (const std::uint64_t nodeChanges = m_model.api().changes(ResourceKind::Node);
        nodeChanges != m_seenNodeChanges) {
        m_seenNodeChanges = nodeChanges;
        followNodes();
    }
    for (NodeSlot& slot : m_nodeSlots) {
        recordNodePoint(slot, now);
    }
}

// Also adds the pod's memory to its node's.
void MetricsServer::recordPodPoint(PodState& state, const CpuTotals& cpu, SimTime now) const {
    PodPoint& point = state.latest ? *state.latest : state.latest.emplace();
    point.time = now;
    const std::size_t containers = state.idleMemory.size();
    const std::size_t others = containers > 1 ? containers - 1 : 1;
    point.containers.resize(containers);
    for (std::size_t c = 0; c < containers; ++c) {
        ContainerPoint& container = point.containers[c];
        container.memory = state.idleMemory[c];
        if (c == 0) {
            // The traffic model runs the first container, and requests in the pod hold memory.
            container.cpuSeconds = cpu.cumulativeCpu;
            container.memory += m_model.traffic().stationRequestMemory(state.station);
        } else {
            container.cpuSeconds = cpu.cumulativeIdle / static_cast<double>(others);
        }
        state.nodeState->podMemory += container.memory;
    }
}

void MetricsServer::recordNodePoint(NodeSlot& slot, SimTime now) const {
    NodeState& state = *slot.state;
    if (!isNodeReady(*slot.node)) {
        state.latest.reset();
        return;
    }
    const TrafficModel& traffic = m_model.traffic();
    if (slot.trafficNode == TrafficModel::kNone) {
        slot.trafficNode = traffic.nodeIndex(slot.node->meta.name); // it may have joined since
    }
    state.latest = NodePoint{now, traffic.nodeCpuTotalSeconds(slot.trafficNode), state.podMemory};
}

void MetricsServer::scrape() {
    const SimTime now = m_model.now();
    if (!m_podMetricsLinked) {
        linkPodMetrics();
    }
    for (PodState& state : m_podState) {
        scrapePod(state);
    }
    for (auto& [name, state] : m_nodeState) {
        scrapeNode(name, state);
    }
    scrapeServices(now);
    m_lastScrape = now;
}

// After pods changed: drops the metrics of pods no longer followed and points each state at its
// pod's metrics. m_pods and m_podState are both in key order, so this is a merge.
void MetricsServer::linkPodMetrics() {
    auto metrics = m_pods.begin();
    for (PodState& state : m_podState) {
        while (metrics != m_pods.end() && metrics->first < state.key) {
            metrics = m_pods.erase(metrics);
            ++m_podEntriesVersion;
        }
        const bool listed = metrics != m_pods.end() && metrics->first == state.key;
        state.metrics = listed ? &(metrics++)->second : nullptr;
        state.named = false; // the pod object may be new
    }
    if (metrics != m_pods.end()) {
        m_pods.erase(metrics, m_pods.end());
        ++m_podEntriesVersion;
    }
    m_podMetricsLinked = true;
}

void MetricsServer::scrapePod(PodState& state) {
    if (!state.latest) {
        return;
    }
    const PodPoint& latest = *state.latest;
    if (state.lastScraped && latest.time > state.lastScraped->time &&
        state.lastScraped->containers.size() == latest.containers.size()) {
        if (state.metrics == nullptr) {
            state.metrics = &m_pods[state.key];
            ++m_podEntriesVersion;
        }
        if (!state.named) {
            namePodMetrics(*state.metrics, state);
            state.named = true;
        }
        fillPodMetrics(*state.metrics, state);
    } else if (state.metrics != nullptr) {
        state.metrics->requestsInFlight = m_model.traffic().stationRequestsInFlight(state.station);
    }
    state.lastScraped = latest; // copies into the previous point's storage
}

// What stays the same while the pod object does: reading the pod object is a cache miss per
// pod, so a scrape does it only for new entries and after pods changed.
void MetricsServer::namePodMetrics(PodMetrics& metrics, const PodState& state) const {
    metrics.nameSpace = state.nameSpace;
    metrics.name.assign(state.key, state.key.find('/') + 1);
    metrics.node = state.node;
    metrics.containers.resize(state.latest->containers.size());
    for (std::size_t c = 0; c < metrics.containers.size(); ++c) {
        metrics.containers[c].name = state.pod->spec.containers[c].name;
    }
}

// The rate between the last two points, into an entry namePodMetrics named.
void MetricsServer::fillPodMetrics(PodMetrics& metrics, const PodState& state) const {
    const PodPoint& latest = *state.latest;
    const PodPoint& before = *state.lastScraped;
    const double seconds = (latest.time - before.time).toSeconds();
    metrics.timestamp = latest.time;
    metrics.window = latest.time - before.time;
    for (std::size_t c = 0; c < metrics.containers.size(); ++c) {
        const double used = latest.containers[c].cpuSeconds - before.containers[c].cpuSeconds;
        metrics.containers[c].cpuMilli = toMilli(std::max(used, 0.0) / seconds);
        metrics.containers[c].memory = latest.containers[c].memory;
    }
    metrics.requestsInFlight = m_model.traffic().stationRequestsInFlight(state.station);
}

// A node is listed only while this scrape gives it a rate.
void MetricsServer::scrapeNode(const std::string& name, NodeState& state) {
    const bool rate =
        state.latest && state.lastScraped && state.latest->time > state.lastScraped->time;
    if (!rate) {
        if (state.metrics != nullptr) {
            m_nodes.erase(name);
            state.metrics = nullptr;
        }
        state.lastScraped = state.latest;
        return;
    }
    const NodePoint& latest = *state.latest;
    const NodePoint& before = *state.lastScraped;
    if (state.metrics == nullptr) {
        state.metrics = &m_nodes[name];
    }
    NodeMetrics& metrics = *state.metrics;
    metrics.name = name;
    metrics.timestamp = latest.time;
    metrics.window = latest.time - before.time;
    metrics.cpuMilli = toMilli(std::max(latest.cpuSeconds - before.cpuSeconds, 0.0) /
                               (latest.time - before.time).toSeconds());
    metrics.memory = latest.memory;
    state.lastScraped = state.latest;
}

void MetricsServer::scrapeServices(SimTime now) {
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
}

} // namespace cnsim
