#pragma once

// TrafficModel: the data plane of the walking skeleton. Traffic sources send requests to a
// Service; kube-proxy picks one of the Service's ready endpoints uniformly at random (its
// iptables mode); each pod serves its requests first come, first served with one worker
// whose speed is the container's CPU limit (else its request, else one core), from a queue
// of at most kQueueCapacity requests. Latency = queueing + CPU time + the service's base
// latency. A request fails when the Service has no ready endpoint, the queue is full, the
// program in the pod is not serving yet (ready without a readiness probe), or the pod stops.
//
// Replaced by the traffic issue's call graphs and processor sharing; until then this is the
// M/D/1 queue per pod that the model tests check against theory.

#include "engine/engine.h"
#include "engine/random.h"
#include "metrics/latencyhistogram.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

struct ServiceTrafficCounters {
    std::uint64_t arrivals = 0;
    std::uint64_t completed = 0;
    std::uint64_t errors = 0;
    LatencyHistogram latency; // every completed request of the run
    // Since the last metrics sample:
    std::uint64_t windowArrivals = 0;
    std::uint64_t windowErrors = 0;
    LatencyHistogram windowLatency;
};

class TrafficModel {
public:
    static constexpr std::size_t kQueueCapacity = 1000;

    explicit TrafficModel(SimulationModel& model);

    // Schedules every traffic source's first arrival.
    void start();
    // The kubelet started / stopped a pod's containers on `node`.
    void podStarted(const std::string& podKey, const std::string& node);
    void podStopped(const std::string& podKey);
    // Requests queued at or being served by a pod.
    int requestsInFlight(const std::string& podKey) const;
    // Moves CPU time used so far into each node's per-second account.
    void accountCpuUntilNow();

    // Per Service, in the scenario's order of Services.
    const std::vector<std::string>& serviceNames() const { return m_serviceNames; }
    const std::vector<ServiceTrafficCounters>& counters() const { return m_counters; }
    std::vector<ServiceTrafficCounters>& counters() { return m_counters; }
    // CPU used per node: over the last metrics second, and over the whole run.
    double takeNodeCpuSeconds(const std::string& node);
    double nodeCpuTotalSeconds(const std::string& node) const;

private:
    struct Source {
        const TrafficSourceSpec* spec = nullptr;
        std::size_t service = 0;
        RandomStream stream;
        std::uint64_t sent = 0;
    };
    struct Request {
        std::size_t service = 0;
        SimTime arrival;
    };
    struct PodServer {
        std::string node;
        double cores = 1.0;
        std::deque<Request> queue;
        bool serving = false;
        SimTime cpuAccountedUntil;
        EventId completion;
    };
    struct NodeCpu {
        double window = 0.0;
        double total = 0.0;
    };

    void scheduleNextArrival(std::size_t source);
    void arrive(std::size_t source);
    void fail(std::size_t service);
    void startService(const std::string& podKey, PodServer& server);
    void complete(const std::string& podKey);
    void accountCpu(PodServer& server, SimTime until);

    SimulationModel& m_model;
    std::vector<std::string> m_serviceNames;
    std::vector<std::string> m_serviceNamespaces;
    std::vector<SimTime> m_cpuPerRequest;
    std::vector<SimTime> m_baseLatency;
    std::vector<Source> m_sources;
    std::vector<ServiceTrafficCounters> m_counters;
    std::map<std::string, PodServer> m_servers; // pod key → its worker
    std::map<std::string, NodeCpu> m_nodeCpu;
    RandomStream m_balancer;
};

} // namespace cnsim
