#include "scenario/quantity.h"

#include <array>
#include <cstdint>
#include <limits>

namespace cnsim {

namespace {

// GCC's 128-bit integer gives exact products of a 19-digit mantissa and a 2^60 suffix
// without overflow; __extension__ keeps -Wpedantic quiet about the non-standard type.
__extension__ typedef unsigned __int128 Wide;

constexpr Wide kMaxValue = static_cast<Wide>(std::numeric_limits<std::int64_t>::max());

struct Suffix {
    std::string_view text;
    int binaryShift;  // multiply by 2^binaryShift
    int decimalShift; // multiply by 10^decimalShift
};

// Kubernetes' suffixes (k8s.io/apimachinery/pkg/api/resource/suffix.go). Two-letter
// binary suffixes first so "Mi" is not read as "M" followed by garbage.
constexpr std::array<Suffix, 16> kSuffixes{{
    {"Ki", 10, 0},
    {"Mi", 20, 0},
    {"Gi", 30, 0},
    {"Ti", 40, 0},
    {"Pi", 50, 0},
    {"Ei", 60, 0},
    {"n", 0, -9},
    {"u", 0, -6},
    {"m", 0, -3},
    {"k", 0, 3},
    {"M", 0, 6},
    {"G", 0, 9},
    {"T", 0, 12},
    {"P", 0, 15},
    {"E", 0, 18},
    {"", 0, 0},
}};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

enum class Failure { None, Empty, Negative, Malformed, TooPrecise, TooLarge };

// Parses `text` and returns its value times 10^scaleExponent as an exact integer.
Failure parseScaled(std::string_view text, int scaleExponent, std::int64_t& result) {
    if (text.empty()) {
        return Failure::Empty;
    }
    std::size_t pos = 0;
    if (text[pos] == '+' || text[pos] == '-') {
        if (text[pos] == '-') {
            // "-0" is still a negative sign on a quantity; reject it with the clearer reason
            // only when the rest parses, so "-abc" reads as malformed.
            std::int64_t ignored = 0;
            const Failure rest = parseScaled(text.substr(1), scaleExponent, ignored);
            return rest == Failure::Malformed || rest == Failure::Empty ? Failure::Malformed
                                                                        : Failure::Negative;
        }
        ++pos;
    }
    std::string digits;
    int fractionDigits = 0;
    bool seenDot = false;
    bool anyDigit = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (isDigit(c)) {
            anyDigit = true;
            if (seenDot) {
                ++fractionDigits;
            }
            // Leading zeros carry no value; fractionDigits still counts them.
            if (!(digits.empty() && c == '0')) {
                digits += c;
            }
        } else if (c == '.' && !seenDot) {
            seenDot = true;
        } else {
            break;
        }
    }
    if (!anyDigit) {
        return Failure::Malformed;
    }
    int exponent = 0;
    const std::string_view rest = text.substr(pos);
    bool matched = false;
    if (!rest.empty() && (rest[0] == 'e' || rest[0] == 'E') && rest.size() > 1 &&
        (isDigit(rest[1]) || rest[1] == '-' || rest[1] == '+')) {
        std::size_t i = 1;
        bool negativeExponent = false;
        if (rest[i] == '-' || rest[i] == '+') {
            negativeExponent = rest[i] == '-';
            ++i;
        }
        if (i >= rest.size()) {
            return Failure::Malformed;
        }
        for (; i < rest.size(); ++i) {
            if (!isDigit(rest[i])) {
                return Failure::Malformed;
            }
            exponent = exponent * 10 + (rest[i] - '0');
            if (exponent > 1000) {
                return negativeExponent ? Failure::TooPrecise : Failure::TooLarge;
            }
        }
        if (negativeExponent) {
            exponent = -exponent;
        }
        matched = true;
    }
    int binaryShift = 0;
    if (!matched) {
        for (const Suffix& suffix : kSuffixes) {
            if (rest == suffix.text) {
                binaryShift = suffix.binaryShift;
                exponent = suffix.decimalShift;
                matched = true;
                break;
            }
        }
    }
    if (!matched) {
        return Failure::Malformed;
    }
    if (digits.empty()) {
        result = 0;
        return Failure::None;
    }
    // Trailing zeros of the mantissa move into the exponent, so "1000000000000000000000m"
    // does not look larger than it is.
    int decimalExponent = exponent + scaleExponent - fractionDigits;
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
        ++decimalExponent;
    }
    if (digits.size() > 19) {
        // More significant digits than an int64 holds: either too large or too precise.
        return decimalExponent >= 0 || static_cast<int>(digits.size()) + decimalExponent > 19
                   ? Failure::TooLarge
                   : Failure::TooPrecise;
    }
    Wide value = 0;
    for (const char c : digits) {
        value = value * 10 + static_cast<Wide>(c - '0');
    }
    value <<= binaryShift;
    if (decimalExponent >= 0) {
        for (int i = 0; i < decimalExponent; ++i) {
            if (value > kMaxValue) {
                return Failure::TooLarge;
            }
            value *= 10;
        }
    } else {
        // value < 2^124 < 10^38, so dividing by 10^38 or more always leaves a fraction.
        if (decimalExponent < -37) {
            return Failure::TooPrecise;
        }
        Wide divisor = 1;
        for (int i = 0; i < -decimalExponent; ++i) {
            divisor *= 10;
        }
        if (value % divisor != 0) {
            return Failure::TooPrecise;
        }
        value /= divisor;
    }
    if (value > kMaxValue) {
        return Failure::TooLarge;
    }
    result = static_cast<std::int64_t>(value);
    return Failure::None;
}

std::string reason(Failure failure, std::string_view precisionReason, std::string_view examples) {
    switch (failure) {
    case Failure::None:
        return {};
    case Failure::Empty:
        return "the value is empty; expected a quantity such as " + std::string(examples);
    case Failure::Negative:
        return "negative values are not allowed";
    case Failure::Malformed:
        return "not a Kubernetes quantity; expected e.g. " + std::string(examples);
    case Failure::TooPrecise:
        return std::string(precisionReason);
    case Failure::TooLarge:
        return "the value is too large";
    }
    return {};
}

} // namespace

QuantityResult<CpuMillis> parseCpu(std::string_view text) {
    std::int64_t millis = 0;
    const Failure failure = parseScaled(text, 3, millis);
    if (failure != Failure::None) {
        return {std::nullopt,
                reason(failure, "CPU finer than 1m (a thousandth of a core) cannot be expressed",
                       "500m, 1.5 or 2")};
    }
    return {CpuMillis{millis}, {}};
}

QuantityResult<Bytes> parseMemory(std::string_view text) {
    std::int64_t bytes = 0;
    const Failure failure = parseScaled(text, 0, bytes);
    if (failure != Failure::None) {
        return {std::nullopt, reason(failure, "memory must be a whole number of bytes",
                                     "512Mi, 2Gi, 1G or 128974848")};
    }
    return {Bytes{bytes}, {}};
}

std::string formatCpu(CpuMillis cpu) {
    if (cpu.value % 1000 == 0) {
        return std::to_string(cpu.value / 1000);
    }
    return std::to_string(cpu.value) + "m";
}

std::string formatMemory(Bytes memory) {
    const std::int64_t bytes = memory.value;
    if (bytes == 0) {
        return "0";
    }
    static constexpr std::array<std::string_view, 6> kBinary{"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    for (int i = static_cast<int>(kBinary.size()) - 1; i >= 0; --i) {
        const std::int64_t unit = std::int64_t{1} << (10 * (i + 1));
        if (bytes % unit == 0) {
            return std::to_string(bytes / unit) + std::string(kBinary[static_cast<std::size_t>(i)]);
        }
    }
    static constexpr std::array<std::string_view, 6> kDecimal{"k", "M", "G", "T", "P", "E"};
    std::int64_t unit = 1'000'000'000'000'000'000;
    for (int i = static_cast<int>(kDecimal.size()) - 1; i >= 0; --i, unit /= 1000) {
        if (bytes % unit == 0) {
            return std::to_string(bytes / unit) +
                   std::string(kDecimal[static_cast<std::size_t>(i)]);
        }
    }
    return std::to_string(bytes);
}

} // namespace cnsim
