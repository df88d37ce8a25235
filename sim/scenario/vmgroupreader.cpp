#include "scenario/vmgroupreader.h"

#include "scenario/names.h"
#include "scenario/quantity.h"

namespace cnsim {

namespace {

// A group of more instances than a cluster has nodes is beyond what the simulator is for.
constexpr int kMaxGroupSize = 5000;
constexpr CpuMillis kMaxCpu{1024 * 1000};
constexpr Bytes kMaxMemory{Bytes::gibibytes(64 * 1024)};
constexpr SimTime kMaxStartTime = SimTime::hours(1);
constexpr SimTime kMaxCheckInterval = SimTime::seconds(300);        // ELB's own maximum
constexpr int kMaxHealthyThreshold = 10;                            // ELB's own maximum
constexpr SimTime kMaxDeregistrationDelay = SimTime::seconds(3600); // ELB's own maximum
constexpr SimTime kMaxWarmup = SimTime::hours(1);
constexpr double kMaxPricePerHour = 10000.0;

TargetGroupSpec readTargetGroup(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields(
        "targetGroup", {"healthCheckInterval", "healthyThreshold", "deregistrationDelay"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    TargetGroupSpec group;
    if (const YamlEntry* e = map.find("healthCheckInterval")) {
        group.healthCheckInterval = readDuration(sink, *e, SimTime::seconds(5), kMaxCheckInterval)
                                        .value_or(group.healthCheckInterval);
    }
    if (const YamlEntry* e = map.find("healthyThreshold")) {
        group.healthyThreshold = static_cast<int>(
            readInteger(sink, *e, 2, kMaxHealthyThreshold).value_or(group.healthyThreshold));
    }
    if (const YamlEntry* e = map.find("deregistrationDelay")) {
        group.deregistrationDelay = readDuration(sink, *e, SimTime::zero(), kMaxDeregistrationDelay)
                                        .value_or(group.deregistrationDelay);
    }
    return group;
}

TargetTrackingSpec readTargetTracking(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("targetTracking", {"targetCpuUtilization", "instanceWarmup", "metricPeriod",
                                       "metricLag", "disableScaleIn"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    TargetTrackingSpec policy;
    if (const YamlEntry* e = map.require("targetCpuUtilization")) {
        policy.targetCpuUtilization =
            readNumber(sink, *e, 1.0, 100.0).value_or(policy.targetCpuUtilization);
    }
    if (const YamlEntry* e = map.find("instanceWarmup")) {
        policy.instanceWarmup =
            readDuration(sink, *e, SimTime::zero(), kMaxWarmup).value_or(policy.instanceWarmup);
    }
    if (const YamlEntry* e = map.find("metricPeriod")) {
        // CloudWatch's periods for EC2 metrics: 1 minute (detailed) or 5 (basic); cnsim
        // allows whole seconds from 10 s.
        policy.metricPeriod = readDuration(sink, *e, SimTime::seconds(10), SimTime::minutes(5))
                                  .value_or(policy.metricPeriod);
        if (policy.metricPeriod.toMicroseconds() % 1'000'000 != 0) {
            sink.error(e->value.Mark(), "bad-value", {"metricPeriod"},
                       "'metricPeriod' must be whole seconds, such as 60s");
            policy.metricPeriod = aws::kMetricPeriod;
        }
    }
    if (const YamlEntry* e = map.find("metricLag")) {
        policy.metricLag = readDuration(sink, *e, SimTime::zero(), SimTime::minutes(10))
                               .value_or(policy.metricLag);
    }
    if (const YamlEntry* e = map.find("disableScaleIn")) {
        policy.disableScaleIn = readBool(sink, *e).value_or(false);
    }
    return policy;
}

VmGroupSpec readVmGroup(DiagnosticSink& sink, const YAML::Node& item, ScenarioMarks& marks) {
    static const FieldTable table = cnsimFields(
        "vm group", {"name", "zone", "service", "cpu", "memory", "overheadCpu", "overheadMemory",
                     "bootTime", "appStartupTime", "pricePerHour", "minSize", "maxSize",
                     "desiredCapacity", "targetGroup", "targetTracking"});
    MapCursor map(sink, item, item.Mark(), table);
    VmGroupSpec group;
    marks.vmGroupNames.push_back(item.Mark());
    marks.vmGroupServices.push_back(item.Mark());
    if (const YamlEntry* e = map.require("name")) {
        marks.vmGroupNames.back() = e->value.Mark();
        group.name = readName(sink, *e, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* e = map.find("zone")) {
        group.zone = readName(sink, *e, checkLabelValue).value_or("");
    }
    if (const YamlEntry* e = map.require("service")) {
        marks.vmGroupServices.back() = e->value.Mark();
        group.service = readName(sink, *e, checkDns1035Label).value_or("");
    }
    if (const YamlEntry* e = map.require("cpu")) {
        group.cpu = readCpu(sink, *e, CpuMillis{1}, kMaxCpu).value_or(CpuMillis{});
    }
    if (const YamlEntry* e = map.require("memory")) {
        group.memory = readMemory(sink, *e, Bytes::mebibytes(1), kMaxMemory).value_or(Bytes{});
    }
    if (const YamlEntry* e = map.find("overheadCpu")) {
        group.overheadCpu = readCpu(sink, *e, CpuMillis{0}, kMaxCpu).value_or(CpuMillis{});
        if (group.cpu.value > 0 && group.overheadCpu >= group.cpu) {
            sink.error(e->value.Mark(), "above-maximum",
                       {"overheadCpu", formatCpu(group.overheadCpu), formatCpu(group.cpu)},
                       "overheadCpu " + formatCpu(group.overheadCpu) +
                           " leaves the application no CPU of the instance's cpu " +
                           formatCpu(group.cpu) + "; make it smaller than cpu");
            group.overheadCpu = CpuMillis{};
        }
    }
    if (const YamlEntry* e = map.find("overheadMemory")) {
        group.overheadMemory = readMemory(sink, *e, Bytes{0}, kMaxMemory).value_or(Bytes{});
        if (group.memory.value > 0 && group.overheadMemory >= group.memory) {
            sink.error(
                e->value.Mark(), "above-maximum",
                {"overheadMemory", formatMemory(group.overheadMemory), formatMemory(group.memory)},
                "overheadMemory " + formatMemory(group.overheadMemory) +
                    " is not below the instance's memory " + formatMemory(group.memory));
            group.overheadMemory = Bytes{};
        }
    }
    if (const YamlEntry* e = map.find("bootTime")) {
        group.bootTime =
            readDuration(sink, *e, SimTime::zero(), kMaxStartTime).value_or(group.bootTime);
    }
    if (const YamlEntry* e = map.find("appStartupTime")) {
        group.appStartupTime =
            readDuration(sink, *e, SimTime::zero(), kMaxStartTime).value_or(SimTime::zero());
    }
    if (const YamlEntry* e = map.find("pricePerHour")) {
        group.pricePerHour = readNumber(sink, *e, 0.0, kMaxPricePerHour).value_or(0.0);
    }
    YAML::Mark minMark = item.Mark();
    YAML::Mark desiredMark = item.Mark();
    std::optional<std::int64_t> minSize = 1;
    std::optional<std::int64_t> maxSize;
    if (const YamlEntry* e = map.find("minSize")) {
        minMark = e->value.Mark();
        minSize = readInteger(sink, *e, 0, kMaxGroupSize);
    }
    if (const YamlEntry* e = map.require("maxSize")) {
        maxSize = readInteger(sink, *e, 1, kMaxGroupSize);
    }
    bool desiredRead = true;
    if (const YamlEntry* e = map.find("desiredCapacity")) {
        desiredMark = e->value.Mark();
        const auto desired = readInteger(sink, *e, 0, kMaxGroupSize);
        desiredRead = desired.has_value();
        group.desiredCapacity = static_cast<int>(desired.value_or(0));
    }
    group.minSize = static_cast<int>(minSize.value_or(1));
    group.maxSize = static_cast<int>(maxSize.value_or(1));
    // minSize ≤ desiredCapacity ≤ maxSize, as CreateAutoScalingGroup validates.
    if (minSize && maxSize && group.minSize > group.maxSize) {
        sink.error(minMark, "above-maximum",
                   {"minSize", std::to_string(group.minSize), std::to_string(group.maxSize)},
                   "minSize " + std::to_string(group.minSize) + " is above maxSize " +
                       std::to_string(group.maxSize) + "; make minSize <= maxSize");
    } else if (minSize && maxSize && desiredRead && group.desiredCapacity &&
               (group.desired() < group.minSize || group.desired() > group.maxSize)) {
        sink.error(desiredMark, "bad-range",
                   {"desiredCapacity", std::to_string(group.desired()),
                    std::to_string(group.minSize), std::to_string(group.maxSize)},
                   "desiredCapacity " + std::to_string(group.desired()) +
                       " must be between minSize " + std::to_string(group.minSize) +
                       " and maxSize " + std::to_string(group.maxSize));
    }
    if (const YamlEntry* e = map.find("targetGroup")) {
        group.targetGroup = readTargetGroup(sink, *e);
    }
    if (const YamlEntry* e = map.find("targetTracking")) {
        group.targetTracking = readTargetTracking(sink, *e);
    }
    return group;
}

} // namespace

std::vector<VmGroupSpec> readVmGroups(DiagnosticSink& sink, const YamlEntry& entry,
                                      ScenarioMarks& marks) {
    std::vector<VmGroupSpec> groups;
    for (const YAML::Node& item : readList(sink, entry)) {
        groups.push_back(readVmGroup(sink, item, marks));
    }
    return groups;
}

} // namespace cnsim
