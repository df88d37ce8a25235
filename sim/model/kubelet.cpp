#include "model/kubelet.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

namespace cnsim {

Kubelet::Kubelet(SimulationModel& model) : m_model(model) {}

void Kubelet::podBound(PodId id) {
    PodRuntime& pod = m_model.state().pods.at(id);
    pod.phase = PodPhase::Starting;
    pod.lifecycleEvent = m_model.engine().schedule(
        m_model.scenario().simulation.podStartupTime, [this, id] { podStarted(id); },
        priority::kLifecycle);
}

void Kubelet::podStarted(PodId id) {
    PodRuntime& pod = m_model.state().pods.at(id);
    pod.lifecycleEvent = {};
    pod.phase = PodPhase::Running;
    m_model.record(Component::Kubelet, EventReason::Started, ObjectKind::Pod, pod.name,
                   {{"pod", pod.name}, {"node", m_model.state().nodes[*pod.node].spec.name}});
    m_model.traffic().refreshEndpoints();
}

void Kubelet::terminatePod(PodId id) {
    PodRuntime& pod = m_model.state().pods.at(id);
    if (pod.phase == PodPhase::Terminating) {
        return;
    }
    m_model.engine().cancel(pod.lifecycleEvent);
    if (!pod.node) {
        // Never bound: nothing runs, so it is gone at once.
        removePod(id);
        return;
    }
    const bool wasServing = pod.phase == PodPhase::Running;
    pod.phase = PodPhase::Terminating;
    m_model.record(Component::Kubelet, EventReason::Killing, ObjectKind::Pod, pod.name,
                   {{"pod", pod.name}, {"node", m_model.state().nodes[*pod.node].spec.name}});
    if (wasServing) {
        m_model.traffic().refreshEndpoints();
    }
    pod.lifecycleEvent = m_model.engine().schedule(
        kShutdownTime, [this, id] { removePod(id); }, priority::kLifecycle);
}

void Kubelet::podLost(PodId id) {
    PodRuntime& pod = m_model.state().pods.at(id);
    m_model.engine().cancel(pod.lifecycleEvent);
    m_model.record(Component::NodeController, EventReason::PodLost, ObjectKind::Pod, pod.name,
                   {{"pod", pod.name}, {"node", m_model.state().nodes[*pod.node].spec.name}});
    removePod(id);
}

void Kubelet::removePod(PodId id) {
    ClusterState& state = m_model.state();
    PodRuntime& pod = state.pods.at(id);
    const bool wasServing = pod.phase == PodPhase::Running;
    m_model.traffic().dropRequests(pod);
    if (pod.node) {
        NodeRuntime& node = state.nodes[*pod.node];
        node.cpuRequested -= pod.cpuRequest;
        node.memoryRequested -= pod.memoryRequest;
        --node.podCount;
    }
    state.pods.erase(id);
    if (wasServing) {
        m_model.traffic().refreshEndpoints();
    }
    // Freed room may let a pending pod fit; a lost pod needs replacing.
    m_model.scheduler().requestCycle();
    m_model.deploymentController().requestReconcile();
}

} // namespace cnsim
