#pragma once

// Scenario: the spec half of a simulation, exactly what a scenario file says.
//
// Loaded by scenarioreader.h, written back by scenariowriter.h; load → save → load gives
// an equal Scenario and saving twice gives identical bytes. Nothing here is computed by a
// run (no status): the simulation builds its own state from a Scenario and never edits it.
// File format reference: docs/scenario-format.md.

#include "control/autoscaling/expander.h"
#include "control/autoscaling/hpatypes.h"
#include "control/kubernetesdefaults.h"
#include "engine/simtime.h"
#include "scenario/kedaspec.h"
#include "scenario/kubernetestypes.h"
#include "scenario/pipelinespec.h"
#include "scenario/meshspec.h"
#include "scenario/rolloutspec.h"
#include "scenario/trafficspec.h"
#include "scenario/units.h"
#include "scenario/vmgroupspec.h"
#include "scenario/vpaspec.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cnsim {

struct LocalizedText {
    std::string en;
    std::string zhCN; // the file's `zh_CN` key
    bool operator==(const LocalizedText&) const = default;
};

struct ScenarioMetadata {
    std::string name; // DNS-1123 label, e.g. "hello-cluster"
    LocalizedText title;
    LocalizedText description;
    bool operator==(const ScenarioMetadata&) const = default;
};

// What a node runs on. A virtual machine takes time to boot and its hypervisor keeps some
// CPU and memory for itself; bare metal has neither.
enum class MachineKind { BareMetal, VirtualMachine };

struct MachineSpec {
    MachineKind kind = MachineKind::BareMetal;
    SimTime bootTime;      // power-on → kubelet registered (VMs)
    CpuMillis overheadCpu; // kept by the hypervisor, not allocatable
    Bytes overheadMemory;  // kept by the hypervisor, not allocatable
    bool operator==(const MachineSpec&) const = default;
};

struct NodeSpec {
    std::string name;
    std::string zone;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110; // kubelet's default --max-pods
    LabelMap labels;   // beyond the well-known ones cnsim sets (hostname, zone)
    std::vector<Taint> taints;
    bool unschedulable = false; // cordoned from the start
    MachineSpec machine;
    std::vector<std::string> cachedImages; // images already pulled when the run starts
    double pricePerHour = 0;               // what the cloud bills for the machine, in dollars
    bool operator==(const NodeSpec&) const = default;
};

// `count` identical nodes named "<name>-1" … "<name>-<count>".
struct NodePoolSpec {
    std::string name;
    std::string zone;
    int count = 1;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
    LabelMap labels;
    std::vector<Taint> taints;
    bool unschedulable = false;
    MachineSpec machine;
    std::vector<std::string> cachedImages;
    double pricePerHour = 0; // per node
    bool operator==(const NodePoolSpec&) const = default;
};

// A spot (preemptible) machine: cheaper, and the cloud takes it back at random moments
// (a Poisson process of this rate per node), with a two-minute notice as on AWS.
struct SpotSpec {
    double interruptionsPerHour = 0;
    // On the interruption notice a node termination handler (aws-node-termination-handler,
    // Karpenter's interruption controller) cordons and drains the node, so its pods move
    // while the machine still runs; false: they are lost with it two minutes later.
    bool drainOnNotice = true;
    bool operator==(const SpotSpec&) const = default;
};

// cluster.nodeGroups[]: nodes the cluster autoscaler grows and shrinks between minSize and
// maxSize (cloudprovider.NodeGroup). Every node of the group is the same machine; the cloud
// registers a requested node after machine.bootTime + joinTime. Nodes are named
// "<name>-<n>" with n counting up from 1 and never reused.
struct NodeGroupSpec {
    std::string name;
    std::string zone;
    int minSize = 0;
    int maxSize = 1;
    std::optional<int> initialSize; // unset: minSize
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
    LabelMap labels;
    std::vector<Taint> taints;
    MachineSpec machine;
    std::vector<std::string> cachedImages;
    SimTime joinTime;        // VM booted → kubelet registered and Ready (bootstrap, CNI)
    double pricePerHour = 0; // per node
    std::optional<SpotSpec> spot;
    int priority = 0; // the priority expander's: higher wins
    int initial() const { return initialSize.value_or(minSize); }
    SimTime provisioningDelay() const { return machine.bootTime + joinTime; }
    bool operator==(const NodeGroupSpec&) const = default;
};

struct ClusterSpec {
    std::vector<NodeSpec> nodes;
    std::vector<NodePoolSpec> nodePools;
    std::vector<NodeGroupSpec> nodeGroups; // autoscaled; their nodes are created by the run
    // Explicit nodes first, then each pool's nodes, in file order.
    std::vector<NodeSpec> expandedNodes() const;
    bool operator==(const ClusterSpec&) const = default;
};

struct ResourceList {
    std::optional<CpuMillis> cpu;
    std::optional<Bytes> memory;
    bool operator==(const ResourceList&) const = default;
};

struct ContainerPortSpec {
    std::string name;
    int containerPort = 0;
    std::string protocol = "TCP";
    bool operator==(const ContainerPortSpec&) const = default;
};

struct ContainerSpec {
    std::string name;
    std::string image;
    std::optional<ImagePullPolicy>
        imagePullPolicy; // unset: Always for ":latest", else IfNotPresent
    ResourceList requests;
    ResourceList limits;
    std::vector<ContainerPortSpec> ports;
    std::optional<Probe> readinessProbe;
    std::optional<Probe> livenessProbe;
    std::optional<Probe> startupProbe;
    bool operator==(const ContainerSpec&) const = default;
};

// core/v1 PodSpec, the fields cnsim models (spec.template.spec of a Deployment).
struct PodSpec {
    std::vector<ContainerSpec> containers;
    LabelMap nodeSelector;
    std::optional<Affinity> affinity;
    std::vector<Toleration> tolerations;
    std::vector<TopologySpreadConstraint> topologySpreadConstraints;
    std::optional<std::int64_t> terminationGracePeriodSeconds; // unset: 30
    std::optional<RestartPolicy> restartPolicy;                // unset: Always
    std::string schedulerName;                                 // empty: "default-scheduler"
    bool operator==(const PodSpec&) const = default;
};

// apps/v1 Deployment, the fields cnsim models.
struct DeploymentSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    int replicas = 1;
    LabelMap selector;                          // spec.selector.matchLabels
    LabelMap podLabels;                         // spec.template.metadata.labels
    PodSpec podSpec;                            // spec.template.spec
    std::optional<DeploymentStrategy> strategy; // unset: RollingUpdate 25% / 25%
    std::optional<int> minReadySeconds;         // unset: 0
    std::optional<int> revisionHistoryLimit;    // unset: 10
    std::optional<int> progressDeadlineSeconds; // unset: 600
    std::vector<PreservedField> preserved;
    bool operator==(const DeploymentSpec&) const = default;
};

struct ServicePortSpec {
    std::string name;
    int port = 0;
    int targetPort = 0;         // defaults to `port` when the file omits it, as in Kubernetes
    std::string targetPortName; // set instead of targetPort for a named port ("http")
    std::string protocol = "TCP";
    bool operator==(const ServicePortSpec&) const = default;
};

// v1 Service, the fields cnsim models.
struct ServiceSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    LabelMap selector;
    std::vector<ServicePortSpec> ports;
    std::vector<PreservedField> preserved;
    bool operator==(const ServiceSpec&) const = default;
};

// policy/v1 PodDisruptionBudget: exactly one of minAvailable / maxUnavailable.
struct PodDisruptionBudgetSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    LabelSelector selector;
    std::optional<IntOrPercent> minAvailable;
    std::optional<IntOrPercent> maxUnavailable;
    std::vector<PreservedField> preserved;
    bool operator==(const PodDisruptionBudgetSpec&) const = default;
};

// autoscaling/v2 CrossVersionObjectReference (an HPA's scaleTargetRef).
struct ScaleTargetRef {
    std::string apiVersion = "apps/v1";
    std::string kind = "Deployment";
    std::string name;
    bool operator==(const ScaleTargetRef&) const = default;
};

// One autoscaling/v2 MetricSpec as the file states it: the HPA library's metric (source type,
// metric or resource name, container, target) plus what names the measured object.
struct HpaMetricSource {
    HpaMetricSpec metric;
    std::string describedObjectApiVersion; // Object: describedObject.apiVersion ("v1")
    std::string describedObjectName;       // Object: describedObject.name (a Service)
    LabelMap selector;                     // Pods / Object / External: metric.selector.matchLabels
    bool operator==(const HpaMetricSource&) const = default;
};

// autoscaling/v2 HorizontalPodAutoscaler, the fields cnsim models (docs/scenario-format.md).
struct HorizontalPodAutoscalerSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    ScaleTargetRef scaleTargetRef;
    std::optional<std::int32_t> minReplicas; // unset: 1
    std::int32_t maxReplicas = 1;
    std::vector<HpaMetricSource> metrics; // empty: CPU at 80 % average utilization
    std::optional<HpaBehavior> behavior;
    std::vector<PreservedField> preserved;
    bool operator==(const HorizontalPodAutoscalerSpec&) const = default;
};

// argoproj.io/v1alpha1 Rollout: a Deployment's selector and template with a canary or
// blue-green strategy (exactly one).
struct RolloutSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    int replicas = 1;
    LabelMap selector;                       // spec.selector.matchLabels
    LabelMap podLabels;                      // spec.template.metadata.labels
    PodSpec podSpec;                         // spec.template.spec
    std::optional<int> minReadySeconds;      // unset: 0
    std::optional<int> revisionHistoryLimit; // unset: 10
    std::optional<CanaryStrategySpec> canary;
    std::optional<BlueGreenStrategySpec> blueGreen;
    std::vector<PreservedField> preserved;
    bool operator==(const RolloutSpec&) const = default;
};

// One entry of `workloads:`, in file order.
using Manifest =
    std::variant<DeploymentSpec, ServiceSpec, PodDisruptionBudgetSpec, HorizontalPodAutoscalerSpec,
                 RolloutSpec, AnalysisTemplateSpec, ScaledObjectSpec, VerticalPodAutoscalerSpec>;

// Fault types, named after Chaos Mesh where it has a name for the fault (pod-kill,
// container-kill, network partition) and after the Kubernetes component otherwise.
enum class FaultType {
    FailNode,           // node crash: the machine stops (kubelet, containers, network)
    RecoverNode,        // the crashed node boots again
    StopKubelet,        // kubelet stops; containers keep running, no heartbeats
    StartKubelet,       // kubelet comes back
    PartitionNode,      // node cut off from the control plane; pods keep serving locally
    HealPartition,      // partition ends
    ZoneOutage,         // every node of a zone crashes
    ZoneRecover,        // every node of the zone boots again
    PodKill,            // delete a pod (graceful), Chaos Mesh pod-kill
    ContainerKill,      // kill one container; the kubelet restarts it
    RegistryOutage,     // image pulls fail and back off
    RegistryRecover,    // pulls work again
    ControlPlaneOutage, // a control-plane component is down
    ControlPlaneRecover,
};

enum class ControlPlaneComponent { ApiServer, Scheduler, ControllerManager };

// simulation.faults[]: the timeline of faults. Which target fields apply depends on the
// type (node, zone, pod or deployment, container, component). PodKill and ContainerKill
// name either a pod or a deployment (one of its pods, chosen by the seeded "faults"
// stream). With `duration`, the matching recovery happens by itself that long after.
struct FaultSpec {
    SimTime at;
    FaultType type = FaultType::FailNode;
    std::string node;
    std::string zone;
    std::string pod;
    std::string deployment;
    std::string container;
    std::optional<ControlPlaneComponent> component;
    std::optional<SimTime> duration;
    bool operator==(const FaultSpec&) const = default;
};

// simulation.images[]: what Kubernetes cannot know about an image: its size (pull time) and
// how the program inside behaves, so a lesson can ship a good and a bad release.
struct ImageSpec {
    std::string name;                  // as in the container's `image:`, e.g. "shop/frontend:2.2"
    Bytes size;                        // compressed size pulled from the registry
    SimTime startupTime;               // container start → process ready to serve
    std::optional<SimTime> crashAfter; // the process exits this long after each start
    bool neverReady = false;           // readiness probes never succeed (a broken release)
    CpuMillis idleCpu;                 // CPU the container uses with no traffic
    Bytes idleMemory;                  // memory the container uses with no traffic
    double errorRate = 0.0;            // share of requests the program answers with 500 (a bug)
    bool operator==(const ImageSpec&) const = default;
};

struct RegistrySpec {
    Bytes bandwidthPerSecond = Bytes::mebibytes(100); // per node pull throughput
    bool operator==(const RegistrySpec&) const = default;
};

enum class ScoringStrategy { LeastAllocated, MostAllocated };

// One kube-scheduler profile (KubeSchedulerConfiguration.profiles[]); pods choose one by
// spec.schedulerName.
struct SchedulerProfileSpec {
    std::string schedulerName = "default-scheduler";
    ScoringStrategy scoringStrategy = ScoringStrategy::LeastAllocated;
    bool operator==(const SchedulerProfileSpec&) const = default;
};

struct SchedulerSpec {
    std::vector<SchedulerProfileSpec> profiles; // empty: the default profile only
    int percentageOfNodesToScore = 0;           // 0: upstream's adaptive percentage
    bool operator==(const SchedulerSpec&) const = default;
};

// simulation.commands[]: a kubectl command run at a simulated time — a scripted rollout,
// drain or scale that a lesson or scenario plays like a person at a terminal.
struct ScheduledCommand {
    SimTime at;
    std::string run; // "kubectl set image deployment/web web=shop/web:2.0"
    bool operator==(const ScheduledCommand&) const = default;
};

// simulation.clusterAutoscaler: cluster-autoscaler's flags, with upstream's defaults
// (cluster-autoscaler/config/autoscaling_options.go and main.go; FAQ "What are the parameters
// to CA?"). It runs when cluster.nodeGroups has a group.
struct ClusterAutoscalerSpec {
    std::vector<CaExpanderKind> expander{CaExpanderKind::LeastWaste}; // --expander (a chain)
    SimTime scanInterval = k8s::kCaScanInterval;
    double scaleDownUtilizationThreshold = k8s::kCaScaleDownUtilizationThreshold;
    bool scaleDownEnabled = true;
    SimTime scaleDownUnneededTime = k8s::kCaScaleDownUnneededTime;
    SimTime scaleDownUnreadyTime = k8s::kCaScaleDownUnreadyTime;
    SimTime scaleDownDelayAfterAdd = k8s::kCaScaleDownDelayAfterAdd;
    SimTime scaleDownDelayAfterDelete = k8s::kCaScaleDownDelayAfterDelete;
    SimTime scaleDownDelayAfterFailure = k8s::kCaScaleDownDelayAfterFailure;
    SimTime maxNodeProvisionTime = k8s::kCaMaxNodeProvisionTime;
    SimTime newPodScaleUpDelay = SimTime::zero();
    int maxNodesTotal = 0; // 0: no limit
    int maxScaleDownParallelism = k8s::kCaMaxScaleDownParallelism;
    int maxDrainParallelism = k8s::kCaMaxDrainParallelism;
    bool operator==(const ClusterAutoscalerSpec&) const = default;
};

// simulation.slo: a latency objective for one Service; a second in which the Service's p95
// latency is above the target counts toward the run's SLO-violation minutes.
struct SloSpec {
    std::string service;
    SimTime latencyP95;
    bool operator==(const SloSpec&) const = default;
};

struct SimulationSpec {
    SimTime podStartupTime = SimTime::seconds(2); // bind → Running (image pull + start)
    std::vector<ImageSpec> images;
    RegistrySpec registry;
    SchedulerSpec scheduler;
    std::vector<ServiceBehaviourSpec> services;
    NetworkSpec network;
    GatewaySpec gateway;
    std::vector<TrafficSourceSpec> traffic;
    std::vector<QueueSpec> queues; // message queues (producers: traffic classes with `queue:`)
    TracingSpec tracing;
    TrafficMode trafficMode = TrafficMode::PerRequest;
    MeshSettingsSpec mesh; // sidecars (simulation.mesh); the mesh objects are Scenario's
    std::vector<FaultSpec> faults;
    std::vector<ScheduledCommand> commands;
    std::vector<PipelineSpec> pipelines; // CI/CD pipelines feeding new images in
    std::optional<ClusterAutoscalerSpec> clusterAutoscaler;
    std::optional<SloSpec> slo;
    bool operator==(const SimulationSpec&) const = default;
};

struct Scenario {
    ScenarioMetadata metadata;
    std::uint64_t seed = 1;
    SimTime duration = SimTime::minutes(5);
    ClusterSpec cluster;
    std::vector<Manifest> workloads;
    // Istio's mesh objects, written among the workloads (after them when saved).
    std::vector<VirtualServiceSpec> virtualServices;
    std::vector<DestinationRuleSpec> destinationRules;
    SimulationSpec simulation;
    std::vector<VmGroupSpec> vmGroups; // applications on VMs, without Kubernetes
    bool operator==(const Scenario&) const = default;
};

} // namespace cnsim
