#pragma once

// DenseRows: series that have a sample in every row from the row they were added in, stored one
// row per sample. MetricsStore keeps the per-second series of Services, routes and versions
// here (about 1,850 in a run with 100 Services), so that a second's samples are one contiguous
// row instead of the tails of 1,850 separate buffers.
//
// Unlike SeriesTable's cells, every cell is a sample, NaN included: endRow() checks that each
// column was set. Rows are numbered from the first of the run. The rows held are those from
// firstHeldRow() on; dropRowsBefore() gives older ones up and their buffers are reused by the
// rows that follow, so a long run neither allocates nor faults in memory every second.

#include "engine/simtime.h"

#include <cstddef>
#include <deque>
#include <vector>

namespace cnsim {

class DenseRows {
public:
    // A new column, sampled from the row open now (if one is) or else from the next one begun.
    std::size_t addColumn();
    std::size_t columnCount() const { return m_firstRow.size(); }
    std::size_t firstRowOf(std::size_t column) const { return m_firstRow[column]; }

    // Opens the row of the sample at `time`, after any earlier one; its cells are unset.
    void beginRow(SimTime time);
    // Sets a cell of the open row, once per column.
    void set(std::size_t column, double value) {
        m_rows.back()[column] = value;
        ++m_cellsSet;
    }
    // Closes the open row; throws std::logic_error unless each of its cells was set.
    void endRow();

    // Rows begun and closed in the whole run; rows below it can be read.
    std::size_t rowsEnded() const { return m_rowsEnded; }
    std::size_t firstHeldRow() const { return m_firstHeldRow; }
    // A row held and closed.
    SimTime time(std::size_t row) const { return m_times[row - m_firstHeldRow]; }
    double cell(std::size_t row, std::size_t column) const {
        return m_rows[row - m_firstHeldRow][column];
    }
    // Gives up the closed rows before `row` (an open row is kept).
    void dropRowsBefore(std::size_t row);

private:
    std::vector<std::size_t> m_firstRow;          // per column, the first row it has a cell in
    std::deque<std::vector<double>> m_rows;       // held rows, oldest first; the last may be open
    std::deque<SimTime> m_times;                  // per held row
    std::vector<std::vector<double>> m_spareRows; // buffers of dropped rows, to be reused
    std::size_t m_firstHeldRow = 0;
    std::size_t m_rowsEnded = 0;
    bool m_open = false;
    std::size_t m_cellsSet = 0; // in the open row
};

} // namespace cnsim
