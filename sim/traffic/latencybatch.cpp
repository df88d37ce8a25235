#include "traffic/latencybatch.h"

namespace cnsim {

void LatencyBatch::apply() {
    // Far enough ahead for a miss to be served while the additions between are made.
    constexpr std::size_t kAhead = 8;
    const std::size_t n = m_pending.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i + kAhead < n) {
            const Pending& later = m_pending[i + kAhead];
            later.histogram->prefetchBucket(later.bucket);
        }
        const Pending& p = m_pending[i];
        p.histogram->addToBucket(p.bucket, p.latency, p.count);
    }
    m_pending.clear();
}

} // namespace cnsim
