#include "metrics/metricsstore.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cnsim {

namespace {

// Samples noted before a batch is written. Larger batches were measured no faster: what
// remains is writing the series' own (cold) buffers, not reaching them.
constexpr std::size_t kBatchSamples = std::size_t{1} << 14;
// Dense rows held, without a retention, before they are copied into their series unread: each
// series then receives a run of samples at once, and the rows stay a few MiB.
constexpr std::size_t kDenseRowsBeforeWrite = 64;

} // namespace

TimeSeries& MetricsStore::series(std::string_view name, std::string_view unit) {
    const std::size_t index = indexOf(name, unit);
    writeWaiting();
    return m_series[index];
}

std::size_t MetricsStore::indexOf(std::string_view name, std::string_view unit) {
    if (const auto it = m_index.find(name); it != m_index.end()) {
        if (m_denseOf[it->second] != kNotDense) {
            throw std::logic_error("MetricsStore::indexOf: " + std::string(name) +
                                   " is a dense series");
        }
        return it->second;
    }
    return addSeries(name, unit, false);
}

std::size_t MetricsStore::denseColumn(std::string_view name, std::string_view unit) {
    std::size_t series = 0;
    if (const auto it = m_index.find(name); it != m_index.end()) {
        series = it->second;
        if (m_denseOf[series] == kNotDense) {
            throw std::logic_error("MetricsStore::denseColumn: " + std::string(name) +
                                   " is not a dense series");
        }
    } else {
        series = addSeries(name, unit, true);
    }
    const std::size_t column = m_dense.addColumn();
    m_denseSeries[m_denseOf[series]].columns.push_back(column);
    return column;
}

std::size_t MetricsStore::addSeries(std::string_view name, std::string_view unit, bool dense) {
    const std::size_t series = m_series.size();
    m_series.push_back(TimeSeries{std::string(name), std::string(unit), {}, {}});
    m_index.emplace(std::string(name), series);
    m_denseOf.push_back(dense ? m_denseSeries.size() : kNotDense);
    if (dense) {
        m_denseSeries.push_back(DenseSeries{series, {}});
    }
    return series;
}

const TimeSeries* MetricsStore::find(std::string_view name) const {
    writeWaiting();
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_series[it->second];
}

// Without writing what waits where it is not needed: the studio asks every node's and
// Service's latest sample many times a second.
std::optional<double> MetricsStore::latest(std::string_view name) const {
    const auto it = m_index.find(name);
    if (it == m_index.end()) {
        const std::optional<std::size_t> column = m_table.find(name);
        return column ? m_table.latest(*column) : std::nullopt;
    }
    if (const std::size_t dense = m_denseOf[it->second]; dense != kNotDense) {
        // A dense row not yet written holds the series' last sample, in its last column.
        const std::size_t column = m_denseSeries[dense].columns.back();
        const std::size_t rows = m_dense.rowsEnded();
        if (rows > m_denseRowsWritten && m_dense.firstRowOf(column) < rows) {
            return m_dense.cell(rows - 1, column);
        }
    }
    const TimeSeries* s = find(name);
    return s->values.empty() ? std::nullopt : std::optional<double>(s->values.back());
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

void MetricsStore::endDenseRow() {
    m_dense.endRow();
    const std::size_t end = m_dense.rowsEnded();
    if (m_retention > 0) {
        // A series keeps at most its last 2 × retention samples: older rows would never be read.
        if (end > 2 * m_retention) {
            m_dense.dropRowsBefore(end - 2 * m_retention);
        }
    } else if (end - m_denseRowsWritten >= kDenseRowsBeforeWrite) {
        writeDenseRows();
    }
}

// Series by series, so that each one's buffers are written in one run.
void MetricsStore::writeDenseRows() const {
    const std::size_t end = m_dense.rowsEnded();
    if (m_denseRowsWritten == end) {
        return;
    }
    for (const DenseSeries& dense : m_denseSeries) {
        writeDenseSeries(dense, end);
    }
    m_denseRowsWritten = end;
    m_dense.dropRowsBefore(end);
}

// The series ends as write() would have left it, given each new sample in turn: with the last
// sizeAfter() of its old and new samples. Only those are read, so rows a retention made
// useless may be gone already.
void MetricsStore::writeDenseSeries(const DenseSeries& dense, std::size_t end) const {
    const auto startOf = [&](std::size_t column) {
        return std::max(m_dense.firstRowOf(column), m_denseRowsWritten);
    };
    std::size_t added = 0;
    for (const std::size_t column : dense.columns) {
        added += end - std::min(startOf(column), end);
    }
    if (added == 0) {
        return;
    }
    TimeSeries& s = m_series[dense.series];
    const std::size_t size = s.times.size();
    const std::size_t kept = sizeAfter(size, added);
    const std::size_t keptNew = std::min(kept, added);
    const auto dropOld = static_cast<std::ptrdiff_t>(size - (kept - keptNew));
    s.times.erase(s.times.begin(), s.times.begin() + dropOld);
    s.values.erase(s.values.begin(), s.values.begin() + dropOld);
    if (m_retention > 0 && s.times.capacity() < 2 * m_retention) {
        s.times.reserve(2 * m_retention); // as write() does
        s.values.reserve(2 * m_retention);
    }
    // Skip the new samples that would be dropped: rows in stretches with the same columns in
    // use (columns made later start later), then samples within a row.
    std::size_t skip = added - keptNew;
    std::size_t row = startOf(dense.columns.front());
    std::size_t inUse = 0; // the first inUse columns have a sample in `row`
    while (true) {
        while (inUse < dense.columns.size() && startOf(dense.columns[inUse]) <= row) {
            ++inUse;
        }
        const std::size_t next =
            inUse < dense.columns.size() ? std::min(startOf(dense.columns[inUse]), end) : end;
        if (skip < (next - row) * inUse) {
            row += skip / inUse;
            skip %= inUse;
            break;
        }
        skip -= (next - row) * inUse;
        row = next;
    }
    for (; row < end; ++row) {
        const SimTime time = m_dense.time(row);
        for (const std::size_t column : dense.columns) {
            if (startOf(column) > row) {
                break;
            }
            if (skip > 0) {
                --skip;
                continue;
            }
            s.times.push_back(time);
            s.values.push_back(m_dense.cell(row, column));
        }
    }
}

// The size of a series of `size` samples after write() added `added` more.
std::size_t MetricsStore::sizeAfter(std::size_t size, std::size_t added) const {
    if (m_retention == 0) {
        return size + added;
    }
    const std::size_t full = 2 * m_retention;
    while (added > 0) {
        if (size >= full) {
            size = m_retention;
        }
        const std::size_t step = std::min(added, full - size);
        size += step;
        added -= step;
    }
    return size;
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
