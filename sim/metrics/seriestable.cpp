#include "metrics/seriestable.h"

#include "metrics/metricsstore.h"

#include <cmath>
#include <limits>

namespace cnsim {

namespace {

constexpr double kNoSample = std::numeric_limits<double>::quiet_NaN();

} // namespace

std::size_t SeriesTable::column(std::string_view name, std::string_view unit) {
    if (const auto it = m_index.find(name); it != m_index.end()) {
        return it->second;
    }
    m_columns.push_back(Column{std::string(name), std::string(unit)});
    m_slotOf.push_back(kNoSlot);
    m_index.emplace(std::string(name), m_columns.size() - 1);
    return m_columns.size() - 1;
}

std::optional<std::size_t> SeriesTable::find(std::string_view name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

void SeriesTable::beginRow(SimTime time) {
    if (m_retention > 0 && m_times.size() >= 2 * m_retention) {
        dropOlderRows();
    }
    m_times.push_back(time);
    m_rowStart.push_back(m_cells.size());
    m_cells.resize(m_cells.size() + m_slots, kNoSample);
}

void SeriesTable::set(std::size_t column, double value) {
    std::size_t& slot = m_slotOf[column];
    if (slot == kNoSlot) {
        // A new column (or one given up): the next slot, which widens the current row by one.
        slot = m_slots++;
        m_cells.push_back(kNoSample);
    }
    m_cells[m_rowStart.back() + slot] = value;
}

std::size_t SeriesTable::rowWidth(std::size_t row) const {
    const std::size_t end = row + 1 < m_rowStart.size() ? m_rowStart[row + 1] : m_cells.size();
    return end - m_rowStart[row];
}

double SeriesTable::cell(std::size_t row, std::size_t slot) const {
    return slot < rowWidth(row) ? m_cells[m_rowStart[row] + slot] : kNoSample;
}

TimeSeries SeriesTable::series(std::size_t column) const {
    const Column& c = m_columns[column];
    TimeSeries s{c.name, c.unit, {}, {}};
    const std::size_t slot = m_slotOf[column];
    if (slot == kNoSlot) {
        return s;
    }
    for (std::size_t row = 0; row < m_times.size(); ++row) {
        const double value = cell(row, slot);
        if (!std::isnan(value)) {
            s.times.push_back(m_times[row]);
            s.values.push_back(value);
        }
    }
    return s;
}

std::optional<double> SeriesTable::latest(std::size_t column) const {
    const std::size_t slot = m_slotOf[column];
    if (slot == kNoSlot) {
        return std::nullopt;
    }
    for (std::size_t row = m_times.size(); row-- > 0;) {
        if (const double value = cell(row, slot); !std::isnan(value)) {
            return value;
        }
    }
    return std::nullopt;
}

void SeriesTable::dropOlderRows() {
    const std::size_t drop = m_times.size() - m_retention;
    const std::size_t firstKept = m_rowStart[drop];
    m_times.erase(m_times.begin(), m_times.begin() + static_cast<std::ptrdiff_t>(drop));
    m_rowStart.erase(m_rowStart.begin(), m_rowStart.begin() + static_cast<std::ptrdiff_t>(drop));
    for (std::size_t& start : m_rowStart) {
        start -= firstKept;
    }
    m_cells.erase(m_cells.begin(), m_cells.begin() + static_cast<std::ptrdiff_t>(firstKept));
    giveUpEmptyColumns();
}

// Slots whose column has no sample in the kept rows are freed; the others keep their order,
// and every row is rewritten without the freed cells, in place: a cell only ever moves to a
// lower position, and the buffer keeps its (already touched) memory.
void SeriesTable::giveUpEmptyColumns() {
    std::vector<bool> used(m_slots, false);
    for (std::size_t row = 0; row < m_times.size(); ++row) {
        const std::size_t start = m_rowStart[row];
        const std::size_t width = rowWidth(row);
        for (std::size_t slot = 0; slot < width; ++slot) {
            used[slot] = used[slot] || !std::isnan(m_cells[start + slot]);
        }
    }
    std::vector<std::size_t> renumbered(m_slots, kNoSlot);
    std::size_t kept = 0;
    for (std::size_t slot = 0; slot < m_slots; ++slot) {
        if (used[slot]) {
            renumbered[slot] = kept++;
        }
    }
    if (kept == m_slots) {
        return;
    }
    std::size_t write = 0;
    for (std::size_t row = 0; row < m_times.size(); ++row) {
        const std::size_t start = m_rowStart[row];
        const std::size_t width = rowWidth(row);
        m_rowStart[row] = write;
        for (std::size_t slot = 0; slot < width; ++slot) {
            if (renumbered[slot] != kNoSlot) {
                m_cells[write++] = m_cells[start + slot];
            }
        }
    }
    m_cells.resize(write);
    m_slots = kept;
    for (std::size_t& slot : m_slotOf) {
        if (slot != kNoSlot) {
            slot = renumbered[slot];
        }
    }
}

} // namespace cnsim
