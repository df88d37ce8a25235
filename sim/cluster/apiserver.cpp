#include "cluster/apiserver.h"

#include "control/workloads/tainteviction.h"

#include <cstdio>
#include <stdexcept>

namespace cnsim {

std::string_view resourceKindName(ResourceKind kind) {
    switch (kind) {
    case ResourceKind::Node:
        return "Node";
    case ResourceKind::Pod:
        return "Pod";
    case ResourceKind::ReplicaSet:
        return "ReplicaSet";
    case ResourceKind::Deployment:
        return "Deployment";
    case ResourceKind::Service:
        return "Service";
    case ResourceKind::Endpoints:
        return "Endpoints";
    case ResourceKind::PodDisruptionBudget:
        return "PodDisruptionBudget";
    case ResourceKind::HorizontalPodAutoscaler:
        return "HorizontalPodAutoscaler";
    case ResourceKind::Rollout:
        return "Rollout";
    case ResourceKind::AnalysisTemplate:
        return "AnalysisTemplate";
    case ResourceKind::AnalysisRun:
        return "AnalysisRun";
    case ResourceKind::ScaledObject:
        return "ScaledObject";
    case ResourceKind::VerticalPodAutoscaler:
        return "VerticalPodAutoscaler";
    }
    return "Unknown";
}

ApiServer::ApiServer(std::uint64_t seed) : m_uids(seed, "uids") {}

std::string ApiServer::newUid() {
    // Shaped like a random (version 4) UUID, drawn from the run's seed.
    const std::uint64_t a = m_uids.nextU64();
    const std::uint64_t b = m_uids.nextU64();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08llx-%04llx-4%03llx-%04llx-%012llx",
                  static_cast<unsigned long long>(a >> 32),
                  static_cast<unsigned long long>((a >> 16) & 0xffff),
                  static_cast<unsigned long long>(a & 0xfff),
                  static_cast<unsigned long long>(((b >> 48) & 0x3fff) | 0x8000),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buffer;
}

template <class T>
T& ApiServer::store(ObjectTable<T>& table, ResourceKind kind, T object, SimTime now) {
    const std::string key = ObjectTable<T>::key(object.meta.nameSpace, object.meta.name);
    if (table.m_items.count(key) != 0) {
        throw std::logic_error(std::string(resourceKindName(kind)) + " " + key + " already exists");
    }
    object.meta.uid = newUid();
    object.meta.resourceVersion = ++m_resourceVersion;
    object.meta.creationTimestamp = now;
    T& stored = table.m_items.emplace(key, std::move(object)).first->second;
    notify(kind, WatchEventType::Added, stored.meta);
    return stored;
}

NodeObject& ApiServer::create(NodeObject o, SimTime now) {
    return store(m_nodes, ResourceKind::Node, std::move(o), now);
}
PodObject& ApiServer::create(PodObject o, SimTime now) {
    // Admission plugin DefaultTolerationSeconds: tolerate not-ready and unreachable for 300 s
    // unless the pod says otherwise (plugin/pkg/admission/defaulttolerationseconds).
    o.spec.tolerations = withDefaultTolerations(std::move(o.spec.tolerations));
    return store(m_pods, ResourceKind::Pod, std::move(o), now);
}
ReplicaSetObject& ApiServer::create(ReplicaSetObject o, SimTime now) {
    return store(m_replicaSets, ResourceKind::ReplicaSet, std::move(o), now);
}
DeploymentObject& ApiServer::create(DeploymentObject o, SimTime now) {
    return store(m_deployments, ResourceKind::Deployment, std::move(o), now);
}
ServiceObject& ApiServer::create(ServiceObject o, SimTime now) {
    return store(m_services, ResourceKind::Service, std::move(o), now);
}
EndpointsObject& ApiServer::create(EndpointsObject o, SimTime now) {
    return store(m_endpoints, ResourceKind::Endpoints, std::move(o), now);
}
PodDisruptionBudgetObject& ApiServer::create(PodDisruptionBudgetObject o, SimTime now) {
    return store(m_pdbs, ResourceKind::PodDisruptionBudget, std::move(o), now);
}
HorizontalPodAutoscalerObject& ApiServer::create(HorizontalPodAutoscalerObject o, SimTime now) {
    return store(m_hpas, ResourceKind::HorizontalPodAutoscaler, std::move(o), now);
}
RolloutObject& ApiServer::create(RolloutObject o, SimTime now) {
    return store(m_rollouts, ResourceKind::Rollout, std::move(o), now);
}
AnalysisTemplateObject& ApiServer::create(AnalysisTemplateObject o, SimTime now) {
    return store(m_analysisTemplates, ResourceKind::AnalysisTemplate, std::move(o), now);
}
AnalysisRunObject& ApiServer::create(AnalysisRunObject o, SimTime now) {
    return store(m_analysisRuns, ResourceKind::AnalysisRun, std::move(o), now);
}

ScaledObjectObject& ApiServer::create(ScaledObjectObject o, SimTime now) {
    return store(m_scaledObjects, ResourceKind::ScaledObject, std::move(o), now);
}

VerticalPodAutoscalerObject& ApiServer::create(VerticalPodAutoscalerObject o, SimTime now) {
    return store(m_vpas, ResourceKind::VerticalPodAutoscaler, std::move(o), now);
}

void ApiServer::updated(ResourceKind kind, ObjectMeta& meta) {
    meta.resourceVersion = ++m_resourceVersion;
    notify(kind, WatchEventType::Modified, meta);
}

void ApiServer::remove(ResourceKind kind, const ObjectMeta& meta) {
    // Copy first: the watchers get the metadata of an object that no longer exists.
    const ObjectMeta removed = meta;
    const std::string key = ObjectTable<NodeObject>::key(removed.nameSpace, removed.name);
    switch (kind) {
    case ResourceKind::Node:
        m_nodes.m_items.erase(key);
        break;
    case ResourceKind::Pod:
        m_pods.m_items.erase(key);
        break;
    case ResourceKind::ReplicaSet:
        m_replicaSets.m_items.erase(key);
        break;
    case ResourceKind::Deployment:
        m_deployments.m_items.erase(key);
        break;
    case ResourceKind::Service:
        m_services.m_items.erase(key);
        break;
    case ResourceKind::Endpoints:
        m_endpoints.m_items.erase(key);
        break;
    case ResourceKind::PodDisruptionBudget:
        m_pdbs.m_items.erase(key);
        break;
    case ResourceKind::HorizontalPodAutoscaler:
        m_hpas.m_items.erase(key);
        break;
    case ResourceKind::Rollout:
        m_rollouts.m_items.erase(key);
        break;
    case ResourceKind::AnalysisTemplate:
        m_analysisTemplates.m_items.erase(key);
        break;
    case ResourceKind::AnalysisRun:
        m_analysisRuns.m_items.erase(key);
        break;
    case ResourceKind::ScaledObject:
        m_scaledObjects.m_items.erase(key);
        break;
    case ResourceKind::VerticalPodAutoscaler:
        m_vpas.m_items.erase(key);
        break;
    }
    ++m_resourceVersion;
    notify(kind, WatchEventType::Deleted, removed);
}

void ApiServer::watch(ResourceKind kind, Watcher watcher) {
    m_watchers[kind].push_back(std::move(watcher));
}

std::uint64_t ApiServer::changes(ResourceKind kind) const {
    const auto it = m_changes.find(kind);
    return it == m_changes.end() ? 0 : it->second;
}

void ApiServer::notify(ResourceKind kind, WatchEventType type, const ObjectMeta& meta) {
    ++m_changes[kind];
    const auto it = m_watchers.find(kind);
    if (it == m_watchers.end()) {
        return;
    }
    for (const Watcher& watcher : it->second) {
        watcher(type, meta);
    }
}

} // namespace cnsim
