#pragma once

// DisruptionController: kube-controller-manager's disruption controller
// (pkg/controller/disruption/disruption.go). Keeps every PodDisruptionBudget's status
// (expected pods, desired and current healthy, disruptions allowed) up to date, and answers
// the eviction API's question for drain: may this pod go now?

#include "control/workloads/disruptionbudget.h"
#include "model/reconciletrigger.h"

#include <string>

namespace cnsim {

class SimulationModel;
struct PodObject;
struct PodDisruptionBudgetObject;

class DisruptionController {
public:
    explicit DisruptionController(SimulationModel& model);
    void requestReconcile() { m_trigger.request(); }

    // The eviction API (pkg/registry/core/pod/storage/eviction.go) for one pod, now.
    EvictionDecision evictionDecision(const PodObject& pod) const;

private:
    void reconcile();
    PdbStatus statusOf(const PodDisruptionBudgetObject& pdb) const;

    SimulationModel& m_model;
    ReconcileTrigger m_trigger;
};

} // namespace cnsim
