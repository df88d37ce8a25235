#include "metrics/metricsstore.h"

#include <stdexcept>
#include <string>

namespace cnsim {

namespace {

// Samples noted before a batch is written: about nine seconds of a large run (1,850 series).
// Larger batches were measured no faster: what remains is writing the series' own (cold)
// buffers, not reaching them.
constexpr std::size_t kBatchSamples = std::size_t{1} << 14;

} // namespace

TimeSeries& MetricsStore::series(std::string_view name, std::string_view unit) {
    const std::size_t index = indexOf(name, unit);
    writeNoted();
    return m_series[index];
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
    writeNoted();
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
    if (index >= m_series.size()) {
        throw std::out_of_range("MetricsStore::append: no series " + std::to_string(index));
    }
    m_noted.push_back(NotedSample{index, time, value});
    if (m_noted.size() >= kBatchSamples) {
        writeNoted();
    }
}

// A stable counting sort by series groups the batch, so each series' buffers are reached once
// per batch and its samples keep their order.
void MetricsStore::writeNoted() const {
    if (m_noted.empty()) {
        return;
    }
    m_firstOf.assign(m_series.size() + 1, 0);
    for (const NotedSample& n : m_noted) {
        ++m_firstOf[n.series + 1];
    }
    for (std::size_t i = 1; i < m_firstOf.size(); ++i) {
        m_firstOf[i] += m_firstOf[i - 1];
    }
    m_sorted.resize(m_noted.size());
    for (const NotedSample& n : m_noted) {
        m_sorted[m_firstOf[n.series]++] = n; // ends as the next series' first
    }
    m_noted.clear();
    // m_firstOf[s] is now the end of series s's samples. The buffers of the series a few
    // places on are asked for now, so that their cache misses overlap with this one's writes
    // instead of each series waiting for its own.
    constexpr std::size_t kAhead = 8;
    std::size_t begin = 0;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        if (const std::size_t later = s + kAhead; later < m_series.size()) {
            const TimeSeries& t = m_series[later];
            const std::size_t count = m_firstOf[later] - m_firstOf[later - 1];
            if (count > 0) {
                __builtin_prefetch(t.times.data() + t.times.size(), 1);
                __builtin_prefetch(t.times.data() + t.times.size() + count - 1, 1);
                __builtin_prefetch(t.values.data() + t.values.size(), 1);
                __builtin_prefetch(t.values.data() + t.values.size() + count - 1, 1);
            }
        }
        for (; begin < m_firstOf[s]; ++begin) {
            write(m_series[s], m_sorted[begin].time, m_sorted[begin].value);
        }
    }
}

void MetricsStore::write(TimeSeries& s, SimTime time, double value) const {
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
}

} // namespace cnsim
