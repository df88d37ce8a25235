#pragma once

// EndpointsController: kube-controller-manager's endpoints controller
// (pkg/controller/endpoint/endpoints_controller.go). For each Service with a selector, the
// Endpoints object of the same name lists the matching pods that have an IP: Ready pods
// under `ready`, the others under `notReady`, in the pods table's key order. Terminating pods
// are left out, so a pod stops receiving new requests as soon as its deletion starts.
//
// Like upstream's work queue of Service keys, a reconcile syncs only the Services a watch
// event touched: a Service that changed, and every Service that selects a changed pod, before
// or after the change (updatePod's GetServicesToUpdateOnPodChange), so a pod whose labels no
// longer match, or that was deleted, leaves. Invariant: every Service not marked for a sync
// has Endpoints equal to what its selected pods give.

#include "cluster/apiserver.h"
#include "model/reconciletrigger.h"

#include <map>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

class EndpointsController {
public:
    explicit EndpointsController(SimulationModel& model);
    void requestReconcile() { m_trigger.request(); }

private:
    // The pods a Service's selector matches, by pod key (the pods table's order).
    using SelectedPods = std::map<std::string, const PodObject*>;
    struct ServiceState {
        const ServiceObject* service = nullptr;
        SelectedPods pods;
        bool needsSync = true;
    };
    // A pod's labels as last seen, and the Services (keys) that select it.
    struct PodState {
        LabelMap labels;
        std::vector<std::string> services;
    };

    void podChanged(const ObjectMeta& meta, const PodObject* pod);
    void serviceChanged(const ObjectMeta& meta, const ServiceObject* service);
    void leaveServices(const std::string& podKey, PodState& state);
    void joinMatchingServices(const std::string& podKey, const PodObject& pod, PodState& state);
    void selectPods(const std::string& serviceKey, ServiceState& state);
    void reconcile();
    void syncEndpoints(const ServiceObject& service, const SelectedPods& pods);

    SimulationModel& m_model;
    ReconcileTrigger m_trigger;
    std::map<std::string, ServiceState> m_services; // by Service key, the services table's order
    std::map<std::string, PodState> m_pods;         // by pod key
};

} // namespace cnsim
