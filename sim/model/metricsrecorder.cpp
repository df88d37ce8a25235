#include "model/metricsrecorder.h"

#include "engine/fingerprint.h"
#include "model/cloudprovider.h"
#include "model/eventpriority.h"
#include "model/replicasetcontroller.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"
#include "model/vmautoscalinggroup.h"

#include <algorithm>
#include <array>
#include <bit>

namespace cnsim {

MetricsRecorder::MetricsRecorder(SimulationModel& model) : m_model(model) {}

MetricsRecorder::TrafficSeries MetricsRecorder::makeTrafficSeries(const std::string& prefix,
                                                                  bool withQueue) {
    MetricsStore& store = m_model.metrics();
    TrafficSeries s{};
    s.requestRate = store.denseColumn(prefix + "request_rate", "1/s");
    s.errorRate = store.denseColumn(prefix + "error_rate", "1/s");
    s.p50 = store.denseColumn(prefix + "latency_p50_ms", "ms");
    s.p90 = store.denseColumn(prefix + "latency_p90_ms", "ms");
    s.p95 = store.denseColumn(prefix + "latency_p95_ms", "ms");
    s.p99 = store.denseColumn(prefix + "latency_p99_ms", "ms");
    s.max = store.denseColumn(prefix + "latency_max_ms", "ms");
    s.inFlight = store.denseColumn(prefix + "in_flight", "requests");
    if (withQueue) {
        s.queueLength = store.denseColumn(prefix + "queue_length", "requests");
    }
    return s;
}

void MetricsRecorder::start() {
    const TrafficModel& traffic = m_model.traffic();
    for (std::size_t i = 0; i < traffic.serviceNames().size(); ++i) {
        const std::string prefix = "service/" + traffic.serviceNames()[i] + "/";
        TrafficSeries& series = m_services.emplace_back(makeTrafficSeries(prefix, true));
        if (traffic.hasResilience(i)) {
            series.retryRate = m_model.metrics().denseColumn(prefix + "retry_rate", "1/s");
            series.timeoutRate = m_model.metrics().denseColumn(prefix + "timeout_rate", "1/s");
            if (traffic.mesh()) {
                series.overflowRate =
                    m_model.metrics().denseColumn(prefix + "overflow_rate", "1/s");
            }
        }
        if (traffic.hasOutlierDetection(i)) {
            series.ejected =
                m_model.metrics().denseColumn(prefix + "ejected_endpoints", "endpoints");
        }
    }
    for (std::size_t c = 0; c < traffic.circuitCount(); ++c) {
        const std::string prefix =
            "circuit/" + traffic.circuitCaller(c) + "/" + traffic.circuitCallee(c) + "/";
        m_circuitStates.push_back(m_model.metrics().denseColumn(prefix + "state", "state"));
        for (std::size_t i = 0; i < traffic.serviceNames().size(); ++i) {
            if (traffic.serviceNames()[i] == traffic.circuitCaller(c) &&
                m_services[i].circuitOpenRate == kNoSeries) {
                m_services[i].circuitOpenRate = m_model.metrics().denseColumn(
                    "service/" + traffic.serviceNames()[i] + "/circuit_open_rate", "1/s");
            }
        }
    }
    for (std::size_t r = 0; r < traffic.routeCount(); ++r) {
        m_routes.push_back(makeTrafficSeries("route/" + traffic.routeName(r) + "/", false));
    }
    MetricsStore& store = m_model.metrics();
    std::vector<std::string> deploymentNames;
    for (const Manifest& manifest : m_model.scenario().workloads) {
        if (const auto* deployment = std::get_if<DeploymentSpec>(&manifest)) {
            const std::string prefix = "deployment/" + deployment->name + "/";
            m_deployments.push_back(
                DeploymentSeries{store.denseColumn(prefix + "pods_running", "pods"),
                                 store.denseColumn(prefix + "pods_pending", "pods")});
            deploymentNames.push_back(deployment->name);
        }
    }
    ReplicaSetController& replicaSets = m_model.replicaSetController();
    m_deploymentPods.emplace(
        m_model.api(),
        [&replicaSets](const std::string& key) -> const int& {
            return replicaSets.unscheduledPodsCounter(key);
        },
        std::move(deploymentNames));
    for (const Manifest& manifest : m_model.scenario().workloads) {
        if (const auto* rollout = std::get_if<RolloutSpec>(&manifest)) {
            m_rollouts.push_back(RolloutSeries{
                rollout->name, rollout->nameSpace,
                store.denseColumn("rollout/" + rollout->name + "/canary_weight", "percent")});
        }
    }
    for (const NodeSpec& node : m_model.scenario().cluster.expandedNodes()) {
        addNodeSeries(node.name);
    }
    // Series of the cloud only where it matters, so other scenarios' fingerprints stay put.
    const CloudProvider& cloud = m_model.cloud();
    for (const CloudProvider::Group& g : cloud.groups()) {
        const std::string prefix = "nodegroup/" + g.spec->name + "/";
        m_groups.emplace_back(store.denseColumn(prefix + "nodes", "nodes"),
                              store.denseColumn(prefix + "target_size", "nodes"));
    }
    for (const VmGroupSpec& group : m_model.scenario().vmGroups) {
        const std::string prefix = "vmgroup/" + group.name + "/";
        m_vmGroups.push_back(VmGroupSeries{store.denseColumn(prefix + "instances", "instances"),
                                           store.denseColumn(prefix + "desired", "instances"),
                                           store.denseColumn(prefix + "cpu_utilization", "%")});
    }
    if (cloud.billing()) {
        m_costRate = store.denseColumn("cost/cluster/dollars_per_hour", "$/h");
        m_costTotal = store.denseColumn("cost/cluster/dollars", "$");
    }
    if (const auto& slo = m_model.scenario().simulation.slo) {
        const auto& names = traffic.serviceNames();
        const auto it = std::find(names.begin(), names.end(), slo->service);
        if (it != names.end()) {
            m_sloService = static_cast<std::size_t>(it - names.begin());
            m_sloTargetMs = static_cast<double>(slo->latencyP95.toMicroseconds()) / 1000.0;
        }
    }
    m_model.engine().schedule(
        kInterval, [this] { sample(); }, priority::kMetrics);
}

void MetricsRecorder::addNodeSeries(const std::string& node) {
    if (m_nodeNames.insert(node).second) {
        m_nodes.push_back(NodeSeries{
            node, m_model.metrics().table().column("node/" + node + "/cpu_used_cores", "cores"),
            m_model.traffic().nodeIndex(node)});
    }
}

void MetricsRecorder::put(std::size_t column, double value) {
    m_model.metrics().setDense(column, value);
    m_model.engine().fingerprint().addU64(std::bit_cast<std::uint64_t>(value));
}

void MetricsRecorder::putTraffic(const TrafficSeries& s, const TrafficCounters& c, bool withQueue) {
    const double seconds = kInterval.toSeconds();
    static constexpr std::array<double, 4> kQuantiles{0.50, 0.90, 0.95, 0.99};
    std::array<double, 4> q{};
    c.windowLatency.quantilesMs(kQuantiles, q);
    put(s.requestRate, static_cast<double>(c.windowArrivals) / seconds);
    put(s.errorRate, static_cast<double>(c.windowErrors) / seconds);
    put(s.p50, q[0]);
    put(s.p90, q[1]);
    put(s.p95, q[2]);
    put(s.p99, q[3]);
    put(s.max, c.windowLatency.maxMs());
    put(s.inFlight, static_cast<double>(c.inFlight));
    if (withQueue) {
        put(s.queueLength, static_cast<double>(c.queued));
    }
    if (s.retryRate != kNoSeries) {
        put(s.retryRate, static_cast<double>(c.windowRetries) / seconds);
        put(s.timeoutRate, static_cast<double>(c.windowTimeouts) / seconds);
    }
    if (s.circuitOpenRate != kNoSeries) {
        put(s.circuitOpenRate, static_cast<double>(c.windowRejected) / seconds);
    }
    if (s.overflowRate != kNoSeries) {
        put(s.overflowRate, static_cast<double>(c.windowRejected) / seconds);
    }
}

void MetricsRecorder::sampleCloud() {
    const CloudProvider& cloud = m_model.cloud();
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        const CloudProvider::Group& g = cloud.groups()[i];
        put(m_groups[i].first, static_cast<double>(g.nodes.size()));
        put(m_groups[i].second, g.targetSize);
    }
    // Nodes that joined: a cpu series from their first sample on. A group's nodes are looked
    // up only when they changed, which is rare next to the seconds sampled.
    m_groupNodesSeen.resize(cloud.groups().size());
    for (std::size_t i = 0; i < cloud.groups().size(); ++i) {
        const CloudProvider::Group& g = cloud.groups()[i];
        if (g.nodes != m_groupNodesSeen[i]) {
            for (const std::string& node : g.nodes) {
                addNodeSeries(node);
            }
            m_groupNodesSeen[i] = g.nodes;
        }
    }
}

void MetricsRecorder::sample() {
    TrafficModel& traffic = m_model.traffic();
    m_model.metrics().beginDenseRow(m_model.now());
    for (std::size_t i = 0; i < m_services.size(); ++i) {
        putTraffic(m_services[i], traffic.serviceCounters(i), true);
        if (m_services[i].ejected != kNoSeries) {
            put(m_services[i].ejected, static_cast<double>(traffic.ejectedEndpoints(i)));
        }
    }
    if (m_sloService != kNoSeries) {
        // The p95 just recorded, from the window rather than read back from the store, which
        // would make the store write its batch of samples every second.
        const double p95 = traffic.serviceCounters(m_sloService).windowLatency.quantileMs(0.95);
        m_sloViolationSeconds += p95 > m_sloTargetMs ? 1 : 0;
    }
    for (std::size_t i = 0; i < m_routes.size(); ++i) {
        putTraffic(m_routes[i], traffic.routeCounters(i), false);
    }
    for (std::size_t c = 0; c < m_circuitStates.size(); ++c) {
        put(m_circuitStates[c], traffic.circuitState(c));
    }
    const auto& versions = traffic.versions();
    while (m_versions.size() < versions.size()) {
        const auto& v = versions[m_versions.size()];
        m_versions.push_back(makeTrafficSeries(
            "version/" + traffic.serviceNames()[v.service] + "/" + v.version + "/", true));
    }
    for (std::size_t i = 0; i < m_versions.size(); ++i) {
        putTraffic(m_versions[i], versions[i].counters, true);
    }
    traffic.closeWindows();

    // Running = Ready (serving), pending = not yet on a node.
    const std::vector<DeploymentPodCounts::Counts>& deploymentPods = m_deploymentPods->counts();
    for (std::size_t i = 0; i < m_deployments.size(); ++i) {
        put(m_deployments[i].running, deploymentPods[i].running);
        put(m_deployments[i].pending, deploymentPods[i].pending);
    }

    for (const RolloutSeries& r : m_rollouts) {
        const RolloutObject* rollout = m_model.api().rollouts().find(r.nameSpace, r.name);
        put(r.canaryWeight, rollout != nullptr ? rollout->currentWeight : 0.0);
    }

    traffic.accountCpuUntilNow();
    if (m_model.cloud().hasGroups()) {
        sampleCloud();
    }
    if (m_model.vmGroups().hasGroups()) {
        VmAutoScaling& vms = m_model.vmGroups();
        vms.sampleSecond();
        for (std::size_t i = 0; i < m_vmGroups.size(); ++i) {
            const VmAutoScaling::Group& g = vms.groups()[i];
            put(m_vmGroups[i].instances, g.inService());
            put(m_vmGroups[i].desired, g.desired);
            put(m_vmGroups[i].utilization, g.lastSecondUtilization);
        }
    }
    SeriesTable& table = m_model.metrics().table();
    table.beginRow(m_model.now());
    const std::uint64_t rowChain = putTableRow(table);
    table.endRow();
    m_model.engine().fingerprint().addU64(rowChain); // the row's cells, in order

    if (m_costRate != kNoSeries) {
        put(m_costRate, m_model.cloud().dollarsPerHour());
        put(m_costTotal, m_model.cloud().dollars());
    }
    m_model.metrics().endDenseRow();

    if (m_model.now() + kInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            kInterval, [this] { sample(); }, priority::kMetrics);
    }
}

// Pods whose program started since the last sample.
void MetricsRecorder::addPodSeries(SeriesTable& table) {
    const TrafficModel& traffic = m_model.traffic();
    while (m_pods.size() < traffic.podCpu().size()) {
        const std::string prefix = "pod/" + traffic.podCpuName(m_pods.size()) + "/";
        m_pods.push_back(PodSeries{table.column(prefix + "cpu_used_cores", "cores"),
                                   table.column(prefix + "cpu_utilization", "ratio")});
    }
}

std::uint64_t MetricsRecorder::putTableRow(SeriesTable& table) {
    const double seconds = kInterval.toSeconds();
    TrafficModel& traffic = m_model.traffic();
    // Per pod, only when the scenario has traffic: a cluster of 10,000 idle pods needs none.
    const bool perPod = traffic.hasSources();
    if (perPod) {
        addPodSeries(table);
    }
    SeriesTable::RowWriter row(table);
    // The row's cells, chained in a local: a chain kept in a member waited for its own store
    // at every one of the 21,000 cells of a 10,000-pod run.
    std::uint64_t rowChain = Fingerprint::kOffsetBasis;
    const auto putCell = [&row, &rowChain](std::size_t column, double value) {
        row.set(column, value);
        rowChain = Fingerprint::mixWord(rowChain, std::bit_cast<std::uint64_t>(value));
    };
    for (NodeSeries& node : m_nodes) {
        if (node.trafficNode == TrafficModel::kNone) {
            node.trafficNode = traffic.nodeIndex(node.name);
        }
        putCell(node.cpu, traffic.takeNodeCpuSeconds(node.trafficNode) / seconds);
    }
    if (perPod) {
        // Both arrays through plain pointers: read through their vectors, they were read again
        // after every cell stored, which (to the compiler) could have moved them.
        const TrafficModel::PodCpu* pods = traffic.podCpu().data();
        const PodSeries* series = m_pods.data();
        const std::size_t count = m_pods.size();
        for (std::size_t i = 0; i < count; ++i) {
            const TrafficModel::PodCpu& pod = pods[i];
            if (!pod.running && pod.lastSecondCores == 0.0) {
                continue; // a pod that is gone leaves its series where it stopped
            }
            const double used = pod.lastSecondCores / seconds;
            putCell(series[i].cpu, used);
            putCell(series[i].utilization,
                    pod.cpuRequestCores > 0.0 ? used / pod.cpuRequestCores : 0.0);
        }
    }
    return rowChain;
}

} // namespace cnsim
