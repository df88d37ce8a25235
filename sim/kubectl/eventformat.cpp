#include "kubectl/eventformat.h"

#include "cluster/apiserver.h"
#include "model/clusterevent.h"

#include <array>

namespace cnsim {

namespace {

// source.component as the upstream components report it (the names in their
// EventRecorder: pkg/scheduler "default-scheduler", pkg/controller/* "<name>-controller").
std::string sourceName(Component c) {
    switch (c) {
    case Component::Scheduler:
        return "default-scheduler";
    case Component::NodeController:
        return "node-controller";
    case Component::EndpointsController:
        return "endpoint-controller";
    default:
        return std::string(componentName(c));
    }
}

bool isWarning(std::string_view reason) {
    static constexpr std::array<std::string_view, 23> warnings = {
        "FailedScheduling",
        "Failed",
        "BackOff",
        "Unhealthy",
        "PodLost",
        "NodeFailed",
        "EvictionBlocked",
        "FailedGetScale",
        "FailedGetResourceMetric",
        "FailedGetContainerResourceMetric",
        "FailedGetPodsMetric",
        "FailedGetObjectMetric",
        "FailedGetExternalMetric",
        "FailedComputeMetricsReplicas",
        "NotTriggerScaleUp",
        "ScaleDownFailed",
        "ScaleUpTimedOut",
        "RolloutAborted",
        "AnalysisRunFailed",
        "AnalysisRunError",
        "AnalysisRunInconclusive",
        "StageFailed",
        "PipelineFailed"};
    for (const std::string_view w : warnings) {
        if (w == reason) {
            return true;
        }
    }
    return false;
}

const PodObject* findPod(const ApiServer& api, const std::string& name) {
    for (const auto& [key, pod] : api.pods()) {
        if (pod.meta.name == name) {
            return &pod;
        }
    }
    return nullptr;
}

} // namespace

KubeEvent toKubeEvent(const ClusterEvent& e, const ApiServer& api) {
    KubeEvent k;
    k.time = e.time;
    k.reason = std::string(reasonName(e.reason));
    k.type = isWarning(k.reason) ? "Warning" : "Normal";
    k.kind = std::string(objectKindName(e.objectKind));
    k.objectName = e.objectName;
    k.source = sourceName(e.component);
    k.message = describeEvent(e);
    const std::string pod(e.arg("pod"));
    if (e.component == Component::Kubelet) {
        k.host = std::string(e.arg("node"));
    }
    // Where the cluster's English differs from the kubelet's and scheduler's own messages
    // (pkg/kubelet/events, pkg/scheduler/schedule_one.go), use theirs.
    if (e.reason == EventReason::Scheduled) {
        k.message = "Successfully assigned default/" + pod + " to " + std::string(e.arg("node"));
    } else if (e.reason == EventReason::Started || e.reason == EventReason::Killing) {
        const PodObject* p = findPod(api, pod);
        if (p != nullptr && !p->spec.containers.empty()) {
            k.message =
                (e.reason == EventReason::Started ? "Started container " : "Stopping container ") +
                p->spec.containers.front().name;
        }
    }
    return k;
}

std::vector<KubeEvent> kubeEvents(const std::vector<ClusterEvent>& events, const ApiServer& api) {
    std::vector<KubeEvent> out;
    out.reserve(events.size());
    for (const ClusterEvent& e : events) {
        out.push_back(toKubeEvent(e, api));
    }
    return out;
}

} // namespace cnsim
