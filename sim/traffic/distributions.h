#pragma once

// Sampling the random durations of simulation.services[] (DurationDistributionSpec) from a
// RandomStream, with cnsim's own math so every standard library gives the same numbers.
//
// Lognormal is given by the mean and standard deviation of the duration itself (what a person
// measures), converted to the underlying normal's parameters once:
//   σ² = ln(1 + s²/m²),  μ = ln m − σ²/2,  so E[X] = m and SD[X] = s.
// Samples are in seconds (double) so a caller can turn them into the unit it needs; a
// negative or non-finite value is never returned.

#include "engine/random.h"
#include "scenario/trafficspec.h"

namespace cnsim {

class DurationSampler {
public:
    DurationSampler() = default;
    explicit DurationSampler(const DurationDistributionSpec& spec);

    // One sample, in seconds (≥ 0). Constant distributions draw nothing from the stream.
    double sampleSeconds(RandomStream& stream) const;
    // The distribution's mean, in seconds.
    double meanSeconds() const { return m_mean; }
    bool isConstant() const { return m_type == DistributionType::Constant; }

private:
    DistributionType m_type = DistributionType::Constant;
    double m_mean = 0.0;
    double m_low = 0.0;  // Uniform
    double m_high = 0.0; // Uniform
    double m_mu = 0.0;   // LogNormal: the underlying normal
    double m_sigma = 0.0;
};

} // namespace cnsim
