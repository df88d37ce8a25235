#include "metrics/denserows.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cnsim {

std::size_t DenseRows::addColumn() {
    m_firstRow.push_back(m_rowsEnded); // the open row's number, or the next one's
    if (m_open) {
        m_rows.back().resize(m_firstRow.size());
    }
    return m_firstRow.size() - 1;
}

void DenseRows::beginRow(SimTime time) {
    if (m_open) {
        throw std::logic_error("DenseRows::beginRow: the previous row is still open");
    }
    std::vector<double> cells;
    if (!m_spareRows.empty()) {
        cells = std::move(m_spareRows.back());
        m_spareRows.pop_back();
    }
    // A reused buffer is as wide already (columns are never removed): nothing to write here,
    // the row's cells are all set before it is closed.
    cells.resize(m_firstRow.size());
    m_rows.push_back(std::move(cells));
    m_times.push_back(time);
    m_open = true;
    m_cellsSet = 0;
}

void DenseRows::endRow() {
    if (!m_open) {
        throw std::logic_error("DenseRows::endRow: no row is open");
    }
    if (m_cellsSet != m_firstRow.size()) {
        throw std::logic_error("DenseRows::endRow: " + std::to_string(m_cellsSet) +
                               " cells set, the row has " + std::to_string(m_firstRow.size()));
    }
    m_open = false;
    ++m_rowsEnded;
}

void DenseRows::dropRowsBefore(std::size_t row) {
    const std::size_t last = std::min(row, m_rowsEnded);
    for (; m_firstHeldRow < last; ++m_firstHeldRow) {
        m_spareRows.push_back(std::move(m_rows.front()));
        m_rows.pop_front();
        m_times.pop_front();
    }
}

} // namespace cnsim
