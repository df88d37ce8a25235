#include "traffic/walkpool.h"

#include <algorithm>

namespace cnsim {

WalkPool::WalkPool(std::size_t capacity) : m_walks(capacity) {}

void WalkPool::beginWalk() {
    m_newest = m_newest + 1 == m_walks.size() ? 0 : m_newest + 1;
    m_walks[m_newest].clear();
    m_size = std::min(m_size + 1, m_walks.size());
}

} // namespace cnsim
