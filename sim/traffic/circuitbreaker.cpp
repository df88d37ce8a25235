#include "traffic/circuitbreaker.h"

#include <algorithm>

namespace cnsim {

CircuitBreaker::CircuitBreaker(const CircuitBreakerConfig& config) : m_config(config) {
    m_ring.reserve(static_cast<std::size_t>(
        std::max(config.slidingWindowSize, config.permittedNumberOfCallsInHalfOpenState)));
    resetWindow(static_cast<std::size_t>(std::max(config.slidingWindowSize, 1)));
}

void CircuitBreaker::resetWindow(std::size_t size) {
    m_ring.assign(size, 0); // within the reserved capacity: no allocation
    m_next = 0;
    m_size = 0;
    m_failed = 0;
    m_slow = 0;
}

double CircuitBreaker::failureRatePercent() const {
    return m_size == 0 ? 0.0 : 100.0 * static_cast<double>(m_failed) / static_cast<double>(m_size);
}

double CircuitBreaker::slowCallRatePercent() const {
    return m_size == 0 ? 0.0 : 100.0 * static_cast<double>(m_slow) / static_cast<double>(m_size);
}

void CircuitBreaker::transitionTo(State state, SimTime now) {
    m_state = state;
    ++m_transitions;
    switch (state) {
    case State::Closed:
        resetWindow(static_cast<std::size_t>(std::max(m_config.slidingWindowSize, 1)));
        break;
    case State::Open:
        m_openedAt = now;
        break;
    case State::HalfOpen:
        resetWindow(
            static_cast<std::size_t>(std::max(m_config.permittedNumberOfCallsInHalfOpenState, 1)));
        m_halfOpenPermits = m_config.permittedNumberOfCallsInHalfOpenState;
        break;
    }
}

bool CircuitBreaker::tryAcquirePermission(SimTime now) {
    if (m_state == State::Open) {
        if (now - m_openedAt < m_config.waitDurationInOpenState) {
            return false;
        }
        transitionTo(State::HalfOpen, now);
    }
    if (m_state == State::HalfOpen) {
        if (m_halfOpenPermits <= 0) {
            return false;
        }
        --m_halfOpenPermits;
    }
    return true;
}

void CircuitBreaker::record(bool failed, bool slow) {
    const std::uint8_t outcome = static_cast<std::uint8_t>((failed ? 1 : 0) | (slow ? 2 : 0));
    if (m_size == m_ring.size()) {
        const std::uint8_t old = m_ring[m_next];
        m_failed -= old & 1U;
        m_slow -= (old >> 1U) & 1U;
    } else {
        ++m_size;
    }
    m_ring[m_next] = outcome;
    m_next = (m_next + 1) % m_ring.size();
    m_failed += failed ? 1 : 0;
    m_slow += slow ? 1 : 0;
}

void CircuitBreaker::onResult(SimTime now, bool failed, SimTime duration) {
    if (m_state == State::Open) {
        return; // a call permitted before the circuit opened: upstream ignores it too
    }
    record(failed, duration > m_config.slowCallDurationThreshold);
    const bool overThreshold = failureRatePercent() >= m_config.failureRateThreshold ||
                               slowCallRatePercent() >= m_config.slowCallRateThreshold;
    if (m_state == State::Closed) {
        // Upstream: minimumNumberOfCalls = min(minimumNumberOfCalls, slidingWindowSize).
        const std::size_t minimum = std::min(
            static_cast<std::size_t>(std::max(m_config.minimumNumberOfCalls, 1)), m_ring.size());
        if (m_size >= minimum && overThreshold) {
            transitionTo(State::Open, now);
        }
        return;
    }
    // Half-open: decide once every permitted call has been recorded.
    if (m_size >= m_ring.size()) {
        transitionTo(overThreshold ? State::Open : State::Closed, now);
    }
}

} // namespace cnsim
