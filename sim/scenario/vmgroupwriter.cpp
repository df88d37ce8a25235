#include "scenario/vmgroupwriter.h"

#include "scenario/quantity.h"

namespace cnsim {

namespace {

void writeVmGroup(YamlWriter& w, const VmGroupSpec& group) {
    const VmGroupSpec defaults;
    w.beginMap();
    w.field("name", group.name);
    if (!group.zone.empty()) {
        w.field("zone", group.zone);
    }
    w.field("service", group.service);
    w.field("cpu", formatCpu(group.cpu));
    w.field("memory", formatMemory(group.memory));
    if (group.overheadCpu.value != 0) {
        w.field("overheadCpu", formatCpu(group.overheadCpu));
    }
    if (group.overheadMemory.value != 0) {
        w.field("overheadMemory", formatMemory(group.overheadMemory));
    }
    if (group.bootTime != defaults.bootTime) {
        w.field("bootTime", formatDuration(group.bootTime));
    }
    if (group.appStartupTime != SimTime::zero()) {
        w.field("appStartupTime", formatDuration(group.appStartupTime));
    }
    if (group.pricePerHour != 0) {
        w.number("pricePerHour", group.pricePerHour);
    }
    w.integer("minSize", group.minSize);
    w.integer("maxSize", group.maxSize);
    if (group.desiredCapacity) {
        w.integer("desiredCapacity", *group.desiredCapacity);
    }
    if (group.targetGroup != TargetGroupSpec{}) {
        w.key("targetGroup");
        w.beginMap();
        w.field("healthCheckInterval", formatDuration(group.targetGroup.healthCheckInterval));
        w.integer("healthyThreshold", group.targetGroup.healthyThreshold);
        w.field("deregistrationDelay", formatDuration(group.targetGroup.deregistrationDelay));
        w.endMap();
    }
    if (group.targetTracking) {
        const TargetTrackingSpec& policy = *group.targetTracking;
        w.key("targetTracking");
        w.beginMap();
        w.number("targetCpuUtilization", policy.targetCpuUtilization);
        w.field("instanceWarmup", formatDuration(policy.instanceWarmup));
        w.field("metricPeriod", formatDuration(policy.metricPeriod));
        w.field("metricLag", formatDuration(policy.metricLag));
        if (policy.disableScaleIn) {
            w.boolean("disableScaleIn", true);
        }
        w.endMap();
    }
    w.endMap();
}

} // namespace

void writeVmGroups(YamlWriter& w, const std::vector<VmGroupSpec>& groups) {
    if (groups.empty()) {
        return;
    }
    w.key("vmGroups");
    w.beginSeq();
    for (const VmGroupSpec& group : groups) {
        writeVmGroup(w, group);
    }
    w.endSeq();
}

} // namespace cnsim
