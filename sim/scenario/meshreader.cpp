#include "scenario/meshreader.h"

#include "scenario/editdistance.h"
#include "scenario/manifestreader.h"
#include "scenario/names.h"

#include <algorithm>
#include <set>

namespace cnsim {

namespace {

constexpr std::string_view kIstioGroup = "networking.istio.io/";
const std::vector<std::string_view> kIstioVersions{
    "networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"};
constexpr SimTime kLongestTimeout = SimTime::hours(1);

// Istio's fields, as Kubernetes' are: "field" in messages, misspellings suggested among
// `modelled` and `refused`.
FieldTable istioFields(std::string_view context, std::vector<std::string_view> modelled,
                       const std::vector<std::string_view>& refused = {}) {
    modelled.insert(modelled.end(), refused.begin(), refused.end());
    return FieldTable{context, std::move(modelled), {}, true, nullptr};
}

// Istio fields cnsim knows but does not simulate: an error each, naming the field, since a
// mesh setting that silently did nothing would teach the wrong lesson.
void refuse(DiagnosticSink& sink, const MapCursor& map, std::string_view context,
            const std::vector<std::string_view>& refused) {
    for (const std::string_view key : refused) {
        if (const YamlEntry* found = map.find(key)) {
            sink.error(found->keyMark(), "unsupported-field",
                       {std::string(key), std::string(context)},
                       "field '" + std::string(key) + "' of " + std::string(context) +
                           " is not modelled by cnsim; remove it (docs/traffic.md, \"Service "
                           "mesh\", lists what the mesh simulates)");
        }
    }
}

// StringMatch: exactly one of exact or prefix.
std::optional<MeshStringMatch> readStringMatch(DiagnosticSink& sink, const YamlEntry& entry,
                                               std::string_view context) {
    const FieldTable table = istioFields(context, {"exact", "prefix"}, {"regex"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    refuse(sink, map, context, {"regex"});
    const YamlEntry* exact = map.find("exact");
    const YamlEntry* prefix = map.find("prefix");
    if (map.isMap() && (exact == nullptr) == (prefix == nullptr) && map.find("regex") == nullptr) {
        sink.error(entry.keyMark(), "missing-key", {"exact", std::string(context)},
                   std::string(context) + " needs exactly one of 'exact' or 'prefix'");
        return std::nullopt;
    }
    const YamlEntry* given = exact != nullptr ? exact : prefix;
    if (given == nullptr) {
        return std::nullopt;
    }
    const std::optional<std::string> value = readString(sink, *given);
    if (!value) {
        return std::nullopt;
    }
    return MeshStringMatch{prefix != nullptr, *value};
}

MeshHttpMatch readMatch(DiagnosticSink& sink, const YAML::Node& node) {
    static const std::vector<std::string_view> refused{
        "scheme",         "method",          "authority",   "port",
        "sourceLabels",   "gateways",        "queryParams", "ignoreUriCase",
        "withoutHeaders", "sourceNamespace", "statPrefix",  "name"};
    const FieldTable table = istioFields("HTTPMatchRequest", {"headers", "uri"}, refused);
    MapCursor map(sink, node, node.Mark(), table);
    refuse(sink, map, "HTTPMatchRequest", refused);
    MeshHttpMatch match;
    if (const YamlEntry* headers = map.find("headers")) {
        if (!headers->value.IsMap()) {
            sink.error(headers->value.Mark(), "wrong-type",
                       {"headers", describeNode(headers->value)},
                       "'headers' must map header names to {exact: …} or {prefix: …}, got " +
                           describeNode(headers->value));
        } else {
            for (auto it = headers->value.begin(); it != headers->value.end(); ++it) {
                YamlEntry header{it->first.Scalar(), it->first, it->second};
                std::string name = header.key;
                std::transform(name.begin(), name.end(), name.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if (std::optional<MeshStringMatch> value =
                        readStringMatch(sink, header, "header match")) {
                    match.headers[name] = *value;
                }
            }
        }
    }
    if (const YamlEntry* uri = map.find("uri")) {
        match.uri = readStringMatch(sink, *uri, "uri match");
    }
    return match;
}

MeshRetrySpec readRetries(DiagnosticSink& sink, const YamlEntry& entry) {
    static const std::vector<std::string_view> refused{"retryRemoteLocalities", "backoff"};
    const FieldTable table =
        istioFields("HTTPRetry", {"attempts", "perTryTimeout", "retryOn"}, refused);
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    refuse(sink, map, "HTTPRetry", refused);
    MeshRetrySpec retry;
    // Istio's ConvertPolicy (pilot/pkg/networking/core/route/retry/retry.go): a retries block
    // without attempts, or with 0, switches retries off.
    retry.attempts = 0;
    if (const YamlEntry* attempts = map.find("attempts")) {
        retry.attempts = static_cast<int>(readInteger(sink, *attempts, 0, 100).value_or(0));
    }
    if (const YamlEntry* perTry = map.find("perTryTimeout")) {
        retry.perTryTimeout =
            readDuration(sink, *perTry, SimTime::milliseconds(1), kLongestTimeout);
    }
    if (const YamlEntry* retryOn = map.find("retryOn")) {
        const std::string text = readString(sink, *retryOn).value_or(retry.retryOn);
        // Envoy's x-envoy-retry-on conditions cnsim can tell apart, plus status codes.
        static const std::vector<std::string_view> known{
            "5xx",         "gateway-error", "connect-failure",        "refused-stream",
            "unavailable", "cancelled",     "retriable-status-codes", "reset"};
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            const std::string token = text.substr(start, comma - start);
            const bool code = !token.empty() && token.size() == 3 &&
                              std::all_of(token.begin(), token.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
            if (!code && std::find(known.begin(), known.end(), token) == known.end()) {
                const std::string suggestion = nearestName(token, known);
                sink.error(retryOn->value.Mark(), "unknown-value", {"retryOn", token},
                           "retryOn condition '" + token +
                               "' is not one cnsim models (5xx, gateway-error, connect-failure, "
                               "refused-stream, unavailable, cancelled, retriable-status-codes, "
                               "reset, or an HTTP status code such as 503)" +
                               (suggestion.empty() ? std::string()
                                                   : " — did you mean '" + suggestion + "'?"));
            }
            start = comma + 1;
        }
        retry.retryOn = text;
    }
    return retry;
}

// Percent {value}: 0 … 100, required (Istio leaves an unset percentage's meaning to the
// version; cnsim asks for it).
double readPercentage(DiagnosticSink& sink, const MapCursor& map, std::string_view context) {
    const YamlEntry* percentage = map.find("percentage");
    if (percentage == nullptr) {
        if (map.isMap()) {
            sink.error(map.owner(), "missing-key", {"percentage", std::string(context)},
                       "missing required field 'percentage' in " + std::string(context) +
                           " (e.g. percentage: {value: 10})");
        }
        return 0.0;
    }
    const FieldTable table = istioFields("Percent", {"value"});
    MapCursor value(sink, percentage->value, percentage->keyMark(), table);
    if (const YamlEntry* v = value.require("value")) {
        return readNumber(sink, *v, 0.0, 100.0).value_or(0.0);
    }
    return 0.0;
}

MeshFaultSpec readFault(DiagnosticSink& sink, const YamlEntry& entry) {
    const FieldTable table = istioFields("HTTPFaultInjection", {"delay", "abort"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    MeshFaultSpec fault;
    if (const YamlEntry* delay = map.find("delay")) {
        static const std::vector<std::string_view> refused{"percent", "exponentialDelay"};
        const FieldTable delayTable = istioFields("Delay", {"fixedDelay", "percentage"}, refused);
        MapCursor delayMap(sink, delay->value, delay->keyMark(), delayTable);
        refuse(sink, delayMap, "Delay", refused);
        if (const YamlEntry* fixed = delayMap.require("fixedDelay")) {
            fault.fixedDelay =
                readDuration(sink, *fixed, SimTime::milliseconds(1), kLongestTimeout);
        }
        fault.delayPercent = readPercentage(sink, delayMap, "Delay");
    }
    if (const YamlEntry* abort = map.find("abort")) {
        static const std::vector<std::string_view> refused{"grpcStatus", "http2Error"};
        const FieldTable abortTable = istioFields("Abort", {"httpStatus", "percentage"}, refused);
        MapCursor abortMap(sink, abort->value, abort->keyMark(), abortTable);
        refuse(sink, abortMap, "Abort", refused);
        if (const YamlEntry* status = abortMap.require("httpStatus")) {
            fault.abortStatus =
                static_cast<int>(readInteger(sink, *status, 200, 599).value_or(503));
        }
        fault.abortPercent = readPercentage(sink, abortMap, "Abort");
    }
    return fault;
}

MeshRouteDestination readDestination(DiagnosticSink& sink, const YAML::Node& node,
                                     std::vector<ReferenceMark>& references) {
    const FieldTable table =
        istioFields("HTTPRouteDestination", {"destination", "weight"}, {"headers"});
    MapCursor map(sink, node, node.Mark(), table);
    refuse(sink, map, "HTTPRouteDestination", {"headers"});
    MeshRouteDestination destination;
    if (const YamlEntry* target = map.require("destination")) {
        const FieldTable targetTable = istioFields("Destination", {"host", "subset"}, {"port"});
        MapCursor targetMap(sink, target->value, target->keyMark(), targetTable);
        refuse(sink, targetMap, "Destination (a cnsim Service has one port)", {"port"});
        if (const YamlEntry* host = targetMap.require("host")) {
            destination.host = readString(sink, *host).value_or("");
            references.push_back(ReferenceMark{"Service", destination.host, host->value.Mark()});
        }
        if (const YamlEntry* subset = targetMap.find("subset")) {
            destination.subset = readString(sink, *subset).value_or("");
            references.push_back(ReferenceMark{
                "subset", destination.host + "/" + destination.subset, subset->value.Mark()});
        }
    }
    if (const YamlEntry* weight = map.find("weight")) {
        destination.weight = static_cast<int>(readInteger(sink, *weight, 0, 100).value_or(0));
    }
    return destination;
}

MeshHttpRoute readHttpRoute(DiagnosticSink& sink, const YAML::Node& node,
                            std::vector<ReferenceMark>& references) {
    static const std::vector<std::string_view> refused{
        "mirror",   "mirrorPercentage", "mirrors",  "mirrorPercent", "rewrite",
        "redirect", "directResponse",   "delegate", "headers",       "corsPolicy"};
    const FieldTable table = istioFields(
        "HTTPRoute", {"name", "match", "route", "timeout", "retries", "fault"}, refused);
    MapCursor map(sink, node, node.Mark(), table);
    refuse(sink, map, "HTTPRoute", refused);
    MeshHttpRoute route;
    if (const YamlEntry* name = map.find("name")) {
        route.name = readString(sink, *name).value_or("");
    }
    if (const YamlEntry* match = map.find("match")) {
        for (const YAML::Node& item : readList(sink, *match)) {
            route.match.push_back(readMatch(sink, item));
        }
    }
    if (const YamlEntry* destinations = map.require("route")) {
        const std::vector<YAML::Node> items = readList(sink, *destinations);
        if (items.empty() && (destinations->value.IsNull() || destinations->value.IsSequence())) {
            sink.error(destinations->keyMark(), "empty-list", {"route"},
                       "'route' must list at least one destination");
        }
        for (const YAML::Node& item : items) {
            route.route.push_back(readDestination(sink, item, references));
        }
        if (route.route.size() > 1) {
            // Istio's validation (pkg/config/validation validateHTTPRouteDestinations): with
            // several destinations the weights say how they share the requests; they add up
            // to 100.
            int total = 0;
            bool missing = false;
            for (const MeshRouteDestination& d : route.route) {
                total += d.weight.value_or(0);
                missing = missing || !d.weight;
            }
            if (missing || total != 100) {
                sink.error(destinations->keyMark(), "weights-total", {std::to_string(total)},
                           "the weights of a route's destinations must each be given and add up "
                           "to 100, got " +
                               std::to_string(total) + (missing ? " (a weight is missing)" : ""));
            }
        }
    }
    if (const YamlEntry* timeout = map.find("timeout")) {
        route.timeout = readDuration(sink, *timeout, SimTime::milliseconds(1), kLongestTimeout);
    }
    if (const YamlEntry* retries = map.find("retries")) {
        route.retries = readRetries(sink, *retries);
    }
    if (const YamlEntry* fault = map.find("fault")) {
        route.fault = readFault(sink, *fault);
    }
    return route;
}

void readVirtualServiceSpec(DiagnosticSink& sink, const YamlEntry& entry, VirtualServiceSpec& vs,
                            std::vector<ReferenceMark>& references) {
    static const std::vector<std::string_view> refused{"gateways", "tcp", "tls", "exportTo"};
    const FieldTable table = istioFields("VirtualService spec", {"hosts", "http"}, refused);
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    refuse(sink, map, "VirtualService spec", refused);
    if (const YamlEntry* hosts = map.require("hosts")) {
        for (const YAML::Node& item : readList(sink, *hosts)) {
            YamlEntry host{"hosts", item, item};
            if (std::optional<std::string> name = readString(sink, host)) {
                references.push_back(ReferenceMark{"Service", *name, item.Mark()});
                vs.hosts.push_back(*name);
            }
        }
        if (vs.hosts.empty() && hosts->value.IsSequence()) {
            sink.error(hosts->keyMark(), "empty-list", {"hosts"},
                       "'hosts' must name at least one Service");
        }
    }
    if (const YamlEntry* http = map.require("http")) {
        for (const YAML::Node& item : readList(sink, *http)) {
            vs.http.push_back(readHttpRoute(sink, item, references));
        }
    }
}

MeshTrafficPolicy readTrafficPolicy(DiagnosticSink& sink, const YamlEntry& entry) {
    static const std::vector<std::string_view> refused{"tls", "portLevelSettings", "tunnel",
                                                       "proxyProtocol"};
    const FieldTable table = istioFields(
        "TrafficPolicy", {"loadBalancer", "connectionPool", "outlierDetection"}, refused);
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    refuse(sink, map, "TrafficPolicy", refused);
    MeshTrafficPolicy policy;
    if (const YamlEntry* lb = map.find("loadBalancer")) {
        static const std::vector<std::string_view> lbRefused{"consistentHash", "localityLbSetting",
                                                             "warmupDurationSecs", "warmup"};
        const FieldTable lbTable = istioFields("LoadBalancerSettings", {"simple"}, lbRefused);
        MapCursor lbMap(sink, lb->value, lb->keyMark(), lbTable);
        refuse(sink, lbMap, "LoadBalancerSettings", lbRefused);
        if (const YamlEntry* simple = lbMap.require("simple")) {
            if (const auto index =
                    readEnum(sink, *simple, {"ROUND_ROBIN", "LEAST_REQUEST", "RANDOM"})) {
                policy.loadBalancer = static_cast<MeshLoadBalancer>(*index + 1);
            }
        }
    }
    if (const YamlEntry* pool = map.find("connectionPool")) {
        const FieldTable poolTable = istioFields("ConnectionPoolSettings", {"http"}, {"tcp"});
        MapCursor poolMap(sink, pool->value, pool->keyMark(), poolTable);
        refuse(sink, poolMap, "ConnectionPoolSettings", {"tcp"});
        MeshConnectionPoolSpec spec;
        if (const YamlEntry* http = poolMap.find("http")) {
            static const std::vector<std::string_view> httpRefused{"http1MaxPendingRequests",
                                                                   "maxRequestsPerConnection",
                                                                   "maxRetries",
                                                                   "idleTimeout",
                                                                   "h2UpgradePolicy",
                                                                   "useClientProtocol",
                                                                   "maxConcurrentStreams"};
            const FieldTable httpTable =
                istioFields("HTTPSettings", {"http2MaxRequests"}, httpRefused);
            MapCursor httpMap(sink, http->value, http->keyMark(), httpTable);
            refuse(sink, httpMap, "HTTPSettings", httpRefused);
            if (const YamlEntry* max = httpMap.find("http2MaxRequests")) {
                spec.http2MaxRequests =
                    static_cast<int>(readInteger(sink, *max, 1, 1'000'000).value_or(1));
            }
        }
        policy.connectionPool = spec;
    }
    if (const YamlEntry* outlier = map.find("outlierDetection")) {
        static const std::vector<std::string_view> odRefused{
            "consecutiveErrors", "consecutiveGatewayErrors", "consecutiveLocalOriginFailures",
            "splitExternalLocalOriginErrors", "minHealthPercent"};
        const FieldTable odTable = istioFields(
            "OutlierDetection",
            {"consecutive5xxErrors", "interval", "baseEjectionTime", "maxEjectionPercent"},
            odRefused);
        MapCursor odMap(sink, outlier->value, outlier->keyMark(), odTable);
        refuse(sink, odMap, "OutlierDetection", odRefused);
        MeshOutlierDetectionSpec spec;
        if (const YamlEntry* count = odMap.find("consecutive5xxErrors")) {
            spec.consecutive5xxErrors = static_cast<int>(
                readInteger(sink, *count, 1, 10'000).value_or(spec.consecutive5xxErrors));
        }
        if (const YamlEntry* interval = odMap.find("interval")) {
            spec.interval =
                readDuration(sink, *interval, SimTime::milliseconds(1), SimTime::hours(1))
                    .value_or(spec.interval);
        }
        if (const YamlEntry* base = odMap.find("baseEjectionTime")) {
            spec.baseEjectionTime =
                readDuration(sink, *base, SimTime::milliseconds(1), SimTime::hours(24))
                    .value_or(spec.baseEjectionTime);
        }
        if (const YamlEntry* percent = odMap.find("maxEjectionPercent")) {
            spec.maxEjectionPercent = static_cast<int>(
                readInteger(sink, *percent, 0, 100).value_or(spec.maxEjectionPercent));
        }
        policy.outlierDetection = spec;
    }
    return policy;
}

void readDestinationRuleSpec(DiagnosticSink& sink, const YamlEntry& entry, DestinationRuleSpec& dr,
                             std::vector<ReferenceMark>& references) {
    static const std::vector<std::string_view> refused{"exportTo", "workloadSelector"};
    const FieldTable table =
        istioFields("DestinationRule spec", {"host", "trafficPolicy", "subsets"}, refused);
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    refuse(sink, map, "DestinationRule spec", refused);
    if (const YamlEntry* host = map.require("host")) {
        dr.host = readString(sink, *host).value_or("");
        references.push_back(ReferenceMark{"Service", dr.host, host->value.Mark()});
    }
    if (const YamlEntry* policy = map.find("trafficPolicy")) {
        dr.trafficPolicy = readTrafficPolicy(sink, *policy);
    }
    if (const YamlEntry* subsets = map.find("subsets")) {
        std::set<std::string> names;
        for (const YAML::Node& item : readList(sink, *subsets)) {
            const FieldTable subsetTable =
                istioFields("Subset", {"name", "labels", "trafficPolicy"});
            MapCursor subsetMap(sink, item, item.Mark(), subsetTable);
            MeshSubsetSpec subset;
            if (const YamlEntry* name = subsetMap.require("name")) {
                subset.name = readName(sink, *name, checkDns1123Label).value_or("");
                if (!subset.name.empty() && !names.insert(subset.name).second) {
                    sink.error(name->value.Mark(), "duplicate-name", {"subset", subset.name},
                               "duplicate subset name '" + subset.name + "'");
                }
            }
            if (const YamlEntry* labels = subsetMap.require("labels")) {
                subset.labels = readLabels(sink, *labels).value_or(LabelMap{});
                if (subset.labels.empty() && labels->value.IsMap()) {
                    sink.error(labels->keyMark(), "empty-selector", {},
                               "a subset's labels must name at least one label");
                }
            }
            if (const YamlEntry* policy = subsetMap.find("trafficPolicy")) {
                subset.trafficPolicy = readTrafficPolicy(sink, *policy);
            }
            dr.subsets.push_back(std::move(subset));
        }
    }
}

} // namespace

bool isMeshManifest(const YAML::Node& node) {
    if (!node.IsMap()) {
        return false;
    }
    YAML::Mark ignored;
    const std::string kind = manifestScalar(node, "kind", ignored);
    const std::string apiVersion = manifestScalar(node, "apiVersion", ignored);
    return kind == "VirtualService" || kind == "DestinationRule" ||
           apiVersion.rfind(kIstioGroup, 0) == 0;
}

void readMeshManifest(DiagnosticSink& sink, const YAML::Node& node,
                      std::vector<VirtualServiceSpec>& virtualServices,
                      std::vector<DestinationRuleSpec>& destinationRules,
                      std::vector<ReferenceMark>& references) {
    YAML::Mark kindMark = node.Mark();
    YAML::Mark apiMark = node.Mark();
    const std::string kind = manifestScalar(node, "kind", kindMark);
    const std::string apiVersion = manifestScalar(node, "apiVersion", apiMark);
    if (kind != "VirtualService" && kind != "DestinationRule") {
        const std::string suggestion = nearestName(kind, {"VirtualService", "DestinationRule"});
        sink.error(
            kindMark, "unsupported-kind", {kind, suggestion},
            "kind '" + kind +
                "' of networking.istio.io is not modelled; cnsim's mesh reads "
                "VirtualService and DestinationRule" +
                (suggestion.empty() ? std::string() : " — did you mean '" + suggestion + "'?"));
        return;
    }
    if (!node["apiVersion"]) {
        sink.error(node.Mark(), "missing-key", {"apiVersion", kind},
                   "missing required field 'apiVersion' in " + kind +
                       " (expected networking.istio.io/v1)");
    } else if (std::find(kIstioVersions.begin(), kIstioVersions.end(), apiVersion) ==
               kIstioVersions.end()) {
        sink.error(apiMark, "wrong-api-version", {kind, "networking.istio.io/v1", apiVersion},
                   "a " + kind +
                       " has apiVersion networking.istio.io/v1 (or v1beta1, v1alpha3), got '" +
                       apiVersion + "'");
    }
    const FieldTable table =
        istioFields(kind, {"apiVersion", "kind", "metadata", "spec"}, {"status"});
    MapCursor top(sink, node, node.Mark(), table);
    refuse(sink, top, kind, {"status"});
    ManifestMetadata meta;
    if (const YamlEntry* metadata = top.require("metadata")) {
        std::vector<PreservedField> kept;
        YAML::Mark nameMark;
        readManifestMetadata(sink, *metadata, kind + " metadata", checkDns1123Subdomain, kept, meta,
                             nameMark);
        for (const PreservedField& field : kept) {
            sink.error(metadata->keyMark(), "unsupported-field", {field.path, kind},
                       "field '" + field.path +
                           "' of an Istio object is not modelled by cnsim; "
                           "remove it");
        }
    }
    const YamlEntry* spec = top.require("spec");
    const auto fill = [&](IstioObject& object) {
        object.name = meta.name;
        object.nameSpace = meta.nameSpace;
        object.labels = meta.labels;
        object.apiVersion = apiVersion;
    };
    if (kind == "VirtualService") {
        VirtualServiceSpec& vs = virtualServices.emplace_back();
        fill(vs);
        if (spec != nullptr) {
            readVirtualServiceSpec(sink, *spec, vs, references);
        }
        return;
    }
    DestinationRuleSpec& dr = destinationRules.emplace_back();
    fill(dr);
    if (spec != nullptr) {
        readDestinationRuleSpec(sink, *spec, dr, references);
    }
}

MeshSettingsSpec readMeshSettings(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("mesh", {"mode", "sidecarCpuPerRequest", "sidecarLatency", "sidecarCpuRequest",
                             "sidecarMemoryRequest"});
    MeshSettingsSpec mesh;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* mode = map.require("mode")) {
        if (const auto index = readEnum(sink, *mode, {"none", "sidecar"})) {
            mesh.mode = static_cast<MeshMode>(*index);
        }
    }
    if (const YamlEntry* cpu = map.find("sidecarCpuPerRequest")) {
        mesh.sidecarCpuPerRequest = readDuration(sink, *cpu, SimTime::zero(), SimTime::seconds(1))
                                        .value_or(mesh.sidecarCpuPerRequest);
    }
    if (const YamlEntry* latency = map.find("sidecarLatency")) {
        mesh.sidecarLatency = readDuration(sink, *latency, SimTime::zero(), SimTime::seconds(1))
                                  .value_or(mesh.sidecarLatency);
    }
    if (const YamlEntry* cpu = map.find("sidecarCpuRequest")) {
        mesh.sidecarCpuRequest =
            readCpu(sink, *cpu, CpuMillis{0}, CpuMillis{8000}).value_or(mesh.sidecarCpuRequest);
    }
    if (const YamlEntry* memory = map.find("sidecarMemoryRequest")) {
        mesh.sidecarMemoryRequest = readMemory(sink, *memory, Bytes{0}, Bytes::gibibytes(16))
                                        .value_or(mesh.sidecarMemoryRequest);
    }
    return mesh;
}

} // namespace cnsim
