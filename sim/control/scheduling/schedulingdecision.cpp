#include "control/scheduling/schedulingdecision.h"

#include "metrics/jsonwriter.h"

#include <algorithm>
#include <map>

namespace cnsim {

int SchedulingDecision::feasibleCount() const {
    return static_cast<int>(
        std::count_if(filter.begin(), filter.end(), [](const auto& v) { return v.passed(); }));
}

std::vector<std::string> SchedulingDecision::rejectingPlugins() const {
    std::vector<std::string> out;
    for (const auto& v : filter) {
        if (!v.passed() && std::find(out.begin(), out.end(), v.plugin) == out.end()) {
            out.push_back(v.plugin);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string fitErrorMessage(int numAllNodes, const std::vector<NodeFilterVerdict>& verdicts) {
    // types.go FitError.Error: a histogram of reasons (each node counts once per reason),
    // rendered "%v %v", sorted with sort.Strings (byte order, so "10 …" sorts before "2 …").
    std::map<std::string, int> histogram;
    for (const auto& v : verdicts) {
        for (const auto& r : v.reasons) {
            ++histogram[r];
        }
    }
    return fitErrorMessage(numAllNodes, histogram);
}

std::string fitErrorMessage(int numAllNodes, const std::map<std::string, int>& histogram) {
    std::vector<std::string> parts;
    for (const auto& [reason, count] : histogram) {
        parts.push_back(std::to_string(count) + " " + reason);
    }
    std::sort(parts.begin(), parts.end());
    std::string out = "0/" + std::to_string(numAllNodes) + " nodes are available";
    out += ':';
    if (!parts.empty()) {
        out += ' ';
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i != 0) {
                out += ", ";
            }
            out += parts[i];
        }
        out += '.';
    }
    return out;
}

namespace {

void appendString(std::string& out, const std::string& s) {
    out += json::quote(s);
}

void appendKey(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\":";
}

const char* resultName(SchedulingResult r) {
    switch (r) {
    case SchedulingResult::Scheduled:
        return "Scheduled";
    case SchedulingResult::Unschedulable:
        return "Unschedulable";
    case SchedulingResult::NoProfile:
        return "NoProfile";
    case SchedulingResult::NoNodes:
        return "NoNodes";
    }
    return "";
}

} // namespace

std::string toJson(const SchedulingDecision& d) {
    std::string out = "{";
    appendKey(out, "pod");
    appendString(out, d.pod);
    out += ',';
    appendKey(out, "namespace");
    appendString(out, d.nameSpace);
    out += ',';
    appendKey(out, "schedulerName");
    appendString(out, d.schedulerName);
    out += ',';
    appendKey(out, "result");
    appendString(out, resultName(d.result));
    out += ',';
    appendKey(out, "selectedNode");
    appendString(out, d.selectedNode);
    out += ',';
    appendKey(out, "message");
    appendString(out, d.message);
    out += ',';
    appendKey(out, "numAllNodes");
    out += std::to_string(d.numAllNodes);
    out += ',';
    appendKey(out, "numFeasibleNodesToFind");
    out += std::to_string(d.numFeasibleNodesToFind);
    out += ',';
    appendKey(out, "startIndex");
    out += std::to_string(d.startIndex);
    out += ',';
    appendKey(out, "scoringSkipped");
    out += d.scoringSkipped ? "true" : "false";
    out += ',';
    appendKey(out, "tiedTopNodes");
    out += std::to_string(d.tiedTopNodes);
    out += ',';
    appendKey(out, "filter");
    out += '[';
    for (std::size_t i = 0; i < d.filter.size(); ++i) {
        const auto& v = d.filter[i];
        out += i == 0 ? "{" : ",{";
        appendKey(out, "node");
        appendString(out, v.node);
        out += ',';
        appendKey(out, "passed");
        out += v.passed() ? "true" : "false";
        if (!v.passed()) {
            out += ',';
            appendKey(out, "plugin");
            appendString(out, v.plugin);
            out += ',';
            appendKey(out, "reasons");
            out += '[';
            for (std::size_t r = 0; r < v.reasons.size(); ++r) {
                if (r != 0) {
                    out += ',';
                }
                appendString(out, v.reasons[r]);
            }
            out += ']';
        }
        out += '}';
    }
    out += "],";
    appendKey(out, "notEvaluated");
    out += '[';
    for (std::size_t i = 0; i < d.notEvaluated.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        appendString(out, d.notEvaluated[i]);
    }
    out += "],";
    appendKey(out, "scorePlugins");
    out += '[';
    for (std::size_t i = 0; i < d.scorePlugins.size(); ++i) {
        const auto& p = d.scorePlugins[i];
        out += i == 0 ? "{" : ",{";
        appendKey(out, "name");
        appendString(out, p.name);
        out += ',';
        appendKey(out, "weight");
        out += std::to_string(p.weight);
        out += ',';
        appendKey(out, "skipped");
        out += p.skipped ? "true" : "false";
        out += '}';
    }
    out += "],";
    appendKey(out, "scores");
    out += '[';
    for (std::size_t i = 0; i < d.scores.size(); ++i) {
        const auto& s = d.scores[i];
        out += i == 0 ? "{" : ",{";
        appendKey(out, "node");
        appendString(out, s.node);
        out += ',';
        appendKey(out, "total");
        out += std::to_string(s.total);
        out += ',';
        appendKey(out, "plugins");
        out += '{';
        for (std::size_t p = 0; p < d.scorePlugins.size(); ++p) {
            if (p != 0) {
                out += ',';
            }
            const PluginScore& ps = d.pluginScore(i, p);
            appendString(out, d.scorePlugins[p].name);
            out += ":{\"raw\":" + std::to_string(ps.raw) +
                   ",\"normalized\":" + std::to_string(ps.normalized) +
                   ",\"weighted\":" + std::to_string(ps.weighted) + "}";
        }
        out += "}}";
    }
    out += "]}";
    return out;
}

} // namespace cnsim
