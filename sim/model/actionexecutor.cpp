#include "model/actionexecutor.h"

#include "model/deploymentcontroller.h"
#include "model/rolloutscontroller.h"
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

constexpr int kMaxReplicas = 10000; // the scenario format's bound, docs/scenario-format.md

PreparedAction refuse(std::string code, std::string arg, std::string message) {
    return PreparedAction{
        ActionResult{false, std::move(code), {std::move(arg)}, std::move(message)}, {}};
}

PreparedAction accept(std::function<void()> effect) {
    return PreparedAction{ActionResult{}, std::move(effect)};
}

bool nodeExists(SimulationModel& model, const std::string& name) {
    return model.api().nodes().find("", name) != nullptr;
}

DeploymentObject* findDeployment(SimulationModel& model, const std::string& name) {
    for (auto& [key, d] : model.api().deployments()) {
        if (d.meta.name == name) {
            return &d;
        }
    }
    return nullptr;
}

PreparedAction unknownNode(const std::string& node) {
    return refuse("unknown-node", node, "nodes \"" + node + "\" not found");
}

PreparedAction unknownDeployment(const std::string& name) {
    return refuse("unknown-deployment", name, "deployments.apps \"" + name + "\" not found");
}

const RolloutObject* findRollout(SimulationModel& model, const std::string& name) {
    for (const auto& [key, r] : model.api().rollouts()) {
        if (r.meta.name == name) {
            return &r;
        }
    }
    return nullptr;
}

PreparedAction unknownRollout(const std::string& name) {
    return refuse("unknown-rollout", name, "rollouts.argoproj.io \"" + name + "\" not found");
}

} // namespace

PreparedAction prepareAction(SimulationModel& model, const Action& action) {
    constexpr Component user = Component::User;
    return std::visit(
        Overloaded{
            [&](const FailNodeAction& a) {
                return nodeExists(model, a.node)
                           ? accept([&model, n = a.node] { model.failNode(n, user); })
                           : unknownNode(a.node);
            },
            [&](const RecoverNodeAction& a) {
                return nodeExists(model, a.node)
                           ? accept([&model, n = a.node] { model.recoverNode(n, user); })
                           : unknownNode(a.node);
            },
            [&](const CordonNodeAction& a) {
                return nodeExists(model, a.node)
                           ? accept([&model, a] { model.cordonNode(a.node, a.cordon, user); })
                           : unknownNode(a.node);
            },
            [&](const DrainNodeAction& a) {
                return nodeExists(model, a.node)
                           ? accept([&model, n = a.node] { model.drainNode(n); })
                           : unknownNode(a.node);
            },
            [&](const DeletePodAction& a) {
                for (const auto& [key, pod] : model.api().pods()) {
                    if (pod.meta.name == a.pod) {
                        return accept([&model, p = a.pod] { model.deletePod(p, user); });
                    }
                }
                return refuse("unknown-pod", a.pod, "pods \"" + a.pod + "\" not found");
            },
            [&](const ScaleDeploymentAction& a) {
                if (findDeployment(model, a.deployment) == nullptr) {
                    return unknownDeployment(a.deployment);
                }
                if (a.replicas < 0 || a.replicas > kMaxReplicas) {
                    return refuse("replicas-out-of-range", std::to_string(a.replicas),
                                  "replicas must be between 0 and " + std::to_string(kMaxReplicas));
                }
                return accept(
                    [&model, a] { model.scaleDeployment(a.deployment, a.replicas, user); });
            },
            [&](const SetImageAction& a) {
                DeploymentObject* d = findDeployment(model, a.deployment);
                if (d == nullptr) {
                    return unknownDeployment(a.deployment);
                }
                bool found = false;
                for (const ContainerSpec& c : d->spec.podSpec.containers) {
                    found = found || c.name == a.container;
                }
                if (!found) {
                    return refuse("unknown-container", a.container,
                                  "unable to find container named \"" + a.container + "\"");
                }
                if (a.image.empty()) {
                    return refuse("empty-image", a.container, "the image must not be empty");
                }
                return accept([&model, a] { model.setImage(a.deployment, a.container, a.image); });
            },
            [&](const RolloutUndoAction& a) {
                DeploymentObject* d = findDeployment(model, a.deployment);
                if (d == nullptr) {
                    return unknownDeployment(a.deployment);
                }
                std::vector<RsCounts> all;
                for (const ReplicaSetObject* rs :
                     model.deploymentController().ownedReplicaSets(*d)) {
                    all.push_back(DeploymentController::countsOf(*rs));
                }
                const RollbackTarget target =
                    rollbackTarget(a.deployment, all, static_cast<int>(a.toRevision));
                if (!target.rs) {
                    return refuse("no-rollout-history", a.deployment, target.error);
                }
                return accept(
                    [&model, d = a.deployment, rs = target.rs->name] { model.rollbackTo(d, rs); });
            },
            [&](const RolloutRestartAction& a) {
                return findDeployment(model, a.deployment) != nullptr
                           ? accept([&model, d = a.deployment] { model.restartRollout(d); })
                           : unknownDeployment(a.deployment);
            },
            [&](const ApplyManifestAction& a) {
                return accept([&model, m = a.manifest] { model.applyManifest(m); });
            },
            [&](const InjectFaultAction& a) {
                return accept([&model, f = a.fault] { model.applyFault(f); });
            },
            [&](const SetRolloutImageAction& a) {
                const RolloutObject* r = findRollout(model, a.rollout);
                if (r == nullptr) {
                    return unknownRollout(a.rollout);
                }
                const bool found = std::any_of(
                    r->spec.podSpec.containers.begin(), r->spec.podSpec.containers.end(),
                    [&](const ContainerSpec& c) { return c.name == a.container; });
                if (!found) {
                    return refuse("unknown-container", a.container,
                                  "unable to find container named \"" + a.container + "\"");
                }
                if (a.image.empty()) {
                    return refuse("empty-image", a.container, "the image must not be empty");
                }
                return accept([&model, a] {
                    model.rolloutsController().setImage(a.rollout, a.container, a.image);
                });
            },
            [&](const RolloutControlAction& a) {
                if (findRollout(model, a.rollout) == nullptr) {
                    return unknownRollout(a.rollout);
                }
                return accept([&model, a] {
                    RolloutsController& c = model.rolloutsController();
                    switch (a.operation) {
                    case RolloutOperation::Promote:
                        c.promote(a.rollout);
                        break;
                    case RolloutOperation::Abort:
                        c.abort(a.rollout);
                        break;
                    case RolloutOperation::Retry:
                        c.retry(a.rollout);
                        break;
                    }
                });
            },
        },
        action);
}

} // namespace cnsim
