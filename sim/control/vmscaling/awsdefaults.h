#pragma once

// Defaults of AWS EC2 Auto Scaling, Elastic Load Balancing and CloudWatch that the VM groups
// (model/vmautoscalinggroup.h) follow. Sources, with what cnsim simplifies, in docs/vms.md.

#include "engine/simtime.h"

namespace cnsim::aws {

// Application Load Balancer target group: HealthCheckIntervalSeconds 30,
// HealthyThresholdCount 5, deregistration_delay.timeout_seconds 300
// (elasticloadbalancing/latest/application/target-group-health-checks.html,
// load-balancer-target-groups.html#deregistration-delay).
inline constexpr SimTime kHealthCheckInterval = SimTime::seconds(30);
inline constexpr int kHealthyThreshold = 5;
inline constexpr SimTime kDeregistrationDelay = SimTime::seconds(300);

// EC2 Auto Scaling: with no DefaultInstanceWarmup nor EstimatedInstanceWarmup, a target
// tracking policy uses the default cooldown, 300 s (ec2-auto-scaling-default-instance-warmup).
inline constexpr SimTime kDefaultInstanceWarmup = SimTime::seconds(300);

// CloudWatch: one-minute datapoints (detailed monitoring, which target tracking recommends),
// visible to alarms about a minute after their period ends.
inline constexpr SimTime kMetricPeriod = SimTime::seconds(60);
inline constexpr SimTime kMetricLag = SimTime::seconds(60);

// The alarms a target tracking policy creates: scale out when 3 consecutive datapoints are
// above the target (AlarmHigh), scale in when 15 consecutive are below 90 % of it (AlarmLow).
// An alarm in ALARM invokes its Auto Scaling action again at every period.
inline constexpr int kScaleOutDatapoints = 3;
inline constexpr int kScaleInDatapoints = 15;
inline constexpr double kScaleInThreshold = 0.9;

} // namespace cnsim::aws
