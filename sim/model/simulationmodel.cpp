#include "model/simulationmodel.h"

#include "control/kubernetesdefaults.h"
#include "model/cloudprovider.h"
#include "model/clusterautoscaler.h"
#include "model/deploymentcontroller.h"
#include "model/disruptioncontroller.h"
#include "model/endpointscontroller.h"
#include "model/eventpriority.h"
#include "model/hpacontroller.h"
#include "model/kedaoperator.h"
#include "model/kubelet.h"
#include "model/kubescheduler.h"
#include "model/messagequeues.h"
#include "model/metricsrecorder.h"
#include "model/metricsserver.h"
#include "model/nodelifecyclecontroller.h"
#include "model/ownership.h"
#include "model/pipelinerunner.h"
#include "model/podnodeindex.h"
#include "model/replicasetcontroller.h"
#include "model/rolloutscontroller.h"
#include "model/trafficmodel.h"
#include "model/vmautoscalinggroup.h"
#include "model/vpacontroller.h"

#include <algorithm>

namespace cnsim {

SimulationModel::SimulationModel(Scenario scenario, std::uint64_t seed, SimTime endTime)
    : m_scenario(std::move(scenario)), m_seed(seed), m_endTime(endTime), m_api(seed),
      m_faultStream(seed, "faults") {
    m_engine.setFingerprinting(true);
    m_engine.fingerprint().addU64(m_seed);
    // Components first, so their watches see the cluster being created.
    m_traffic = std::make_unique<TrafficModel>(*this);
    m_kubelet = std::make_unique<Kubelet>(*this);
    m_scheduler = std::make_unique<KubeScheduler>(*this);
    m_replicaSetController = std::make_unique<ReplicaSetController>(*this);
    m_deploymentController = std::make_unique<DeploymentController>(*this);
    m_endpointsController = std::make_unique<EndpointsController>(*this);
    m_nodeLifecycleController = std::make_unique<NodeLifecycleController>(*this);
    m_disruptionController = std::make_unique<DisruptionController>(*this);
    m_metricsRecorder = std::make_unique<MetricsRecorder>(*this);
    m_metricsServer = std::make_unique<MetricsServer>(*this);
    m_hpaController = std::make_unique<HpaController>(*this);
    m_cloud = std::make_unique<CloudProvider>(*this);
    m_clusterAutoscaler = std::make_unique<ClusterAutoscaler>(*this);
    m_rolloutsController = std::make_unique<RolloutsController>(*this);
    m_vmGroups = std::make_unique<VmAutoScaling>(*this);
    m_pipelines = std::make_unique<PipelineRunner>(*this);
    m_queues = std::make_unique<MessageQueues>(*this);
    m_keda = std::make_unique<KedaOperator>(*this);
    m_vpa = std::make_unique<VpaController>(*this);
    buildCluster();
    m_vmGroups->start(); // their initial instances, in service
    m_traffic->start();
    m_queues->start();
    m_metricsRecorder->start();
    m_clusterAutoscaler->start();
    m_pipelines->start();
    scheduleFaults();
}

SimulationModel::~SimulationModel() = default;

const ImageSpec* SimulationModel::findImage(std::string_view image) const {
    for (const ImageSpec& spec : m_scenario.simulation.images) {
        if (spec.name == image) {
            return &spec;
        }
    }
    return nullptr;
}

double SimulationModel::lastSecondCpu(const std::string& node) const {
    return m_metrics.latest("node/" + node + "/cpu_used_cores").value_or(0.0);
}

void SimulationModel::createNode(const NodeSpec& spec) {
    const SimTime now = m_engine.now();
    NodeObject node;
    node.meta.name = spec.name;
    node.meta.nameSpace = ""; // nodes are cluster-scoped
    node.meta.labels = spec.labels;
    node.meta.labels[std::string(k8s::kLabelHostname)] = spec.name;
    node.meta.labels[std::string(k8s::kLabelZone)] = spec.zone;
    node.unschedulable = spec.unschedulable;
    node.taints = spec.taints;
    node.capacityCpu = spec.cpu;
    node.capacityMemory = spec.memory;
    node.capacityPods = spec.maxPods;
    // The hypervisor's share is not allocatable to pods.
    node.allocatableCpu = spec.cpu - spec.machine.overheadCpu;
    node.allocatableMemory = spec.memory - spec.machine.overheadMemory;
    node.images = spec.cachedImages;
    node.zone = spec.zone;
    node.machine = spec.machine;
    setCondition(node.conditions, "Ready", ConditionStatus::True, now, "KubeletReady",
                 "kubelet is posting ready status");
    m_api.create(std::move(node), now);
}

void SimulationModel::buildCluster() {
    for (const NodeSpec& spec : m_scenario.cluster.expandedNodes()) {
        createNode(spec);
    }
    m_cloud->start(); // the node groups' initial nodes
    for (const Manifest& manifest : m_scenario.workloads) {
        storeManifest(manifest);
    }
}

void SimulationModel::scheduleFaults() {
    for (const FaultSpec& fault : m_scenario.simulation.faults) {
        if (fault.at > m_endTime) {
            continue;
        }
        m_engine.scheduleAt(
            fault.at, [this, &fault] { applyFault(fault); }, priority::kAction);
    }
}

void SimulationModel::record(Component component, EventReason reason, ObjectKind kind,
                             std::string objectName,
                             std::vector<std::pair<std::string, std::string>> args) {
    ClusterEvent event{m_engine.now(),        component,      reason, kind,
                       std::move(objectName), std::move(args)};
    Fingerprint& fp = m_engine.fingerprint();
    fp.addI64(event.time.toMicroseconds());
    fp.addU64(static_cast<std::uint64_t>(component));
    fp.addU64(static_cast<std::uint64_t>(reason));
    fp.addString(event.objectName);
    for (const auto& [key, value] : event.args) {
        fp.addString(key);
        fp.addString(value);
    }
    m_events.push_back(std::move(event));
}

void SimulationModel::requestPodDeletion(std::string_view nameSpace, std::string_view name,
                                         Component by) {
    (void)by;
    PodObject* pod = m_api.pods().find(nameSpace, name);
    if (pod == nullptr || isPodTerminating(*pod)) {
        return;
    }
    if (pod->nodeName.empty()) {
        m_api.remove(ResourceKind::Pod, pod->meta); // nothing runs: gone at once
        return;
    }
    pod->meta.deletionTimestamp = m_engine.now();
    m_api.updated(ResourceKind::Pod, pod->meta);
}

void SimulationModel::failNode(std::string_view node, Component by) {
    if (!m_kubelet->nodeUp(std::string(node))) {
        return;
    }
    record(by, EventReason::NodeFailed, ObjectKind::Node, std::string(node),
           {{"node", std::string(node)}});
    m_kubelet->crashNode(std::string(node));
}

void SimulationModel::recoverNode(std::string_view node, Component by) {
    if (m_kubelet->nodeUp(std::string(node))) {
        return;
    }
    // The machine powers on now; the kubelet runs once it has booted (VMs take bootTime).
    const NodeObject* object = m_api.nodes().find("", node);
    const SimTime boot = object != nullptr ? object->machine.bootTime : SimTime::zero();
    m_engine.schedule(
        boot,
        [this, name = std::string(node), by] {
            if (m_kubelet->nodeUp(name)) {
                return;
            }
            record(by, EventReason::NodeRecovered, ObjectKind::Node, name, {{"node", name}});
            m_kubelet->bootNode(name);
        },
        priority::kAction);
}

void SimulationModel::deletePod(std::string_view pod, Component by) {
    for (const auto& [key, object] : m_api.pods()) {
        if (object.meta.name == pod) {
            record(by, EventReason::PodDeleted, ObjectKind::Pod, object.meta.name,
                   {{"pod", object.meta.name}});
            requestPodDeletion(object.meta.nameSpace, object.meta.name, by);
            return;
        }
    }
}

void SimulationModel::scaleDeployment(std::string_view name, int replicas, Component by) {
    for (auto& [key, deployment] : m_api.deployments()) {
        if (deployment.meta.name != name || deployment.spec.replicas == replicas) {
            continue;
        }
        record(by, EventReason::ScalingReplicaSet, ObjectKind::Deployment, deployment.meta.name,
               {{"deployment", deployment.meta.name},
                {"from", std::to_string(deployment.spec.replicas)},
                {"to", std::to_string(replicas)}});
        deployment.spec.replicas = replicas;
        m_api.updated(ResourceKind::Deployment, deployment.meta);
        return;
    }
}

const PodNodeIndex& SimulationModel::podsByNode() {
    if (!m_podsByNode) {
        m_podsByNode = std::make_unique<PodNodeIndex>(m_api);
    }
    return *m_podsByNode;
}

} // namespace cnsim
