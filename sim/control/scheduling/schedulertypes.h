#pragma once

// The scheduler's picture of pods and nodes: what kube-scheduler keeps in its cache
// (pkg/scheduler/framework/types.go NodeInfo, PodInfo), reduced to the fields cnsim models.
//
// SchedulerPodInfo describes a pod to place: identity, labels, a pointer to its PodSpec (owned
// by the caller, valid for the duration of a scheduling call) and the requests computed once
// from that spec. ScheduledPod is the compact copy kept on a node for the pods already bound
// there. SchedulerNodeInfo is one node with the running totals the filters and scores read;
// it is only ever changed through SchedulerClusterView, which keeps those totals true.

#include "scenario/kubernetestypes.h"
#include "scenario/scenario.h"
#include "scenario/units.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

struct ResourceAmounts {
    CpuMillis cpu;
    Bytes memory;
    bool operator==(const ResourceAmounts&) const = default;
};

// A pod to schedule.
struct SchedulerPodInfo {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    const PodSpec* spec = nullptr; // never null once built by makeSchedulerPodInfo
    std::string nodeName;          // spec.nodeName; empty: any node (NodeName filter skips)
    int priority = 0;              // spec.priority; higher is popped first (PrioritySort)
    // The selector upstream derives from the pod's owners for system-default spreading
    // (framework/plugins/helper/spread.go DefaultSelector: Services, ReplicaSet, StatefulSet).
    // Unset: no default spreading, as upstream when that selector is empty.
    std::optional<LabelSelector> defaultSpreadSelector;
    bool terminating = false;
    // Derived from spec by makeSchedulerPodInfo.
    ResourceAmounts requests;        // sum of container requests (unset request → limit → 0)
    ResourceAmounts nonZeroRequests; // same with 100m / 200Mi for a missing request
    std::vector<std::string> images; // normalized image names (":latest" added), one per container
};

// Builds a pod info and derives its requests and images from `spec`, which must outlive it.
SchedulerPodInfo makeSchedulerPodInfo(std::string name, std::string nameSpace, LabelMap labels,
                                      const PodSpec& spec);

// A pod already bound to a node, as the scheduler keeps it.
struct ScheduledPod {
    std::string name;
    std::string nameSpace;
    LabelMap labels;
    ResourceAmounts requests;
    ResourceAmounts nonZeroRequests;
    bool terminating = false;
    // Present only when the pod has such terms (most pods have none and pay nothing).
    std::shared_ptr<const PodAffinityRules> affinity;
    std::shared_ptr<const PodAffinityRules> antiAffinity;
    int affinityGroup = -1; // index into SchedulerClusterView::affinityGroups(), or −1
};

struct SchedulerNodeInfo {
    std::string name;
    LabelMap labels; // includes kubernetes.io/hostname and topology.kubernetes.io/zone
    std::vector<Taint> taints;
    bool unschedulable = false; // spec.unschedulable (cordoned)
    ResourceAmounts allocatable;
    int allocatablePods = 110;
    // Running totals over `pods`, kept by SchedulerClusterView.
    ResourceAmounts requested;
    ResourceAmounts nonZeroRequested;
    std::map<std::string, Bytes> images; // normalized name → size, images present on the node
    std::vector<ScheduledPod> pods;
    int podsWithAffinity = 0;             // pods with any pod affinity or anti-affinity term
    int podsWithRequiredAntiAffinity = 0; // pods with a required anti-affinity term
};

// What a node is, without its pods: used to add or update a node in the view.
struct SchedulerNodeSpec {
    std::string name;
    LabelMap labels;
    std::vector<Taint> taints;
    bool unschedulable = false;
    ResourceAmounts allocatable;
    int allocatablePods = 110;
};

} // namespace cnsim
