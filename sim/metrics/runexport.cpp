#include "metrics/runexport.h"

#include "metrics/jsonwriter.h"

#include <algorithm>
#include <iterator>

namespace cnsim {

using json::number;
using json::quote;

void writeSummaryJson(const RunSummary& s, std::ostream& out) {
    out << "{\n";
    out << "  \"scenario\": " << quote(s.scenarioName) << ",\n";
    out << "  \"seed\": " << s.seed << ",\n";
    out << "  \"simulatedSeconds\": " << number(s.simulatedTime.toSeconds()) << ",\n";
    out << "  \"engineEvents\": " << s.engineEvents << ",\n";
    out << "  \"clusterEvents\": " << s.clusterEvents << ",\n";
    out << "  \"fingerprint\": " << quote(s.fingerprint) << ",\n";
    out << "  \"services\": [";
    for (std::size_t i = 0; i < s.services.size(); ++i) {
        const ServiceSummary& v = s.services[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
            << ", \"requests\": " << v.requests << ", \"completed\": " << v.completed
            << ", \"errors\": " << v.errors << ", \"meanLatencyMs\": " << number(v.meanLatencyMs)
            << ", \"p50LatencyMs\": " << number(v.p50LatencyMs)
            << ", \"p95LatencyMs\": " << number(v.p95LatencyMs)
            << ", \"p99LatencyMs\": " << number(v.p99LatencyMs) << "}";
    }
    out << (s.services.empty() ? "],\n" : "\n  ],\n");
    out << "  \"deployments\": [";
    for (std::size_t i = 0; i < s.deployments.size(); ++i) {
        const DeploymentSummary& v = s.deployments[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
            << ", \"desiredReplicas\": " << v.desiredReplicas
            << ", \"runningAtEnd\": " << v.runningAtEnd << ", \"podsCreated\": " << v.podsCreated
            << "}";
    }
    out << (s.deployments.empty() ? "],\n" : "\n  ],\n");
    out << "  \"nodes\": [";
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const NodeSummary& v = s.nodes[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
            << ", \"zone\": " << quote(v.zone)
            << ", \"readyAtEnd\": " << (v.readyAtEnd ? "true" : "false")
            << ", \"podsAtEnd\": " << v.podsAtEnd
            << ", \"meanCpuUsedCores\": " << number(v.meanCpuUsedCores) << "}";
    }
    out << (s.nodes.empty() ? "]\n" : "\n  ]\n");
    out << "}\n";
}

void writeMetricsCsv(const MetricsStore& metrics, std::ostream& out) {
    const auto& all = metrics.all();
    out << "time_s";
    for (const TimeSeries& series : all) {
        out << ',' << series.name;
    }
    out << '\n';
    // Every series is sampled on the same one-second grid, but some start late (a version
    // first served at 5 min) or stop early (a deleted pod): rows follow the union of the
    // sample times, a series without a sample at a time leaves its cell empty.
    std::vector<SimTime> times;
    for (const TimeSeries& series : all) {
        std::vector<SimTime> merged;
        merged.reserve(times.size() + series.times.size());
        std::set_union(times.begin(), times.end(), series.times.begin(), series.times.end(),
                       std::back_inserter(merged));
        times = std::move(merged);
    }
    std::vector<std::size_t> cursor(all.size(), 0);
    for (const SimTime time : times) {
        out << number(time.toSeconds());
        for (std::size_t s = 0; s < all.size(); ++s) {
            out << ',';
            const TimeSeries& series = all[s];
            if (cursor[s] < series.times.size() && series.times[cursor[s]] == time) {
                out << number(series.values[cursor[s]++]);
            }
        }
        out << '\n';
    }
}

void writeEventsJsonl(const std::vector<ClusterEvent>& events, std::ostream& out) {
    for (const ClusterEvent& e : events) {
        out << "{\"time_s\": " << number(e.time.toSeconds())
            << ", \"component\": " << quote(componentName(e.component))
            << ", \"reason\": " << quote(reasonName(e.reason))
            << ", \"kind\": " << quote(objectKindName(e.objectKind))
            << ", \"object\": " << quote(e.objectName) << ", \"args\": {";
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            out << (i ? ", " : "") << quote(e.args[i].first) << ": " << quote(e.args[i].second);
        }
        out << "}, \"message\": " << quote(describeEvent(e)) << "}\n";
    }
}

} // namespace cnsim
