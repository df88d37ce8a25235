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

#include "engine/simtime.h"
#include "scenario/units.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
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
    const std::map<std::string, NodeMetrics>& nodes() const { return m_nodes; }
    // By Service name, in the traffic model's Services; absent before the second scrape.
    const std::map<std::string, ServiceMetrics>& services() const { return m_services; }

private:
    struct Point {
        SimTime time;
        double cpuSeconds = 0.0; // cumulative core-seconds
        std::vector<double> containerCpuSeconds;
        std::vector<Bytes> containerMemory;
    };
    struct PodState {
        std::string nameSpace;
        std::string node;
        double cumulativeCpu = 0.0;
        double cumulativeIdle = 0.0;      // the other containers' idleCpu, core-seconds
        double idleCores = 0.0;           // the other containers' idleCpu
        std::size_t cpuIndex = 0;         // in TrafficModel::podCpu()
        const PodObject* pod = nullptr;   // the API's object, refreshed whenever pods change
        std::optional<Point> latest;      // the kubelet's newest point
        std::optional<Point> lastScraped; // the point the previous scrape read
    };
    struct NodeState {
        std::optional<Point> latest;
        std::optional<Point> lastScraped;
    };

    void followPods();
    void everySecond();
    void housekeeping();
    void scrape();
    Bytes podMemory(const std::string& key, const PodObject& pod, std::size_t container) const;

    SimulationModel& m_model;
    bool m_running = false;
    std::map<std::string, PodState> m_podState; // by "namespace/name"
    std::vector<PodState*> m_active;            // m_podState's values, in key order
    std::uint64_t m_seenPodChanges = ~std::uint64_t{0};
    std::size_t m_seenPodCpuSlots = 0;
    std::map<std::string, NodeState> m_nodeState;
    std::map<std::string, PodMetrics> m_pods;
    std::map<std::string, NodeMetrics> m_nodes;
    std::map<std::string, ServiceMetrics> m_services;
    std::map<std::string, std::uint64_t> m_lastArrivals;
    std::optional<SimTime> m_lastScrape;
    SimTime m_nextHousekeeping;
    SimTime m_nextScrape;
};

} // namespace cnsim
