#pragma once

// SimulationModel: the hub of one run. It owns the engine, the cluster state, the event
// log and the components (controllers, scheduler, kubelet, traffic, metrics), and gives
// the components what they share: the clock, random streams, and a way to record cluster
// events and to wake each other. Components never call each other's internals directly.

#include "engine/engine.h"
#include "engine/random.h"
#include "metrics/metricsstore.h"
#include "model/clusterevent.h"
#include "model/clusterstate.h"
#include "model/deploymentcontroller.h"
#include "model/kubelet.h"
#include "model/metricsrecorder.h"
#include "model/scheduler.h"
#include "model/trafficmodel.h"
#include "scenario/scenario.h"

#include <memory>
#include <string_view>
#include <vector>

namespace cnsim {

class SimulationModel {
public:
    SimulationModel(Scenario scenario, std::uint64_t seed, SimTime endTime);
    // Components and events point into the model: it never moves.
    SimulationModel(const SimulationModel&) = delete;
    SimulationModel& operator=(const SimulationModel&) = delete;

    const Scenario& scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    SimTime endTime() const { return m_endTime; }
    Engine& engine() { return m_engine; }
    const Engine& engine() const { return m_engine; }
    ClusterState& state() { return m_state; }
    const ClusterState& state() const { return m_state; }
    MetricsStore& metrics() { return m_metrics; }
    const MetricsStore& metrics() const { return m_metrics; }
    const std::vector<ClusterEvent>& events() const { return m_events; }

    // A stream named after the component that draws from it: "scheduler", "faults", …
    RandomStream makeStream(std::string_view name) const { return RandomStream(m_seed, name); }

    void record(Component component, EventReason reason, ObjectKind kind, std::string objectName,
                std::vector<std::pair<std::string, std::string>> args = {});

    Scheduler& scheduler() { return *m_scheduler; }
    DeploymentController& deploymentController() { return *m_deploymentController; }
    Kubelet& kubelet() { return *m_kubelet; }
    TrafficModel& traffic() { return *m_traffic; }
    const TrafficModel& traffic() const { return *m_traffic; }
    MetricsRecorder& metricsRecorder() { return *m_metricsRecorder; }
    const MetricsRecorder& metricsRecorder() const { return *m_metricsRecorder; }

    // Cluster-level operations shared by faults and user actions.
    void failNode(std::size_t node, Component by);
    void recoverNode(std::size_t node, Component by);
    void deletePod(PodId pod, Component by);
    void scaleDeployment(std::size_t deployment, int replicas, Component by);

private:
    void buildCluster();
    void scheduleFaults();

    Scenario m_scenario;
    std::uint64_t m_seed;
    SimTime m_endTime;
    Engine m_engine;
    ClusterState m_state;
    MetricsStore m_metrics;
    std::vector<ClusterEvent> m_events;
    RandomStream m_faultStream;

    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<DeploymentController> m_deploymentController;
    std::unique_ptr<Kubelet> m_kubelet;
    std::unique_ptr<TrafficModel> m_traffic;
    std::unique_ptr<MetricsRecorder> m_metricsRecorder;
};

} // namespace cnsim
