#pragma once

// Simulation: one run of one scenario — the narrow API the CLI, studio, lessons and tests
// use. Build it from a Scenario, advance it, read snapshots/metrics/events, apply actions.
//
// A Simulation copies its Scenario and never edits it. Same scenario + same seed gives
// bit-identical events, metrics and fingerprint, whether advanced in one call or in many
// small slices (the studio's time slices), and whether or not anyone reads snapshots.
// Threading: use from one thread at a time; separate Simulations are independent.

#include "cluster/apiserver.h"
#include "control/scheduling/schedulingdecision.h"
#include "engine/simtime.h"
#include "metrics/metricsstore.h"
#include "metrics/runsummary.h"
#include "metrics/traces.h"
#include "model/action.h"
#include "model/clusterautoscaler.h"
#include "model/clusterevent.h"
#include "model/hpacontroller.h"
#include "model/metricsserver.h"
#include "model/snapshot.h"
#include "scenario/scenario.h"
#include "traffic/walkpool.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
class PipelineRunner;

struct SimulationOptions {
    std::optional<std::uint64_t> seed; // overrides the scenario's seed
    std::optional<SimTime> until;      // overrides the scenario's duration
};

class Simulation {
public:
    explicit Simulation(Scenario scenario, SimulationOptions options = {});
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    const Scenario& scenario() const;
    // The simulated cluster's API objects, read-only (kubectl get/describe, inspectors).
    const ApiServer& api() const;
    // Whether each control-plane component runs (a ControlPlaneOutage fault stops one).
    bool apiServerUp() const;
    bool schedulerUp() const;
    bool controllerManagerUp() const;
    std::uint64_t seed() const;
    SimTime now() const;
    SimTime endTime() const;
    bool finished() const;

    // Processes events up to min(target, endTime()), at most maxEvents of them. Returns
    // true when it got there; false when the event budget ran out first (now() is then the
    // time of the last processed event), so a caller can bound the work per call.
    bool advanceTo(SimTime target,
                   std::uint64_t maxEvents = std::numeric_limits<std::uint64_t>::max());
    void runToEnd();

    // Takes effect at now(), as an event of its own (so it is part of the fingerprint).
    // Called from a command handler (below), it takes effect later in the same instant.
    ActionResult apply(const Action& action);

    // Runs the scenario's simulation.commands (kubectl commands) at their times: the handler
    // gets each command's text when the simulation reaches it and may read the cluster and
    // apply actions. Without a handler the commands are not run. The kubectl library provides
    // the handler the CLI and the studio install (sim/kubectl).
    using CommandHandler = std::function<void(Simulation&, const ScheduledCommand&)>;
    void setCommandHandler(CommandHandler handler);

    ClusterSnapshot snapshot() const;
    const MetricsStore& metrics() const;
    // Keep about the last `samples` per-second samples of each metrics series (see
    // MetricsStore::setRetention), so memory stays flat over long runs; 0 keeps all.
    void setMetricsRetention(std::size_t samples);
    const std::vector<ClusterEvent>& events() const;
    RunSummary summary() const;
    // The sampled requests' span trees (simulation.tracing), in arrival order; at most
    // tracing.maxTraces. Tracing never changes what the simulation does.
    const std::vector<RequestTrace>& traces() const;

    // kube-scheduler's latest decision for a pod ("name" or "namespace/name"): each node's
    // filter verdict and score; empty when the pod was never tried or no longer exists.
    std::optional<SchedulingDecision> schedulingDecision(const std::string& podName) const;

    // The HPA controller's syncs of one HorizontalPodAutoscaler ("name" or "namespace/name"):
    // the latest decision (records.back(): replicas, conditions, events and the explanation
    // as codes and parameters) and a bounded history; empty before its first sync.
    std::optional<HpaDecisionHistory> hpaDecision(const std::string& hpaName) const;
    // metrics-server's last scrape (kubectl top, the HPA's resource metrics); it runs once an
    // HPA exists.
    const MetricsServer& metricsServer() const;
    // Aggregate mode: sampled requests drawn anew and kept walks counted again (walkpool.h).
    const AggregateSamplingStats& aggregateSampling() const;
    // The CI/CD pipelines and their runs so far (model/pipelinerunner.h).
    const PipelineRunner& pipelines() const;

    // The cluster autoscaler's scans (when the scenario has node groups): the latest decision
    // (records.back(): pending pods, the scale-up and scale-down results with their
    // explanations as codes and parameters) and a bounded history; empty before its first scan.
    std::optional<CaDecisionHistory> clusterAutoscalerDecisions() const;

    std::uint64_t fingerprint() const;
    std::string fingerprintHex() const;
    std::uint64_t engineEventCount() const;

private:
    void summarizeCloud(RunSummary& summary) const;
    void summarizeVmGroups(RunSummary& summary) const;  // vmsummary.cpp
    void summarizePipelines(RunSummary& summary) const; // pipelinesummary.cpp

    std::unique_ptr<SimulationModel> m_model;
    CommandHandler m_commandHandler;
    bool m_inCommand = false;
};

} // namespace cnsim
