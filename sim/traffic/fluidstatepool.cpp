#include "traffic/fluidstatepool.h"

namespace cnsim {

FluidStatePool::Id FluidStatePool::add(const FluidStation& state) {
    if (!m_free.empty()) {
        const Id id = m_free.back();
        m_free.pop_back();
        m_states[id] = state;
        m_holders[id] = 1;
        return id;
    }
    m_states.push_back(state);
    m_holders.push_back(1);
    return static_cast<Id>(m_states.size() - 1);
}

void FluidStatePool::release(Id id) {
    if (--m_holders[id] == 0) {
        m_free.push_back(id);
    }
}

FluidStatePool::Id FluidStatePool::step(Id id, double arrivalRate, double meanWork,
                                        double seconds) {
    if (m_holders[id] == 1) {
        m_states[id].step(arrivalRate, meanWork, seconds);
        return id;
    }
    FluidStation next = m_states[id]; // others stay where they are
    next.step(arrivalRate, meanWork, seconds);
    release(id);
    return add(next);
}

FluidStatePool::Id FluidStatePool::follow(Id from, Id to) {
    ++m_holders[to];
    release(from);
    return to;
}

} // namespace cnsim
