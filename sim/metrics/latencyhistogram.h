#pragma once

// LatencyHistogram: log-bucketed latency counts with at most 1% relative error on any
// quantile, in constant memory whatever the number of samples.
//
// Buckets grow geometrically by kGrowth = 1.02 from 1 µs; a quantile is reported as the
// geometric middle of its bucket, so the error is at most sqrt(1.02) - 1 ≈ 0.995%.
// Latencies below 1 µs go to the first bucket, above ~1 h to the last.

#include "engine/simtime.h"

#include <cstdint>
#include <vector>

namespace cnsim {

class LatencyHistogram {
public:
    LatencyHistogram();

    void add(SimTime latency);
    void clear();
    void merge(const LatencyHistogram& other);

    std::uint64_t count() const { return m_count; }
    double meanMs() const;
    // q in [0, 1]; 0 when empty.
    double quantileMs(double q) const;
    double maxMs() const;

private:
    std::vector<std::uint64_t> m_buckets;
    std::uint64_t m_count = 0;
    std::int64_t m_sumMicros = 0;
    std::int64_t m_maxMicros = 0;
};

} // namespace cnsim
