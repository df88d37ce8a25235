#include "control/autoscaling/vparecommender.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

// aggregations_config.go: epsilon = 0.001 × minSampleWeight; HistogramBucketSizeGrowth 0.05.
constexpr double kEpsilon = 0.001 * VpaContainerRecommender::kMinSampleWeight;
constexpr double kBucketGrowth = 0.05;
constexpr SimTime kHalfLife = SimTime::hours(24);
// decaying_histogram.go maxDecayExponent: past 2^100 the reference time moves forward.
constexpr std::int64_t kMaxDecayExponent = 100;
// model.MaxResourceAmount.
constexpr double kMaxResourceAmount = 1e14;

// resourceAmountFromFloat: negative → 0, above the maximum → the maximum, else truncated.
std::int64_t amount(double value) {
    if (std::isnan(value) || value < 0.0) {
        return 0;
    }
    if (value > kMaxResourceAmount) {
        return static_cast<std::int64_t>(kMaxResourceAmount);
    }
    return static_cast<std::int64_t>(value);
}

VpaResources scale(const VpaResources& r, double factor) {
    return {amount(static_cast<double>(r.cpuMilli) * factor),
            amount(static_cast<double>(r.memoryBytes) * factor)};
}

VpaResources atLeast(const VpaResources& r, const VpaResources& min) {
    return {std::max(r.cpuMilli, min.cpuMilli), std::max(r.memoryBytes, min.memoryBytes)};
}

VpaResources atMost(const VpaResources& r, const VpaResources& max) {
    return {std::min(r.cpuMilli, max.cpuMilli), std::min(r.memoryBytes, max.memoryBytes)};
}

} // namespace

DecayingHistogram::DecayingHistogram(double maxValue, double firstBucketSize, double ratio,
                                     double epsilon, SimTime halfLife)
    : m_firstBucketSize(firstBucketSize), m_ratio(ratio), m_epsilon(epsilon), m_halfLife(halfLife) {
    // NewExponentialHistogramOptions: enough buckets for maxValue to fall in the last one.
    const auto buckets = static_cast<std::size_t>(
        std::ceil(std::log(maxValue * (ratio - 1) / firstBucketSize + 1) / std::log(ratio)) + 1);
    m_weights.assign(buckets, 0.0);
    m_minBucket = buckets - 1;
    m_maxBucket = 0;
}

DecayingHistogram DecayingHistogram::cpu() {
    return DecayingHistogram(1000.0, 0.01, 1.0 + kBucketGrowth, kEpsilon, kHalfLife);
}

DecayingHistogram DecayingHistogram::memory() {
    return DecayingHistogram(1e12, 1e7, 1.0 + kBucketGrowth, kEpsilon, kHalfLife);
}

std::size_t DecayingHistogram::findBucket(double value) const {
    if (value < m_firstBucketSize) {
        return 0;
    }
    const auto bucket = static_cast<std::size_t>(
        std::log(value * (m_ratio - 1) / m_firstBucketSize + 1) / std::log(m_ratio));
    return std::min(bucket, m_weights.size() - 1);
}

double DecayingHistogram::bucketStart(std::size_t bucket) const {
    if (bucket == 0) {
        return 0.0;
    }
    return m_firstBucketSize * (std::pow(m_ratio, static_cast<double>(bucket)) - 1) / (m_ratio - 1);
}

double DecayingHistogram::decayFactor(SimTime time) {
    if (time >
        m_reference + SimTime::microseconds(m_halfLife.toMicroseconds() * kMaxDecayExponent)) {
        shiftReferenceTime(time);
    }
    return std::exp2((time - m_reference).toSeconds() / m_halfLife.toSeconds());
}

void DecayingHistogram::shiftReferenceTime(SimTime time) {
    // A multiple of the half-life (time.Round), weights rescaled so nothing changes but scale.
    const std::int64_t half = m_halfLife.toMicroseconds();
    const std::int64_t rounded = (time.toMicroseconds() + half / 2) / half * half;
    const double exponent = std::round(static_cast<double>(m_reference.toMicroseconds() - rounded) /
                                       static_cast<double>(half));
    const double factor = std::exp2(exponent);
    for (double& w : m_weights) {
        w *= factor;
    }
    m_total *= factor;
    m_reference = SimTime::microseconds(rounded);
    updateMinAndMax();
}

void DecayingHistogram::updateMinAndMax() {
    const std::size_t last = m_weights.size() - 1;
    m_minBucket = last;
    m_maxBucket = 0;
    for (std::size_t b = 0; b <= last; ++b) {
        if (m_weights[b] >= m_epsilon) {
            m_minBucket = std::min(m_minBucket, b);
            m_maxBucket = std::max(m_maxBucket, b);
        }
    }
}

void DecayingHistogram::addSample(double value, double weight, SimTime time) {
    const double w = weight * decayFactor(time);
    const std::size_t bucket = findBucket(value);
    m_weights[bucket] += w;
    m_total += w;
    if (bucket < m_minBucket && m_weights[bucket] >= m_epsilon) {
        m_minBucket = bucket;
    }
    if (bucket > m_maxBucket && m_weights[bucket] >= m_epsilon) {
        m_maxBucket = bucket;
    }
}

void DecayingHistogram::subtractSample(double value, double weight, SimTime time) {
    const double w = weight * decayFactor(time);
    const std::size_t bucket = findBucket(value);
    m_total -= w;
    m_weights[bucket] -= w;
    const std::size_t last = m_weights.size() - 1;
    if (m_weights[bucket] < m_epsilon && bucket == m_minBucket) {
        while (m_weights[m_minBucket] < m_epsilon && m_minBucket < last) {
            ++m_minBucket;
        }
    }
    if (m_weights[bucket] < m_epsilon && bucket == m_maxBucket) {
        while (m_weights[m_maxBucket] < m_epsilon && m_maxBucket > 0) {
            --m_maxBucket;
        }
    }
}

bool DecayingHistogram::empty() const {
    return m_weights[m_minBucket] < m_epsilon;
}

double DecayingHistogram::percentile(double percentile) const {
    if (empty()) {
        return 0.0;
    }
    const double threshold = percentile * m_total;
    double partial = 0.0;
    std::size_t bucket = m_minBucket;
    for (; bucket < m_maxBucket; ++bucket) {
        partial += m_weights[bucket];
        if (partial >= threshold) {
            break;
        }
    }
    // The end of the bucket; the last bucket has no end, so its start.
    return bucket < m_weights.size() - 1 ? bucketStart(bucket + 1) : bucketStart(bucket);
}

void VpaContainerRecommender::addCpuSample(double cores, double cpuRequestCores, SimTime time) {
    m_cpu.addSample(cores, std::max(cpuRequestCores, kMinSampleWeight), time);
    ++m_cpuSamples;
    if (!m_firstSample) {
        m_firstSample = time;
    }
    m_lastSample = time;
}

void VpaContainerRecommender::addMemorySample(double bytes, SimTime time) {
    // container.go addMemorySample: one peak per aggregation interval, recorded at the
    // interval's end; a higher sample in the same interval replaces the peak.
    if (!m_memoryWindowEnd) {
        m_memoryWindowEnd = time;
    }
    bool addPeak = false;
    if (time < *m_memoryWindowEnd) {
        if (m_memoryPeak != 0.0 && bytes > m_memoryPeak) {
            m_memory.subtractSample(m_memoryPeak, 1.0, *m_memoryWindowEnd);
            addPeak = true;
        }
    } else {
        const std::int64_t interval = kMemoryAggregationInterval.toMicroseconds();
        const std::int64_t behind = (time - *m_memoryWindowEnd).toMicroseconds();
        *m_memoryWindowEnd += SimTime::microseconds(behind / interval * interval + interval);
        m_memoryPeak = 0.0;
        addPeak = true;
    }
    if (addPeak) {
        m_memory.addSample(bytes, 1.0, *m_memoryWindowEnd);
        m_memoryPeak = bytes;
    }
}

double VpaContainerRecommender::confidence() const {
    if (!m_firstSample) {
        return 0.0;
    }
    const double days = (m_lastSample - *m_firstSample).toSeconds() / 86400.0;
    const double samples = static_cast<double>(m_cpuSamples) / (60.0 * 24.0);
    return std::min(days, samples);
}

VpaRecommendation
VpaContainerRecommender::recommend(int containersInPod,
                                   const std::optional<VpaResources>& minAllowed,
                                   const std::optional<VpaResources>& maxAllowed) const {
    const auto percentiles = [&](double p) {
        return VpaResources{amount(m_cpu.percentile(p) * 1000.0), amount(m_memory.percentile(p))};
    };
    const double fraction = 1.0 / static_cast<double>(std::max(containersInPod, 1));
    const VpaResources minimum{amount(kPodMinCpuMilli * fraction),
                               amount(kPodMinMemoryBytes * fraction)};
    const double c = confidence();
    const auto withConfidence = [&](const VpaResources& r, double multiplier, double exponent) {
        return scale(r, std::pow(1.0 + multiplier / c, exponent));
    };
    const double margin = 1.0 + kSafetyMargin;
    VpaRecommendation out;
    out.target = atLeast(scale(percentiles(0.9), margin), minimum);
    out.lowerBound = atLeast(withConfidence(scale(percentiles(0.5), margin), 0.001, -2.0), minimum);
    out.upperBound = atLeast(withConfidence(scale(percentiles(0.95), margin), 1.0, 1.0), minimum);
    out.uncappedTarget = out.target;
    // capping.go: every recommendation within the container policy's min and max.
    for (VpaResources* r : {&out.target, &out.lowerBound, &out.upperBound}) {
        if (minAllowed) {
            *r = atLeast(*r, *minAllowed);
        }
        if (maxAllowed) {
            *r = atMost(*r, *maxAllowed);
        }
    }
    return out;
}

} // namespace cnsim
