#pragma once

// Every Kubernetes default cnsim uses, in one place, for the one Kubernetes version cnsim
// emulates. Each value names the upstream file it comes from (kubernetes/kubernetes unless
// said otherwise); see ../shared reference notes and docs/kubernetes-fidelity.md.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"
#include "scenario/units.h"

#include <string_view>

namespace cnsim::k8s {

// The Kubernetes release whose behaviour and defaults cnsim follows.
inline constexpr std::string_view kEmulatedVersion = "1.34";

// --- kube-scheduler (pkg/scheduler) ---
// pkg/scheduler/apis/config/v1/default_plugins.go: score plugin weights of the default profile.
inline constexpr int kWeightTaintToleration = 3;
inline constexpr int kWeightNodeAffinity = 2;
inline constexpr int kWeightPodTopologySpread = 2;
inline constexpr int kWeightInterPodAffinity = 2;
inline constexpr int kWeightNodeResourcesFit = 1;
inline constexpr int kWeightBalancedAllocation = 1;
inline constexpr int kWeightImageLocality = 1;
inline constexpr int kMaxNodeScore = 100; // framework/interface.go MaxNodeScore
// pkg/scheduler/schedule_one.go numFeasibleNodesToFind.
inline constexpr int kMinFeasibleNodesToFind = 100;
inline constexpr int kMinFeasibleNodesPercentageToFind = 5;
inline constexpr int kDefaultPercentageBase = 50; // adaptive: max(5, 50 - nodes/125)
inline constexpr int kAdaptivePercentageDivisor = 125;
// pkg/scheduler/util/pod_resources.go: a container with no request counts as this for scoring.
inline constexpr CpuMillis kDefaultScoringCpuRequest{100};
inline constexpr Bytes kDefaultScoringMemoryRequest = Bytes::mebibytes(200);
// pkg/scheduler/apis/config/v1/defaults.go: pod back-off and the unschedulable-pod flush.
inline constexpr SimTime kPodInitialBackoff = SimTime::seconds(1);
inline constexpr SimTime kPodMaxBackoff = SimTime::seconds(10);
inline constexpr SimTime kPodMaxInUnschedulablePods = SimTime::minutes(5);
// Default topology spread constraints (podtopologyspread/plugin.go systemDefaultConstraints).
inline constexpr int kDefaultSpreadHostnameMaxSkew = 3;
inline constexpr int kDefaultSpreadZoneMaxSkew = 5;
inline constexpr std::string_view kDefaultSchedulerName = "default-scheduler";

// --- Well-known labels and taints (staging/src/k8s.io/api/core/v1/well_known_*.go) ---
inline constexpr std::string_view kLabelHostname = "kubernetes.io/hostname";
inline constexpr std::string_view kLabelZone = "topology.kubernetes.io/zone";
inline constexpr std::string_view kTaintNotReady = "node.kubernetes.io/not-ready";
inline constexpr std::string_view kTaintUnreachable = "node.kubernetes.io/unreachable";
inline constexpr std::string_view kTaintUnschedulable = "node.kubernetes.io/unschedulable";

// --- Deployments (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment) ---
inline constexpr IntOrPercent kDefaultMaxSurge{25, true};
inline constexpr IntOrPercent kDefaultMaxUnavailable{25, true};
inline constexpr int kDefaultRevisionHistoryLimit = 10;
inline constexpr int kDefaultProgressDeadlineSeconds = 600;
inline constexpr int kDefaultMinReadySeconds = 0;

// --- Pods (pkg/apis/core/v1/defaults.go, pkg/apis/core/types.go) ---
inline constexpr std::int64_t kDefaultTerminationGracePeriodSeconds = 30;
// Probe defaults (core/v1 Probe field docs).
inline constexpr int kProbeInitialDelaySeconds = 0;
inline constexpr int kProbePeriodSeconds = 10;
inline constexpr int kProbeTimeoutSeconds = 1;
inline constexpr int kProbeSuccessThreshold = 1;
inline constexpr int kProbeFailureThreshold = 3;

// --- kubelet (pkg/kubelet) ---
// Container restart back-off: kuberuntime_manager.go doBackOff, client-go flowcontrol/backoff.go.
inline constexpr SimTime kCrashLoopInitialBackoff = SimTime::seconds(10);
inline constexpr SimTime kCrashLoopMaxBackoff = SimTime::seconds(300);
// An entry older than 2 × max since its last update starts again (backoff.go hasExpired).
inline constexpr SimTime kCrashLoopResetAfter = SimTime::seconds(600);
// Image pull back-off (kubelet/images: same flowcontrol.Backoff, 10 s → 300 s).
inline constexpr SimTime kImagePullInitialBackoff = SimTime::seconds(10);
inline constexpr SimTime kImagePullMaxBackoff = SimTime::seconds(300);
inline constexpr int kDefaultMaxPods = 110;
// Node status / lease update interval (kubelet config nodeStatusUpdateFrequency, lease 10 s).
inline constexpr SimTime kNodeStatusUpdateFrequency = SimTime::seconds(10);

// --- kube-controller-manager node lifecycle (pkg/controller/nodelifecycle/config/v1alpha1/defaults.go) ---
inline constexpr SimTime kNodeMonitorPeriod = SimTime::seconds(5);
inline constexpr SimTime kNodeMonitorGracePeriod = SimTime::seconds(50); // 40 s before v1.32
inline constexpr SimTime kNodeStartupGracePeriod = SimTime::seconds(60);
inline constexpr double kNodeEvictionRate = 0.1;          // nodes per second, healthy zone
inline constexpr double kSecondaryNodeEvictionRate = 0.01; // unhealthy zone
inline constexpr int kLargeClusterSizeThreshold = 50;
inline constexpr double kUnhealthyZoneThreshold = 0.55;
// kube-apiserver admission DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds).
inline constexpr std::int64_t kDefaultNotReadyTolerationSeconds = 300;
inline constexpr std::int64_t kDefaultUnreachableTolerationSeconds = 300;

// --- Horizontal Pod Autoscaler (kube-controller-manager) ---
// pkg/controller/podautoscaler/config/v1alpha1/defaults.go RecommendedDefaultHPAControllerConfiguration.
inline constexpr SimTime kHpaSyncPeriod = SimTime::seconds(15);
inline constexpr double kHpaTolerance = 0.1;
inline constexpr SimTime kHpaDownscaleStabilizationWindow = SimTime::minutes(5);
inline constexpr SimTime kHpaCpuInitializationPeriod = SimTime::minutes(5);
inline constexpr SimTime kHpaInitialReadinessDelay = SimTime::seconds(30);
// pkg/features/kube_features.go HPAConfigurableTolerance: alpha (off) in 1.33 and 1.34, beta 1.35.
inline constexpr bool kHpaConfigurableToleranceEnabled = false;
// pkg/controller/podautoscaler/horizontal.go: the scale-up cap without spec.behavior,
// max(scaleUpLimitFactor × current, scaleUpLimitMinimum).
inline constexpr int kHpaScaleUpLimitFactor = 2;
inline constexpr int kHpaScaleUpLimitMinimum = 4;
// pkg/apis/autoscaling/v2/defaults.go: spec defaults and the behavior filled in when
// spec.behavior is present (scaleDown's window, left unset there, comes from the controller flag).
inline constexpr int kHpaDefaultMinReplicas = 1;
inline constexpr int kHpaDefaultCpuUtilization = 80;
inline constexpr int kHpaScaleUpStabilizationSeconds = 0;
inline constexpr int kHpaScaleUpLimitPercent = 100;
inline constexpr int kHpaScaleUpLimitMinimumPods = 4;
inline constexpr int kHpaScaleUpPeriodSeconds = 15;
inline constexpr int kHpaScaleDownLimitPercent = 100;
inline constexpr int kHpaScaleDownPeriodSeconds = 15;

// --- Resource metrics pipeline (kubelet → metrics-server → HPA) ---
// kubelet --housekeeping-interval (cmd/kubelet/app/options/options.go NewKubeletFlags): how often
// the kubelet's cAdvisor refreshes each container's cumulative CPU and memory working set.
inline constexpr SimTime kKubeletHousekeepingInterval = SimTime::seconds(10);
// kubernetes-sigs/metrics-server cmd/metrics-server/app/options/options.go: --metric-resolution,
// the scrape interval; CPU is the rate between the kubelet points of two consecutive scrapes.
inline constexpr SimTime kMetricsServerResolution = SimTime::seconds(15);

// --- Cluster autoscaler (kubernetes/autoscaler cluster-autoscaler) ---
// config/flags/flags.go and config/const.go defaults.
inline constexpr SimTime kCaScanInterval = SimTime::seconds(10);
inline constexpr double kCaScaleDownUtilizationThreshold = 0.5;
inline constexpr SimTime kCaScaleDownUnneededTime = SimTime::minutes(10);
inline constexpr SimTime kCaScaleDownUnreadyTime = SimTime::minutes(20);
inline constexpr SimTime kCaScaleDownDelayAfterAdd = SimTime::minutes(10);
inline constexpr SimTime kCaScaleDownDelayAfterDelete = SimTime::zero();
inline constexpr SimTime kCaScaleDownDelayAfterFailure = SimTime::minutes(3);
inline constexpr SimTime kCaMaxNodeProvisionTime = SimTime::minutes(15);
inline constexpr int kCaMaxScaleDownParallelism = 10; // also max-empty-bulk-delete's default
inline constexpr int kCaMaxDrainParallelism = 1;
inline constexpr int kCaMaxNodesPerScaleUp = 1000;
inline constexpr int kCaExpendablePodsPriorityCutoff = -10;
inline constexpr bool kCaSkipNodesWithSystemPods = true;
inline constexpr bool kCaSkipNodesWithLocalStorage = true;
inline constexpr SimTime kCaMaxGracefulTerminationTime = SimTime::seconds(600);
inline constexpr SimTime kCaMaxPodEvictionTime = SimTime::minutes(2);
inline constexpr int kCaOkTotalUnreadyCount = 3;
inline constexpr int kCaMaxTotalUnreadyPercentage = 45;
// utils/backoff/exponential_backoff.go via flags initial/max-node-group-backoff-duration.
inline constexpr SimTime kCaInitialNodeGroupBackoff = SimTime::minutes(5);
inline constexpr SimTime kCaMaxNodeGroupBackoff = SimTime::minutes(30);
inline constexpr SimTime kCaNodeGroupBackoffReset = SimTime::hours(3);
// expander/price/price.go and preferred.go; cloudprovider/gce/gce_price_model.go base prices.
inline constexpr double kCaPriceNotExistCoefficient = 2.0;
inline constexpr CpuMillis kCaPriceStabilizationPodCpu{500};
inline constexpr Bytes kCaPriceStabilizationPodMemory = Bytes::mebibytes(500);
inline constexpr double kCaGceCpuPricePerHour = 0.033174;
inline constexpr double kCaGceMemoryPricePerGibHour = 0.004446;
// Annotations (core/scaledown/eligibility, utils/drain).
inline constexpr std::string_view kCaScaleDownDisabledAnnotation =
    "cluster-autoscaler.kubernetes.io/scale-down-disabled";
inline constexpr std::string_view kCaSafeToEvictAnnotation =
    "cluster-autoscaler.kubernetes.io/safe-to-evict";
// utils/taints/taints.go: the NoSchedule taint a node gets when its scale-down starts.
inline constexpr std::string_view kCaToBeDeletedTaint = "ToBeDeletedByClusterAutoscaler";
// core/scaledown/actuation/drain.go: evictions are retried this often until
// max-pod-eviction-time.
inline constexpr SimTime kCaEvictionRetryInterval = SimTime::seconds(10);
// AWS EC2 spot instance interruption notice (a GCE preemption gives 30 s).
inline constexpr SimTime kSpotInterruptionNotice = SimTime::minutes(2);

} // namespace cnsim::k8s
