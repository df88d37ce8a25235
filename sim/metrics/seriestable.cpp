#include "metrics/seriestable.h"

#include "metrics/metricsstore.h"

#include <bit>
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
    endRow();
    if (m_retention > 0 && m_times.size() >= 2 * m_retention) {
        dropOlderRows();
    }
    std::vector<double> cells;
    if (!m_spareRows.empty()) {
        cells = std::move(m_spareRows.back());
        m_spareRows.pop_back();
    }
    widen(cells, m_slots);
    cells.resize(m_slots); // what a reused buffer holds is marked at endRow(), not overwritten
    m_times.push_back(time);
    m_rows.push_back(std::move(cells));
    ++m_rowsBegun;
    m_setInRow.assign((m_slots + 63) / 64, 0);
    m_rowOpen = true;
}

void SeriesTable::endRow() {
    if (!m_rowOpen) {
        return;
    }
    m_rowOpen = false;
    std::vector<double>& cells = m_rows.back();
    for (std::size_t word = 0; word < m_setInRow.size(); ++word) {
        for (std::uint64_t unset = ~m_setInRow[word]; unset != 0; unset &= unset - 1) {
            const std::size_t slot = word * 64 + static_cast<std::size_t>(std::countr_zero(unset));
            if (slot >= cells.size()) {
                break; // the bits past the last slot
            }
            cells[slot] = kNoSample;
        }
    }
}

// A new column (or one given up): the next slot, which widens the current row by one.
void SeriesTable::setInNewSlot(std::size_t column, double value) {
    m_slotOf[column] = m_slots++;
    m_lastSampleRow.push_back(0);
    if (m_setInRow.size() * 64 < m_slots) {
        m_setInRow.push_back(0);
    }
    std::vector<double>& cells = m_rows.back();
    widen(cells, m_slots);
    cells.push_back(kNoSample);
    set(column, value);
}

// Room for `width` cells and some more: a row that widens (pods starting) reallocates now and
// then, not at every new column, and never doubles, which would cost memory in every row.
void SeriesTable::widen(std::vector<double>& cells, std::size_t width) {
    if (cells.capacity() < width) {
        cells.reserve(width + width / 32 + 64);
    }
}

double SeriesTable::cell(std::size_t row, std::size_t slot) const {
    const std::vector<double>& cells = m_rows[row];
    if (slot >= cells.size()) {
        return kNoSample;
    }
    if (m_rowOpen && row + 1 == m_rows.size() &&
        (m_setInRow[slot / 64] & (std::uint64_t{1} << (slot % 64))) == 0) {
        return kNoSample; // not set (yet) in the open row
    }
    return cells[slot];
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
    const auto drop = static_cast<std::ptrdiff_t>(m_times.size() - m_retention);
    m_times.erase(m_times.begin(), m_times.begin() + drop);
    for (auto row = m_rows.begin(); row != m_rows.begin() + drop; ++row) {
        m_spareRows.push_back(std::move(*row));
    }
    m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
    giveUpEmptyColumns();
}

// Slots whose column has no sample in the kept rows are freed; the others keep their order,
// and every row is rewritten without the freed cells, in place.
void SeriesTable::giveUpEmptyColumns() {
    const std::size_t firstKeptRow = m_rowsBegun - m_times.size();
    std::vector<std::size_t> renumbered(m_slots, kNoSlot);
    std::size_t kept = 0;
    for (std::size_t slot = 0; slot < m_slots; ++slot) {
        if (m_lastSampleRow[slot] > firstKeptRow) {
            m_lastSampleRow[kept] = m_lastSampleRow[slot];
            renumbered[slot] = kept++;
        }
    }
    if (kept == m_slots) {
        return;
    }
    m_lastSampleRow.resize(kept);
    for (std::vector<double>& cells : m_rows) {
        std::size_t write = 0;
        for (std::size_t slot = 0; slot < cells.size(); ++slot) {
            if (renumbered[slot] != kNoSlot) {
                cells[write++] = cells[slot];
            }
        }
        cells.resize(write);
    }
    m_slots = kept;
    for (std::size_t& slot : m_slotOf) {
        if (slot != kNoSlot) {
            slot = renumbered[slot];
        }
    }
}

} // namespace cnsim
