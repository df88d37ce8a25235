#include "scenario/simulationreader.h"

#include "scenario/editdistance.h"
#include "scenario/gatewayreader.h"
#include "scenario/meshreader.h"
#include "scenario/kedareader.h"
#include "scenario/names.h"
#include "scenario/pipelinereader.h"
#include "scenario/scenarioenums.h"

#include <map>

namespace cnsim {

namespace {

constexpr CpuMillis kMaxIdleCpu{1024 * 1000};
constexpr Bytes kMaxIdleMemory{Bytes::gibibytes(64 * 1024)};
constexpr Bytes kMaxImageSize{Bytes::gibibytes(64)};
constexpr Bytes kMaxBandwidth{Bytes::gibibytes(1024)};

// What a fault type acts on: the one target key it needs, and whether `duration` (an
// automatic recovery) makes sense for it.
struct FaultShape {
    std::string_view target; // "node", "zone", "pod", "component" or empty
    bool startsSomething = false;
};

FaultShape shapeOf(FaultType type) {
    switch (type) {
    case FaultType::FailNode:
    case FaultType::StopKubelet:
    case FaultType::PartitionNode:
        return {"node", true};
    case FaultType::RecoverNode:
    case FaultType::StartKubelet:
    case FaultType::HealPartition:
        return {"node", false};
    case FaultType::ZoneOutage:
        return {"zone", true};
    case FaultType::ZoneRecover:
        return {"zone", false};
    case FaultType::PodKill:
    case FaultType::ContainerKill:
        return {"pod", false};
    case FaultType::RegistryOutage:
        return {{}, true};
    case FaultType::RegistryRecover:
        return {{}, false};
    case FaultType::ControlPlaneOutage:
        return {"component", true};
    case FaultType::ControlPlaneRecover:
        return {"component", false};
    }
    return {};
}

ScheduledCommand readCommand(DiagnosticSink& sink, const YAML::Node& node, YAML::Mark& atMark) {
    static const FieldTable table = cnsimFields("command", {"at", "run"});
    ScheduledCommand command;
    MapCursor map(sink, node, node.Mark(), table);
    atMark = node.Mark();
    if (const YamlEntry* at = map.require("at")) {
        atMark = at->value.Mark();
        command.at = readDuration(sink, *at, SimTime::zero(), SimTime::hours(24 * 30))
                         .value_or(SimTime::zero());
    }
    if (const YamlEntry* run = map.require("run")) {
        command.run = readString(sink, *run).value_or("");
        // Only kubectl is simulated; anything else would fail at its time, so say it now.
        if (!command.run.empty() && command.run.rfind("kubectl ", 0) != 0) {
            sink.error(run->value.Mark(), "bad-value", {"run", "kubectl …", command.run},
                       "'run' must be a kubectl command (\"kubectl get pods\"), got '" +
                           command.run + "'");
        }
    }
    return command;
}

// Fault times are bounded by the scenario's duration later; here only by the largest
// duration any scenario may have.
constexpr SimTime kLongestScenario = SimTime::hours(24 * 30);

FaultSpec readFault(DiagnosticSink& sink, const YAML::Node& node, FaultMarks& marks) {
    static const FieldTable table =
        cnsimFields("fault", {"at", "type", "node", "zone", "pod", "deployment", "container",
                              "component", "duration"});
    FaultSpec fault;
    MapCursor map(sink, node, node.Mark(), table);
    marks = {node.Mark(), node.Mark(), node.Mark()};
    if (const YamlEntry* at = map.require("at")) {
        marks.at = at->value.Mark();
        fault.at = readDuration(sink, *at, SimTime::zero(), kLongestScenario, "720h (30 days)")
                       .value_or(SimTime::zero());
    }
    const YamlEntry* type = map.require("type");
    if (type == nullptr) {
        return fault;
    }
    const std::optional<FaultType> faultType = readEnumValue<FaultType>(sink, *type);
    if (!faultType) {
        return fault;
    }
    fault.type = *faultType;
    const std::string typeName = enumName(fault.type);
    const FaultShape shape = shapeOf(fault.type);
    // A fault names exactly the target its type acts on; anything else is a mistake the
    // author should hear about, not a value silently ignored.
    const auto notApplicable = [&](const YamlEntry* entry) {
        if (entry != nullptr) {
            sink.error(entry->keyMark(), "not-applicable", {entry->key, typeName},
                       "'" + entry->key + "' does not apply to a " + typeName + " fault");
        }
    };
    const auto applies = [&](std::string_view key, bool when) -> const YamlEntry* {
        const YamlEntry* entry = map.find(key);
        if (!when) {
            notApplicable(entry);
            return nullptr;
        }
        return entry;
    };
    const auto missing = [&](std::string_view what) {
        sink.error(node.Mark(), "missing-key", {std::string(what), typeName},
                   "missing required key " + std::string(what) + " in a " + typeName + " fault");
    };
    if (const YamlEntry* target = applies("node", shape.target == "node")) {
        marks.target = target->value.Mark();
        fault.node = readString(sink, *target).value_or("");
    } else if (shape.target == "node" && map.isMap()) {
        missing("'node'");
    }
    if (const YamlEntry* zone = applies("zone", shape.target == "zone")) {
        marks.target = zone->value.Mark();
        fault.zone = readName(sink, *zone, checkLabelValue).value_or("");
    } else if (shape.target == "zone" && map.isMap()) {
        missing("'zone'");
    }
    const YamlEntry* pod = applies("pod", shape.target == "pod");
    const YamlEntry* deployment = applies("deployment", shape.target == "pod");
    if (pod != nullptr && deployment != nullptr) {
        sink.error(deployment->keyMark(), "conflicting-keys", {"pod", "deployment"},
                   "a " + typeName + " fault names either 'pod' or 'deployment', not both");
    } else if (pod != nullptr) {
        marks.target = pod->value.Mark();
        fault.pod = readName(sink, *pod, checkDns1123Subdomain).value_or("");
    } else if (deployment != nullptr) {
        marks.target = deployment->value.Mark();
        fault.deployment = readString(sink, *deployment).value_or("");
    } else if (shape.target == "pod" && map.isMap()) {
        missing("'pod' or 'deployment'");
    }
    if (const YamlEntry* container = applies("container", fault.type == FaultType::ContainerKill)) {
        marks.container = container->value.Mark();
        fault.container = readName(sink, *container, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* component = applies("component", shape.target == "component")) {
        marks.target = component->value.Mark();
        fault.component = readEnumValue<ControlPlaneComponent>(sink, *component);
    } else if (shape.target == "component" && map.isMap()) {
        missing("'component'");
    }
    if (const YamlEntry* duration = applies("duration", shape.startsSomething)) {
        fault.duration =
            readDuration(sink, *duration, SimTime::seconds(1), kLongestScenario, "720h (30 days)");
    }
    return fault;
}

ImageSpec readImage(DiagnosticSink& sink, const YAML::Node& node, YAML::Mark& nameMark) {
    static const FieldTable table =
        cnsimFields("image", {"name", "size", "startupTime", "crashAfter", "neverReady",
                              "errorRate", "idleCpu", "idleMemory"});
    ImageSpec image;
    MapCursor map(sink, node, node.Mark(), table);
    nameMark = node.Mark();
    if (const YamlEntry* name = map.require("name")) {
        nameMark = name->value.Mark();
        image.name = readString(sink, *name).value_or("");
        if (name->value.IsScalar() &&
            (image.name.empty() || image.name.find_first_of(" \t") != std::string::npos)) {
            sink.error(name->value.Mark(), "bad-name", {"name", image.name},
                       "image name '" + image.name +
                           "' is invalid: write it as in a container's image, e.g. nginx:1.27");
        }
    }
    if (const YamlEntry* size = map.find("size")) {
        image.size = readMemory(sink, *size, Bytes{0}, kMaxImageSize).value_or(Bytes{});
    }
    if (const YamlEntry* startup = map.find("startupTime")) {
        image.startupTime = readDuration(sink, *startup, SimTime::zero(), SimTime::hours(1))
                                .value_or(SimTime::zero());
    }
    if (const YamlEntry* crash = map.find("crashAfter")) {
        image.crashAfter =
            readDuration(sink, *crash, SimTime::seconds(1), kLongestScenario, "720h (30 days)");
    }
    if (const YamlEntry* neverReady = map.find("neverReady")) {
        image.neverReady = readBool(sink, *neverReady).value_or(false);
    }
    if (const YamlEntry* errors = map.find("errorRate")) {
        image.errorRate = readNumber(sink, *errors, 0.0, 1.0).value_or(0.0);
    }
    if (const YamlEntry* cpu = map.find("idleCpu")) {
        image.idleCpu = readCpu(sink, *cpu, CpuMillis{0}, kMaxIdleCpu).value_or(CpuMillis{});
    }
    if (const YamlEntry* memory = map.find("idleMemory")) {
        image.idleMemory = readMemory(sink, *memory, Bytes{0}, kMaxIdleMemory).value_or(Bytes{});
    }
    return image;
}

RegistrySpec readRegistry(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields("registry", {"bandwidthPerSecond"});
    RegistrySpec registry;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* bandwidth = map.find("bandwidthPerSecond")) {
        registry.bandwidthPerSecond = readMemory(sink, *bandwidth, Bytes{1}, kMaxBandwidth)
                                          .value_or(registry.bandwidthPerSecond);
    }
    return registry;
}

SchedulerSpec readScheduler(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("scheduler", {"profiles", "percentageOfNodesToScore"});
    static const FieldTable profileTable =
        cnsimFields("scheduler profile", {"schedulerName", "scoringStrategy"});
    SchedulerSpec scheduler;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* profiles = map.find("profiles")) {
        std::map<std::string, int> firstLine;
        for (const YAML::Node& item : readList(sink, *profiles)) {
            MapCursor profileMap(sink, item, item.Mark(), profileTable);
            SchedulerProfileSpec profile;
            YAML::Mark nameMark = item.Mark();
            if (const YamlEntry* name = profileMap.find("schedulerName")) {
                nameMark = name->value.Mark();
                profile.schedulerName =
                    readName(sink, *name, checkDns1123Subdomain).value_or(profile.schedulerName);
            }
            if (const YamlEntry* strategy = profileMap.find("scoringStrategy")) {
                profile.scoringStrategy = readEnumValue<ScoringStrategy>(sink, *strategy)
                                              .value_or(profile.scoringStrategy);
            }
            // KubeSchedulerConfiguration validation: "Duplicate value" for schedulerName.
            if (const auto it = firstLine.find(profile.schedulerName); it != firstLine.end()) {
                sink.error(nameMark, "duplicate-name", {"scheduler profile", profile.schedulerName},
                           "duplicate schedulerName '" + profile.schedulerName +
                               "' (first given on line " + std::to_string(it->second) + ")");
            } else {
                firstLine.emplace(profile.schedulerName, nameMark.line + 1);
            }
            scheduler.profiles.push_back(std::move(profile));
        }
    }
    if (const YamlEntry* percentage = map.find("percentageOfNodesToScore")) {
        scheduler.percentageOfNodesToScore =
            static_cast<int>(readInteger(sink, *percentage, 0, 100).value_or(0));
    }
    return scheduler;
}

// --expander: one name or a comma-separated chain ("priority,least-waste"), as upstream.
std::vector<CaExpanderKind> readExpanderChain(DiagnosticSink& sink, const YamlEntry& entry) {
    std::vector<CaExpanderKind> chain;
    const std::optional<std::string> text = readString(sink, entry);
    if (!text) {
        return {CaExpanderKind::LeastWaste};
    }
    const std::vector<std::string> names{"least-waste", "random", "price", "priority", "most-pods"};
    std::size_t start = 0;
    while (start <= text->size()) {
        const std::size_t comma = std::min(text->find(',', start), text->size());
        const std::string name = text->substr(start, comma - start);
        if (const std::optional<CaExpanderKind> kind = caExpanderFromName(name)) {
            chain.push_back(*kind);
        } else {
            sink.error(entry.value.Mark(), "bad-value", {"expander", name},
                       "unknown expander '" + name +
                           "'; expected least-waste, random, price, priority or most-pods, or "
                           "a comma-separated chain of them" +
                           didYouMean(name, names));
        }
        start = comma + 1;
    }
    return chain.empty() ? std::vector<CaExpanderKind>{CaExpanderKind::LeastWaste} : chain;
}

ClusterAutoscalerSpec readClusterAutoscaler(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields(
        "clusterAutoscaler",
        {"expander", "scanInterval", "scaleDownUtilizationThreshold", "scaleDownEnabled",
         "scaleDownUnneededTime", "scaleDownUnreadyTime", "scaleDownDelayAfterAdd",
         "scaleDownDelayAfterDelete", "scaleDownDelayAfterFailure", "maxNodeProvisionTime",
         "newPodScaleUpDelay", "maxNodesTotal", "maxScaleDownParallelism", "maxDrainParallelism"});
    ClusterAutoscalerSpec ca;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* expander = map.find("expander")) {
        ca.expander = readExpanderChain(sink, *expander);
    }
    const auto duration = [&](const char* key, SimTime& field, SimTime min) {
        if (const YamlEntry* e = map.find(key)) {
            field = readDuration(sink, *e, min, SimTime::hours(24)).value_or(field);
        }
    };
    // A scan more often than once a second would only cost time; upstream's is 10 s.
    duration("scanInterval", ca.scanInterval, SimTime::seconds(1));
    duration("scaleDownUnneededTime", ca.scaleDownUnneededTime, SimTime::zero());
    duration("scaleDownUnreadyTime", ca.scaleDownUnreadyTime, SimTime::zero());
    duration("scaleDownDelayAfterAdd", ca.scaleDownDelayAfterAdd, SimTime::zero());
    duration("scaleDownDelayAfterDelete", ca.scaleDownDelayAfterDelete, SimTime::zero());
    duration("scaleDownDelayAfterFailure", ca.scaleDownDelayAfterFailure, SimTime::zero());
    duration("maxNodeProvisionTime", ca.maxNodeProvisionTime, SimTime::seconds(1));
    duration("newPodScaleUpDelay", ca.newPodScaleUpDelay, SimTime::zero());
    if (const YamlEntry* threshold = map.find("scaleDownUtilizationThreshold")) {
        ca.scaleDownUtilizationThreshold =
            readNumber(sink, *threshold, 0.0, 1.0).value_or(ca.scaleDownUtilizationThreshold);
    }
    if (const YamlEntry* enabled = map.find("scaleDownEnabled")) {
        ca.scaleDownEnabled = readBool(sink, *enabled).value_or(true);
    }
    if (const YamlEntry* total = map.find("maxNodesTotal")) {
        ca.maxNodesTotal = static_cast<int>(readInteger(sink, *total, 0, 5000).value_or(0));
    }
    if (const YamlEntry* p = map.find("maxScaleDownParallelism")) {
        ca.maxScaleDownParallelism =
            static_cast<int>(readInteger(sink, *p, 1, 1000).value_or(ca.maxScaleDownParallelism));
    }
    if (const YamlEntry* p = map.find("maxDrainParallelism")) {
        ca.maxDrainParallelism =
            static_cast<int>(readInteger(sink, *p, 1, 1000).value_or(ca.maxDrainParallelism));
    }
    return ca;
}

SloSpec readSlo(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks) {
    static const FieldTable table = cnsimFields("slo", {"service", "latencyP95"});
    SloSpec slo;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    marks.sloService = entry.keyMark();
    if (const YamlEntry* service = map.require("service")) {
        marks.sloService = service->value.Mark();
        slo.service = readName(sink, *service, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* latency = map.require("latencyP95")) {
        slo.latencyP95 = readDuration(sink, *latency, SimTime::milliseconds(1), SimTime::hours(1))
                             .value_or(SimTime::zero());
    }
    return slo;
}

} // namespace

SimulationSpec readSimulation(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks,
                              TrafficReadContext& context) {
    static const FieldTable table = cnsimFields(
        "simulation", {"podStartupTime", "images", "registry", "scheduler", "services", "network",
                       "gateway", "traffic", "queues", "tracing", "trafficMode", "mesh", "faults",
                       "commands", "pipelines", "clusterAutoscaler", "slo"});
    SimulationSpec simulation;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* startup = map.find("podStartupTime")) {
        simulation.podStartupTime = readDuration(sink, *startup, SimTime::zero(), SimTime::hours(1))
                                        .value_or(simulation.podStartupTime);
    }
    if (const YamlEntry* images = map.find("images")) {
        std::map<std::string, int> firstLine;
        for (const YAML::Node& item : readList(sink, *images)) {
            YAML::Mark nameMark;
            ImageSpec image = readImage(sink, item, nameMark);
            if (const auto it = firstLine.find(image.name);
                !image.name.empty() && it != firstLine.end()) {
                sink.error(nameMark, "duplicate-name", {"image", image.name},
                           "duplicate image '" + image.name + "' (first given on line " +
                               std::to_string(it->second) + ")");
            } else {
                firstLine.emplace(image.name, nameMark.line + 1);
            }
            simulation.images.push_back(std::move(image));
        }
    }
    if (const YamlEntry* registry = map.find("registry")) {
        simulation.registry = readRegistry(sink, *registry);
    }
    if (const YamlEntry* scheduler = map.find("scheduler")) {
        simulation.scheduler = readScheduler(sink, *scheduler);
    }
    if (const YamlEntry* services = map.find("services")) {
        for (const YAML::Node& item : readList(sink, *services)) {
            marks.behaviours.emplace_back();
            simulation.services.push_back(
                readServiceBehaviour(sink, item, marks.behaviours.back()));
        }
    }
    if (const YamlEntry* network = map.find("network")) {
        simulation.network = readNetwork(sink, *network);
    }
    if (const YamlEntry* gateway = map.find("gateway")) {
        simulation.gateway = readGateway(sink, *gateway, marks.gateway);
    }
    if (const YamlEntry* traffic = map.find("traffic")) {
        for (const YAML::Node& item : readList(sink, *traffic)) {
            marks.traffic.emplace_back();
            simulation.traffic.push_back(
                readTrafficSource(sink, item, marks.traffic.back(), context));
        }
    }
    if (const YamlEntry* queues = map.find("queues")) {
        for (const YAML::Node& item : readList(sink, *queues)) {
            marks.queues.emplace_back();
            simulation.queues.push_back(readQueue(sink, item, marks.queues.back()));
        }
    }
    if (const YamlEntry* tracing = map.find("tracing")) {
        simulation.tracing = readTracing(sink, *tracing);
    }
    if (const YamlEntry* mode = map.find("trafficMode")) {
        marks.trafficMode = mode->value.Mark();
        simulation.trafficMode =
            readEnumValue<TrafficMode>(sink, *mode).value_or(simulation.trafficMode);
    }
    if (const YamlEntry* mesh = map.find("mesh")) {
        marks.mesh = mesh->keyMark();
        simulation.mesh = readMeshSettings(sink, *mesh);
    }
    if (const YamlEntry* faults = map.find("faults")) {
        for (const YAML::Node& item : readList(sink, *faults)) {
            marks.faults.emplace_back();
            simulation.faults.push_back(readFault(sink, item, marks.faults.back()));
        }
    }
    if (const YamlEntry* commands = map.find("commands")) {
        for (const YAML::Node& item : readList(sink, *commands)) {
            marks.commands.emplace_back();
            simulation.commands.push_back(readCommand(sink, item, marks.commands.back()));
        }
    }
    if (const YamlEntry* pipelines = map.find("pipelines")) {
        simulation.pipelines = readPipelines(sink, *pipelines, marks.pipelines);
    }
    if (const YamlEntry* ca = map.find("clusterAutoscaler")) {
        marks.clusterAutoscaler = ca->keyMark();
        simulation.clusterAutoscaler = readClusterAutoscaler(sink, *ca);
    }
    if (const YamlEntry* slo = map.find("slo")) {
        simulation.slo = readSlo(sink, *slo, marks);
    }
    return simulation;
}

} // namespace cnsim
