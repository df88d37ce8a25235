#include "model/metricsserver.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
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
    m_nextPoints.clear();
    m_nextContainers.clear();
    std::size_t kept = 0;
    for (const auto& [key, pod] : m_model.api().pods()) {
        int order = 1; // m_podState[kept].key against key
        while (kept < m_podState.size() && (order = m_podState[kept].key.compare(key)) < 0) {
            ++kept; // its pod is gone
        }
        const bool here = kept < m_podState.size() && order == 0;
        if (pod.phase != PodPhaseK8s::Running || pod.nodeName.empty()) {
            continue;
        }
        const ContainerSlot* before = nullptr;
        if (here) {
            m_nextPodState.push_back(std::move(m_podState[kept]));
            m_nextCpuTotals.push_back(m_cpuTotals[kept]);
            m_nextPoints.push_back(m_points[kept]);
            before = m_containers.data() + m_points[kept].first;
            ++kept;
        } else if (!startFollowing(key, pod)) {
            continue; // no container started yet
        }
        // The same name may be a new object: its metrics entry is named again.
        if (readPodObject(m_nextPodState.back(), pod)) {
            m_nextPoints.back().named = false;
        }
        placeContainers(m_nextPodState.back(), m_nextPoints.back(), before);
    }
    m_podState.swap(m_nextPodState);
    m_cpuTotals.swap(m_nextCpuTotals);
    m_points.swap(m_nextPoints);
    m_containers.swap(m_nextContainers);
    m_podMetricsLinked = false;
}

// Appends the new pod's state, CPU totals and points; false while the traffic model has not
// seen its program.
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
    PodPoints& points = m_nextPoints.emplace_back();
    points.station = traffic.podStation(key);
    points.node = nodeStateOf(pod.nodeName);
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
// images are read again whenever its resourceVersion moved. True when it did.
bool MetricsServer::readPodObject(PodState& state, const PodObject& pod) const {
    state.pod = &pod;
    if (state.podVersion == pod.meta.resourceVersion) {
        return false;
    }
    state.podVersion = pod.meta.resourceVersion;
    state.idleMemory.clear();
    for (const ContainerSpec& container : pod.spec.containers) {
        const ImageSpec* image = m_model.findImage(container.image);
        state.idleMemory.push_back(image != nullptr ? image->idleMemory : Bytes{});
    }
    return true;
}

// Gives the pod its containers at the end of m_nextContainers, with its points' values from
// `before` (its slots in m_containers; nullptr for a new pod). There is room for the pod
// object's containers and for those of both points, which differ only after a new object.
void MetricsServer::placeContainers(const PodState& state, PodPoints& points,
                                    const ContainerSlot* before) {
    const auto idle = static_cast<std::uint32_t>(state.idleMemory.size());
    const std::uint32_t room = std::max({idle, points.latestCount, points.scrapedCount});
    const auto first = static_cast<std::uint32_t>(m_nextContainers.size());
    m_nextContainers.resize(first + room);
    ContainerSlot* slots = m_nextContainers.data() + first;
    if (before != nullptr) {
        std::copy(before, before + std::min(points.room, room), slots);
    }
    for (std::uint32_t c = 0; c < idle; ++c) {
        slots[c].idleMemory = state.idleMemory[c];
    }
    points.first = first;
    points.room = room;
    points.idleCount = idle;
}

std::uint32_t MetricsServer::nodeStateOf(const std::string& name) {
    const auto [it, added] =
        m_nodeStateIndex.try_emplace(name, static_cast<std::uint32_t>(m_nodeState.size()));
    if (added) {
        m_nodeState.emplace_back().name = name;
    }
    return it->second;
}

void MetricsServer::followNodes() {
    const TrafficModel& traffic = m_model.traffic();
    m_nodeSlots.clear();
    for (const auto& [key, node] : m_model.api().nodes()) {
        m_nodeSlots.push_back(
            NodeSlot{&node, nodeStateOf(node.meta.name), traffic.nodeIndex(node.meta.name)});
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
    // The traffic model's array through a plain pointer: read through its vector, it was read
    // again after every total stored.
    const TrafficModel::PodCpu* podCpu = traffic.podCpu().data();
    for (CpuTotals& cpu : m_cpuTotals) {
        cpu.cumulativeCpu += podCpu[cpu.cpuIndex].lastSecondCores;
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
    for (NodeState& node : m_nodeState) {
        node.podMemory = Bytes{};
    }
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        recordPodPoint(m_points[i], m_cpuTotals[i], now);
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
void MetricsServer::recordPodPoint(PodPoints& points, const CpuTotals& cpu, SimTime now) {
    points.hasLatest = true;
    points.latestTime = now;
    if (points.latestCount != points.idleCount) {
        points.latestCount = points.idleCount;
        points.named = false; // its entry lists the point's containers
    }
    const std::uint32_t containers = points.idleCount;
    const std::size_t others = containers > 1 ? containers - 1 : 1;
    ContainerSlot* slots = m_containers.data() + points.first;
    Bytes& nodeMemory = m_nodeState[points.node].podMemory;
    for (std::uint32_t c = 0; c < containers; ++c) {
        ContainerPoint& container = slots[c].latest;
        container.memory = slots[c].idleMemory;
        if (c == 0) {
            // The traffic model runs the first container, and requests in the pod hold memory.
            container.cpuSeconds = cpu.cumulativeCpu;
            container.memory += m_model.traffic().stationRequestMemory(points.station);
        } else {
            container.cpuSeconds = cpu.cumulativeIdle / static_cast<double>(others);
        }
        nodeMemory += container.memory;
    }
}

void MetricsServer::recordNodePoint(NodeSlot& slot, SimTime now) {
    NodeState& state = m_nodeState[slot.state];
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
    // Each pod's metrics entry is a map node of its own with its containers elsewhere on the
    // heap: asking for both a few pods ahead hides most of the two cache misses per pod.
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        if (i + kAhead < m_points.size()) {
            if (const PodMetrics* next = m_points[i + kAhead].metrics) {
                __builtin_prefetch(&next->timestamp);
                __builtin_prefetch(&next->requestsInFlight);
            }
        }
        if (i + kAhead / 2 < m_points.size()) {
            if (const PodMetrics* next = m_points[i + kAhead / 2].metrics) {
                __builtin_prefetch(next->containers.data());
            }
        }
        scrapePod(m_podState[i], m_points[i]);
    }
    for (NodeState& state : m_nodeState) {
        scrapeNode(state);
    }
    scrapeServices(now);
    m_lastScrape = now;
}

// After pods changed: drops the metrics of pods no longer followed and points each state at its
// pod's metrics. m_pods and m_podState are both in key order, so this is a merge.
void MetricsServer::linkPodMetrics() {
    auto metrics = m_pods.begin();
    for (std::size_t i = 0; i < m_podState.size(); ++i) {
        const std::string& key = m_podState[i].key;
        while (metrics != m_pods.end() && metrics->first < key) {
            metrics = m_pods.erase(metrics);
            ++m_podEntriesVersion;
        }
        const bool listed = metrics != m_pods.end() && metrics->first == key;
        PodMetrics* entry = listed ? &(metrics++)->second : nullptr;
        // An entry stays named while it is the same entry of the same pod object (followPods
        // clears `named` when the object is new).
        if (m_points[i].metrics != entry) {
            m_points[i].metrics = entry;
            m_points[i].named = false;
        }
    }
    if (metrics != m_pods.end()) {
        m_pods.erase(metrics, m_pods.end());
        ++m_podEntriesVersion;
    }
    m_podMetricsLinked = true;
}

// The scraped point becomes the newest one, whether or not it gave a rate.
void MetricsServer::scrapePod(const PodState& state, PodPoints& points) {
    if (!points.hasLatest) {
        return;
    }
    if (points.hasScraped && points.latestTime > points.scrapedTime &&
        points.scrapedCount == points.latestCount) {
        if (points.metrics == nullptr) {
            points.metrics = &m_pods[state.key];
            ++m_podEntriesVersion;
        }
        if (!points.named) {
            namePodMetrics(*points.metrics, state, points);
            points.named = true;
        }
        fillPodMetrics(*points.metrics, points);
    } else if (points.metrics != nullptr) {
        points.metrics->requestsInFlight =
            m_model.traffic().stationRequestsInFlight(points.station);
    }
    points.hasScraped = true;
    points.scrapedTime = points.latestTime;
    points.scrapedCount = points.latestCount;
    ContainerSlot* slots = m_containers.data() + points.first;
    for (std::uint32_t c = 0; c < points.latestCount; ++c) {
        slots[c].scraped = slots[c].latest;
    }
}

// What stays the same while the pod object does: reading the pod object is a cache miss per
// pod, so a scrape does it only for new entries and after pods changed.
void MetricsServer::namePodMetrics(PodMetrics& metrics, const PodState& state,
                                   const PodPoints& points) const {
    metrics.nameSpace = state.nameSpace;
    metrics.name.assign(state.key, state.key.find('/') + 1);
    metrics.node = state.node;
    metrics.containers.resize(points.latestCount);
    for (std::size_t c = 0; c < metrics.containers.size(); ++c) {
        metrics.containers[c].name = state.pod->spec.containers[c].name;
    }
}

// The rate between the last two points, into an entry namePodMetrics named.
void MetricsServer::fillPodMetrics(PodMetrics& metrics, const PodPoints& points) const {
    const double seconds = (points.latestTime - points.scrapedTime).toSeconds();
    metrics.timestamp = points.latestTime;
    metrics.window = points.latestTime - points.scrapedTime;
    const ContainerSlot* slots = m_containers.data() + points.first;
    for (std::size_t c = 0; c < metrics.containers.size(); ++c) {
        const double used = slots[c].latest.cpuSeconds - slots[c].scraped.cpuSeconds;
        metrics.containers[c].cpuMilli = toMilli(std::max(used, 0.0) / seconds);
        metrics.containers[c].memory = slots[c].latest.memory;
    }
    metrics.requestsInFlight = m_model.traffic().stationRequestsInFlight(points.station);
}

// A node is listed only while this scrape gives it a rate.
void MetricsServer::scrapeNode(NodeState& state) {
    const bool rate =
        state.latest && state.lastScraped && state.latest->time > state.lastScraped->time;
    if (!rate) {
        if (state.metrics != nullptr) {
            m_nodes.erase(state.name);
            state.metrics = nullptr;
        }
        state.lastScraped = state.latest;
        return;
    }
    const NodePoint& latest = *state.latest;
    const NodePoint& before = *state.lastScraped;
    if (state.metrics == nullptr) {
        state.metrics = &m_nodes[state.name];
    }
    NodeMetrics& metrics = *state.metrics;
    metrics.name = state.name;
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
