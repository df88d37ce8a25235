#include "traffic/retrybudget.h"

#include <algorithm>

namespace cnsim {

RetryBudget::RetryBudget(double ratio, double minRetriesPerSecond, SimTime ttl) : m_ratio(ratio) {
    const auto seconds = std::max<std::int64_t>(1, ttl.toMicroseconds() / 1'000'000);
    m_requests.assign(static_cast<std::size_t>(seconds), 0);
    m_retries.assign(static_cast<std::size_t>(seconds), 0);
    m_reserve = minRetriesPerSecond * static_cast<double>(seconds);
}

void RetryBudget::roll(SimTime now) {
    const std::int64_t second = now.toMicroseconds() / 1'000'000;
    if (second <= m_second) {
        return;
    }
    const auto size = static_cast<std::int64_t>(m_requests.size());
    // Empty the buckets of the seconds that left the window (all of them after a long gap).
    const std::int64_t first = std::max(m_second + 1, second - size + 1);
    for (std::int64_t s = first; s <= second; ++s) {
        const auto i = static_cast<std::size_t>(s % size);
        m_requestSum -= m_requests[i];
        m_retrySum -= m_retries[i];
        m_requests[i] = 0;
        m_retries[i] = 0;
    }
    m_second = second;
}

void RetryBudget::deposit(SimTime now) {
    if (m_requests.empty()) {
        return;
    }
    roll(now);
    ++m_requests[static_cast<std::size_t>(m_second % static_cast<std::int64_t>(m_requests.size()))];
    ++m_requestSum;
}

bool RetryBudget::tryWithdraw(SimTime now) {
    if (m_requests.empty()) {
        return true;
    }
    roll(now);
    if (static_cast<double>(m_retrySum + 1) >
        m_ratio * static_cast<double>(m_requestSum) + m_reserve) {
        return false;
    }
    ++m_retries[static_cast<std::size_t>(m_second % static_cast<std::int64_t>(m_retries.size()))];
    ++m_retrySum;
    return true;
}

} // namespace cnsim
