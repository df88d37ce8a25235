#pragma once

// PairingHeap: a pending-event set with O(1) push and amortized O(log n) pop (two-pass
// pairing). Kept as the pointer-based contender to the array heaps in pendingeventset.h; the
// benchmark (bench/enginebench.cpp) measures it against them with the full engine loop.
//
// Nodes live in one vector and link by 32-bit index, so the heap allocates only when the pool
// grows; freed nodes are chained through their sibling field and reused.

#include "engine/pendingeventset.h"

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace cnsim {

class PairingHeap {
public:
    static constexpr const char* kName = "pairing heap";

    void push(const PendingEvent& event) {
        const std::uint32_t node = allocateNode(event);
        m_root = m_size == 0 ? node : meld(m_root, node);
        ++m_size;
    }

    PendingEvent pop() {
        const std::uint32_t old = m_root;
        const PendingEvent result = m_nodes[old].event;
        m_root = mergePairs(m_nodes[old].child);
        freeNode(old);
        --m_size;
        return result;
    }

    const PendingEvent& top() const { return m_nodes[m_root].event; }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    void clear() {
        m_nodes.clear();
        m_root = kNil;
        m_freeList = kNil;
        m_size = 0;
    }

    void reserve(std::size_t n) { m_nodes.reserve(n); }

    template <class Predicate>
    std::size_t removeIf(Predicate predicate) {
        std::vector<PendingEvent> kept;
        kept.reserve(m_size);
        std::vector<std::uint32_t> stack;
        if (m_size != 0) {
            stack.push_back(m_root);
        }
        while (!stack.empty()) {
            const std::uint32_t node = stack.back();
            stack.pop_back();
            if (!predicate(m_nodes[node].event)) {
                kept.push_back(m_nodes[node].event);
            }
            if (m_nodes[node].child != kNil) {
                stack.push_back(m_nodes[node].child);
            }
            if (m_nodes[node].sibling != kNil) {
                stack.push_back(m_nodes[node].sibling);
            }
        }
        const std::size_t removed = m_size - kept.size();
        clear();
        for (const PendingEvent& event : kept) {
            push(event);
        }
        return removed;
    }

private:
    static constexpr std::uint32_t kNil = std::numeric_limits<std::uint32_t>::max();

    struct Node {
        PendingEvent event;
        std::uint32_t child = kNil;
        std::uint32_t sibling = kNil;
    };

    std::uint32_t allocateNode(const PendingEvent& event) {
        if (m_freeList != kNil) {
            const std::uint32_t node = m_freeList;
            m_freeList = m_nodes[node].sibling;
            m_nodes[node] = Node{event, kNil, kNil};
            return node;
        }
        m_nodes.push_back(Node{event, kNil, kNil});
        return static_cast<std::uint32_t>(m_nodes.size() - 1);
    }

    void freeNode(std::uint32_t node) {
        m_nodes[node].sibling = m_freeList;
        m_freeList = node;
    }

    // Makes the later-running root the first child of the other; returns the new root.
    std::uint32_t meld(std::uint32_t a, std::uint32_t b) {
        if (runsBefore(m_nodes[b].event, m_nodes[a].event)) {
            std::swap(a, b);
        }
        m_nodes[b].sibling = m_nodes[a].child;
        m_nodes[a].child = b;
        return a;
    }

    // Two-pass pairing: meld siblings pairwise left to right, then fold right to left.
    std::uint32_t mergePairs(std::uint32_t first) {
        if (first == kNil) {
            return kNil;
        }
        m_scratch.clear();
        while (first != kNil) {
            const std::uint32_t a = first;
            const std::uint32_t b = m_nodes[a].sibling;
            if (b == kNil) {
                m_nodes[a].sibling = kNil;
                m_scratch.push_back(a);
                break;
            }
            first = m_nodes[b].sibling;
            m_nodes[a].sibling = kNil;
            m_nodes[b].sibling = kNil;
            m_scratch.push_back(meld(a, b));
        }
        std::uint32_t root = m_scratch.back();
        for (std::size_t i = m_scratch.size() - 1; i-- > 0;) {
            root = meld(m_scratch[i], root);
        }
        return root;
    }

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_scratch;
    std::uint32_t m_root = kNil;
    std::uint32_t m_freeList = kNil;
    std::size_t m_size = 0;
};

static_assert(PendingEventSet<PairingHeap>);

} // namespace cnsim
