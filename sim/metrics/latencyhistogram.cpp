#include "metrics/latencyhistogram.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cnsim {

namespace {

constexpr double kGrowth = 1.02;
constexpr std::size_t kBucketCount = 1200; // 1.02^1200 µs ≈ 20 simulated days
const double kLogGrowth = std::log(kGrowth);

// The table below must hold what the C library's pow answers, as computing it on each call
// always did. Read at run time, the growth keeps the compiler from filling the table itself
// with its own correctly rounded arithmetic, which differs from the library's in the last bit
// for some arguments (and then in a quantile reported).
double growthAtRunTime() {
    static volatile double growth = kGrowth;
    return growth;
}

// Bucket i holds [g^i, g^(i+1)); its geometric middle is g^(i + 0.5). Worked out once for
// every bucket: the metrics sample asks four quantiles of some 200 histograms a second.
const std::array<double, kBucketCount>& bucketMiddlesMicros() {
    static const std::array<double, kBucketCount> middles = [] {
        const double growth = growthAtRunTime();
        std::array<double, kBucketCount> m{};
        for (std::size_t i = 0; i < kBucketCount; ++i) {
            m[i] = std::pow(growth, static_cast<double>(i) + 0.5);
        }
        return m;
    }();
    return middles;
}

} // namespace

std::size_t LatencyHistogram::bucketOf(SimTime latency) {
    const std::int64_t micros = latency.toMicroseconds();
    if (micros <= 1) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(std::log(static_cast<double>(micros)) / kLogGrowth);
    return std::min(index, kBucketCount - 1);
}

LatencyHistogram::LatencyHistogram() : m_buckets(kBucketCount, 0) {}

void LatencyHistogram::addToBucket(std::size_t bucket, SimTime latency, std::uint64_t count) {
    if (count == 0) {
        return;
    }
    const std::int64_t micros = std::max<std::int64_t>(latency.toMicroseconds(), 0);
    m_buckets[bucket] += count;
    if (m_count == 0) {
        m_lowest = bucket;
        m_highest = bucket;
    } else {
        m_lowest = std::min(m_lowest, bucket);
        m_highest = std::max(m_highest, bucket);
    }
    m_count += count;
    m_sumMicros += micros * static_cast<std::int64_t>(count);
    m_maxMicros = std::max(m_maxMicros, micros);
}

void LatencyHistogram::clear() {
    if (m_count != 0) {
        std::fill(m_buckets.begin() + static_cast<std::ptrdiff_t>(m_lowest),
                  m_buckets.begin() + static_cast<std::ptrdiff_t>(m_highest) + 1, 0);
    }
    m_count = 0;
    m_sumMicros = 0;
    m_maxMicros = 0;
    m_lowest = 0;
    m_highest = 0;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    if (other.m_count == 0) {
        return;
    }
    // Bounds and pointers in locals: read through the members, every count written could be
    // (to the compiler) one of them, and they were read again at each bucket.
    const std::uint64_t* from = other.m_buckets.data();
    std::uint64_t* to = m_buckets.data();
    const std::size_t last = other.m_highest;
    for (std::size_t i = other.m_lowest; i <= last; ++i) {
        to[i] += from[i];
    }
    if (m_count == 0) {
        m_lowest = other.m_lowest;
        m_highest = other.m_highest;
    } else {
        m_lowest = std::min(m_lowest, other.m_lowest);
        m_highest = std::max(m_highest, other.m_highest);
    }
    m_count += other.m_count;
    m_sumMicros += other.m_sumMicros;
    m_maxMicros = std::max(m_maxMicros, other.m_maxMicros);
}

double LatencyHistogram::meanMs() const {
    return m_count == 0 ? 0.0
                        : static_cast<double>(m_sumMicros) / static_cast<double>(m_count) / 1e3;
}

double LatencyHistogram::maxMs() const {
    return static_cast<double>(m_maxMicros) / 1e3;
}

double LatencyHistogram::bucketValueMs(std::size_t bucket) const {
    if (bucket == 0) {
        return std::min(0.001, maxMs());
    }
    return std::min(bucketMiddlesMicros()[bucket], static_cast<double>(m_maxMicros)) / 1e3;
}

double LatencyHistogram::quantileMs(double q) const {
    double out = 0.0;
    quantilesMs(std::span<const double>(&q, 1), std::span<double>(&out, 1));
    return out;
}

void LatencyHistogram::quantilesMs(std::span<const double> qs, std::span<double> out) const {
    if (m_count == 0) {
        std::fill(out.begin(), out.end(), 0.0);
        return;
    }
    // Nearest rank: the smallest bucket whose cumulative count reaches ceil(q · n).
    constexpr std::size_t kRanksOnStack = 8;
    std::array<std::uint64_t, kRanksOnStack> ranksOnStack{};
    std::vector<std::uint64_t> ranksOnHeap;
    std::span<std::uint64_t> ranks(ranksOnStack.data(), qs.size());
    if (qs.size() > kRanksOnStack) {
        ranksOnHeap.resize(qs.size());
        ranks = ranksOnHeap;
    }
    for (std::size_t k = 0; k < qs.size(); ++k) {
        ranks[k] = std::max<std::uint64_t>(
            1, static_cast<std::uint64_t>(
                   std::ceil(std::clamp(qs[k], 0.0, 1.0) * static_cast<double>(m_count))));
    }
    // Bucket i is reached with `seen` counting buckets m_lowest..i; each quantile walks on from
    // where the one before stopped, in a loop that calls nothing (so nothing is spilled).
    const std::uint64_t* buckets = m_buckets.data();
    const std::size_t last = m_highest;
    std::size_t i = m_lowest;
    std::uint64_t seen = buckets[i];
    for (std::size_t k = 0; k < qs.size(); ++k) {
        while (seen < ranks[k] && i < last) {
            seen += buckets[++i];
        }
        out[k] = seen >= ranks[k] ? bucketValueMs(i) : maxMs();
    }
}

} // namespace cnsim
