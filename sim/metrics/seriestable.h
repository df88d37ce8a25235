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

#include "engine/simtime.h"

#include <cstddef>
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
    void set(std::size_t column, double value);

    // The column's samples, oldest first, as a series of its own.
    TimeSeries series(std::size_t column) const;
    std::optional<double> latest(std::size_t column) const;
    const std::vector<SimTime>& times() const { return m_times; }
    std::size_t slotsInUse() const { return m_slots; } // the width of a row begun now

    void setRetention(std::size_t samples) { m_retention = samples; }

private:
    static constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
    struct Column {
        std::string name;
        std::string unit;
    };

    std::size_t rowWidth(std::size_t row) const;
    double cell(std::size_t row, std::size_t slot) const;
    void dropOlderRows();
    void giveUpEmptyColumns();

    std::vector<Column> m_columns;
    std::vector<std::size_t> m_slotOf; // per column, its cells' position in every row, or none
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_slots = 0;              // slots in use: the width of a row begun now
    std::vector<SimTime> m_times;         // per row
    std::vector<std::size_t> m_rowStart;  // per row, its first cell in m_cells
    std::vector<double> m_cells;          // rows one after another; NaN: no sample
    std::size_t m_retention = 0;
};

} // namespace cnsim
