#include "metrics/latencybuckets.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace cnsim {

namespace {

const double kLogGrowth = std::log(kLatencyBucketGrowth);
const double kBucketsPerOctave = std::log(2.0) / kLogGrowth; // ≈ 35

// first[i]: the smallest latency in µs (≥ 2) that latencyBucketByLog puts in bucket i or
// above; buckets below the one of 2 µs start at 2 (no whole latency falls in them).
using FirstMicros = std::array<std::int64_t, kLatencyBucketCount>;

FirstMicros buildFirstMicros() {
    FirstMicros first{};
    for (std::size_t i = 0; i < kLatencyBucketCount; ++i) {
        // Start at g^i, then step to the exact edge the definition draws.
        auto m = std::max<std::int64_t>(
            2, static_cast<std::int64_t>(std::ceil(std::exp(static_cast<double>(i) * kLogGrowth))));
        while (m > 2 && latencyBucketByLog(m - 1) >= i) {
            --m;
        }
        while (latencyBucketByLog(m) < i) {
            ++m;
        }
        first[i] = m;
    }
    return first;
}

const FirstMicros& firstMicros() {
    static const FirstMicros table = buildFirstMicros();
    return table;
}

} // namespace

std::size_t latencyBucketByLog(std::int64_t micros) {
    if (micros <= 1) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(std::log(static_cast<double>(micros)) / kLogGrowth);
    return std::min(index, kLatencyBucketCount - 1);
}

std::size_t latencyBucket(std::int64_t micros) {
    if (micros <= 1) {
        return 0;
    }
    const FirstMicros& first = firstMicros();
    // An estimate within a bucket or so: log2(µs) from the exponent and, for the mantissa
    // f ∈ [0, 1), log2(1 + f) ≈ f·(1.3466 − 0.3466·f) (off by under 0.01).
    const auto value = static_cast<std::uint64_t>(micros);
    const int octave = static_cast<int>(std::bit_width(value)) - 1;
    const double f = std::ldexp(static_cast<double>(value), -octave) - 1.0;
    const double log2 = octave + f * (1.3466 - 0.3466 * f);
    auto index = std::min(static_cast<std::size_t>(std::max(log2 * kBucketsPerOctave, 0.0)),
                          kLatencyBucketCount - 1);
    while (index > 0 && first[index] > micros) {
        --index;
    }
    while (index + 1 < kLatencyBucketCount && first[index + 1] <= micros) {
        ++index;
    }
    return index;
}

} // namespace cnsim
