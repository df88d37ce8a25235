#include "model/simulation.h"

#include "control/kubernetesdefaults.h"
#include "model/actionexecutor.h"
#include "model/cloudprovider.h"
#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/kubescheduler.h"
#include "model/messagequeues.h"
#include "model/metricsrecorder.h"
#include "model/ownership.h"
#include "model/pipelinerunner.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"
#include "scenario/scenarioenums.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

namespace cnsim {

Simulation::Simulation(Scenario scenario, SimulationOptions options) {
    const std::uint64_t seed = options.seed.value_or(scenario.seed);
    const SimTime end = options.until.value_or(scenario.duration);
    m_model = std::make_unique<SimulationModel>(std::move(scenario), seed, end);
    // Each scripted command is an event of its own, ordered like a person's action.
    for (const ScheduledCommand& command : m_model->scenario().simulation.commands) {
        if (command.at > end) {
            continue;
        }
        m_model->engine().scheduleAt(
            command.at,
            [this, &command] {
                if (!m_commandHandler) {
                    return;
                }
                // Actions the handler applies run later in this instant (see apply()).
                struct CommandScope {
                    bool& flag;
                    explicit CommandScope(bool& f) : flag(f) { flag = true; }
                    ~CommandScope() { flag = false; }
                } scope(m_inCommand);
                m_commandHandler(*this, command);
            },
            priority::kAction);
    }
}

Simulation::~Simulation() = default;

std::optional<SchedulingDecision> Simulation::schedulingDecision(const std::string& podName) const {
    return m_model->scheduler().decision(podName);
}

std::optional<HpaDecisionHistory> Simulation::hpaDecision(const std::string& hpaName) const {
    const std::string key = hpaName.find('/') == std::string::npos ? "default/" + hpaName : hpaName;
    const HpaDecisionHistory* history = m_model->hpaController().decisions(key);
    return history == nullptr ? std::nullopt : std::optional(*history);
}

const PipelineRunner& Simulation::pipelines() const {
    return m_model->pipelines();
}

const MetricsServer& Simulation::metricsServer() const {
    return m_model->metricsServer();
}

const AggregateSamplingStats& Simulation::aggregateSampling() const {
    return m_model->traffic().samplingStats();
}

const Scenario& Simulation::scenario() const {
    return m_model->scenario();
}
const ApiServer& Simulation::api() const {
    return m_model->api();
}
bool Simulation::apiServerUp() const {
    return m_model->api().available();
}
bool Simulation::schedulerUp() const {
    return m_model->schedulerUp();
}
bool Simulation::controllerManagerUp() const {
    return m_model->controllerManagerUp();
}
std::uint64_t Simulation::seed() const {
    return m_model->seed();
}
SimTime Simulation::now() const {
    return m_model->engine().now();
}
SimTime Simulation::endTime() const {
    return m_model->endTime();
}
bool Simulation::finished() const {
    return now() >= endTime();
}

bool Simulation::advanceTo(SimTime target, std::uint64_t maxEvents) {
    Engine& engine = m_model->engine();
    target = std::min(target, endTime());
    if (target < engine.now()) {
        return true;
    }
    for (std::uint64_t processed = 0;; ++processed) {
        const auto next = engine.peekNextTime();
        if (!next || *next > target) {
            break;
        }
        if (processed == maxEvents) {
            return false;
        }
        engine.step();
    }
    engine.runUntil(target);
    return true;
}

void Simulation::runToEnd() {
    advanceTo(endTime());
}

void Simulation::setCommandHandler(CommandHandler handler) {
    m_commandHandler = std::move(handler);
}

ActionResult Simulation::apply(const Action& action) {
    PreparedAction prepared = prepareAction(*m_model, action);
    if (!prepared.effect) {
        return prepared.result;
    }
    if (finished()) {
        return ActionResult{
            false, "simulation-finished", {}, "the simulation has reached its end time"};
    }
    // An event of its own at now(), before anything else at this instant; then run the
    // instant so the effect is visible in the next snapshot.
    m_model->engine().scheduleAt(now(), std::move(prepared.effect), priority::kAction);
    if (!m_inCommand) {
        advanceTo(now());
    }
    return prepared.result;
}

namespace {

PodPhase viewPhase(const PodObject& pod) {
    if (isPodTerminating(pod)) {
        return PodPhase::Terminating;
    }
    if (pod.nodeName.empty()) {
        return PodPhase::Pending;
    }
    return pod.phase == PodPhaseK8s::Running && isPodReady(pod) ? PodPhase::Running
                                                                : PodPhase::Starting;
}

ServiceSummary summarize(const std::string& name, const TrafficCounters& c) {
    const LatencyHistogram latency = c.runLatency();
    static constexpr double kQuantiles[] = {0.50, 0.90, 0.95, 0.99};
    double q[4] = {};
    latency.quantilesMs(kQuantiles, q);
    ServiceSummary s;
    s.name = name;
    s.requests = c.arrivals;
    s.completed = c.completed;
    s.errors = c.errors;
    s.meanLatencyMs = latency.meanMs();
    s.p50LatencyMs = q[0];
    s.p90LatencyMs = q[1];
    s.p95LatencyMs = q[2];
    s.p99LatencyMs = q[3];
    s.maxLatencyMs = latency.maxMs();
    return s;
}

} // namespace

const std::vector<RequestTrace>& Simulation::traces() const {
    return m_model->traffic().traces();
}

ClusterSnapshot Simulation::snapshot() const {
    const ApiServer& api = m_model->api();
    ClusterSnapshot snap;
    snap.time = now();
    std::map<std::string, std::size_t> nodeIndex;
    for (const NodeSpec& spec : m_model->scenario().cluster.expandedNodes()) {
        const NodeObject* node = api.nodes().find("", spec.name);
        NodeState view;
        view.name = spec.name;
        view.zone = spec.zone;
        view.ready = node != nullptr && isNodeReady(*node);
        view.up = m_model->kubelet().nodeUp(spec.name);
        view.cpuCapacity = node != nullptr ? node->allocatableCpu : spec.cpu;
        view.memoryCapacity = node != nullptr ? node->allocatableMemory : spec.memory;
        view.maxPods = spec.maxPods;
        view.cpuUsedCores = m_model->lastSecondCpu(spec.name);
        nodeIndex[spec.name] = snap.nodes.size();
        snap.nodes.push_back(std::move(view));
    }
    // Nodes the cluster autoscaler added, after the scenario's own.
    for (const auto& [key, node] : api.nodes()) {
        if (nodeIndex.count(node.meta.name) != 0) {
            continue;
        }
        NodeState view;
        view.name = node.meta.name;
        view.zone = node.zone;
        view.ready = isNodeReady(node);
        view.up = m_model->kubelet().nodeUp(node.meta.name);
        view.cpuCapacity = node.allocatableCpu;
        view.memoryCapacity = node.allocatableMemory;
        view.maxPods = node.capacityPods;
        view.cpuUsedCores = m_model->lastSecondCpu(node.meta.name);
        nodeIndex[node.meta.name] = snap.nodes.size();
        snap.nodes.push_back(std::move(view));
    }
    std::map<std::string, std::size_t> deploymentIndex;
    for (const Manifest& manifest : m_model->scenario().workloads) {
        if (const auto* spec = std::get_if<DeploymentSpec>(&manifest)) {
            const DeploymentObject* d = api.deployments().find(spec->nameSpace, spec->name);
            deploymentIndex[spec->name] = snap.deployments.size();
            snap.deployments.push_back(DeploymentState{
                spec->name, d != nullptr ? d->spec.replicas : spec->replicas, 0, 0, 0, 0});
        }
    }
    // Pods in creation order, as a person expects a list of new pods to grow.
    std::vector<const PodObject*> pods;
    for (const auto& [key, pod] : api.pods()) {
        pods.push_back(&pod);
    }
    std::stable_sort(pods.begin(), pods.end(), [](const PodObject* a, const PodObject* b) {
        return a->meta.creationTimestamp < b->meta.creationTimestamp;
    });
    for (const PodObject* pod : pods) {
        PodState view;
        view.name = pod->meta.name;
        view.deployment = owningDeployment(api, *pod);
        view.node = pod->nodeName;
        view.phase = viewPhase(*pod);
        view.createdAt = pod->meta.creationTimestamp;
        view.cpuRequest = pod->requestCpu;
        view.memoryRequest = pod->requestMemory;
        view.requestsInFlight = m_model->traffic().requestsInFlight(
            ObjectTable<PodObject>::key(pod->meta.nameSpace, pod->meta.name));
        if (const Condition* scheduled = findCondition(pod->conditions, "PodScheduled");
            scheduled != nullptr && scheduled->status == ConditionStatus::False) {
            view.pendingReason = scheduled->message;
        }
        view.status = podDisplayStatus(*pod);
        view.ready = isPodReady(*pod);
        view.restarts = podRestarts(*pod);
        if (const auto n = nodeIndex.find(pod->nodeName); n != nodeIndex.end()) {
            NodeState& node = snap.nodes[n->second];
            node.cpuRequested += pod->requestCpu;
            node.memoryRequested += pod->requestMemory;
            ++node.podCount;
        }
        if (const auto d = deploymentIndex.find(view.deployment); d != deploymentIndex.end()) {
            DeploymentState& counts = snap.deployments[d->second];
            switch (view.phase) {
            case PodPhase::Pending:
                ++counts.pending;
                break;
            case PodPhase::Starting:
                ++counts.starting;
                break;
            case PodPhase::Running:
                ++counts.running;
                break;
            case PodPhase::Terminating:
                ++counts.terminating;
                break;
            }
        }
        snap.pods.push_back(std::move(view));
    }
    return snap;
}

void Simulation::setMetricsRetention(std::size_t samples) {
    m_model->metrics().setRetention(samples);
}

const MetricsStore& Simulation::metrics() const {
    return m_model->metrics();
}

const std::vector<ClusterEvent>& Simulation::events() const {
    return m_model->events();
}

RunSummary Simulation::summary() const {
    RunSummary s;
    s.scenarioName = scenario().metadata.name;
    s.seed = seed();
    s.simulatedTime = now();
    s.engineEvents = engineEventCount();
    s.clusterEvents = events().size();
    s.fingerprint = fingerprintHex();
    s.trafficMode = enumName(scenario().simulation.trafficMode);
    const TrafficModel& traffic = m_model->traffic();
    for (std::size_t i = 0; i < traffic.serviceNames().size(); ++i) {
        s.services.push_back(summarize(traffic.serviceNames()[i], traffic.serviceCounters(i)));
    }
    for (const TrafficModel::VersionCounters& v : traffic.versions()) {
        VersionSummary version;
        static_cast<ServiceSummary&>(version) = summarize(v.version, v.counters);
        version.service = traffic.serviceNames()[v.service];
        s.versions.push_back(std::move(version));
    }
    for (std::size_t i = 0; i < traffic.routeCount(); ++i) {
        RouteSummary route;
        static_cast<ServiceSummary&>(route) =
            summarize(traffic.routeName(i), traffic.routeCounters(i));
        s.routes.push_back(std::move(route));
    }
    const ClusterSnapshot snap = snapshot();
    std::map<std::string, int> created;
    for (const ClusterEvent& e : events()) {
        if (e.reason == EventReason::SuccessfulCreate &&
            e.component == Component::ReplicaSetController) {
            const std::string rs = e.objectName;
            const ReplicaSetObject* set = nullptr;
            for (const auto& [key, candidate] : m_model->api().replicaSets()) {
                if (candidate.meta.name == rs) {
                    set = &candidate;
                }
            }
            if (set != nullptr && !set->meta.ownerReferences.empty()) {
                ++created[set->meta.ownerReferences.front().name];
            }
        }
    }
    for (const DeploymentState& d : snap.deployments) {
        s.deployments.push_back(
            DeploymentSummary{d.name, d.desiredReplicas, d.running, created[d.name]});
    }
    for (const auto& [key, hpa] : api().horizontalPodAutoscalers()) {
        HpaSummary h;
        h.name = hpa.meta.name;
        h.reference = hpa.spec.scaleTargetRef.kind + "/" + hpa.spec.scaleTargetRef.name;
        h.minReplicas = hpa.spec.minReplicas.value_or(k8s::kHpaDefaultMinReplicas);
        h.maxReplicas = hpa.spec.maxReplicas;
        h.currentReplicas = hpa.currentReplicas;
        h.peakReplicas = hpa.currentReplicas;
        for (const ClusterEvent& e : events()) {
            if (e.reason == EventReason::SuccessfulRescale && e.objectName == hpa.meta.name) {
                ++h.rescales;
                h.peakReplicas =
                    std::max(h.peakReplicas, std::atoi(std::string(e.arg("replicas")).c_str()));
            }
        }
        s.autoscalers.push_back(std::move(h));
    }
    for (const auto& [key, r] : api().rollouts()) {
        RolloutSummary summary;
        summary.name = r.meta.name;
        summary.strategy = r.spec.canary ? "canary" : "blueGreen";
        summary.phase = r.phase;
        summary.stepsCompleted = r.stepsCompleted;
        summary.steps = r.spec.canary ? static_cast<int>(r.spec.canary->steps.size()) : 0;
        summary.message = r.message;
        for (const ClusterEvent& e : events()) {
            summary.aborted = summary.aborted || (e.reason == EventReason::RolloutAborted &&
                                                  e.objectName == r.meta.name);
        }
        for (const auto& [runKey, run] : api().analysisRuns()) {
            if (run.rollout == r.meta.name && run.meta.nameSpace == r.meta.nameSpace) {
                ++summary.analysisRuns;
                summary.failedAnalysisRuns +=
                    run.phase == AnalysisPhase::Failed || run.phase == AnalysisPhase::Error ? 1 : 0;
            }
        }
        s.rollouts.push_back(std::move(summary));
    }
    const double seconds = std::max(now().toSeconds(), 1e-9);
    for (const NodeState& node : snap.nodes) {
        s.nodes.push_back(NodeSummary{node.name, node.zone, node.ready, node.podCount,
                                      traffic.nodeCpuTotalSeconds(node.name) / seconds});
    }
    summarizeCloud(s);
    summarizeVmGroups(s);
    summarizePipelines(s);
    s.queues = m_model->messageQueues().summaries();
    for (const auto& [key, so] : api().scaledObjects()) {
        ScaledObjectSummary summary;
        summary.name = so.meta.name;
        summary.target = so.spec.scaleTargetName;
        summary.minReplicaCount = so.spec.effectiveMinReplicaCount();
        summary.maxReplicaCount = so.spec.effectiveMaxReplicaCount();
        if (const DeploymentObject* d =
                api().deployments().find(so.meta.nameSpace, so.spec.scaleTargetName)) {
            summary.replicasAtEnd = d->spec.replicas;
        }
        summary.activeAtEnd = so.active;
        for (const ClusterEvent& e : events()) {
            if (e.objectKind == ObjectKind::ScaledObject && e.objectName == so.meta.name) {
                summary.activations += e.reason == EventReason::KEDAScaleTargetActivated ? 1 : 0;
                summary.deactivations +=
                    e.reason == EventReason::KEDAScaleTargetDeactivated ? 1 : 0;
            }
        }
        s.scaledObjects.push_back(std::move(summary));
    }
    for (const auto& [key, vpa] : api().verticalPodAutoscalers()) {
        for (const VpaContainerRecommendationStatus& r : vpa.recommendations) {
            s.verticalPodAutoscalers.push_back(
                VpaSummary{vpa.meta.name, vpa.spec.targetName, r.containerName, r.targetCpuMilli,
                           r.targetMemory, r.lowerBoundCpuMilli, r.lowerBoundMemory,
                           r.upperBoundCpuMilli, r.upperBoundMemory});
        }
    }
    return s;
}

void Simulation::summarizeCloud(RunSummary& s) const {
    const CloudProvider& cloud = m_model->cloud();
    for (const CloudProvider::Group& g : cloud.groups()) {
        s.nodeGroups.push_back(NodeGroupSummary{g.spec->name, g.spec->minSize, g.spec->maxSize,
                                                static_cast<int>(g.nodes.size()), g.peakSize,
                                                g.scaleUps, g.nodesDeleted, g.interruptions});
    }
    CostSummary& c = s.cost;
    const Scenario& sc = scenario();
    c.priced = cloud.billing();
    c.dollars = cloud.dollars();
    c.dollarsPerHourAtEnd = cloud.dollarsPerHour();
    // Successful requests: those the entry Services answered (the Services traffic sources
    // call, or the gateway's Service).
    std::set<std::string> entries;
    for (const TrafficSourceSpec& source : sc.simulation.traffic) {
        for (const RequestClassSpec& rc : source.classes) {
            if (!rc.queue.empty()) {
                continue; // messages, not requests answered
            }
            entries.insert(rc.service.empty() ? sc.simulation.gateway.service : rc.service);
        }
    }
    for (const ServiceSummary& service : s.services) {
        if (entries.count(service.name) != 0) {
            c.successfulRequests += service.completed;
        }
    }
    if (c.priced && c.successfulRequests > 0) {
        c.dollarsPerMillionRequests = c.dollars / static_cast<double>(c.successfulRequests) * 1e6;
    }
    if (sc.simulation.slo) {
        c.sloService = sc.simulation.slo->service;
        c.sloLatencyP95Ms =
            static_cast<double>(sc.simulation.slo->latencyP95.toMicroseconds()) / 1000.0;
        c.sloViolationMinutes =
            static_cast<double>(m_model->metricsRecorder().sloViolationSeconds()) / 60.0;
    }
}

std::optional<CaDecisionHistory> Simulation::clusterAutoscalerDecisions() const {
    const ClusterAutoscaler& ca = m_model->clusterAutoscaler();
    if (!ca.enabled() || ca.decisions().records.empty()) {
        return std::nullopt;
    }
    return ca.decisions();
}

std::uint64_t Simulation::fingerprint() const {
    return m_model->engine().fingerprint().value();
}

std::string Simulation::fingerprintHex() const {
    return m_model->engine().fingerprint().hex();
}

std::uint64_t Simulation::engineEventCount() const {
    return m_model->engine().eventCount();
}

} // namespace cnsim
