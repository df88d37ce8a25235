#pragma once

// DeploymentController: keeps each Deployment's replica count, as kube-controller-manager's
// deployment and replicaset controllers do together. Pods that are Terminating no longer
// count (upstream's FilterActivePods), so a deleted or lost pod is replaced at once.
// Surplus pods are deleted in upstream's preference order: unscheduled before scheduled,
// Pending before Starting before Running, newest first (controller_utils.go ActivePods).

#include "engine/random.h"
#include "model/clusterstate.h"

namespace cnsim {

class SimulationModel;

class DeploymentController {
public:
    explicit DeploymentController(SimulationModel& model);

    // Reconciles every deployment at the current instant (once, however often asked).
    void requestReconcile();

private:
    void reconcile();
    void createPod(std::size_t deployment);
    std::string newPodName(const DeploymentRuntime& deployment);

    SimulationModel& m_model;
    RandomStream m_names;
    bool m_reconcileRequested = false;
};

} // namespace cnsim
