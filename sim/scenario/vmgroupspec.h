#pragma once

// VmGroupSpec: a scenario's `vmGroups:` entry, an auto-scaling group of virtual machines that
// each run one copy of an application directly, without containers or Kubernetes (the
// pre-container way; docs/vms.md). Its instances serve a Service-like name (`service`) that
// traffic classes and gateway backends target, with the behaviour of the simulation.services
// entry of that name. Defaults are AWS EC2 Auto Scaling's and Elastic Load Balancing's
// (control/vmscaling/awsdefaults.h, with sources).

#include "control/vmscaling/awsdefaults.h"
#include "engine/simtime.h"
#include "scenario/units.h"

#include <optional>
#include <string>

namespace cnsim {

// The load balancer's target group: when a new instance starts receiving requests and how a
// leaving one drains.
struct TargetGroupSpec {
    SimTime healthCheckInterval = aws::kHealthCheckInterval;
    int healthyThreshold = aws::kHealthyThreshold;
    SimTime deregistrationDelay = aws::kDeregistrationDelay;
    bool operator==(const TargetGroupSpec&) const = default;
};

// A target tracking scaling policy on the group's average CPU utilization
// (ASGAverageCPUUtilization).
struct TargetTrackingSpec {
    double targetCpuUtilization = 50; // percent
    SimTime instanceWarmup = aws::kDefaultInstanceWarmup;
    SimTime metricPeriod = aws::kMetricPeriod;
    SimTime metricLag = aws::kMetricLag; // period end → datapoint visible to the alarms
    bool disableScaleIn = false;
    bool operator==(const TargetTrackingSpec&) const = default;
};

struct VmGroupSpec {
    std::string name;
    std::string zone;
    std::string service; // the name traffic targets
    CpuMillis cpu;       // the instance type's vCPUs
    Bytes memory;
    CpuMillis overheadCpu; // kept by the hypervisor, not the application's
    Bytes overheadMemory;
    SimTime bootTime = SimTime::seconds(60); // launch → operating system up
    SimTime appStartupTime;                  // operating system up → application serving
    double pricePerHour = 0;                 // per instance
    int minSize = 1;
    int maxSize = 1;
    std::optional<int> desiredCapacity; // unset: minSize
    TargetGroupSpec targetGroup;
    std::optional<TargetTrackingSpec> targetTracking; // none: a fixed group (standalone)
    int desired() const { return desiredCapacity.value_or(minSize); }
    bool operator==(const VmGroupSpec&) const = default;
};

} // namespace cnsim
