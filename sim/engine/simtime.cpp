#include "engine/simtime.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace cnsim {

namespace {

struct DurationUnit {
    std::string_view suffix;
    std::int64_t microseconds;
};

// Longest suffix first, so "ms" is not read as "m" followed by garbage.
constexpr std::array<DurationUnit, 5> kUnits{{
    {"ms", 1'000},
    {"us", 1},
    {"h", 3'600'000'000},
    {"m", 60'000'000},
    {"s", 1'000'000},
}};

// GCC/Clang extension; __extension__ keeps -Wpedantic quiet about it.
__extension__ using WideInt = __int128;

constexpr std::int64_t kMaxMicroseconds = std::numeric_limits<std::int64_t>::max() / 2;

} // namespace

SimTime SimTime::fromSeconds(double s) {
    return SimTime(static_cast<std::int64_t>(std::llround(s * 1e6)));
}

std::optional<SimTime> parseDuration(std::string_view text) {
    if (text == "0") {
        return SimTime::zero();
    }
    if (text.empty()) {
        return std::nullopt;
    }
    std::int64_t total = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Integer part and optional fraction, in exact integer arithmetic.
        std::int64_t whole = 0;
        std::int64_t fraction = 0;
        std::int64_t fractionScale = 1;
        const std::size_t numberStart = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            whole = whole * 10 + (text[pos] - '0');
            if (whole > kMaxMicroseconds) {
                return std::nullopt;
            }
            ++pos;
        }
        const bool hadWhole = pos > numberStart;
        bool hadFraction = false;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                if (fractionScale < 1'000'000'000'000) {
                    fraction = fraction * 10 + (text[pos] - '0');
                    fractionScale *= 10;
                }
                hadFraction = true;
                ++pos;
            }
        }
        if (!hadWhole && !hadFraction) {
            return std::nullopt;
        }
        const DurationUnit* unit = nullptr;
        for (const auto& candidate : kUnits) {
            if (text.substr(pos, candidate.suffix.size()) == candidate.suffix) {
                unit = &candidate;
                break;
            }
        }
        if (unit == nullptr) {
            return std::nullopt;
        }
        pos += unit->suffix.size();
        if (whole > kMaxMicroseconds / unit->microseconds) {
            return std::nullopt;
        }
        // Fractions finer than a microsecond are rounded down: time is integer microseconds.
        // fraction (< 10^12) times an hour in microseconds (3.6e9) overflows 64 bits, so
        // this product is formed in 128 bits.
        const auto fractionPart = static_cast<std::int64_t>(static_cast<WideInt>(fraction) *
                                                            unit->microseconds / fractionScale);
        const std::int64_t part = whole * unit->microseconds + fractionPart;
        if (part > kMaxMicroseconds - total) {
            return std::nullopt;
        }
        total += part;
    }
    return SimTime::microseconds(total);
}

std::string formatDuration(SimTime t) {
    std::int64_t us = t.toMicroseconds();
    if (us == 0) {
        return "0s";
    }
    std::string out;
    if (us < 0) {
        out = "-";
        us = -us;
    }
    const std::int64_t hours = us / 3'600'000'000;
    us %= 3'600'000'000;
    const std::int64_t minutes = us / 60'000'000;
    us %= 60'000'000;
    const std::int64_t seconds = us / 1'000'000;
    us %= 1'000'000;
    if (hours > 0) {
        out += std::to_string(hours) + "h";
    }
    if (minutes > 0) {
        out += std::to_string(minutes) + "m";
    }
    if (seconds > 0) {
        out += std::to_string(seconds) + "s";
    }
    if (us > 0) {
        if (us % 1'000 == 0) {
            out += std::to_string(us / 1'000) + "ms";
        } else {
            out += std::to_string(us) + "us";
        }
    }
    return out;
}

std::string formatClock(SimTime t) {
    std::int64_t ms = t.toMicroseconds() / 1'000;
    const bool negative = ms < 0;
    if (negative) {
        ms = -ms;
    }
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s%02lld:%02lld:%02lld.%03lld", negative ? "-" : "",
                  static_cast<long long>(ms / 3'600'000),
                  static_cast<long long>((ms / 60'000) % 60),
                  static_cast<long long>((ms / 1'000) % 60), static_cast<long long>(ms % 1'000));
    return buffer;
}

} // namespace cnsim
