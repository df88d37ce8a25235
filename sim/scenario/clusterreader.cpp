#include "scenario/clusterreader.h"

#include "scenario/names.h"
#include "scenario/quantity.h"
#include "scenario/scenarioenums.h"
#include "scenario/taintreader.h"

#include <set>

namespace cnsim {

namespace {

constexpr CpuMillis kMinNodeCpu{1};
constexpr CpuMillis kMaxNodeCpu{1024 * 1000};
constexpr Bytes kMinNodeMemory{Bytes::mebibytes(1)};
constexpr Bytes kMaxNodeMemory{Bytes::gibibytes(64 * 1024)};
constexpr int kMaxPodsPerNode = 1000;
constexpr SimTime kMaxBootTime = SimTime::hours(1);
constexpr SimTime kMaxJoinTime = SimTime::hours(1);
// Above any machine a cloud rents by the hour (the largest are about $100/h).
constexpr double kMaxPricePerHour = 10000.0;
// A node is taken back at most once a minute on average: beyond that no pod would ever start.
constexpr double kMaxInterruptionsPerHour = 60.0;
constexpr int kMaxGroupPriority = 1000000;

// Labels the simulation sets on every node from its name and zone, as kubelet and the
// cloud provider do on a real cluster; a file that set them too could contradict them.
const std::vector<std::pair<std::string_view, std::string_view>> kReservedLabels{
    {"kubernetes.io/hostname", "name"}, {"topology.kubernetes.io/zone", "zone"}};

// Shared by nodes and pools: both describe one machine.
struct MachineFields {
    std::string zone;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
    LabelMap labels;
    std::vector<Taint> taints;
    bool unschedulable = false;
    MachineSpec machine;
    std::vector<std::string> cachedImages;
    double pricePerHour = 0;
};

void readMachineSpec(DiagnosticSink& sink, const YamlEntry& entry, MachineFields& fields,
                     bool capacityRead) {
    static const FieldTable table =
        cnsimFields("machine", {"kind", "bootTime", "overheadCpu", "overheadMemory"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    MachineSpec& machine = fields.machine;
    bool kindRead = true;
    if (const YamlEntry* kind = map.find("kind")) {
        const std::optional<MachineKind> value = readEnumValue<MachineKind>(sink, *kind);
        kindRead = value.has_value();
        machine.kind = value.value_or(machine.kind);
    }
    if (const YamlEntry* boot = map.find("bootTime")) {
        machine.bootTime =
            readDuration(sink, *boot, SimTime::zero(), kMaxBootTime).value_or(SimTime::zero());
    }
    // Overhead is what a hypervisor keeps; bare metal has none.
    const auto overhead = [&](const char* key) -> const YamlEntry* {
        const YamlEntry* found = map.find(key);
        if (found != nullptr && !kindRead) {
            return nullptr; // the kind's own error says enough
        }
        if (found != nullptr && machine.kind == MachineKind::BareMetal) {
            sink.error(found->keyMark(), "not-applicable", {key, "bareMetal"},
                       "'" + std::string(key) +
                           "' does not apply to a bareMetal machine (it has no hypervisor)");
            return nullptr;
        }
        return found;
    };
    if (const YamlEntry* cpu = overhead("overheadCpu")) {
        const std::optional<CpuMillis> value = readCpu(sink, *cpu, CpuMillis{0}, kMaxNodeCpu);
        machine.overheadCpu = value.value_or(CpuMillis{});
        if (value && capacityRead && *value > fields.cpu) {
            sink.error(cpu->value.Mark(), "above-maximum",
                       {"overheadCpu", formatCpu(*value), formatCpu(fields.cpu)},
                       "overheadCpu " + formatCpu(*value) + " is above the node's cpu " +
                           formatCpu(fields.cpu));
        }
    }
    if (const YamlEntry* memory = overhead("overheadMemory")) {
        const std::optional<Bytes> value = readMemory(sink, *memory, Bytes{0}, kMaxNodeMemory);
        machine.overheadMemory = value.value_or(Bytes{});
        if (value && capacityRead && *value > fields.memory) {
            sink.error(memory->value.Mark(), "above-maximum",
                       {"overheadMemory", formatMemory(*value), formatMemory(fields.memory)},
                       "overheadMemory " + formatMemory(*value) + " is above the node's memory " +
                           formatMemory(fields.memory));
        }
    }
}

std::vector<std::string> readImageNames(DiagnosticSink& sink, const YamlEntry& entry) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const YAML::Node& item : readList(sink, entry)) {
        const YamlEntry itemEntry{entry.key, entry.keyNode, item};
        const std::optional<std::string> name = readString(sink, itemEntry);
        if (!name) {
            continue;
        }
        if (name->empty() || name->find_first_of(" \t") != std::string::npos) {
            sink.error(item.Mark(), "bad-name", {entry.key, *name},
                       "'" + entry.key + "' must list image names such as nginx:1.27, got '" +
                           *name + "'");
        } else if (!seen.insert(*name).second) {
            sink.error(item.Mark(), "duplicate-name", {"image", *name},
                       "image '" + *name + "' is listed twice in '" + entry.key + "'");
        } else {
            names.push_back(*name);
        }
    }
    return names;
}

void readNodeLabels(DiagnosticSink& sink, const YamlEntry& entry, MachineFields& machine) {
    machine.labels = readLabels(sink, entry).value_or(LabelMap{});
    if (!entry.value.IsMap()) {
        return;
    }
    for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
        for (const auto& [label, key] : kReservedLabels) {
            if (it->first.IsScalar() && it->first.Scalar() == label) {
                sink.error(it->first.Mark(), "reserved-label",
                           {std::string(label), std::string(key)},
                           "label '" + std::string(label) + "' is set by cnsim from the node's '" +
                               std::string(key) + "'; remove it here");
                machine.labels.erase(std::string(label));
            }
        }
    }
}

void readMachine(DiagnosticSink& sink, MapCursor& map, MachineFields& machine) {
    if (const YamlEntry* zone = map.find("zone")) {
        // A zone is the value of the topology.kubernetes.io/zone node label.
        machine.zone = readName(sink, *zone, checkLabelValue).value_or("");
    }
    if (const YamlEntry* cpu = map.require("cpu")) {
        machine.cpu = readCpu(sink, *cpu, kMinNodeCpu, kMaxNodeCpu).value_or(CpuMillis{});
    }
    if (const YamlEntry* memory = map.require("memory")) {
        machine.memory =
            readMemory(sink, *memory, kMinNodeMemory, kMaxNodeMemory).value_or(Bytes{});
    }
    if (const YamlEntry* maxPods = map.find("maxPods")) {
        machine.maxPods =
            static_cast<int>(readInteger(sink, *maxPods, 1, kMaxPodsPerNode).value_or(110));
    }
    if (const YamlEntry* labels = map.find("labels")) {
        readNodeLabels(sink, *labels, machine);
    }
    if (const YamlEntry* taints = map.find("taints")) {
        machine.taints = readTaints(sink, *taints);
    }
    if (const YamlEntry* unschedulable = map.find("unschedulable")) {
        machine.unschedulable = readBool(sink, *unschedulable).value_or(false);
    }
    if (const YamlEntry* spec = map.find("machine")) {
        const bool capacityRead = machine.cpu.value > 0 && machine.memory.value > 0;
        readMachineSpec(sink, *spec, machine, capacityRead);
    }
    if (const YamlEntry* images = map.find("cachedImages")) {
        machine.cachedImages = readImageNames(sink, *images);
    }
    if (const YamlEntry* price = map.find("pricePerHour")) {
        machine.pricePerHour = readNumber(sink, *price, 0.0, kMaxPricePerHour).value_or(0.0);
    }
}

SpotSpec readSpot(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("spot", {"interruptionsPerHour", "drainOnNotice"});
    SpotSpec spot;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* rate = map.find("interruptionsPerHour")) {
        spot.interruptionsPerHour =
            readNumber(sink, *rate, 0.0, kMaxInterruptionsPerHour).value_or(0.0);
    }
    if (const YamlEntry* drain = map.find("drainOnNotice")) {
        spot.drainOnNotice = readBool(sink, *drain).value_or(true);
    }
    return spot;
}

// minSize ≤ initialSize ≤ maxSize, as cloud providers validate a node group's sizes.
void checkGroupSizes(DiagnosticSink& sink, const NodeGroupSpec& group, const YAML::Mark& minMark,
                     const YAML::Mark& initialMark) {
    if (group.minSize > group.maxSize) {
        sink.error(minMark, "above-maximum",
                   {"minSize", std::to_string(group.minSize), std::to_string(group.maxSize)},
                   "minSize " + std::to_string(group.minSize) + " is above maxSize " +
                       std::to_string(group.maxSize) + "; make minSize <= maxSize");
        return;
    }
    if (group.initialSize &&
        (*group.initialSize < group.minSize || *group.initialSize > group.maxSize)) {
        sink.error(initialMark, "bad-range",
                   {"initialSize", std::to_string(*group.initialSize),
                    std::to_string(group.minSize), std::to_string(group.maxSize)},
                   "initialSize " + std::to_string(*group.initialSize) +
                       " must be between minSize " + std::to_string(group.minSize) +
                       " and maxSize " + std::to_string(group.maxSize));
    }
}

NodeGroupSpec readNodeGroup(DiagnosticSink& sink, const YAML::Node& item, ScenarioMarks& marks) {
    static const FieldTable table =
        cnsimFields("node group", {"name", "zone", "minSize", "maxSize", "initialSize", "cpu",
                                   "memory", "maxPods", "labels", "taints", "machine",
                                   "cachedImages", "joinTime", "pricePerHour", "spot", "priority"});
    MapCursor map(sink, item, item.Mark(), table);
    NodeGroupSpec group;
    marks.groupNames.push_back(item.Mark());
    if (const YamlEntry* name = map.require("name")) {
        marks.groupNames.back() = name->value.Mark();
        group.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    YAML::Mark minMark = item.Mark();
    YAML::Mark initialMark = item.Mark();
    std::optional<std::int64_t> minSize = 0;
    std::optional<std::int64_t> maxSize;
    std::optional<std::int64_t> initialSize = 0;
    if (const YamlEntry* entry = map.find("minSize")) {
        minMark = entry->value.Mark();
        minSize = readInteger(sink, *entry, 0, kMaxClusterNodes);
    }
    if (const YamlEntry* entry = map.require("maxSize")) {
        maxSize = readInteger(sink, *entry, 1, kMaxClusterNodes);
    }
    if (const YamlEntry* entry = map.find("initialSize")) {
        initialMark = entry->value.Mark();
        initialSize = readInteger(sink, *entry, 0, kMaxClusterNodes);
        group.initialSize = static_cast<int>(initialSize.value_or(0));
    }
    group.minSize = static_cast<int>(minSize.value_or(0));
    group.maxSize = static_cast<int>(maxSize.value_or(0));
    if (minSize && maxSize && initialSize) {
        checkGroupSizes(sink, group, minMark, initialMark);
    }
    MachineFields machine;
    readMachine(sink, map, machine);
    group.zone = machine.zone;
    group.cpu = machine.cpu;
    group.memory = machine.memory;
    group.maxPods = machine.maxPods;
    group.labels = std::move(machine.labels);
    group.taints = std::move(machine.taints);
    group.machine = machine.machine;
    group.cachedImages = std::move(machine.cachedImages);
    group.pricePerHour = machine.pricePerHour;
    if (const YamlEntry* join = map.find("joinTime")) {
        group.joinTime =
            readDuration(sink, *join, SimTime::zero(), kMaxJoinTime).value_or(SimTime::zero());
    }
    if (const YamlEntry* spot = map.find("spot")) {
        group.spot = readSpot(sink, *spot);
    }
    if (const YamlEntry* priority = map.find("priority")) {
        group.priority = static_cast<int>(
            readInteger(sink, *priority, -kMaxGroupPriority, kMaxGroupPriority).value_or(0));
    }
    return group;
}

} // namespace

ClusterSpec readCluster(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks) {
    static const FieldTable table = cnsimFields("cluster", {"nodes", "nodePools", "nodeGroups"});
    static const FieldTable nodeTable =
        cnsimFields("node", {"name", "zone", "cpu", "memory", "maxPods", "labels", "taints",
                             "unschedulable", "machine", "cachedImages", "pricePerHour"});
    static const FieldTable poolTable = cnsimFields(
        "node pool", {"name", "zone", "count", "cpu", "memory", "maxPods", "labels", "taints",
                      "unschedulable", "machine", "cachedImages", "pricePerHour"});
    ClusterSpec cluster;
    marks.cluster = entry.keyMark();
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (!map.isMap()) {
        return cluster;
    }
    if (const YamlEntry* nodes = map.find("nodes")) {
        for (const YAML::Node& item : readList(sink, *nodes)) {
            MapCursor nodeMap(sink, item, item.Mark(), nodeTable);
            NodeSpec node;
            marks.nodeNames.push_back(item.Mark());
            if (const YamlEntry* name = nodeMap.require("name")) {
                marks.nodeNames.back() = name->value.Mark();
                node.name = readName(sink, *name, checkDns1123Subdomain).value_or("");
            }
            MachineFields machine;
            readMachine(sink, nodeMap, machine);
            node.zone = machine.zone;
            node.cpu = machine.cpu;
            node.memory = machine.memory;
            node.maxPods = machine.maxPods;
            node.labels = std::move(machine.labels);
            node.taints = std::move(machine.taints);
            node.unschedulable = machine.unschedulable;
            node.machine = machine.machine;
            node.cachedImages = std::move(machine.cachedImages);
            node.pricePerHour = machine.pricePerHour;
            cluster.nodes.push_back(std::move(node));
        }
    }
    std::int64_t total = static_cast<std::int64_t>(cluster.nodes.size());
    if (const YamlEntry* pools = map.find("nodePools")) {
        for (const YAML::Node& item : readList(sink, *pools)) {
            MapCursor poolMap(sink, item, item.Mark(), poolTable);
            NodePoolSpec pool;
            marks.poolNames.push_back(item.Mark());
            marks.poolCounts.push_back(item.Mark());
            if (const YamlEntry* name = poolMap.require("name")) {
                marks.poolNames.back() = name->value.Mark();
                pool.name = readName(sink, *name, checkDns1123Label).value_or("");
            }
            if (const YamlEntry* count = poolMap.require("count")) {
                marks.poolCounts.back() = count->value.Mark();
                pool.count =
                    static_cast<int>(readInteger(sink, *count, 1, kMaxClusterNodes).value_or(0));
            }
            MachineFields machine;
            readMachine(sink, poolMap, machine);
            pool.zone = machine.zone;
            pool.cpu = machine.cpu;
            pool.memory = machine.memory;
            pool.maxPods = machine.maxPods;
            pool.labels = std::move(machine.labels);
            pool.taints = std::move(machine.taints);
            pool.unschedulable = machine.unschedulable;
            pool.machine = machine.machine;
            pool.cachedImages = std::move(machine.cachedImages);
            pool.pricePerHour = machine.pricePerHour;
            total += pool.count;
            cluster.nodePools.push_back(std::move(pool));
        }
    }
    if (const YamlEntry* groups = map.find("nodeGroups")) {
        for (const YAML::Node& item : readList(sink, *groups)) {
            cluster.nodeGroups.push_back(readNodeGroup(sink, item, marks));
            // The autoscaler may grow every group to its maximum.
            total += cluster.nodeGroups.back().maxSize;
        }
    }
    if (cluster.nodes.empty() && cluster.nodePools.empty() && cluster.nodeGroups.empty()) {
        sink.error(entry.keyMark(), "no-nodes", {},
                   "the cluster must have at least one node, in 'nodes', 'nodePools' or "
                   "'nodeGroups'");
    } else if (total > kMaxClusterNodes) {
        sink.error(entry.keyMark(), "above-maximum",
                   {"nodes", std::to_string(total), std::to_string(kMaxClusterNodes)},
                   "the cluster has " + std::to_string(total) + " nodes in total" +
                       (cluster.nodeGroups.empty() ? "" : " (node groups counted at maxSize)") +
                       ", above the maximum of " + std::to_string(kMaxClusterNodes));
    }
    return cluster;
}

} // namespace cnsim
