#pragma once

// EndpointsController: kube-controller-manager's endpoints controller
// (pkg/controller/endpoint/endpoints_controller.go). For each Service with a selector, the
// Endpoints object of the same name lists the matching pods that have an IP: Ready pods
// under `ready`, the others under `notReady`. Terminating pods are left out, so a pod stops
// receiving new requests as soon as its deletion starts.

#include "model/reconciletrigger.h"

namespace cnsim {

class SimulationModel;

class EndpointsController {
public:
    explicit EndpointsController(SimulationModel& model);
    void requestReconcile() { m_trigger.request(); }

private:
    void reconcile();

    SimulationModel& m_model;
    ReconcileTrigger m_trigger;
};

} // namespace cnsim
