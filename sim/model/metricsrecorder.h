#pragma once

// MetricsRecorder: samples the run once per simulated second into the MetricsStore
// (series names in metrics/metricsstore.h) and folds every sample into the fingerprint.
// The sample at time t covers (t - 1s, t].

#include "engine/simtime.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

class MetricsRecorder {
public:
    static constexpr SimTime kInterval = SimTime::seconds(1);

    explicit MetricsRecorder(SimulationModel& model);

    // Creates every series (so they exist even before the first sample) and schedules
    // the first sample.
    void start();

private:
    struct ServiceSeries {
        std::size_t requestRate, errorRate, p50, p95, p99;
    };
    struct DeploymentSeries {
        std::string name;
        std::size_t running, pending;
    };
    struct NodeSeries {
        std::string name;
        std::size_t cpu;
    };

    void sample();
    void put(std::size_t series, double value);

    SimulationModel& m_model;
    std::vector<ServiceSeries> m_services;
    std::vector<DeploymentSeries> m_deployments;
    std::vector<NodeSeries> m_nodes;
};

} // namespace cnsim
