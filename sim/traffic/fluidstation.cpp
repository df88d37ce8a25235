#include "traffic/fluidstation.h"

#include "engine/fingerprint.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <tuple>

namespace cnsim {

namespace {

// Closed forms of the geometric tail, with a direct sum where they lose precision (ρ → 1).
// Σ_{j=1..J} ρ^j and Σ_{j=1..J} j·ρ^j; J = ∞ when `infinite`.
struct TailSums {
    double weight = 0.0;
    double weighted = 0.0;
};

TailSums geometricTail(double rho, double count, bool infinite) {
    TailSums sums;
    if (rho <= 0.0 || (!infinite && count < 1.0)) {
        return sums;
    }
    if (!infinite && (1.0 - rho < 1e-6 || count <= 64.0)) {
        double term = 1.0;
        for (double j = 1.0; j <= count; j += 1.0) {
            term *= rho;
            sums.weight += term;
            sums.weighted += j * term;
        }
        return sums;
    }
    const double rhoJ = infinite ? 0.0 : std::pow(rho, count);
    const double oneMinus = 1.0 - rho;
    sums.weight = rho * (1.0 - rhoJ) / oneMinus;
    sums.weighted =
        rho * (1.0 - (count + 1.0) * rhoJ + count * rhoJ * rho) / (oneMinus * oneMinus);
    if (infinite) {
        sums.weighted = rho / (oneMinus * oneMinus);
    }
    return sums;
}

} // namespace

FluidStation::FluidStation(double capacityCores, int workers, int queueCapacity)
    : m_capacity(std::max(capacityCores, 1e-9)), m_workers(std::max(workers, 0)) {
    m_servers = m_workers > 0 ? std::min(m_capacity, static_cast<double>(m_workers)) : m_capacity;
    m_limit = m_workers > 0 ? static_cast<double>(m_workers) + std::max(queueCapacity, 0) : 0.0;
    resizeHead(1)[0] = 1.0;
    m_total = 1.0;
}

void FluidStation::reset() {
    m_backlog = 0.0;
    m_saturated = false;
    m_drop = m_busy = m_present = m_queued = m_seenFrom = m_seenTo = 0.0;
    resizeHead(1)[0] = 1.0;
    m_tailRatio = m_tailWeight = 0.0;
    m_total = 1.0;
}

void FluidStation::step(double arrivalRate, double meanWork, double seconds) {
    const double lambda = std::max(arrivalRate, 0.0);
    if (meanWork <= 0.0 || seconds <= 0.0) {
        reset(); // no CPU work: nothing ever waits
        return;
    }
    const double mu = 1.0 / meanWork;
    m_rate = m_servers * mu;
    const double rho = lambda / m_rate;

    if (m_backlog > 1e-9 || rho >= 1.0) {
        // Saturated: a fluid queue. An arrival finds somewhere between the backlog at the
        // start and at the end of the interval (sampleOthers draws uniformly between them).
        const double before = m_backlog;
        double after = before + (lambda - m_rate) * seconds;
        double dropped = 0.0;
        if (m_limit > 0.0 && after > m_limit) {
            dropped = after - m_limit;
            after = m_limit;
        }
        after = std::max(after, 0.0);
        const double served = lambda * seconds - dropped + before - after;
        m_busy = std::min(std::max(served, 0.0) * meanWork / seconds,
                          m_servers); // each request uses at most one core
        m_drop = lambda > 0.0 ? dropped / (lambda * seconds) : 0.0;
        m_present = 0.5 * (before + after);
        m_queued = m_workers > 0 ? std::max(m_present - m_workers, 0.0) : 0.0;
        m_seenFrom = before;
        m_seenTo = after;
        m_backlog = after;
        m_saturated = true;
        return;
    }

    // Stable: the stationary chain. Head n = 0 … m explicitly, tail geometric in ρ.
    m_saturated = false;
    m_backlog = 0.0;
    const double offered = lambda / mu; // a = λ / μ
    const auto m = static_cast<std::size_t>(std::max(1.0, std::ceil(m_servers)));
    const bool infinite = m_limit <= 0.0;
    const std::size_t limit =
        infinite ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(m_limit);
    // The head first holds the weights p_k of n = k ≤ m (p_0 = 1), then their running sums.
    const std::span<double> p = resizeHead(m + 1);
    p[0] = 1.0;
    for (std::size_t k = 1; k <= m; ++k) {
        p[k] = p[k - 1] * offered / std::min(static_cast<double>(k), m_servers);
    }
    const double pm = p[m];
    const double tailCount = infinite ? 0.0 : static_cast<double>(limit - m);
    const TailSums tail = geometricTail(rho, tailCount, infinite);
    double headWeight = 0.0;
    double headWeighted = 0.0;
    for (std::size_t k = 0; k <= m; ++k) {
        headWeight += p[k];
        headWeighted += static_cast<double>(k) * p[k];
    }
    const double all = headWeight + pm * tail.weight;
    // P(n = K): an arrival finding the queue full is turned away.
    double full = 0.0;
    if (!infinite) {
        full = limit == m ? pm : pm * std::pow(rho, tailCount);
    }
    m_drop = full / all;
    m_present = (headWeighted + pm * (static_cast<double>(m) * tail.weight + tail.weighted)) / all;
    m_queued = 0.0;
    if (m_workers > 0 && limit > static_cast<std::size_t>(m_workers)) {
        // Σ_{k>W} (k − W)·p_k = p_m·ρ^(W−m)·Σ_{i=1..K−W} i·ρ^i.
        const double beyond = static_cast<double>(limit - static_cast<std::size_t>(m_workers));
        const TailSums queue = geometricTail(rho, beyond, false);
        m_queued = pm * std::pow(rho, static_cast<double>(m_workers) - static_cast<double>(m)) *
                   queue.weighted / all;
    }
    m_busy = std::min(lambda * (1.0 - m_drop) * meanWork, m_servers);

    // What an admitted arrival finds: states below the limit.
    shrinkHead(std::min<std::size_t>(m + 1, limit));
    double cumulative = 0.0;
    for (double& weight : head()) {
        cumulative += weight;
        weight = cumulative;
    }
    m_tailRatio = rho;
    // The tail's states m+1 … K−1 (K itself turns arrivals away).
    m_tailWeight = limit > m ? std::max(pm * tail.weight - full, 0.0) : 0.0;
    m_total = cumulative + m_tailWeight;
}

auto FluidStation::commonFields() const {
    return std::tie(m_capacity, m_workers, m_limit, m_servers, m_backlog, m_rate, m_saturated,
                    m_drop, m_busy, m_present, m_queued);
}

bool FluidStation::operator==(const FluidStation& other) const {
    if (commonFields() != other.commonFields()) {
        return false;
    }
    if (m_saturated) {
        return m_seenFrom == other.m_seenFrom && m_seenTo == other.m_seenTo;
    }
    const std::span<const double> mine = head();
    const std::span<const double> theirs = other.head();
    return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end()) &&
           m_tailRatio == other.m_tailRatio && m_tailWeight == other.m_tailWeight &&
           m_total == other.m_total;
}

std::uint64_t FluidStation::signature() const {
    std::uint64_t chain = Fingerprint::kOffsetBasis;
    const auto mix = [&chain](double value) {
        chain = Fingerprint::mixWord(chain, std::bit_cast<std::uint64_t>(value));
    };
    std::apply([&mix](const auto&... field) { (mix(static_cast<double>(field)), ...); },
               commonFields());
    if (m_saturated) {
        mix(m_seenFrom);
        mix(m_seenTo);
        return chain;
    }
    for (const double weight : head()) {
        mix(weight);
    }
    mix(m_tailRatio);
    mix(m_tailWeight);
    mix(m_total);
    return chain;
}

std::span<double> FluidStation::head() {
    return {m_headSize <= kInlineHead ? m_headInline.data() : m_headSpill.data(), m_headSize};
}

std::span<const double> FluidStation::head() const {
    return {m_headSize <= kInlineHead ? m_headInline.data() : m_headSpill.data(), m_headSize};
}

std::span<double> FluidStation::resizeHead(std::size_t size) {
    if (size > kInlineHead && m_headSpill.size() < size) {
        m_headSpill.resize(size);
    }
    m_headSize = size;
    return head();
}

// Keeps the first `size` weights, moving them inline when they fit there now.
void FluidStation::shrinkHead(std::size_t size) {
    if (m_headSize > kInlineHead && size <= kInlineHead) {
        std::copy_n(m_headSpill.begin(), size, m_headInline.begin());
    }
    m_headSize = std::min(m_headSize, size);
}

double FluidStation::sampleOthers(RandomStream& stream) const {
    const double u = stream.uniform01();
    if (m_saturated) {
        return m_seenFrom + u * (m_seenTo - m_seenFrom);
    }
    const double target = u * m_total;
    const std::span<const double> weights = head();
    if (target < weights.back() || m_tailWeight <= 0.0) {
        const auto it = std::upper_bound(weights.begin(), weights.end(), target);
        return static_cast<double>(std::min<std::ptrdiff_t>(
            it - weights.begin(), static_cast<std::ptrdiff_t>(weights.size()) - 1));
    }
    // Tail n = m + j, j ≥ 1, P(j) ∝ ρ^j up to J = K − 1 − m: inverse of the truncated
    // geometric distribution.
    const double m = static_cast<double>(weights.size() - 1);
    const double within = std::clamp((target - weights.back()) / m_tailWeight, 0.0, 1.0);
    const double rho = m_tailRatio;
    const double count = m_limit > 0.0 ? m_limit - 1.0 - m : std::numeric_limits<double>::infinity();
    const double rhoJ = std::isinf(count) ? 0.0 : std::pow(rho, count);
    const double j = std::ceil(std::log1p(-within * (1.0 - rhoJ)) / std::log(rho));
    return m + std::clamp(j, 1.0, std::max(count, 1.0));
}

double FluidStation::sampleSojourn(double work, RandomStream& stream) const {
    const double present = sampleOthers(stream) + 1.0; // itself included
    const double inCpu = m_workers > 0 ? std::min(present, static_cast<double>(m_workers)) : present;
    const double ahead = m_workers > 0 ? std::max(present - m_workers, 0.0) : 0.0;
    const double wait = ahead > 0.0 && m_rate > 0.0 ? ahead / m_rate : 0.0;
    return wait + work * std::max(1.0, inCpu / m_capacity);
}

} // namespace cnsim
