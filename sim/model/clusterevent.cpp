#include "model/clusterevent.h"

namespace cnsim {

std::string_view ClusterEvent::arg(std::string_view key) const {
    for (const auto& [name, value] : args) {
        if (name == key) {
            return value;
        }
    }
    return {};
}

std::string_view componentName(Component c) {
    switch (c) {
    case Component::Scheduler:
        return "kube-scheduler";
    case Component::Kubelet:
        return "kubelet";
    case Component::DeploymentController:
        return "deployment-controller";
    case Component::NodeController:
        return "node-lifecycle-controller";
    case Component::Chaos:
        return "chaos";
    case Component::User:
        return "user";
    case Component::ReplicaSetController:
        return "replicaset-controller";
    case Component::EndpointsController:
        return "endpoints-controller";
    case Component::TaintEvictionController:
        return "taint-eviction-controller";
    case Component::ApiServer:
        return "kube-apiserver";
    case Component::HorizontalPodAutoscaler:
        return "horizontal-pod-autoscaler";
    case Component::ClusterAutoscaler:
        return "cluster-autoscaler";
    case Component::CloudProvider:
        return "cloud-provider";
    case Component::RolloutsController:
        return "rollouts-controller";
    case Component::AutoScalingGroup:
        return "autoscaling-group";
    case Component::Pipeline:
        return "ci-pipeline";
    case Component::NodeTerminationHandler:
        return "node-termination-handler";
    case Component::KedaOperator:
        return "keda-operator";
    }
    return "unknown";
}

std::string_view reasonName(EventReason r) {
    switch (r) {
    case EventReason::SuccessfulCreate:
        return "SuccessfulCreate";
    case EventReason::SuccessfulDelete:
        return "SuccessfulDelete";
    case EventReason::Scheduled:
        return "Scheduled";
    case EventReason::FailedScheduling:
        return "FailedScheduling";
    case EventReason::Started:
        return "Started";
    case EventReason::Killing:
        return "Killing";
    case EventReason::PodLost:
        return "PodLost";
    case EventReason::NodeFailed:
        return "NodeFailed";
    case EventReason::NodeRecovered:
        return "NodeRecovered";
    case EventReason::PodDeleted:
        return "PodDeleted";
    case EventReason::ScalingReplicaSet:
        return "ScalingReplicaSet";
    case EventReason::Pulling:
        return "Pulling";
    case EventReason::Pulled:
        return "Pulled";
    case EventReason::Failed:
        return "Failed";
    case EventReason::BackOff:
        return "BackOff";
    case EventReason::Unhealthy:
        return "Unhealthy";
    case EventReason::NodeNotReady:
        return "NodeNotReady";
    case EventReason::TaintManagerEviction:
        return "TaintManagerEviction";
    case EventReason::Cordoned:
        return "NodeNotSchedulable";
    case EventReason::Uncordoned:
        return "NodeSchedulable";
    case EventReason::Evicted:
        return "Evicted";
    case EventReason::EvictionBlocked:
        return "EvictionBlocked";
    case EventReason::Drained:
        return "Drained";
    case EventReason::Updated:
        return "Updated";
    case EventReason::FaultInjected:
        return "FaultInjected";
    case EventReason::SuccessfulRescale:
        return "SuccessfulRescale";
    case EventReason::FailedGetScale:
        return "FailedGetScale";
    case EventReason::FailedGetResourceMetric:
        return "FailedGetResourceMetric";
    case EventReason::FailedGetContainerResourceMetric:
        return "FailedGetContainerResourceMetric";
    case EventReason::FailedGetPodsMetric:
        return "FailedGetPodsMetric";
    case EventReason::FailedGetObjectMetric:
        return "FailedGetObjectMetric";
    case EventReason::FailedGetExternalMetric:
        return "FailedGetExternalMetric";
    case EventReason::FailedComputeMetricsReplicas:
        return "FailedComputeMetricsReplicas";
    case EventReason::TriggeredScaleUp:
        return "TriggeredScaleUp";
    case EventReason::NotTriggerScaleUp:
        return "NotTriggerScaleUp";
    case EventReason::ScaledUpGroup:
        return "ScaledUpGroup";
    case EventReason::ScaleDown:
    case EventReason::ScaleDownNode:
        return "ScaleDown"; // upstream uses one reason for the node, its pods and the status
    case EventReason::ScaleDownEmpty:
        return "ScaleDownEmpty";
    case EventReason::ScaleDownFailed:
        return "ScaleDownFailed";
    case EventReason::ScaleUpTimedOut:
        return "ScaleUpTimedOut";
    case EventReason::RegisteredNode:
        return "RegisteredNode";
    case EventReason::RemovingNode:
        return "RemovingNode";
    case EventReason::SpotInterruption:
        return "SpotInterruption";
    case EventReason::RolloutUpdated:
        return "RolloutUpdated";
    case EventReason::RolloutStepCompleted:
        return "RolloutStepCompleted";
    case EventReason::RolloutPaused:
        return "RolloutPaused";
    case EventReason::RolloutResumed:
        return "RolloutResumed";
    case EventReason::RolloutCompleted:
        return "RolloutCompleted";
    case EventReason::RolloutAborted:
        return "RolloutAborted";
    case EventReason::AnalysisRunRunning:
        return "AnalysisRunRunning";
    case EventReason::AnalysisRunSuccessful:
        return "AnalysisRunSuccessful";
    case EventReason::AnalysisRunFailed:
        return "AnalysisRunFailed";
    case EventReason::AnalysisRunError:
        return "AnalysisRunError";
    case EventReason::AnalysisRunInconclusive:
        return "AnalysisRunInconclusive";
    case EventReason::SwitchService:
        return "SwitchService";
    case EventReason::TrafficWeightUpdated:
        return "TrafficWeightUpdated";
    case EventReason::LaunchingInstance:
        return "Launching";
    case EventReason::InstanceInService:
        return "InService";
    case EventReason::DeregisteringInstance:
        return "Deregistering";
    case EventReason::TerminatingInstance:
        return "Terminating";
    case EventReason::SetDesiredCapacity:
        return "SetDesiredCapacity";
    case EventReason::PipelineQueued:
        return "PipelineQueued";
    case EventReason::PipelineSuperseded:
        return "PipelineSuperseded";
    case EventReason::PipelineStarted:
        return "PipelineStarted";
    case EventReason::StageSucceeded:
        return "StageSucceeded";
    case EventReason::StageFailed:
        return "StageFailed";
    case EventReason::PipelineSucceeded:
        return "PipelineSucceeded";
    case EventReason::PipelineFailed:
        return "PipelineFailed";
    case EventReason::DeployTriggered:
        return "DeployTriggered";
    case EventReason::KEDAScaleTargetActivated:
        return "KEDAScaleTargetActivated";
    case EventReason::KEDAScaleTargetDeactivated:
        return "KEDAScaleTargetDeactivated";
    }
    return "Unknown";
}

std::string_view objectKindName(ObjectKind k) {
    switch (k) {
    case ObjectKind::Pod:
        return "Pod";
    case ObjectKind::Node:
        return "Node";
    case ObjectKind::Deployment:
        return "Deployment";
    case ObjectKind::ReplicaSet:
        return "ReplicaSet";
    case ObjectKind::HorizontalPodAutoscaler:
        return "HorizontalPodAutoscaler";
    case ObjectKind::ConfigMap:
        return "ConfigMap";
    case ObjectKind::Rollout:
        return "Rollout";
    case ObjectKind::AnalysisRun:
        return "AnalysisRun";
    case ObjectKind::AutoScalingGroup:
        return "AutoScalingGroup";
    case ObjectKind::Pipeline:
        return "Pipeline";
    case ObjectKind::ScaledObject:
        return "ScaledObject";
    }
    return "Unknown";
}

std::string describeEvent(const ClusterEvent& e) {
    const std::string pod(e.arg("pod"));
    const std::string node(e.arg("node"));
    const std::string run(e.arg("run"));
    const std::string image(e.arg("image"));
    switch (e.reason) {
    case EventReason::SuccessfulCreate:
        return "Created pod: " + pod;
    case EventReason::SuccessfulDelete:
        return "Deleted pod: " + pod;
    case EventReason::Scheduled:
        return "Successfully assigned " + pod + " to " + node;
    case EventReason::FailedScheduling:
        return std::string(e.arg("reason"));
    case EventReason::Started:
        return "Started container of pod " + pod + " on " + node;
    case EventReason::Killing:
        return "Stopping container of pod " + pod;
    case EventReason::PodLost:
        return "Pod " + pod + " was lost with node " + node;
    case EventReason::NodeFailed:
        return "Node " + node + " failed; its pods are lost";
    case EventReason::NodeRecovered:
        return "Node " + node + " is back and accepts pods";
    case EventReason::PodDeleted:
        return "Deleted pod " + pod;
    case EventReason::ScalingReplicaSet:
        if (!e.arg("replicaset").empty()) {
            return "Scaled " + std::string(e.arg("direction")) + " replica set " +
                   std::string(e.arg("replicaset")) + " from " + std::string(e.arg("from")) +
                   " to " + std::string(e.arg("to"));
        }
        return "Scaled deployment " + std::string(e.arg("deployment")) + " from " +
               std::string(e.arg("from")) + " to " + std::string(e.arg("to"));
    case EventReason::Pulling:
        return "Pulling image \"" + std::string(e.arg("image")) + "\"";
    case EventReason::Pulled:
        return "Successfully pulled image \"" + std::string(e.arg("image")) + "\" in " +
               std::string(e.arg("duration"));
    case EventReason::Failed:
    case EventReason::BackOff:
    case EventReason::Unhealthy:
        return std::string(e.arg("message"));
    case EventReason::NodeNotReady:
        return "Node " + node + " status is now: NodeNotReady";
    case EventReason::TaintManagerEviction:
        return "Marking for deletion Pod " + pod;
    case EventReason::Cordoned:
        return "Node " + node + " status is now: NodeNotSchedulable";
    case EventReason::Uncordoned:
        return "Node " + node + " status is now: NodeSchedulable";
    case EventReason::Evicted:
        return "evicting pod " + pod + " from node " + node;
    case EventReason::EvictionBlocked:
    case EventReason::Updated:
        return std::string(e.arg("message"));
    case EventReason::Drained:
        return "node/" + node + " drained";
    case EventReason::FaultInjected:
    case EventReason::SuccessfulRescale:
    case EventReason::FailedGetScale:
    case EventReason::FailedGetResourceMetric:
    case EventReason::FailedGetContainerResourceMetric:
    case EventReason::FailedGetPodsMetric:
    case EventReason::FailedGetObjectMetric:
    case EventReason::FailedGetExternalMetric:
    case EventReason::FailedComputeMetricsReplicas:
    case EventReason::TriggeredScaleUp:
    case EventReason::NotTriggerScaleUp:
    case EventReason::ScaledUpGroup:
    case EventReason::ScaleDown:
    case EventReason::ScaleDownEmpty:
    case EventReason::ScaleDownNode:
    case EventReason::ScaleDownFailed:
    case EventReason::ScaleUpTimedOut:
    case EventReason::SpotInterruption:
    case EventReason::RolloutUpdated:
    case EventReason::RolloutStepCompleted:
    case EventReason::RolloutPaused:
    case EventReason::RolloutResumed:
    case EventReason::RolloutCompleted:
    case EventReason::RolloutAborted:
    case EventReason::AnalysisRunRunning:
    case EventReason::AnalysisRunSuccessful:
    case EventReason::AnalysisRunFailed:
    case EventReason::AnalysisRunError:
    case EventReason::AnalysisRunInconclusive:
    case EventReason::SwitchService:
    case EventReason::TrafficWeightUpdated:
    case EventReason::KEDAScaleTargetActivated:
    case EventReason::KEDAScaleTargetDeactivated:
        return std::string(e.arg("message"));
    case EventReason::LaunchingInstance:
        return "Launching a new EC2 instance: " + std::string(e.arg("instance"));
    case EventReason::InstanceInService:
        return "Instance " + std::string(e.arg("instance")) +
               " passed its health checks and is InService";
    case EventReason::DeregisteringInstance:
        return "Deregistering instance " + std::string(e.arg("instance")) +
               " from the load balancer (draining)";
    case EventReason::TerminatingInstance:
        return "Terminating EC2 instance: " + std::string(e.arg("instance"));
    case EventReason::SetDesiredCapacity:
        return std::string(e.arg("cause"));
    case EventReason::PipelineQueued:
        return "Run #" + run + " for " + image + " queued behind the running run";
    case EventReason::PipelineSuperseded:
        return "Run #" + run + " for " + image + " canceled: a newer commit (" +
               std::string(e.arg("by")) + ") replaced it in the queue";
    case EventReason::PipelineStarted:
        return "Run #" + run + " started for " + image;
    case EventReason::StageSucceeded:
        return "Run #" + run + ": stage " + std::string(e.arg("stage")) + " passed in " +
               std::string(e.arg("duration"));
    case EventReason::StageFailed:
        return "Run #" + run + ": stage " + std::string(e.arg("stage")) + " failed after " +
               std::string(e.arg("duration"));
    case EventReason::PipelineSucceeded:
        return "Run #" + run + " for " + image + " succeeded in " + std::string(e.arg("duration"));
    case EventReason::PipelineFailed:
        return "Run #" + run + " for " + image + " failed at stage " + std::string(e.arg("stage")) +
               "; nothing deployed" +
               (e.arg("message").empty() ? "" : ": " + std::string(e.arg("message")));
    case EventReason::DeployTriggered:
        return "Run #" + run + " set image " + std::string(e.arg("container")) + "=" + image +
               " on " + std::string(e.arg("target"));
    case EventReason::RegisteredNode:
        return "Node " + node + " event: Registered Node " + node + " in Controller";
    case EventReason::RemovingNode:
        return "Node " + node + " event: Removing Node " + node + " from Controller";
    }
    return {};
}

} // namespace cnsim
