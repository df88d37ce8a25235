#pragma once

// MetricsRecorder: samples the run once per simulated second into the MetricsStore
// (series names in metrics/metricsstore.h and docs/traffic.md) and folds every sample into
// the fingerprint. The sample at time t covers (t - 1s, t].
//
// Series of things that appear during the run (a version first served, a pod first running)
// are created at the first sample that sees them; the CSV export aligns series by time. The
// store's series it records are dense (MetricsStore::denseColumn), set in every second's row
// from their first; the per-node and per-pod ones are columns of MetricsStore::table().

#include "engine/simtime.h"
#include "model/deploymentpodcounts.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cnsim {

class SeriesTable;
class SimulationModel;
struct TrafficCounters;

class MetricsRecorder {
public:
    static constexpr SimTime kInterval = SimTime::seconds(1);

    explicit MetricsRecorder(SimulationModel& model);

    // Creates every series known at the start (so they exist even before the first sample)
    // and schedules the first sample.
    void start();

    // Seconds in which the simulation.slo Service's p95 latency was above its target.
    std::int64_t sloViolationSeconds() const { return m_sloViolationSeconds; }

private:
    static constexpr std::size_t kNoSeries = static_cast<std::size_t>(-1);
    // Dense columns of the store: request_rate, error_rate, latency p50/p90/p95/p99/max,
    // in_flight, queue_length; a Service with resilience settings also retry_rate and
    // timeout_rate (as a caller).
    struct TrafficSeries {
        std::size_t requestRate, errorRate, p50, p90, p95, p99, max, inFlight, queueLength;
        std::size_t retryRate = kNoSeries;
        std::size_t timeoutRate = kNoSeries;
        std::size_t circuitOpenRate = kNoSeries;
        std::size_t overflowRate = kNoSeries; // mesh callers: connection-pool overflows
        std::size_t ejected = kNoSeries;      // mesh hosts with outlier detection
    };
    struct DeploymentSeries {
        std::size_t running, pending;
    };
    struct NodeSeries {
        std::string name;
        std::size_t cpu;           // a column of MetricsStore::table()
        std::uint32_t trafficNode; // TrafficModel::nodeIndex, looked up until the node joined
    };
    struct PodSeries {
        std::size_t cpu, utilization; // columns of MetricsStore::table()
    };

    TrafficSeries makeTrafficSeries(const std::string& prefix, bool withQueue);
    void putTraffic(const TrafficSeries& series, const TrafficCounters& counters, bool withQueue);
    void sample();
    void sampleCloud();
    // The per-node and per-pod cells of the row just begun; returns their fingerprint chain.
    std::uint64_t putTableRow(SeriesTable& table);
    void addPodSeries(SeriesTable& table);
    void addNodeSeries(const std::string& node); // once per node name
    void put(std::size_t column, double value);  // a dense column of the store

    SimulationModel& m_model;
    std::vector<TrafficSeries> m_services;
    std::vector<TrafficSeries> m_routes;
    std::vector<std::size_t> m_circuitStates;
    std::vector<TrafficSeries> m_versions;
    std::vector<PodSeries> m_pods;
    std::vector<DeploymentSeries> m_deployments;
    std::optional<DeploymentPodCounts> m_deploymentPods; // in the order of m_deployments
    struct RolloutSeries {
        std::string name;
        std::string nameSpace;
        std::size_t canaryWeight; // rollout/<name>/canary_weight: percent to the new version
    };
    std::vector<RolloutSeries> m_rollouts;
    std::vector<NodeSeries> m_nodes;
    std::set<std::string> m_nodeNames;                      // nodes with a cpu series
    std::vector<std::vector<std::string>> m_groupNodesSeen; // per node group, at the last sample
    // nodegroup/<group>/nodes and target_size, per group in file order.
    std::vector<std::pair<std::size_t, std::size_t>> m_groups;
    // vmgroup/<group>/instances, desired and cpu_utilization, per group in file order.
    struct VmGroupSeries {
        std::size_t instances, desired, utilization;
    };
    std::vector<VmGroupSeries> m_vmGroups;
    std::size_t m_costRate = kNoSeries;
    std::size_t m_costTotal = kNoSeries;
    std::size_t m_sloService = kNoSeries; // index into m_services
    double m_sloTargetMs = 0;
    std::int64_t m_sloViolationSeconds = 0;
};

} // namespace cnsim
