#pragma once

// Reads `simulation.gateway` (trafficspec.h's GatewaySpec), modelled on Gateway API's
// HTTPRoute: routes with hostnames, path-prefix and exact-header matches, weighted
// backendRefs and cnsim's rate limit; and the HTTP pieces a request class shares with it
// (hostname, path, headers), validated as Gateway API validates them.

#include "scenario/scenariomarks.h"
#include "scenario/trafficspec.h"
#include "scenario/yamlcursor.h"

#include <map>
#include <optional>
#include <string>

namespace cnsim {

GatewaySpec readGateway(DiagnosticSink& sink, const YamlEntry& entry, GatewayMarks& marks);

// A request path or a PathPrefix value: starts with '/', at most 1024 characters, no "//",
// spaces, control characters, '?' or '#'.
std::optional<std::string> readPath(DiagnosticSink& sink, const YamlEntry& entry);
// `node` (an item of `entry` or its value): a DNS-1123 subdomain, optionally "*." first.
std::optional<std::string> readHostname(DiagnosticSink& sink, const YamlEntry& entry,
                                        const YAML::Node& node);
// A request's headers, a mapping of name to value; names are lower-cased (HTTP header names
// ignore case) and may not repeat.
std::map<std::string, std::string> readRequestHeaders(DiagnosticSink& sink, const YamlEntry& entry);

} // namespace cnsim
