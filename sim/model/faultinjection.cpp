// SimulationModel's fault vocabulary: what each scenario fault type (and the studio's
// right-click faults) does to the simulated machines and control plane. Names follow
// Chaos Mesh where it has one; see FaultType in scenario/scenario.h.

#include "model/deploymentcontroller.h"
#include "model/disruptioncontroller.h"
#include "model/endpointscontroller.h"
#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/kubescheduler.h"
#include "model/ownership.h"
#include "model/replicasetcontroller.h"
#include "model/rolloutscontroller.h"
#include "model/simulationmodel.h"
#include "scenario/scenarioenums.h"

namespace cnsim {

namespace {

std::string_view componentLabel(ControlPlaneComponent c) {
    switch (c) {
    case ControlPlaneComponent::ApiServer:
        return "kube-apiserver";
    case ControlPlaneComponent::Scheduler:
        return "kube-scheduler";
    case ControlPlaneComponent::ControllerManager:
        return "kube-controller-manager";
    }
    return "control plane";
}

// The fault that ends an outage started by `type`, for faults given a duration.
std::optional<FaultType> recoveryOf(FaultType type) {
    switch (type) {
    case FaultType::FailNode:
        return FaultType::RecoverNode;
    case FaultType::StopKubelet:
        return FaultType::StartKubelet;
    case FaultType::PartitionNode:
        return FaultType::HealPartition;
    case FaultType::ZoneOutage:
        return FaultType::ZoneRecover;
    case FaultType::RegistryOutage:
        return FaultType::RegistryRecover;
    case FaultType::ControlPlaneOutage:
        return FaultType::ControlPlaneRecover;
    default:
        return std::nullopt;
    }
}

} // namespace

void SimulationModel::forEachNodeInZone(const std::string& zone,
                                        const std::function<void(const std::string&)>& fn) {
    std::vector<std::string> names;
    for (const auto& [key, node] : m_api.nodes()) {
        if (node.zone == zone) {
            names.push_back(node.meta.name);
        }
    }
    for (const std::string& name : names) {
        fn(name);
    }
}

void SimulationModel::setComponentUp(ControlPlaneComponent component, bool up) {
    switch (component) {
    case ControlPlaneComponent::ApiServer:
        m_api.setAvailable(up);
        break;
    case ControlPlaneComponent::Scheduler:
        m_schedulerUp = up;
        break;
    case ControlPlaneComponent::ControllerManager:
        m_controllerManagerUp = up;
        break;
    }
    if (up) {
        // Components re-list what they missed, as informers do after reconnecting.
        m_scheduler->requestCycle();
        m_replicaSetController->requestReconcile();
        m_deploymentController->requestReconcile();
        m_endpointsController->requestReconcile();
        m_disruptionController->requestReconcile();
        m_rolloutsController->requestReconcile();
        m_kubelet->resync();
    }
}

void SimulationModel::applyFault(const FaultSpec& fault) {
    const auto announce = [&](std::string target, std::string message) {
        record(Component::Chaos, EventReason::FaultInjected, ObjectKind::Node, std::move(target),
               {{"fault", enumName(fault.type)}, {"message", std::move(message)}});
    };
    switch (fault.type) {
    case FaultType::FailNode:
        failNode(fault.node, Component::Chaos);
        break;
    case FaultType::RecoverNode:
        recoverNode(fault.node, Component::Chaos);
        break;
    case FaultType::StopKubelet:
        announce(fault.node, "kubelet on " + fault.node + " stopped; its containers keep running");
        m_kubelet->setConnected(fault.node, false);
        break;
    case FaultType::StartKubelet:
        announce(fault.node, "kubelet on " + fault.node + " started again");
        m_kubelet->setConnected(fault.node, true);
        break;
    case FaultType::PartitionNode:
        announce(fault.node, "node " + fault.node + " cut off from the control plane");
        m_kubelet->setConnected(fault.node, false);
        break;
    case FaultType::HealPartition:
        announce(fault.node, "node " + fault.node + " reachable again");
        m_kubelet->setConnected(fault.node, true);
        break;
    case FaultType::ZoneOutage:
        announce(fault.zone, "zone " + fault.zone + " is down");
        forEachNodeInZone(fault.zone,
                          [this](const std::string& n) { failNode(n, Component::Chaos); });
        break;
    case FaultType::ZoneRecover:
        announce(fault.zone, "zone " + fault.zone + " is back");
        forEachNodeInZone(fault.zone,
                          [this](const std::string& n) { recoverNode(n, Component::Chaos); });
        break;
    case FaultType::PodKill:
    case FaultType::ContainerKill: {
        std::string pod = fault.pod;
        if (pod.empty()) {
            std::vector<std::string> candidates;
            for (const auto& [key, object] : m_api.pods()) {
                if (!isPodTerminating(object) &&
                    owningDeployment(m_api, object) == fault.deployment &&
                    (fault.type == FaultType::PodKill || !object.nodeName.empty())) {
                    candidates.push_back(object.meta.name);
                }
            }
            if (candidates.empty()) {
                announce(fault.deployment, "no pod of " + fault.deployment + " to kill");
                break;
            }
            pod = candidates[m_faultStream.uniformIndex(candidates.size())];
        }
        if (fault.type == FaultType::PodKill) {
            deletePod(pod, Component::Chaos);
        } else {
            m_kubelet->killContainer(pod, fault.container);
        }
        break;
    }
    case FaultType::RegistryOutage:
        announce("registry", "the image registry is unreachable: pulls fail");
        m_registryUp = false;
        break;
    case FaultType::RegistryRecover:
        announce("registry", "the image registry is reachable again");
        m_registryUp = true;
        break;
    case FaultType::ControlPlaneOutage:
    case FaultType::ControlPlaneRecover: {
        const ControlPlaneComponent component =
            fault.component.value_or(ControlPlaneComponent::ApiServer);
        const bool up = fault.type == FaultType::ControlPlaneRecover;
        announce(std::string(componentLabel(component)),
                 std::string(componentLabel(component)) + (up ? " is back" : " is down"));
        setComponentUp(component, up);
        break;
    }
    }
    if (fault.duration) {
        if (const auto recovery = recoveryOf(fault.type)) {
            FaultSpec end = fault;
            end.type = *recovery;
            end.duration.reset();
            m_engine.schedule(
                *fault.duration, [this, end] { applyFault(end); }, priority::kAction);
        }
    }
}

} // namespace cnsim
