#pragma once

// The API objects of the simulated cluster: what kube-apiserver would store, with spec (what
// was asked for) and status (what the components observed). Field names follow the
// Kubernetes API so `kubectl get -o yaml` can print them as a real cluster would.
//
// Objects are plain data. Only components change them, through the ApiServer, from engine
// event handlers; views read copies (snapshots).

#include "cluster/objectmeta.h"
#include "control/rollouts/analysis.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// ---- Node ----

struct NodeObject {
    ObjectMeta meta;
    // spec
    bool unschedulable = false; // cordoned
    std::vector<Taint> taints;
    // status
    CpuMillis capacityCpu;
    Bytes capacityMemory;
    int capacityPods = 110;
    CpuMillis allocatableCpu;
    Bytes allocatableMemory;
    std::vector<Condition> conditions; // "Ready": True / False / Unknown
    std::vector<std::string> images;   // image names present on the node
    std::string zone;
    MachineSpec machine;
};

bool isNodeReady(const NodeObject& node);

// ---- Pod ----

enum class PodPhaseK8s { Pending, Running, Succeeded, Failed, Unknown };
std::string_view podPhaseK8sName(PodPhaseK8s phase);

struct ContainerStateWaiting {
    std::string reason; // ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff
    std::string message;
};
struct ContainerStateRunning {
    SimTime startedAt;
};
struct ContainerStateTerminated {
    int exitCode = 0;
    std::string reason; // Completed, Error, OOMKilled
    SimTime startedAt;
    SimTime finishedAt;
};

struct ContainerStatus {
    std::string name;
    std::string image;
    bool ready = false;
    bool started = false;
    int restartCount = 0;
    std::optional<ContainerStateWaiting> waiting;
    std::optional<ContainerStateRunning> running;
    std::optional<ContainerStateTerminated> terminated;
    std::optional<ContainerStateTerminated> lastTerminated; // lastState.terminated
};

struct PodObject {
    ObjectMeta meta;
    PodSpec spec;
    std::string nodeName; // spec.nodeName, set by the binding
    // status
    PodPhaseK8s phase = PodPhaseK8s::Pending;
    std::vector<Condition> conditions; // PodScheduled, Initialized, ContainersReady, Ready
    std::vector<ContainerStatus> containerStatuses;
    std::optional<SimTime> startTime;
    std::string podIp;  // status.podIP, given by the kubelet when the sandbox starts
    std::string reason; // e.g. "Evicted", "NodeLost"
    std::string message;
    // Summed container requests (what scheduling and quotas see).
    CpuMillis requestCpu;
    Bytes requestMemory;
};

bool isPodReady(const PodObject& pod);
bool isPodTerminating(const PodObject& pod);
// What `kubectl get pods` prints in STATUS: "Running", "ContainerCreating",
// "CrashLoopBackOff", "Terminating", "Pending", …
std::string podDisplayStatus(const PodObject& pod);
int podRestarts(const PodObject& pod);

// ---- ReplicaSet and Deployment ----

struct ReplicaSetObject {
    ObjectMeta meta; // ownerReferences → Deployment; annotation deployment.kubernetes.io/revision
    int replicas = 0;
    LabelSelector selector;
    LabelMap templateLabels;
    LabelMap templateAnnotations; // e.g. kubectl.kubernetes.io/restartedAt
    PodSpec templateSpec;
    int minReadySeconds = 0;
    // status
    int statusReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    std::int64_t observedGeneration = 0;
};

std::int64_t replicaSetRevision(const ReplicaSetObject& rs);

struct DeploymentObject {
    ObjectMeta meta;
    DeploymentSpec spec;          // replicas and template are live (scale, set image change them)
    LabelMap templateAnnotations; // spec.template.metadata.annotations (rollout restart)
    // status
    std::int64_t observedGeneration = 0;
    int statusReplicas = 0;
    int updatedReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    int unavailableReplicas = 0;
    std::vector<Condition> conditions; // Available, Progressing
    SimTime lastProgress;              // for progressDeadlineSeconds
};

// ---- Service, Endpoints, PodDisruptionBudget ----

struct ServiceObject {
    ObjectMeta meta;
    ServiceSpec spec;
    std::string clusterIp;
};

struct EndpointAddress {
    std::string podName;
    std::string nodeName;
    std::string ip;
};

struct EndpointsObject {
    ObjectMeta meta; // same name as the Service
    std::vector<EndpointAddress> ready;
    std::vector<EndpointAddress> notReady;
};

struct PodDisruptionBudgetObject {
    ObjectMeta meta;
    PodDisruptionBudgetSpec spec;
    // status
    int currentHealthy = 0;
    int desiredHealthy = 0;
    int expectedPods = 0;
    int disruptionsAllowed = 0;
};

// ---- HorizontalPodAutoscaler (autoscaling/v2) ----

// One entry of status.currentMetrics, parallel to the spec's metrics (the default CPU metric
// when the spec lists none). No value set: the metric could not be read ("<unknown>").
struct HpaMetricStatus {
    HpaMetricSource source;
    std::optional<std::int32_t> averageUtilization; // percent
    std::optional<std::int64_t> averageValueMilli;
    std::optional<std::int64_t> valueMilli;
    bool known() const { return averageUtilization || averageValueMilli || valueMilli; }
};

struct HorizontalPodAutoscalerObject {
    ObjectMeta meta;
    HorizontalPodAutoscalerSpec spec;
    // status
    std::int64_t observedGeneration = 0;
    std::optional<SimTime> lastScaleTime;
    int currentReplicas = 0;
    int desiredReplicas = 0;
    std::vector<HpaMetricStatus> currentMetrics;
    std::vector<HpaCondition> conditions; // AbleToScale, ScalingActive, ScalingLimited
};

// ---- Argo Rollouts (argoproj.io/v1alpha1) ----

// Rollout status, the fields `kubectl argo rollouts get` shows. Hashes are pod-template-hash
// values (rollouts-pod-template-hash labels of the ReplicaSets).
struct RolloutObject {
    ObjectMeta meta;
    RolloutSpec spec; // replicas and template are live (set image changes them)
    // status
    std::int64_t observedGeneration = 0;
    std::string currentPodHash; // the template's hash: the canary / preview (new) ReplicaSet
    std::string stableRs;       // hash of the stable ReplicaSet; empty before the first one
    int currentStepIndex = 0;   // canary: index of the step being run
    int stepsCompleted = 0;     // canary steps completed for the current revision
    bool abort = false;
    bool paused = false;     // controller pause (a pause step, blue-green, inconclusive)
    std::string pauseReason; // CanaryPauseStep, BlueGreenPause, InconclusiveAnalysisRun
    std::optional<SimTime> pauseStartTime;
    bool promoteRequested = false;     // `kubectl argo rollouts promote` received
    int currentWeight = 0;             // canary: traffic percent to the canary
    std::string activeSelector;        // blue-green: hash the active Service selects
    std::string previewSelector;       // blue-green: hash the preview Service selects
    std::string phase = "Progressing"; // Healthy, Progressing, Paused, Degraded
    std::string message;
    std::string currentStepAnalysisRun; // name of the step's AnalysisRun, if running
    std::string backgroundAnalysisRun;
    int statusReplicas = 0;
    int updatedReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    int revision = 0; // rollout.argoproj.io/revision of the current template
};

// ---- KEDA (keda.sh/v1alpha1) ----

// ScaledObject status, the fields `kubectl get scaledobject` shows
// (apis/keda/v1alpha1/scaledobject_types.go ScaledObjectStatus and its conditions).
struct ScaledObjectObject {
    ObjectMeta meta;
    ScaledObjectSpec spec;
    // status
    std::string hpaName;                   // keda-hpa-<name>
    std::optional<SimTime> lastActiveTime; // the last poll that found a trigger active
    bool ready = false;                    // Ready condition: the scaler could read its metric
    bool active = false;                   // Active condition: some trigger above activation
    std::vector<double> lastMetrics;       // per trigger, the last value polled
};

// ---- Vertical Pod Autoscaler (autoscaling.k8s.io/v1) ----

// status.recommendation.containerRecommendations[]: requests in millicores and bytes.
struct VpaContainerRecommendationStatus {
    std::string containerName;
    std::int64_t targetCpuMilli = 0;
    std::int64_t targetMemory = 0;
    std::int64_t lowerBoundCpuMilli = 0;
    std::int64_t lowerBoundMemory = 0;
    std::int64_t upperBoundCpuMilli = 0;
    std::int64_t upperBoundMemory = 0;
    std::int64_t uncappedTargetCpuMilli = 0;
    std::int64_t uncappedTargetMemory = 0;
};

struct VerticalPodAutoscalerObject {
    ObjectMeta meta;
    VerticalPodAutoscalerSpec spec;
    // status: RecommendationProvided once the recommender has samples for every container.
    std::vector<VpaContainerRecommendationStatus> recommendations;
    std::optional<SimTime> lastRecommendation;
};

struct AnalysisTemplateObject {
    ObjectMeta meta;
    AnalysisTemplateSpec spec;
};

struct AnalysisMeasurement {
    SimTime startedAt;
    AnalysisPhase phase = AnalysisPhase::Successful;
    std::optional<double> value; // none for an Error
    std::string message;
};

struct AnalysisMetricResult {
    AnalysisMetricSpec spec;
    AnalysisPhase phase = AnalysisPhase::Pending;
    MetricCounters counters;
    std::vector<AnalysisMeasurement> measurements;
};

// An AnalysisRun: the metrics of its templates, measured every interval from its start.
struct AnalysisRunObject {
    ObjectMeta meta; // ownerReferences → Rollout
    std::string rollout;
    std::string canaryHash; // what `version: canary` and `version: stable` mean for this run
    std::string stableHash;
    std::vector<AnalysisMetricResult> metrics;
    AnalysisPhase phase = AnalysisPhase::Pending;
    bool terminate = false; // the Rollout no longer needs it
    std::string message;
};

} // namespace cnsim
