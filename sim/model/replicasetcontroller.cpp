#include "model/replicasetcontroller.h"

#include "model/eventpriority.h"
#include "model/podfactory.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

bool ownedBy(const PodObject& pod, const ReplicaSetObject& rs) {
    return std::any_of(pod.meta.ownerReferences.begin(), pod.meta.ownerReferences.end(),
                       [&](const OwnerReference& o) { return o.uid == rs.meta.uid; });
}

bool isActive(const PodObject& pod) {
    return !isPodTerminating(pod) && pod.phase != PodPhaseK8s::Failed &&
           pod.phase != PodPhaseK8s::Succeeded;
}

// Deletion preference, most deletable first (controller_utils.go ActivePods.Less):
// unassigned before assigned, Pending before Running, not ready before ready, more restarts
// before fewer, newer before older.
bool deleteBefore(const PodObject* a, const PodObject* b) {
    if (a->nodeName.empty() != b->nodeName.empty()) {
        return a->nodeName.empty();
    }
    const auto phaseRank = [](const PodObject* p) {
        return p->phase == PodPhaseK8s::Pending ? 0 : p->phase == PodPhaseK8s::Unknown ? 1 : 2;
    };
    if (phaseRank(a) != phaseRank(b)) {
        return phaseRank(a) < phaseRank(b);
    }
    if (isPodReady(*a) != isPodReady(*b)) {
        return !isPodReady(*a);
    }
    if (podRestarts(*a) != podRestarts(*b)) {
        return podRestarts(*a) > podRestarts(*b);
    }
    if (a->meta.creationTimestamp != b->meta.creationTimestamp) {
        return a->meta.creationTimestamp > b->meta.creationTimestamp;
    }
    return a->meta.name < b->meta.name;
}

} // namespace

ReplicaSetController::ReplicaSetController(SimulationModel& model)
    : m_model(model), m_names(model.makeStream("pod-names")),
      m_trigger(model.engine(), priority::kController, [this] { reconcile(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::ReplicaSet,
              [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
    api.watch(ResourceKind::Pod, [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
}

void ReplicaSetController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return; // the controller resyncs when it can reach the API server again
    }
    std::vector<ReplicaSetObject*> sets;
    for (auto& [key, rs] : m_model.api().replicaSets()) {
        sets.push_back(&rs);
    }
    for (ReplicaSetObject* rs : sets) {
        syncReplicaSet(*rs);
    }
}

void ReplicaSetController::syncReplicaSet(ReplicaSetObject& rs) {
    ApiServer& api = m_model.api();
    const SimTime now = m_model.now();
    std::vector<PodObject*> active;
    int ready = 0;
    int available = 0;
    std::optional<SimTime> nextAvailabilityCheck;
    for (auto& [key, pod] : api.pods()) {
        if (!ownedBy(pod, rs) || !isActive(pod)) {
            continue;
        }
        active.push_back(&pod);
        if (isPodReady(pod)) {
            ++ready;
            // podutil.IsPodAvailable: ready for at least minReadySeconds.
            const SimTime readySince = findCondition(pod.conditions, "Ready")->lastTransitionTime;
            const SimTime availableAt = readySince + SimTime::seconds(rs.minReadySeconds);
            if (availableAt <= now) {
                ++available;
            } else if (!nextAvailabilityCheck || availableAt < *nextAvailabilityCheck) {
                nextAvailabilityCheck = availableAt;
            }
        }
    }
    const int count = static_cast<int>(active.size());
    if (count < rs.replicas) {
        for (int i = count; i < rs.replicas; ++i) {
            std::string name = generateName(rs.meta.name, m_names);
            while (api.pods().find(rs.meta.nameSpace, name) != nullptr) {
                name = generateName(rs.meta.name, m_names);
            }
            PodObject& pod = api.create(podFromTemplate(rs, name), now);
            m_model.record(Component::ReplicaSetController, EventReason::SuccessfulCreate,
                           ObjectKind::ReplicaSet, rs.meta.name, {{"pod", pod.meta.name}});
        }
    } else if (count > rs.replicas) {
        std::stable_sort(active.begin(), active.end(), deleteBefore);
        std::vector<std::string> victims;
        for (int i = 0; i < count - rs.replicas; ++i) {
            victims.push_back(active[static_cast<std::size_t>(i)]->meta.name);
        }
        for (const std::string& victim : victims) {
            m_model.record(Component::ReplicaSetController, EventReason::SuccessfulDelete,
                           ObjectKind::ReplicaSet, rs.meta.name, {{"pod", victim}});
            m_model.requestPodDeletion(rs.meta.nameSpace, victim, Component::ReplicaSetController);
        }
    }
    if (rs.statusReplicas != std::min(count, rs.replicas) || rs.readyReplicas != ready ||
        rs.availableReplicas != available) {
        rs.statusReplicas = std::min(count, rs.replicas);
        rs.readyReplicas = ready;
        rs.availableReplicas = available;
        rs.observedGeneration = rs.meta.generation;
        api.updated(ResourceKind::ReplicaSet, rs.meta);
    }
    if (nextAvailabilityCheck) {
        m_model.engine().scheduleAt(
            *nextAvailabilityCheck, [this] { requestReconcile(); }, priority::kController);
    }
}

} // namespace cnsim
