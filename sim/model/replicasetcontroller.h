#pragma once

// ReplicaSetController: kube-controller-manager's replicaset controller
// (pkg/controller/replicaset/replica_set.go). Keeps each ReplicaSet's number of active pods
// at spec.replicas: creates pods from the template, deletes surplus ones in upstream's
// preference order, and reports replicas / ready / available in the status.
// Pods being deleted or finished do not count as active (controller_utils FilterActivePods),
// so a deleted or lost pod is replaced at once.

#include "cluster/apiserver.h"
#include "engine/random.h"
#include "model/reconciletrigger.h"

#include <map>
#include <set>
#include <string>

namespace cnsim {

class SimulationModel;
struct ReplicaSetObject;

class ReplicaSetController {
public:
    explicit ReplicaSetController(SimulationModel& model);
    // Re-syncs every ReplicaSet (after an outage, as an informer's re-list does).
    void requestReconcile();
    // Active pods of the ReplicaSet not yet bound to a node, as of its last sync.
    int unscheduledPods(const std::string& rsKey) const;
    // The same count by reference, valid and current for the controller's lifetime (counts
    // are never erased), so a reader each second need not look it up by key.
    const int& unscheduledPodsCounter(const std::string& rsKey) { return m_unscheduled[rsKey]; }

private:
    void onPodEvent(WatchEventType type, const ObjectMeta& meta);
    void reconcile();
    void syncReplicaSet(ReplicaSetObject& rs);

    SimulationModel& m_model;
    RandomStream m_names;
    // Only the ReplicaSets something happened to are synced, and each looks only at its own
    // pods: the controller's work queue and its pod index (controller_utils, informers).
    ReconcileQueue m_queue; // ReplicaSet keys
    std::map<std::string, std::set<std::string>> m_podsByOwner; // ReplicaSet key → pod keys
    std::map<std::string, int> m_unscheduled; // ReplicaSet key → count; entries stay (above)
};

} // namespace cnsim
