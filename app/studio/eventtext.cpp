#include "eventtext.h"

#include "engine/simtime.h"

namespace {

QString fromStd(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QString EventText::message(const cnsim::ClusterEvent& event) {
    using cnsim::EventReason;
    const QString pod = fromStd(event.arg("pod"));
    const QString node = fromStd(event.arg("node"));
    switch (event.reason) {
    case EventReason::SuccessfulCreate:
        return tr("Created pod %1").arg(pod);
    case EventReason::SuccessfulDelete:
        return tr("Deleted surplus pod %1").arg(pod);
    case EventReason::Scheduled:
        return tr("Assigned pod %1 to node %2").arg(pod, node);
    case EventReason::FailedScheduling:
        // The reason is the scheduler's own diagnostic, shown as the library wrote it.
        return tr("Cannot schedule pod %1: %2").arg(pod, fromStd(event.arg("reason")));
    case EventReason::Started:
        return tr("Started pod %1 on node %2").arg(pod, node);
    case EventReason::Killing:
        return tr("Stopping pod %1 on node %2").arg(pod, node);
    case EventReason::PodLost:
        return tr("Pod %1 was lost with node %2").arg(pod, node);
    case EventReason::NodeFailed:
        return tr("Node %1 crashed; the control plane has not noticed yet")
            .arg(node.isEmpty() ? fromStd(event.objectName) : node);
    case EventReason::NodeRecovered:
        return tr("Node %1 booted; its kubelet reports again")
            .arg(node.isEmpty() ? fromStd(event.objectName) : node);
    case EventReason::PodDeleted:
        return tr("Deleted pod %1").arg(pod.isEmpty() ? fromStd(event.objectName) : pod);
    case EventReason::ScalingReplicaSet: {
        if (!event.arg("replicaset").empty()) {
            return event.arg("direction") == "up"
                       ? tr("Scaled up ReplicaSet %1 from %2 to %3")
                             .arg(fromStd(event.arg("replicaset")), fromStd(event.arg("from")),
                                  fromStd(event.arg("to")))
                       : tr("Scaled down ReplicaSet %1 from %2 to %3")
                             .arg(fromStd(event.arg("replicaset")), fromStd(event.arg("from")),
                                  fromStd(event.arg("to")));
        }
        const QString deployment = fromStd(event.arg("deployment"));
        return tr("Scaled Deployment %1 from %2 to %3 replicas")
            .arg(deployment.isEmpty() ? fromStd(event.objectName) : deployment,
                 fromStd(event.arg("from")), fromStd(event.arg("to")));
    }
    case EventReason::Pulling:
        return tr("Pulling image %1 for pod %2").arg(fromStd(event.arg("image")), pod);
    case EventReason::Pulled:
        return tr("Pulled image %1 in %2")
            .arg(fromStd(event.arg("image")), fromStd(event.arg("duration")));
    case EventReason::NodeNotReady:
        return tr("Node %1 stopped reporting and is NotReady")
            .arg(node.isEmpty() ? fromStd(event.objectName) : node);
    case EventReason::TaintManagerEviction:
        return tr("Evicting pod %1 from unreachable node %2").arg(pod, node);
    case EventReason::Cordoned:
        return tr("Node %1 cordoned: no new pods").arg(node);
    case EventReason::Uncordoned:
        return tr("Node %1 uncordoned: accepts pods again").arg(node);
    case EventReason::Evicted:
        return tr("Evicting pod %1 from node %2 (drain)").arg(pod, node);
    case EventReason::Drained:
        return tr("Node %1 drained: no pods left").arg(node);
    case EventReason::SuccessfulRescale:
        // The reason is horizontal.go's own text ("cpu resource utilization (percentage of
        // request) above target"), shown as the controller wrote it.
        return tr("HorizontalPodAutoscaler %1 set the replicas to %2: %3")
            .arg(fromStd(event.objectName), fromStd(event.arg("replicas")),
                 fromStd(event.arg("reason")));
    case EventReason::FailedGetScale:
        return tr("HorizontalPodAutoscaler %1 cannot read its target's scale: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::FailedGetResourceMetric:
    case EventReason::FailedGetContainerResourceMetric:
    case EventReason::FailedGetPodsMetric:
    case EventReason::FailedGetObjectMetric:
    case EventReason::FailedGetExternalMetric:
        return tr("HorizontalPodAutoscaler %1 cannot read a metric: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::FailedComputeMetricsReplicas:
        return tr("HorizontalPodAutoscaler %1 cannot compute a replica count: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::TriggeredScaleUp:
        return tr("Pod %1 triggered a scale-up: node group %2 from %3 to %4 nodes (max %5)")
            .arg(pod, fromStd(event.arg("group")), fromStd(event.arg("from")),
                 fromStd(event.arg("to")), fromStd(event.arg("max")));
    case EventReason::NotTriggerScaleUp:
        // The reasons are cluster-autoscaler's own words, shown as the library wrote them.
        return tr("Pod %1 did not trigger a scale-up: %2").arg(pod, fromStd(event.arg("reason")));
    case EventReason::ScaledUpGroup:
        return tr("Scale-up: node group %1 grows from %2 to %3 nodes (max %4)")
            .arg(fromStd(event.arg("group")), fromStd(event.arg("from")), fromStd(event.arg("to")),
                 fromStd(event.arg("max")));
    case EventReason::ScaleDown:
        if (event.objectKind == cnsim::ObjectKind::Pod) {
            return tr("Evicting pod %1 from node %2 for a scale-down").arg(pod, node);
        }
        return tr("Node %1 marked ToBeDeletedByClusterAutoscaler: no new pods").arg(node);
    case EventReason::ScaleDownEmpty:
        return tr("Scale-down: removing empty node %1").arg(node);
    case EventReason::ScaleDownNode:
        return tr("Scale-down: removing node %1 (utilization %2), moving pods %3")
            .arg(node, fromStd(event.arg("utilization")), fromStd(event.arg("pods")));
    case EventReason::ScaleDownFailed:
        return tr("Scale-down of node %1 failed: %2").arg(node, fromStd(event.arg("reason")));
    case EventReason::ScaleUpTimedOut:
        return tr("Nodes added to node group %1 did not register within %2; the group backs off")
            .arg(fromStd(event.arg("group")), fromStd(event.arg("timeout")));
    case EventReason::RegisteredNode:
        return tr("Node %1 registered and joined the cluster").arg(node);
    case EventReason::RemovingNode:
        return tr("Node %1 removed from the cluster").arg(node);
    case EventReason::SpotInterruption:
        return tr("The cloud takes spot node %1 back in 2 minutes").arg(node);
    // Argo Rollouts: the controller's own message (step, revision, analysis verdict) follows.
    case EventReason::RolloutUpdated:
        return tr("Rollout %1 started a new revision: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::RolloutStepCompleted:
        return tr("Rollout %1 completed a step: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::RolloutPaused:
        return tr("Rollout %1 paused: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::RolloutResumed:
        return tr("Rollout %1 resumed").arg(fromStd(event.objectName));
    case EventReason::RolloutCompleted:
        return tr("Rollout %1 completed its update: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::RolloutAborted:
        return tr("Rollout %1 aborted its update and went back to the stable version: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::AnalysisRunRunning:
        return tr("Rollout %1 started analysis run %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("analysisrun")));
    case EventReason::AnalysisRunSuccessful:
        return tr("Analysis run %2 of Rollout %1 succeeded")
            .arg(fromStd(event.objectName), fromStd(event.arg("analysisrun")));
    case EventReason::AnalysisRunFailed:
        return tr("Analysis run %2 of Rollout %1 failed")
            .arg(fromStd(event.objectName), fromStd(event.arg("analysisrun")));
    case EventReason::AnalysisRunError:
        return tr("Analysis run %2 of Rollout %1 could not measure its metrics")
            .arg(fromStd(event.objectName), fromStd(event.arg("analysisrun")));
    case EventReason::AnalysisRunInconclusive:
        return tr("Analysis run %2 of Rollout %1 was inconclusive: waiting for a person to "
                  "promote or abort")
            .arg(fromStd(event.objectName), fromStd(event.arg("analysisrun")));
    case EventReason::SwitchService:
        return tr("Rollout %1 switched a Service to another version: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::TrafficWeightUpdated:
        return tr("Rollout %1 changed the route's traffic weights: %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("message")));
    case EventReason::LaunchingInstance:
        return tr("Auto-scaling group %1 launches VM instance %2")
            .arg(fromStd(event.objectName), fromStd(event.arg("instance")));
    case EventReason::InstanceInService:
        return tr("VM instance %1 passed its health checks: in service, it gets requests")
            .arg(fromStd(event.arg("instance")));
    case EventReason::DeregisteringInstance:
        return tr("VM instance %1 leaves the load balancer and drains its requests")
            .arg(fromStd(event.arg("instance")));
    case EventReason::TerminatingInstance:
        return tr("VM instance %1 terminated").arg(fromStd(event.arg("instance")));
    case EventReason::SetDesiredCapacity:
        return event.arg("alarm").empty()
                   ? tr("Auto-scaling group %1: desired capacity from %2 to %3")
                         .arg(fromStd(event.objectName), fromStd(event.arg("from")),
                              fromStd(event.arg("to")))
                   : tr("Auto-scaling group %1: CPU alarm %2 sets the desired capacity from %3 "
                        "to %4")
                         .arg(fromStd(event.objectName), fromStd(event.arg("alarm")),
                              fromStd(event.arg("from")), fromStd(event.arg("to")));
    case EventReason::PipelineQueued:
        return tr("Pipeline %1: run #%2 for %3 waits for the running run to finish")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("image")));
    case EventReason::PipelineSuperseded:
        return tr("Pipeline %1: run #%2 for %3 canceled before it started: the newer commit %4 "
                  "took its place in the queue")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("image")),
                 fromStd(event.arg("by")));
    case EventReason::PipelineStarted:
        return tr("Pipeline %1: run #%2 started for %3")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("image")));
    case EventReason::StageSucceeded:
        return tr("Pipeline %1: run #%2, stage %3 passed in %4")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("stage")),
                 fromStd(event.arg("duration")));
    case EventReason::StageFailed:
        return tr("Pipeline %1: run #%2, stage %3 failed after %4")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("stage")),
                 fromStd(event.arg("duration")));
    case EventReason::PipelineSucceeded:
        return tr("Pipeline %1: run #%2 for %3 succeeded in %4")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("image")),
                 fromStd(event.arg("duration")));
    case EventReason::PipelineFailed:
        return tr("Pipeline %1: run #%2 for %3 failed at stage %4; nothing was deployed")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("image")),
                 fromStd(event.arg("stage")));
    case EventReason::DeployTriggered:
        return tr("Pipeline %1: run #%2 sets the image of %3 to %4; the release begins")
            .arg(fromStd(event.objectName), fromStd(event.arg("run")), fromStd(event.arg("target")),
                 fromStd(event.arg("image")));
    case EventReason::KEDAScaleTargetActivated:
        return tr("ScaledObject %1 activated its Deployment: replicas from %2 to %3")
            .arg(fromStd(event.objectName), fromStd(event.arg("from")), fromStd(event.arg("to")));
    case EventReason::KEDAScaleTargetDeactivated:
        return tr("ScaledObject %1 deactivated its Deployment after the cooldown: replicas from "
                  "%2 to %3")
            .arg(fromStd(event.objectName), fromStd(event.arg("from")), fromStd(event.arg("to")));
    case EventReason::Failed:
    case EventReason::BackOff:
    case EventReason::Unhealthy:
    case EventReason::EvictionBlocked:
    case EventReason::Updated:
    case EventReason::FaultInjected:
        // The kubelet's own message (image and container names), as kubectl shows it.
        return fromStd(event.arg("message"));
    }
    return QString::fromStdString(cnsim::describeEvent(event));
}

QString EventText::componentName(cnsim::Component component) {
    // Component names are Kubernetes binaries or roles; the binaries keep their names in
    // every language, as they do in Chinese Kubernetes documentation.
    switch (component) {
    case cnsim::Component::Scheduler:
        return QStringLiteral("kube-scheduler");
    case cnsim::Component::Kubelet:
        return QStringLiteral("kubelet");
    case cnsim::Component::DeploymentController:
        return tr("deployment controller");
    case cnsim::Component::NodeController:
        return tr("node controller");
    case cnsim::Component::Chaos:
        return tr("fault timeline");
    case cnsim::Component::User:
        return tr("user");
    case cnsim::Component::ReplicaSetController:
        return tr("replicaset controller");
    case cnsim::Component::EndpointsController:
        return tr("endpoints controller");
    case cnsim::Component::TaintEvictionController:
        return tr("taint eviction controller");
    case cnsim::Component::ApiServer:
        return QStringLiteral("kube-apiserver");
    case cnsim::Component::HorizontalPodAutoscaler:
        return tr("horizontal pod autoscaler");
    case cnsim::Component::ClusterAutoscaler:
        return QStringLiteral("cluster-autoscaler");
    case cnsim::Component::CloudProvider:
        return tr("cloud provider");
    case cnsim::Component::RolloutsController:
        return tr("rollouts controller");
    case cnsim::Component::AutoScalingGroup:
        return tr("auto-scaling group");
    case cnsim::Component::Pipeline:
        return tr("CI/CD pipeline");
    case cnsim::Component::NodeTerminationHandler:
        return tr("node termination handler");
    case cnsim::Component::KedaOperator:
        return QStringLiteral("keda-operator");
    }
    return fromStd(cnsim::componentName(component));
}

QString EventText::objectKindName(cnsim::ObjectKind kind) {
    switch (kind) {
    case cnsim::ObjectKind::Pod:
        return tr("Pod");
    case cnsim::ObjectKind::Node:
        return tr("Node");
    case cnsim::ObjectKind::Deployment:
        return tr("Deployment");
    case cnsim::ObjectKind::ReplicaSet:
        return tr("ReplicaSet");
    case cnsim::ObjectKind::HorizontalPodAutoscaler:
        return tr("HorizontalPodAutoscaler");
    case cnsim::ObjectKind::ConfigMap:
        return tr("ConfigMap");
    case cnsim::ObjectKind::Rollout:
        return tr("Rollout");
    case cnsim::ObjectKind::AnalysisRun:
        return tr("AnalysisRun");
    case cnsim::ObjectKind::AutoScalingGroup:
        return tr("AutoScalingGroup");
    case cnsim::ObjectKind::Pipeline:
        return tr("Pipeline");
    case cnsim::ObjectKind::ScaledObject:
        return tr("ScaledObject");
    }
    return fromStd(cnsim::objectKindName(kind));
}

QString EventText::phaseName(cnsim::PodPhase phase) {
    switch (phase) {
    case cnsim::PodPhase::Pending:
        return tr("Pending");
    case cnsim::PodPhase::Starting:
        return tr("Starting");
    case cnsim::PodPhase::Running:
        return tr("Running");
    case cnsim::PodPhase::Terminating:
        return tr("Terminating");
    }
    return fromStd(cnsim::podPhaseName(phase));
}

QString EventText::clock(cnsim::SimTime time) {
    return QString::fromStdString(cnsim::formatClock(time));
}

QString EventText::cpu(cnsim::CpuMillis cpu) {
    if (cpu.value % 1000 == 0) {
        return tr("%n core(s)", nullptr, static_cast<int>(cpu.value / 1000));
    }
    // Fractions of a core read as "0.50 cores" in English whatever the number.
    return tr("%1 cores").arg(cpu.cores(), 0, 'f', 2);
}

QString EventText::memory(cnsim::Bytes memory) {
    constexpr std::int64_t mebibyte = 1024 * 1024;
    constexpr std::int64_t gibibyte = 1024 * mebibyte;
    if (memory.value >= gibibyte && memory.value % gibibyte == 0) {
        return tr("%1 GiB").arg(memory.value / gibibyte);
    }
    return tr("%1 MiB").arg(memory.value / mebibyte);
}
