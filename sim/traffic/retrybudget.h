#pragma once

// RetryBudget: how many retries a client may make, as Finagle's RetryBudget and Linkerd's
// retryBudget define it. Over the last `ttl` the retries stay at most
//   ratio × first attempts + minRetriesPerSecond × ttl,
// so retries add at most `ratio` to the load once traffic is high, and a trickle of traffic
// can still retry. Counts live in one-second buckets over the window (at most 60), so a
// deposit or a withdrawal is O(1) amortised and allocates nothing.

#include "engine/simtime.h"

#include <cstdint>
#include <vector>

namespace cnsim {

class RetryBudget {
public:
    RetryBudget() = default;
    RetryBudget(double ratio, double minRetriesPerSecond, SimTime ttl);

    // A first attempt was made.
    void deposit(SimTime now);
    // A retry wants to go: true (and counted) if the budget allows it.
    bool tryWithdraw(SimTime now);

    std::uint64_t requestsInWindow() const { return m_requestSum; }
    std::uint64_t retriesInWindow() const { return m_retrySum; }

private:
    void roll(SimTime now);

    std::vector<std::uint32_t> m_requests;
    std::vector<std::uint32_t> m_retries;
    std::int64_t m_second = 0;
    std::uint64_t m_requestSum = 0;
    std::uint64_t m_retrySum = 0;
    double m_ratio = 0.2;
    double m_reserve = 100.0;
};

} // namespace cnsim
