#pragma once

// The simulation's ClusterEvents as Kubernetes v1 Events: the type (Normal/Warning), the
// reporting component as `kubectl describe` shows it under "From" (default-scheduler,
// kubelet, replicaset-controller, …), the involved object and kubectl-style message.

#include "engine/simtime.h"

#include <string>
#include <vector>

namespace cnsim {

class ApiServer;
struct ClusterEvent;

struct KubeEvent {
    SimTime time;
    std::string type;       // "Normal" or "Warning"
    std::string reason;     // "Scheduled"
    std::string kind;       // involvedObject.kind: "Pod", "Node", …
    std::string objectName; // involvedObject.name
    std::string source;     // source.component: "default-scheduler"
    std::string host;       // source.host for kubelet events
    std::string message;
};

KubeEvent toKubeEvent(const ClusterEvent& event, const ApiServer& api);
std::vector<KubeEvent> kubeEvents(const std::vector<ClusterEvent>& events, const ApiServer& api);

} // namespace cnsim
