#pragma once

// SimTime: a point or span of simulated time, as an integer count of microseconds.
//
// Never a float, so runs are exact and reproducible across machines and compilers.
// Build values with the named constructors (seconds(3), milliseconds(250)); parse
// human durations ("90s", "5m", "1h30m", "250ms") only at the file boundary.

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace cnsim {

class SimTime {
public:
    constexpr SimTime() = default;

    static constexpr SimTime microseconds(std::int64_t us) { return SimTime(us); }
    static constexpr SimTime milliseconds(std::int64_t ms) { return SimTime(ms * 1'000); }
    static constexpr SimTime seconds(std::int64_t s) { return SimTime(s * 1'000'000); }
    static constexpr SimTime minutes(std::int64_t m) { return seconds(m * 60); }
    static constexpr SimTime hours(std::int64_t h) { return minutes(h * 60); }
    static constexpr SimTime zero() { return SimTime(0); }
    static constexpr SimTime max() { return SimTime(std::numeric_limits<std::int64_t>::max()); }
    // Rounds to the nearest microsecond; for converting a sampled delay, never for storing time.
    static SimTime fromSeconds(double s);

    constexpr std::int64_t toMicroseconds() const { return m_us; }
    constexpr double toSeconds() const { return static_cast<double>(m_us) / 1e6; }
    constexpr double toMilliseconds() const { return static_cast<double>(m_us) / 1e3; }

    constexpr auto operator<=>(const SimTime&) const = default;
    constexpr SimTime operator+(SimTime o) const { return SimTime(m_us + o.m_us); }
    constexpr SimTime operator-(SimTime o) const { return SimTime(m_us - o.m_us); }
    constexpr SimTime& operator+=(SimTime o) {
        m_us += o.m_us;
        return *this;
    }
    constexpr SimTime& operator-=(SimTime o) {
        m_us -= o.m_us;
        return *this;
    }
    constexpr SimTime operator*(std::int64_t k) const { return SimTime(m_us * k); }
    constexpr std::int64_t operator/(SimTime o) const { return m_us / o.m_us; }

private:
    constexpr explicit SimTime(std::int64_t us) : m_us(us) {}
    std::int64_t m_us = 0;
};

// Parses a duration such as "90s", "5m", "1h30m", "250ms", "100us", "1.5s" or "0".
// Units: h, m, s, ms, us. Returns nothing for malformed, negative or overflowing text.
std::optional<SimTime> parseDuration(std::string_view text);

// Shortest exact rendering that parseDuration reads back: "1h30m", "250ms", "0s".
std::string formatDuration(SimTime t);

// Clock rendering for displays and summaries: "00:01:30.250".
std::string formatClock(SimTime t);

} // namespace cnsim
