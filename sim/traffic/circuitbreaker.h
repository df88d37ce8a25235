#pragma once

// CircuitBreaker: Resilience4j's CircuitBreaker state machine with a COUNT_BASED sliding
// window (io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine and
// FixedSizeSlidingWindowMetrics).
//
// CLOSED: every call's outcome goes into a ring of the last `slidingWindowSize` outcomes.
// Once at least `minimumNumberOfCalls` are recorded, a failure rate ≥ failureRateThreshold
// or a slow-call rate ≥ slowCallRateThreshold (a call slower than slowCallDurationThreshold,
// failed or not) opens the circuit. OPEN: calls are not permitted (the caller fails fast,
// without calling) until waitDurationInOpenState has passed; the next call then moves it to
// HALF_OPEN (automaticTransitionFromOpenToHalfOpenEnabled is false by default). HALF_OPEN:
// permittedNumberOfCallsInHalfOpenState calls go through, others are refused; when they have
// all been recorded, the rates over them decide: OPEN again, or CLOSED with a fresh window.
// Rates are compared as upstream does, in percent with ≥.
//
// No allocation after construction; a call costs O(1).

#include "engine/simtime.h"

#include <cstdint>
#include <vector>

namespace cnsim {

struct CircuitBreakerConfig {
    double failureRateThreshold = 50.0;   // percent
    double slowCallRateThreshold = 100.0; // percent
    SimTime slowCallDurationThreshold = SimTime::seconds(60);
    int slidingWindowSize = 100;
    int minimumNumberOfCalls = 100;
    SimTime waitDurationInOpenState = SimTime::seconds(60);
    int permittedNumberOfCallsInHalfOpenState = 10;
    bool operator==(const CircuitBreakerConfig&) const = default;
};

class CircuitBreaker {
public:
    enum class State : std::uint8_t { Closed = 0, Open = 1, HalfOpen = 2 };

    CircuitBreaker() = default;
    explicit CircuitBreaker(const CircuitBreakerConfig& config);

    // A call wants to go at `now`: true if permitted (then its outcome must be recorded).
    bool tryAcquirePermission(SimTime now);
    // The outcome of a permitted call: `failed`, and how long it took.
    void onResult(SimTime now, bool failed, SimTime duration);

    State state() const { return m_state; }
    // Bumped on every state change, so a caller can notice transitions cheaply.
    std::uint32_t transitions() const { return m_transitions; }
    double failureRatePercent() const;
    double slowCallRatePercent() const;

private:
    void record(bool failed, bool slow);
    void transitionTo(State state, SimTime now);
    void resetWindow(std::size_t size);

    CircuitBreakerConfig m_config;
    State m_state = State::Closed;
    std::vector<std::uint8_t> m_ring; // bit 0 failed, bit 1 slow
    std::size_t m_next = 0;
    std::size_t m_size = 0; // outcomes in the ring
    std::size_t m_failed = 0;
    std::size_t m_slow = 0;
    SimTime m_openedAt;
    int m_halfOpenPermits = 0;
    std::uint32_t m_transitions = 0;
};

} // namespace cnsim
