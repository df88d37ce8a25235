#pragma once

// Request traces: a seeded sample of arriving requests recorded as span trees (one span per
// Service a request visited), in the spirit of OpenTelemetry's trace / span model.
// Written by the traffic model (traffic/tracerecorder.h), exported as JSON (runexport.h).

#include "engine/simtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cnsim {

struct TraceSpan {
    std::string service;
    std::string pod;   // empty when no endpoint was ready
    std::string node;
    std::string version;
    SimTime start;     // the request reached the pod (or was refused)
    SimTime end;       // the response left the pod
    int code = 200;    // HTTP status: 200, or 404, 429, 500, 503
    int parent = -1;   // index of the calling span in RequestTrace::spans; -1 for the root
    int attempt = 1;   // 1 for the first try (retries come with resilience)
};

struct RequestTrace {
    std::uint64_t id = 0;  // 1, 2, … in arrival order of the sampled requests
    std::string source;    // simulation.traffic[].name
    std::string requestClass;
    std::string route;     // the gateway route, if any
    SimTime start;         // arrival from outside
    SimTime end;           // response to the outside (start while unfinished)
    int code = 0;          // 0 while unfinished
    std::vector<TraceSpan> spans; // spans[0] is the entry span
};

} // namespace cnsim
