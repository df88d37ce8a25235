#pragma once

// Pending-event sets: the priority queues the engine keeps its future events in.
//
// A PendingEvent is a small value (24 bytes): the event time in microseconds, an order key
// packing (priority << 56 | insertion sequence), and the slot/generation pair that names the
// handler in the engine's slot table. The total order is (time, key), i.e. (time, priority,
// sequence); keys are unique, so every implementation pops events in exactly the same order.
//
// Every implementation satisfies the PendingEventSet concept and is tested against the same
// randomized reference (tests/engine/test_pendingset.cpp). The engine's default was chosen
// by measurement with the full engine loop (bench/, docs/benchmarks.md): the binary heap
// matched or beat the 4-ary heap at 1,000 and 100,000 pending, and the pairing heap lost by
// 1.5-3x (pointer chasing).
//
// Invariants: top() and pop() require !empty(). The sets know nothing about cancellation; the
// engine deletes lazily and uses removeIf() to compact when stale entries pile up.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cnsim {

struct PendingEvent {
    std::int64_t time = 0;  // microseconds
    std::uint64_t key = 0;  // priority in the top 8 bits, insertion sequence below
    std::uint32_t slot = 0; // index into the engine's slot table
    std::uint32_t generation = 0;
};

inline constexpr int kPriorityShift = 56;
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << kPriorityShift) - 1;

constexpr std::uint64_t makeEventKey(std::uint8_t priority, std::uint64_t sequence) {
    return (std::uint64_t{priority} << kPriorityShift) | sequence;
}

// Strict "runs before" on (time, priority, sequence).
constexpr bool runsBefore(const PendingEvent& a, const PendingEvent& b) {
    return a.time < b.time || (a.time == b.time && a.key < b.key);
}

template <class Set>
concept PendingEventSet = requires(Set set, const Set& constSet, const PendingEvent& event,
                                   bool (*predicate)(const PendingEvent&)) {
    {set.push(event)};
    { set.pop() } -> std::same_as<PendingEvent>;
    { constSet.top() } -> std::same_as<const PendingEvent&>;
    { constSet.empty() } -> std::same_as<bool>;
    { constSet.size() } -> std::same_as<std::size_t>;
    {set.clear()};
    {set.reserve(std::size_t{})};
    // Removes every entry the predicate selects; returns how many went.
    { set.removeIf(predicate) } -> std::same_as<std::size_t>;
};

// Implicit d-ary min-heap in one vector. Arity 4 halves the depth of a binary heap at the
// price of more comparisons per level; with 24-byte entries that did not pay off in our
// measurements, but it stays as the tested alternative. Sifting moves a hole instead of
// swapping, so each level costs one copy.
template <unsigned Arity>
class DaryHeap {
    static_assert(Arity >= 2);

public:
    static constexpr const char* kName = Arity == 2 ? "binary heap" : "4-ary heap";

    void push(const PendingEvent& event) {
        std::size_t hole = m_items.size();
        m_items.push_back(event);
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / Arity;
            if (!runsBefore(event, m_items[parent])) {
                break;
            }
            m_items[hole] = m_items[parent];
            hole = parent;
        }
        m_items[hole] = event;
    }

    PendingEvent pop() {
        const PendingEvent result = m_items.front();
        const PendingEvent last = m_items.back();
        m_items.pop_back();
        if (!m_items.empty()) {
            siftDown(0, last);
        }
        return result;
    }

    const PendingEvent& top() const { return m_items.front(); }
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    void clear() { m_items.clear(); }
    void reserve(std::size_t n) { m_items.reserve(n); }

    template <class Predicate>
    std::size_t removeIf(Predicate predicate) {
        const std::size_t before = m_items.size();
        std::erase_if(m_items, predicate);
        // Floyd's bottom-up heap construction: O(n).
        const std::size_t n = m_items.size();
        if (n > 1) {
            for (std::size_t i = (n - 2) / Arity + 1; i-- > 0;) {
                siftDown(i, m_items[i]);
            }
        }
        return before - m_items.size();
    }

private:
    void siftDown(std::size_t hole, const PendingEvent event) {
        const std::size_t n = m_items.size();
        for (;;) {
            const std::size_t first = hole * Arity + 1;
            if (first >= n) {
                break;
            }
            std::size_t best = first;
            const std::size_t end = first + Arity < n ? first + Arity : n;
            for (std::size_t c = first + 1; c < end; ++c) {
                if (runsBefore(m_items[c], m_items[best])) {
                    best = c;
                }
            }
            if (!runsBefore(m_items[best], event)) {
                break;
            }
            m_items[hole] = m_items[best];
            hole = best;
        }
        m_items[hole] = event;
    }

    std::vector<PendingEvent> m_items;
};

using BinaryHeap = DaryHeap<2>;
using QuaternaryHeap = DaryHeap<4>;

static_assert(PendingEventSet<BinaryHeap>);
static_assert(PendingEventSet<QuaternaryHeap>);

} // namespace cnsim
