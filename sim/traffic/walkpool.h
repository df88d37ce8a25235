#pragma once

// WalkPool: the sampled requests of one traffic class in aggregate mode, kept so that the
// next seconds can count them again while nothing they read has changed (docs/traffic.md,
// "Aggregate mode", step 3).
//
// A sampled request's walk through the call graph ends as a few counter updates: at each
// Service and version it visited, a success with its latency or a failure. In a steady
// second (same endpoints, same pod states, same parameters everywhere the class can go),
// a walk drawn a second ago is a draw from the same distribution as a new one, so counting
// it again costs its updates instead of its random draws. The pool holds the newest walks,
// oldest evicted first; the caller clears it whenever anything the class can reach changed.

#include "engine/simtime.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cnsim {

struct TrafficCounters;

// One visit of a walk: its outcome at a Service and at the version of the pod it reached
// (none when the Service had no endpoint).
// A success carries its latency, and the time it spent (`seconds`) for the Service's
// in-flight estimate.
struct WalkUpdate {
    TrafficCounters* service = nullptr;
    TrafficCounters* version = nullptr;
    SimTime latency;
    std::uint32_t bucket = 0;       // LatencyHistogram::bucketOf(latency)
    std::uint32_t serviceIndex = 0; // TrafficModel's index of `service`
    double seconds = 0.0;
    bool succeeded = false;
};

// How aggregate mode's sampled requests were made, since the run began.
struct AggregateSamplingStats {
    std::uint64_t drawnWalks = 0;    // walked the call graph with new random draws
    std::uint64_t replayedWalks = 0; // a kept walk counted again
};

class WalkPool {
public:
    // A longer walk (a large fan-out: up to 100,000 visits are valid) is not kept, so that a
    // pool holds at most capacity × kMaxVisits updates; its class draws it anew instead.
    static constexpr std::size_t kMaxVisits = 64;

    explicit WalkPool(std::size_t capacity = 0);

    std::size_t capacity() const { return m_walks.size(); }
    std::size_t size() const { return m_size; }
    void clear() { m_size = 0; }

    // Starts recording a new walk, in place of the oldest when the pool is full.
    void beginWalk();
    // Appends an update to the walk begun last.
    void record(const WalkUpdate& update) {
        std::vector<WalkUpdate>& walk = m_walks[m_newest];
        if (walk.size() < kMaxVisits) {
            walk.push_back(update);
        } else {
            m_tooLong = true;
        }
    }
    // Ends the walk begun last: it is dropped if it was too long to keep.
    void endWalk();
    // The walk begun `age` walks before the newest (0: the newest); age < size().
    std::span<const WalkUpdate> walk(std::size_t age) const {
        return m_walks[age <= m_newest ? m_newest - age : m_newest + m_walks.size() - age];
    }

private:
    std::vector<std::vector<WalkUpdate>> m_walks; // a ring; slots keep their memory
    std::size_t m_newest = 0;                     // the slot of the walk begun last
    std::size_t m_size = 0;
    bool m_tooLong = false; // the walk begun last passed kMaxVisits
};

} // namespace cnsim
