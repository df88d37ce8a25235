#pragma once

// Reads the traffic half of `simulation:` (sim/scenario/trafficspec.h): per-Service request
// handling and downstream calls, the network, the traffic sources (a trace source's CSV file
// included) and tracing; the gateway is gatewayreader.h's. Kinds (`type:` of a source or
// a load balancer) and their attributes are checked against the registries of
// traffic/kinds.h. References between sections (a call naming a Service, a cycle in the
// call graph) are checked later by scenariovalidator.h.

#include "scenario/scenariomarks.h"
#include "scenario/trafficspec.h"
#include "scenario/yamlcursor.h"

#include <cstdint>
#include <map>
#include <string>

namespace cnsim {

// What reading one scenario's traffic sources needs beyond the YAML: where relative file
// names point, and the trace files already read (each distinct file is read once, and all
// of them together at most kMaxTraceBytesPerScenario).
struct TrafficReadContext {
    std::string baseDirectory; // empty: the current directory
    std::uintmax_t traceBytes = 0;
    std::map<std::string, std::vector<RatePoint>> traces; // by resolved path
};

constexpr std::uintmax_t kMaxTraceBytesPerScenario = 64 * 1024 * 1024;
// The longest a request's CPU, base latency or a message's processing may be.
constexpr SimTime kLongestRequestCost = SimTime::seconds(60);

// `cpuPerRequest: 20ms` (a constant) or `{distribution: …, mean, stddev, min, max}` with the
// fields its distribution needs and no others; every duration at most `longest`. Shared with
// the pipeline stages (pipelinereader.h).
DurationDistributionSpec readDistribution(DiagnosticSink& sink, const YamlEntry& entry,
                                          SimTime longest);

ServiceBehaviourSpec readServiceBehaviour(DiagnosticSink& sink, const YAML::Node& node,
                                          BehaviourMarks& marks);
NetworkSpec readNetwork(DiagnosticSink& sink, const YamlEntry& entry);
TrafficSourceSpec readTrafficSource(DiagnosticSink& sink, const YAML::Node& node,
                                    TrafficMarks& marks, TrafficReadContext& context);
TracingSpec readTracing(DiagnosticSink& sink, const YamlEntry& entry);

} // namespace cnsim
