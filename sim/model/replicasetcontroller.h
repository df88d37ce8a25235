#pragma once

// ReplicaSetController: kube-controller-manager's replicaset controller
// (pkg/controller/replicaset/replica_set.go). Keeps each ReplicaSet's number of active pods
// at spec.replicas: creates pods from the template, deletes surplus ones in upstream's
// preference order, and reports replicas / ready / available in the status.
// Pods being deleted or finished do not count as active (controller_utils FilterActivePods),
// so a deleted or lost pod is replaced at once.

#include "engine/random.h"
#include "model/reconciletrigger.h"

#include <string>

namespace cnsim {

class SimulationModel;
struct ReplicaSetObject;

class ReplicaSetController {
public:
    explicit ReplicaSetController(SimulationModel& model);
    void requestReconcile() { m_trigger.request(); }

private:
    void reconcile();
    void syncReplicaSet(ReplicaSetObject& rs);

    SimulationModel& m_model;
    RandomStream m_names;
    ReconcileTrigger m_trigger;
};

} // namespace cnsim
