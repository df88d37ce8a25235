#pragma once

// The runtime of the load balancers in traffic/kinds.h loadBalancerKinds(): how a client of a
// Service picks one of its ready endpoints for one request.
//
//  - random: uniformly at random, as kube-proxy's iptables mode (its statistic-mode rules).
//  - round-robin: endpoints in turn; the turn survives endpoint changes (taken modulo the new
//    count), as IPVS rr and Envoy ROUND_ROBIN keep going.
//  - least-request: `choices` endpoints drawn at random (with replacement, as Envoy does), the
//    one with the fewest requests in flight wins; ties go to the first drawn.
//  - ring-hash: each endpoint owns `virtualNodes` points on a 64-bit ring placed by hashing
//    its name; a request goes to the first point at or after the hash of its client id. The
//    ring depends only on the set of endpoint names, so adding or removing an endpoint moves
//    only the clients of the points it gains or loses.
//
// A balancer sees its endpoints as indices 0..n−1 into the caller's list; the caller tells it
// when the list changes (setEndpoints) and answers in-flight counts through EndpointLoad.
// Built by name through the factory table in loadbalancers.cpp, checked against the registry
// by a test.

#include "engine/random.h"
#include "scenario/trafficspec.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

class EndpointLoad {
public:
    virtual ~EndpointLoad() = default;
    // Requests the endpoint at this index of the current list has in flight.
    virtual int inFlight(std::size_t endpoint) const = 0;
};

class LoadBalancer {
public:
    virtual ~LoadBalancer() = default;
    // The current ready endpoints, by stable identity (e.g. the pod name), in list order.
    virtual void setEndpoints(std::span<const std::string> names) { (void)names; }
    // Picks an endpoint index in [0, count); count > 0 and equal to the last setEndpoints size
    // for balancers that keep per-endpoint state. `clientId` identifies the client (ring-hash).
    virtual std::size_t pick(std::size_t count, std::uint64_t clientId, RandomStream& stream,
                             const EndpointLoad& load) = 0;
};

// Builds the balancer of a spec's `type:`; nullptr for an unknown kind.
std::unique_ptr<LoadBalancer> makeLoadBalancer(const LoadBalancerSpec& spec);
std::vector<std::string_view> loadBalancerFactoryNames();

} // namespace cnsim
