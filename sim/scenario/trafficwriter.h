#pragma once

// Writes the traffic half of `simulation:` (sim/scenario/trafficspec.h) in canonical form,
// the inverse of trafficreader.h: shorthands where the reader has one (a constant
// cpuPerRequest as a plain duration, a load balancer without attributes as its name, a
// source with one class named after itself written inline), defaults left out where the
// format says so, and a trace source's `file:` but never its rows.

#include "scenario/trafficspec.h"
#include "scenario/yamlwriter.h"

#include <vector>

namespace cnsim {

// A duration distribution as `name:` — a plain duration for a constant, else a mapping; the
// inverse of trafficreader.h's readDistribution.
void writeDistribution(YamlWriter& w, const char* name, const DurationDistributionSpec& spec);
void writeServiceBehaviours(YamlWriter& w, const std::vector<ServiceBehaviourSpec>& services);
void writeNetwork(YamlWriter& w, const NetworkSpec& network);
void writeGateway(YamlWriter& w, const GatewaySpec& gateway);
void writeTrafficSources(YamlWriter& w, const std::vector<TrafficSourceSpec>& sources);
void writeTracing(YamlWriter& w, const TracingSpec& tracing);
// `20ms` for a constant, else `{distribution: …}` (cpuPerRequest's form).
void writeDurationDistribution(YamlWriter& w, const char* name,
                               const DurationDistributionSpec& spec);

} // namespace cnsim
