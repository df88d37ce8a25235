#pragma once

// The sidecar service mesh (Istio-style) of a scenario: the Istio objects a student writes
// among the manifests (networking.istio.io VirtualService and DestinationRule, the subset
// cnsim models) and the cnsim-only `simulation.mesh` section that switches sidecars on and
// says what a sidecar costs. Format: docs/scenario-format.md ("Service mesh"); behaviour:
// docs/traffic.md ("Service mesh").
//
// Defaults follow upstream; each names the file it comes from.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"
#include "scenario/units.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// istio/api networking/v1alpha3/virtual_service.proto StringMatch: one of exact or prefix.
struct MeshStringMatch {
    bool prefix = false; // false: exact
    std::string value;
    bool operator==(const MeshStringMatch&) const = default;
};

// HTTPMatchRequest: every condition given must hold (headers by lower-case name, uri).
struct MeshHttpMatch {
    std::map<std::string, MeshStringMatch> headers;
    std::optional<MeshStringMatch> uri;
    bool operator==(const MeshHttpMatch&) const = default;
};

// HTTPRouteDestination: a Service (`destination.host`), optionally one subset of its pods
// (a DestinationRule's subset), and its share of the route's requests.
struct MeshRouteDestination {
    std::string host;
    std::string subset;
    std::optional<int> weight; // unset: the only destination (Istio requires weights otherwise)
    bool operator==(const MeshRouteDestination&) const = default;
};

// HTTPRetry. Istio's default when a route sets none (istio/istio
// pilot/pkg/networking/core/route/retry/retry.go DefaultPolicy): 2 attempts besides the first,
// retryOn "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes" with
// 503 as the retriable status code, no per-try timeout.
// `attempts: 0` switches retries off.
struct MeshRetrySpec {
    int attempts = 2; // retries after the first attempt (Envoy num_retries)
    std::optional<SimTime> perTryTimeout;
    std::string retryOn =
        "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";
    bool operator==(const MeshRetrySpec&) const = default;
};

// HTTPFaultInjection, applied by the caller's sidecar before routing: `delayPercent` % of the
// calls wait `fixedDelay`, `abortPercent` % are answered `abortStatus` at once, nothing sent
// (drawn independently; a delayed call may then be aborted, as Envoy's fault filter does).
// Injected faults are not retried: the filter runs before the router.
struct MeshFaultSpec {
    std::optional<SimTime> fixedDelay;
    double delayPercent = 0.0;
    std::optional<int> abortStatus;
    double abortPercent = 0.0;
    bool operator==(const MeshFaultSpec&) const = default;
};

// HTTPRoute: the first route (file order) whose `match` accepts a request wins; no `match`
// accepts every request.
struct MeshHttpRoute {
    std::string name;
    std::vector<MeshHttpMatch> match; // any one must hold
    std::vector<MeshRouteDestination> route;
    std::optional<SimTime> timeout; // the whole call, retries included; unset: none (Istio)
    std::optional<MeshRetrySpec> retries;
    std::optional<MeshFaultSpec> fault;
    bool operator==(const MeshHttpRoute&) const = default;
};

// What every Istio object has besides its spec (the apiVersion is kept as written).
struct IstioObject {
    std::string name;
    std::string nameSpace = "default";
    std::string apiVersion = "networking.istio.io/v1";
    LabelMap labels;
    bool operator==(const IstioObject&) const = default;
};

struct VirtualServiceSpec : IstioObject {
    std::vector<std::string> hosts; // Service names
    std::vector<MeshHttpRoute> http;
    bool operator==(const VirtualServiceSpec&) const = default;
};

// DestinationRule trafficPolicy (the part cnsim models).
enum class MeshLoadBalancer { Unset, RoundRobin, LeastRequest, Random };

// ConnectionPoolSettings.HTTPSettings: Envoy's cluster circuit breakers. Unset fields are
// Envoy's 2^32−1 ("no limit"), as Istio leaves them.
struct MeshConnectionPoolSpec {
    std::optional<int> http2MaxRequests; // requests in flight from one client sidecar
    bool operator==(const MeshConnectionPoolSpec&) const = default;
};

// OutlierDetection. Defaults: istio/api networking/v1alpha3/destination_rule.proto (and Envoy
// api/envoy/config/cluster/v3/outlier_detection.proto): 5 consecutive 5xx, 10 s interval,
// 30 s base ejection time, at most 10 % of the hosts ejected.
struct MeshOutlierDetectionSpec {
    int consecutive5xxErrors = 5;
    SimTime interval = SimTime::seconds(10);
    SimTime baseEjectionTime = SimTime::seconds(30);
    int maxEjectionPercent = 10;
    bool operator==(const MeshOutlierDetectionSpec&) const = default;
};

struct MeshTrafficPolicy {
    MeshLoadBalancer loadBalancer = MeshLoadBalancer::Unset;
    std::optional<MeshConnectionPoolSpec> connectionPool;
    std::optional<MeshOutlierDetectionSpec> outlierDetection;
    bool operator==(const MeshTrafficPolicy&) const = default;
};

struct MeshSubsetSpec {
    std::string name;
    LabelMap labels;
    std::optional<MeshTrafficPolicy> trafficPolicy; // overrides the rule's for this subset
    bool operator==(const MeshSubsetSpec&) const = default;
};

struct DestinationRuleSpec : IstioObject {
    std::string host; // a Service name
    std::optional<MeshTrafficPolicy> trafficPolicy;
    std::vector<MeshSubsetSpec> subsets;
    bool operator==(const DestinationRuleSpec&) const = default;
};

enum class MeshMode { None, Sidecar };

// simulation.mesh: cnsim's knobs for the sidecars. Defaults from Istio's published numbers
// (istio.io "Performance and Scalability", Istio 1.15.3: "the Envoy proxy uses 0.35 vCPU …
// per 1000 requests per second going through the proxy", "adds 2.65 ms to the 90th
// percentile latency") and its injector's proxy requests (istio/istio
// manifests/charts/istio-control/istio-discovery/values.yaml global.proxy.resources: cpu 100m,
// memory 128Mi).
struct MeshSettingsSpec {
    MeshMode mode = MeshMode::None;
    SimTime sidecarCpuPerRequest = SimTime::microseconds(350); // CPU per request per sidecar
    SimTime sidecarLatency = SimTime::microseconds(2650);      // per call (both sidecars)
    CpuMillis sidecarCpuRequest{100};
    Bytes sidecarMemoryRequest = Bytes::mebibytes(128);
    bool operator==(const MeshSettingsSpec&) const = default;
};

} // namespace cnsim
