#include "traffic/distributions.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

DurationSampler::DurationSampler(const DurationDistributionSpec& spec) : m_type(spec.type) {
    switch (spec.type) {
    case DistributionType::Constant:
    case DistributionType::Exponential:
        m_mean = std::max(spec.mean.toSeconds(), 0.0);
        break;
    case DistributionType::LogNormal: {
        m_mean = std::max(spec.mean.toSeconds(), 0.0);
        const double s = std::max(spec.stddev.toSeconds(), 0.0);
        if (m_mean > 0.0) {
            const double variance = std::log1p((s * s) / (m_mean * m_mean));
            m_sigma = std::sqrt(variance);
            m_mu = std::log(m_mean) - variance / 2.0;
        }
        break;
    }
    case DistributionType::Uniform:
        m_low = std::max(spec.min.toSeconds(), 0.0);
        m_high = std::max(spec.max.toSeconds(), m_low);
        m_mean = (m_low + m_high) / 2.0;
        break;
    }
}

double DurationSampler::sampleSeconds(RandomStream& stream) const {
    switch (m_type) {
    case DistributionType::Constant:
        return m_mean;
    case DistributionType::Exponential:
        return m_mean > 0.0 ? stream.exponential(1.0 / m_mean) : 0.0;
    case DistributionType::LogNormal:
        if (m_mean <= 0.0) {
            return 0.0;
        }
        return m_sigma > 0.0 ? stream.lognormal(m_mu, m_sigma) : m_mean;
    case DistributionType::Uniform:
        return stream.uniform(m_low, m_high);
    }
    return m_mean;
}

} // namespace cnsim
