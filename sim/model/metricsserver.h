#pragma once

// MetricsServer: the resource metrics pipeline as a cluster runs it, with its lag.
//
//   kubelet (cAdvisor): every kKubeletHousekeepingInterval (10 s) each running pod's containers
//     get a stats point: cumulative CPU core-seconds and the memory working set now.
//   metrics-server: every kMetricsServerResolution (15 s) it scrapes every kubelet's latest
//     points; a pod's CPU is the rate between the points of this scrape and the previous one
//     (timestamp = the newer point, window = the time between them), so a pod needs two
//     scrapes before it has metrics. Nodes likewise.
//   custom / external metrics adapter: at the same scrape, per pod `requests_in_flight`, per
//     Service `requests_per_second` (arrivals between scrapes), `requests_in_flight` and
//     `queue_length` (docs/scenario-format.md names the set).
//
// The HPA controller and `kubectl top` read the last scrape. CPU comes from the traffic model's
// per-pod accounting (busy + the image's idleCpu), read once a second after the metrics
// sample; memory is the image's idleMemory plus requests in the pod × memoryPerRequest of the
// pod's Service (simulation.services). It runs only once started (the first HPA starts it),
// so runs without an HPA process exactly the events they did before.
//
// Cost: the per-second CPU sums, each housekeeping and each scrape are passes over the kept
// states with no lookup by name and no allocation per pod or node. What they read (the traffic
// model's slots, the images, each pod's node, each pod's entry in pods() and its names) is
// resolved again only after pods or nodes changed (ApiServer::changes).

#include "engine/simtime.h"
#include "scenario/units.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct NodeObject;
struct PodObject;

class MetricsServer {
public:
    struct ContainerUsage {
        std::string name;
        std::int64_t cpuMilli = 0;
        Bytes memory;
    };
    struct PodMetrics {
        std::string nameSpace;
        std::string name;
        std::string node;
        SimTime timestamp; // the kubelet point the rate ends at
        SimTime window;    // time between the two points
        std::vector<ContainerUsage> containers;
        std::int64_t cpuMilli() const;
        Bytes memory() const;
        std::int64_t requestsInFlight = 0; // custom metric, sampled at the scrape
    };
    struct NodeMetrics {
        std::string name;
        SimTime timestamp;
        SimTime window;
        std::int64_t cpuMilli = 0;
        Bytes memory;
    };
    struct ServiceMetrics {
        double requestsPerSecond = 0.0;
        std::int64_t requestsInFlight = 0;
        std::int64_t queueLength = 0;
    };

    explicit MetricsServer(SimulationModel& model);

    // Starts the kubelet points and the scrapes (from the next whole second); idempotent.
    void start();
    bool running() const { return m_running; }

    std::optional<SimTime> lastScrape() const { return m_lastScrape; }
    // Keyed "namespace/name"; only pods and nodes with a rate (two points) are listed.
    const std::map<std::string, PodMetrics>& pods() const { return m_pods; }
    // Changes whenever an entry of pods() is added or removed, so a reader may keep pointers to
    // the entries it found (their values change in place at every scrape) until it does.
    std::uint64_t podEntriesVersion() const { return m_podEntriesVersion; }
    const std::map<std::string, NodeMetrics>& nodes() const { return m_nodes; }
    // By Service name, in the traffic model's Services; absent before the second scrape.
    const std::map<std::string, ServiceMetrics>& services() const { return m_services; }

private:
    struct ContainerPoint {
        double cpuSeconds = 0.0; // cumulative core-seconds
        Bytes memory;            // working set
    };
    // One container of a followed pod in m_containers: its image's idle memory, its stats in
    // the kubelet's newest point and in the point the previous scrape read.
    struct ContainerSlot {
        Bytes idleMemory;
        ContainerPoint latest;
        ContainerPoint scraped;
    };
    // What every housekeeping and scrape reads of a followed pod, kept apart from PodState
    // (same index) with its containers in one flat array, so that both passes walk memory in
    // order. Points are overwritten in place: the steady state allocates nothing.
    struct PodPoints {
        std::uint32_t first = 0; // its containers in m_containers
        std::uint32_t room = 0;  // containers of room there
        std::uint32_t idleCount = 0;    // the pod object's containers (ContainerSlot::idleMemory)
        std::uint32_t latestCount = 0;  // containers in the newest point
        std::uint32_t scrapedCount = 0; // containers in the scraped point
        std::uint32_t station = 0;      // TrafficModel::podStation()
        std::uint32_t node = 0;         // in m_nodeState
        bool hasLatest = false;
        bool hasScraped = false;
        // `metrics` is its entry in m_pods, set by linkPodMetrics; `named` while the entry's names
        // and containers are those of the pod object and of the newest point.
        bool named = false;
        SimTime latestTime;
        SimTime scrapedTime;
        PodMetrics* metrics = nullptr;
    };
    struct NodePoint {
        SimTime time;
        double cpuSeconds = 0.0; // cumulative core-seconds
        Bytes memory;            // its pods' working sets
    };
    struct NodeState {
        std::string name;
        std::optional<NodePoint> latest;
        std::optional<NodePoint> lastScraped;
        Bytes podMemory;                // summed over its pods during a housekeeping
        NodeMetrics* metrics = nullptr; // its entry in m_nodes, while it has one
    };
    // A running pod the kubelet keeps stats for. Everything a housekeeping or a scrape reads is
    // resolved when the pods change, so neither looks anything up by name.
    struct PodState {
        std::string key; // "namespace/name"
        std::string nameSpace;
        std::string node;
        const PodObject* pod = nullptr; // the API's object, refreshed whenever pods change
        std::uint64_t podVersion = 0;   // pod's resourceVersion when idleMemory was read
        std::vector<Bytes> idleMemory;  // per container: its image's idleMemory
    };
    // A pod's CPU as its kubelet sums it every second; kept apart from PodState (same index)
    // so that the per-second pass over every pod reads 32 bytes each.
    struct CpuTotals {
        std::size_t cpuIndex = 0;    // in TrafficModel::podCpu()
        double idleCores = 0.0;      // the other containers' idleCpu
        double cumulativeCpu = 0.0;  // the first container's, core-seconds
        double cumulativeIdle = 0.0; // the other containers' idleCpu, core-seconds
    };
    // An API node as the housekeeping reads it, resolved whenever nodes change.
    struct NodeSlot {
        const NodeObject* node = nullptr;
        std::uint32_t state = 0;       // in m_nodeState
        std::uint32_t trafficNode = 0; // TrafficModel's index, kNone while it does not know it
    };

    void followPods();
    bool startFollowing(const std::string& key, const PodObject& pod);
    bool readPodObject(PodState& state, const PodObject& pod) const;
    void placeContainers(const PodState& state, PodPoints& points, const ContainerSlot* before);
    std::uint32_t nodeStateOf(const std::string& name);
    void followNodes();
    void everySecond();
    void housekeeping();
    void recordPodPoint(PodPoints& points, const CpuTotals& cpu, SimTime now);
    void recordNodePoint(NodeSlot& slot, SimTime now);
    void scrape();
    void linkPodMetrics();
    void scrapePod(const PodState& state, PodPoints& points);
    void namePodMetrics(PodMetrics& metrics, const PodState& state,
                        const PodPoints& points) const;
    void fillPodMetrics(PodMetrics& metrics, const PodPoints& points) const;
    void scrapeNode(NodeState& state);
    void scrapeServices(SimTime now);

    SimulationModel& m_model;
    bool m_running = false;
    std::vector<PodState> m_podState;         // in key order
    std::vector<CpuTotals> m_cpuTotals;       // m_podState's, index for index
    std::vector<PodPoints> m_points;          // m_podState's, index for index
    std::vector<ContainerSlot> m_containers;  // m_points' containers
    // followPods' scratch, kept for its capacity.
    std::vector<PodState> m_nextPodState;
    std::vector<CpuTotals> m_nextCpuTotals;
    std::vector<PodPoints> m_nextPoints;
    std::vector<ContainerSlot> m_nextContainers;
    std::uint64_t m_seenPodChanges = ~std::uint64_t{0};
    std::size_t m_seenPodCpuSlots = 0;
    bool m_podMetricsLinked = false; // no pod changed since linkPodMetrics
    // Every node a pod or the API ever named, never erased, so indices stay valid.
    std::vector<NodeState> m_nodeState;
    std::map<std::string, std::uint32_t> m_nodeStateIndex; // by node name
    std::vector<NodeSlot> m_nodeSlots;                      // the API's nodes, in key order
    std::uint64_t m_seenNodeChanges = ~std::uint64_t{0};
    std::map<std::string, PodMetrics> m_pods;
    std::uint64_t m_podEntriesVersion = 0;
    std::map<std::string, NodeMetrics> m_nodes;
    std::map<std::string, ServiceMetrics> m_services;
    std::map<std::string, std::uint64_t> m_lastArrivals;
    std::optional<SimTime> m_lastScrape;
    SimTime m_nextHousekeeping;
    SimTime m_nextScrape;
};

} // namespace cnsim
