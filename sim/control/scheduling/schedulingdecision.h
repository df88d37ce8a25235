#pragma once

// SchedulingDecision: the full record of one scheduling attempt, for "Why this node?" in the
// studio and JSON from the CLI: each evaluated node's filter verdict, each scored node's raw,
// normalized and weighted score per plugin, the nodes left unevaluated once enough feasible
// nodes were found, the chosen node, and for a failure upstream's FitError text.
//
// Node order everywhere is the order the scheduler visited them (starting at the rotating
// start index), so a decision renders identically on every run with the same seed.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cnsim {

enum class SchedulingResult { Scheduled, Unschedulable, NoProfile, NoNodes };

struct NodeFilterVerdict {
    std::string node;
    std::string plugin;               // the plugin that rejected the node; empty: passed
    std::vector<std::string> reasons; // its reason strings
    bool passed() const { return plugin.empty(); }
};

struct PluginScore {
    std::int64_t raw = 0;
    std::int64_t normalized = 0;
    std::int64_t weighted = 0;
};

struct NodeScoreRecord {
    std::string node;
    std::int64_t total = 0;
};

struct ScorePluginEntry {
    std::string name;
    int weight = 0;
    bool skipped = false; // PreScore returned Skip: 0 on every node
};

struct SchedulingDecision {
    std::string pod;
    std::string nameSpace;
    std::string schedulerName;
    SchedulingResult result = SchedulingResult::Unschedulable;
    std::string selectedNode;
    int numAllNodes = 0;
    int numFeasibleNodesToFind = 0;
    std::size_t startIndex = 0;            // nextStartNodeIndex when the attempt began
    std::vector<NodeFilterVerdict> filter; // every evaluated node, in visiting order
    std::vector<std::string> notEvaluated; // skipped: enough feasible nodes were found
    std::vector<ScorePluginEntry> scorePlugins;
    std::vector<NodeScoreRecord> scores; // feasible nodes, in visiting order
    // scores.size() × scorePlugins.size(), row-major (one allocation per attempt).
    std::vector<PluginScore> pluginScores;
    bool scoringSkipped = false; // one feasible node: upstream does not score
    int tiedTopNodes = 0;        // nodes sharing the top total
    std::string message;         // FitError text when unschedulable

    int feasibleCount() const;
    const PluginScore& pluginScore(std::size_t row, std::size_t plugin) const {
        return pluginScores[row * scorePlugins.size() + plugin];
    }
    // The unschedulable plugins (upstream's Diagnosis.UnschedulablePlugins), sorted.
    std::vector<std::string> rejectingPlugins() const;
};

// pkg/scheduler/framework/types.go FitError.Error: "0/N nodes are available: " then
// "<count> <reason>" per distinct reason over all nodes, sorted as strings, joined by
// ", ", ending with ".".
std::string fitErrorMessage(int numAllNodes, const std::vector<NodeFilterVerdict>& verdicts);
// The same from the histogram: reason → number of nodes that gave it.
std::string fitErrorMessage(int numAllNodes, const std::map<std::string, int>& histogram);

// Stable JSON: fixed key order, nodes in visiting order, no floating point.
std::string toJson(const SchedulingDecision& decision);

} // namespace cnsim
