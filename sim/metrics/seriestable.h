#pragma once

// SeriesTable: many series sampled at the same moments (per node and per pod), stored one row
// per sample. Recording 20,000 per-pod series a second then writes one contiguous row instead
// of the tail of 20,000 separate buffers, which is what made per-pod series the largest cost
// of a 10,000-pod run (docs/benchmarks.md, "Classroom").
//
// A column is one series ("pod/<p>/cpu_used_cores"). A row holds a cell for every column that
// existed when the row began; a cell not set in its row (a pod that was not running) is no
// sample. Rows may therefore differ in width: a column added later has no cells in older rows.
//
// Retention (setRetention) keeps the last `samples` to 2 × `samples` rows. When the older half
// is dropped, columns without any sample left are given up (their slots freed and the rows
// compacted), so a day of pods coming and going keeps the rows as wide as the pods of the last
// minutes; a column given up that is set again starts afresh.
//
// Each row is a buffer of its own; the buffers of dropped rows are kept and reused by the rows
// that follow, so a long run neither moves the kept rows nor allocates (nor faults in) fresh
// memory every `samples` rows. Which slots still have a sample is known from the last row each
// slot was given one in, without reading the kept rows. A row's cells are not filled before
// they are set: a bit per slot tells which ones were, and endRow() (or else the next
// beginRow()) marks the others NaN.

#include "engine/simtime.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

struct TimeSeries;

class SeriesTable {
public:
    // The column's index, creating it (with no samples) the first time.
    std::size_t column(std::string_view name, std::string_view unit);
    std::size_t columnCount() const { return m_columns.size(); }
    const std::string& name(std::size_t column) const { return m_columns[column].name; }
    const std::string& unit(std::size_t column) const { return m_columns[column].unit; }
    std::optional<std::size_t> find(std::string_view name) const;

    // Starts the row of the sample at `time` (after any earlier row), no cell set yet.
    void beginRow(SimTime time);
    // Sets a cell of the current row.
    void set(std::size_t column, double value) {
        const std::size_t slot = m_slotOf[column];
        if (slot == kNoSlot) {
            setInNewSlot(column, value);
            return;
        }
        m_rows.back()[slot] = value;
        if (!std::isnan(value)) {
            m_lastSampleRow[slot] = m_rowsBegun;
            m_setInRow[slot / 64] |= std::uint64_t{1} << (slot % 64);
        }
    }
    class RowWriter;
    // Marks the current row's unset cells as no sample. Optional (the next beginRow() does it),
    // but cheapest right after the cells were set, while the row is still in the cache.
    void endRow();

    // The column's samples, oldest first, as a series of its own.
    TimeSeries series(std::size_t column) const;
    std::optional<double> latest(std::size_t column) const;
    const std::vector<SimTime>& times() const { return m_times; }
    std::size_t slotsInUse() const { return m_slots; } // the width of a row begun now

    void setRetention(std::size_t samples) { m_retention = samples; }

private:
    friend class RowWriter;
    static constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
    struct Column {
        std::string name;
        std::string unit;
    };

    void setInNewSlot(std::size_t column, double value);
    double cell(std::size_t row, std::size_t slot) const;
    void dropOlderRows();
    void giveUpEmptyColumns();
    static void widen(std::vector<double>& cells, std::size_t width);

    std::vector<Column> m_columns;
    std::vector<std::size_t> m_slotOf; // per column, its cells' position in every row, or none
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_slots = 0;      // slots in use: the width of a row begun now
    std::vector<SimTime> m_times; // per row
    // Per row, its cells; NaN: no sample. Until the newest row ends, only the cells m_setInRow
    // has a bit for are set.
    std::vector<std::vector<double>> m_rows;
    std::vector<std::vector<double>> m_spareRows; // buffers of dropped rows, to be reused
    std::size_t m_rowsBegun = 0;                  // in the whole run, dropped rows included
    // Per slot, 1 + the run-wide number of the last row that has a sample in it; 0: none.
    std::vector<std::size_t> m_lastSampleRow;
    std::vector<std::uint64_t> m_setInRow; // per slot a bit: given a sample in the newest row
    bool m_rowOpen = false;                // the newest row has not ended
    std::size_t m_retention = 0;
};

// Sets cells of the current row as SeriesTable::set does, for a caller that sets thousands in
// one go (the metrics sample's pods): the row's arrays are held here instead of being read
// through the table at every cell, and the bits of the cells set are gathered a word at a time
// instead of each being or-ed into the table's word, a chain of stores each waiting for the one
// before. Use it between beginRow() and endRow(), adding no column while it lives; its bits
// reach the table when it is destroyed (or at flush()), which must come before endRow().
class SeriesTable::RowWriter {
public:
    explicit RowWriter(SeriesTable& table) : m_table(table) { holdArrays(); }
    ~RowWriter() { flush(); }
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    void set(std::size_t column, double value) {
        const std::size_t slot = m_slotOf[column];
        if (slot == kNoSlot) {
            // The table widens the row and its per-slot arrays, which may move them.
            flush();
            m_table.set(column, value);
            holdArrays();
            return;
        }
        m_cells[slot] = value;
        if (!std::isnan(value)) {
            m_lastSampleRow[slot] = m_row;
            if (slot / 64 != m_word) {
                flush();
                m_word = slot / 64;
            }
            m_bits |= std::uint64_t{1} << (slot % 64);
        }
    }
    void flush() {
        if (m_bits != 0) {
            m_table.m_setInRow[m_word] |= m_bits;
            m_bits = 0;
        }
    }

private:
    // Inline, like everything here: a writer that never leaves the caller's function can be
    // held in registers.
    void holdArrays() {
        m_slotOf = m_table.m_slotOf.data();
        m_cells = m_table.m_rows.back().data();
        m_lastSampleRow = m_table.m_lastSampleRow.data();
        m_row = m_table.m_rowsBegun;
    }

    SeriesTable& m_table;
    const std::size_t* m_slotOf = nullptr;
    double* m_cells = nullptr;
    std::size_t* m_lastSampleRow = nullptr;
    std::size_t m_row = 0;  // what m_lastSampleRow records for this row
    std::size_t m_word = 0; // the word of SeriesTable::m_setInRow that m_bits belong to
    std::uint64_t m_bits = 0;
};

} // namespace cnsim
