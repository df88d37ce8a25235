#pragma once

// RunSummary: the end-of-run numbers `cnsim run` prints (and writes as JSON).

#include "engine/simtime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// Requests to one Service, one gateway route or one version of a Service over the run.
// Latencies are of successful responses.
struct ServiceSummary {
    std::string name;
    std::uint64_t requests = 0;  // arrived
    std::uint64_t completed = 0; // answered successfully
    std::uint64_t errors = 0;    // 503 (no ready pod, queue full, lost with a pod), 500, 404, 429
    double meanLatencyMs = 0.0;
    double p50LatencyMs = 0.0;
    double p95LatencyMs = 0.0;
    double p99LatencyMs = 0.0;
    double p90LatencyMs = 0.0;
    double maxLatencyMs = 0.0;
};

// A gateway route: latency from the request's arrival at the gateway to its response.
struct RouteSummary : ServiceSummary {};

// The pods of one Service with one `version` label (else one image tag): `name` is the
// version.
struct VersionSummary : ServiceSummary {
    std::string service;
};

struct DeploymentSummary {
    std::string name;
    int desiredReplicas = 0;
    int runningAtEnd = 0;
    int podsCreated = 0;
};

// One HorizontalPodAutoscaler at the end of the run.
struct HpaSummary {
    std::string name;
    std::string reference; // "Deployment/web"
    int minReplicas = 1;
    int maxReplicas = 1;
    int currentReplicas = 0;
    int peakReplicas = 0; // the most replicas it asked for
    int rescales = 0;     // SuccessfulRescale events
};

// One simulation.queues entry over the run (messages = requests of classes with `queue:`).
struct QueueSummary {
    std::string name;
    std::string consumer; // the consumer Deployment
    std::uint64_t enqueued = 0;
    std::uint64_t processed = 0; // acknowledged by a consumer
    std::uint64_t remaining = 0; // in the queue or being processed at the end
    std::uint64_t peakLength = 0;
    double peakOldestAgeSeconds = 0; // the oldest waiting message's age, at its worst
    double meanWaitSeconds = 0;      // publish → a consumer takes it, over processed messages
    // The first message's wait: published → taken by a consumer (the cold start when the
    // consumers were at zero), none if it was never taken.
    std::optional<double> firstMessageWaitSeconds;
};

// One KEDA ScaledObject at the end of the run.
struct ScaledObjectSummary {
    std::string name;
    std::string target; // the Deployment
    int minReplicaCount = 0;
    int maxReplicaCount = 0;
    int replicasAtEnd = 0;
    int activations = 0;   // KEDAScaleTargetActivated
    int deactivations = 0; // KEDAScaleTargetDeactivated
    bool activeAtEnd = false;
};

// One container's VerticalPodAutoscaler recommendation at the end of the run (millicores,
// bytes); a VPA without a recommendation yet has no rows.
struct VpaSummary {
    std::string name;
    std::string target; // the Deployment
    std::string container;
    std::int64_t targetCpuMilli = 0;
    std::int64_t targetMemory = 0;
    std::int64_t lowerBoundCpuMilli = 0;
    std::int64_t lowerBoundMemory = 0;
    std::int64_t upperBoundCpuMilli = 0;
    std::int64_t upperBoundMemory = 0;
};

// One Argo Rollouts Rollout at the end of the run.
struct RolloutSummary {
    std::string name;
    std::string strategy;   // "canary", "blueGreen"
    std::string phase;      // Healthy, Progressing, Paused, Degraded
    int stepsCompleted = 0; // canary steps completed for the last revision
    int steps = 0;          // canary steps in the spec
    bool aborted = false;   // some update was aborted during the run
    int analysisRuns = 0;
    int failedAnalysisRuns = 0; // Failed or Error
    std::string message;
};

struct NodeSummary {
    std::string name;
    std::string zone;
    bool readyAtEnd = true;
    int podsAtEnd = 0;
    double meanCpuUsedCores = 0.0;
};

// One cluster-autoscaler node group over the run.
struct NodeGroupSummary {
    std::string name;
    int minSize = 0;
    int maxSize = 0;
    int sizeAtEnd = 0;  // registered nodes
    int peakSize = 0;   // the most registered nodes at once
    int scaleUps = 0;   // ScaledUpGroup: times the group was grown
    int scaleDowns = 0; // nodes deleted by scale-down
    int spotInterruptions = 0;
};

// One vmGroups entry (an auto-scaling group of VMs) over the run.
struct VmGroupSummary {
    std::string name;
    std::string service;
    int minSize = 0;
    int maxSize = 0;
    int desiredAtEnd = 0;
    int inServiceAtEnd = 0;
    int peakInService = 0;
    int launches = 0;
    int terminations = 0;
    int scaleOuts = 0; // SetDesiredCapacity up
    int scaleIns = 0;  // SetDesiredCapacity down
    double instanceHours = 0;
    double dollars = 0;
};

// One run of a CI/CD pipeline. Times are seconds since the run began; the release fields are
// set for runs that deployed.
struct PipelineRunSummary {
    int number = 0;
    std::string image;
    double committedSeconds = 0;
    std::optional<double> startedSeconds;
    std::optional<double> finishedSeconds;
    std::string result;      // succeeded, failed, superseded, running, queued
    std::string failedStage; // for a failed run
    std::optional<double> deployedSeconds;
    std::string release; // pending, completed, failed, superseded; empty: nothing deployed
    std::optional<double> releaseEndedSeconds;
};

// A stage's failures over the run, in stage order.
struct StageFailures {
    std::string stage;
    int failures = 0;
};

// One simulation.pipelines entry over the run, with DORA's delivery figures where the run
// gives enough to compute them honestly (docs/releases.md, "CI/CD pipelines").
struct PipelineSummary {
    std::string name;
    std::string target; // "Rollout/web"
    int runs = 0;       // started
    int succeeded = 0;  // every stage passed: deployed
    int failed = 0;
    int superseded = 0; // canceled while waiting
    std::vector<StageFailures> failuresByStage;
    int releasesCompleted = 0;
    int releasesFailed = 0; // aborted, rolled back or past the progress deadline
    std::optional<double> meanLeadTimeToDeploySeconds;  // commit → image set
    std::optional<double> meanLeadTimeToReleaseSeconds; // commit → release completed
    // DORA: median commit → release completed; completed releases per day of simulated time;
    // failed releases / finished releases.
    std::optional<double> medianLeadTimeForChangesSeconds;
    std::optional<double> deploymentsPerDay;
    std::optional<double> changeFailureRate;
    std::vector<PipelineRunSummary> runList;
};

// How one Service fared against simulation.slo's latency target, for comparing the ways of
// serving it (pods, a VM group) side by side. Written when the scenario has VM groups and an
// SLO: the SLO's Service and every VM group's service.
struct ServiceOutcome {
    std::string service;
    std::string servedBy;        // "pods" or "vm group <name>"
    double violationMinutes = 0; // seconds with p95 above the target, in minutes
    // The first episode of overload: its first second above the target, and the first second
    // from which p95 then stayed within the target for a minute (the load absorbed).
    std::optional<double> firstViolationSeconds;
    std::optional<double> recoveredSeconds;
    double dollars = 0; // its machines; pods: every machine but the VM groups' instances
};

// What the machines cost, when the scenario gives prices.
struct CostSummary {
    bool priced = false;
    double dollars = 0; // billed over the run
    double dollarsPerHourAtEnd = 0;
    std::uint64_t successfulRequests = 0;            // answered by the entry Services
    std::optional<double> dollarsPerMillionRequests; // when requests were answered
    // simulation.slo: seconds with the Service's p95 above target, in minutes.
    std::string sloService;
    double sloLatencyP95Ms = 0;
    std::optional<double> sloViolationMinutes;
};

struct RunSummary {
    std::string scenarioName;
    std::uint64_t seed = 0;
    SimTime simulatedTime;
    std::uint64_t engineEvents = 0;
    std::uint64_t clusterEvents = 0;
    std::string fingerprint;
    std::string trafficMode; // "perRequest" or "aggregate" (simulation.trafficMode)
    std::vector<ServiceSummary> services;
    std::vector<VersionSummary> versions; // in the order versions were first served
    std::vector<RouteSummary> routes;     // gateway routes, in file order
    std::vector<DeploymentSummary> deployments;
    std::vector<HpaSummary> autoscalers;
    std::vector<RolloutSummary> rollouts;
    std::vector<NodeSummary> nodes;
    std::vector<NodeGroupSummary> nodeGroups;
    std::vector<VmGroupSummary> vmGroups;
    std::vector<ServiceOutcome> outcomes;
    std::vector<PipelineSummary> pipelines;
    std::vector<QueueSummary> queues;
    std::vector<ScaledObjectSummary> scaledObjects;
    std::vector<VpaSummary> verticalPodAutoscalers;
    CostSummary cost;
};

} // namespace cnsim
