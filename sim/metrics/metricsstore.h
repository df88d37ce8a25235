#pragma once

// MetricsStore: the per-second time series a run records, in creation order.
//
// Series names are "<object kind>/<object>/<metric>", e.g. "service/web/latency_p95_ms",
// "deployment/web/pods_running", "node/node-1/cpu_used_cores". One sample per simulated
// second, stamped with the end of the second it covers. The series kept per node and per pod
// ("node/<n>/cpu_used_cores", "pod/<p>/cpu_used_cores", "pod/<p>/cpu_utilization"), thousands
// in a large cluster, live in table(), one row per sample.
//
// Series are written in two ways, and read alike through find(), all(), latest() and copyOf():
// - Dense series (denseColumn()) have a sample in every row from the row they were created in:
//   the recorder's per-Service, per-route and per-version series, about 1,850 a second in a run
//   with 100 Services. A second's samples are one contiguous row (DenseRows, between
//   beginDenseRow() and endDenseRow()); the rows are copied into the series only when
//   something reads the store, and with a retention only the samples the series keep.
// - Other series (indexOf(), append()) take a sample at any time: append() only notes it, and
//   the noted samples are written into their series in batches, series by series.
// Readers see exactly the series they would have seen had every sample been written at once.
// Every const accessor first writes what waits, so the store is not thread-safe, not even for
// const access.

#include "engine/simtime.h"
#include "metrics/denserows.h"
#include "metrics/seriestable.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

struct TimeSeries {
    std::string name;
    std::string unit; // "1/s", "ms", "pods", "cores", "ratio"
    std::vector<SimTime> times;
    std::vector<double> values;
};

class MetricsStore {
public:
    // Returns the series, creating it (empty) the first time.
    TimeSeries& series(std::string_view name, std::string_view unit);
    const TimeSeries* find(std::string_view name) const;
    const std::vector<TimeSeries>& all() const {
        writeWaiting();
        return m_series;
    }
    // Adds a sample to the series `index` (from indexOf), after its earlier samples.
    void append(std::size_t index, SimTime time, double value);
    // The series' index, creating it the first time; not for a dense series' name.
    std::size_t indexOf(std::string_view name, std::string_view unit);

    // A new column of the dense series `name` (created the first time): it has a sample in every
    // row from the one open now (or else the next one begun) on. A name asked for again (two
    // Services of the same name in two namespaces) gets another column: each row then gives
    // the series one sample per column, in the order the columns were made.
    std::size_t denseColumn(std::string_view name, std::string_view unit);
    // The row of the dense series' samples at `time`; every dense series must be set in it
    // before endDenseRow() (which throws std::logic_error otherwise).
    void beginDenseRow(SimTime time) { m_dense.beginRow(time); }
    void setDense(std::size_t column, double value) { m_dense.set(column, value); }
    void endDenseRow();

    // Keep only about the last `samples` samples of each series (between `samples` and twice
    // that; 0, the default, keeps everything), so a long run's memory stays flat. The table
    // keeps the run's last rows likewise (SeriesTable::setRetention).
    void setRetention(std::size_t samples) {
        writeWaiting(); // under the retention they were taken with
        m_retention = samples;
        m_table.setRetention(samples);
    }

    SeriesTable& table() { return m_table; }
    const SeriesTable& table() const { return m_table; }
    // The last sample of a series or of a table column, by name.
    std::optional<double> latest(std::string_view name) const;
    // A copy of a series or of a table column, by name.
    std::optional<TimeSeries> copyOf(std::string_view name) const;

private:
    static constexpr std::size_t kNotDense = static_cast<std::size_t>(-1);
    struct NotedSample {
        std::size_t series;
        SimTime time;
        double value;
    };
    struct DenseSeries {
        std::size_t series;               // in m_series
        std::vector<std::size_t> columns; // ascending, so their first rows ascend too
    };
    std::size_t addSeries(std::string_view name, std::string_view unit, bool dense);
    void writeWaiting() const {
        writeNoted();
        writeDenseRows();
    }
    void writeNoted() const;
    void writeDenseRows() const;
    void writeDenseSeries(const DenseSeries& dense, std::size_t end) const;
    void write(TimeSeries& s, SimTime time, double value) const;
    std::size_t sizeAfter(std::size_t size, std::size_t added) const;

    // Mutable: const readers first write the noted samples and dense rows into their series.
    mutable std::vector<TimeSeries> m_series;
    std::vector<std::size_t> m_denseOf;         // per series, its m_denseSeries or kNotDense
    mutable std::vector<NotedSample> m_noted;   // in the order appended
    mutable std::vector<NotedSample> m_sorted;  // the batch grouped by series (reused buffer)
    mutable std::vector<std::size_t> m_firstOf; // per series, its offset in m_sorted (grouping)
    mutable DenseRows m_dense;
    std::vector<DenseSeries> m_denseSeries;
    // Dense rows before this one are in their series (every column is written at once).
    mutable std::size_t m_denseRowsWritten = 0;
    SeriesTable m_table;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_retention = 0;
};

} // namespace cnsim
