#pragma once

// kubectl for the Vertical Pod Autoscaler (autoscaling.k8s.io/v1): `get vpa` with the CRD's
// printer columns (vertical-pod-autoscaler deploy/vpa-v1-crd-gen.yaml: MODE CPU MEM PROVIDED
// AGE, CPU and MEM the first container's target) and the object with its status
// recommendation for -o yaml|json.

#include "kubectl/resourcetypes.h"

#include <string>
#include <vector>

namespace cnsim {

Table vpaTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
std::vector<ObjectValue> vpaObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> vpaNames(const Simulation& sim, const std::string& nameSpace);

} // namespace cnsim
