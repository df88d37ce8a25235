#pragma once

// ClusterEvent: one action a control-plane component took, the simulation's
// `kubectl get events`. Students learn the architecture by reading who did what.
//
// The event carries a reason code and named parameters; describeEvent() renders plain
// English for the CLI, and the studio renders the same codes in the user's language.

#include "engine/simtime.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnsim {

enum class Component {
    Scheduler,               // kube-scheduler
    Kubelet,                 // kubelet on the pod's node
    DeploymentController,    // kube-controller-manager's deployment controller
    NodeController,          // kube-controller-manager's node lifecycle controller
    Chaos,                   // a scripted fault from the scenario timeline
    User,                    // an action a person took (studio, lesson, CLI)
    ReplicaSetController,    // kube-controller-manager's replicaset controller
    EndpointsController,     // kube-controller-manager's endpoints controller
    TaintEvictionController, // kube-controller-manager's taint-based eviction
    ApiServer,               // kube-apiserver (with etcd)
    HorizontalPodAutoscaler, // kube-controller-manager's horizontal-pod-autoscaler controller
    ClusterAutoscaler,       // cluster-autoscaler, its own process (not the controller-manager)
    CloudProvider,           // the cloud's machine lifecycle (spot interruptions)
    RolloutsController,      // Argo Rollouts' controller (its own Deployment, not in kcm)
    AutoScalingGroup,        // an EC2-style auto-scaling group of VMs (vmGroups), no Kubernetes
    Pipeline,                // a CI/CD pipeline (simulation.pipelines), outside the cluster
    NodeTerminationHandler,  // drains a spot node during its interruption notice (a DaemonSet)
    KedaOperator,            // KEDA's operator (keda-operator): ScaledObjects, activation
};

enum class EventReason {
    SuccessfulCreate,     // controller created a pod (args: pod)
    SuccessfulDelete,     // controller deleted a surplus pod (args: pod)
    Scheduled,            // scheduler bound a pod (args: pod, node)
    FailedScheduling,     // no node fits (args: pod, reason)
    Started,              // kubelet started the pod's containers (args: pod, node)
    Killing,              // kubelet stopping a pod (args: pod, node)
    PodLost,              // pod gone with its node (args: pod, node)
    NodeFailed,           // node crashed (args: node)
    NodeRecovered,        // node back (args: node)
    PodDeleted,           // pod deleted by a fault or user (args: pod)
    ScalingReplicaSet,    // desired replicas changed (args: deployment, from, to)
    Pulling,              // kubelet pulling an image (args: pod, image)
    Pulled,               // image pulled (args: pod, image, duration)
    Failed,               // image pull failed (args: pod, image, message)
    BackOff,              // back-off restarting a container or pulling (args: pod, message)
    Unhealthy,            // a probe failed (args: pod, probe, message)
    NodeNotReady,         // node lifecycle controller marked a node not ready (args: node)
    TaintManagerEviction, // pod evicted from a tainted node (args: pod, node)
    Cordoned,             // node marked unschedulable (args: node)
    Uncordoned,           // node schedulable again (args: node)
    Evicted,              // drain evicted a pod through the eviction API (args: pod, node)
    EvictionBlocked,      // a PodDisruptionBudget refused an eviction (args: pod, message)
    Drained,              // every pod has left the node (args: node)
    Updated,              // a person changed an object's spec (args: what)
    FaultInjected,        // a fault without a single object (args: fault, target)
    // The HPA controller's events (horizontal.go), each with upstream's message (args: message;
    // SuccessfulRescale also replicas and reason).
    SuccessfulRescale,
    FailedGetScale,
    FailedGetResourceMetric,
    FailedGetContainerResourceMetric,
    FailedGetPodsMetric,
    FailedGetObjectMetric,
    FailedGetExternalMetric,
    FailedComputeMetricsReplicas,
    // cluster-autoscaler's events, each with upstream's message (args: message, plus those
    // named). On pods: TriggeredScaleUp (group, from, to), NotTriggerScaleUp, ScaleDown
    // (deleting the pod for a node scale-down). On nodes: ScaleDown (tainted
    // ToBeDeletedByClusterAutoscaler), ScaleDownFailed. On the cluster-autoscaler-status
    // ConfigMap: ScaledUpGroup (group, from, to, max), ScaleDownEmpty and ScaleDownNode (node),
    // ScaleUpTimedOut (group).
    TriggeredScaleUp,
    NotTriggerScaleUp,
    ScaledUpGroup,
    ScaleDown,
    ScaleDownEmpty,
    ScaleDownNode,
    ScaleDownFailed,
    ScaleUpTimedOut,
    // The node controller's RegisteredNode / RemovingNode when a node joins or leaves (args:
    // node).
    RegisteredNode,
    RemovingNode,
    // The cloud takes a spot machine back after a notice (args: node, message).
    SpotInterruption,
    // Argo Rollouts' events on a Rollout (rollout/*.go, utils/conditions), each with upstream's
    // message (args: message).
    RolloutUpdated,
    RolloutStepCompleted,
    RolloutPaused,
    RolloutResumed,
    RolloutCompleted,
    RolloutAborted,
    AnalysisRunRunning,
    AnalysisRunSuccessful,
    AnalysisRunFailed,
    AnalysisRunError,
    AnalysisRunInconclusive,
    SwitchService,
    TrafficWeightUpdated,
    // A VM auto-scaling group's activities, in EC2 Auto Scaling's words (args: instance, and
    // for SetDesiredCapacity from, to and cause). Launching: the instance is requested;
    // InstanceInService: it passed the load balancer's health checks and gets requests;
    // DeregisteringInstance: the load balancer stops sending it requests and drains it;
    // TerminatingInstance: it is stopped and no longer billed.
    LaunchingInstance,
    InstanceInService,
    DeregisteringInstance,
    TerminatingInstance,
    SetDesiredCapacity,
    // A CI/CD pipeline's runs (args: run, the run number; image, the commit's image; and
    // those named). PipelineQueued: the commit waits for the running run (GitHub Actions'
    // concurrency group); PipelineSuperseded: a newer commit replaced it while it waited;
    // PipelineStarted; StageSucceeded / StageFailed (stage, duration); PipelineSucceeded
    // (duration); PipelineFailed (stage, and message when the deploy was refused);
    // DeployTriggered (target, container): the target's image was set.
    PipelineQueued,
    PipelineSuperseded,
    PipelineStarted,
    StageSucceeded,
    StageFailed,
    PipelineSucceeded,
    PipelineFailed,
    DeployTriggered,
    // KEDA's operator on a ScaledObject (pkg/eventreason/eventreason.go; messages of
    // pkg/scaling/executor/scale_scaledobjects.go; args: message, from, to).
    KEDAScaleTargetActivated,
    KEDAScaleTargetDeactivated,
};

enum class ObjectKind {
    Pod,
    Node,
    Deployment,
    ReplicaSet,
    HorizontalPodAutoscaler,
    ConfigMap,
    Rollout,
    AnalysisRun,
    AutoScalingGroup, // a vmGroups entry (not a Kubernetes object)
    Pipeline,         // a simulation.pipelines entry (not a Kubernetes object)
    ScaledObject,     // KEDA's keda.sh/v1alpha1 ScaledObject
};

struct ClusterEvent {
    SimTime time;
    Component component = Component::User;
    EventReason reason = EventReason::SuccessfulCreate;
    ObjectKind objectKind = ObjectKind::Pod;
    std::string objectName;
    std::vector<std::pair<std::string, std::string>> args; // named parameters, fixed order

    std::string_view arg(std::string_view key) const;
};

std::string_view componentName(Component c);          // "kube-scheduler", "kubelet", …
std::string_view reasonName(EventReason r);           // "Scheduled", "FailedScheduling", …
std::string_view objectKindName(ObjectKind k);        // "Pod", "Node", "Deployment"
std::string describeEvent(const ClusterEvent& event); // English message

} // namespace cnsim
