#include "model/metricsrecorder.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <bit>

namespace cnsim {

MetricsRecorder::MetricsRecorder(SimulationModel& model) : m_model(model) {}

void MetricsRecorder::start() {
    MetricsStore& store = m_model.metrics();
    const ClusterState& state = m_model.state();
    for (const ServiceRuntime& service : state.services) {
        const std::string prefix = "service/" + service.spec->name + "/";
        m_services.push_back(ServiceSeries{
            store.indexOf(prefix + "request_rate", "1/s"),
            store.indexOf(prefix + "error_rate", "1/s"),
            store.indexOf(prefix + "latency_p50_ms", "ms"),
            store.indexOf(prefix + "latency_p95_ms", "ms"),
            store.indexOf(prefix + "latency_p99_ms", "ms"),
        });
    }
    for (const DeploymentRuntime& deployment : state.deployments) {
        const std::string prefix = "deployment/" + deployment.spec->name + "/";
        m_deployments.push_back(DeploymentSeries{store.indexOf(prefix + "pods_running", "pods"),
                                                 store.indexOf(prefix + "pods_pending", "pods")});
    }
    for (const NodeRuntime& node : state.nodes) {
        m_nodes.push_back(store.indexOf("node/" + node.spec.name + "/cpu_used_cores", "cores"));
    }
    m_model.engine().schedule(
        kInterval, [this] { sample(); }, priority::kMetrics);
}

void MetricsRecorder::put(std::size_t series, double value) {
    m_model.metrics().append(series, m_model.engine().now(), value);
    m_model.engine().fingerprint().addU64(std::bit_cast<std::uint64_t>(value));
}

void MetricsRecorder::sample() {
    ClusterState& state = m_model.state();
    const double seconds = kInterval.toSeconds();

    auto& counters = m_model.traffic().counters();
    for (std::size_t i = 0; i < m_services.size(); ++i) {
        ServiceTrafficCounters& c = counters[i];
        put(m_services[i].requestRate, static_cast<double>(c.windowArrivals) / seconds);
        put(m_services[i].errorRate, static_cast<double>(c.windowErrors) / seconds);
        put(m_services[i].p50, c.windowLatency.quantileMs(0.50));
        put(m_services[i].p95, c.windowLatency.quantileMs(0.95));
        put(m_services[i].p99, c.windowLatency.quantileMs(0.99));
        c.windowArrivals = 0;
        c.windowErrors = 0;
        c.windowLatency.clear();
    }

    std::vector<int> running(state.deployments.size(), 0);
    std::vector<int> pending(state.deployments.size(), 0);
    for (const auto& [id, pod] : state.pods) {
        if (pod.phase == PodPhase::Running) {
            ++running[pod.deployment];
        } else if (pod.phase == PodPhase::Pending) {
            ++pending[pod.deployment];
        }
    }
    for (std::size_t d = 0; d < m_deployments.size(); ++d) {
        put(m_deployments[d].running, running[d]);
        put(m_deployments[d].pending, pending[d]);
    }

    m_model.traffic().accountCpuUntilNow();
    for (std::size_t n = 0; n < m_nodes.size(); ++n) {
        NodeRuntime& node = state.nodes[n];
        node.lastSecondCores = node.busyCpuTime.toSeconds() / seconds;
        node.busyCpuTime = SimTime::zero();
        put(m_nodes[n], node.lastSecondCores);
    }

    if (m_model.engine().now() + kInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            kInterval, [this] { sample(); }, priority::kMetrics);
    }
}

} // namespace cnsim
