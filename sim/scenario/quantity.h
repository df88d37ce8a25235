#pragma once

// Kubernetes resource quantities ("500m", "1.5", "2Gi", "129e6") parsed into typed values,
// and the canonical text written back.
//
// Parsing is exact (integer arithmetic, no floating point) so "0.1" is exactly 100m and
// "1.5Gi" exactly 1610612736 bytes. Values Kubernetes would round (a fraction of a
// millicore or of a byte) are rejected here, because a scenario file should say what it
// means. Invariant: parseCpu(formatCpu(x)) == x and parseMemory(formatMemory(x)) == x for
// every non-negative value.

#include "scenario/units.h"

#include <optional>
#include <string>
#include <string_view>

namespace cnsim {

template <typename T>
struct QuantityResult {
    std::optional<T> value;
    std::string error; // why the text was rejected, e.g. "negative values are not allowed"
};

// CPU: "500m", "0.5", "2", "1e3m". Rejects negatives, malformed text, sub-millicore
// precision ("0.0005") and values that do not fit in 64 bits.
QuantityResult<CpuMillis> parseCpu(std::string_view text);

// Memory: "512Mi", "2Gi", "1G", "128974848", "129e6", "1.5Gi". Rejects negatives,
// malformed text, fractions of a byte and values that do not fit in 64 bits.
QuantityResult<Bytes> parseMemory(std::string_view text);

// Whole cores as "2", otherwise millicores "500m".
std::string formatCpu(CpuMillis cpu);

// The largest exact binary suffix ("2Gi", "512Mi"), else the largest exact decimal suffix
// ("129M"), else plain bytes.
std::string formatMemory(Bytes memory);

} // namespace cnsim
