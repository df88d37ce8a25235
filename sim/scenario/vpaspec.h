#pragma once

// The Vertical Pod Autoscaler in a scenario: autoscaling.k8s.io/v1 VerticalPodAutoscaler, the
// fields cnsim models. Only recommendation mode (updateMode "Off") is simulated: the
// recommender computes requests and shows them; nothing evicts or resizes pods.
// Format reference: docs/scenario-format.md ("VerticalPodAutoscaler").

#include "scenario/kubernetestypes.h"
#include "scenario/units.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// resourcePolicy.containerPolicies[]: bounds of one container's recommendation ("*": every
// container). Unset quantities do not bound.
struct VpaContainerPolicySpec {
    std::string containerName = "*";
    std::optional<CpuMillis> minAllowedCpu;
    std::optional<Bytes> minAllowedMemory;
    std::optional<CpuMillis> maxAllowedCpu;
    std::optional<Bytes> maxAllowedMemory;
    bool operator==(const VpaContainerPolicySpec&) const = default;
};

struct VerticalPodAutoscalerSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    std::string targetName;         // spec.targetRef.name (a Deployment)
    std::string updateMode = "Off"; // spec.updatePolicy.updateMode; only "Off" runs
    bool updatePolicyGiven = false; // the file had spec.updatePolicy (written back)
    std::vector<VpaContainerPolicySpec> containerPolicies;
    std::vector<PreservedField> preserved;
    bool operator==(const VerticalPodAutoscalerSpec&) const = default;
};

} // namespace cnsim
