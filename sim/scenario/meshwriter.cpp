#include "scenario/meshwriter.h"

#include "scenario/manifestwriter.h"
#include "scenario/quantity.h"

namespace cnsim {

namespace {

void writeStringMatch(YamlWriter& w, std::string_view key, const MeshStringMatch& match) {
    w.key(key);
    w.beginMap();
    w.field(match.prefix ? "prefix" : "exact", match.value);
    w.endMap();
}

void writePercentage(YamlWriter& w, double percent) {
    w.key("percentage");
    w.beginMap();
    w.number("value", percent);
    w.endMap();
}

void writeFault(YamlWriter& w, const MeshFaultSpec& fault) {
    w.key("fault");
    w.beginMap();
    if (fault.fixedDelay) {
        w.key("delay");
        w.beginMap();
        w.field("fixedDelay", formatDuration(*fault.fixedDelay));
        writePercentage(w, fault.delayPercent);
        w.endMap();
    }
    if (fault.abortStatus) {
        w.key("abort");
        w.beginMap();
        w.integer("httpStatus", *fault.abortStatus);
        writePercentage(w, fault.abortPercent);
        w.endMap();
    }
    w.endMap();
}

void writeRoute(YamlWriter& w, const MeshHttpRoute& route) {
    w.beginMap();
    if (!route.name.empty()) {
        w.field("name", route.name);
    }
    if (!route.match.empty()) {
        w.key("match");
        w.beginSeq();
        for (const MeshHttpMatch& match : route.match) {
            w.beginMap();
            if (!match.headers.empty()) {
                w.key("headers");
                w.beginMap();
                for (const auto& [name, value] : match.headers) {
                    writeStringMatch(w, name, value);
                }
                w.endMap();
            }
            if (match.uri) {
                writeStringMatch(w, "uri", *match.uri);
            }
            w.endMap();
        }
        w.endSeq();
    }
    w.key("route");
    w.beginSeq();
    for (const MeshRouteDestination& destination : route.route) {
        w.beginMap();
        w.key("destination");
        w.beginMap();
        w.field("host", destination.host);
        if (!destination.subset.empty()) {
            w.field("subset", destination.subset);
        }
        w.endMap();
        if (destination.weight) {
            w.integer("weight", *destination.weight);
        }
        w.endMap();
    }
    w.endSeq();
    if (route.timeout) {
        w.field("timeout", formatDuration(*route.timeout));
    }
    if (route.retries) {
        w.key("retries");
        w.beginMap();
        w.integer("attempts", route.retries->attempts);
        if (route.retries->perTryTimeout) {
            w.field("perTryTimeout", formatDuration(*route.retries->perTryTimeout));
        }
        if (route.retries->retryOn != MeshRetrySpec{}.retryOn) {
            w.field("retryOn", route.retries->retryOn);
        }
        w.endMap();
    }
    if (route.fault) {
        writeFault(w, *route.fault);
    }
    w.endMap();
}

void writeTrafficPolicy(YamlWriter& w, const MeshTrafficPolicy& policy) {
    w.key("trafficPolicy");
    w.beginMap();
    if (policy.loadBalancer != MeshLoadBalancer::Unset) {
        static constexpr const char* kNames[] = {"", "ROUND_ROBIN", "LEAST_REQUEST", "RANDOM"};
        w.key("loadBalancer");
        w.beginMap();
        w.field("simple", kNames[static_cast<int>(policy.loadBalancer)]);
        w.endMap();
    }
    if (policy.connectionPool) {
        w.key("connectionPool");
        w.beginMap();
        if (policy.connectionPool->http2MaxRequests) {
            w.key("http");
            w.beginMap();
            w.integer("http2MaxRequests", *policy.connectionPool->http2MaxRequests);
            w.endMap();
        }
        w.endMap();
    }
    if (policy.outlierDetection) {
        const MeshOutlierDetectionSpec& od = *policy.outlierDetection;
        w.key("outlierDetection");
        w.beginMap();
        w.integer("consecutive5xxErrors", od.consecutive5xxErrors);
        w.field("interval", formatDuration(od.interval));
        w.field("baseEjectionTime", formatDuration(od.baseEjectionTime));
        w.integer("maxEjectionPercent", od.maxEjectionPercent);
        w.endMap();
    }
    w.endMap();
}

// apiVersion, kind, metadata, and opens `spec:`.
void beginObject(YamlWriter& w, const IstioObject& object, const char* kind) {
    w.beginMap();
    w.field("apiVersion", object.apiVersion);
    w.field("kind", kind);
    writeMetadata(w, object.name, object.nameSpace, object.labels);
    w.key("spec");
    w.beginMap();
}

} // namespace

void writeVirtualService(YamlWriter& w, const VirtualServiceSpec& vs) {
    beginObject(w, vs, "VirtualService");
    w.key("hosts");
    w.beginSeq();
    for (const std::string& host : vs.hosts) {
        w.text(host);
    }
    w.endSeq();
    w.key("http");
    w.beginSeq();
    for (const MeshHttpRoute& route : vs.http) {
        writeRoute(w, route);
    }
    w.endSeq();
    w.endMap();
    w.endMap();
}

void writeDestinationRule(YamlWriter& w, const DestinationRuleSpec& rule) {
    beginObject(w, rule, "DestinationRule");
    w.field("host", rule.host);
    if (rule.trafficPolicy) {
        writeTrafficPolicy(w, *rule.trafficPolicy);
    }
    if (!rule.subsets.empty()) {
        w.key("subsets");
        w.beginSeq();
        for (const MeshSubsetSpec& subset : rule.subsets) {
            w.beginMap();
            w.field("name", subset.name);
            w.labels("labels", subset.labels);
            if (subset.trafficPolicy) {
                writeTrafficPolicy(w, *subset.trafficPolicy);
            }
            w.endMap();
        }
        w.endSeq();
    }
    w.endMap();
    w.endMap();
}

void writeMeshSettings(YamlWriter& w, const MeshSettingsSpec& mesh) {
    const MeshSettingsSpec defaults;
    w.key("mesh");
    w.beginMap();
    w.field("mode", mesh.mode == MeshMode::Sidecar ? "sidecar" : "none");
    if (mesh.sidecarCpuPerRequest != defaults.sidecarCpuPerRequest) {
        w.field("sidecarCpuPerRequest", formatDuration(mesh.sidecarCpuPerRequest));
    }
    if (mesh.sidecarLatency != defaults.sidecarLatency) {
        w.field("sidecarLatency", formatDuration(mesh.sidecarLatency));
    }
    if (mesh.sidecarCpuRequest != defaults.sidecarCpuRequest) {
        w.field("sidecarCpuRequest", formatCpu(mesh.sidecarCpuRequest));
    }
    if (mesh.sidecarMemoryRequest != defaults.sidecarMemoryRequest) {
        w.field("sidecarMemoryRequest", formatMemory(mesh.sidecarMemoryRequest));
    }
    w.endMap();
}

} // namespace cnsim
