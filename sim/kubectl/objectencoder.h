#pragma once

// Encodes the simulated cluster's API objects as the API server would return them for
// `kubectl get -o yaml|json`: apiVersion, kind, metadata, spec and status with Kubernetes'
// field names, server-side defaults filled in (k8s.io/kubernetes/pkg/apis/*/v1/defaults.go)
// and empty optional fields left out as the Go types' `omitempty` does.

#include "kubectl/eventformat.h"
#include "kubectl/objectvalue.h"

namespace cnsim {

class ApiServer;
struct NodeObject;
struct PodObject;
struct ReplicaSetObject;
struct DeploymentObject;
struct ServiceObject;
struct EndpointsObject;
struct PodDisruptionBudgetObject;
struct PodSpec;

ObjectValue encodeNode(const NodeObject& node);
ObjectValue encodePod(const PodObject& pod);
ObjectValue encodeReplicaSet(const ReplicaSetObject& rs);
ObjectValue encodeDeployment(const DeploymentObject& deployment);
ObjectValue encodeService(const ServiceObject& service);
// The ports come from the Service of the same name, as the endpoints controller copies them.
ObjectValue encodeEndpoints(const EndpointsObject& endpoints, const ApiServer& api);
ObjectValue encodePodDisruptionBudget(const PodDisruptionBudgetObject& pdb);
// `index` makes the event's name unique, as the recorder's timestamp suffix does upstream.
ObjectValue encodeEvent(const KubeEvent& event, std::size_t index);
// metadata.name of that event: "<object>.<16 hex digits>".
std::string eventObjectName(const KubeEvent& event, std::size_t index);

// pkg/apis/core/helper/qos GetPodQOS: Guaranteed, Burstable or BestEffort.
std::string podQosClass(const PodSpec& spec);

// A List of items as `kubectl get TYPE -o yaml` prints several objects.
ObjectValue encodeList(std::vector<ObjectValue> items);

} // namespace cnsim
