#include "metrics/runexport.h"

#include "metrics/jsonwriter.h"

#include <algorithm>

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
    // Every series is sampled on the same one-second grid; the longest one sets the rows.
    std::size_t rows = 0;
    const TimeSeries* longest = nullptr;
    for (const TimeSeries& series : all) {
        if (series.times.size() > rows) {
            rows = series.times.size();
            longest = &series;
        }
    }
    for (std::size_t r = 0; r < rows; ++r) {
        out << number(longest->times[r].toSeconds());
        for (const TimeSeries& series : all) {
            out << ',';
            if (r < series.values.size()) {
                out << number(series.values[r]);
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
