#include "traffic/walkpool.h"

#include <algorithm>

namespace cnsim {

WalkPool::WalkPool(std::size_t capacity) : m_walks(capacity) {}

void WalkPool::beginWalk() {
    m_newest = m_newest + 1 == m_walks.size() ? 0 : m_newest + 1;
    m_walks[m_newest].clear();
    m_size = std::min(m_size + 1, m_walks.size());
}

void WalkPool::endWalk() {
    if (!m_tooLong) {
        return;
    }
    // Its slot (the oldest walk's, when the pool was full) goes back to being the next one.
    m_walks[m_newest].clear();
    m_newest = m_newest == 0 ? m_walks.size() - 1 : m_newest - 1;
    --m_size;
    m_tooLong = false;
}

} // namespace cnsim
