#pragma once

// Typed resource amounts. Kubernetes quantities ("500m", "1.5", "512Mi", "2Gi") are parsed
// once, at the file boundary (quantity.h), into these; nothing downstream sees a bare number.

#include <compare>
#include <cstdint>

namespace cnsim {

// CPU in thousandths of a core: CpuMillis{500} is half a core ("500m").
struct CpuMillis {
    std::int64_t value = 0;
    constexpr auto operator<=>(const CpuMillis&) const = default;
    constexpr CpuMillis operator+(CpuMillis o) const { return {value + o.value}; }
    constexpr CpuMillis operator-(CpuMillis o) const { return {value - o.value}; }
    constexpr CpuMillis& operator+=(CpuMillis o) {
        value += o.value;
        return *this;
    }
    constexpr CpuMillis& operator-=(CpuMillis o) {
        value -= o.value;
        return *this;
    }
    constexpr double cores() const { return static_cast<double>(value) / 1000.0; }
};

// Memory in bytes: Bytes{512 * 1024 * 1024} is "512Mi".
struct Bytes {
    std::int64_t value = 0;
    constexpr auto operator<=>(const Bytes&) const = default;
    constexpr Bytes operator+(Bytes o) const { return {value + o.value}; }
    constexpr Bytes operator-(Bytes o) const { return {value - o.value}; }
    constexpr Bytes& operator+=(Bytes o) {
        value += o.value;
        return *this;
    }
    constexpr Bytes& operator-=(Bytes o) {
        value -= o.value;
        return *this;
    }
    static constexpr Bytes mebibytes(std::int64_t n) { return {n * 1024 * 1024}; }
    static constexpr Bytes gibibytes(std::int64_t n) { return {n * 1024 * 1024 * 1024}; }
};

} // namespace cnsim
