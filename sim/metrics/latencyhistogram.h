#pragma once

// LatencyHistogram: log-bucketed latency counts with at most 1% relative error on any
// quantile, in constant memory whatever the number of samples.
//
// Buckets grow geometrically by kGrowth = 1.02 from 1 µs: bucket i holds [g^i, g^(i+1)) µs.
// A quantile is reported as the geometric middle of its bucket g^(i+0.5) (capped at the
// largest value seen), so the error is at most sqrt(1.02) − 1 ≈ 0.995%; a value on a bucket
// edge that rounding puts one bucket low is still within 1 − 1.02^−0.5 ≈ 0.985%.
// Latencies up to 1 µs go to the first bucket (reported as 1 µs), above ~20 days to the last.
//
// A caller that adds one latency to several histograms computes its bucket once
// (bucketOf) and uses addToBucket. Queries scan only the buckets between the lowest and
// highest used.

#include "engine/simtime.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cnsim {

class LatencyHistogram {
public:
    LatencyHistogram();

    static std::size_t bucketOf(SimTime latency);

    void add(SimTime latency) { addToBucket(bucketOf(latency), latency); }
    // `bucket` must be bucketOf(latency).
    void addToBucket(std::size_t bucket, SimTime latency) { addToBucket(bucket, latency, 1); }
    // `count` requests of the same latency (aggregate mode's weighted samples).
    void addToBucket(std::size_t bucket, SimTime latency, std::uint64_t count);
    // Asks the memory for the bucket's line ahead of an addition (LatencyBatch).
    void prefetchBucket(std::size_t bucket) const { __builtin_prefetch(m_buckets.data() + bucket, 1); }
    void clear();
    void merge(const LatencyHistogram& other);

    std::uint64_t count() const { return m_count; }
    double meanMs() const;
    // q in [0, 1]; 0 when empty.
    double quantileMs(double q) const;
    // Several quantiles in one pass; qs ascending, out.size() == qs.size().
    void quantilesMs(std::span<const double> qs, std::span<double> out) const;
    double maxMs() const;

private:
    double bucketValueMs(std::size_t bucket) const;

    std::vector<std::uint64_t> m_buckets;
    std::uint64_t m_count = 0;
    std::int64_t m_sumMicros = 0;
    std::int64_t m_maxMicros = 0;
    std::size_t m_lowest = 0;  // first used bucket (valid when m_count > 0)
    std::size_t m_highest = 0; // last used bucket
};

} // namespace cnsim
