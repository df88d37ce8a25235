#include "metrics/latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

constexpr double kGrowth = 1.02;
constexpr std::size_t kBucketCount = 1200; // 1.02^1200 µs ≈ 20 simulated days
const double kLogGrowth = std::log(kGrowth);

std::size_t bucketOf(std::int64_t micros) {
    if (micros <= 1) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(std::log(static_cast<double>(micros)) / kLogGrowth);
    return std::min(index, kBucketCount - 1);
}

} // namespace

LatencyHistogram::LatencyHistogram() : m_buckets(kBucketCount, 0) {}

void LatencyHistogram::add(SimTime latency) {
    const std::int64_t micros = std::max<std::int64_t>(latency.toMicroseconds(), 0);
    ++m_buckets[bucketOf(micros)];
    ++m_count;
    m_sumMicros += micros;
    m_maxMicros = std::max(m_maxMicros, micros);
}

void LatencyHistogram::clear() {
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_sumMicros = 0;
    m_maxMicros = 0;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        m_buckets[i] += other.m_buckets[i];
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

double LatencyHistogram::quantileMs(double q) const {
    if (m_count == 0) {
        return 0.0;
    }
    // Nearest-rank: the smallest bucket whose cumulative count reaches ceil(q * n).
    const auto rank =
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(
                                       std::clamp(q, 0.0, 1.0) * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        seen += m_buckets[i];
        if (seen >= rank) {
            if (i == 0) {
                return 0.001;
            }
            // Bucket i holds [g^i, g^(i+1)); its geometric middle is g^(i + 0.5).
            const double micros = std::pow(kGrowth, static_cast<double>(i) + 0.5);
            return std::min(micros, static_cast<double>(m_maxMicros)) / 1e3;
        }
    }
    return maxMs();
}

} // namespace cnsim
