#pragma once

// EngineCore<Set>: the event loop behind Engine, templated on the pending-event set so the
// benchmark and the tests can run the very same loop over every set we keep. Engine (engine.h)
// is the stable public face and wraps EngineCore<DefaultPendingEventSet>; model code should
// use Engine, not this header.
//
// Storage: handlers live in a slot table; the pending-event set holds only 24-byte
// PendingEvent values naming (slot, generation). An EventId is (generation << 32 | slot).
// A slot's generation changes whenever its event runs or is cancelled, so a stale EventId or
// a stale set entry is recognised by a generation mismatch: cancel is O(1) and the set entry
// is dropped lazily.
//
// Invariants:
//  - the set's top entry is never stale (cancel() and step() drop stale tops), so
//    peekNextTime() is const and exact;
//  - m_live counts pending, not-cancelled events; m_stale counts cancelled entries still in
//    the set; m_live + m_stale == set size;
//  - time never goes backwards: scheduling before now() throws std::invalid_argument.

#include "engine/fingerprint.h"
#include "engine/pendingeventset.h"
#include "engine/simtime.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cnsim {

template <PendingEventSet Set>
class EngineCore {
public:
    using Handler = std::function<void()>;

    SimTime now() const { return SimTime::microseconds(m_now); }

    std::uint64_t schedule(SimTime delay, Handler fn, std::uint8_t priority) {
        if (delay < SimTime::zero()) {
            throw std::invalid_argument("Engine::schedule: negative delay " +
                                        formatDuration(delay) + " would run before now (" +
                                        formatDuration(now()) + ")");
        }
        if (delay > SimTime::max() - now()) {
            throw std::invalid_argument("Engine::schedule: now + delay overflows SimTime");
        }
        return scheduleAt(now() + delay, std::move(fn), priority);
    }

    std::uint64_t scheduleAt(SimTime at, Handler fn, std::uint8_t priority) {
        if (at.toMicroseconds() < m_now) {
            throw std::invalid_argument("Engine::scheduleAt: time " + formatDuration(at) +
                                        " is before now (" + formatDuration(now()) + ")");
        }
        if (!fn) {
            throw std::invalid_argument("Engine::scheduleAt: empty handler");
        }
        if (m_sequence > kMaxSequence) {
            throw std::overflow_error("Engine: event sequence numbers exhausted");
        }
        std::uint32_t slot;
        if (m_freeSlots.empty()) {
            if (m_slots.size() >= kMaxSlots) {
                throw std::length_error("Engine: too many pending events");
            }
            slot = static_cast<std::uint32_t>(m_slots.size());
            m_slots.emplace_back();
        } else {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
        }
        Slot& s = m_slots[slot];
        s.fn = std::move(fn);
        m_set.push(PendingEvent{at.toMicroseconds(), makeEventKey(priority, m_sequence++), slot,
                                s.generation});
        ++m_live;
        return (std::uint64_t{s.generation} << 32) | slot;
    }

    bool cancel(std::uint64_t id) {
        const auto slot = static_cast<std::uint32_t>(id & 0xffff'ffffU);
        const auto generation = static_cast<std::uint32_t>(id >> 32);
        if (generation == 0 || slot >= m_slots.size() || m_slots[slot].generation != generation) {
            return false;
        }
        releaseSlot(slot);
        --m_live;
        ++m_stale;
        dropStaleTop();
        // Bound the memory held by cancelled entries: compact once they outnumber live ones.
        if (m_stale > kMinStaleToCompact && m_stale > m_live) {
            m_set.removeIf([this](const PendingEvent& e) { return isStale(e); });
            m_stale = 0;
        }
        return true;
    }

    bool step() {
        if (m_inHandler) {
            throwReentered();
        }
        if (m_set.empty()) {
            return false;
        }
        const PendingEvent event = m_set.pop();
        Handler fn = std::move(m_slots[event.slot].fn);
        releaseSlot(event.slot);
        --m_live;
        if (m_stale != 0) {
            dropStaleTop();
        }
        // The next event's slot is a random line of the slot table (a cache miss once the
        // table outgrows the caches); fetching it now overlaps the miss with this handler.
        if (!m_set.empty()) {
            __builtin_prefetch(&m_slots[m_set.top().slot]);
        }
        m_now = event.time;
        ++m_eventCount;
        if (m_fingerprinting) {
            m_fingerprint.addI64(event.time);
            const auto priority = static_cast<std::uint8_t>(event.key >> kPriorityShift);
            m_fingerprint.addBytes(&priority, 1);
        }
        HandlerScope scope(m_inHandler);
        fn();
        return true;
    }

    void runUntil(SimTime until) {
        if (m_inHandler) {
            throwReentered();
        }
        if (until.toMicroseconds() < m_now) {
            throw std::invalid_argument("Engine::runUntil: time " + formatDuration(until) +
                                        " is before now (" + formatDuration(now()) + ")");
        }
        const std::int64_t limit = until.toMicroseconds();
        while (!m_set.empty() && m_set.top().time <= limit) {
            step();
        }
        m_now = limit;
    }

    std::uint64_t runEvents(std::uint64_t n) {
        std::uint64_t ran = 0;
        while (ran < n && step()) {
            ++ran;
        }
        return ran;
    }

    std::optional<SimTime> peekNextTime() const {
        if (m_set.empty()) {
            return std::nullopt;
        }
        return SimTime::microseconds(m_set.top().time);
    }

    std::uint64_t eventCount() const { return m_eventCount; }
    std::size_t pendingCount() const { return m_live; }

    void setFingerprinting(bool enabled) { m_fingerprinting = enabled; }
    Fingerprint& fingerprint() { return m_fingerprint; }
    const Fingerprint& fingerprint() const { return m_fingerprint; }

    void reserve(std::size_t n) {
        m_set.reserve(n);
        m_slots.reserve(n);
        m_freeSlots.reserve(n);
    }

private:
    static constexpr std::size_t kMaxSlots = 0xffff'ffffU;
    static constexpr std::size_t kMinStaleToCompact = 1024;

    struct Slot {
        Handler fn;
        // Starts at 1 so no EventId is 0 (the invalid id).
        std::uint32_t generation = 1;
    };

    // Clears m_inHandler even when a handler throws, so the engine stays usable.
    struct HandlerScope {
        explicit HandlerScope(bool& flag) : m_flag(flag) { m_flag = true; }
        ~HandlerScope() { m_flag = false; }
        HandlerScope(const HandlerScope&) = delete;
        HandlerScope& operator=(const HandlerScope&) = delete;
        bool& m_flag;
    };

    bool isStale(const PendingEvent& e) const { return m_slots[e.slot].generation != e.generation; }

    void releaseSlot(std::uint32_t slot) {
        Slot& s = m_slots[slot];
        s.fn = nullptr;
        // Skip 0 on wrap-around: a zero generation would make EventId 0 valid.
        s.generation = s.generation == 0xffff'ffffU ? 1 : s.generation + 1;
        m_freeSlots.push_back(slot);
    }

    // Running the loop from a handler would nest events inside events and break the order.
    [[noreturn]] static void throwReentered() {
        throw std::logic_error(
            "Engine: step/runUntil/runEvents called from inside an event handler");
    }

    void dropStaleTop() {
        while (!m_set.empty() && isStale(m_set.top())) {
            m_set.pop();
            --m_stale;
        }
    }

    Set m_set;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::int64_t m_now = 0;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_eventCount = 0;
    std::size_t m_live = 0;
    std::size_t m_stale = 0;
    bool m_fingerprinting = false;
    bool m_inHandler = false;
    Fingerprint m_fingerprint;
};

} // namespace cnsim
