#include "scenario/simulationreader.h"

#include "scenario/names.h"

namespace cnsim {

namespace {

const std::vector<std::string_view> kTrafficTypes{"constant", "poisson"};
const std::vector<std::string_view> kFaultTypes{"failNode", "recoverNode", "podKill"};
const std::vector<FaultType> kFaultTypeValues{FaultType::FailNode, FaultType::RecoverNode,
                                              FaultType::PodKill};

// Traffic and fault times are bounded by the scenario's duration later; here only by the
// largest duration any scenario may have.
constexpr SimTime kLongestScenario = SimTime::hours(24 * 30);

ServiceBehaviourSpec readBehaviour(DiagnosticSink& sink, const YAML::Node& node,
                                   YAML::Mark& nameMark) {
    static const FieldTable table =
        cnsimFields("simulation service", {"name", "cpuPerRequest", "baseLatency"});
    ServiceBehaviourSpec behaviour;
    MapCursor map(sink, node, node.Mark(), table);
    nameMark = node.Mark();
    if (const YamlEntry* name = map.require("name")) {
        nameMark = name->value.Mark();
        behaviour.service = readString(sink, *name).value_or("");
    }
    if (const YamlEntry* cpu = map.require("cpuPerRequest")) {
        behaviour.cpuPerRequest =
            readDuration(sink, *cpu, SimTime::microseconds(1), SimTime::seconds(60))
                .value_or(SimTime::zero());
    }
    if (const YamlEntry* latency = map.find("baseLatency")) {
        behaviour.baseLatency = readDuration(sink, *latency, SimTime::zero(), SimTime::seconds(60))
                                    .value_or(SimTime::zero());
    }
    return behaviour;
}

TrafficSourceSpec readTraffic(DiagnosticSink& sink, const YAML::Node& node, TrafficMarks& marks) {
    static const FieldTable table = cnsimFields(
        "traffic source", {"name", "service", "type", "requestsPerSecond", "start", "stop"});
    TrafficSourceSpec traffic;
    MapCursor map(sink, node, node.Mark(), table);
    marks = {node.Mark(), node.Mark(), node.Mark(), node.Mark()};
    if (const YamlEntry* name = map.require("name")) {
        marks.name = name->value.Mark();
        traffic.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* service = map.require("service")) {
        marks.service = service->value.Mark();
        traffic.service = readString(sink, *service).value_or("");
    }
    if (const YamlEntry* type = map.find("type")) {
        traffic.pattern = readEnum(sink, *type, kTrafficTypes).value_or(1) == 0
                              ? TrafficPattern::Constant
                              : TrafficPattern::Poisson;
    }
    if (const YamlEntry* rate = map.require("requestsPerSecond")) {
        traffic.requestsPerSecond = readNumber(sink, *rate, 0.0, 100'000.0).value_or(0.0);
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
    return traffic;
}

FaultSpec readFault(DiagnosticSink& sink, const YAML::Node& node, FaultMarks& marks) {
    static const FieldTable table =
        cnsimFields("fault", {"at", "type", "node", "pod", "deployment"});
    FaultSpec fault;
    MapCursor map(sink, node, node.Mark(), table);
    marks = {node.Mark(), node.Mark()};
    if (const YamlEntry* at = map.require("at")) {
        marks.at = at->value.Mark();
        fault.at = readDuration(sink, *at, SimTime::zero(), kLongestScenario, "720h (30 days)")
                       .value_or(SimTime::zero());
    }
    const YamlEntry* type = map.require("type");
    if (type == nullptr) {
        return fault;
    }
    const std::optional<std::size_t> typeIndex = readEnum(sink, *type, kFaultTypes);
    if (!typeIndex) {
        return fault;
    }
    fault.type = kFaultTypeValues[*typeIndex];
    const std::string typeName(kFaultTypes[*typeIndex]);
    const YamlEntry* nodeKey = map.find("node");
    const YamlEntry* pod = map.find("pod");
    const YamlEntry* deployment = map.find("deployment");
    // A fault names exactly the target its type acts on; anything else is a mistake the
    // author should hear about, not a value silently ignored.
    const auto notApplicable = [&](const YamlEntry* entry) {
        if (entry != nullptr) {
            sink.error(entry->keyMark(), "not-applicable", {entry->key, typeName},
                       "'" + entry->key + "' does not apply to a " + typeName + " fault");
        }
    };
    if (fault.type == FaultType::PodKill) {
        notApplicable(nodeKey);
        if (pod != nullptr && deployment != nullptr) {
            sink.error(deployment->keyMark(), "conflicting-keys", {"pod", "deployment"},
                       "a podKill fault names either 'pod' or 'deployment', not both");
        } else if (pod != nullptr) {
            marks.target = pod->value.Mark();
            fault.pod = readName(sink, *pod, checkDns1123Subdomain).value_or("");
        } else if (deployment != nullptr) {
            marks.target = deployment->value.Mark();
            fault.deployment = readString(sink, *deployment).value_or("");
        } else {
            sink.error(node.Mark(), "missing-key", {"pod", "fault"},
                       "missing required key 'pod' or 'deployment' in a podKill fault");
        }
    } else {
        notApplicable(pod);
        notApplicable(deployment);
        if (const YamlEntry* target = map.require("node")) {
            marks.target = target->value.Mark();
            fault.node = readString(sink, *target).value_or("");
        }
    }
    return fault;
}

} // namespace

SimulationSpec readSimulation(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks) {
    static const FieldTable table =
        cnsimFields("simulation", {"podStartupTime", "services", "traffic", "faults"});
    SimulationSpec simulation;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* startup = map.find("podStartupTime")) {
        simulation.podStartupTime = readDuration(sink, *startup, SimTime::zero(), SimTime::hours(1))
                                        .value_or(simulation.podStartupTime);
    }
    if (const YamlEntry* services = map.find("services")) {
        for (const YAML::Node& item : readList(sink, *services)) {
            marks.behaviourNames.emplace_back();
            simulation.services.push_back(readBehaviour(sink, item, marks.behaviourNames.back()));
        }
    }
    if (const YamlEntry* traffic = map.find("traffic")) {
        for (const YAML::Node& item : readList(sink, *traffic)) {
            marks.traffic.emplace_back();
            simulation.traffic.push_back(readTraffic(sink, item, marks.traffic.back()));
        }
    }
    if (const YamlEntry* faults = map.find("faults")) {
        for (const YAML::Node& item : readList(sink, *faults)) {
            marks.faults.emplace_back();
            simulation.faults.push_back(readFault(sink, item, marks.faults.back()));
        }
    }
    return simulation;
}

} // namespace cnsim
