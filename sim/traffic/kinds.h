#pragma once

// The registries of traffic kinds: traffic shapes (how a source's request rate changes over
// time) and load balancers (how a client picks one of a Service's ready endpoints). Each entry
// is a KindDescriptor (name, description, attribute schema); the scenario reader validates
// `type:` and the attributes against it, the studio lists it. The runtime behaviour of each
// kind is built by name in trafficshapes.h and loadbalancers.h.
//
// Both registries are filled by one explicit call each (no static initialisers), in the
// order the documentation lists them.

#include "traffic/attributes.h"

#include <vector>

namespace cnsim {

// constant, poisson, step, ramp, spike, diurnal, trace.
const std::vector<KindDescriptor>& trafficShapeKinds();

// random (kube-proxy iptables, the default), round-robin, least-request, ring-hash.
const std::vector<KindDescriptor>& loadBalancerKinds();

} // namespace cnsim
