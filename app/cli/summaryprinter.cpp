#include "summaryprinter.h"

#include "scenario/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace cnsim::cli {

namespace {

// A left-aligned text table: the first row is the header.
class Table {
public:
    void addRow(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const {
        std::vector<std::size_t> widths;
        for (const auto& row : m_rows) {
            widths.resize(std::max(widths.size(), row.size()), 0);
            for (std::size_t i = 0; i < row.size(); ++i) {
                widths[i] = std::max(widths[i], displayWidth(row[i]));
            }
        }
        for (const auto& row : m_rows) {
            out << "  ";
            for (std::size_t i = 0; i < row.size(); ++i) {
                out << row[i];
                if (i + 1 < row.size()) {
                    out << std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
                }
            }
            out << '\n';
        }
    }

private:
    // Counts UTF-8 code points, not bytes, so names with non-ASCII text still line up.
    static std::size_t displayWidth(const std::string& text) {
        return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    }
    std::vector<std::vector<std::string>> m_rows;
};

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    return whole == 0
               ? "-"
               : fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 2) + "%";
}

// Whole seconds, cut like a clock (the studio's tables show the same numbers).
std::string clock(const std::optional<double>& seconds) {
    return seconds ? formatDuration(SimTime::seconds(static_cast<std::int64_t>(*seconds)))
                   : std::string("-");
}

// Each pipeline: its runs one per line, then its totals and delivery figures.
void printPipelines(const std::vector<PipelineSummary>& pipelines, std::ostream& out) {
    for (const PipelineSummary& p : pipelines) {
        out << "\nPipeline " << p.name << " → " << p.target << "\n";
        Table table;
        table.addRow({"RUN", "IMAGE", "COMMIT", "RESULT", "DEPLOYED", "RELEASE", "RELEASE ENDED"});
        for (const PipelineRunSummary& r : p.runList) {
            const std::string result =
                r.failedStage.empty() ? r.result : r.result + " at " + r.failedStage;
            table.addRow({"#" + std::to_string(r.number), r.image, clock(r.committedSeconds),
                          result, clock(r.deployedSeconds), r.release.empty() ? "-" : r.release,
                          clock(r.releaseEndedSeconds)});
        }
        table.print(out);
        out << "  runs " << p.runs << ", succeeded " << p.succeeded << ", failed " << p.failed;
        for (const StageFailures& f : p.failuresByStage) {
            if (f.failures > 0) {
                out << " (" << f.stage << ": " << f.failures << ")";
            }
        }
        out << ", superseded " << p.superseded << "\n";
        out << "  releases completed " << p.releasesCompleted << ", failed (rolled back) "
            << p.releasesFailed << "\n";
        out << "  lead time: commit → deployed " << clock(p.meanLeadTimeToDeploySeconds)
            << " (mean), commit → release complete " << clock(p.meanLeadTimeToReleaseSeconds)
            << " (mean)\n";
        out << "  DORA: lead time for changes " << clock(p.medianLeadTimeForChangesSeconds)
            << " (median), deployment frequency "
            << (p.deploymentsPerDay ? fixed(*p.deploymentsPerDay, 1) + "/day" : "-")
            << ", change failure rate "
            << (p.changeFailureRate ? fixed(100.0 * *p.changeFailureRate, 0) + "%" : "-") << "\n";
    }
}

} // namespace

void printSummary(const Scenario& scenario, const RunSummary& s,
                  const std::vector<ClusterEvent>& events, double wallSeconds, std::ostream& out) {
    out << "Scenario   " << s.scenarioName;
    if (!scenario.metadata.title.en.empty()) {
        out << " — " << scenario.metadata.title.en;
    }
    out << "\nSeed       " << s.seed << "\n";
    out << "Simulated  " << formatClock(s.simulatedTime) << " in " << fixed(wallSeconds, 2)
        << " s of wall time";
    if (wallSeconds > 0.0) {
        out << " (" << fixed(s.simulatedTime.toSeconds() / wallSeconds, 0) << "x real time)";
    }
    out << "\nEvents     " << s.engineEvents << " engine events, " << s.clusterEvents
        << " cluster events\n";
    if (!scenario.simulation.traffic.empty()) {
        out << "Traffic    "
            << (s.trafficMode == "aggregate"
                    ? "aggregate: rates per pod and second (trafficMode: aggregate)"
                    : "per request: one event per request and hop")
            << "\n";
    }

    // Requests per Service, per version of a Service and per gateway route.
    const auto ms = [](double value) { return fixed(value, 1) + " ms"; };
    const auto requestRow = [&](std::vector<std::string> names, const ServiceSummary& v) {
        names.insert(names.end(), {std::to_string(v.requests), std::to_string(v.errors),
                                   percent(v.requests - v.errors, v.requests), ms(v.p50LatencyMs),
                                   ms(v.p95LatencyMs), ms(v.p99LatencyMs), ms(v.maxLatencyMs)});
        return names;
    };
    const std::vector<std::string> statsHeader{"REQUESTS", "ERRORS", "SUCCESS", "P50",
                                               "P95",      "P99",    "MAX"};
    const auto header = [&](std::vector<std::string> names) {
        names.insert(names.end(), statsHeader.begin(), statsHeader.end());
        return names;
    };
    if (!s.services.empty()) {
        out << "\nServices\n";
        Table table;
        table.addRow(header({"NAME"}));
        for (const ServiceSummary& v : s.services) {
            table.addRow(requestRow({v.name}, v));
        }
        table.print(out);
    }
    if (!s.versions.empty()) {
        out << "\nVersions\n";
        Table table;
        table.addRow(header({"SERVICE", "VERSION"}));
        for (const VersionSummary& v : s.versions) {
            table.addRow(requestRow({v.service, v.name}, v));
        }
        table.print(out);
    }
    if (!s.routes.empty()) {
        out << "\nGateway routes\n";
        Table table;
        table.addRow(header({"ROUTE"}));
        for (const RouteSummary& v : s.routes) {
            table.addRow(requestRow({v.name}, v));
        }
        table.print(out);
    }
    if (!s.deployments.empty()) {
        out << "\nDeployments\n";
        Table table;
        table.addRow({"NAME", "DESIRED", "RUNNING", "PODS CREATED"});
        for (const DeploymentSummary& v : s.deployments) {
            table.addRow({v.name, std::to_string(v.desiredReplicas), std::to_string(v.runningAtEnd),
                          std::to_string(v.podsCreated)});
        }
        table.print(out);
    }
    if (!s.autoscalers.empty()) {
        out << "\nHorizontal Pod Autoscalers\n";
        Table table;
        table.addRow({"NAME", "REFERENCE", "MINPODS", "MAXPODS", "REPLICAS", "PEAK", "RESCALES"});
        for (const HpaSummary& h : s.autoscalers) {
            table.addRow({h.name, h.reference, std::to_string(h.minReplicas),
                          std::to_string(h.maxReplicas), std::to_string(h.currentReplicas),
                          std::to_string(h.peakReplicas), std::to_string(h.rescales)});
        }
        table.print(out);
    }
    if (!s.scaledObjects.empty()) {
        out << "\nKEDA ScaledObjects\n";
        Table table;
        table.addRow(
            {"NAME", "TARGET", "MIN", "MAX", "REPLICAS", "ACTIVE", "ACTIVATIONS", "DEACTIVATIONS"});
        for (const ScaledObjectSummary& so : s.scaledObjects) {
            table.addRow({so.name, "Deployment/" + so.target, std::to_string(so.minReplicaCount),
                          std::to_string(so.maxReplicaCount), std::to_string(so.replicasAtEnd),
                          so.activeAtEnd ? "True" : "False", std::to_string(so.activations),
                          std::to_string(so.deactivations)});
        }
        table.print(out);
    }
    if (!s.verticalPodAutoscalers.empty()) {
        out << "\nVertical Pod Autoscalers (recommended requests)\n";
        Table table;
        table.addRow({"NAME", "TARGET", "CONTAINER", "CPU", "MEMORY", "CPU RANGE", "MEMORY RANGE"});
        for (const VpaSummary& v : s.verticalPodAutoscalers) {
            table.addRow({v.name, "Deployment/" + v.target, v.container,
                          formatCpu(CpuMillis{v.targetCpuMilli}),
                          formatMemory(Bytes{v.targetMemory}),
                          formatCpu(CpuMillis{v.lowerBoundCpuMilli}) + " … " +
                              formatCpu(CpuMillis{v.upperBoundCpuMilli}),
                          formatMemory(Bytes{v.lowerBoundMemory}) + " … " +
                              formatMemory(Bytes{v.upperBoundMemory})});
        }
        table.print(out);
    }
    if (!s.queues.empty()) {
        out << "\nQueues\n";
        Table table;
        table.addRow({"NAME", "CONSUMER", "PUBLISHED", "PROCESSED", "LEFT", "PEAK LENGTH",
                      "OLDEST (PEAK)", "MEAN WAIT", "FIRST MESSAGE WAITED"});
        for (const QueueSummary& q : s.queues) {
            table.addRow(
                {q.name, q.consumer, std::to_string(q.enqueued), std::to_string(q.processed),
                 std::to_string(q.remaining), std::to_string(q.peakLength),
                 fixed(q.peakOldestAgeSeconds, 1) + " s", fixed(q.meanWaitSeconds, 1) + " s",
                 q.firstMessageWaitSeconds ? fixed(*q.firstMessageWaitSeconds, 1) + " s" : "-"});
        }
        table.print(out);
    }
    if (!s.rollouts.empty()) {
        out << "\nRollouts\n";
        Table table;
        table.addRow({"NAME", "STRATEGY", "PHASE", "STEPS", "ABORTED", "ANALYSIS RUNS", "MESSAGE"});
        for (const RolloutSummary& r : s.rollouts) {
            table.addRow({r.name, r.strategy, r.phase,
                          r.strategy == "canary"
                              ? std::to_string(r.stepsCompleted) + "/" + std::to_string(r.steps)
                              : "-",
                          r.aborted ? "yes" : "no",
                          std::to_string(r.analysisRuns) + " (" +
                              std::to_string(r.failedAnalysisRuns) + " failed)",
                          r.message.empty() ? "-" : r.message});
        }
        table.print(out);
    }
    out << "\nNodes\n";
    Table nodes;
    nodes.addRow({"NAME", "ZONE", "STATUS", "PODS", "MEAN CPU USED"});
    for (const NodeSummary& v : s.nodes) {
        nodes.addRow({v.name, v.zone, v.readyAtEnd ? "Ready" : "Failed",
                      std::to_string(v.podsAtEnd), fixed(v.meanCpuUsedCores, 2) + " cores"});
    }
    nodes.print(out);
    if (!s.nodeGroups.empty()) {
        out << "\nNode groups (cluster autoscaler)\n";
        Table table;
        table.addRow({"NAME", "MIN", "MAX", "SIZE", "PEAK", "SCALE-UPS", "SCALE-DOWNS"});
        for (const NodeGroupSummary& g : s.nodeGroups) {
            table.addRow({g.name, std::to_string(g.minSize), std::to_string(g.maxSize),
                          std::to_string(g.sizeAtEnd), std::to_string(g.peakSize),
                          std::to_string(g.scaleUps), std::to_string(g.scaleDowns)});
        }
        table.print(out);
    }
    if (!s.vmGroups.empty()) {
        out << "\nVM groups (one application per VM, no containers)\n";
        Table table;
        table.addRow({"NAME", "SERVICE", "MIN", "MAX", "DESIRED", "IN SERVICE", "PEAK", "LAUNCHES",
                      "TERMINATIONS", "INSTANCE-HOURS", "COST"});
        for (const VmGroupSummary& g : s.vmGroups) {
            table.addRow({g.name, g.service, std::to_string(g.minSize), std::to_string(g.maxSize),
                          std::to_string(g.desiredAtEnd), std::to_string(g.inServiceAtEnd),
                          std::to_string(g.peakInService), std::to_string(g.launches),
                          std::to_string(g.terminations), fixed(g.instanceHours, 3),
                          "$" + fixed(g.dollars, 4)});
        }
        table.print(out);
    }
    printPipelines(s.pipelines, out);
    if (!s.outcomes.empty()) {
        out << "\nOutcome by Service (SLO p95 <= " + fixed(s.cost.sloLatencyP95Ms, 0) + " ms)\n";
        Table table;
        table.addRow({"SERVICE", "SERVED BY", "SLO VIOLATED", "OVERLOADED FROM", "ABSORBED AT",
                      "TIME TO ABSORB", "COST"});
        const auto at = [](const std::optional<double>& seconds) {
            return seconds ? formatDuration(SimTime::seconds(std::llround(*seconds)))
                           : std::string("-");
        };
        for (const ServiceOutcome& o : s.outcomes) {
            const std::string took = o.firstViolationSeconds && o.recoveredSeconds
                                         ? formatDuration(SimTime::seconds(std::llround(
                                               *o.recoveredSeconds - *o.firstViolationSeconds)))
                                     : o.firstViolationSeconds ? std::string("not by the end")
                                                               : std::string("-");
            table.addRow({o.service, o.servedBy, fixed(o.violationMinutes, 2) + " min",
                          at(o.firstViolationSeconds), at(o.recoveredSeconds), took,
                          "$" + fixed(o.dollars, 4)});
        }
        table.print(out);
    }
    const CostSummary& cost = s.cost;
    if (cost.priced || cost.sloViolationMinutes) {
        out << "\nCost and outcome\n";
        Table table;
        if (cost.priced) {
            table.addRow({"Cost", "$" + fixed(cost.dollars, 4) + " (at the end $" +
                                      fixed(cost.dollarsPerHourAtEnd, 4) + "/h)"});
            if (cost.dollarsPerMillionRequests) {
                table.addRow({"Per million successful requests",
                              "$" + fixed(*cost.dollarsPerMillionRequests, 4) + " (" +
                                  std::to_string(cost.successfulRequests) + " requests)"});
            }
        }
        if (cost.sloViolationMinutes) {
            table.addRow(
                {"SLO " + cost.sloService + " p95 <= " + fixed(cost.sloLatencyP95Ms, 0) + " ms",
                 fixed(*cost.sloViolationMinutes, 2) + " minutes violated"});
        }
        table.print(out);
    }

    // What happened, by who did it: the architecture at work.
    std::map<std::pair<std::string, std::string>, int> counts;
    for (const ClusterEvent& e : events) {
        ++counts[{std::string(componentName(e.component)), std::string(reasonName(e.reason))}];
    }
    if (!counts.empty()) {
        out << "\nCluster events\n";
        Table table;
        table.addRow({"COMPONENT", "REASON", "COUNT"});
        for (const auto& [key, count] : counts) {
            table.addRow({key.first, key.second, std::to_string(count)});
        }
        table.print(out);
    }
}

} // namespace cnsim::cli
