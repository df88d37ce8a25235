#pragma once

// FluidStatePool: aggregate mode's FluidStation states, each held once by all the pods in it.
//
// The pods of a Service get equal shares of its rate every second, so after a step most of
// them are in the same state. Keeping one reference-counted copy of each state, instead of a
// copy per pod, spares a 10,000-pod tick from writing and reading a FluidStation (four cache
// lines) per pod (docs/benchmarks.md, "Classroom").
//
// A holder (a pod's station) keeps an Id. step() moves a holder to the state after a step:
// in place when it is the state's only holder, else into a new state. follow() moves a holder
// to a state another holder reached by the same step (FluidStation::StepKey equal). A state's
// slot is reused once nobody holds it.

#include "traffic/fluidstation.h"

#include <cstdint>
#include <vector>

namespace cnsim {

class FluidStatePool {
public:
    using Id = std::uint32_t;

    // A new state with one holder.
    Id add(const FluidStation& state);
    // The holder of `id` lets go; the state is dropped when it was the last one.
    void release(Id id);
    const FluidStation& operator[](Id id) const { return m_states[id]; }

    // The holder of `id` steps; returns the state it holds afterwards.
    Id step(Id id, double arrivalRate, double meanWork, double seconds);
    // The holder of `from` moves to `to`, which it now holds too; returns `to`.
    Id follow(Id from, Id to);

    std::size_t holders(Id id) const { return m_holders[id]; }
    std::size_t live() const { return m_states.size() - m_free.size(); }
    std::size_t capacity() const { return m_states.size(); } // slots, held or free

private:
    std::vector<FluidStation> m_states;
    std::vector<std::uint32_t> m_holders; // per slot; 0: free
    std::vector<Id> m_free;
};

} // namespace cnsim
