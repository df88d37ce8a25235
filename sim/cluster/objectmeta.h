#pragma once

// ObjectMeta and conditions: the parts every API object of the simulated cluster shares,
// with Kubernetes' names and meanings (k8s.io/apimachinery metav1.ObjectMeta, Condition).

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct OwnerReference {
    std::string kind; // "ReplicaSet", "Deployment"
    std::string name;
    std::string uid;
    bool operator==(const OwnerReference&) const = default;
};

struct ObjectMeta {
    std::string name;
    std::string nameSpace = "default";
    std::string uid;
    LabelMap labels;
    LabelMap annotations;
    std::vector<OwnerReference> ownerReferences;
    SimTime creationTimestamp;
    std::optional<SimTime> deletionTimestamp;
    std::int64_t generation = 1;
    std::uint64_t resourceVersion = 0;
};

enum class ConditionStatus { True, False, Unknown };

std::string_view conditionStatusName(ConditionStatus s); // "True", "False", "Unknown"

// One entry of status.conditions: type, status and when it last changed, with the reason.
struct Condition {
    std::string type; // "Ready", "PodScheduled", "Available", "Progressing", …
    ConditionStatus status = ConditionStatus::Unknown;
    SimTime lastTransitionTime;
    SimTime lastUpdateTime; // also a node's lastHeartbeatTime
    std::string reason;
    std::string message;
};

// Finds a condition by type, or nullptr.
const Condition* findCondition(const std::vector<Condition>& conditions, std::string_view type);
// Sets a condition, moving lastTransitionTime only when the status changes. Returns true
// when anything changed.
bool setCondition(std::vector<Condition>& conditions, std::string_view type, ConditionStatus status,
                  SimTime now, std::string reason = {}, std::string message = {});

bool matchesSelector(const LabelSelector& selector, const LabelMap& labels);
bool matchesLabels(const LabelMap& matchLabels, const LabelMap& labels);

} // namespace cnsim
