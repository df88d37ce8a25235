#include "model/replicasetcontroller.h"

#include "model/eventpriority.h"
#include "model/ownership.h"
#include "model/podfactory.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

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
      m_queue(model.engine(), priority::kController, [this] { reconcile(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::ReplicaSet, [this](WatchEventType type, const ObjectMeta& meta) {
        const std::string key = ObjectTable<ReplicaSetObject>::key(meta.nameSpace, meta.name);
        if (type == WatchEventType::Deleted) {
            m_queue.forget(key);
            m_podsByOwner.erase(key);
        } else {
            m_queue.add(key);
        }
    });
    api.watch(ResourceKind::Pod,
              [this](WatchEventType type, const ObjectMeta& meta) { onPodEvent(type, meta); });
}

int ReplicaSetController::unscheduledPods(const std::string& rsKey) const {
    const auto it = m_unscheduled.find(rsKey);
    return it == m_unscheduled.end() ? 0 : it->second;
}

void ReplicaSetController::requestReconcile() {
    m_queue.addAll(m_model.api().replicaSets());
}

void ReplicaSetController::onPodEvent(WatchEventType type, const ObjectMeta& meta) {
    const std::string podKey = ObjectTable<PodObject>::key(meta.nameSpace, meta.name);
    for (const OwnerReference& owner : meta.ownerReferences) {
        if (owner.kind != "ReplicaSet") {
            continue;
        }
        const std::string rsKey = ObjectTable<ReplicaSetObject>::key(meta.nameSpace, owner.name);
        if (type == WatchEventType::Deleted) {
            m_podsByOwner[rsKey].erase(podKey);
        } else {
            m_podsByOwner[rsKey].insert(podKey);
        }
        m_queue.add(rsKey);
    }
}

void ReplicaSetController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return; // the controller resyncs when it can reach the API server again
    }
    // Syncing may dirty other sets (its own pods' events); those run in the next pass.
    for (const std::string& key : m_queue.take()) {
        if (ReplicaSetObject* rs = m_model.api().replicaSets().findByKey(key)) {
            syncReplicaSet(*rs);
        }
    }
}

void ReplicaSetController::syncReplicaSet(ReplicaSetObject& rs) {
    ApiServer& api = m_model.api();
    const SimTime now = m_model.now();
    std::vector<PodObject*> active;
    int ready = 0;
    int available = 0;
    std::optional<SimTime> nextAvailabilityCheck;
    const std::string rsKey = ObjectTable<ReplicaSetObject>::key(rs.meta.nameSpace, rs.meta.name);
    int unscheduled = 0;
    for (const std::string& podKey : m_podsByOwner[rsKey]) {
        PodObject* found = api.pods().findByKey(podKey);
        if (found == nullptr || !isOwnedBy(found->meta, rs.meta) || !isActive(*found)) {
            continue;
        }
        PodObject& pod = *found;
        active.push_back(&pod);
        unscheduled += pod.nodeName.empty() ? 1 : 0;
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
    // Never erased, not even at zero: unscheduledPodsCounter hands out references.
    m_unscheduled[rsKey] = unscheduled;
    const int count = static_cast<int>(active.size());
    if (count < rs.replicas) {
        for (int i = count; i < rs.replicas; ++i) {
            std::string name = generateName(rs.meta.name, m_names);
            while (api.pods().find(rs.meta.nameSpace, name) != nullptr) {
                name = generateName(rs.meta.name, m_names);
            }
            PodObject fresh = podFromTemplate(rs, name);
            const MeshSettingsSpec& mesh = m_model.scenario().simulation.mesh;
            if (mesh.mode == MeshMode::Sidecar) {
                injectSidecar(fresh, mesh);
            }
            PodObject& pod = api.create(std::move(fresh), now);
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
            *nextAvailabilityCheck, [this, rsKey] { m_queue.add(rsKey); }, priority::kController);
    }
}

} // namespace cnsim
