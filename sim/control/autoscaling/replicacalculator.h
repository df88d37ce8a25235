#pragma once

// The HPA replica calculator: one metric's replica proposal from pods and samples.
//
// Upstream: pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas,
// GetRawResourceReplicas, GetMetricReplicas, calcPlainMetricReplicas, GetObjectMetricReplicas,
// GetObjectPerPodMetricReplicas, GetExternalMetricReplicas, GetExternalPerPodMetricReplicas,
// getUsageRatioReplicaCount, getReadyPodsCount, groupPods, calculateRequests) and
// pkg/controller/podautoscaler/metrics/utilization.go (GetResourceUtilizationRatio,
// GetMetricUsageRatio).
//
// Arithmetic is upstream's: sums in 64-bit integers, utilization truncated to a whole percent,
// averages by integer division, ratios and ceil in double precision, proposals capped at
// INT32_MAX. `now` replaces time.Now() in groupPods. Every result carries an Explanation.

#include "control/autoscaling/explanation.h"
#include "control/autoscaling/hpatypes.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace cnsim {

enum class HpaCalcError {
    None,
    FetchFailed,             // "unable to get metrics for resource cpu: …"
    NoPods,                  // "no pods returned by selector while calculating replica count"
    NoMetricsForPods,        // "did not receive metrics for targeted pods (pods might be unready)"
    NoMetricsMatchKnownPods, // "no metrics returned matched known pods"
    MissingRequest,          // "missing request for cpu in container c of Pod p"
    ContainerNotFound,       // "container c not found in Pod p"
};

// groupPods' four sets. Pods are named; sets are ordered so output is deterministic.
struct HpaPodGroups {
    int readyPodCount = 0;
    std::set<std::string> unready; // Pending, or (CPU only) not yet trusted
    std::set<std::string> missing; // no sample
    std::set<std::string> ignored; // deleted or Failed
};

HpaPodGroups groupPods(const std::vector<HpaPod>& pods, const HpaPodSamples& samples,
                       const std::string& resource, SimTime cpuInitializationPeriod,
                       SimTime delayOfInitialReadinessStatus, SimTime now);

// What one calculation works on, by pod name. The names are those of the caller's pods and
// samples, which outlive the calculation.
using HpaPodRequests = ByPodName<std::string_view, std::int64_t>;
using HpaPodMetrics = ByPodName<std::string_view, HpaPodSample>; // the samples that count

// calculateRequests: per pod, the resource's request summed over containers and restartable
// init containers, or the one named container. Pod-level requests are not modelled.
// The names in byPod are those of `pods`.
struct HpaRequests {
    HpaPodRequests byPod;
    HpaCalcError error = HpaCalcError::None;
    std::string message;
};
HpaRequests calculateRequests(const std::vector<HpaPod>& pods, const std::string& container,
                              const std::string& resource);

// GetResourceUtilizationRatio: utilization = int32(Σusage × 100 / Σrequest) over samples of
// pods with a request (clamped to the int32 range), ratio = utilization / target,
// rawAverage = Σusage / n.
struct HpaUtilizationRatio {
    double ratio = 0;
    std::int32_t utilization = 0;
    std::int64_t rawAverage = 0;
    std::int64_t usageTotal = 0;
    std::int64_t requestTotal = 0;
    bool ok = true; // false: no sample matched a known pod
};
HpaUtilizationRatio resourceUtilizationRatio(const HpaPodMetrics& samples,
                                             const HpaPodRequests& requests,
                                             std::int32_t targetUtilization);

// GetMetricUsageRatio: average = Σvalue / n (integer), ratio = average / target.
struct HpaUsageRatio {
    double ratio = 0;
    std::int64_t average = 0;
    std::int64_t total = 0;
};
HpaUsageRatio metricUsageRatio(const HpaPodMetrics& samples, std::int64_t targetUsage);

struct HpaReplicaProposal {
    HpaCalcError error = HpaCalcError::None;
    std::string message; // upstream's error text
    std::int32_t replicas = 0;
    std::int32_t utilization = 0; // Utilization targets: first-pass percent
    std::int64_t usage = 0;       // raw average / average value / object value / sum (milli)
    HpaPodGroups groups;
    Explanation explanation;
    bool ok() const { return error == HpaCalcError::None; }
};

// Resource metric, Utilization target (also ContainerResource when `container` is set).
HpaReplicaProposal getResourceReplicas(std::int32_t currentReplicas, std::int32_t targetUtilization,
                                       const std::string& resource, const HpaTolerances& tolerances,
                                       const std::vector<HpaPod>& pods,
                                       const HpaPodSamples& samples, const std::string& container,
                                       const HpaControllerSettings& settings, SimTime now);

// Resource metric, AverageValue target.
HpaReplicaProposal getRawResourceReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                          const std::string& resource,
                                          const HpaTolerances& tolerances,
                                          const std::vector<HpaPod>& pods,
                                          const HpaPodSamples& samples,
                                          const HpaControllerSettings& settings, SimTime now);

// Pods metric (AverageValue per pod). groupPods treats it as a non-CPU metric.
HpaReplicaProposal getMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                     const std::string& metricName, const HpaTolerances& tolerances,
                                     const std::vector<HpaPod>& pods, const HpaPodSamples& samples,
                                     const HpaControllerSettings& settings, SimTime now);

// Object metric, Value target: ratio × Running-and-Ready pods; from zero replicas ceil(ratio).
HpaReplicaProposal getObjectMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                           std::int64_t objectValue, const std::string& metricName,
                                           const HpaTolerances& tolerances,
                                           const std::vector<HpaPod>& pods);

// Object metric, AverageValue target: ceil(value / target), no pod count involved.
HpaReplicaProposal getObjectPerPodMetricReplicas(std::int32_t statusReplicas,
                                                 std::int64_t targetAverageUsage,
                                                 std::int64_t objectValue,
                                                 const std::string& metricName,
                                                 const HpaTolerances& tolerances);

// External metric, Value target: the sum of all series, then as an Object Value metric.
HpaReplicaProposal getExternalMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                             const std::vector<std::int64_t>& values,
                                             const std::string& metricName,
                                             const HpaTolerances& tolerances,
                                             const std::vector<HpaPod>& pods);

// External metric, AverageValue target.
HpaReplicaProposal getExternalPerPodMetricReplicas(std::int32_t statusReplicas,
                                                   std::int64_t targetUsagePerPod,
                                                   const std::vector<std::int64_t>& values,
                                                   const std::string& metricName,
                                                   const HpaTolerances& tolerances);

} // namespace cnsim
