#include "metrics/runexport.h"

#include "metrics/jsonwriter.h"

#include <algorithm>
#include <iterator>

namespace cnsim {

using json::number;
using json::quote;

namespace {

std::string numberOrNull(const std::optional<double>& value) {
    return value ? number(*value) : std::string("null");
}

void writePipelinesJson(const std::vector<PipelineSummary>& pipelines, std::ostream& out) {
    out << ",\n  \"pipelines\": [";
    for (std::size_t i = 0; i < pipelines.size(); ++i) {
        const PipelineSummary& p = pipelines[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(p.name)
            << ", \"target\": " << quote(p.target) << ", \"runs\": " << p.runs
            << ", \"succeeded\": " << p.succeeded << ", \"failed\": " << p.failed
            << ", \"superseded\": " << p.superseded << ", \"failuresByStage\": {";
        for (std::size_t f = 0; f < p.failuresByStage.size(); ++f) {
            out << (f ? ", " : "") << quote(p.failuresByStage[f].stage) << ": "
                << p.failuresByStage[f].failures;
        }
        out << "}, \"releasesCompleted\": " << p.releasesCompleted
            << ", \"releasesFailed\": " << p.releasesFailed
            << ", \"meanLeadTimeToDeploySeconds\": " << numberOrNull(p.meanLeadTimeToDeploySeconds)
            << ", \"meanLeadTimeToReleaseSeconds\": "
            << numberOrNull(p.meanLeadTimeToReleaseSeconds)
            << ", \"dora\": {\"leadTimeForChangesSeconds\": "
            << numberOrNull(p.medianLeadTimeForChangesSeconds)
            << ", \"deploymentsPerDay\": " << numberOrNull(p.deploymentsPerDay)
            << ", \"changeFailureRate\": " << numberOrNull(p.changeFailureRate)
            << "}, \"runList\": [";
        for (std::size_t r = 0; r < p.runList.size(); ++r) {
            const PipelineRunSummary& run = p.runList[r];
            out << (r ? ",\n" : "\n") << "      {\"number\": " << run.number
                << ", \"image\": " << quote(run.image)
                << ", \"committedSeconds\": " << number(run.committedSeconds)
                << ", \"startedSeconds\": " << numberOrNull(run.startedSeconds)
                << ", \"finishedSeconds\": " << numberOrNull(run.finishedSeconds)
                << ", \"result\": " << quote(run.result)
                << ", \"failedStage\": " << quote(run.failedStage)
                << ", \"deployedSeconds\": " << numberOrNull(run.deployedSeconds)
                << ", \"release\": " << quote(run.release)
                << ", \"releaseEndedSeconds\": " << numberOrNull(run.releaseEndedSeconds) << "}";
        }
        out << "\n    ]}";
    }
    out << "\n  ]";
}

} // namespace

void writeSummaryJson(const RunSummary& s, std::ostream& out) {
    out << "{\n";
    out << "  \"scenario\": " << quote(s.scenarioName) << ",\n";
    out << "  \"seed\": " << s.seed << ",\n";
    out << "  \"simulatedSeconds\": " << number(s.simulatedTime.toSeconds()) << ",\n";
    out << "  \"engineEvents\": " << s.engineEvents << ",\n";
    out << "  \"clusterEvents\": " << s.clusterEvents << ",\n";
    out << "  \"fingerprint\": " << quote(s.fingerprint) << ",\n";
    out << "  \"trafficMode\": " << quote(s.trafficMode) << ",\n";
    const auto requestStats = [&](const ServiceSummary& v) {
        out << ", \"requests\": " << v.requests << ", \"completed\": " << v.completed
            << ", \"errors\": " << v.errors << ", \"meanLatencyMs\": " << number(v.meanLatencyMs)
            << ", \"p50LatencyMs\": " << number(v.p50LatencyMs)
            << ", \"p90LatencyMs\": " << number(v.p90LatencyMs)
            << ", \"p95LatencyMs\": " << number(v.p95LatencyMs)
            << ", \"p99LatencyMs\": " << number(v.p99LatencyMs)
            << ", \"maxLatencyMs\": " << number(v.maxLatencyMs) << "}";
    };
    out << "  \"services\": [";
    for (std::size_t i = 0; i < s.services.size(); ++i) {
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(s.services[i].name);
        requestStats(s.services[i]);
    }
    out << (s.services.empty() ? "],\n" : "\n  ],\n");
    out << "  \"versions\": [";
    for (std::size_t i = 0; i < s.versions.size(); ++i) {
        out << (i ? ",\n" : "\n") << "    {\"service\": " << quote(s.versions[i].service)
            << ", \"version\": " << quote(s.versions[i].name);
        requestStats(s.versions[i]);
    }
    out << (s.versions.empty() ? "],\n" : "\n  ],\n");
    out << "  \"routes\": [";
    for (std::size_t i = 0; i < s.routes.size(); ++i) {
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(s.routes[i].name);
        requestStats(s.routes[i]);
    }
    out << (s.routes.empty() ? "],\n" : "\n  ],\n");
    out << "  \"deployments\": [";
    for (std::size_t i = 0; i < s.deployments.size(); ++i) {
        const DeploymentSummary& v = s.deployments[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
            << ", \"desiredReplicas\": " << v.desiredReplicas
            << ", \"runningAtEnd\": " << v.runningAtEnd << ", \"podsCreated\": " << v.podsCreated
            << "}";
    }
    out << (s.deployments.empty() ? "],\n" : "\n  ],\n");
    if (!s.rollouts.empty()) {
        // Only runs with Rollouts have the key, so other runs' JSON is unchanged.
        out << "  \"rollouts\": [";
        for (std::size_t i = 0; i < s.rollouts.size(); ++i) {
            const RolloutSummary& r = s.rollouts[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(r.name)
                << ", \"strategy\": " << quote(r.strategy) << ", \"phase\": " << quote(r.phase)
                << ", \"stepsCompleted\": " << r.stepsCompleted << ", \"steps\": " << r.steps
                << ", \"aborted\": " << (r.aborted ? "true" : "false")
                << ", \"analysisRuns\": " << r.analysisRuns
                << ", \"failedAnalysisRuns\": " << r.failedAnalysisRuns
                << ", \"message\": " << quote(r.message) << "}";
        }
        out << "\n  ],\n";
    }
    out << "  \"nodes\": [";
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const NodeSummary& v = s.nodes[i];
        out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
            << ", \"zone\": " << quote(v.zone)
            << ", \"readyAtEnd\": " << (v.readyAtEnd ? "true" : "false")
            << ", \"podsAtEnd\": " << v.podsAtEnd
            << ", \"meanCpuUsedCores\": " << number(v.meanCpuUsedCores) << "}";
    }
    out << (s.nodes.empty() ? "]" : "\n  ]");
    // Only for scenarios with node groups or prices, so other summaries stay as they were.
    if (!s.nodeGroups.empty()) {
        out << ",\n  \"nodeGroups\": [";
        for (std::size_t i = 0; i < s.nodeGroups.size(); ++i) {
            const NodeGroupSummary& g = s.nodeGroups[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(g.name)
                << ", \"minSize\": " << g.minSize << ", \"maxSize\": " << g.maxSize
                << ", \"sizeAtEnd\": " << g.sizeAtEnd << ", \"peakSize\": " << g.peakSize
                << ", \"scaleUps\": " << g.scaleUps << ", \"scaleDowns\": " << g.scaleDowns
                << ", \"spotInterruptions\": " << g.spotInterruptions << "}";
        }
        out << "\n  ]";
    }
    // Only for scenarios with VM groups, so other summaries stay as they were.
    if (!s.vmGroups.empty()) {
        out << ",\n  \"vmGroups\": [";
        for (std::size_t i = 0; i < s.vmGroups.size(); ++i) {
            const VmGroupSummary& g = s.vmGroups[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(g.name)
                << ", \"service\": " << quote(g.service) << ", \"minSize\": " << g.minSize
                << ", \"maxSize\": " << g.maxSize << ", \"desiredAtEnd\": " << g.desiredAtEnd
                << ", \"inServiceAtEnd\": " << g.inServiceAtEnd
                << ", \"peakInService\": " << g.peakInService << ", \"launches\": " << g.launches
                << ", \"terminations\": " << g.terminations << ", \"scaleOuts\": " << g.scaleOuts
                << ", \"scaleIns\": " << g.scaleIns
                << ", \"instanceHours\": " << number(g.instanceHours)
                << ", \"dollars\": " << number(g.dollars) << "}";
        }
        out << "\n  ]";
    }
    // Only for scenarios with pipelines, so other summaries stay as they were.
    if (!s.pipelines.empty()) {
        writePipelinesJson(s.pipelines, out);
    }
    // Only for scenarios with queues or ScaledObjects, so other summaries stay as they were.
    if (!s.queues.empty()) {
        out << ",\n  \"queues\": [";
        for (std::size_t i = 0; i < s.queues.size(); ++i) {
            const QueueSummary& q = s.queues[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(q.name)
                << ", \"consumer\": " << quote(q.consumer) << ", \"enqueued\": " << q.enqueued
                << ", \"processed\": " << q.processed << ", \"remaining\": " << q.remaining
                << ", \"peakLength\": " << q.peakLength
                << ", \"peakOldestAgeSeconds\": " << number(q.peakOldestAgeSeconds)
                << ", \"meanWaitSeconds\": " << number(q.meanWaitSeconds)
                << ", \"firstMessageWaitSeconds\": "
                << (q.firstMessageWaitSeconds ? number(*q.firstMessageWaitSeconds)
                                              : std::string("null"))
                << "}";
        }
        out << "\n  ]";
    }
    if (!s.scaledObjects.empty()) {
        out << ",\n  \"scaledObjects\": [";
        for (std::size_t i = 0; i < s.scaledObjects.size(); ++i) {
            const ScaledObjectSummary& so = s.scaledObjects[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(so.name)
                << ", \"target\": " << quote(so.target)
                << ", \"minReplicaCount\": " << so.minReplicaCount
                << ", \"maxReplicaCount\": " << so.maxReplicaCount
                << ", \"replicasAtEnd\": " << so.replicasAtEnd
                << ", \"activations\": " << so.activations
                << ", \"deactivations\": " << so.deactivations
                << ", \"activeAtEnd\": " << (so.activeAtEnd ? "true" : "false") << "}";
        }
        out << "\n  ]";
    }
    if (!s.verticalPodAutoscalers.empty()) {
        out << ",\n  \"verticalPodAutoscalers\": [";
        for (std::size_t i = 0; i < s.verticalPodAutoscalers.size(); ++i) {
            const VpaSummary& v = s.verticalPodAutoscalers[i];
            out << (i ? ",\n" : "\n") << "    {\"name\": " << quote(v.name)
                << ", \"target\": " << quote(v.target) << ", \"container\": " << quote(v.container)
                << ", \"targetCpuMilli\": " << v.targetCpuMilli
                << ", \"targetMemoryBytes\": " << v.targetMemory
                << ", \"lowerBoundCpuMilli\": " << v.lowerBoundCpuMilli
                << ", \"lowerBoundMemoryBytes\": " << v.lowerBoundMemory
                << ", \"upperBoundCpuMilli\": " << v.upperBoundCpuMilli
                << ", \"upperBoundMemoryBytes\": " << v.upperBoundMemory << "}";
        }
        out << "\n  ]";
    }
    if (!s.outcomes.empty()) {
        out << ",\n  \"outcomes\": [";
        for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
            const ServiceOutcome& o = s.outcomes[i];
            out << (i ? ",\n" : "\n") << "    {\"service\": " << quote(o.service)
                << ", \"servedBy\": " << quote(o.servedBy)
                << ", \"sloViolationMinutes\": " << number(o.violationMinutes)
                << ", \"firstViolationSeconds\": "
                << (o.firstViolationSeconds ? number(*o.firstViolationSeconds)
                                            : std::string("null"))
                << ", \"recoveredSeconds\": "
                << (o.recoveredSeconds ? number(*o.recoveredSeconds) : std::string("null"))
                << ", \"dollars\": " << number(o.dollars) << "}";
        }
        out << "\n  ]";
    }
    const CostSummary& c = s.cost;
    if (c.priced || c.sloViolationMinutes) {
        out << ",\n  \"cost\": {\"dollars\": " << number(c.dollars)
            << ", \"dollarsPerHourAtEnd\": " << number(c.dollarsPerHourAtEnd)
            << ", \"successfulRequests\": " << c.successfulRequests;
        if (c.dollarsPerMillionRequests) {
            out << ", \"dollarsPerMillionRequests\": " << number(*c.dollarsPerMillionRequests);
        }
        if (c.sloViolationMinutes) {
            out << ", \"slo\": {\"service\": " << quote(c.sloService)
                << ", \"latencyP95Ms\": " << number(c.sloLatencyP95Ms)
                << ", \"violationMinutes\": " << number(*c.sloViolationMinutes) << "}";
        }
        out << "}";
    }
    out << "\n}\n";
}

void writeMetricsCsv(const MetricsStore& metrics, std::ostream& out) {
    // The store's series, then the table's columns (per node and pod) as series of their own.
    const SeriesTable& table = metrics.table();
    std::vector<TimeSeries> columns;
    columns.reserve(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        columns.push_back(table.series(c));
    }
    std::vector<const TimeSeries*> all;
    for (const TimeSeries& series : metrics.all()) {
        all.push_back(&series);
    }
    for (const TimeSeries& series : columns) {
        all.push_back(&series);
    }
    out << "time_s";
    for (const TimeSeries* series : all) {
        out << ',' << series->name;
    }
    out << '\n';
    // Every series is sampled on the same one-second grid, but some start late (a version
    // first served at 5 min) or stop early (a deleted pod): rows follow the union of the
    // sample times, a series without a sample at a time leaves its cell empty.
    std::vector<SimTime> times;
    for (const TimeSeries* series : all) {
        std::vector<SimTime> merged;
        merged.reserve(times.size() + series->times.size());
        std::set_union(times.begin(), times.end(), series->times.begin(), series->times.end(),
                       std::back_inserter(merged));
        times = std::move(merged);
    }
    std::vector<std::size_t> cursor(all.size(), 0);
    for (const SimTime time : times) {
        out << number(time.toSeconds());
        for (std::size_t s = 0; s < all.size(); ++s) {
            out << ',';
            const TimeSeries& series = *all[s];
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

namespace {

// A CSV field: quoted when it holds a comma, quote or line break (RFC 4180).
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

} // namespace

void writeTablesCsv(const RunSummary& s, std::ostream& out) {
    out << "kind,name,service,requests,completed,errors,success_percent,mean_ms,p50_ms,p90_ms,"
           "p95_ms,p99_ms,max_ms\n";
    const auto row = [&](std::string_view kind, const std::string& name, const std::string& service,
                         const ServiceSummary& v) {
        out << kind << ',' << csvField(name) << ',' << csvField(service) << ',' << v.requests << ','
            << v.completed << ',' << v.errors << ',';
        if (v.requests > 0) {
            out << number(100.0 * static_cast<double>(v.requests - v.errors) /
                          static_cast<double>(v.requests));
        }
        out << ',' << number(v.meanLatencyMs) << ',' << number(v.p50LatencyMs) << ','
            << number(v.p90LatencyMs) << ',' << number(v.p95LatencyMs) << ','
            << number(v.p99LatencyMs) << ',' << number(v.maxLatencyMs) << '\n';
    };
    for (const ServiceSummary& v : s.services) {
        row("service", v.name, v.name, v);
    }
    for (const VersionSummary& v : s.versions) {
        row("version", v.name, v.service, v);
    }
    for (const RouteSummary& v : s.routes) {
        row("route", v.name, "", v);
    }
}

void writeTracesJson(const std::vector<RequestTrace>& traces, std::ostream& out) {
    out << "{\"traces\": [";
    for (std::size_t t = 0; t < traces.size(); ++t) {
        const RequestTrace& trace = traces[t];
        out << (t ? ",\n" : "\n") << "  {\"id\": " << trace.id
            << ", \"source\": " << quote(trace.source)
            << ", \"class\": " << quote(trace.requestClass) << ", \"route\": " << quote(trace.route)
            << ", \"start_s\": " << number(trace.start.toSeconds())
            << ", \"end_s\": " << number(trace.end.toSeconds()) << ", \"code\": " << trace.code
            << ", \"spans\": [";
        for (std::size_t i = 0; i < trace.spans.size(); ++i) {
            const TraceSpan& span = trace.spans[i];
            out << (i ? ",\n" : "\n") << "    {\"span\": " << i << ", \"parent\": " << span.parent
                << ", \"service\": " << quote(span.service) << ", \"pod\": " << quote(span.pod)
                << ", \"node\": " << quote(span.node) << ", \"version\": " << quote(span.version)
                << ", \"start_s\": " << number(span.start.toSeconds())
                << ", \"end_s\": " << number(span.end.toSeconds()) << ", \"code\": " << span.code
                << ", \"attempt\": " << span.attempt << "}";
        }
        out << (trace.spans.empty() ? "]}" : "\n  ]}");
    }
    out << (traces.empty() ? "]}\n" : "\n]}\n");
}

} // namespace cnsim
