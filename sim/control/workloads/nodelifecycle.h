#pragma once

// The node lifecycle controller's timing: when a silent node's Ready condition turns Unknown,
// which taints that condition brings, the zone states, and the rate at which NoExecute taints
// are applied per zone.
//
// Upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth every
// nodeMonitorPeriod, tryUpdateNodeHealth with nodeMonitorGracePeriod / nodeStartupGracePeriod,
// doNoScheduleTaintingPass, doNoExecuteTaintingPass, ComputeZoneState, setLimiterInZone,
// ReducedQPSFunc, HealthyQPSFunc, handleDisruption); scheduler/rate_limited_queue.go
// (SwapLimiter, burst 1); client-go flowcontrol token bucket. Defaults in kubernetesdefaults.h.
//
// Everything is a function of simulated time; the caller runs the monitor pass at the times
// nextMonitorPass gives and applies the taints the functions name.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>
#include <vector>

namespace cnsim {

enum class NodeReady { True, False, Unknown };

// Ready as the controller records it at a monitor pass at `now`: Unknown once `now` is after
// the last heartbeat + grace period (strictly), else what the kubelet last reported. A node
// that has never been Ready gets the startup grace period instead.
NodeReady observedNodeReady(SimTime lastHeartbeat, bool kubeletReportedReady, bool everReady,
                            SimTime now);

// The monitor runs every nodeMonitorPeriod from `controllerStart`; the first pass after `t`.
SimTime nextMonitorPass(SimTime controllerStart, SimTime t);

// When the controller first sees a node silent since `lastHeartbeat` as Unknown: the first
// monitor pass strictly after lastHeartbeat + grace (≈ 50–55 s with defaults).
SimTime notReadyObservedAt(SimTime lastHeartbeat, SimTime controllerStart, bool everReady = true);

// Taints for the Ready condition (NoSchedule pass and NoExecute pass) plus cordon:
// False ⇒ not-ready, Unknown ⇒ unreachable, each with NoSchedule and NoExecute; unschedulable
// ⇒ node.kubernetes.io/unschedulable:NoSchedule.
std::vector<Taint> nodeConditionTaints(NodeReady ready, bool unschedulable);

enum class ZoneState { Normal, PartialDisruption, FullDisruption };

// ComputeZoneState: no ready node ⇒ FullDisruption; more than 2 not ready and at least
// unhealthyZoneThreshold of the zone ⇒ PartialDisruption; else Normal.
ZoneState computeZoneState(int readyNodes, int notReadyNodes);

// The NoExecute-tainting rate for a zone (nodes per second): Normal and FullDisruption use the
// healthy rate, PartialDisruption the secondary rate when the zone is larger than the large-
// cluster threshold, else 0. When every zone is FullDisruption the controller stops tainting
// (handleDisruption's "master disruption mode"): pass allZonesFullyDisrupted.
double zoneEvictionRate(ZoneState state, int zoneSize, bool allZonesFullyDisrupted);

// flowcontrol token bucket with burst 1 over simulated time, as RateLimitedTimedQueue uses it;
// a rate of 0 never accepts.
class EvictionRateLimiter {
public:
    explicit EvictionRateLimiter(double qps, SimTime now = SimTime::zero());
    // TryAccept: take a token if one is available at `now`.
    bool tryAccept(SimTime now);
    // When the next token will be available (nullopt for rate 0).
    std::optional<SimTime> nextTokenAt(SimTime now) const;
    // SwapLimiter: a new rate; when the old bucket was empty the new one starts empty too.
    void swap(double qps, SimTime now);
    double qps() const { return m_qps; }

private:
    void refill(SimTime now);
    double m_qps;
    double m_tokens = 1.0; // burst 1, full at creation
    SimTime m_last;
};

} // namespace cnsim
