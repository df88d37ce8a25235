#include "model/disruptioncontroller.h"

#include "model/eventpriority.h"
#include "model/ownership.h"
#include "model/simulationmodel.h"

#include <set>

namespace cnsim {

namespace {

EvictedPodPhase evictedPhase(const PodObject& pod) {
    switch (pod.phase) {
    case PodPhaseK8s::Pending:
        return EvictedPodPhase::Pending;
    case PodPhaseK8s::Running:
        return EvictedPodPhase::Running;
    case PodPhaseK8s::Succeeded:
        return EvictedPodPhase::Succeeded;
    case PodPhaseK8s::Failed:
        return EvictedPodPhase::Failed;
    case PodPhaseK8s::Unknown:
        return EvictedPodPhase::Unknown;
    }
    return EvictedPodPhase::Unknown;
}

} // namespace

DisruptionController::DisruptionController(SimulationModel& model)
    : m_model(model), m_trigger(model.engine(), priority::kEndpoints, [this] { reconcile(); }) {
    model.api().watch(ResourceKind::Pod,
                      [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
    model.api().watch(ResourceKind::PodDisruptionBudget,
                      [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
}

PdbStatus DisruptionController::statusOf(const PodDisruptionBudgetObject& pdb) const {
    const ApiServer& api = m_model.api();
    int matching = 0;
    int healthy = 0;
    std::set<std::string> deployments;
    for (const auto& [key, pod] : api.pods()) {
        if (pod.meta.nameSpace != pdb.meta.nameSpace || isPodTerminating(pod) ||
            !matchesSelector(pdb.spec.selector, pod.meta.labels)) {
            continue;
        }
        ++matching;
        healthy += isPodReady(pod) ? 1 : 0;
        if (const std::string d = owningDeployment(api, pod); !d.empty()) {
            deployments.insert(d);
        }
    }
    // getExpectedPodCount: with a percentage or maxUnavailable, the scale of the pods'
    // controllers; with an integer minAvailable, the pods that exist.
    int scale = 0;
    for (const std::string& name : deployments) {
        if (const DeploymentObject* d = api.deployments().find(pdb.meta.nameSpace, name)) {
            scale += d->spec.replicas;
        }
    }
    return pdbStatus(pdb.spec, matching, healthy, scale);
}

void DisruptionController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return;
    }
    for (auto& [key, pdb] : m_model.api().podDisruptionBudgets()) {
        const PdbStatus status = statusOf(pdb);
        if (status.expectedPods != pdb.expectedPods ||
            status.desiredHealthy != pdb.desiredHealthy ||
            status.currentHealthy != pdb.currentHealthy ||
            status.disruptionsAllowed != pdb.disruptionsAllowed) {
            pdb.expectedPods = status.expectedPods;
            pdb.desiredHealthy = status.desiredHealthy;
            pdb.currentHealthy = status.currentHealthy;
            pdb.disruptionsAllowed = status.disruptionsAllowed;
            m_model.api().updated(ResourceKind::PodDisruptionBudget, pdb.meta);
        }
    }
}

EvictionDecision DisruptionController::evictionDecision(const PodObject& pod) const {
    int covering = 0;
    const PodDisruptionBudgetObject* budget = nullptr;
    for (const auto& [key, pdb] : m_model.api().podDisruptionBudgets()) {
        if (pdb.meta.nameSpace == pod.meta.nameSpace &&
            matchesSelector(pdb.spec.selector, pod.meta.labels)) {
            ++covering;
            budget = &pdb;
        }
    }
    if (budget == nullptr) {
        return decideEviction(evictedPhase(pod), isPodTerminating(pod), 0, {}, nullptr);
    }
    const PdbStatus status = statusOf(*budget);
    return decideEviction(evictedPhase(pod), isPodTerminating(pod), covering, budget->meta.name,
                          &status);
}

} // namespace cnsim
