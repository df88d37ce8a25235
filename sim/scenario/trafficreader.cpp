#include "scenario/trafficreader.h"

#include "scenario/gatewayreader.h"
#include "scenario/names.h"
#include "scenario/tracefile.h"
#include "scenario/trafficresiliencereader.h"
#include "traffic/kinds.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace cnsim {

namespace {

constexpr SimTime kLongestScenario = SimTime::hours(24 * 30);
constexpr SimTime kLongestNetworkLatency = SimTime::seconds(10);
constexpr Bytes kMaxMemoryPerRequest = Bytes::gibibytes(64);
constexpr double kMaxWeight = 1'000'000.0;

// "an exponential", "a uniform": the distributions' names are all this takes.
std::string article(std::string_view word) {
    return word == "exponential" ? "an" : "a";
}

// The section's own keys plus every attribute any kind has, so that an attribute of another
// kind is reported as not applying to this `type`, not as an unknown key.
std::vector<std::string_view> withAttributes(std::vector<std::string_view> keys,
                                             const std::vector<KindDescriptor>& kinds) {
    for (const KindDescriptor& kind : kinds) {
        for (const AttributeSchema& attribute : kind.attributes) {
            if (std::find(keys.begin(), keys.end(), attribute.name) == keys.end()) {
                keys.push_back(attribute.name);
            }
        }
    }
    return keys;
}

const KindDescriptor* readKind(DiagnosticSink& sink, const YamlEntry& entry,
                               const std::vector<KindDescriptor>& kinds) {
    std::vector<std::string_view> names;
    for (const KindDescriptor& kind : kinds) {
        names.push_back(kind.name);
    }
    const std::optional<std::size_t> index = readEnum(sink, entry, names);
    return index ? &kinds[*index] : nullptr;
}

std::optional<AttributeValue> readAttribute(DiagnosticSink& sink, const YamlEntry& entry,
                                            const AttributeSchema& schema) {
    switch (schema.kind) {
    case AttributeKind::Rate:
    case AttributeKind::Number:
    case AttributeKind::Fraction:
        if (const auto value = readNumber(sink, entry, schema.minimum, schema.maximum)) {
            return AttributeValue(*value);
        }
        return std::nullopt;
    case AttributeKind::Count:
        if (const auto value = readInteger(sink, entry, static_cast<std::int64_t>(schema.minimum),
                                           static_cast<std::int64_t>(schema.maximum))) {
            return AttributeValue(static_cast<double>(*value));
        }
        return std::nullopt;
    case AttributeKind::Duration:
        if (const auto value = readDuration(
                sink, entry, SimTime::microseconds(static_cast<std::int64_t>(schema.minimum)),
                SimTime::microseconds(static_cast<std::int64_t>(schema.maximum)))) {
            return AttributeValue(*value);
        }
        return std::nullopt;
    case AttributeKind::Text:
        if (auto value = readString(sink, entry)) {
            if (value->empty()) {
                sink.error(entry.value.Mark(), "empty-value", {entry.key},
                           "'" + entry.key + "' must not be empty");
                return std::nullopt;
            }
            return AttributeValue(std::move(*value));
        }
        return std::nullopt;
    }
    return std::nullopt;
}

// Reads the attributes of `kind` from `map`, where `what` names the kind in messages
// ("traffic type 'step'"). Attributes of other kinds in `kinds` are errors; with no kind
// (its `type` did not read) they are left alone, so one mistake gives one error.
AttributeMap readAttributes(DiagnosticSink& sink, const MapCursor& map, const YAML::Mark& owner,
                            const KindDescriptor* kind, const std::vector<KindDescriptor>& kinds,
                            const std::string& what) {
    AttributeMap values;
    if (kind == nullptr || !map.isMap()) {
        return values;
    }
    std::string takes;
    for (const AttributeSchema& attribute : kind->attributes) {
        takes += (takes.empty() ? "" : ", ") + std::string(attribute.name);
    }
    std::set<std::string_view> seen;
    for (const KindDescriptor& other : kinds) {
        for (const AttributeSchema& attribute : other.attributes) {
            const YamlEntry* entry = map.find(attribute.name);
            if (entry == nullptr || kind->attribute(attribute.name) != nullptr ||
                !seen.insert(attribute.name).second) {
                continue;
            }
            sink.error(
                entry->keyMark(), "not-applicable", {entry->key, what},
                "'" + entry->key + "' does not apply to " + what +
                    (takes.empty() ? ", which takes no attributes" : ", which takes " + takes));
        }
    }
    for (const AttributeSchema& schema : kind->attributes) {
        const YamlEntry* entry = map.find(schema.name);
        if (entry == nullptr) {
            if (schema.required) {
                sink.error(owner, "missing-key", {std::string(schema.name), what},
                           "missing required key '" + std::string(schema.name) + "' for " + what);
            }
            continue;
        }
        if (std::optional<AttributeValue> value = readAttribute(sink, *entry, schema)) {
            values.emplace(std::string(schema.name), std::move(*value));
        }
    }
    return values;
}

// One call of a step: {service, probability, count}.
DownstreamCallSpec readCall(DiagnosticSink& sink, const MapCursor& map, YAML::Mark& serviceMark) {
    DownstreamCallSpec call;
    if (const YamlEntry* service = map.find("service")) {
        serviceMark = service->value.Mark();
        call.service = readString(sink, *service).value_or("");
    } else if (map.isMap()) {
        sink.error(map.owner(), "missing-key", {"service", "call"},
                   "missing required key 'service' in call (or 'parallel' for a group of calls)");
    }
    if (const YamlEntry* probability = map.find("probability")) {
        if (const auto value = readNumber(sink, *probability, 0.0, 1.0)) {
            if (*value == 0.0) {
                sink.error(probability->value.Mark(), "below-minimum",
                           {"probability", probability->value.Scalar(), "0 (exclusive)"},
                           "probability 0 must be above 0: leave the call out instead");
            } else {
                call.probability = *value;
            }
        }
    }
    if (const YamlEntry* count = map.find("count")) {
        call.count = static_cast<int>(readInteger(sink, *count, 1, 100).value_or(1));
    }
    return call;
}

std::vector<CallStepSpec> readCalls(DiagnosticSink& sink, const YamlEntry& entry,
                                    std::vector<std::vector<YAML::Mark>>& marks) {
    static const FieldTable stepTable =
        cnsimFields("call", {"service", "probability", "count", "parallel"});
    static const FieldTable parallelTable =
        cnsimFields("parallel call", {"service", "probability", "count", "parallel"});
    std::vector<CallStepSpec> steps;
    for (const YAML::Node& item : readList(sink, entry)) {
        MapCursor map(sink, item, item.Mark(), stepTable);
        CallStepSpec step;
        std::vector<YAML::Mark> callMarks;
        const YamlEntry* parallel = map.find("parallel");
        if (parallel == nullptr) {
            callMarks.push_back(item.Mark());
            step.calls.push_back(readCall(sink, map, callMarks.back()));
        } else {
            step.parallel = true;
            for (const std::string_view key : {"service", "probability", "count"}) {
                if (const YamlEntry* stray = map.find(key)) {
                    sink.error(stray->keyMark(), "conflicting-keys", {"parallel", stray->key},
                               "'" + stray->key +
                                   "' belongs inside one of the calls of 'parallel', not next "
                                   "to it");
                }
            }
            const std::vector<YAML::Node> calls = readList(sink, *parallel);
            if (calls.empty() && (parallel->value.IsNull() || parallel->value.IsSequence())) {
                sink.error(parallel->keyMark(), "empty-list", {"parallel"},
                           "'parallel' must list at least one call");
            }
            for (const YAML::Node& callNode : calls) {
                MapCursor callMap(sink, callNode, callNode.Mark(), parallelTable);
                if (const YamlEntry* nested = callMap.find("parallel")) {
                    sink.error(nested->keyMark(), "not-applicable", {"parallel", "parallel call"},
                               "a 'parallel' group holds calls, not another group: its calls "
                               "already run at once");
                    continue;
                }
                callMarks.push_back(callNode.Mark());
                step.calls.push_back(readCall(sink, callMap, callMarks.back()));
            }
        }
        steps.push_back(std::move(step));
        marks.push_back(std::move(callMarks));
    }
    return steps;
}

LoadBalancerSpec readLoadBalancer(DiagnosticSink& sink, const YamlEntry& entry) {
    const std::vector<KindDescriptor>& kinds = loadBalancerKinds();
    LoadBalancerSpec spec;
    if (!entry.value.IsMap()) {
        // `loadBalancer: round-robin`: a kind with its default attributes.
        if (const KindDescriptor* kind = readKind(sink, entry, kinds)) {
            spec.type = std::string(kind->name);
        }
        return spec;
    }
    static const FieldTable table = cnsimFields("loadBalancer", withAttributes({"type"}, kinds));
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    const KindDescriptor* kind = nullptr;
    if (const YamlEntry* type = map.require("type")) {
        kind = readKind(sink, *type, kinds);
    }
    if (kind != nullptr) {
        spec.type = std::string(kind->name);
        spec.attributes = readAttributes(sink, map, entry.keyMark(), kind, kinds,
                                         "load balancer '" + spec.type + "'");
    }
    return spec;
}

// The target of one request class: straight to `service`, or through the gateway with
// `host`, `path` and `headers`. `owner` is where a missing target is reported.
void readTarget(DiagnosticSink& sink, const MapCursor& map, const YAML::Mark& owner,
                const std::string& what, RequestClassSpec& spec, RequestClassMarks& marks) {
    const YamlEntry* service = map.find("service");
    const YamlEntry* host = map.find("host");
    const YamlEntry* path = map.find("path");
    const YamlEntry* headers = map.find("headers");
    marks.service = owner;
    // Every key of `others` present is an error: `key` excludes them (`why`).
    const auto conflicts = [&](const char* key, std::initializer_list<const YamlEntry*> others,
                               const char* why) {
        for (const YamlEntry* other : others) {
            if (other != nullptr) {
                sink.error(other->keyMark(), "conflicting-keys", {key, other->key},
                           "'" + other->key + "' conflicts with '" + key + "': " + why);
            }
        }
    };
    if (const YamlEntry* queue = map.find("queue")) {
        marks.queue = queue->value.Mark();
        spec.queue = readString(sink, *queue).value_or("");
        conflicts("queue", {service, host, path, headers},
                  "a request class publishes messages to a queue or sends requests, not both");
        return;
    }
    if (service != nullptr) {
        marks.service = service->value.Mark();
        spec.service = readString(sink, *service).value_or("");
        conflicts("service", {host, path, headers},
                  "requests go straight to a Service or through the gateway, not both");
        return;
    }
    if (host == nullptr && path == nullptr && headers == nullptr) {
        if (map.isMap()) {
            sink.error(owner, "missing-key", {"service", what},
                       "missing required key 'service' in " + what +
                           " (or 'host' / 'path' / 'headers' to send through the gateway, or "
                           "'queue' to publish messages)");
        }
        return;
    }
    marks.viaGateway = true;
    for (const YamlEntry* first : {host, path, headers}) {
        if (first != nullptr) {
            marks.service = first->keyMark();
            break;
        }
    }
    if (host != nullptr) {
        spec.host = readHostname(sink, *host, host->value).value_or("");
    }
    if (path != nullptr) {
        spec.path = readPath(sink, *path).value_or(spec.path);
    }
    if (headers != nullptr) {
        spec.headers = readRequestHeaders(sink, *headers);
    }
}

void readClasses(DiagnosticSink& sink, const YamlEntry& entry, TrafficSourceSpec& source,
                 std::vector<RequestClassMarks>& marks) {
    static const FieldTable table = cnsimFields(
        "request class", {"name", "weight", "service", "queue", "host", "path", "headers"});
    const std::vector<YAML::Node> items = readList(sink, entry);
    if (items.empty() && (entry.value.IsNull() || entry.value.IsSequence())) {
        sink.error(entry.keyMark(), "empty-list", {"classes"},
                   "'classes' must list at least one request class");
        return;
    }
    std::map<std::string, int> firstLine;
    bool anyWeight = false;
    for (const YAML::Node& item : items) {
        MapCursor map(sink, item, item.Mark(), table);
        RequestClassSpec spec;
        RequestClassMarks classMarks;
        if (const YamlEntry* name = map.require("name")) {
            spec.name = readName(sink, *name, checkDns1123Label).value_or("");
            if (const auto it = firstLine.find(spec.name);
                !spec.name.empty() && it != firstLine.end()) {
                sink.error(name->value.Mark(), "duplicate-name", {"request class", spec.name},
                           "duplicate request class '" + spec.name + "' (first given on line " +
                               std::to_string(it->second) + ")");
            } else {
                firstLine.emplace(spec.name, name->value.Mark().line + 1);
            }
        }
        if (const YamlEntry* weight = map.find("weight")) {
            spec.weight = readNumber(sink, *weight, 0.0, kMaxWeight).value_or(spec.weight);
        }
        anyWeight = anyWeight || spec.weight > 0.0;
        readTarget(sink, map, item.Mark(), "request class", spec, classMarks);
        source.classes.push_back(std::move(spec));
        marks.push_back(classMarks);
    }
    if (!anyWeight) {
        sink.error(entry.keyMark(), "zero-weights", {"classes"},
                   "every request class has weight 0, so the source sends nothing; give one a "
                   "weight above 0");
    }
}

// A trace source's rows, read from its file relative to the scenario's directory. Problems
// are reported at the `file:` value, naming the CSV file and line.
void readTrace(DiagnosticSink& sink, const YamlEntry& fileEntry, TrafficSourceSpec& source,
               TrafficReadContext& context) {
    const std::string file = textAttribute(source.attributes, "file");
    if (file.empty()) {
        return;
    }
    std::filesystem::path resolved(file);
    if (resolved.is_relative() && !context.baseDirectory.empty()) {
        resolved = std::filesystem::path(context.baseDirectory) / resolved;
    }
    const std::string path = resolved.lexically_normal().string();
    if (const auto cached = context.traces.find(path); cached != context.traces.end()) {
        source.trace = cached->second;
        return;
    }
    const YAML::Mark at = fileEntry.value.Mark();
    if (context.traceBytes >= kMaxTraceBytesPerScenario) {
        sink.error(at, "file-too-large", {file},
                   "trace file '" + file +
                       "' is not read: this scenario's trace files already hold 64 MiB");
        return;
    }
    const TraceReadResult result = readTraceFile(path);
    std::error_code ignored;
    const std::uintmax_t size = std::filesystem::file_size(path, ignored);
    context.traceBytes += size == static_cast<std::uintmax_t>(-1) ? 0 : size;
    if (!result.ok()) {
        if (result.line > 0) {
            sink.error(at, result.code, {file, std::to_string(result.line), result.error},
                       "trace file '" + file + "' line " + std::to_string(result.line) + ": " +
                           result.error);
        } else if (result.code == "cannot-open" || result.code == "cannot-read") {
            sink.error(at, result.code, {file, path, result.error},
                       "cannot read trace file '" + file + "' (" + path + "): " + result.error);
        } else {
            sink.error(at, result.code, {file, result.error},
                       "trace file '" + file + "': " + result.error);
        }
        return;
    }
    source.trace = result.rows;
    context.traces.emplace(path, result.rows);
}

const std::vector<std::string_view> kDistributionNames{"constant", "exponential", "lognormal",
                                                       "uniform"};

} // namespace

DurationDistributionSpec readDistribution(DiagnosticSink& sink, const YamlEntry& entry,
                                          SimTime longest) {
    DurationDistributionSpec spec;
    if (!entry.value.IsMap()) {
        spec.mean =
            readDuration(sink, entry, SimTime::microseconds(1), longest).value_or(SimTime::zero());
        return spec;
    }
    static const FieldTable table =
        cnsimFields("distribution", {"distribution", "mean", "stddev", "min", "max"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    const YamlEntry* type = map.require("distribution");
    if (type == nullptr) {
        return spec;
    }
    const std::optional<std::size_t> index = readEnum(sink, *type, kDistributionNames);
    if (!index) {
        return spec;
    }
    spec.type = static_cast<DistributionType>(*index);
    const std::string name(kDistributionNames[*index]);
    const bool uniform = spec.type == DistributionType::Uniform;
    const auto field = [&](std::string_view key, bool applies) -> const YamlEntry* {
        const YamlEntry* found = map.find(key);
        if (found != nullptr && !applies) {
            sink.error(found->keyMark(), "not-applicable", {found->key, name},
                       "'" + found->key + "' does not apply to " + article(name) + " " + name +
                           " distribution");
            return nullptr;
        }
        if (found == nullptr && applies) {
            sink.error(entry.keyMark(), "missing-key", {std::string(key), name},
                       "missing required key '" + std::string(key) + "' for " + article(name) +
                           " " + name + " distribution");
        }
        return found;
    };
    if (const YamlEntry* mean = field("mean", !uniform)) {
        spec.mean =
            readDuration(sink, *mean, SimTime::microseconds(1), longest).value_or(SimTime::zero());
    }
    if (const YamlEntry* stddev = field("stddev", spec.type == DistributionType::LogNormal)) {
        spec.stddev = readDuration(sink, *stddev, SimTime::microseconds(1), longest)
                          .value_or(SimTime::zero());
    }
    const YamlEntry* min = field("min", uniform);
    const YamlEntry* max = field("max", uniform);
    std::optional<SimTime> low;
    std::optional<SimTime> high;
    if (min != nullptr) {
        low = readDuration(sink, *min, SimTime::zero(), longest);
        spec.min = low.value_or(SimTime::zero());
    }
    if (max != nullptr) {
        high = readDuration(sink, *max, SimTime::microseconds(1), longest);
        spec.max = high.value_or(SimTime::zero());
    }
    if (low && high && *low >= *high) {
        sink.error(max->value.Mark(), "bad-range", {formatDuration(*low), formatDuration(*high)},
                   "a uniform distribution's max " + formatDuration(*high) +
                       " must be greater than its min " + formatDuration(*low));
    }
    return spec;
}

ServiceBehaviourSpec readServiceBehaviour(DiagnosticSink& sink, const YAML::Node& node,
                                          BehaviourMarks& marks) {
    static const FieldTable table =
        cnsimFields("simulation service",
                    {"name", "cpuPerRequest", "baseLatency", "workers", "queueCapacity",
                     "memoryPerRequest", "oomKill", "calls", "loadBalancer", "resilience"});
    ServiceBehaviourSpec behaviour;
    MapCursor map(sink, node, node.Mark(), table);
    marks.name = node.Mark();
    if (const YamlEntry* name = map.require("name")) {
        marks.name = name->value.Mark();
        behaviour.service = readString(sink, *name).value_or("");
    }
    if (const YamlEntry* cpu = map.require("cpuPerRequest")) {
        behaviour.cpuPerRequest = readDistribution(sink, *cpu, kLongestRequestCost);
    }
    if (const YamlEntry* latency = map.find("baseLatency")) {
        behaviour.baseLatency = readDuration(sink, *latency, SimTime::zero(), kLongestRequestCost)
                                    .value_or(SimTime::zero());
    }
    if (const YamlEntry* workers = map.find("workers")) {
        if (const auto value = readInteger(sink, *workers, 1, 100'000)) {
            behaviour.workers = static_cast<int>(*value);
        }
    }
    if (const YamlEntry* queue = map.find("queueCapacity")) {
        behaviour.queueCapacity = static_cast<int>(
            readInteger(sink, *queue, 0, 1'000'000).value_or(behaviour.queueCapacity));
    }
    if (const YamlEntry* memory = map.find("memoryPerRequest")) {
        behaviour.memoryPerRequest =
            readMemory(sink, *memory, Bytes{0}, kMaxMemoryPerRequest).value_or(Bytes{});
    }
    if (const YamlEntry* oomKill = map.find("oomKill")) {
        behaviour.oomKill = readBool(sink, *oomKill).value_or(false);
    }
    if (const YamlEntry* calls = map.find("calls")) {
        behaviour.calls = readCalls(sink, *calls, marks.calls);
    }
    if (const YamlEntry* balancer = map.find("loadBalancer")) {
        behaviour.loadBalancer = readLoadBalancer(sink, *balancer);
    }
    if (const YamlEntry* resilience = map.find("resilience")) {
        behaviour.resilience = readResilience(sink, *resilience, behaviour.calls);
    }
    return behaviour;
}

NetworkSpec readNetwork(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields("network", {"sameZoneLatency", "crossZoneLatency"});
    NetworkSpec network;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* same = map.find("sameZoneLatency")) {
        network.sameZoneLatency = readDuration(sink, *same, SimTime::zero(), kLongestNetworkLatency)
                                      .value_or(network.sameZoneLatency);
    }
    if (const YamlEntry* cross = map.find("crossZoneLatency")) {
        network.crossZoneLatency =
            readDuration(sink, *cross, SimTime::zero(), kLongestNetworkLatency)
                .value_or(network.crossZoneLatency);
    }
    return network;
}

TrafficSourceSpec readTrafficSource(DiagnosticSink& sink, const YAML::Node& node,
                                    TrafficMarks& marks, TrafficReadContext& context) {
    const std::vector<KindDescriptor>& kinds = trafficShapeKinds();
    static const FieldTable table = cnsimFields(
        "traffic source", withAttributes({"name", "type", "start", "stop", "clients", "service",
                                          "queue", "host", "path", "headers", "classes"},
                                         kinds));
    TrafficSourceSpec traffic;
    MapCursor map(sink, node, node.Mark(), table);
    marks = {node.Mark(), node.Mark(), node.Mark(), {}};
    if (const YamlEntry* name = map.require("name")) {
        marks.name = name->value.Mark();
        traffic.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    const KindDescriptor* kind = findKind(kinds, traffic.type);
    if (const YamlEntry* type = map.find("type")) {
        kind = readKind(sink, *type, kinds);
        traffic.type = kind != nullptr ? std::string(kind->name) : std::string();
    }
    traffic.attributes =
        readAttributes(sink, map, node.Mark(), kind, kinds, "traffic type '" + traffic.type + "'");
    if (const YamlEntry* file = map.find("file"); file != nullptr && traffic.type == "trace") {
        readTrace(sink, *file, traffic, context);
    }
    if (const YamlEntry* classes = map.find("classes")) {
        for (const std::string_view key : {"service", "queue", "host", "path", "headers"}) {
            if (const YamlEntry* inlineKey = map.find(key)) {
                sink.error(inlineKey->keyMark(), "conflicting-keys", {"classes", inlineKey->key},
                           "'" + inlineKey->key +
                               "' conflicts with 'classes': give the target inline for one "
                               "class, or in each of 'classes'");
            }
        }
        readClasses(sink, *classes, traffic, marks.classes);
    } else {
        RequestClassSpec only;
        only.name = traffic.name;
        RequestClassMarks classMarks;
        readTarget(sink, map, node.Mark(), "traffic source", only, classMarks);
        traffic.classes.push_back(std::move(only));
        marks.classes.push_back(classMarks);
    }
    if (const YamlEntry* start = map.find("start")) {
        marks.start = start->value.Mark();
        traffic.start =
            readDuration(sink, *start, SimTime::zero(), kLongestScenario, "720h (30 days)")
                .value_or(SimTime::zero());
    }
    if (const YamlEntry* stop = map.find("stop")) {
        marks.stop = stop->value.Mark();
        traffic.stop =
            readDuration(sink, *stop, SimTime::zero(), kLongestScenario, "720h (30 days)");
    }
    if (const YamlEntry* clients = map.find("clients")) {
        traffic.clients =
            static_cast<int>(readInteger(sink, *clients, 1, 1'000'000).value_or(traffic.clients));
    }
    return traffic;
}

TracingSpec readTracing(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields("tracing", {"sampleRate", "maxTraces"});
    TracingSpec tracing;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* rate = map.find("sampleRate")) {
        tracing.sampleRate = readNumber(sink, *rate, 0.0, 1.0).value_or(tracing.sampleRate);
    }
    if (const YamlEntry* maxTraces = map.find("maxTraces")) {
        tracing.maxTraces =
            static_cast<int>(readInteger(sink, *maxTraces, 0, 100'000).value_or(tracing.maxTraces));
    }
    return tracing;
}

} // namespace cnsim
