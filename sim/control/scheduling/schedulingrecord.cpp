#include "control/scheduling/schedulingrecord.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace cnsim {

namespace {

template <class T>
bool fits(std::int64_t lo, std::int64_t hi) {
    return lo >= std::numeric_limits<T>::min() && hi <= std::numeric_limits<T>::max();
}

template <class T>
void pack(std::vector<std::uint8_t>& out, std::span<const std::int64_t> values) {
    out.resize(values.size() * sizeof(T));
    for (std::size_t i = 0; i < values.size(); ++i) {
        const T v = static_cast<T>(values[i]);
        std::memcpy(out.data() + i * sizeof(T), &v, sizeof(T));
    }
}

template <class T>
std::int64_t unpack(const std::vector<std::uint8_t>& data, std::size_t i) {
    T v;
    std::memcpy(&v, data.data() + i * sizeof(T), sizeof(T));
    return static_cast<std::int64_t>(v);
}

} // namespace

void PackedInts::assign(std::span<const std::int64_t> values) {
    m_size = values.size();
    if (values.empty()) {
        m_data.clear();
        m_width = 1;
        return;
    }
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (fits<std::int8_t>(*lo, *hi)) {
        m_width = 1;
        pack<std::int8_t>(m_data, values);
    } else if (fits<std::int16_t>(*lo, *hi)) {
        m_width = 2;
        pack<std::int16_t>(m_data, values);
    } else if (fits<std::int32_t>(*lo, *hi)) {
        m_width = 4;
        pack<std::int32_t>(m_data, values);
    } else {
        m_width = 8;
        pack<std::int64_t>(m_data, values);
    }
}

std::int64_t PackedInts::operator[](std::size_t i) const {
    switch (m_width) {
    case 1:
        return unpack<std::int8_t>(m_data, i);
    case 2:
        return unpack<std::int16_t>(m_data, i);
    case 4:
        return unpack<std::int32_t>(m_data, i);
    default:
        return unpack<std::int64_t>(m_data, i);
    }
}

std::size_t SchedulingRecord::bytes() const {
    return sizeof(SchedulingRecord) + pod.capacity() + nameSpace.capacity() +
           schedulerName.capacity() + message.capacity() +
           verdicts.capacity() * sizeof(std::uint32_t) + normalized.bytes() + raw.bytes();
}

} // namespace cnsim
