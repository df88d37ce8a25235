#pragma once

// DeploymentController: kube-controller-manager's deployment controller
// (pkg/controller/deployment). Owns one ReplicaSet per pod-template revision, named
// "<deployment>-<pod-template-hash>" with the deployment.kubernetes.io/revision annotation,
// and moves replicas between them with upstream's RollingUpdate / Recreate arithmetic and
// proportional scaling (control/workloads/rollout.h), reporting status and the Progressing /
// Available conditions (progressDeadlineSeconds included).

#include "control/workloads/rollout.h"
#include "model/reconciletrigger.h"

#include <map>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct DeploymentObject;
struct ReplicaSetObject;

class DeploymentController {
public:
    explicit DeploymentController(SimulationModel& model);
    // Syncs every Deployment at the next pass (after the controller manager reconnects).
    void requestReconcile();

    // The ReplicaSets a Deployment owns, as the rollout arithmetic sees them.
    static RsCounts countsOf(const ReplicaSetObject& rs);
    std::vector<ReplicaSetObject*> ownedReplicaSets(const DeploymentObject& deployment);

private:
    void reconcile();
    void syncDeployment(DeploymentObject& deployment);
    void applyCounts(ReplicaSetObject& rs, const RsCounts& counts);
    ReplicaSetObject& createReplicaSet(DeploymentObject& deployment, const RsCounts& counts,
                                       const std::string& hash);
    void writeStatus(DeploymentObject& deployment, const DeploymentStatus& status);

    SimulationModel& m_model;
    ReconcileQueue m_queue; // Deployment keys
    std::map<std::string, DeploymentStatus> m_status; // per deployment key, fed back each sync
};

} // namespace cnsim
