#pragma once

// Fingerprint: a stable 64-bit FNV-1a hash over what a run did.
//
// Never std::hash: its values differ between standard libraries and runs. Integers are
// folded byte by byte in little-endian order, so the value is the same on every machine.

#include <cstdint>
#include <string>
#include <string_view>

namespace cnsim {

class Fingerprint {
public:
    static constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
    static constexpr std::uint64_t kPrime = 1099511628211ULL;

    void addBytes(const void* data, std::size_t size);
    void addU64(std::uint64_t value);
    void addI64(std::int64_t value) { addU64(static_cast<std::uint64_t>(value)); }
    // Length-prefixed, so ("ab","c") and ("a","bc") differ.
    void addString(std::string_view text);
    // FNV-1a over a whole 64-bit word instead of its bytes: one multiply, not eight, for the
    // thousands of values a large run folds each second. Chain it from kOffsetBasis and fold
    // the chain's end in with addU64.
    static constexpr std::uint64_t mixWord(std::uint64_t chain, std::uint64_t word) {
        return (chain ^ word) * kPrime;
    }

    std::uint64_t value() const { return m_state; }
    // 16 lower-case hex digits.
    std::string hex() const;

private:
    std::uint64_t m_state = kOffsetBasis;
};

// FNV-1a of a string on its own, e.g. to derive a random stream's seed from its name.
std::uint64_t fnv1a64(std::string_view text);

} // namespace cnsim
