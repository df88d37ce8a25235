#include "traffic/walkpool.h"

#include <algorithm>

namespace cnsim {

WalkPool::WalkPool(std::size_t capacity) : m_walks(capacity) {}

void WalkPool::beginWalk() {
    m_walks[m_next].clear();
    m_next = (m_next + 1) % m_walks.size();
    m_size = std::min(m_size + 1, m_walks.size());
}

std::span<const WalkUpdate> WalkPool::walk(std::size_t age) const {
    const std::size_t slot = (m_next + 2 * m_walks.size() - 1 - age) % m_walks.size();
    return m_walks[slot];
}

} // namespace cnsim
