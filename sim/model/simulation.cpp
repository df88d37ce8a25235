#include "model/simulation.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

ActionResult failure(std::string code, std::string arg, std::string message) {
    return ActionResult{false, std::move(code), {std::move(arg)}, std::move(message)};
}

constexpr int kMaxReplicas = 10000; // the scenario format's bound, docs/scenario-format.md

} // namespace

Simulation::Simulation(Scenario scenario, SimulationOptions options) {
    const std::uint64_t seed = options.seed.value_or(scenario.seed);
    const SimTime end = options.until.value_or(scenario.duration);
    m_model = std::make_unique<SimulationModel>(std::move(scenario), seed, end);
}

Simulation::~Simulation() = default;

const Scenario& Simulation::scenario() const {
    return m_model->scenario();
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

ActionResult Simulation::apply(const Action& action) {
    SimulationModel& model = *m_model;
    ClusterState& state = model.state();
    ActionResult result;
    std::function<void()> effect;
    std::visit(
        Overloaded{
            [&](const FailNodeAction& a) {
                if (const auto node = state.findNode(a.node)) {
                    effect = [&model, n = *node] { model.failNode(n, Component::User); };
                } else {
                    result = failure("unknown-node", a.node, "no node named '" + a.node + "'");
                }
            },
            [&](const RecoverNodeAction& a) {
                if (const auto node = state.findNode(a.node)) {
                    effect = [&model, n = *node] { model.recoverNode(n, Component::User); };
                } else {
                    result = failure("unknown-node", a.node, "no node named '" + a.node + "'");
                }
            },
            [&](const DeletePodAction& a) {
                if (const PodRuntime* pod = state.findPod(a.pod)) {
                    effect = [&model, id = pod->id] {
                        if (model.state().pods.count(id) != 0) {
                            model.deletePod(id, Component::User);
                        }
                    };
                } else {
                    result = failure("unknown-pod", a.pod, "no pod named '" + a.pod + "'");
                }
            },
            [&](const ScaleDeploymentAction& a) {
                const auto deployment = state.findDeployment(a.deployment);
                if (!deployment) {
                    result = failure("unknown-deployment", a.deployment,
                                     "no deployment named '" + a.deployment + "'");
                } else if (a.replicas < 0 || a.replicas > kMaxReplicas) {
                    result =
                        failure("replicas-out-of-range", std::to_string(a.replicas),
                                "replicas must be between 0 and " + std::to_string(kMaxReplicas));
                } else {
                    effect = [&model, d = *deployment, r = a.replicas] {
                        model.scaleDeployment(d, r, Component::User);
                    };
                }
            },
        },
        action);
    if (!effect) {
        return result;
    }
    if (finished()) {
        return failure("simulation-finished", {}, "the simulation has reached its end time");
    }
    // An event of its own at now(), before anything else at this instant; then run the
    // instant so the effect is visible in the next snapshot.
    model.engine().scheduleAt(now(), std::move(effect), priority::kAction);
    advanceTo(now());
    return result;
}

ClusterSnapshot Simulation::snapshot() const {
    const ClusterState& state = m_model->state();
    ClusterSnapshot snap;
    snap.time = now();
    for (const NodeRuntime& node : state.nodes) {
        snap.nodes.push_back(NodeState{node.spec.name, node.spec.zone, node.ready, node.spec.cpu,
                                       node.spec.memory, node.spec.maxPods, node.cpuRequested,
                                       node.memoryRequested, node.podCount, node.lastSecondCores});
    }
    for (const DeploymentRuntime& deployment : state.deployments) {
        snap.deployments.push_back(
            DeploymentState{deployment.spec->name, deployment.desiredReplicas, 0, 0, 0, 0});
    }
    for (const auto& [id, pod] : state.pods) {
        PodState view;
        view.name = pod.name;
        view.deployment = state.deployments[pod.deployment].spec->name;
        view.node = pod.node ? state.nodes[*pod.node].spec.name : std::string();
        view.phase = pod.phase;
        view.createdAt = pod.createdAt;
        view.cpuRequest = pod.cpuRequest;
        view.memoryRequest = pod.memoryRequest;
        view.requestsInFlight = static_cast<int>(pod.queue.size());
        view.pendingReason = pod.pendingReason;
        snap.pods.push_back(std::move(view));
        DeploymentState& counts = snap.deployments[pod.deployment];
        switch (pod.phase) {
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
    return snap;
}

const MetricsStore& Simulation::metrics() const {
    return m_model->metrics();
}

const std::vector<ClusterEvent>& Simulation::events() const {
    return m_model->events();
}

RunSummary Simulation::summary() const {
    const ClusterState& state = m_model->state();
    RunSummary s;
    s.scenarioName = scenario().metadata.name;
    s.seed = seed();
    s.simulatedTime = now();
    s.engineEvents = engineEventCount();
    s.clusterEvents = events().size();
    s.fingerprint = fingerprintHex();
    const auto& counters = m_model->traffic().counters();
    for (std::size_t i = 0; i < state.services.size(); ++i) {
        const ServiceTrafficCounters& c = counters[i];
        s.services.push_back(ServiceSummary{
            state.services[i].spec->name, c.arrivals, c.completed, c.errors, c.latency.meanMs(),
            c.latency.quantileMs(0.50), c.latency.quantileMs(0.95), c.latency.quantileMs(0.99)});
    }
    const ClusterSnapshot snap = snapshot();
    for (std::size_t d = 0; d < state.deployments.size(); ++d) {
        s.deployments.push_back(
            DeploymentSummary{state.deployments[d].spec->name, state.deployments[d].desiredReplicas,
                              snap.deployments[d].running, state.deployments[d].podsCreated});
    }
    const double seconds = std::max(now().toSeconds(), 1e-9);
    for (const NodeRuntime& node : state.nodes) {
        s.nodes.push_back(NodeSummary{node.spec.name, node.spec.zone, node.ready, node.podCount,
                                      node.busyCpuTotal.toSeconds() / seconds});
    }
    return s;
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
