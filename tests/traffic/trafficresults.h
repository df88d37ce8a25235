#pragma once

// Reading a traffic test's results: one Service's row of the run summary, and the sum of a
// metrics series (a rate per second summed is a count).

#include "model/simulation.h"

#include <QtGlobal>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>

namespace cnsim::test {

// A copy, so callers may pass the temporary sim.summary().
inline ServiceSummary service(const RunSummary& summary, const std::string& name) {
    for (const ServiceSummary& s : summary.services) {
        if (s.name == name) {
            return s;
        }
    }
    qFatal("no service %s", name.c_str());
}

inline TimeSeries series(const Simulation& sim, const std::string& name) {
    std::optional<TimeSeries> found = sim.metrics().copyOf(name);
    if (!found) {
        qFatal("no series %s", name.c_str());
    }
    return *std::move(found);
}

inline double seriesSum(const Simulation& sim, const std::string& name) {
    const TimeSeries s = series(sim, name);
    return std::accumulate(s.values.begin(), s.values.end(), 0.0);
}

// `count` successes of `n` independent trials with probability p lie within four standard
// deviations of n·p (a check that fails by chance about once in 16,000 runs).
inline bool nearBinomial(double count, double n, double p) {
    return std::abs(count - n * p) < 4.0 * std::sqrt(n * p * (1.0 - p));
}

} // namespace cnsim::test
