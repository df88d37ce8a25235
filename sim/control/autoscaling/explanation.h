#pragma once

// Explanation: how an autoscaling decision was reached, as codes and parameters.
//
// Every HPA and cluster-autoscaler decision returns one. Each step names what happened with a
// stable code ("hpa.resourceUtilization") and the numbers that went into it, in order, as
// typed values; the step that changed the replica or node count also says from → to. The
// library never writes prose: the CLI renders steps with renderEnglish() (below), the studio
// keeps its own translated template per code and fills in the same named parameters.
//
// Invariants: parameter names are stable per code (they are the placeholders of the
// templates); doubles are rendered with at most four decimals, so text output is identical on
// every platform.

#include "engine/simtime.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cnsim {

enum class ExplainCode {
    // --- HPA: replica calculator (replica_calculator.go) ---
    HpaPodsGrouped,         // ready, unready, missing, ignored
    HpaResourceUtilization, // resource, usage, request, utilization, target, ratio
    HpaAverageValue,        // metric, total, samples, average, target, ratio
    HpaObjectValue,         // metric, value, target, ratio
    HpaPerPodValue,         // metric, value, replicas, target, ratio
    HpaExternalSum,         // metric, series, value
    HpaWithinTolerance,     // ratio, low, high, replicas
    HpaProposalFromReady,   // ratio, readyPods, desired
    HpaProposalFromTotal,   // value, target, desired
    HpaProposalFromZero,    // ratio, desired
    HpaMissingAssumed,      // pods, assumed, direction
    HpaUnreadyAssumedZero,  // pods
    HpaRebalancedRatio,     // ratio, newRatio
    HpaRebalanceKeeps,      // ratio, newRatio, replicas
    HpaProposalRebalanced,  // newRatio, samples, desired
    HpaRebalanceDirection,  // newRatio, proposal, replicas
    HpaMetricError,         // metric, error
    // --- HPA: reconcile (horizontal.go) ---
    HpaScalingDisabled,       // current
    HpaAboveMaxReplicas,      // current, max
    HpaBelowMinReplicas,      // current, min
    HpaMetricProposal,        // metric, replicas
    HpaLargestProposal,       // metric, replicas
    HpaInvalidMetricsHold,    // invalid, total, proposal, current
    HpaInvalidMetricsIgnored, // invalid, total, proposal
    HpaStabilizedDown,        // window, recommendation, stabilized
    HpaStabilizedBoth,   // upWindow, downWindow, upRecommendation, downRecommendation, stabilized
    HpaScaleUpLimitRule, // current, limit
    HpaPolicyLimit,      // direction, policy, value, period, periodStart, proposal
    HpaSelectedLimit,    // direction, select, limit
    HpaLimited,          // reason, from, to
    HpaRescale,          // from, to
    HpaNoChange,         // replicas
    // --- Cluster autoscaler: scale-up ---
    CaPodExpendable,        // pod, priority, cutoff
    CaMaxNodesTotalReached, // nodes, max
    CaGroupAtMaxSize,       // group, size, max
    CaGroupBackedOff,       // group
    CaNoPodFitsGroup,       // group
    CaEstimate,             // group, pods, nodes, limit
    CaWasteScore,           // group, nodes, wastedCpu, wastedMemory, score
    CaPriceScore,           // group, nodes, nodePrice, podPrice, unfitness, score
    CaPriorityMatch,        // group, priority
    CaPriorityNoMatch,      // group
    CaRandomChoice,         // options, chosen
    CaExpanderChoice,       // expander, group, nodes
    CaCappedToGroupMax,     // group, from, to
    CaCappedToTotalMax,     // from, to
    CaScaleUp,              // group, from, to, pods
    CaPodNotHelped,         // pod
    // --- Cluster autoscaler: scale-down ---
    CaNodeUtilization,     // node, resource, utilization, threshold
    CaNodeUnremovable,     // node, reason
    CaPodBlocksDrain,      // node, pod, reason
    CaPodNoPlace,          // node, pod
    CaNodeUnneeded,        // node, since, unneededFor, needed
    CaScaleDownCooldown,   // reason, until
    CaGroupMinSizeReached, // node, group, size, min
    CaDeleteEmptyNode,     // node
    CaDrainNode,           // node, pods
    CaBudgetExhausted,     // node, kind
    CaScaleUpTimedOut,     // group, nodes, requestedAt
};

// The code's stable identifier, e.g. "hpa.resourceUtilization".
std::string_view explainCodeName(ExplainCode code);

struct ExplainValue {
    std::variant<std::int64_t, double, std::string, SimTime> value;
    bool operator==(const ExplainValue&) const = default;
};

struct ExplainParam {
    std::string name;
    ExplainValue value;
    bool operator==(const ExplainParam&) const = default;
};

struct ExplainStep {
    ExplainCode code{};
    std::vector<ExplainParam> params;
    const ExplainParam* param(std::string_view name) const;
};

struct Explanation {
    std::vector<ExplainStep> steps;

    // add(code, {{"ratio", 1.5}, {"desired", 4}}).
    void add(ExplainCode code, std::vector<ExplainParam> params);
    void append(const Explanation& other);
    bool has(ExplainCode code) const;
    const ExplainStep* find(ExplainCode code) const;
};

// Parameter helpers that keep call sites short.
ExplainParam xp(std::string name, std::int64_t v);
ExplainParam xp(std::string name, int v);
ExplainParam xp(std::string name, double v);
ExplainParam xp(std::string name, std::string v);
ExplainParam xp(std::string name, const char* v);
ExplainParam xp(std::string name, SimTime v);

// Deterministic text for one value: integers as is, doubles with up to four decimals
// ("1.3333", "0.5", "2"), durations as formatDuration ("5m"), strings as is.
std::string formatExplainValue(const ExplainValue& v);

// The CLI's English rendering of one step / of all steps, one line each.
std::string renderEnglish(const ExplainStep& step);
std::string renderEnglish(const Explanation& explanation);

} // namespace cnsim
