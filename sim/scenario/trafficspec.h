#pragma once

// The traffic half of a scenario's `simulation:` section: what Kubernetes has no field for.
// How much work a request is for each Service and which Services it calls (the call graph),
// the network between zones, the gateway's routes, and the sources of requests.
// Format reference: docs/scenario-format.md ("Traffic").

#include "engine/simtime.h"
#include "scenario/units.h"
#include "traffic/attributes.h"
#include "traffic/circuitbreaker.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

enum class DistributionType { Constant, Exponential, LogNormal, Uniform };

// A random duration, e.g. the CPU time one request needs. `cpuPerRequest: 20ms` is a constant;
// `{distribution: exponential, mean: 20ms}`, `{distribution: lognormal, mean: 20ms,
// stddev: 10ms}` and `{distribution: uniform, min: 10ms, max: 30ms}` are random.
struct DurationDistributionSpec {
    DistributionType type = DistributionType::Constant;
    SimTime mean;   // Constant, Exponential, LogNormal
    SimTime stddev; // LogNormal
    SimTime min;    // Uniform
    SimTime max;    // Uniform
    bool operator==(const DurationDistributionSpec&) const = default;
};

// One downstream call: `count` calls to `service`, made with `probability` (each decided
// once per request). In a sequential step the copies run one after another, in a parallel
// step all at once.
struct DownstreamCallSpec {
    std::string service;
    double probability = 1.0;
    int count = 1;
    bool operator==(const DownstreamCallSpec&) const = default;
};

// One step of a Service's handler: a single call, or a `parallel:` group whose calls start
// together and which ends when the last returns. Steps run in file order.
struct CallStepSpec {
    bool parallel = false;
    std::vector<DownstreamCallSpec> calls; // exactly one when !parallel
    bool operator==(const CallStepSpec&) const = default;
};

// How clients of a Service pick one of its ready endpoints: a kind of traffic/kinds.h
// loadBalancerKinds() and its attributes.
struct LoadBalancerSpec {
    std::string type = "random"; // kube-proxy in iptables mode
    AttributeMap attributes;
    bool operator==(const LoadBalancerSpec&) const = default;
};

// Resilience in the caller, as an in-process framework does it (Spring Cloud Circuit Breaker
// over Resilience4j): per calling Service, per downstream Service, no extra hop. The
// decorators nest as resilience4j-spring-boot's aspect order has them,
// Retry(CircuitBreaker(TimeLimiter(call))): the timeout is per attempt, and every attempt
// goes through the circuit breaker. Format: docs/scenario-format.md ("resilience").

// A retry budget (Finagle's RetryBudget, Linkerd's retryBudget): over the last `ttl`, the
// retries to one Service stay at most `ratio` × the first attempts plus
// `minRetriesPerSecond` × ttl. Defaults are Finagle's and Linkerd's (20 %, 10/s, 10 s).
struct RetryBudgetSpec {
    double ratio = 0.2;
    double minRetriesPerSecond = 10.0;
    SimTime ttl = SimTime::seconds(10);
    bool operator==(const RetryBudgetSpec&) const = default;
};

// Resilience4j RetryConfig: at most `maxAttempts` attempts in all (the first included); the
// n-th retry waits waitDuration × exponentialBackoffMultiplier^(n−1). Defaults are
// Resilience4j's (3 attempts, 500 ms; a multiplier of 1 is its fixed IntervalFunction).
// Every failed attempt is retried: an error status, a timeout, an open circuit.
struct RetrySpec {
    int maxAttempts = 3;
    SimTime waitDuration = SimTime::milliseconds(500);
    double exponentialBackoffMultiplier = 1.0;
    std::optional<RetryBudgetSpec> budget;
    bool operator==(const RetrySpec&) const = default;
};

// How a Service calls one downstream Service: a per-attempt timeout (Resilience4j
// TimeLimiter's timeoutDuration: the caller stops waiting with 504, the callee keeps working),
// retries, and a circuit breaker (Resilience4j CircuitBreakerConfig, its defaults;
// traffic/circuitbreaker.h) that every attempt passes through.
struct CallResilienceSpec {
    std::string service;
    std::optional<SimTime> timeout;
    std::optional<RetrySpec> retry;
    std::optional<CircuitBreakerConfig> circuitBreaker;
    bool operator==(const CallResilienceSpec&) const = default;
};

struct ResilienceSpec {
    std::vector<CallResilienceSpec> calls; // at most one per downstream Service
    bool empty() const { return calls.empty(); }
    bool operator==(const ResilienceSpec&) const = default;
};

// simulation.services[]: how a Service's pods serve one request. The handler takes a worker,
// uses `cpuPerRequest` of CPU (processor sharing within the container's CPU limit, at most one
// core per worker), then makes its downstream calls step by step, then waits `baseLatency`
// (I/O), then answers. A request that finds every worker busy waits in the pod's queue; one
// that finds the queue full is rejected with 503.
struct ServiceBehaviourSpec {
    std::string service;                    // a Service's metadata.name
    DurationDistributionSpec cpuPerRequest; // CPU time of one request on one full core
    SimTime baseLatency;                    // fixed wait in every request (I/O)
    std::optional<int> workers;             // requests served at once per pod; unset: no limit
    int queueCapacity = 1000;               // requests waiting per pod beyond the workers
    Bytes memoryPerRequest;                 // memory each request in a pod holds
    bool oomKill = false; // the kernel kills the container when memory passes its limit
    std::vector<CallStepSpec> calls;
    LoadBalancerSpec loadBalancer;
    ResilienceSpec resilience; // how this Service calls its downstream Services
    bool operator==(const ServiceBehaviourSpec&) const = default;
};

// simulation.network: one-way latency of a request or response between two pods (or the
// gateway and a pod). Same node costs nothing.
struct NetworkSpec {
    SimTime sameZoneLatency = SimTime::microseconds(250);
    SimTime crossZoneLatency = SimTime::milliseconds(1);
    bool operator==(const NetworkSpec&) const = default;
};

// A gateway route, modelled on Gateway API's HTTPRoute (gateway.networking.k8s.io/v1):
// hostnames, matches (path prefix, exact header values) and weighted backendRefs; plus a
// token-bucket rate limit (429 when empty), which HTTPRoute leaves to the implementation.
struct RouteMatchSpec {
    std::string pathPrefix = "/";
    std::map<std::string, std::string> headers;
    bool operator==(const RouteMatchSpec&) const = default;
};

struct RouteBackendSpec {
    std::string service;
    int weight = 1;
    bool operator==(const RouteBackendSpec&) const = default;
};

struct RateLimitSpec {
    double requestsPerSecond = 0.0;
    int burst = 1;
    bool operator==(const RateLimitSpec&) const = default;
};

struct GatewayRouteSpec {
    std::string name;
    std::vector<std::string> hostnames;  // empty: any host
    std::vector<RouteMatchSpec> matches; // empty: every request; else any one must match
    std::vector<RouteBackendSpec> backends;
    std::optional<RateLimitSpec> rateLimit;
    bool operator==(const GatewayRouteSpec&) const = default;
};

// simulation.gateway: the API gateway / ingress. It is a Service (its Deployment's pods do the
// routing work, with the CPU cost simulation.services gives it) in front of the routes; the
// first route that matches a request wins, in file order. Unmatched requests get 404.
struct GatewaySpec {
    std::string service; // empty: no gateway
    std::vector<GatewayRouteSpec> routes;
    bool operator==(const GatewaySpec&) const = default;
};

// A class of requests: where they enter (straight to a Service, through the gateway with a
// host, path and headers, or as messages published to a simulation.queues entry) and their
// share of the source's rate.
struct RequestClassSpec {
    std::string name;
    double weight = 1.0;
    std::string service; // set: sent straight to this Service
    std::string queue;   // set: each request is a message published to this queue
    std::string host;    // otherwise: sent to the gateway with this host, path, headers
    std::string path = "/";
    std::map<std::string, std::string> headers;
    bool operator==(const RequestClassSpec&) const = default;
};

// A row of a replayed trace: from `at` on, the rate is `requestsPerSecond`.
struct RatePoint {
    SimTime at;
    double requestsPerSecond = 0.0;
    bool operator==(const RatePoint&) const = default;
};

// simulation.traffic[]: requests arriving from outside. `type` is a kind of traffic/kinds.h
// trafficShapeKinds(); `attributes` its values. A source with one target written inline
// (`service:` or `path:` / `host:` / `headers:`) has one class named after the source.
struct TrafficSourceSpec {
    std::string name;
    std::string type = "poisson";
    AttributeMap attributes;
    std::vector<RatePoint> trace; // a `trace` source's rows, read from its file at load time
    SimTime start;
    std::optional<SimTime> stop;
    int clients = 1000; // distinct clients, for session affinity (ring-hash)
    std::vector<RequestClassSpec> classes;
    bool operator==(const TrafficSourceSpec&) const = default;
};

// How the data plane is simulated (docs/traffic.md): one event per request and hop (the
// reference), or per pod and per second as rates with a queueing approximation (large or very
// busy scenarios).
enum class TrafficMode { PerRequest, Aggregate };

// simulation.tracing: a seeded sample of requests recorded as span trees.
struct TracingSpec {
    double sampleRate = 0.0; // fraction of arriving requests traced
    int maxTraces = 1000;    // kept per run; later samples are dropped
    bool operator==(const TracingSpec&) const = default;
};

} // namespace cnsim
