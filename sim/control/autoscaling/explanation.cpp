#include "control/autoscaling/explanation.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace cnsim {

namespace {

struct CodeInfo {
    ExplainCode code;
    std::string_view name;
    std::string_view english; // {param} placeholders
};

// One row per code, in enum order; the English is the CLI's rendering only.
constexpr std::array kCodes{
    CodeInfo{ExplainCode::HpaPodsGrouped, "hpa.podsGrouped",
             "pods: {ready} ready, {unready} unready, {missing} without a metric sample, {ignored} "
             "ignored (deleted or failed)"},
    CodeInfo{ExplainCode::HpaResourceUtilization, "hpa.resourceUtilization",
             "{resource} utilization = floor(100 × {usage}m used / {request}m requested) = "
             "{utilization}% of request; target {target}%, ratio {ratio}"},
    CodeInfo{ExplainCode::HpaAverageValue, "hpa.averageValue",
             "{metric} average = floor({total}m / {samples} samples) = {average}m; target "
             "{target}m, ratio {ratio}"},
    CodeInfo{ExplainCode::HpaObjectValue, "hpa.objectValue",
             "{metric} = {value}m; target {target}m, ratio {ratio}"},
    CodeInfo{ExplainCode::HpaPerPodValue, "hpa.perPodValue",
             "{metric} = {value}m over {replicas} replicas; target {target}m per pod, ratio "
             "{ratio}"},
    CodeInfo{ExplainCode::HpaExternalSum, "hpa.externalSum",
             "{metric}: sum of {series} series = {value}m"},
    CodeInfo{ExplainCode::HpaWithinTolerance, "hpa.withinTolerance",
             "ratio {ratio} is within the tolerance band [{low}, {high}]: keep {replicas} "
             "replicas"},
    CodeInfo{ExplainCode::HpaProposalFromReady, "hpa.proposalFromReady",
             "desired = ceil({ratio} × {readyPods} ready pods) = {desired}"},
    CodeInfo{ExplainCode::HpaProposalFromTotal, "hpa.proposalFromTotal",
             "desired = ceil({value}m / {target}m) = {desired}"},
    CodeInfo{ExplainCode::HpaProposalFromZero, "hpa.proposalFromZero",
             "no replicas: desired = ceil({ratio}) = {desired}"},
    CodeInfo{ExplainCode::HpaMissingAssumed, "hpa.missingAssumed",
             "{pods} pods without a sample are assumed to use {assumed} (scale {direction})"},
    CodeInfo{ExplainCode::HpaUnreadyAssumedZero, "hpa.unreadyAssumedZero",
             "{pods} unready pods are assumed to use 0 (scale up)"},
    CodeInfo{ExplainCode::HpaRebalancedRatio, "hpa.rebalancedRatio",
             "with those assumptions the ratio goes from {ratio} to {newRatio}"},
    CodeInfo{ExplainCode::HpaRebalanceKeeps, "hpa.rebalanceKeeps",
             "the rebalanced ratio {newRatio} is within tolerance or reverses the direction of "
             "{ratio}: keep {replicas} replicas"},
    CodeInfo{ExplainCode::HpaProposalRebalanced, "hpa.proposalRebalanced",
             "desired = ceil({newRatio} × {samples} pods) = {desired}"},
    CodeInfo{ExplainCode::HpaRebalanceDirection, "hpa.rebalanceDirection",
             "proposal {proposal} would move against ratio {newRatio}: keep {replicas} replicas"},
    CodeInfo{ExplainCode::HpaMetricError, "hpa.metricError", "{metric}: {error}"},
    CodeInfo{ExplainCode::HpaScalingDisabled, "hpa.scalingDisabled",
             "the target has {current} replicas: autoscaling is disabled"},
    CodeInfo{ExplainCode::HpaAboveMaxReplicas, "hpa.aboveMaxReplicas",
             "{current} replicas is above maxReplicas {max}"},
    CodeInfo{ExplainCode::HpaBelowMinReplicas, "hpa.belowMinReplicas",
             "{current} replicas is below minReplicas {min}"},
    CodeInfo{ExplainCode::HpaMetricProposal, "hpa.metricProposal", "{metric} proposes {replicas}"},
    CodeInfo{ExplainCode::HpaLargestProposal, "hpa.largestProposal",
             "largest proposal: {replicas} from {metric}"},
    CodeInfo{ExplainCode::HpaInvalidMetricsHold, "hpa.invalidMetricsHold",
             "{invalid} of {total} metrics are invalid and the valid ones propose {proposal} < "
             "{current}: do not scale"},
    CodeInfo{ExplainCode::HpaInvalidMetricsIgnored, "hpa.invalidMetricsIgnored",
             "{invalid} of {total} metrics are invalid; the valid ones propose {proposal}"},
    CodeInfo{ExplainCode::HpaStabilizedDown, "hpa.stabilizedDown",
             "downscale stabilization: the highest recommendation of the last {window} is "
             "{stabilized} (new recommendation {recommendation})"},
    CodeInfo{ExplainCode::HpaStabilizedBoth, "hpa.stabilized",
             "stabilization: lowest of the last {upWindow} = {upRecommendation}, highest of the "
             "last {downWindow} = {downRecommendation}: {stabilized}"},
    CodeInfo{ExplainCode::HpaScaleUpLimitRule, "hpa.scaleUpLimitRule",
             "scale-up limit = max(2 × {current}, 4) = {limit}"},
    CodeInfo{ExplainCode::HpaPolicyLimit, "hpa.policyLimit",
             "scale {direction} policy {policy} {value} per {period}: from {periodStart} at the "
             "start of the period → {proposal}"},
    CodeInfo{ExplainCode::HpaSelectedLimit, "hpa.selectedLimit",
             "selectPolicy {select}: scale-{direction} limit {limit}"},
    CodeInfo{ExplainCode::HpaLimited, "hpa.limited", "{reason}: {from} → {to}"},
    CodeInfo{ExplainCode::HpaRescale, "hpa.rescale", "scale from {from} to {to} replicas"},
    CodeInfo{ExplainCode::HpaNoChange, "hpa.noChange", "keep {replicas} replicas"},
    CodeInfo{ExplainCode::CaPodExpendable, "ca.podExpendable",
             "pod {pod} has priority {priority} below the cutoff {cutoff}: it never triggers a "
             "scale-up"},
    CodeInfo{ExplainCode::CaMaxNodesTotalReached, "ca.maxNodesTotalReached",
             "the cluster has {nodes} nodes, the maximum is {max}"},
    CodeInfo{ExplainCode::CaGroupAtMaxSize, "ca.groupAtMaxSize",
             "node group {group} is at its maximum size ({size}/{max})"},
    CodeInfo{ExplainCode::CaGroupBackedOff, "ca.groupBackedOff",
             "node group {group} is backed off after a scale-up that never completed"},
    CodeInfo{ExplainCode::CaNoPodFitsGroup, "ca.noPodFitsGroup",
             "no pending pod fits a new node of group {group}"},
    CodeInfo{ExplainCode::CaEstimate, "ca.estimate",
             "group {group}: {pods} pods fit on {nodes} new nodes (limit {limit})"},
    CodeInfo{ExplainCode::CaWasteScore, "ca.wasteScore",
             "least-waste: {group} × {nodes} wastes {wastedCpu} of CPU and {wastedMemory} of "
             "memory, score {score}"},
    CodeInfo{ExplainCode::CaPriceScore, "ca.priceScore",
             "price: {group} × {nodes} costs {nodePrice}/h for pods worth {podPrice}/h, "
             "unfitness {unfitness}, score {score}"},
    CodeInfo{ExplainCode::CaPriorityMatch, "ca.priorityMatch",
             "priority: group {group} has priority {priority}"},
    CodeInfo{ExplainCode::CaPriorityNoMatch, "ca.priorityNoMatch",
             "priority: group {group} matches no priority entry"},
    CodeInfo{ExplainCode::CaRandomChoice, "ca.randomChoice",
             "random choice among {options} options: {chosen}"},
    CodeInfo{ExplainCode::CaExpanderChoice, "ca.expanderChoice",
             "expander {expander} chose {group} (+{nodes} nodes)"},
    CodeInfo{ExplainCode::CaCappedToGroupMax, "ca.cappedToGroupMax",
             "capped to node group {group}'s maximum: {from} → {to} new nodes"},
    CodeInfo{ExplainCode::CaCappedToTotalMax, "ca.cappedToTotalMax",
             "capped to the cluster's maximum node count: {from} → {to} new nodes"},
    CodeInfo{ExplainCode::CaScaleUp, "ca.scaleUp",
             "scale up node group {group} from {from} to {to} for {pods} pods"},
    CodeInfo{ExplainCode::CaPodNotHelped, "ca.podNotHelped",
             "pod {pod} did not trigger a scale-up: it fits no node group"},
    CodeInfo{ExplainCode::CaNodeUtilization, "ca.nodeUtilization",
             "node {node}: {resource} requests are {utilization} of allocatable (threshold "
             "{threshold})"},
    CodeInfo{ExplainCode::CaNodeUnremovable, "ca.nodeUnremovable",
             "node {node} cannot be removed: {reason}"},
    CodeInfo{ExplainCode::CaPodBlocksDrain, "ca.podBlocksDrain",
             "node {node}: pod {pod} blocks removal ({reason})"},
    CodeInfo{ExplainCode::CaPodNoPlace, "ca.podNoPlace",
             "node {node}: pod {pod} fits on no other node"},
    CodeInfo{ExplainCode::CaNodeUnneeded, "ca.nodeUnneeded",
             "node {node} unneeded since {since} ({unneededFor} of {needed})"},
    CodeInfo{ExplainCode::CaScaleDownCooldown, "ca.scaleDownCooldown",
             "scale-down paused ({reason}) until {until}"},
    CodeInfo{ExplainCode::CaGroupMinSizeReached, "ca.groupMinSizeReached",
             "node {node} kept: group {group} has {size} nodes, minimum {min}"},
    CodeInfo{ExplainCode::CaDeleteEmptyNode, "ca.deleteEmptyNode", "delete empty node {node}"},
    CodeInfo{ExplainCode::CaDrainNode, "ca.drainNode",
             "drain and delete node {node} ({pods} pods)"},
    CodeInfo{ExplainCode::CaBudgetExhausted, "ca.budgetExhausted",
             "node {node} waits: the {kind} scale-down budget of this scan is used up"},
    CodeInfo{ExplainCode::CaScaleUpTimedOut, "ca.scaleUpTimedOut",
             "{nodes} nodes of group {group} requested at {requestedAt} never registered"},
};

constexpr bool codesInEnumOrder() {
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (static_cast<std::size_t>(kCodes[i].code) != i) {
            return false;
        }
    }
    return static_cast<std::size_t>(ExplainCode::CaScaleUpTimedOut) + 1 == kCodes.size();
}
static_assert(codesInEnumOrder(), "kCodes must list every ExplainCode in enum order");

const CodeInfo& info(ExplainCode code) {
    const auto i = static_cast<std::size_t>(code);
    return kCodes.at(i);
}

std::string formatDouble(double d) {
    if (std::isnan(d) || std::isinf(d)) {
        return d > 0 ? "inf" : (d < 0 ? "-inf" : "nan");
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", d);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    if (s == "-0") {
        s = "0";
    }
    return s;
}

} // namespace

std::string_view explainCodeName(ExplainCode code) {
    return info(code).name;
}

const ExplainParam* ExplainStep::param(std::string_view name) const {
    for (const ExplainParam& p : params) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

void Explanation::add(ExplainCode code, std::vector<ExplainParam> params) {
    steps.push_back(ExplainStep{code, std::move(params)});
}

void Explanation::append(const Explanation& other) {
    steps.insert(steps.end(), other.steps.begin(), other.steps.end());
}

bool Explanation::has(ExplainCode code) const {
    return find(code) != nullptr;
}

const ExplainStep* Explanation::find(ExplainCode code) const {
    for (const ExplainStep& s : steps) {
        if (s.code == code) {
            return &s;
        }
    }
    return nullptr;
}

ExplainParam xp(std::string name, std::int64_t v) {
    return ExplainParam{std::move(name), ExplainValue{v}};
}
ExplainParam xp(std::string name, int v) {
    return ExplainParam{std::move(name), ExplainValue{static_cast<std::int64_t>(v)}};
}
ExplainParam xp(std::string name, double v) {
    return ExplainParam{std::move(name), ExplainValue{v}};
}
ExplainParam xp(std::string name, std::string v) {
    return ExplainParam{std::move(name), ExplainValue{std::move(v)}};
}
ExplainParam xp(std::string name, const char* v) {
    return ExplainParam{std::move(name), ExplainValue{std::string(v)}};
}
ExplainParam xp(std::string name, SimTime v) {
    return ExplainParam{std::move(name), ExplainValue{v}};
}

std::string formatExplainValue(const ExplainValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v.value)) {
        return std::to_string(*i);
    }
    if (const auto* d = std::get_if<double>(&v.value)) {
        return formatDouble(*d);
    }
    if (const auto* t = std::get_if<SimTime>(&v.value)) {
        return formatDuration(*t);
    }
    return std::get<std::string>(v.value);
}

std::string renderEnglish(const ExplainStep& step) {
    const std::string_view tpl = info(step.code).english;
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            const std::size_t close = tpl.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = tpl.substr(i + 1, close - i - 1);
                if (const ExplainParam* p = step.param(name)) {
                    out += formatExplainValue(p->value);
                } else {
                    out += '?';
                }
                i = close;
                continue;
            }
        }
        out += tpl[i];
    }
    return out;
}

std::string renderEnglish(const Explanation& explanation) {
    std::string out;
    for (const ExplainStep& s : explanation.steps) {
        out += renderEnglish(s);
        out += '\n';
    }
    return out;
}

} // namespace cnsim
