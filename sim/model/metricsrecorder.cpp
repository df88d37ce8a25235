#include "model/metricsrecorder.h"

#include "model/eventpriority.h"
#include "model/replicasetcontroller.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <bit>
#include <map>

namespace cnsim {

MetricsRecorder::MetricsRecorder(SimulationModel& model) : m_model(model) {}

void MetricsRecorder::start() {
    MetricsStore& store = m_model.metrics();
    for (const std::string& service : m_model.traffic().serviceNames()) {
        const std::string prefix = "service/" + service + "/";
        m_services.push_back(ServiceSeries{
            store.indexOf(prefix + "request_rate", "1/s"),
            store.indexOf(prefix + "error_rate", "1/s"),
            store.indexOf(prefix + "latency_p50_ms", "ms"),
            store.indexOf(prefix + "latency_p95_ms", "ms"),
            store.indexOf(prefix + "latency_p99_ms", "ms"),
        });
    }
    for (const Manifest& manifest : m_model.scenario().workloads) {
        if (const auto* deployment = std::get_if<DeploymentSpec>(&manifest)) {
            const std::string prefix = "deployment/" + deployment->name + "/";
            m_deployments.push_back(
                DeploymentSeries{deployment->name, store.indexOf(prefix + "pods_running", "pods"),
                                 store.indexOf(prefix + "pods_pending", "pods")});
        }
    }
    for (const NodeSpec& node : m_model.scenario().cluster.expandedNodes()) {
        m_nodes.push_back(
            NodeSeries{node.name, store.indexOf("node/" + node.name + "/cpu_used_cores", "cores")});
    }
    m_model.engine().schedule(
        kInterval, [this] { sample(); }, priority::kMetrics);
}

void MetricsRecorder::put(std::size_t series, double value) {
    m_model.metrics().append(series, m_model.now(), value);
    m_model.engine().fingerprint().addU64(std::bit_cast<std::uint64_t>(value));
}

void MetricsRecorder::sample() {
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

    // Running = Ready (serving), pending = not yet on a node; read from the ReplicaSets'
    // status and the replicaset controller's count, so a sample costs per ReplicaSet, not per pod.
    std::map<std::string, std::pair<int, int>> perDeployment;
    for (const auto& [key, rs] : m_model.api().replicaSets()) {
        for (const OwnerReference& owner : rs.meta.ownerReferences) {
            if (owner.kind == "Deployment") {
                auto& [running, pending] = perDeployment[owner.name];
                running += rs.readyReplicas;
                pending += m_model.replicaSetController().unscheduledPods(key);
            }
        }
    }
    for (const DeploymentSeries& d : m_deployments) {
        const auto& counts = perDeployment[d.name];
        put(d.running, counts.first);
        put(d.pending, counts.second);
    }

    m_model.traffic().accountCpuUntilNow();
    for (const NodeSeries& node : m_nodes) {
        put(node.cpu, m_model.traffic().takeNodeCpuSeconds(node.name) / seconds);
    }

    if (m_model.now() + kInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            kInterval, [this] { sample(); }, priority::kMetrics);
    }
}

} // namespace cnsim
