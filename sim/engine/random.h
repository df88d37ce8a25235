#pragma once

// RandomStream: a named, seeded source of random numbers with cnsim's own distribution
// code, so results never depend on the standard library's std::*_distribution.
//
// Streams are derived from (scenario seed, stream name): adding a component with its own
// stream does not change the numbers any other component draws. The generator is
// xoshiro256** seeded through splitmix64.

#include <cstdint>
#include <span>
#include <string_view>

namespace cnsim {

class RandomStream {
public:
    RandomStream(std::uint64_t scenarioSeed, std::string_view streamName);

    std::uint64_t nextU64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform01();
    double uniform(double low, double high);
    // Uniform integer in [0, n), unbiased; n > 0.
    std::uint64_t uniformIndex(std::uint64_t n);
    // Mean 1/rate; rate > 0.
    double exponential(double rate);
    double normal(double mean, double stddev);
    // exp(normal(mu, sigma)): mu and sigma of the underlying normal.
    double lognormal(double mu, double sigma);
    // Index i with probability weights[i] / sum(weights); weights >= 0, sum > 0.
    std::size_t weightedChoice(std::span<const double> weights);

private:
    std::uint64_t m_state[4];
    bool m_hasSpareNormal = false;
    double m_spareNormal = 0.0;
};

} // namespace cnsim
