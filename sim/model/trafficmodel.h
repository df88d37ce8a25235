#pragma once

// TrafficModel: requests of the walking skeleton. Traffic sources send requests to a
// Service; the Service picks one of its Running endpoints uniformly at random (kube-proxy's
// iptables mode); each pod serves its requests first come, first served with one worker
// whose speed is the container's CPU limit (else its request, else one core), from a queue
// of at most kQueueCapacity requests. Latency = queueing + CPU time + the service's base
// latency. A request with no endpoint, a full queue, or a pod that disappears fails.
//
// Replaced by the traffic issue's call graphs and processor sharing; until then this is the
// M/D/1 queue per pod that the model tests check against theory.

#include "engine/random.h"
#include "metrics/latencyhistogram.h"
#include "model/clusterstate.h"

#include <cstdint>
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
    // Recomputes every Service's endpoints from the pods that are Running now.
    void refreshEndpoints();
    // Fails what the pod had queued or in service (it is about to disappear).
    void dropRequests(PodRuntime& pod);
    // Moves CPU time used so far into each node's per-second account.
    void accountCpuUntilNow();

    const std::vector<ServiceTrafficCounters>& counters() const { return m_counters; }
    std::vector<ServiceTrafficCounters>& counters() { return m_counters; }

private:
    struct Source {
        const TrafficSourceSpec* spec = nullptr;
        std::size_t service = 0;
        RandomStream stream;
        std::uint64_t sent = 0;
    };

    void scheduleNextArrival(std::size_t source);
    void arrive(std::size_t source);
    void startService(PodRuntime& pod);
    void complete(PodId pod);
    void accountCpu(PodRuntime& pod, SimTime until);

    SimulationModel& m_model;
    std::vector<Source> m_sources;
    std::vector<ServiceTrafficCounters> m_counters;
    RandomStream m_balancer;
};

} // namespace cnsim
