#include "engine/random.h"

#include "engine/fingerprint.h"

#include <bit>
#include <cmath>
#include <stdexcept>

namespace cnsim {

namespace {

// splitmix64 (Steele, Lea, Flood 2014): the seeding generator xoshiro's authors recommend,
// because it turns any 64-bit value, even 0 or a small counter, into well-mixed state.
std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

RandomStream::RandomStream(std::uint64_t scenarioSeed, std::string_view streamName) {
    // Mix the seed first so that seeds differing in one bit, combined with the name hash,
    // still give unrelated states; then expand to 256 bits.
    std::uint64_t seedState = scenarioSeed;
    std::uint64_t state = splitmix64(seedState) ^ fnv1a64(streamName);
    for (auto& word : m_state) {
        word = splitmix64(state);
    }
    // xoshiro must not start from all zeros; splitmix64 output makes this astronomically
    // unlikely, but the guard costs nothing.
    if ((m_state[0] | m_state[1] | m_state[2] | m_state[3]) == 0) {
        m_state[0] = 1;
    }
}

std::uint64_t RandomStream::nextU64() {
    // xoshiro256** 1.0 (Blackman and Vigna).
    const std::uint64_t result = std::rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = std::rotl(m_state[3], 45);
    return result;
}

double RandomStream::uniform01() {
    // The top 53 bits fill a double's mantissa exactly: every value k / 2^53 is equally likely.
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

double RandomStream::uniform(double low, double high) {
    if (!(low <= high) || !std::isfinite(low) || !std::isfinite(high)) {
        throw std::invalid_argument("RandomStream::uniform: need finite low <= high");
    }
    return low + (high - low) * uniform01();
}

std::uint64_t RandomStream::uniformIndex(std::uint64_t n) {
    if (n == 0) {
        throw std::invalid_argument("RandomStream::uniformIndex: n must be > 0");
    }
    // Rejection: drop the lowest (2^64 mod n) raw values so every residue is equally likely.
    // The rejected zone is < n / 2^64, so the loop almost never repeats.
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        const std::uint64_t r = nextU64();
        if (r >= threshold) {
            return r % n;
        }
    }
}

double RandomStream::exponential(double rate) {
    if (!(rate > 0.0) || !std::isfinite(rate)) {
        throw std::invalid_argument("RandomStream::exponential: rate must be finite and > 0");
    }
    // Inversion with 1 - U in (0, 1], so the logarithm is always finite.
    return -std::log(1.0 - uniform01()) / rate;
}

double RandomStream::normal(double mean, double stddev) {
    if (!(stddev >= 0.0) || !std::isfinite(stddev) || !std::isfinite(mean)) {
        throw std::invalid_argument("RandomStream::normal: need finite mean and stddev >= 0");
    }
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return mean + stddev * m_spareNormal;
    }
    // Marsaglia polar method: yields two independent standard normals per accepted point.
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform01() - 1.0;
        v = 2.0 * uniform01() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpareNormal = true;
    return mean + stddev * u * factor;
}

double RandomStream::lognormal(double mu, double sigma) {
    return std::exp(normal(mu, sigma));
}

std::size_t RandomStream::weightedChoice(std::span<const double> weights) {
    double total = 0.0;
    for (const double w : weights) {
        if (!(w >= 0.0) || !std::isfinite(w)) {
            throw std::invalid_argument("RandomStream::weightedChoice: weights must be finite "
                                        "and >= 0");
        }
        total += w;
    }
    if (!(total > 0.0)) {
        throw std::invalid_argument("RandomStream::weightedChoice: weights must sum to > 0");
    }
    const double target = uniform01() * total;
    double cumulative = 0.0;
    std::size_t lastPositive = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] > 0.0) {
            cumulative += weights[i];
            lastPositive = i;
            if (target < cumulative) {
                return i;
            }
        }
    }
    // Rounding can leave target == total; the last positive weight owns that edge.
    return lastPositive;
}

} // namespace cnsim
