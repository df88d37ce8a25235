#include "model/deploymentcontroller.h"

#include "model/eventpriority.h"
#include "model/podfactory.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

constexpr const char* kRevisionAnnotation = "deployment.kubernetes.io/revision";

bool ownedBy(const ReplicaSetObject& rs, const DeploymentObject& d) {
    return std::any_of(rs.meta.ownerReferences.begin(), rs.meta.ownerReferences.end(),
                       [&](const OwnerReference& o) { return o.uid == d.meta.uid; });
}

} // namespace

DeploymentController::DeploymentController(SimulationModel& model)
    : m_model(model), m_trigger(model.engine(), priority::kController, [this] { reconcile(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Deployment,
              [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
    api.watch(ResourceKind::ReplicaSet,
              [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
}

void DeploymentController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return;
    }
    std::vector<DeploymentObject*> deployments;
    for (auto& [key, d] : m_model.api().deployments()) {
        deployments.push_back(&d);
    }
    for (DeploymentObject* d : deployments) {
        syncDeployment(*d);
    }
}

ReplicaSetObject& DeploymentController::ensureNewReplicaSet(DeploymentObject& d,
                                                            std::vector<ReplicaSetObject*>& owned) {
    const std::string hash = podTemplateHash(d.spec.podLabels, d.spec.podSpec);
    const std::string name = d.meta.name + "-" + hash;
    std::int64_t maxRevision = 0;
    for (const ReplicaSetObject* rs : owned) {
        maxRevision = std::max(maxRevision, replicaSetRevision(*rs));
    }
    for (ReplicaSetObject* rs : owned) {
        if (rs->meta.name == name) {
            // A rollback to an older template makes its ReplicaSet the newest revision.
            if (replicaSetRevision(*rs) != maxRevision) {
                rs->meta.annotations[kRevisionAnnotation] = std::to_string(maxRevision + 1);
                m_model.api().updated(ResourceKind::ReplicaSet, rs->meta);
            }
            return *rs;
        }
    }
    ReplicaSetObject rs;
    rs.meta.name = name;
    rs.meta.nameSpace = d.meta.nameSpace;
    rs.meta.labels = d.spec.podLabels;
    rs.meta.labels["pod-template-hash"] = hash;
    rs.meta.annotations[kRevisionAnnotation] = std::to_string(maxRevision + 1);
    rs.meta.ownerReferences.push_back(OwnerReference{"Deployment", d.meta.name, d.meta.uid});
    rs.selector.matchLabels = d.spec.selector;
    rs.selector.matchLabels["pod-template-hash"] = hash;
    rs.templateLabels = d.spec.podLabels;
    rs.templateLabels["pod-template-hash"] = hash;
    rs.templateSpec = d.spec.podSpec;
    rs.minReadySeconds = d.spec.minReadySeconds.value_or(0);
    rs.replicas = 0;
    ReplicaSetObject& created = m_model.api().create(std::move(rs), m_model.now());
    owned.push_back(&created);
    return created;
}

void DeploymentController::scaleReplicaSet(DeploymentObject& d, ReplicaSetObject& rs,
                                           int replicas) {
    if (rs.replicas == replicas) {
        return;
    }
    m_model.record(Component::DeploymentController, EventReason::ScalingReplicaSet,
                   ObjectKind::Deployment, d.meta.name,
                   {{"replicaset", rs.meta.name},
                    {"direction", replicas > rs.replicas ? "up" : "down"},
                    {"from", std::to_string(rs.replicas)},
                    {"to", std::to_string(replicas)}});
    rs.replicas = replicas;
    ++rs.meta.generation;
    m_model.api().updated(ResourceKind::ReplicaSet, rs.meta);
}

void DeploymentController::syncDeployment(DeploymentObject& d) {
    std::vector<ReplicaSetObject*> owned;
    for (auto& [key, rs] : m_model.api().replicaSets()) {
        if (ownedBy(rs, d)) {
            owned.push_back(&rs);
        }
    }
    ReplicaSetObject& newRs = ensureNewReplicaSet(d, owned);
    scaleReplicaSet(d, newRs, d.spec.replicas);
    for (ReplicaSetObject* rs : owned) {
        if (rs != &newRs) {
            scaleReplicaSet(d, *rs, 0);
        }
    }
    updateStatus(d, owned, newRs);
}

void DeploymentController::updateStatus(DeploymentObject& d,
                                        const std::vector<ReplicaSetObject*>& owned,
                                        const ReplicaSetObject& newRs) {
    int replicas = 0;
    int ready = 0;
    int available = 0;
    for (const ReplicaSetObject* rs : owned) {
        replicas += rs->statusReplicas;
        ready += rs->readyReplicas;
        available += rs->availableReplicas;
    }
    const int updated = newRs.statusReplicas;
    const int unavailable = std::max(0, d.spec.replicas - available);
    if (d.statusReplicas == replicas && d.readyReplicas == ready &&
        d.availableReplicas == available && d.updatedReplicas == updated &&
        d.unavailableReplicas == unavailable && d.observedGeneration == d.meta.generation) {
        return;
    }
    d.statusReplicas = replicas;
    d.readyReplicas = ready;
    d.availableReplicas = available;
    d.updatedReplicas = updated;
    d.unavailableReplicas = unavailable;
    d.observedGeneration = d.meta.generation;
    const SimTime now = m_model.now();
    setCondition(d.conditions, "Available",
                 unavailable == 0 ? ConditionStatus::True : ConditionStatus::False, now,
                 unavailable == 0 ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                 unavailable == 0 ? "Deployment has minimum availability."
                                  : "Deployment does not have minimum availability.");
    m_model.api().updated(ResourceKind::Deployment, d.meta);
}

} // namespace cnsim
