#pragma once

// Engine: the discrete-event core every simulation runs on. One per simulation; no
// singletons, so tests and the grader can run many at once (one per thread).
//
// Event order is total: (time, priority, insertion sequence). Lower priority values run
// first among events at the same time; events with equal time and priority run in the
// order they were scheduled (FIFO). Cancelling is O(1); a cancelled event never runs and
// is not counted.
//
// Threading: an Engine is used from one thread at a time.

#include "engine/fingerprint.h"
#include "engine/simtime.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace cnsim {

// Identifies one scheduled event; the default value names no event.
struct EventId {
    std::uint64_t value = 0;
    constexpr bool isValid() const { return value != 0; }
    constexpr auto operator<=>(const EventId&) const = default;
};

using EventPriority = std::uint8_t;
inline constexpr EventPriority kDefaultEventPriority = 128;

class Engine {
public:
    using Handler = std::function<void()>;

    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    SimTime now() const;

    // Schedules fn at now() + delay (delay >= 0) or at an absolute time (>= now()).
    EventId schedule(SimTime delay, Handler fn, EventPriority priority = kDefaultEventPriority);
    EventId scheduleAt(SimTime at, Handler fn, EventPriority priority = kDefaultEventPriority);

    // Returns true when the event was pending and is now cancelled.
    bool cancel(EventId id);

    // Processes the next event; false when none is pending.
    bool step();
    // Processes every event with time <= until, then sets now() to until.
    void runUntil(SimTime until);
    // Processes at most n events; returns how many ran.
    std::uint64_t runEvents(std::uint64_t n);

    std::optional<SimTime> peekNextTime() const;
    // Events processed so far (cancelled events are not counted).
    std::uint64_t eventCount() const;
    // Events scheduled and not yet processed or cancelled.
    std::size_t pendingCount() const;

    // When enabled, each processed event's time and priority are folded into the run
    // fingerprint; model code adds what it decided (cluster events, outcomes) too.
    void setFingerprinting(bool enabled);
    Fingerprint& fingerprint();
    const Fingerprint& fingerprint() const;

private:
    struct Impl;
    // Implementation detail owned by engine.cpp; see there for the pending-event set.
    Impl* m_impl;
};

} // namespace cnsim
