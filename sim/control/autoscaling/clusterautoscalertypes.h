#pragma once

// The cluster autoscaler's view of the cluster, as plain values: node groups with a machine
// template, nodes with the pods bound to them, pending pods, and the simulated nodes its
// scheduling simulations place pods on.
//
// Upstream: kubernetes/autoscaler cluster-autoscaler — cloudprovider.NodeGroup (MinSize,
// MaxSize, TargetSize, TemplateNodeInfo), simulator/framework NodeInfo, and the predicate
// checker every simulation asks "does this pod fit this node?". Here that question is a
// callback, so the model can plug in kube-scheduler's real filters; caResourcesFit (CPU,
// memory and pod count, like NodeResourcesFit) is the default.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"
#include "scenario/units.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct PodSpec;

// A node group's machine: what a new node of the group offers (capacity = allocatable).
struct CaNodeTemplate {
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
    std::map<std::string, std::string> labels;
    std::vector<Taint> taints;
    std::string zone;
};

struct CaNodeGroup {
    std::string name;
    int minSize = 0;
    int maxSize = 0;
    int targetSize = 0; // nodes requested from the cloud, registered or not
    CaNodeTemplate machine;
    double pricePerHour = 0;   // per node
    SimTime provisioningDelay; // request → node registered (the model's cloud, not CA's)
    bool exists = true;        // false: node-group auto-provisioning would create it
};

// Who owns a pod, as the drain rules ask (utils/drain, drainability/rules/replicated).
enum class CaOwnerKind { None, ReplicaSet, ReplicationController, StatefulSet, Job, DaemonSet };

struct CaPod {
    std::string name;
    std::string nameSpace = "default";
    CpuMillis cpu; // requests
    Bytes memory;
    CaOwnerKind owner = CaOwnerKind::ReplicaSet;
    // Pods with the same key are interchangeable (upstream groups pods by controller and
    // spec); empty: the pod is a group of its own.
    std::string equivalenceKey;
    int priority = 0;
    bool mirror = false;                  // static pod's mirror
    bool terminal = false;                // Succeeded or Failed
    bool longTerminating = false;         // terminating for longer than its grace period + 5 min
    bool localStorage = false;            // an emptyDir or hostPath volume (not memory-backed)
    bool safeToEvictLocalVolumes = false; // safe-to-evict-local-volumes names them all
    std::optional<bool> safeToEvict;      // cluster-autoscaler.kubernetes.io/safe-to-evict
    // The pod's spec as the API holds it, for a predicate that runs the scheduler's filters
    // (node selector, affinity, tolerations) without looking the pod up by name; the model
    // sets it and keeps it valid while the CaPod is in use. nullptr: nothing beyond resources.
    const PodSpec* spec = nullptr;
    // Whether `spec` has a nodeSelector or required node affinity, set with it: a predicate
    // that tries the pod on many nodes need not read the spec for each when it has neither.
    bool selectsNodes = true;
    bool hasController() const { return owner != CaOwnerKind::None; }
};

// A node's pod requests summed apart by what utilization may leave out (caNodeUtilization in
// scaledown.h): each combination of DaemonSet, mirror and long-terminating has its own sum.
// Integer sums, so they do not depend on the order the pods were added in.
struct CaPodRequestSums {
    struct Sum {
        std::int64_t cpu = 0;
        std::int64_t memory = 0;
    };
    static constexpr std::size_t kDaemonSet = 1;
    static constexpr std::size_t kMirror = 2;
    static constexpr std::size_t kLongTerminating = 4;
    std::array<Sum, 8> byKind{}; // by the sum of the kinds above that the pod is

    static std::size_t kindOf(const CaPod& pod);
    void add(const CaPod& pod);
    static CaPodRequestSums of(const std::vector<CaPod>& pods);
};

struct CaNode {
    std::string name;
    std::string group; // empty: not in an autoscaled node group
    CpuMillis allocatableCpu;
    Bytes allocatableMemory;
    int maxPods = 110;
    std::map<std::string, std::string> labels;
    std::vector<Taint> taints;
    bool ready = true;
    bool scaleDownDisabled = false; // cluster-autoscaler.kubernetes.io/scale-down-disabled=true
    bool beingDeleted = false;      // carries ToBeDeletedByClusterAutoscaler
    std::vector<CaPod> pods;        // pods bound to the node
    // Σ requests of `pods`, for a caller that keeps nodes from scan to scan and sets both with
    // setPods(), so that a scan reads one sum per node rather than every pod. Unset,
    // utilization sums the pods; whoever changes `pods` another way must reset it.
    std::optional<CaPodRequestSums> requests;

    void setPods(std::vector<CaPod> newPods);
};

// A node inside a simulation: an existing node or a fresh one from a template, with the pods
// the simulation has placed on it.
struct CaSimNode {
    std::string name;
    std::string group;
    std::map<std::string, std::string> labels;
    std::vector<Taint> taints;
    CpuMillis allocatableCpu;
    Bytes allocatableMemory;
    int maxPods = 110;
    CpuMillis requestedCpu;
    Bytes requestedMemory;
    std::vector<const CaPod*> pods;

    void add(const CaPod& pod);
    void removeLast(); // undoes the last add()
    static CaSimNode fromTemplate(const CaNodeGroup& group, std::string name);
    static CaSimNode fromNode(const CaNode& node); // with its pods
    // Becomes fromNode(node), reusing what this node holds (a caller that keeps sim nodes from
    // scan to scan allocates nothing for labels, taints and pods it already had room for).
    void assign(const CaNode& node);
};

// Does `pod` fit `node` as it is in the simulation?
using CaPredicate = std::function<bool(const CaPod& pod, const CaSimNode& node)>;

// NodeResourcesFit on requests: CPU, memory and the pod count.
bool caResourcesFit(const CaPod& pod, const CaSimNode& node);

// The predicate to use: the caller's, or caResourcesFit when none is given.
const CaPredicate& caPredicateOrDefault(const CaPredicate& predicate);

} // namespace cnsim
