#include "model/vmautoscalinggroup.h"

#include "model/cloudprovider.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

constexpr double kSecondsPerHour = 3600.0;

} // namespace

int VmAutoScaling::Group::inService() const {
    return static_cast<int>(
        std::count_if(instances.begin(), instances.end(),
                      [](const Instance& i) { return i.state == InstanceState::InService; }));
}

double VmAutoScaling::Group::usableCores() const {
    return (spec->cpu - spec->overheadCpu).cores();
}

VmAutoScaling::VmAutoScaling(SimulationModel& model) : m_model(model) {
    for (const VmGroupSpec& spec : model.scenario().vmGroups) {
        Group group;
        group.spec = &spec;
        group.desired = spec.desired();
        m_groups.push_back(std::move(group));
    }
}

void VmAutoScaling::start() {
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (int i = 0; i < m_groups[g].desired; ++i) {
            launch(g, true);
        }
    }
}

VmAutoScaling::Instance* VmAutoScaling::find(Group& group, const std::string& name) {
    const auto it = std::find_if(group.instances.begin(), group.instances.end(),
                                 [&](const Instance& i) { return i.name == name; });
    return it == group.instances.end() ? nullptr : &*it;
}

double VmAutoScaling::instanceHours(const Group& group) const {
    double hours = group.instanceHours;
    for (const Instance& i : group.instances) {
        hours += (m_model.now() - i.launchedAt).toSeconds() / kSecondsPerHour;
    }
    return hours;
}

void VmAutoScaling::launch(std::size_t g, bool inServiceNow) {
    Group& group = m_groups[g];
    const VmGroupSpec& spec = *group.spec;
    Instance instance;
    instance.name = spec.name + "-" + std::to_string(group.nextIndex++);
    instance.launchedAt = m_model.now();
    ++group.launches;
    m_model.cloud().rentInstance(instance.name, spec.name, spec.pricePerHour);
    m_model.record(Component::AutoScalingGroup, EventReason::LaunchingInstance,
                   ObjectKind::AutoScalingGroup, spec.name, {{"instance", instance.name}});
    if (inServiceNow) {
        // The scenario starts with the group running: booted, serving, healthy and warm.
        instance.state = InstanceState::InService;
        instance.warmAt = m_model.now();
        m_model.traffic().vmStarted(instance.name, spec.zone, spec.service, group.usableCores(),
                                    m_model.now());
        m_model.traffic().vmInService(instance.name, true);
        group.instances.push_back(std::move(instance));
        group.peakInService = std::max(group.peakInService, group.inService());
        return;
    }
    // Its metrics join the policy's after the warm-up (none without a policy).
    instance.warmAt = m_model.now() +
                      (spec.targetTracking ? spec.targetTracking->instanceWarmup : SimTime::zero());
    const std::string name = instance.name;
    instance.pending = m_model.engine().schedule(
        spec.bootTime, [this, g, name] { booted(g, name); }, priority::kLifecycle);
    group.instances.push_back(std::move(instance));
}

void VmAutoScaling::booted(std::size_t g, const std::string& name) {
    Group& group = m_groups[g];
    Instance* instance = find(group, name);
    if (instance == nullptr) {
        return;
    }
    const VmGroupSpec& spec = *group.spec;
    instance->state = InstanceState::Starting;
    m_model.traffic().vmStarted(name, spec.zone, spec.service, group.usableCores(),
                                m_model.now() + spec.appStartupTime);
    instance->pending = m_model.engine().schedule(
        spec.targetGroup.healthCheckInterval, [this, g, name] { healthCheck(g, name); },
        priority::kLifecycle);
}

void VmAutoScaling::healthCheck(std::size_t g, const std::string& name) {
    Group& group = m_groups[g];
    Instance* instance = find(group, name);
    if (instance == nullptr || instance->state != InstanceState::Starting) {
        return;
    }
    const VmGroupSpec& spec = *group.spec;
    // A check passes once the application answers (it started appStartupTime after boot).
    const bool serving =
        m_model.now() >= instance->launchedAt + spec.bootTime + spec.appStartupTime;
    instance->passedChecks = serving ? instance->passedChecks + 1 : 0;
    if (instance->passedChecks >= spec.targetGroup.healthyThreshold) {
        instance->state = InstanceState::InService;
        instance->pending = {};
        m_model.traffic().vmInService(name, true);
        group.peakInService = std::max(group.peakInService, group.inService());
        m_model.record(Component::AutoScalingGroup, EventReason::InstanceInService,
                       ObjectKind::AutoScalingGroup, spec.name, {{"instance", name}});
        return;
    }
    instance->pending = m_model.engine().schedule(
        spec.targetGroup.healthCheckInterval, [this, g, name] { healthCheck(g, name); },
        priority::kLifecycle);
}

void VmAutoScaling::deregister(std::size_t g, Instance& instance) {
    Group& group = m_groups[g];
    m_model.engine().cancel(instance.pending);
    instance.pending = {};
    if (instance.state == InstanceState::Pending) {
        terminate(g, instance.name); // nothing runs on it yet
        return;
    }
    instance.state = InstanceState::Draining;
    instance.drainingAt = m_model.now();
    m_model.traffic().vmInService(instance.name, false);
    m_model.record(Component::AutoScalingGroup, EventReason::DeregisteringInstance,
                   ObjectKind::AutoScalingGroup, group.spec->name, {{"instance", instance.name}});
}

void VmAutoScaling::terminate(std::size_t g, const std::string& name) {
    Group& group = m_groups[g];
    const auto it = std::find_if(group.instances.begin(), group.instances.end(),
                                 [&](const Instance& i) { return i.name == name; });
    if (it == group.instances.end()) {
        return;
    }
    m_model.engine().cancel(it->pending);
    group.instanceHours += (m_model.now() - it->launchedAt).toSeconds() / kSecondsPerHour;
    ++group.terminations;
    group.instances.erase(it);
    m_model.traffic().vmStopped(name);
    m_model.cloud().releaseInstance(name);
    m_model.record(Component::AutoScalingGroup, EventReason::TerminatingInstance,
                   ObjectKind::AutoScalingGroup, group.spec->name, {{"instance", name}});
}

void VmAutoScaling::reconcile(std::size_t g) {
    Group& group = m_groups[g];
    const auto live = [&group] {
        return static_cast<int>(
            std::count_if(group.instances.begin(), group.instances.end(),
                          [](const Instance& i) { return i.state != InstanceState::Draining; }));
    };
    while (live() < group.desired) {
        launch(g, false);
    }
    // Scale-in: the newest first, those not yet in service before those serving.
    while (live() > group.desired) {
        Instance* victim = nullptr;
        for (auto it = group.instances.rbegin(); it != group.instances.rend(); ++it) {
            if (it->state == InstanceState::Pending || it->state == InstanceState::Starting) {
                victim = &*it;
                break;
            }
        }
        for (auto it = group.instances.rbegin(); victim == nullptr && it != group.instances.rend();
             ++it) {
            if (it->state == InstanceState::InService) {
                victim = &*it;
            }
        }
        if (victim == nullptr) {
            break;
        }
        deregister(g, *victim);
    }
}

void VmAutoScaling::setDesired(std::size_t g, int desired, const std::string& alarm) {
    Group& group = m_groups[g];
    desired = std::clamp(desired, group.spec->minSize, group.spec->maxSize);
    if (desired == group.desired) {
        return;
    }
    const int from = group.desired;
    group.desired = desired;
    (desired > from ? group.scaleOuts : group.scaleIns) += 1;
    const std::string cause = "a monitor alarm TargetTracking-" + group.spec->name + "-" + alarm +
                              " in state ALARM triggered policy cpu-target-tracking changing the "
                              "desired capacity from " +
                              std::to_string(from) + " to " + std::to_string(desired);
    m_model.record(Component::AutoScalingGroup, EventReason::SetDesiredCapacity,
                   ObjectKind::AutoScalingGroup, group.spec->name,
                   {{"from", std::to_string(from)},
                    {"to", std::to_string(desired)},
                    {"alarm", alarm},
                    {"cause", cause}});
    reconcile(g);
}

void VmAutoScaling::evaluate(std::size_t g, double datapoint, double counted) {
    Group& group = m_groups[g];
    const TargetTrackingSpec& policy = *group.spec->targetTracking;
    group.datapoints.push_back(datapoint);
    const auto& points = group.datapoints;
    const auto lastAll = [&points](std::size_t count, auto predicate) {
        return points.size() >= count &&
               std::all_of(points.end() - static_cast<std::ptrdiff_t>(count), points.end(),
                           predicate);
    };
    const double target = policy.targetCpuUtilization;
    const SimTime now = m_model.now();
    bool warming = false;
    for (const Instance& i : group.instances) {
        warming = warming || (i.state != InstanceState::Draining &&
                              (i.state != InstanceState::InService || i.warmAt > now));
    }
    // `counted`: the instances the datapoint averaged over (a mean over its period), so the
    // proposal is the capacity that would have carried the measured load at the target.
    const int proposal = static_cast<int>(std::ceil(counted * datapoint / target - 1e-9));
    if (lastAll(static_cast<std::size_t>(aws::kScaleOutDatapoints),
                [target](double v) { return v > target; })) {
        setDesired(g, std::max(group.desired, proposal), "AlarmHigh");
    } else if (!policy.disableScaleIn && !warming &&
               lastAll(static_cast<std::size_t>(aws::kScaleInDatapoints),
                       [target](double v) { return v < target * aws::kScaleInThreshold; }) &&
               proposal < group.desired) {
        setDesired(g, proposal, "AlarmLow");
    }
    // The alarms look at no more than their longest window.
    if (group.datapoints.size() > static_cast<std::size_t>(aws::kScaleInDatapoints)) {
        group.datapoints.erase(group.datapoints.begin());
    }
}

void VmAutoScaling::sampleSecond() {
    const SimTime now = m_model.now();
    TrafficModel& traffic = m_model.traffic();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Group& group = m_groups[g];
        const double cores = group.usableCores();
        double used = 0.0;
        int serving = 0;
        for (const Instance& i : group.instances) {
            if (i.state != InstanceState::InService) {
                continue;
            }
            const double cpu = traffic.vmLastSecondCores(i.name);
            used += cpu;
            ++serving;
            if (i.warmAt <= now - SimTime::seconds(1)) {
                group.periodCpuSeconds += cpu;
                group.periodCapacitySeconds += cores;
            }
        }
        group.lastSecondUtilization = serving > 0 ? 100.0 * used / (cores * serving) : 0.0;
        // Draining instances leave when empty or at the deregistration delay (ELB).
        std::vector<std::string> done;
        for (const Instance& i : group.instances) {
            if (i.state == InstanceState::Draining &&
                (traffic.vmRequestsInFlight(i.name) == 0 ||
                 now - i.drainingAt >= group.spec->targetGroup.deregistrationDelay)) {
                done.push_back(i.name);
            }
        }
        for (const std::string& name : done) {
            terminate(g, name);
        }
        if (!group.spec->targetTracking) {
            continue;
        }
        const TargetTrackingSpec& policy = *group.spec->targetTracking;
        if (now.toMicroseconds() % policy.metricPeriod.toMicroseconds() != 0) {
            continue;
        }
        // The period closes; with no counted instance it has no datapoint (INSUFFICIENT_DATA).
        if (group.periodCapacitySeconds > 0.0) {
            const double datapoint = 100.0 * group.periodCpuSeconds / group.periodCapacitySeconds;
            const double counted = group.periodCapacitySeconds /
                                   (group.usableCores() * policy.metricPeriod.toSeconds());
            m_model.engine().schedule(
                policy.metricLag,
                [this, g, datapoint, counted] { evaluate(g, datapoint, counted); },
                priority::kController);
        }
        group.periodCpuSeconds = 0.0;
        group.periodCapacitySeconds = 0.0;
    }
}

} // namespace cnsim
