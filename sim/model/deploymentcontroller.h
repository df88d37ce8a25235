#pragma once

// DeploymentController: kube-controller-manager's deployment controller
// (pkg/controller/deployment). Owns one ReplicaSet per pod-template revision, named
// "<deployment>-<pod-template-hash>" with the deployment.kubernetes.io/revision annotation,
// moves replicas from old ReplicaSets to the new one, and reports status.

#include "model/reconciletrigger.h"

namespace cnsim {

class SimulationModel;
struct DeploymentObject;
struct ReplicaSetObject;

class DeploymentController {
public:
    explicit DeploymentController(SimulationModel& model);
    void requestReconcile() { m_trigger.request(); }

private:
    void reconcile();
    void syncDeployment(DeploymentObject& deployment);
    ReplicaSetObject& ensureNewReplicaSet(DeploymentObject& deployment,
                                          std::vector<ReplicaSetObject*>& owned);
    void scaleReplicaSet(DeploymentObject& deployment, ReplicaSetObject& rs, int replicas);
    void updateStatus(DeploymentObject& deployment, const std::vector<ReplicaSetObject*>& owned,
                      const ReplicaSetObject& newRs);

    SimulationModel& m_model;
    ReconcileTrigger m_trigger;
};

} // namespace cnsim
