#pragma once

// Which LatencyHistogram bucket a latency falls in: bucket i holds [g^i, g^(i+1)) µs with
// g = 1.02, that is floor(ln(µs) / ln(g)), capped at the last bucket; up to 1 µs, bucket 0.
//
// latencyBucket finds it in a table of each bucket's first microsecond instead of taking a
// logarithm: aggregate mode counts every sampled request at two histograms per visit, and
// the logarithm was a tenth of that. The table is built with the logarithm itself
// (latencyBucketByLog), so both give the same bucket for every latency
// (tests/metrics/test_latencybuckets checks each microsecond up to 20 s and every edge).

#include <cstddef>
#include <cstdint>

namespace cnsim {

inline constexpr double kLatencyBucketGrowth = 1.02;
inline constexpr std::size_t kLatencyBucketCount = 1200; // 1.02^1200 µs ≈ 20 simulated days

std::size_t latencyBucket(std::int64_t micros);
// The definition: floor(ln(µs) / ln(1.02)), capped.
std::size_t latencyBucketByLog(std::int64_t micros);

} // namespace cnsim
