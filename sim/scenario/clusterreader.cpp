#include "scenario/clusterreader.h"

#include "scenario/names.h"

namespace cnsim {

namespace {

constexpr CpuMillis kMinNodeCpu{1};
constexpr CpuMillis kMaxNodeCpu{1024 * 1000};
constexpr Bytes kMinNodeMemory{Bytes::mebibytes(1)};
constexpr Bytes kMaxNodeMemory{Bytes::gibibytes(64 * 1024)};
constexpr int kMaxPodsPerNode = 1000;

// Shared by nodes and pools: both describe one machine.
struct MachineFields {
    std::string zone;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
};

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
}

} // namespace

ClusterSpec readCluster(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMarks& marks) {
    static const FieldTable table = cnsimFields("cluster", {"nodes", "nodePools"});
    static const FieldTable nodeTable =
        cnsimFields("node", {"name", "zone", "cpu", "memory", "maxPods"});
    static const FieldTable poolTable =
        cnsimFields("node pool", {"name", "zone", "count", "cpu", "memory", "maxPods"});
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
            total += pool.count;
            cluster.nodePools.push_back(std::move(pool));
        }
    }
    if (cluster.nodes.empty() && cluster.nodePools.empty()) {
        sink.error(entry.keyMark(), "no-nodes", {},
                   "the cluster must have at least one node, in 'nodes' or 'nodePools'");
    } else if (total > kMaxClusterNodes) {
        sink.error(entry.keyMark(), "above-maximum",
                   {"nodes", std::to_string(total), std::to_string(kMaxClusterNodes)},
                   "the cluster has " + std::to_string(total) +
                       " nodes in total, above the maximum of " + std::to_string(kMaxClusterNodes));
    }
    return cluster;
}

} // namespace cnsim
