#pragma once

// Following ownerReferences: which ReplicaSet and Deployment a pod belongs to.

#include "cluster/apiserver.h"

#include <string>

namespace cnsim {

// Whether `object` lists `owner` (by uid) among its ownerReferences.
bool isOwnedBy(const ObjectMeta& object, const ObjectMeta& owner);
// The name of the ReplicaSet that owns the pod, or "".
std::string owningReplicaSet(const PodObject& pod);
// The name of the Deployment that owns the pod's ReplicaSet, or "".
std::string owningDeployment(const ApiServer& api, const PodObject& pod);

} // namespace cnsim
