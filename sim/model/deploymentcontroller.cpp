#include "model/deploymentcontroller.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <string_view>

namespace cnsim {

namespace {

// Kubernetes' alphabet for generated name suffixes: no vowels, no look-alike digits
// (apimachinery/pkg/util/rand/rand.go).
constexpr std::string_view kNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

int phaseRank(const PodRuntime& pod) {
    if (!pod.node) {
        return 0;
    }
    return pod.phase == PodPhase::Starting ? 1 : 2;
}

} // namespace

DeploymentController::DeploymentController(SimulationModel& model)
    : m_model(model), m_names(model.makeStream("pod-names")) {}

void DeploymentController::requestReconcile() {
    if (m_reconcileRequested) {
        return;
    }
    m_reconcileRequested = true;
    m_model.engine().schedule(
        SimTime::zero(), [this] { reconcile(); }, priority::kController);
}

std::string DeploymentController::newPodName(const DeploymentRuntime& deployment) {
    while (true) {
        std::string name = deployment.spec->name + "-" + deployment.podTemplateHash + "-";
        for (int i = 0; i < 5; ++i) {
            name += kNameAlphabet[m_names.uniformIndex(kNameAlphabet.size())];
        }
        if (m_model.state().findPod(name) == nullptr) {
            return name;
        }
    }
}

void DeploymentController::createPod(std::size_t index) {
    ClusterState& state = m_model.state();
    DeploymentRuntime& deployment = state.deployments[index];
    PodRuntime pod;
    pod.id = state.nextPodId++;
    pod.name = newPodName(deployment);
    pod.deployment = index;
    pod.createdAt = m_model.engine().now();
    pod.cpuRequest = deployment.cpuRequest;
    pod.memoryRequest = deployment.memoryRequest;
    pod.serviceCores = deployment.serviceCores;
    ++deployment.podsCreated;
    const std::string name = pod.name;
    state.pods.emplace(pod.id, std::move(pod));
    m_model.record(Component::DeploymentController, EventReason::SuccessfulCreate,
                   ObjectKind::Deployment, deployment.spec->name, {{"pod", name}});
}

void DeploymentController::reconcile() {
    m_reconcileRequested = false;
    ClusterState& state = m_model.state();
    bool created = false;
    for (std::size_t d = 0; d < state.deployments.size(); ++d) {
        std::vector<PodRuntime*> active;
        for (auto& [id, pod] : state.pods) {
            if (pod.deployment == d && pod.phase != PodPhase::Terminating) {
                active.push_back(&pod);
            }
        }
        const int desired = state.deployments[d].desiredReplicas;
        const int count = static_cast<int>(active.size());
        for (int i = count; i < desired; ++i) {
            createPod(d);
            created = true;
        }
        if (count > desired) {
            // Least valuable first: unscheduled, then starting, then running; newest first.
            std::stable_sort(active.begin(), active.end(),
                             [](const PodRuntime* a, const PodRuntime* b) {
                                 if (phaseRank(*a) != phaseRank(*b)) {
                                     return phaseRank(*a) < phaseRank(*b);
                                 }
                                 return a->createdAt > b->createdAt;
                             });
            std::vector<PodId> victims;
            for (int i = 0; i < count - desired; ++i) {
                victims.push_back(active[static_cast<std::size_t>(i)]->id);
            }
            for (const PodId victim : victims) {
                m_model.record(Component::DeploymentController, EventReason::SuccessfulDelete,
                               ObjectKind::Deployment, state.deployments[d].spec->name,
                               {{"pod", state.pods.at(victim).name}});
                m_model.kubelet().terminatePod(victim);
            }
        }
    }
    if (created) {
        m_model.scheduler().requestCycle();
    }
}

} // namespace cnsim
