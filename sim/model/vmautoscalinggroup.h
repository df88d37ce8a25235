#pragma once

// VmAutoScaling: the scenario's vmGroups, EC2-style auto-scaling groups of virtual machines
// that each run one copy of an application directly (no containers, no kubelet, no
// scheduler). docs/vms.md describes the model and its AWS sources.
//
// An instance's life: Pending (launched, billed, booting for bootTime) → Starting (the
// operating system is up, the application starts for appStartupTime) → in service once the
// load balancer's health checks pass `healthyThreshold` times in a row (checks every
// `healthCheckInterval` from one interval after boot; a check passes once the application
// serves) → Draining when the group terminates it (deregistered: no new requests, those it
// holds finish, at most deregistrationDelay) → terminated (billing stops). The group's initial
// instances are in service at time 0.
//
// The target tracking policy: every metricPeriod the group's average CPU utilization over the
// period (instances in service and past their warm-up) becomes a datapoint the alarms see
// metricLag later. AlarmHigh (3 datapoints above the target) sets the desired capacity to
// max(desired, ceil(n × metric / target)) at every datapoint while in ALARM; AlarmLow (15
// datapoints below 90 % of the target) lowers it to ceil(n × metric / target), not while an
// instance warms up. n: the instances the datapoint averaged over (mean over its period).
// Clamped to [min, max].
// Scale-in terminates the newest instances first (those not yet in service before those
// serving).
//
// Time: every decision happens on the engine's clock at kController priority; the per-second
// CPU sample comes from the metrics recorder. No randomness.

#include "engine/engine.h"
#include "scenario/vmgroupspec.h"

#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

class VmAutoScaling {
public:
    enum class InstanceState { Pending, Starting, InService, Draining };
    struct Instance {
        std::string name;
        InstanceState state = InstanceState::Pending;
        SimTime launchedAt;
        SimTime warmAt;     // its CPU counts toward the group's metric from here
        SimTime drainingAt; // deregistered at
        int passedChecks = 0;
        EventId pending; // boot, next health check
    };
    struct Group {
        const VmGroupSpec* spec = nullptr;
        int desired = 0;
        int nextIndex = 1;
        std::vector<Instance> instances; // live (not terminated), in launch order
        // The policy's state.
        double periodCpuSeconds = 0.0;      // CPU used by counted instances this period
        double periodCapacitySeconds = 0.0; // their usable cores × seconds this period
        std::vector<double> datapoints;     // published, percent, oldest first
        double lastSecondUtilization = 0.0; // percent, in-service instances, last second
        // Over the run.
        int launches = 0;
        int terminations = 0;
        int peakInService = 0;
        int scaleOuts = 0;
        int scaleIns = 0;
        double instanceHours = 0.0; // billed hours of terminated instances
        int inService() const;
        double usableCores() const;
    };

    explicit VmAutoScaling(SimulationModel& model);

    bool hasGroups() const { return !m_groups.empty(); }
    const std::vector<Group>& groups() const { return m_groups; }
    // Starts each group's initial instances in service.
    void start();
    // The metrics recorder's per-second call, after CPU accounting: CPU, draining, periods.
    void sampleSecond();
    // Instance hours billed so far (running instances up to now).
    double instanceHours(const Group& group) const;

private:
    Group& groupOf(std::size_t index) { return m_groups[index]; }
    Instance* find(Group& group, const std::string& name);
    void launch(std::size_t group, bool inServiceNow);
    void booted(std::size_t group, const std::string& instance);
    void healthCheck(std::size_t group, const std::string& instance);
    void deregister(std::size_t group, Instance& instance);
    void terminate(std::size_t group, const std::string& instance);
    void reconcile(std::size_t group);
    void setDesired(std::size_t group, int desired, const std::string& alarm);
    void evaluate(std::size_t group, double datapoint, double counted);

    SimulationModel& m_model;
    std::vector<Group> m_groups;
};

} // namespace cnsim
