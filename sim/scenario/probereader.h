#pragma once

// Reader for a container's readiness, liveness and startup probes (core/v1 Probe),
// validated as the API server does (core validation validateProbe): exactly one handler,
// timing fields positive, successThreshold 1 for liveness and startup probes.
//
// The handler (httpGet, tcpSocket, exec, grpc) does not change the simulation, so it is
// kept verbatim in Probe::handler; the timing fields are modelled.

#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

enum class ProbeKind { Readiness, Liveness, Startup };

Probe readProbe(DiagnosticSink& sink, const YamlEntry& entry, ProbeKind kind,
                const std::string& path, std::vector<PreservedField>& kept);

} // namespace cnsim
