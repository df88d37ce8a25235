#pragma once

// The Vertical Pod Autoscaler's recommender (kubernetes/autoscaler vertical-pod-autoscaler) as a
// pure library: one container's decaying usage histograms and the estimators that turn them
// into a recommendation (target, lower bound, upper bound, uncapped target).
//
// Upstream, file by file:
// - pkg/recommender/util/histogram.go: exponential buckets (the first `firstBucketSize` wide,
//   each next 5 % wider), Percentile returns the end of the bucket where the cumulative weight
//   reaches the percentile;
// - pkg/recommender/util/decaying_histogram.go: a sample's weight grows 2^(t / halfLife) from a
//   reference time (half-life 24 h), so older samples count half as much per day of age;
// - pkg/recommender/model/aggregate_container_state.go: CPU samples weighted by the container's
//   CPU request (at least 0.1 core); memory as the peak of each 24 h aggregation interval;
// - pkg/recommender/logic/recommender.go and estimator.go: target = 90th percentile, lower bound
//   50th, upper bound 95th, each × 1.15 (safety margin); the bounds × (1 + m / confidence)^e
//   with confidence min(days of history, samples / 1440) (lower: m 0.001, e -2; upper: m 1,
//   e 1); at least 25m CPU and 250Mi memory per pod, shared by its containers.
// - pkg/utils/vpa/capping.go: the target capped by resourcePolicy minAllowed / maxAllowed.
//
// Samples are in cores and bytes; SimTime is the sample time. Deterministic: no randomness.

#include "engine/simtime.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace cnsim {

// An exponential histogram (histogram.go) with exponential decay of sample weights
// (decaying_histogram.go).
class DecayingHistogram {
public:
    // maxValue: the start of the last bucket's range; firstBucketSize: width of bucket 0;
    // ratio: how much wider each bucket is than the previous (1.05); epsilon: the smallest
    // weight that counts (weights below it are treated as zero).
    DecayingHistogram(double maxValue, double firstBucketSize, double ratio, double epsilon,
                      SimTime halfLife);

    static DecayingHistogram cpu();    // 0.01 core … 1000 cores, 5 % growth, half-life 24 h
    static DecayingHistogram memory(); // 10 MB … 1 TB, 5 % growth, half-life 24 h

    void addSample(double value, double weight, SimTime time);
    void subtractSample(double value, double weight, SimTime time);
    // The end of the bucket in which the cumulative weight reaches `percentile` (0 … 1) of the
    // total; 0 for an empty histogram.
    double percentile(double percentile) const;
    bool empty() const;

    std::size_t bucketCount() const { return m_weights.size(); }
    std::size_t findBucket(double value) const;
    double bucketStart(std::size_t bucket) const;

private:
    double decayFactor(SimTime time);
    void shiftReferenceTime(SimTime time);
    void updateMinAndMax();

    double m_firstBucketSize;
    double m_ratio;
    double m_epsilon;
    SimTime m_halfLife;
    SimTime m_reference;
    std::vector<double> m_weights;
    double m_total = 0.0;
    std::size_t m_minBucket = 0;
    std::size_t m_maxBucket = 0;
};

// model.ResourceAmount: CPU in millicores, memory in bytes, each truncated to an integer at
// every step as upstream's conversions do (CPUAmountFromCores, ScaleResource), at most 10^14.
struct VpaResources {
    std::int64_t cpuMilli = 0;
    std::int64_t memoryBytes = 0;
    bool operator==(const VpaResources&) const = default;
};

struct VpaRecommendation {
    VpaResources target;
    VpaResources lowerBound;
    VpaResources upperBound;
    VpaResources uncappedTarget;
};

// One container's aggregate state (aggregate_container_state.go) and its recommendation.
class VpaContainerRecommender {
public:
    // Per-pod minimums (recommender.go podMinCPUMillicores, podMinMemoryMb), shared by the
    // pod's containers.
    static constexpr double kPodMinCpuMilli = 25.0;
    static constexpr double kPodMinMemoryBytes = 250.0 * 1024 * 1024;
    static constexpr double kMinSampleWeight = 0.1; // aggregations_config.go
    static constexpr double kSafetyMargin = 0.15;   // --recommendation-margin-fraction
    static constexpr SimTime kMemoryAggregationInterval = SimTime::hours(24);

    // A CPU usage sample (cores) of a container that requests `cpuRequestCores`.
    void addCpuSample(double cores, double cpuRequestCores, SimTime time);
    // A memory usage sample (working set bytes): the peak of its aggregation interval counts.
    void addMemorySample(double bytes, SimTime time);

    std::uint64_t cpuSamples() const { return m_cpuSamples; }
    bool hasSamples() const { return m_cpuSamples > 0; }

    // containersInPod shares the pod minimums; minAllowed / maxAllowed cap the target and
    // bounds (uncappedTarget is the target before capping).
    VpaRecommendation recommend(int containersInPod, const std::optional<VpaResources>& minAllowed,
                                const std::optional<VpaResources>& maxAllowed) const;
    // getConfidence: min(days between the first and last sample, samples / (60 × 24)).
    double confidence() const;

private:
    DecayingHistogram m_cpu = DecayingHistogram::cpu();
    DecayingHistogram m_memory = DecayingHistogram::memory();
    std::uint64_t m_cpuSamples = 0;
    std::optional<SimTime> m_firstSample;
    SimTime m_lastSample;
    std::optional<SimTime> m_memoryWindowEnd;
    double m_memoryPeak = 0.0;
};

} // namespace cnsim
