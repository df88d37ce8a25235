#include "cluster/objects.h"

#include <charconv>

namespace cnsim {

bool isNodeReady(const NodeObject& node) {
    const Condition* ready = findCondition(node.conditions, "Ready");
    return ready != nullptr && ready->status == ConditionStatus::True;
}

std::string_view podPhaseK8sName(PodPhaseK8s phase) {
    switch (phase) {
    case PodPhaseK8s::Pending:
        return "Pending";
    case PodPhaseK8s::Running:
        return "Running";
    case PodPhaseK8s::Succeeded:
        return "Succeeded";
    case PodPhaseK8s::Failed:
        return "Failed";
    case PodPhaseK8s::Unknown:
        return "Unknown";
    }
    return "Unknown";
}

bool isPodReady(const PodObject& pod) {
    const Condition* ready = findCondition(pod.conditions, "Ready");
    return ready != nullptr && ready->status == ConditionStatus::True;
}

bool isPodTerminating(const PodObject& pod) {
    return pod.meta.deletionTimestamp.has_value();
}

int podRestarts(const PodObject& pod) {
    int restarts = 0;
    for (const ContainerStatus& c : pod.containerStatuses) {
        restarts += c.restartCount;
    }
    return restarts;
}

// kubectl's STATUS column (pkg/printers/internalversion/printers.go printPod): the phase,
// overridden by the pod's reason, then by the last container's waiting or terminated reason;
// "Terminating" once deleted ("Unknown" if its node was lost).
std::string podDisplayStatus(const PodObject& pod) {
    std::string reason(podPhaseK8sName(pod.phase));
    if (!pod.reason.empty()) {
        reason = pod.reason;
    }
    bool hasRunning = false;
    for (auto it = pod.containerStatuses.rbegin(); it != pod.containerStatuses.rend(); ++it) {
        if (it->waiting && !it->waiting->reason.empty()) {
            reason = it->waiting->reason;
        } else if (it->terminated && !it->terminated->reason.empty()) {
            reason = it->terminated->reason;
        } else if (it->terminated) {
            reason = "ExitCode:" + std::to_string(it->terminated->exitCode);
        } else if (it->running && it->ready) {
            hasRunning = true;
        }
    }
    if (reason == "Completed" && hasRunning) {
        reason = isPodReady(pod) ? "Running" : "NotReady";
    }
    if (pod.meta.deletionTimestamp) {
        reason = pod.reason == "NodeLost" ? "Unknown" : "Terminating";
    }
    return reason;
}

std::int64_t replicaSetRevision(const ReplicaSetObject& rs) {
    const auto it = rs.meta.annotations.find("deployment.kubernetes.io/revision");
    if (it == rs.meta.annotations.end()) {
        return 0;
    }
    std::int64_t revision = 0;
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), revision);
    return revision;
}

} // namespace cnsim
