#pragma once

// MetricsStore: the per-second time series a run records, in creation order.
//
// Series names are "<object kind>/<object>/<metric>", e.g. "service/web/latency_p95_ms",
// "deployment/web/pods_running", "node/node-1/cpu_used_cores". One sample per simulated
// second, stamped with the end of the second it covers.

#include "engine/simtime.h"

#include <cstddef>
#include <map>
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
    const std::vector<TimeSeries>& all() const { return m_series; }
    void append(std::size_t index, SimTime time, double value);
    std::size_t indexOf(std::string_view name, std::string_view unit);
    // Keep only about the last `samples` samples of each series (between `samples` and twice
    // that; 0, the default, keeps everything), so a long run's memory stays flat.
    void setRetention(std::size_t samples) { m_retention = samples; }

private:
    std::vector<TimeSeries> m_series;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::size_t m_retention = 0;
};

} // namespace cnsim
