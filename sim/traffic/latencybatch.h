#pragma once

// LatencyBatch: histogram additions noted during aggregate mode's sampling and made
// together afterwards.
//
// A sampled request adds its latency to its Service's and its version's window histograms:
// about 10,000 additions a second in a 100-Service run, each to a bucket line that the rest
// of the second has pushed out of cache. Made as they come, each waited for its miss in the
// middle of the request's arithmetic; made in a batch, the buckets a few additions ahead are
// asked for early, so the misses overlap. Additions commute (counts and sums are integers,
// lowest/highest/max are order-free), so the histograms end exactly as before.

#include "metrics/latencyhistogram.h"

#include <cstdint>
#include <vector>

namespace cnsim {

class LatencyBatch {
public:
    // Notes `count` requests of `latency` (in `bucket`, LatencyHistogram::bucketOf) for
    // `histogram`, which must outlive apply().
    void add(LatencyHistogram& histogram, std::size_t bucket, SimTime latency,
             std::uint64_t count) {
        m_pending.push_back(Pending{&histogram, bucket, latency, count});
    }
    // Makes every noted addition, in the order noted, and forgets them.
    void apply();
    bool empty() const { return m_pending.empty(); }

private:
    struct Pending {
        LatencyHistogram* histogram;
        std::size_t bucket;
        SimTime latency;
        std::uint64_t count;
    };
    std::vector<Pending> m_pending;
};

} // namespace cnsim
