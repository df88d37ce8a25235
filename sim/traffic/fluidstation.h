#pragma once

// FluidStation: one pod as a queueing station in aggregate mode (docs/traffic.md "Aggregate
// mode"): the same station as PodServer — `workers` requests served at once (0: no limit),
// a FIFO queue of `queueCapacity` beyond them, processor sharing of C cores with at most one
// core per request — but driven by an arrival rate per interval instead of requests.
//
// Each interval (step) is one of two regimes:
//  - Stable (offered load below capacity, nothing left over): the number of requests present
//    is the stationary birth–death chain of the station — arrivals λ, departures
//    μ·min(n, s) with μ = 1 / mean work and s = min(C, workers) — truncated at
//    workers + queueCapacity when workers are limited (M/M/s/K; Kleinrock, Queueing Systems
//    vol. 1, §3.5–3.7). For n ≥ ⌈s⌉ the chain is geometric with ratio ρ = λ / (sμ), so a step
//    costs O(⌈s⌉), not O(K). The share turned away is the chain's P(n = K) (PASTA).
//  - Saturated (offered load at or above capacity, or a backlog left): a fluid queue. The
//    backlog grows by (λ − sμ)·Δ and drains at sμ; what exceeds the queue is turned away.
//
// A request's time at the station (sampleSojourn) is drawn from the state an arrival sees: n
// others present (from the chain, or the backlog), then its own CPU work x served at
// min(1, C / in-CPU) cores as if that number stayed fixed ("frozen state"), after waiting for
// the requests ahead of it in the queue. For M/M/1-PS this keeps the exact mean x / (1 − ρ)
// and puts p50 and p95 within 4 % of the exact processor-sharing sojourn at ρ ≤ 0.8 (checked
// in tests/traffic/test_fluidstation against a per-request run of PodServer).

#include "engine/random.h"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace cnsim {

class FluidStation {
public:
    FluidStation() = default;
    FluidStation(double capacityCores, int workers, int queueCapacity);

    // One interval of `seconds` with arrivals at `arrivalRate` (requests per second), each
    // needing `meanWork` core-seconds on average.
    void step(double arrivalRate, double meanWork, double seconds);

    // Everything a step reads: two stations with equal keys end a step in the same state, so
    // the pods of a Service, which get equal shares, are stepped once (FluidStatePool).
    struct StepKey {
        double capacity, limit, servers, backlog, arrivalRate, meanWork, seconds;
        int workers;
        bool operator==(const StepKey&) const = default;
    };
    StepKey stepKey(double arrivalRate, double meanWork, double seconds) const {
        return StepKey{m_capacity,   m_limit,  m_servers, m_backlog, arrivalRate,
                       meanWork,     seconds, m_workers};
    }
    // Behaves the same from here on: same parameters, same last step's results and the same
    // state an arrival finds (what a regime does not read, left from an earlier one, aside).
    bool operator==(const FluidStation& other) const;
    // A hash of what operator== compares: equal stations have equal signatures, so a pod whose
    // signature did not change samples alike (aggregate mode's walk reuse, walkpool.h).
    std::uint64_t signature() const;

    // The pod stopped or restarted: nothing is present any more.
    void reset();

    // Over the last interval.
    double dropFraction() const { return m_drop; }   // arrivals turned away (queue full)
    double busyCores() const { return m_busy; }      // CPU used for requests, average
    double meanPresent() const { return m_present; } // requests holding a worker or queued
    double meanQueued() const { return m_queued; }   // requests waiting for a worker
    bool saturated() const { return m_saturated; }
    double backlog() const { return m_backlog; }

    // Seconds one admitted request spends at the station (queue + CPU phase) for `work`
    // core-seconds of CPU, drawing the state it finds from `stream`.
    double sampleSojourn(double work, RandomStream& stream) const;

private:
    // The fields both regimes compare (operator==, signature).
    auto commonFields() const;
    // Requests present that an admitted arrival finds (not counting itself).
    double sampleOthers(RandomStream& stream) const;

    std::span<double> head();
    std::span<const double> head() const;
    std::span<double> resizeHead(std::size_t size);
    void shrinkHead(std::size_t size);

    double m_capacity = 1.0; // C, cores
    int m_workers = 0;       // 0: no limit
    double m_limit = 0.0;    // workers + queue when workers are limited, else 0 (none)
    double m_servers = 1.0;  // s = min(C, workers)

    double m_backlog = 0.0; // requests present when the last interval ended (saturated)
    double m_rate = 0.0;    // μ·s: requests per second the station completes when busy
    bool m_saturated = false;
    double m_drop = 0.0;
    double m_busy = 0.0;
    double m_present = 0.0;
    double m_queued = 0.0;
    double m_seenFrom = 0.0; // saturated: an arrival finds between these many requests
    double m_seenTo = 0.0;

    // Stable: P(n = k) for k ≤ m = ⌈s⌉ (unnormalized cumulative), then a geometric tail.
    // The head's weights are kept inline for pods of up to 8 cores, so a station's state is
    // one block: copying a step to an alike pod, or sampling it, touches no other memory.
    static constexpr std::size_t kInlineHead = 9;
    std::array<double, kInlineHead> m_headInline{}; // cumulative weights of n = 0 … m
    std::vector<double> m_headSpill;                // instead, when m ≥ kInlineHead
    std::size_t m_headSize = 0;
    double m_tailRatio = 0.0;   // ρ
    double m_tailWeight = 0.0;  // total weight of n > m (below the limit)
    double m_total = 0.0;       // head + tail weights of admitted states (n < limit)
};

} // namespace cnsim
