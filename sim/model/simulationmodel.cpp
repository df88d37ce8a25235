#include "model/simulationmodel.h"

#include "engine/fingerprint.h"
#include "model/eventpriority.h"

#include <string_view>

namespace cnsim {

namespace {

constexpr std::string_view kNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// Like the pod-template-hash label: a 32-bit hash of the pod template, its decimal digits
// mapped onto Kubernetes' safe alphabet (apimachinery rand.SafeEncodeString).
std::string podTemplateHash(const DeploymentSpec& spec) {
    Fingerprint hash;
    hash.addString(spec.name);
    for (const auto& [key, value] : spec.podLabels) {
        hash.addString(key);
        hash.addString(value);
    }
    for (const ContainerSpec& container : spec.podSpec.containers) {
        hash.addString(container.name);
        hash.addString(container.image);
    }
    const std::string digits = std::to_string(static_cast<std::uint32_t>(hash.value()));
    std::string encoded;
    for (const char digit : digits) {
        encoded += kNameAlphabet[static_cast<std::size_t>(digit) % kNameAlphabet.size()];
    }
    return encoded;
}

DeploymentRuntime makeDeployment(const DeploymentSpec& spec) {
    DeploymentRuntime deployment;
    deployment.spec = &spec;
    deployment.desiredReplicas = spec.replicas;
    deployment.podTemplateHash = podTemplateHash(spec);
    CpuMillis limits;
    bool allLimited = !spec.podSpec.containers.empty();
    for (const ContainerSpec& container : spec.podSpec.containers) {
        deployment.cpuRequest += container.requests.cpu.value_or(CpuMillis{});
        deployment.memoryRequest += container.requests.memory.value_or(Bytes{});
        if (container.limits.cpu) {
            limits += *container.limits.cpu;
        } else {
            allLimited = false;
        }
    }
    // A worker runs as fast as the container may: its CPU limit, else what it requested,
    // else (a best-effort pod) one whole core.
    if (allLimited && limits.value > 0) {
        deployment.serviceCores = limits.cores();
    } else if (deployment.cpuRequest.value > 0) {
        deployment.serviceCores = deployment.cpuRequest.cores();
    }
    return deployment;
}

} // namespace

SimulationModel::SimulationModel(Scenario scenario, std::uint64_t seed, SimTime endTime)
    : m_scenario(std::move(scenario)), m_seed(seed), m_endTime(endTime),
      m_faultStream(seed, "faults") {
    m_engine.setFingerprinting(true);
    m_engine.fingerprint().addU64(m_seed);
    buildCluster();
    m_scheduler = std::make_unique<Scheduler>(*this);
    m_deploymentController = std::make_unique<DeploymentController>(*this);
    m_kubelet = std::make_unique<Kubelet>(*this);
    m_traffic = std::make_unique<TrafficModel>(*this);
    m_metricsRecorder = std::make_unique<MetricsRecorder>(*this);

    m_deploymentController->requestReconcile();
    m_traffic->start();
    m_metricsRecorder->start();
    scheduleFaults();
}

void SimulationModel::buildCluster() {
    for (NodeSpec& spec : m_scenario.cluster.expandedNodes()) {
        NodeRuntime node;
        node.spec = std::move(spec);
        m_state.nodes.push_back(std::move(node));
    }
    for (const Manifest& manifest : m_scenario.workloads) {
        if (const auto* deployment = std::get_if<DeploymentSpec>(&manifest)) {
            m_state.deployments.push_back(makeDeployment(*deployment));
        } else if (const auto* service = std::get_if<ServiceSpec>(&manifest)) {
            ServiceRuntime runtime;
            runtime.spec = service;
            for (const ServiceBehaviourSpec& behaviour : m_scenario.simulation.services) {
                if (behaviour.service == service->name) {
                    runtime.cpuPerRequest = behaviour.cpuPerRequest;
                    runtime.baseLatency = behaviour.baseLatency;
                }
            }
            m_state.services.push_back(std::move(runtime));
        }
    }
}

void SimulationModel::scheduleFaults() {
    for (const FaultSpec& fault : m_scenario.simulation.faults) {
        if (fault.at > m_endTime) {
            continue;
        }
        m_engine.scheduleAt(
            fault.at,
            [this, &fault] {
                switch (fault.type) {
                case FaultType::FailNode:
                    if (const auto node = m_state.findNode(fault.node)) {
                        failNode(*node, Component::Chaos);
                    }
                    break;
                case FaultType::RecoverNode:
                    if (const auto node = m_state.findNode(fault.node)) {
                        recoverNode(*node, Component::Chaos);
                    }
                    break;
                case FaultType::PodKill:
                    if (!fault.pod.empty()) {
                        if (PodRuntime* pod = m_state.findPod(fault.pod)) {
                            deletePod(pod->id, Component::Chaos);
                        }
                    } else if (const auto d = m_state.findDeployment(fault.deployment)) {
                        std::vector<PodId> candidates;
                        for (const auto& [id, pod] : m_state.pods) {
                            if (pod.deployment == *d && pod.phase != PodPhase::Terminating) {
                                candidates.push_back(id);
                            }
                        }
                        if (!candidates.empty()) {
                            deletePod(candidates[m_faultStream.uniformIndex(candidates.size())],
                                      Component::Chaos);
                        }
                    }
                    break;
                default:
                    // The reader does not accept the other fault types yet.
                    break;
                }
            },
            priority::kAction);
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

void SimulationModel::failNode(std::size_t index, Component by) {
    NodeRuntime& node = m_state.nodes[index];
    if (!node.ready) {
        return;
    }
    node.ready = false;
    record(by, EventReason::NodeFailed, ObjectKind::Node, node.spec.name,
           {{"node", node.spec.name}});
    std::vector<PodId> lost;
    for (const auto& [id, pod] : m_state.pods) {
        if (pod.node == index) {
            lost.push_back(id);
        }
    }
    for (const PodId id : lost) {
        m_kubelet->podLost(id);
    }
}

void SimulationModel::recoverNode(std::size_t index, Component by) {
    NodeRuntime& node = m_state.nodes[index];
    if (node.ready) {
        return;
    }
    node.ready = true;
    record(by, EventReason::NodeRecovered, ObjectKind::Node, node.spec.name,
           {{"node", node.spec.name}});
    m_scheduler->requestCycle();
}

void SimulationModel::deletePod(PodId id, Component by) {
    const PodRuntime& pod = m_state.pods.at(id);
    record(by, EventReason::PodDeleted, ObjectKind::Pod, pod.name, {{"pod", pod.name}});
    m_kubelet->terminatePod(id);
    m_deploymentController->requestReconcile();
}

void SimulationModel::scaleDeployment(std::size_t index, int replicas, Component by) {
    DeploymentRuntime& deployment = m_state.deployments[index];
    if (deployment.desiredReplicas == replicas) {
        return;
    }
    record(by, EventReason::ScalingReplicaSet, ObjectKind::Deployment, deployment.spec->name,
           {{"deployment", deployment.spec->name},
            {"from", std::to_string(deployment.desiredReplicas)},
            {"to", std::to_string(replicas)}});
    deployment.desiredReplicas = replicas;
    m_deploymentController->requestReconcile();
}

} // namespace cnsim
