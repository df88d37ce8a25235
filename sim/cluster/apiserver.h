#pragma once

// ApiServer: the simulated kube-apiserver and its etcd: typed tables of API objects, unique
// ids, resource versions, and watches. Components read objects directly (as from an
// informer cache) and write through create / update / remove, which notify watchers
// synchronously; watchers only schedule work (a reconcile at the current instant), so the
// order of effects is the engine's event order.
//
// Tables are std::maps keyed by "namespace/name": iteration order is the same on every run.
// Pointers to objects stay valid until the object is removed.

#include "cluster/objects.h"
#include "engine/random.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

enum class ResourceKind {
    Node,
    Pod,
    ReplicaSet,
    Deployment,
    Service,
    Endpoints,
    PodDisruptionBudget,
    HorizontalPodAutoscaler,
    Rollout,
    AnalysisTemplate,
    AnalysisRun,
    ScaledObject,
    VerticalPodAutoscaler
};
enum class WatchEventType { Added, Modified, Deleted };

std::string_view resourceKindName(ResourceKind kind); // "Node", "Pod", …

template <class T>
class ObjectTable {
public:
    using Map = std::map<std::string, T>;

    T* find(std::string_view nameSpace, std::string_view name) {
        const auto it = m_items.find(key(nameSpace, name));
        return it == m_items.end() ? nullptr : &it->second;
    }
    const T* find(std::string_view nameSpace, std::string_view name) const {
        const auto it = m_items.find(key(nameSpace, name));
        return it == m_items.end() ? nullptr : &it->second;
    }
    // By the object's key(nameSpace, name), as work queues hold it.
    T* findByKey(const std::string& objectKey) {
        const auto it = m_items.find(objectKey);
        return it == m_items.end() ? nullptr : &it->second;
    }
    std::size_t size() const { return m_items.size(); }
    typename Map::iterator begin() { return m_items.begin(); }
    typename Map::iterator end() { return m_items.end(); }
    typename Map::const_iterator begin() const { return m_items.begin(); }
    typename Map::const_iterator end() const { return m_items.end(); }

    static std::string key(std::string_view nameSpace, std::string_view name) {
        std::string k(nameSpace);
        k += '/';
        k += name;
        return k;
    }

private:
    friend class ApiServer;
    Map m_items;
};

class ApiServer {
public:
    using Watcher = std::function<void(WatchEventType, const ObjectMeta&)>;

    explicit ApiServer(std::uint64_t seed);

    ObjectTable<NodeObject>& nodes() { return m_nodes; }
    ObjectTable<PodObject>& pods() { return m_pods; }
    ObjectTable<ReplicaSetObject>& replicaSets() { return m_replicaSets; }
    ObjectTable<DeploymentObject>& deployments() { return m_deployments; }
    ObjectTable<ServiceObject>& services() { return m_services; }
    ObjectTable<EndpointsObject>& endpoints() { return m_endpoints; }
    ObjectTable<PodDisruptionBudgetObject>& podDisruptionBudgets() { return m_pdbs; }
    const ObjectTable<NodeObject>& nodes() const { return m_nodes; }
    const ObjectTable<PodObject>& pods() const { return m_pods; }
    const ObjectTable<ReplicaSetObject>& replicaSets() const { return m_replicaSets; }
    const ObjectTable<DeploymentObject>& deployments() const { return m_deployments; }
    const ObjectTable<ServiceObject>& services() const { return m_services; }
    const ObjectTable<EndpointsObject>& endpoints() const { return m_endpoints; }
    const ObjectTable<PodDisruptionBudgetObject>& podDisruptionBudgets() const { return m_pdbs; }
    ObjectTable<HorizontalPodAutoscalerObject>& horizontalPodAutoscalers() { return m_hpas; }
    const ObjectTable<HorizontalPodAutoscalerObject>& horizontalPodAutoscalers() const {
        return m_hpas;
    }

    ObjectTable<RolloutObject>& rollouts() { return m_rollouts; }
    const ObjectTable<RolloutObject>& rollouts() const { return m_rollouts; }
    ObjectTable<AnalysisTemplateObject>& analysisTemplates() { return m_analysisTemplates; }
    const ObjectTable<AnalysisTemplateObject>& analysisTemplates() const {
        return m_analysisTemplates;
    }
    ObjectTable<AnalysisRunObject>& analysisRuns() { return m_analysisRuns; }
    const ObjectTable<AnalysisRunObject>& analysisRuns() const { return m_analysisRuns; }
    ObjectTable<ScaledObjectObject>& scaledObjects() { return m_scaledObjects; }
    const ObjectTable<ScaledObjectObject>& scaledObjects() const { return m_scaledObjects; }
    ObjectTable<VerticalPodAutoscalerObject>& verticalPodAutoscalers() { return m_vpas; }
    const ObjectTable<VerticalPodAutoscalerObject>& verticalPodAutoscalers() const {
        return m_vpas;
    }

    // Stores a new object: assigns uid, resourceVersion and creationTimestamp (= now).
    // The name must be free in its namespace.
    NodeObject& create(NodeObject object, SimTime now);
    PodObject& create(PodObject object, SimTime now);
    ReplicaSetObject& create(ReplicaSetObject object, SimTime now);
    DeploymentObject& create(DeploymentObject object, SimTime now);
    ServiceObject& create(ServiceObject object, SimTime now);
    EndpointsObject& create(EndpointsObject object, SimTime now);
    PodDisruptionBudgetObject& create(PodDisruptionBudgetObject object, SimTime now);
    HorizontalPodAutoscalerObject& create(HorizontalPodAutoscalerObject object, SimTime now);
    RolloutObject& create(RolloutObject object, SimTime now);
    AnalysisTemplateObject& create(AnalysisTemplateObject object, SimTime now);
    AnalysisRunObject& create(AnalysisRunObject object, SimTime now);
    ScaledObjectObject& create(ScaledObjectObject object, SimTime now);
    VerticalPodAutoscalerObject& create(VerticalPodAutoscalerObject object, SimTime now);

    // Records that an object was changed in place: bumps its resourceVersion, notifies.
    void updated(ResourceKind kind, ObjectMeta& meta);
    // Removes an object for good (after graceful deletion finished).
    void remove(ResourceKind kind, const ObjectMeta& meta);

    void watch(ResourceKind kind, Watcher watcher);
    // How many times objects of `kind` were created, changed or removed: a component that
    // derives state from them can skip its work while this stays the same.
    std::uint64_t changes(ResourceKind kind) const;

    // False while kube-apiserver is down: components must not read or write.
    bool available() const { return m_available; }
    void setAvailable(bool available) { m_available = available; }

private:
    template <class T>
    T& store(ObjectTable<T>& table, ResourceKind kind, T object, SimTime now);
    void notify(ResourceKind kind, WatchEventType type, const ObjectMeta& meta);
    std::string newUid();

    ObjectTable<NodeObject> m_nodes;
    ObjectTable<PodObject> m_pods;
    ObjectTable<ReplicaSetObject> m_replicaSets;
    ObjectTable<DeploymentObject> m_deployments;
    ObjectTable<ServiceObject> m_services;
    ObjectTable<EndpointsObject> m_endpoints;
    ObjectTable<PodDisruptionBudgetObject> m_pdbs;
    ObjectTable<HorizontalPodAutoscalerObject> m_hpas;
    ObjectTable<RolloutObject> m_rollouts;
    ObjectTable<AnalysisTemplateObject> m_analysisTemplates;
    ObjectTable<AnalysisRunObject> m_analysisRuns;
    ObjectTable<ScaledObjectObject> m_scaledObjects;
    ObjectTable<VerticalPodAutoscalerObject> m_vpas;
    std::map<ResourceKind, std::vector<Watcher>> m_watchers;
    std::map<ResourceKind, std::uint64_t> m_changes;
    std::uint64_t m_resourceVersion = 0;
    RandomStream m_uids;
    bool m_available = true;
};

} // namespace cnsim
