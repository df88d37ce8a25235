#pragma once

// What `kubectl get` prints for each resource type, as k8s.io/kubernetes
// pkg/printers/internalversion/printers.go does: its columns (and -o wide's extra ones),
// the API objects for -o yaml/json, and the names of what exists (for NotFound errors and
// completion). resourcetypes.cpp registers these functions.

#include "kubectl/resourcetypes.h"

namespace cnsim {

struct ObjectMeta;

Table podTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
Table nodeTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
Table deploymentTable(const Simulation& sim, const ObjectFilter& filter,
                      const TableOptions& options);
Table replicaSetTable(const Simulation& sim, const ObjectFilter& filter,
                      const TableOptions& options);
Table serviceTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
Table endpointsTable(const Simulation& sim, const ObjectFilter& filter,
                     const TableOptions& options);
Table eventTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
Table pdbTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);

std::vector<ObjectValue> podObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> nodeObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> deploymentObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> replicaSetObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> serviceObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> endpointsObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> eventObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<ObjectValue> pdbObjects(const Simulation& sim, const ObjectFilter& filter);

std::vector<std::string> podNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> nodeNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> deploymentNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> replicaSetNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> serviceNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> endpointsNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> eventNames(const Simulation& sim, const std::string& nameSpace);
std::vector<std::string> pdbNames(const Simulation& sim, const std::string& nameSpace);

// Shared by the table and describe printers.
std::string formatLabels(const LabelMap& labels);          // "app=web,tier=front" or "<none>"
std::string formatSelector(const LabelSelector& selector); // metav1 LabelSelector String()
std::string podReadyText(const struct PodObject& pod);     // "1/1"
std::string podRestartsText(const struct PodObject& pod, SimTime now); // "2 (35s ago)"
std::string nodeStatusText(const struct NodeObject& node);             // "Ready,SchedulingDisabled"
std::string nodeRoles(const struct NodeObject& node);                  // "<none>", "control-plane"
std::string kubeletVersion();
// Endpoints addresses in the order the API returns them (SortSubsets: by IP).
std::vector<struct EndpointAddress>
sortedAddresses(std::vector<struct EndpointAddress> addresses); // "v1.34.0"

} // namespace cnsim
