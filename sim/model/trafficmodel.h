#pragma once

// TrafficModel: the data plane, one request at a time (the reference mode; docs/traffic.md).
//
// Sources (traffic/trafficshapes.h) send requests of weighted classes either straight to a
// Service or to the gateway Service, whose pods spend their CPU and then route
// (traffic/gatewayrouter.h: route, rate limit → 429, no route → 404, weighted backend). A
// client picks one of the Service's *ready* endpoints (the Endpoints object the endpoints
// controller maintains) with the Service's load balancer (traffic/loadbalancers.h). Each pod is
// a station (traffic/podserver.h): workers, a FIFO queue (503 when full), processor sharing of
// the container's CPU. A request holds its worker through its CPU phase, its downstream calls
// (simulation.services[].calls: sequential steps, parallel groups, per-request probability,
// copies) and its base latency, then answers. Every hop between pods costs the network's
// one-way latency (same node 0, same zone, across zones) on the request and on the response.
//
// Errors: no ready endpoint 503 at once; queue full 503; a pod that stops fails the requests
// in it with 503; a pod that is Ready but whose program does not serve yet answers 503; a
// failed downstream call fails its caller when it returns (500; the gateway passes the
// backend's status through). Memory: idleMemory + requests present × memoryPerRequest; with
// oomKill, going over the container's memory limit kills it (OOMKilled) through the kubelet.
//
// Performance: services, pods, routes and versions are integer ids; requests live in a pool
// with a free list; events capture at most 16 bytes; a station has one completion event.
// Each request has at most one pending event of its own (arrival, base latency or response)
// and a generation, so a pod failing its requests can cancel them and late events are ignored.
//
// Resilience (services[].resilience, docs/traffic.md "Resilience"): a call with a policy may
// time out (the caller stops waiting, the orphaned attempt runs on at the callee) and be
// retried after a back-off, within a retry budget. A retry waits as a placeholder request in
// phase Backoff, so a parent that answers early needs no bookkeeping: the placeholder finds
// it gone.
//
// Service mesh (simulation.mesh.mode: sidecar, meshflow.cpp; docs/traffic.md "Service mesh"):
// every call passes the caller's and the callee's sidecar. The caller's sidecar routes by the
// host's VirtualService (headers and path of the request class, weights, subsets), applies the
// route's retries (Istio's default when none) with Envoy's jittered back-off, per-try and
// route timeouts, the DestinationRule's connection-pool limit (503 overflow) and outlier
// detection (consecutive 5xx eject one endpoint from the balancing set). Each sidecar charges
// its CPU per request to the pod's node; each call waits the sidecars' latency.

#include "engine/engine.h"
#include "engine/random.h"
#include "metrics/traces.h"
#include "scenario/scenario.h"
#include "traffic/circuitbreaker.h"
#include "traffic/distributions.h"
#include "traffic/fluidstatepool.h"
#include "traffic/gatewayrouter.h"
#include "traffic/loadbalancers.h"
#include "traffic/podserver.h"
#include "traffic/retrybudget.h"
#include "traffic/trafficcounters.h"
#include "traffic/trafficshapes.h"
#include "traffic/walkpool.h"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

// Where a request is on its path (TrafficModel).
enum class RequestPhase : std::uint8_t {
    Free,
    Travelling, // on its way to its station
    AtStation,  // arrived, not admitted (about to be refused)
    Queued,
    Cpu,
    Calling,    // waiting for downstream calls
    Backoff,    // a retry waiting for its back-off (a placeholder for the next attempt)
    Waiting,    // base latency
    Responding, // the response is on its way to the caller
};

class TrafficModel {
public:
    static constexpr std::uint32_t kNone = 0xffff'ffffU;
    // CPU a container always keeps for its program beyond idleCpu, in cores.
    static constexpr double kMinimumCapacityCores = 0.01;

    explicit TrafficModel(SimulationModel& model);
    ~TrafficModel();
    TrafficModel(const TrafficModel&) = delete;
    TrafficModel& operator=(const TrafficModel&) = delete;

    // Schedules every traffic source's first arrival.
    void start();
    const AggregateSamplingStats& samplingStats() const { return m_samplingStats; }
    // The kubelet started / stopped a pod's first container on `node`.
    void podStarted(const std::string& podKey, const std::string& node);
    void podStopped(const std::string& podKey);
    // Requests at a pod: holding a worker or queued.
    int requestsInFlight(const std::string& podKey) const;
    // The pod's entry in podCpu(), or kNone before its first container started.
    std::size_t podCpuIndex(const std::string& podKey) const;
    // The pod's station, fixed for its name (a caller that keeps it reads the pod without a
    // lookup by name), or kNone while the data plane has not seen the pod.
    std::uint32_t podStation(const std::string& podKey) const;
    // By station: requestsInFlight, and the memory those requests hold
    // (services[].memoryPerRequest of the first Service selecting the pod, in scenario order).
    int stationRequestsInFlight(std::uint32_t station) const;
    Bytes stationRequestMemory(std::uint32_t station) const;

    // Per Service, in the scenario's order of Services.
    const std::vector<std::string>& serviceNames() const { return m_serviceNames; }
    const TrafficCounters& serviceCounters(std::size_t service) const;
    // The Service has resilience settings for some of its calls (its retry and timeout
    // counters can move).
    bool hasResilience(std::size_t service) const { return m_services[service].resilient; }
    // Circuit breakers (one per caller and callee with `circuitBreaker`), in scenario order.
    std::size_t circuitCount() const { return m_circuits.size(); }
    const std::string& circuitCaller(std::size_t circuit) const;
    const std::string& circuitCallee(std::size_t circuit) const;
    // 0 closed, 1 open, 2 half-open (Resilience4j's CLOSED, OPEN, HALF_OPEN).
    int circuitState(std::size_t circuit) const;
    // Sidecars are on (simulation.mesh.mode: sidecar, per-request mode).
    bool mesh() const { return m_mesh; }
    bool hasOutlierDetection(std::size_t service) const {
        return m_services[service].outlier.has_value();
    }
    // Mesh: endpoints of the Service outlier detection has ejected now.
    std::size_t ejectedEndpoints(std::size_t service) const {
        return m_services[service].ejectedStations.size();
    }
    // Gateway routes, in file order.
    std::size_t routeCount() const;
    const std::string& routeName(std::size_t route) const;
    const TrafficCounters& routeCounters(std::size_t route) const;
    // (Service, version) pairs in the order they were first served.
    struct VersionCounters {
        std::uint32_t service = 0;
        std::string version;
        TrafficCounters counters;
    };
    // Argo Rollouts' traffic router: the canary Service's backendRef on `route` gets `weight`
    // percent, the stable Service's the rest. False when nothing changed.
    bool setRouteWeight(const std::string& route, const std::string& canaryService, int weight,
                        const std::string& stableService);
    const std::deque<VersionCounters>& versions() const { return m_versions; }
    // Pods that ran a serving container, in the order they first did. Their names are kept
    // apart (podCpuName): the per-second passes over every pod read only these 24 bytes.
    struct PodCpu {
        double lastSecondCores = 0.0; // CPU used over the last sample (busy + idle)
        double cpuRequestCores = 0.0; // what the HPA divides by
        bool running = false;
    };
    const std::vector<PodCpu>& podCpu() const { return m_podCpu; }
    const std::string& podCpuName(std::size_t index) const { return m_podCpuNames[index]; }

    // The metrics sample: brings CPU accounting to now and closes every one-second window
    // (call after reading the windows).
    void accountCpuUntilNow();
    void closeWindows();
    // CPU used per node: over the last metrics second, and over the whole run (cores·s), by
    // the node's index (fixed for its name; kNone until the node joined the data plane, which
    // reads as no CPU).
    std::uint32_t nodeIndex(const std::string& node) const;
    double takeNodeCpuSeconds(std::uint32_t node);
    double nodeCpuTotalSeconds(std::uint32_t node) const;
    double nodeCpuTotalSeconds(const std::string& node) const;

    // VM instances (model/vmautoscalinggroup.h, vmstations.cpp): one station per instance of a
    // vmGroups entry, outside Kubernetes. The group says when the application runs
    // (vmStarted / vmStopped) and when the load balancer sends it requests (vmInService);
    // a deregistered instance finishes the requests it holds.
    void vmStarted(const std::string& instance, const std::string& zone, const std::string& service,
                   double cores, SimTime servingAt);
    void vmInService(const std::string& instance, bool inService);
    void vmStopped(const std::string& instance);
    int vmRequestsInFlight(const std::string& instance) const;
    // CPU the instance's application used over the last metrics second, in cores.
    double vmLastSecondCores(const std::string& instance) const;

    const std::vector<RequestTrace>& traces() const { return m_traces; }
    bool hasSources() const { return !m_sources.empty(); }
    // simulation.trafficMode: aggregate (aggregateflow.cpp) instead of one request at a time.
    bool aggregate() const { return m_aggregate; }

private:
    struct MeshRoute;
    struct Call {
        std::uint32_t service;
        double probability;
        std::uint32_t count;
        std::uint32_t policy; // m_policies index, kNone: none
    };
    // How one Service calls one downstream Service (ServiceBehaviourSpec::resilience).
    struct Policy {
        std::uint32_t caller = 0;
        SimTime timeout;               // per attempt; zero: none
        std::uint32_t maxAttempts = 1; // the first included
        std::vector<SimTime> backoff;  // [n-1]: the wait before attempt n+1
        bool budgeted = false;
        RetryBudget budget;
        std::uint32_t callee = 0;
        bool breaker = false;
        CircuitBreaker circuit;
        // A sidecar's (Envoy's) retry policy: only retriable outcomes are retried, after a
        // jittered exponential back-off (envoy source/common/common/backoff_strategy.cc).
        bool envoy = false;
        bool retry5xx = false;     // 5xx
        bool retryGateway = false; // gateway-error: 502, 503, 504
        bool retryConnect = false; // connect-failure, refused-stream, reset: cnsim's 503s
        std::vector<int> retriableCodes;
        SimTime backoffBase = SimTime::milliseconds(25);
        SimTime backoffMax = SimTime::milliseconds(250);
    };
    struct Step {
        bool parallel;
        std::uint32_t firstCall;
        std::uint32_t callCount;
    };
    // Aggregate mode: what a sampled request reads of the pod it visits, gathered by
    // stepStations so that sampling touches no Station (aggregateflow.cpp).
    struct EndpointState {
        FluidStatePool::Id fluid = kNone; // this tick's state in m_fluidStates
        std::uint32_t node = kNone;
        TrafficCounters* version = nullptr; // its version's counters
        bool serving = false;
        double errorRate = 0.0;
        std::uint64_t fluidSignature = 0; // FluidStation::signature() of `fluid`
    };
    struct Service {
        std::string name;
        std::string nameSpace;
        LabelMap selector;
        DurationSampler cpu;
        SimTime baseLatency;
        int workers = 0; // 0: no limit
        int queueCapacity = 1000;
        double memoryPerRequest = 0.0; // bytes
        bool oomKill = false;
        std::uint32_t firstStep = 0;
        std::uint32_t stepCount = 0;
        bool resilient = false;
        std::unique_ptr<LoadBalancer> balancer;
        RandomStream stream;                  // balancer picks, CPU samples, call probabilities
        std::vector<std::uint32_t> endpoints; // station per ready endpoint
        std::vector<std::uint32_t> endpointVersions; // version entry per ready endpoint
        std::vector<EndpointState> endpointStates;   // aggregate mode: per ready endpoint
        bool sharesStations = false; // aggregate mode: an endpoint is another Service's too
        // Aggregate mode: the version every endpoint runs, when they all run one (not for the
        // gateway): its window gets exactly the Service's additions (sampleRequests).
        TrafficCounters* soleVersion = nullptr;
        // Aggregate mode: last tick every pod served and followed one stable step (same state,
        // no backlog). While its share and the stations stay as they were, the next step is
        // that same state again, so the tick only accounts each pod's CPU (stepStations).
        struct SteadyStep {
            bool valid = false;
            double share = 0.0;
            double used = 0.0; // core-seconds each pod used in the tick
            std::uint64_t stationsEpoch = 0;
        } steady;
        bool endpointsDirty = true;
        TrafficCounters counters;
        bool vm = false;                      // served by a VM group, not by pods
        std::vector<std::uint32_t> vmTargets; // its in-service instances' stations
        // Mesh: the host's DestinationRule subsets, routes and policies.
        struct Subset {
            LabelMap labels;
            std::vector<std::uint32_t> endpoints;
            std::vector<std::uint32_t> endpointVersions;
            std::unique_ptr<LoadBalancer> balancer;
        };
        std::vector<Subset> subsets;
        std::uint32_t maxRequests = 0; // per client sidecar (http2MaxRequests); 0: no limit
        std::optional<MeshOutlierDetectionSpec> outlier;
        std::vector<std::uint32_t> ejectedStations; // outlier detection's ejected endpoints

        Service(std::uint64_t seed, const std::string& streamName) : stream(seed, streamName) {}
    };

    // What every second reads of a station (CPU accounting, aggregate mode's tick), kept in
    // one dense array (m_hot, indexed like m_stations) apart from the rest of the Station:
    // a 10,000-pod run walks them all each second, and then streams through 80 bytes a pod.
    struct StationHot {
        double fluidRate = 0.0; // aggregate mode: arrivals per second in the current tick
        bool running = false;   // its first container runs
        bool neverReady = false;
        std::uint32_t node = kNone;
        SimTime servingAt;      // the program answers from here on
        double errorRate = 0.0; // its image's share of 500 answers
        double idleCores = 0.0;
        SimTime idleFrom;
        double cpuWindow = 0.0; // core-seconds since the last sample
        std::uint32_t podCpu = kNone;
        FluidStatePool::Id fluidState = kNone; // aggregate mode's state, in m_fluidStates
        double lastSecondCores = 0.0;          // CPU used over the last sample (busy + idle)
        double memoryPerRequest = 0.0; // bytes; metrics-server reads every pod's each second
    };
    struct Station {
        std::string key;
        std::string podName;
        std::string containerName;
        std::string version;
        std::uint32_t gen = 1;
        bool oomPending = false;
        PodServer server;
        EventId completion;
        SimTime completionAt;
        double memoryLimit = 0.0; // bytes; 0: none
        double idleMemory = 0.0;
        bool oomKill = false;
        std::uint32_t vmService = kNone; // a VM instance's Service
        // Mesh: outlier detection's view of this endpoint, and requests this pod's sidecar has
        // in flight per destination Service (connection pool).
        std::uint32_t consecutive5xx = 0;
        std::uint32_t ejections = 0; // the multiplier of baseEjectionTime
        bool ejected = false;
        SimTime ejectedUntil;
        std::vector<std::uint32_t> meshInFlight;
    };

    struct Request {
        using Phase = RequestPhase;
        std::uint32_t gen = 1;
        std::uint32_t parent = kNone;
        std::uint32_t parentGen = 0;
        std::uint32_t service = 0;
        std::uint32_t station = kNone;
        std::uint32_t stationGen = 0;
        std::uint32_t version = kNone;
        std::uint32_t route = kNone;
        std::uint32_t backend = kNone;
        std::uint32_t source = kNone;
        std::uint32_t requestClass = 0;
        std::uint32_t trace = kNone;
        std::int32_t span = -1;
        std::uint32_t step = 0;
        std::uint32_t copiesLeft = 0;
        std::uint32_t outstanding = 0;
        std::uint32_t policy = kNone; // the caller's resilience for this call
        std::uint32_t attempt = 1;
        std::uint32_t subset = kNone;      // mesh: the destination subset of the Service
        std::uint32_t poolStation = kNone; // mesh: the caller whose connection pool it holds
        SimTime deadline;                  // mesh: the route timeout's end; zero: none
        std::uint64_t client = 0;
        EventId timeout; // the caller's per-attempt timeout
        SimTime sentAt;
        SimTime arrivedAt;
        SimTime hop;
        EventId pending;
        int code = 200;
        int childCode = 0;
        Phase phase = Phase::Free;
        bool stepStarted = false;
        bool sending = false;
        bool viaGateway = false;
        bool routeCounted = false;
        bool versionCounted = false;
        bool orphan = false; // its caller stopped waiting (timeout): its response is dropped
    };

    struct Source {
        struct Target {
            std::uint32_t service = kNone; // the Service called, or the gateway
            bool viaGateway = false;
            std::uint32_t route = kNone; // through the gateway: its route, kNone → 404
            std::uint32_t queue = kNone; // a message to this MessageQueues queue instead
            // Aggregate mode: the Services its requests can visit, and its sampled walks kept
            // for reuse while none of them changed (empty through the gateway: never reused).
            std::vector<std::uint32_t> reaches;
            WalkPool walks;
        };
        const TrafficSourceSpec* spec = nullptr;
        ArrivalGenerator arrivals;
        RandomStream stream; // class and client choice
        std::vector<double> weights;
        std::vector<Target> targets;
        std::uint64_t clientSalt = 0;
        std::vector<double> carry; // aggregate mode: fractional requests per class, carried

        Source(const TrafficSourceSpec& s, RandomStream arrivalStream, RandomStream choiceStream)
            : spec(&s), arrivals(s, arrivalStream), stream(choiceStream) {}
    };
    struct NodeInfo {
        std::string name;
        double cpuWindow = 0.0;
        double cpuTotal = 0.0;
    };
    // Answers least-request's in-flight queries for one endpoint list (a Service's or a
    // subset's).
    class StationLoad final : public EndpointLoad {
    public:
        StationLoad(const TrafficModel& model, const std::vector<std::uint32_t>& endpoints)
            : m_model(model), m_endpoints(endpoints) {}
        int inFlight(std::size_t endpoint) const override {
            return static_cast<int>(
                m_model.m_stations[m_endpoints[endpoint]].server.requestsPresent());
        }

    private:
        const TrafficModel& m_model;
        const std::vector<std::uint32_t>& m_endpoints;
    };

    // Set-up.
    void buildServices();
    void addNode(const std::string& name, const std::string& zone);
    static Policy makePolicy(std::uint32_t caller, const CallResilienceSpec& spec);
    std::uint32_t stationFor(const std::string& podKey);
    std::uint32_t versionFor(std::uint32_t service, const std::string& version);
    void refreshEndpoints(std::uint32_t service);
    void addVmServices();
    std::uint32_t vmStation(const std::string& instance) const;

    // The request path.
    void sourceArrival(std::uint32_t source);
    void scheduleNextArrival(std::uint32_t source);
    std::uint32_t allocRequest();
    void freeRequest(std::uint32_t request);
    void dispatch(std::uint32_t request, std::uint32_t callerStation);
    void arrive(std::uint32_t request);
    void startCpu(std::uint32_t request);
    void stationCompletion(std::uint32_t station);
    void rescheduleCompletion(std::uint32_t station);
    void cpuDone(std::uint32_t request);
    void continueSteps(std::uint32_t request);
    void sendCall(std::uint32_t parent, std::uint32_t service, std::uint32_t policy,
                  std::uint32_t attempt, std::uint32_t subset = kNone,
                  SimTime deadline = SimTime::zero());
    void attemptTimedOut(std::uint32_t request, std::uint32_t gen);
    void attemptFailed(std::uint32_t parent, std::uint32_t service, std::uint32_t policy,
                       std::uint32_t attempt, int code, std::uint32_t subset = kNone,
                       SimTime deadline = SimTime::zero());
    void retryNow(std::uint32_t placeholder);
    void childReturned(std::uint32_t parent, int code);
    void respond(std::uint32_t request);
    void deliver(std::uint32_t request);
    void checkMemory(std::uint32_t station);
    void failRequestsAt(std::uint32_t station, std::uint32_t stationGen);
    void answer(std::uint32_t request, int code);
    bool launchNext(std::uint32_t request);
    void finishHandler(std::uint32_t request);
    SimTime hopLatency(std::uint32_t from, std::uint32_t to) const;
    SimTime nodeHopLatency(std::uint32_t fromNode, std::uint32_t toNode) const;
    void traceSpanStart(Request& r, std::uint32_t station);
    void traceSpanEnd(Request& r);

    // The mesh (meshflow.cpp).
    struct MeshDestination {
        std::uint32_t service = 0;
        std::uint32_t subset = kNone;
    };
    struct MeshRoute {
        std::vector<MeshDestination> destinations;
        std::vector<double> weights;
        std::uint32_t policy = 0;
        SimTime timeout; // zero: none
        MeshFaultSpec fault;
    };
    void buildMesh();
    std::uint32_t addMeshPolicy(const std::optional<MeshRetrySpec>& retries);
    void buildSubsets(Service& service, const DestinationRuleSpec& rule);
    void refreshSubsets(Service& service);
    // The caller's sidecar: route the call, then send its first attempt.
    void meshSend(std::uint32_t parent, std::uint32_t host);
    bool meshRetriable(const Policy& policy, int code) const;
    SimTime meshBackoff(std::uint32_t retry);
    // The outcome of an attempt at an endpoint, for outlier detection.
    void meshOutcome(std::uint32_t service, std::uint32_t station, int code);
    void outlierSweep(std::uint32_t service);
    void chargeSidecar(std::uint32_t station);
    void releasePool(Request& r);

    // Aggregate mode (aggregateflow.cpp): one tick per second for every pod.
    struct Visit {
        int code = 200;
        SimTime latency; // at the Service: arrival at the pod → answer
        SimTime hop;     // the network hop each way between caller and pod
    };
    void startAggregate();
    void aggregateTick();
    void propagateRates(double from, double to);
    void stepStations(double seconds);
    // A steady Service's tick (Service::SteadyStep): its pods' CPU, nothing else changes.
    void accountSteadyStep(const Service& service);
    // Which Services have an endpoint another Service selects too (their shares add up).
    void markSharedStations();
    void sampleRequests();
    // Empties the walk pools of classes that can reach a Service changed this tick.
    void forgetChangedWalks();
    // Counts a kept walk again with this sample's weight.
    void replayWalk(std::span<const WalkUpdate> walk, std::uint64_t weight);
    static double weightTotal(const Source& source);
    // A buggy release's answer (images[].errorRate), drawn like per-request mode draws.
    bool buggyAnswer(double errorRate);
    // The pod's program answers at `now` (running, ready to serve, not a never-ready image).
    static bool servingAt(const StationHot& station, SimTime now);
    // Sizes a Service's endpoint states to its endpoints, each with its version's counters
    // (the rest is filled every tick).
    void linkEndpointVersions(Service& service);
    // callerNode: the node of the calling pod, kNone from outside the cluster.
    Visit visitService(std::uint32_t service, std::uint32_t callerNode, std::uint64_t weight);
    Visit visitGatewayRoute(std::uint32_t callerNode, std::uint32_t route, std::uint64_t weight);
    SimTime downstreamLatency(std::uint32_t service, std::uint32_t node, std::uint64_t weight,
                              int& code);

    SimulationModel& m_model;
    Engine& m_engine;
    std::vector<std::string> m_serviceNames;
    std::vector<Service> m_services;
    std::vector<Call> m_calls;
    std::vector<Step> m_steps;
    std::vector<Policy> m_policies;
    std::vector<std::uint32_t> m_circuits;               // policies with a circuit breaker
    std::map<std::string, std::uint32_t> m_serviceByKey; // "namespace/name" → index
    std::optional<std::uint32_t> m_gatewayService;
    std::unique_ptr<GatewayRouter> m_router;
    std::vector<TrafficCounters> m_routeCounters;
    std::vector<Source> m_sources;
    std::deque<Station> m_stations; // stable addresses: never erased
    std::vector<StationHot> m_hot;  // per station: its per-second fields
    std::map<std::string, std::uint32_t> m_stationByKey;
    std::vector<NodeInfo> m_nodes;
    std::vector<std::uint32_t> m_nodeZone; // per node, its zone: all a network hop reads
    std::map<std::string, std::uint32_t> m_nodeByName;
    std::map<std::string, std::uint32_t> m_zones; // zone → index, in order of first appearance
    std::deque<VersionCounters> m_versions;
    std::vector<PodCpu> m_podCpu;
    std::vector<std::string> m_podCpuNames; // m_podCpu's, index for index
    std::deque<Request> m_requests;         // the pool; stable addresses
    std::vector<std::uint32_t> m_freeRequests;
    std::vector<std::uint32_t> m_scratch;
    RandomStream m_gatewayStream;
    RandomStream m_tracingStream;
    RandomStream m_errorStream; // which requests a buggy image (errorRate) answers with 500
    std::vector<RequestTrace> m_traces;
    SimTime m_sameZone;
    SimTime m_crossZone;

    bool m_mesh = false;
    SimTime m_sidecarHop;      // each way: half the sidecars' latency per call
    double m_sidecarCpu = 0.0; // core-seconds per request per sidecar
    RandomStream m_meshStream; // weighted destinations, retry jitter
    std::vector<MeshRoute> m_meshRoutes;
    std::vector<std::uint32_t> m_meshRouteFor;  // [service][source class]: route, kNone: 404
    std::vector<std::uint32_t> m_meshClassBase; // per source: its first class's column
    std::uint32_t m_meshClassCount = 0;

    bool m_aggregate = false;
    std::vector<std::uint32_t> m_serviceOrder; // aggregate: callers before callees
    std::vector<double> m_sourceRequests;      // aggregate: each source's requests this tick
    std::vector<double> m_serviceRate;         // aggregate: arrivals per second this tick
    std::vector<double> m_serviceDrop;         // aggregate: share turned away, last tick
    std::vector<double> m_routeAdmit;          // aggregate: share a route's rate limit admits
    std::vector<double> m_latencySeconds;      // aggregate: Σ weight × latency this tick
    LatencyBatch m_latencyBatch;         // aggregate: this tick's window additions, made at its end
    std::vector<double> m_latencyWeight; // aggregate: Σ weight this tick
    FluidStatePool m_fluidStates;        // aggregate: the pods' states, each held once
    // Aggregate: per Service, whether what a sampled request reads of it changed this tick
    // (endpoints, a pod's state, node, serving or error rate).
    std::vector<std::uint8_t> m_samplingChanged;
    // Aggregate: per Service, whether this tick its sole version's window is copied from the
    // Service's after sampling instead of being added to visit by visit.
    std::vector<std::uint8_t> m_versionFollows;
    WalkPool* m_recording = nullptr; // aggregate: the pool the walk being sampled goes to
    std::uint64_t m_stationsEpoch = 0; // counts pods started and stopped (a steady step's check)
    AggregateSamplingStats m_samplingStats;
};

} // namespace cnsim
