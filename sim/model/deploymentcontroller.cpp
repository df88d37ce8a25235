#include "model/deploymentcontroller.h"

#include "model/eventpriority.h"
#include "model/ownership.h"
#include "model/podfactory.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <charconv>

namespace cnsim {

namespace {

constexpr const char* kRevisionAnnotation = "deployment.kubernetes.io/revision";
constexpr const char* kDesiredAnnotation = "deployment.kubernetes.io/desired-replicas";
constexpr const char* kMaxAnnotation = "deployment.kubernetes.io/max-replicas";

std::optional<int> intAnnotation(const LabelMap& annotations, const char* key) {
    const auto it = annotations.find(key);
    if (it == annotations.end()) {
        return std::nullopt;
    }
    int value = 0;
    const auto [end, ec] =
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    return ec == std::errc() ? std::optional<int>(value) : std::nullopt;
}

void setIntAnnotation(LabelMap& annotations, const char* key, std::optional<int> value) {
    if (value) {
        annotations[key] = std::to_string(*value);
    } else {
        annotations.erase(key);
    }
}

Condition toCondition(const char* type, const DeploymentCondition& c) {
    return Condition{type,
                     c.status,
                     c.lastTransitionTime,
                     c.lastUpdateTime,
                     std::string(reasonName(c.reason)),
                     c.message};
}

} // namespace

DeploymentController::DeploymentController(SimulationModel& model)
    : m_model(model), m_queue(model.engine(), priority::kController, [this] { reconcile(); }) {
    // As upstream's event handlers (pkg/controller/deployment/deployment_controller.go):
    // a Deployment's own events queue it, a ReplicaSet's queue its owner (the controller
    // ref), and a deleted pod queues the Recreate Deployments, which wait for old pods to be
    // gone. Only queued Deployments are synced.
    ApiServer& api = model.api();
    api.watch(ResourceKind::Deployment, [this](WatchEventType type, const ObjectMeta& meta) {
        const std::string key = ObjectTable<DeploymentObject>::key(meta.nameSpace, meta.name);
        if (type == WatchEventType::Deleted) {
            m_queue.forget(key);
        } else {
            m_queue.add(key);
        }
    });
    api.watch(ResourceKind::ReplicaSet, [this](WatchEventType, const ObjectMeta& meta) {
        for (const OwnerReference& owner : meta.ownerReferences) {
            if (owner.kind == "Deployment") {
                m_queue.add(ObjectTable<DeploymentObject>::key(meta.nameSpace, owner.name));
            }
        }
    });
    api.watch(ResourceKind::Pod, [this](WatchEventType type, const ObjectMeta&) {
        if (type != WatchEventType::Deleted) {
            return;
        }
        for (const auto& [key, d] : m_model.api().deployments()) {
            if (d.spec.strategy && d.spec.strategy->type == DeploymentStrategyType::Recreate) {
                m_queue.add(key);
            }
        }
    });
}

void DeploymentController::requestReconcile() {
    m_queue.addAll(m_model.api().deployments());
}

RsCounts DeploymentController::countsOf(const ReplicaSetObject& rs) {
    RsCounts counts;
    counts.name = rs.meta.name;
    counts.revision = static_cast<int>(replicaSetRevision(rs));
    counts.createdAt = rs.meta.creationTimestamp;
    counts.specReplicas = rs.replicas;
    counts.replicas = rs.statusReplicas;
    counts.readyReplicas = rs.readyReplicas;
    counts.availableReplicas = rs.availableReplicas;
    counts.desiredReplicasAnnotation = intAnnotation(rs.meta.annotations, kDesiredAnnotation);
    counts.maxReplicasAnnotation = intAnnotation(rs.meta.annotations, kMaxAnnotation);
    return counts;
}

std::vector<ReplicaSetObject*> DeploymentController::ownedReplicaSets(const DeploymentObject& d) {
    std::vector<ReplicaSetObject*> owned;
    for (auto& [key, rs] : m_model.api().replicaSets()) {
        if (isOwnedBy(rs.meta, d.meta)) {
            owned.push_back(&rs);
        }
    }
    return owned;
}

void DeploymentController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return; // the controller resyncs when it can reach the API server again
    }
    // Syncing may queue Deployments again (its ReplicaSets' events); those run in the next pass.
    for (const std::string& key : m_queue.take()) {
        if (DeploymentObject* d = m_model.api().deployments().findByKey(key)) {
            syncDeployment(*d);
        }
    }
}

void DeploymentController::applyCounts(ReplicaSetObject& rs, const RsCounts& counts) {
    bool changed = false;
    if (rs.replicas != counts.specReplicas) {
        rs.replicas = counts.specReplicas;
        ++rs.meta.generation;
        changed = true;
    }
    LabelMap annotations = rs.meta.annotations;
    annotations[kRevisionAnnotation] = std::to_string(counts.revision);
    setIntAnnotation(annotations, kDesiredAnnotation, counts.desiredReplicasAnnotation);
    setIntAnnotation(annotations, kMaxAnnotation, counts.maxReplicasAnnotation);
    if (annotations != rs.meta.annotations) {
        rs.meta.annotations = std::move(annotations);
        changed = true;
    }
    if (changed) {
        m_model.api().updated(ResourceKind::ReplicaSet, rs.meta);
    }
}

ReplicaSetObject& DeploymentController::createReplicaSet(DeploymentObject& d,
                                                         const RsCounts& counts,
                                                         const std::string& hash) {
    ReplicaSetObject rs;
    rs.meta.name = counts.name;
    rs.meta.nameSpace = d.meta.nameSpace;
    rs.meta.labels = d.spec.podLabels;
    rs.meta.labels["pod-template-hash"] = hash;
    rs.meta.ownerReferences.push_back(OwnerReference{"Deployment", d.meta.name, d.meta.uid});
    rs.selector.matchLabels = d.spec.selector;
    rs.selector.matchLabels["pod-template-hash"] = hash;
    rs.templateLabels = d.spec.podLabels;
    rs.templateLabels["pod-template-hash"] = hash;
    rs.templateAnnotations = d.templateAnnotations;
    rs.templateSpec = d.spec.podSpec;
    rs.minReadySeconds = d.spec.minReadySeconds.value_or(0);
    rs.meta.annotations[kRevisionAnnotation] = std::to_string(counts.revision);
    setIntAnnotation(rs.meta.annotations, kDesiredAnnotation, counts.desiredReplicasAnnotation);
    setIntAnnotation(rs.meta.annotations, kMaxAnnotation, counts.maxReplicasAnnotation);
    rs.replicas = counts.specReplicas;
    return m_model.api().create(std::move(rs), m_model.now());
}

void DeploymentController::syncDeployment(DeploymentObject& d) {
    const std::string key = ObjectTable<DeploymentObject>::key(d.meta.nameSpace, d.meta.name);
    const std::string hash =
        podTemplateHash(d.spec.podLabels, d.spec.podSpec, d.templateAnnotations);
    const std::string newName = d.meta.name + "-" + hash;

    DeploymentSyncInput input;
    input.deployment = DeploymentParams::fromSpec(d.spec);
    input.deployment.name = d.meta.name;
    input.deployment.replicas = d.spec.replicas;
    input.previousStatus = m_status[key];
    input.newRsName = newName;
    input.now = m_model.now();
    std::map<std::string, ReplicaSetObject*> byName;
    for (ReplicaSetObject* rs : ownedReplicaSets(d)) {
        byName[rs->meta.name] = rs;
        if (rs->meta.name == newName) {
            input.newRs = countsOf(*rs);
        } else {
            input.oldRss.push_back(countsOf(*rs));
        }
    }
    if (d.spec.strategy && d.spec.strategy->type == DeploymentStrategyType::Recreate) {
        for (const auto& [podKey, pod] : m_model.api().pods()) {
            const std::string rs = owningReplicaSet(pod);
            if (rs != newName && byName.count(rs) != 0 && pod.phase != PodPhaseK8s::Succeeded &&
                pod.phase != PodPhaseK8s::Failed) {
                ++input.oldPodsNotTerminated;
            }
        }
    }

    const DeploymentSyncResult result = cnsim::syncDeployment(input);

    for (const RsCounts& counts : result.oldRss) {
        if (const auto it = byName.find(counts.name); it != byName.end()) {
            applyCounts(*it->second, counts);
        }
    }
    if (result.newRs) {
        if (result.createdNewRs) {
            createReplicaSet(d, *result.newRs, hash);
        } else if (const auto it = byName.find(result.newRs->name); it != byName.end()) {
            applyCounts(*it->second, *result.newRs);
        }
    }
    for (const RsScaleAction& scaled : result.scaled) {
        m_model.record(Component::DeploymentController, EventReason::ScalingReplicaSet,
                       ObjectKind::Deployment, d.meta.name,
                       {{"replicaset", scaled.name},
                        {"direction", scaled.to > scaled.from ? "up" : "down"},
                        {"from", std::to_string(scaled.from)},
                        {"to", std::to_string(scaled.to)}});
    }
    for (const std::string& name : result.deletedRss) {
        if (const auto it = byName.find(name); it != byName.end()) {
            m_model.api().remove(ResourceKind::ReplicaSet, it->second->meta);
        }
    }
    m_status[key] = result.status;
    writeStatus(d, result.status);
    if (result.recheckAt) {
        m_model.engine().scheduleAt(
            std::max(*result.recheckAt, m_model.now()), [this, key] { m_queue.add(key); },
            priority::kController);
    }
}

void DeploymentController::writeStatus(DeploymentObject& d, const DeploymentStatus& status) {
    std::vector<Condition> conditions;
    if (status.available) {
        conditions.push_back(toCondition("Available", *status.available));
    }
    if (status.progressing) {
        conditions.push_back(toCondition("Progressing", *status.progressing));
    }
    const bool same =
        d.statusReplicas == status.replicas && d.updatedReplicas == status.updatedReplicas &&
        d.readyReplicas == status.readyReplicas &&
        d.availableReplicas == status.availableReplicas &&
        d.unavailableReplicas == status.unavailableReplicas &&
        d.observedGeneration == d.meta.generation && conditions.size() == d.conditions.size() &&
        std::equal(conditions.begin(), conditions.end(), d.conditions.begin(),
                   [](const Condition& a, const Condition& b) {
                       return a.type == b.type && a.status == b.status && a.reason == b.reason &&
                              a.message == b.message && a.lastUpdateTime == b.lastUpdateTime;
                   });
    if (same) {
        return;
    }
    d.statusReplicas = status.replicas;
    d.updatedReplicas = status.updatedReplicas;
    d.readyReplicas = status.readyReplicas;
    d.availableReplicas = status.availableReplicas;
    d.unavailableReplicas = status.unavailableReplicas;
    d.observedGeneration = d.meta.generation;
    d.conditions = std::move(conditions);
    m_model.api().updated(ResourceKind::Deployment, d.meta);
}

} // namespace cnsim
