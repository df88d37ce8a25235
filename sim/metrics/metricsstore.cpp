#include "metrics/metricsstore.h"

namespace cnsim {

TimeSeries& MetricsStore::series(std::string_view name, std::string_view unit) {
    return m_series[indexOf(name, unit)];
}

std::size_t MetricsStore::indexOf(std::string_view name, std::string_view unit) {
    if (const auto it = m_index.find(name); it != m_index.end()) {
        return it->second;
    }
    m_series.push_back(TimeSeries{std::string(name), std::string(unit), {}, {}});
    m_index.emplace(std::string(name), m_series.size() - 1);
    return m_series.size() - 1;
}

const TimeSeries* MetricsStore::find(std::string_view name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_series[it->second];
}

std::optional<double> MetricsStore::latest(std::string_view name) const {
    if (const TimeSeries* s = find(name)) {
        return s->values.empty() ? std::nullopt : std::optional<double>(s->values.back());
    }
    const std::optional<std::size_t> column = m_table.find(name);
    return column ? m_table.latest(*column) : std::nullopt;
}

std::optional<TimeSeries> MetricsStore::copyOf(std::string_view name) const {
    if (const TimeSeries* s = find(name)) {
        return *s;
    }
    const std::optional<std::size_t> column = m_table.find(name);
    return column ? std::optional<TimeSeries>(m_table.series(*column)) : std::nullopt;
}

void MetricsStore::append(std::size_t index, SimTime time, double value) {
    TimeSeries& s = m_series.at(index);
    if (m_retention > 0 && s.times.capacity() < 2 * m_retention) {
        // Exactly what retention keeps: doubling growth would leave up to half unused in
        // every series, which is most of a 10,000-pod run's memory.
        s.times.reserve(2 * m_retention);
        s.values.reserve(2 * m_retention);
    }
    if (m_retention > 0 && s.times.size() >= 2 * m_retention) {
        // Drop the older half at once: amortised O(1) per sample, at most 2 × retention kept.
        const auto drop = static_cast<std::ptrdiff_t>(s.times.size() - m_retention);
        s.times.erase(s.times.begin(), s.times.begin() + drop);
        s.values.erase(s.values.begin(), s.values.begin() + drop);
    }
    s.times.push_back(time);
    s.values.push_back(value);
    // Samplers append series in creation order, each series' buffer elsewhere in memory: ask
    // for a later series' ends now, so its append does not wait for them (a run with 100
    // Services and their versions appends about 1,700 series a second).
    constexpr std::size_t kAhead = 4;
    if (index + kAhead < m_series.size()) {
        const TimeSeries& later = m_series[index + kAhead];
        __builtin_prefetch(later.times.data() + later.times.size(), 1);
        __builtin_prefetch(later.values.data() + later.values.size(), 1);
    }
}

} // namespace cnsim
