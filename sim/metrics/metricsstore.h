#pragma once

// MetricsStore: the per-second time series a run records, in creation order.
//
// Series names are "<object kind>/<object>/<metric>", e.g. "service/web/latency_p95_ms",
// "deployment/web/pods_running", "node/node-1/cpu_used_cores". One sample per simulated
// second, stamped with the end of the second it covers. The series kept per node and per pod
// ("node/<n>/cpu_used_cores", "pod/<p>/cpu_used_cores", "pod/<p>/cpu_utilization"), thousands
// in a large cluster, live in table(), one row per sample.
//
// append() only notes the sample; the noted samples are written into their series in batches,
// series by series, before anything reads the store (every const accessor does so) and when
// enough are waiting. A run with 100 Services and their versions appends about 1,850 series a
// second, each series' buffers elsewhere in memory: written one by one, nearly every sample
// waited for a cache miss. Readers see exactly the series they would have seen otherwise.
// The store is not thread-safe, not even for const access (which may write the batch).

#include "engine/simtime.h"
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
        writeNoted();
        return m_series;
    }
    // Adds a sample to the series `index` (from indexOf), after its earlier samples.
    void append(std::size_t index, SimTime time, double value);
    std::size_t indexOf(std::string_view name, std::string_view unit);
    // Keep only about the last `samples` samples of each series (between `samples` and twice
    // that; 0, the default, keeps everything), so a long run's memory stays flat. The table
    // keeps the run's last rows likewise (SeriesTable::setRetention).
    void setRetention(std::size_t samples) {
        writeNoted(); // under the retention they were appended with
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
    struct NotedSample {
        std::size_t series;
        SimTime time;
        double value;
    };
    void writeNoted() const;
    void write(TimeSeries& s, SimTime time, double value) const;

    // Mutable: const readers first write the noted samples into their series.
    mutable std::vector<TimeSeries> m_series;
    mutable std::vector<NotedSample> m_noted;   // in the order appended
    mutable std::vector<NotedSample> m_sorted;  // the batch grouped by series (reused buffer)
    mutable std::vector<std::size_t> m_firstOf; // per series, its offset in m_sorted (grouping)
    SeriesTable m_table;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_retention = 0;
};

} // namespace cnsim
