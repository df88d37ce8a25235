#include "engine/fingerprint.h"

#include <cstdio>

namespace cnsim {

void Fingerprint::addBytes(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t state = m_state;
    for (std::size_t i = 0; i < size; ++i) {
        state ^= bytes[i];
        state *= kPrime;
    }
    m_state = state;
}

void Fingerprint::addU64(std::uint64_t value) {
    // Shifts, not a memcpy of the integer, so the byte order is little-endian everywhere.
    std::uint64_t state = m_state;
    for (int i = 0; i < 8; ++i) {
        state ^= (value >> (8 * i)) & 0xffU;
        state *= kPrime;
    }
    m_state = state;
}

void Fingerprint::addString(std::string_view text) {
    addU64(text.size());
    addBytes(text.data(), text.size());
}

std::string Fingerprint::hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(m_state));
    return buffer;
}

std::uint64_t fnv1a64(std::string_view text) {
    Fingerprint f;
    f.addBytes(text.data(), text.size());
    return f.value();
}

} // namespace cnsim
