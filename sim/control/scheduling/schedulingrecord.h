#pragma once

// SchedulingRecord: the compact form of one scheduling attempt, as the Scheduler produces it
// and the model keeps it; Scheduler::render() turns it into a SchedulingDecision (names,
// reason strings, raw / normalized / weighted scores) only when someone asks.
//
// It holds what cannot be recomputed later and nothing that can:
// - node names: a shared snapshot of the view's node names by index (one per change of the
//   node set, shared by every attempt in between), the start index and the number of nodes
//   evaluated; the visiting order follows from them;
// - per evaluated node, a verdict: 0 passed, else 1 + the id of a (plugin, reasons)
//   rejection interned by the Scheduler (so no string per rejected node);
// - per feasible node and score plugin, the normalized score, and the raw score only for the
//   plugins whose raw score differs from the normalized one somewhere (NodeResourcesFit,
//   BalancedAllocation and ImageLocality score 0..100 without normalizing); both packed to the
//   narrowest integer width that holds them. Weighted scores and totals are recomputed.

#include "control/scheduling/schedulingdecision.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cnsim {

// Signed integers stored at the narrowest width (1, 2, 4 or 8 bytes) that holds all of them.
class PackedInts {
public:
    void assign(std::span<const std::int64_t> values);
    std::int64_t operator[](std::size_t i) const;
    std::size_t size() const { return m_size; }
    std::size_t bytes() const { return m_data.size(); }

private:
    std::vector<std::uint8_t> m_data;
    std::size_t m_size = 0;
    std::uint8_t m_width = 1;
};

struct SchedulingRecord {
    static constexpr std::size_t kNoProfile = static_cast<std::size_t>(-1);

    std::string pod;
    std::string nameSpace;
    std::string schedulerName;
    std::size_t profile = kNoProfile; // index of the Scheduler's profile
    SchedulingResult result = SchedulingResult::Unschedulable;
    std::string message; // FitError text when unschedulable, or why there was no attempt
    int numAllNodes = 0;
    int numFeasibleNodesToFind = 0;
    std::size_t startIndex = 0;
    std::shared_ptr<const std::vector<std::string>> nodeNames; // by node index at the attempt
    std::vector<std::uint32_t> verdicts; // evaluated nodes in visiting order: 0, or 1 + rejection
    std::size_t selected = 0;            // node index of the chosen node
    bool scoringSkipped = false;
    int tiedTopNodes = 0;
    std::uint64_t skippedPlugins = 0; // bit k: score plugin k returned Skip from PreScore
    std::uint64_t rawPlugins = 0;     // bit k: plugin k's raw scores are stored in `raw`
    std::size_t numScorePlugins = 0;
    PackedInts normalized; // feasible × numScorePlugins, row-major
    PackedInts raw;        // feasible × popcount(rawPlugins), row-major

    // Heap and inline bytes this record holds (the shared name snapshot is not counted).
    std::size_t bytes() const;
};

} // namespace cnsim
