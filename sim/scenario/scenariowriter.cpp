#include "scenario/scenariowriter.h"

#include "scenario/kedawriter.h"
#include "scenario/manifestwriter.h"
#include "scenario/pipelinewriter.h"
#include "scenario/meshwriter.h"
#include "scenario/quantity.h"
#include "scenario/scenarioenums.h"
#include "scenario/trafficwriter.h"
#include "scenario/vmgroupwriter.h"
#include "scenario/yamlwriter.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace cnsim {

namespace {

void writeLocalized(YamlWriter& w, const char* name, const LocalizedText& value) {
    w.key(name);
    w.beginMap();
    w.field("en", value.en);
    if (!value.zhCN.empty()) {
        w.field("zh_CN", value.zhCN);
    }
    w.endMap();
}

void writeStringList(YamlWriter& w, const char* name, const std::vector<std::string>& list) {
    w.key(name);
    w.beginSeq();
    for (const std::string& value : list) {
        w.text(value);
    }
    w.endSeq();
}

// The keys nodes and pools share, after name/zone/count/cpu/memory/maxPods.
void writeNodeExtras(YamlWriter& w, const LabelMap& labels, const std::vector<Taint>& taints,
                     bool unschedulable, const MachineSpec& machine,
                     const std::vector<std::string>& cachedImages, double pricePerHour) {
    if (!labels.empty()) {
        w.labels("labels", labels);
    }
    if (!taints.empty()) {
        w.key("taints");
        w.beginSeq();
        for (const Taint& taint : taints) {
            w.beginMap();
            w.field("key", taint.key);
            if (!taint.value.empty()) {
                w.field("value", taint.value);
            }
            w.field("effect", enumName(taint.effect));
            w.endMap();
        }
        w.endSeq();
    }
    if (unschedulable) {
        w.boolean("unschedulable", true);
    }
    if (machine != MachineSpec{}) {
        w.key("machine");
        w.beginMap();
        w.field("kind", enumName(machine.kind));
        if (machine.bootTime != SimTime::zero()) {
            w.field("bootTime", formatDuration(machine.bootTime));
        }
        if (machine.overheadCpu != CpuMillis{}) {
            w.field("overheadCpu", formatCpu(machine.overheadCpu));
        }
        if (machine.overheadMemory != Bytes{}) {
            w.field("overheadMemory", formatMemory(machine.overheadMemory));
        }
        w.endMap();
    }
    if (!cachedImages.empty()) {
        writeStringList(w, "cachedImages", cachedImages);
    }
    if (pricePerHour != 0) {
        w.number("pricePerHour", pricePerHour);
    }
}

void writeNodeGroup(YamlWriter& w, const NodeGroupSpec& group) {
    w.beginMap();
    w.field("name", group.name);
    if (!group.zone.empty()) {
        w.field("zone", group.zone);
    }
    w.integer("minSize", group.minSize);
    w.integer("maxSize", group.maxSize);
    if (group.initialSize) {
        w.integer("initialSize", *group.initialSize);
    }
    w.field("cpu", formatCpu(group.cpu));
    w.field("memory", formatMemory(group.memory));
    w.integer("maxPods", group.maxPods);
    writeNodeExtras(w, group.labels, group.taints, false, group.machine, group.cachedImages,
                    group.pricePerHour);
    if (group.joinTime != SimTime::zero()) {
        w.field("joinTime", formatDuration(group.joinTime));
    }
    if (group.spot) {
        w.key("spot");
        w.beginMap();
        w.number("interruptionsPerHour", group.spot->interruptionsPerHour);
        if (!group.spot->drainOnNotice) {
            w.boolean("drainOnNotice", false);
        }
        w.endMap();
    }
    if (group.priority != 0) {
        w.integer("priority", group.priority);
    }
    w.endMap();
}

void writeCluster(YamlWriter& w, const ClusterSpec& cluster) {
    w.key("cluster");
    w.beginMap();
    if (!cluster.nodes.empty()) {
        w.key("nodes");
        w.beginSeq();
        for (const NodeSpec& node : cluster.nodes) {
            w.beginMap();
            w.field("name", node.name);
            if (!node.zone.empty()) {
                w.field("zone", node.zone);
            }
            w.field("cpu", formatCpu(node.cpu));
            w.field("memory", formatMemory(node.memory));
            w.integer("maxPods", node.maxPods);
            writeNodeExtras(w, node.labels, node.taints, node.unschedulable, node.machine,
                            node.cachedImages, node.pricePerHour);
            w.endMap();
        }
        w.endSeq();
    }
    if (!cluster.nodePools.empty()) {
        w.key("nodePools");
        w.beginSeq();
        for (const NodePoolSpec& pool : cluster.nodePools) {
            w.beginMap();
            w.field("name", pool.name);
            if (!pool.zone.empty()) {
                w.field("zone", pool.zone);
            }
            w.integer("count", pool.count);
            w.field("cpu", formatCpu(pool.cpu));
            w.field("memory", formatMemory(pool.memory));
            w.integer("maxPods", pool.maxPods);
            writeNodeExtras(w, pool.labels, pool.taints, pool.unschedulable, pool.machine,
                            pool.cachedImages, pool.pricePerHour);
            w.endMap();
        }
        w.endSeq();
    }
    if (!cluster.nodeGroups.empty()) {
        w.key("nodeGroups");
        w.beginSeq();
        for (const NodeGroupSpec& group : cluster.nodeGroups) {
            writeNodeGroup(w, group);
        }
        w.endSeq();
    }
    w.endMap();
}

void writeImages(YamlWriter& w, const std::vector<ImageSpec>& images) {
    w.key("images");
    w.beginSeq();
    for (const ImageSpec& image : images) {
        w.beginMap();
        w.field("name", image.name);
        w.field("size", formatMemory(image.size));
        w.field("startupTime", formatDuration(image.startupTime));
        if (image.crashAfter) {
            w.field("crashAfter", formatDuration(*image.crashAfter));
        }
        if (image.neverReady) {
            w.boolean("neverReady", true);
        }
        if (image.errorRate > 0.0) {
            w.number("errorRate", image.errorRate);
        }
        if (image.idleCpu != CpuMillis{}) {
            w.field("idleCpu", formatCpu(image.idleCpu));
        }
        if (image.idleMemory != Bytes{}) {
            w.field("idleMemory", formatMemory(image.idleMemory));
        }
        w.endMap();
    }
    w.endSeq();
}

void writeScheduler(YamlWriter& w, const SchedulerSpec& scheduler) {
    w.key("scheduler");
    w.beginMap();
    if (!scheduler.profiles.empty()) {
        w.key("profiles");
        w.beginSeq();
        for (const SchedulerProfileSpec& profile : scheduler.profiles) {
            w.beginMap();
            w.field("schedulerName", profile.schedulerName);
            w.field("scoringStrategy", enumName(profile.scoringStrategy));
            w.endMap();
        }
        w.endSeq();
    }
    if (scheduler.percentageOfNodesToScore != 0) {
        w.integer("percentageOfNodesToScore", scheduler.percentageOfNodesToScore);
    }
    w.endMap();
}

void writeFault(YamlWriter& w, const FaultSpec& fault) {
    w.beginMap();
    w.field("at", formatDuration(fault.at));
    w.field("type", enumName(fault.type));
    // Exactly the keys the type takes (the reader rejects the others).
    switch (fault.type) {
    case FaultType::FailNode:
    case FaultType::RecoverNode:
    case FaultType::StopKubelet:
    case FaultType::StartKubelet:
    case FaultType::PartitionNode:
    case FaultType::HealPartition:
        w.field("node", fault.node);
        break;
    case FaultType::ZoneOutage:
    case FaultType::ZoneRecover:
        w.field("zone", fault.zone);
        break;
    case FaultType::PodKill:
    case FaultType::ContainerKill:
        if (!fault.pod.empty()) {
            w.field("pod", fault.pod);
        } else {
            w.field("deployment", fault.deployment);
        }
        if (fault.type == FaultType::ContainerKill && !fault.container.empty()) {
            w.field("container", fault.container);
        }
        break;
    case FaultType::ControlPlaneOutage:
    case FaultType::ControlPlaneRecover:
        w.field("component", enumName(fault.component.value_or(ControlPlaneComponent::ApiServer)));
        break;
    case FaultType::RegistryOutage:
    case FaultType::RegistryRecover:
        break;
    }
    if (fault.duration) {
        w.field("duration", formatDuration(*fault.duration));
    }
    w.endMap();
}

// Every flag, so a saved file states the autoscaler's whole configuration.
void writeClusterAutoscaler(YamlWriter& w, const ClusterAutoscalerSpec& ca) {
    w.key("clusterAutoscaler");
    w.beginMap();
    std::string chain;
    for (const CaExpanderKind kind : ca.expander) {
        chain += (chain.empty() ? "" : ",") + std::string(caExpanderName(kind));
    }
    w.field("expander", chain);
    w.field("scanInterval", formatDuration(ca.scanInterval));
    w.number("scaleDownUtilizationThreshold", ca.scaleDownUtilizationThreshold);
    w.boolean("scaleDownEnabled", ca.scaleDownEnabled);
    w.field("scaleDownUnneededTime", formatDuration(ca.scaleDownUnneededTime));
    w.field("scaleDownUnreadyTime", formatDuration(ca.scaleDownUnreadyTime));
    w.field("scaleDownDelayAfterAdd", formatDuration(ca.scaleDownDelayAfterAdd));
    w.field("scaleDownDelayAfterDelete", formatDuration(ca.scaleDownDelayAfterDelete));
    w.field("scaleDownDelayAfterFailure", formatDuration(ca.scaleDownDelayAfterFailure));
    w.field("maxNodeProvisionTime", formatDuration(ca.maxNodeProvisionTime));
    w.field("newPodScaleUpDelay", formatDuration(ca.newPodScaleUpDelay));
    w.integer("maxNodesTotal", ca.maxNodesTotal);
    w.integer("maxScaleDownParallelism", ca.maxScaleDownParallelism);
    w.integer("maxDrainParallelism", ca.maxDrainParallelism);
    w.endMap();
}

void writeSimulation(YamlWriter& w, const SimulationSpec& simulation) {
    w.key("simulation");
    w.beginMap();
    w.field("podStartupTime", formatDuration(simulation.podStartupTime));
    if (!simulation.images.empty()) {
        writeImages(w, simulation.images);
    }
    // Left out at their defaults, so files that do not use them stay as they were.
    if (simulation.registry != RegistrySpec{}) {
        w.key("registry");
        w.beginMap();
        w.field("bandwidthPerSecond", formatMemory(simulation.registry.bandwidthPerSecond));
        w.endMap();
    }
    if (simulation.scheduler != SchedulerSpec{}) {
        writeScheduler(w, simulation.scheduler);
    }
    if (!simulation.services.empty()) {
        writeServiceBehaviours(w, simulation.services);
    }
    if (simulation.network != NetworkSpec{}) {
        writeNetwork(w, simulation.network);
    }
    if (!simulation.gateway.service.empty() || !simulation.gateway.routes.empty()) {
        writeGateway(w, simulation.gateway);
    }
    if (!simulation.traffic.empty()) {
        writeTrafficSources(w, simulation.traffic);
    }
    if (!simulation.queues.empty()) {
        writeQueues(w, simulation.queues);
    }
    if (simulation.tracing != TracingSpec{}) {
        writeTracing(w, simulation.tracing);
    }
    if (simulation.trafficMode != TrafficMode::PerRequest) {
        w.field("trafficMode", enumName(simulation.trafficMode));
    }
    if (simulation.mesh != MeshSettingsSpec{}) {
        writeMeshSettings(w, simulation.mesh);
    }
    if (!simulation.faults.empty()) {
        w.key("faults");
        w.beginSeq();
        for (const FaultSpec& fault : simulation.faults) {
            writeFault(w, fault);
        }
        w.endSeq();
    }
    if (!simulation.commands.empty()) {
        w.key("commands");
        w.beginSeq();
        for (const ScheduledCommand& command : simulation.commands) {
            w.beginMap();
            w.field("at", formatDuration(command.at));
            w.field("run", command.run);
            w.endMap();
        }
        w.endSeq();
    }
    if (!simulation.pipelines.empty()) {
        writePipelines(w, simulation.pipelines);
    }
    if (simulation.clusterAutoscaler) {
        writeClusterAutoscaler(w, *simulation.clusterAutoscaler);
    }
    if (simulation.slo) {
        w.key("slo");
        w.beginMap();
        w.field("service", simulation.slo->service);
        w.field("latencyP95", formatDuration(simulation.slo->latencyP95));
        w.endMap();
    }
    w.endMap();
}

} // namespace

std::string writeScenario(const Scenario& scenario) {
    YamlWriter w;
    w.beginMap();
    w.field("apiVersion", "cnsim/v1");
    w.field("kind", "Scenario");
    w.key("metadata");
    w.beginMap();
    w.field("name", scenario.metadata.name);
    writeLocalized(w, "title", scenario.metadata.title);
    if (!scenario.metadata.description.en.empty() || !scenario.metadata.description.zhCN.empty()) {
        writeLocalized(w, "description", scenario.metadata.description);
    }
    w.endMap();
    w.key("seed");
    w.out() << scenario.seed;
    w.field("duration", formatDuration(scenario.duration));
    writeCluster(w, scenario.cluster);
    if (!scenario.workloads.empty() || !scenario.virtualServices.empty() ||
        !scenario.destinationRules.empty()) {
        w.key("workloads");
        w.beginSeq();
        for (const Manifest& manifest : scenario.workloads) {
            writeManifest(w, manifest);
        }
        for (const VirtualServiceSpec& vs : scenario.virtualServices) {
            writeVirtualService(w, vs);
        }
        for (const DestinationRuleSpec& rule : scenario.destinationRules) {
            writeDestinationRule(w, rule);
        }
        w.endSeq();
    }
    writeSimulation(w, scenario.simulation);
    writeVmGroups(w, scenario.vmGroups);
    w.endMap();
    return w.result();
}

std::string writeScenarioFile(const Scenario& scenario, const std::string& path) {
    const std::string text = writeScenario(scenario);
    // Same directory as the target, so the rename never crosses file systems.
    const std::filesystem::path target(path);
    std::filesystem::path temporary = target;
    temporary += ".cnsim-save.tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            return "cannot create " + temporary.string();
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + temporary.string() + " (disk full?)";
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return "cannot replace " + path + ": " + error.message();
    }
    return {};
}

} // namespace cnsim
