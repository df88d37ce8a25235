// The kubectl commands that change the cluster: scale, cordon, uncordon, drain, delete pod,
// rollout (status, history, undo, restart), set image and apply. Each checks what it can
// the way the API server would (NotFound), maps to one simulation Action and prints
// kubectl's success line (k8s.io/kubectl/pkg/cmd/<command>/*.go, printed through the
// NamePrinter as "<type>/<name> <operation>").

#include "control/workloads/rolloutstatus.h"
#include "kubectl/kubectlcommands.h"
#include "kubectl/manifestfile.h"
#include "kubectl/rolloutprinter.h"
#include "kubectl/tableprinter.h"
#include "model/simulation.h"

#include <algorithm>
#include <filesystem>

namespace cnsim {

namespace {

const ResourceType& deployments() {
    return resourceType(KubectlResource::Deployments);
}

std::string deploymentRef(const std::string& name) {
    return deployments().qualifiedSingular() + "/" + name; // "deployment.apps/web"
}

KubectlResult refused(const ActionResult& r) {
    return failure("error: " + (r.message.empty() ? r.code : r.message) + "\n");
}

std::vector<const ReplicaSetObject*> ownedReplicaSets(const Simulation& sim,
                                                      const DeploymentObject& d) {
    std::vector<const ReplicaSetObject*> out;
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        for (const OwnerReference& o : rs.meta.ownerReferences) {
            if (o.kind == "Deployment" && o.uid == d.meta.uid) {
                out.push_back(&rs);
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const ReplicaSetObject* a, const ReplicaSetObject* b) {
        return replicaSetRevision(*a) < replicaSetRevision(*b);
    });
    return out;
}

KubectlResult rolloutStatus(const DeploymentObject& d) {
    // polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status.
    if (d.meta.generation > d.observedGeneration) {
        return {0, "Waiting for deployment spec update to be observed...\n", {}};
    }
    DeploymentStatus status;
    status.replicas = d.statusReplicas;
    status.updatedReplicas = d.updatedReplicas;
    status.readyReplicas = d.readyReplicas;
    status.availableReplicas = d.availableReplicas;
    status.unavailableReplicas = d.unavailableReplicas;
    if (const Condition* p = findCondition(d.conditions, "Progressing")) {
        DeploymentCondition c;
        c.status = p->status;
        c.reason = p->reason == "ProgressDeadlineExceeded"
                       ? DeploymentConditionReason::ProgressDeadlineExceeded
                       : DeploymentConditionReason::ReplicaSetUpdated;
        status.progressing = c;
    }
    const RolloutStatusMessage m = rolloutStatusMessage(DeploymentParams::fromSpec(d.spec), status);
    if (m.isError) {
        return failure(m.text + "\n");
    }
    return {0, m.text + "\n", {}};
}

KubectlResult rolloutHistory(const Simulation& sim, const DeploymentObject& d,
                             std::int64_t revision) {
    const std::vector<const ReplicaSetObject*> sets = ownedReplicaSets(sim, d);
    if (revision > 0) {
        // rollout_history.go with --revision: that revision's pod template.
        for (const ReplicaSetObject* rs : sets) {
            if (replicaSetRevision(*rs) == revision) {
                std::string text = deploymentRef(d.meta.name) + " with revision #" +
                                   std::to_string(revision) + "\nPod Template:\n";
                std::string body = "  Labels:\t";
                bool first = true;
                for (const auto& [k, v] : rs->templateLabels) {
                    body += (first ? "" : "\t") + k + "=" + v + "\n";
                    first = false;
                }
                body += "  Containers:\n";
                for (const ContainerSpec& c : rs->templateSpec.containers) {
                    body += "   " + c.name + ":\n    Image:\t" + c.image + "\n";
                }
                return {0, text + tabwrite(body, 0, 2) + "\n", {}};
            }
        }
        return failure("error: unable to find the specified revision\n");
    }
    // history.go DeploymentHistoryViewer: a tabwriter with padding 2, then a blank line;
    // the NamePrinter's "<type>/<name> " header keeps kubectl's trailing space.
    std::string body = "REVISION\tCHANGE-CAUSE\n";
    for (const ReplicaSetObject* rs : sets) {
        const auto cause = rs->meta.annotations.find("kubernetes.io/change-cause");
        body += std::to_string(replicaSetRevision(*rs)) + "\t" +
                (cause == rs->meta.annotations.end() || cause->second.empty() ? "<none>"
                                                                              : cause->second) +
                "\n";
    }
    return {0, deploymentRef(d.meta.name) + " \n" + tabwrite(body, 0, 2) + "\n", {}};
}

} // namespace

KubectlResult executeScale(Simulation& sim, const ScaleCommand& c) {
    if (sim.api().deployments().find(c.scope.nameSpace, c.deployment) == nullptr) {
        return notFound(deployments(), c.deployment);
    }
    const ActionResult r = sim.apply(ScaleDeploymentAction{c.deployment, c.replicas});
    if (!r.ok) {
        return refused(r);
    }
    return {0, deploymentRef(c.deployment) + " scaled\n", {}};
}

KubectlResult executeCordon(Simulation& sim, const CordonCommand& c) {
    const NodeObject* node = sim.api().nodes().find("", c.node);
    if (node == nullptr) {
        return notFound(resourceType(KubectlResource::Nodes), c.node);
    }
    // cmd/drain/cordon.go: nothing to patch when the node is already as asked.
    if (node->unschedulable == c.cordon) {
        return {
            0, "node/" + c.node + (c.cordon ? " already cordoned\n" : " already uncordoned\n"), {}};
    }
    const ActionResult r = sim.apply(CordonNodeAction{c.node, c.cordon});
    if (!r.ok) {
        return refused(r);
    }
    return {0, "node/" + c.node + (c.cordon ? " cordoned\n" : " uncordoned\n"), {}};
}

KubectlResult executeDrain(Simulation& sim, const DrainCommand& c) {
    const NodeObject* node = sim.api().nodes().find("", c.node);
    if (node == nullptr) {
        return notFound(resourceType(KubectlResource::Nodes), c.node);
    }
    const bool wasCordoned = node->unschedulable;
    std::vector<std::string> pods;
    for (const auto& [key, pod] : sim.api().pods()) {
        if (pod.nodeName == c.node && !isPodTerminating(pod)) {
            pods.push_back(pod.meta.nameSpace + "/" + pod.meta.name);
        }
    }
    const ActionResult r = sim.apply(DrainNodeAction{c.node});
    if (!r.ok) {
        return refused(r);
    }
    // drain.go: cordon, then one "evicting pod" line per pod. The evictions complete (or
    // wait on a PodDisruptionBudget) in simulated time; the events show them, and
    // "node/<name> drained" is recorded when the node is empty.
    std::string out = "node/" + c.node + (wasCordoned ? " already cordoned\n" : " cordoned\n");
    for (const std::string& p : pods) {
        out += "evicting pod " + p + "\n";
    }
    if (pods.empty()) {
        out += "node/" + c.node + " drained\n";
    }
    return {0, out, {}};
}

KubectlResult executeDelete(Simulation& sim, const DeletePodCommand& c) {
    KubectlResult result;
    for (const std::string& name : c.pods) {
        if (sim.api().pods().find(c.scope.nameSpace, name) == nullptr) {
            const KubectlResult nf = notFound(resourceType(KubectlResource::Pods), name);
            result.err += nf.err;
            result.exitCode = 1;
            continue;
        }
        const ActionResult r = sim.apply(DeletePodAction{name});
        if (!r.ok) {
            result.err += refused(r).err;
            result.exitCode = 1;
            continue;
        }
        result.out += "pod \"" + name + "\" deleted\n";
    }
    return result;
}

KubectlResult executeRollout(Simulation& sim, const RolloutCommand& c) {
    const DeploymentObject* d = sim.api().deployments().find(c.scope.nameSpace, c.deployment);
    if (d == nullptr) {
        return notFound(deployments(), c.deployment);
    }
    switch (c.verb) {
    case RolloutCommand::Verb::Status:
        return rolloutStatus(*d);
    case RolloutCommand::Verb::History:
        return rolloutHistory(sim, *d, c.revision);
    case RolloutCommand::Verb::Undo: {
        const ActionResult r = sim.apply(RolloutUndoAction{c.deployment, c.toRevision});
        if (!r.ok) {
            return refused(r);
        }
        return {0, deploymentRef(c.deployment) + " rolled back\n", {}};
    }
    case RolloutCommand::Verb::Restart: {
        const ActionResult r = sim.apply(RolloutRestartAction{c.deployment});
        if (!r.ok) {
            return refused(r);
        }
        return {0, deploymentRef(c.deployment) + " restarted\n", {}};
    }
    }
    return failure("error: unknown rollout command\n");
}

KubectlResult executeArgoRollouts(Simulation& sim, const ArgoRolloutsCommand& c) {
    const RolloutObject* r = sim.api().rollouts().find(c.scope.nameSpace, c.rollout);
    if (r == nullptr) {
        return notFound(resourceType(KubectlResource::Rollouts), c.rollout);
    }
    using Verb = ArgoRolloutsCommand::Verb;
    switch (c.verb) {
    case Verb::Get:
        return {0, argoGetRollout(sim, *r), {}};
    case Verb::SetImage:
        for (const auto& [container, image] : c.images) {
            const ActionResult result =
                sim.apply(SetRolloutImageAction{c.rollout, container, image});
            if (!result.ok) {
                return refused(result);
            }
        }
        return {0, "rollout \"" + c.rollout + "\" image updated\n", {}};
    case Verb::Promote:
    case Verb::Abort:
    case Verb::Retry: {
        const RolloutOperation op = c.verb == Verb::Promote ? RolloutOperation::Promote
                                    : c.verb == Verb::Abort ? RolloutOperation::Abort
                                                            : RolloutOperation::Retry;
        const ActionResult result = sim.apply(RolloutControlAction{c.rollout, op});
        if (!result.ok) {
            return refused(result);
        }
        // The plugin's own confirmations (cmd/promote, abort, retry).
        const char* what = c.verb == Verb::Promote ? "promoted"
                           : c.verb == Verb::Abort ? "aborted"
                                                   : "retried";
        return {0, "rollout '" + c.rollout + "' " + what + "\n", {}};
    }
    }
    return failure("error: unknown argo rollouts command\n");
}

KubectlResult executeSetImage(Simulation& sim, const SetImageCommand& c) {
    if (c.rollout) {
        ArgoRolloutsCommand argo;
        argo.verb = ArgoRolloutsCommand::Verb::SetImage;
        argo.rollout = c.deployment;
        argo.images = c.images;
        argo.scope = c.scope;
        KubectlResult result = executeArgoRollouts(sim, argo);
        if (result.exitCode == 0) {
            result.out = "rollout.argoproj.io/" + c.deployment + " image updated\n";
        }
        return result;
    }
    const DeploymentObject* d = sim.api().deployments().find(c.scope.nameSpace, c.deployment);
    if (d == nullptr) {
        return notFound(deployments(), c.deployment);
    }
    for (const auto& [container, image] : c.images) {
        const auto& containers = d->spec.podSpec.containers;
        const bool known = container == "*" ||
                           std::any_of(containers.begin(), containers.end(),
                                       [&](const ContainerSpec& s) { return s.name == container; });
        if (!known) {
            // cmd/set/set_image.go
            return failure("error: unable to find container named \"" + container + "\"\n");
        }
    }
    for (const auto& [container, image] : c.images) {
        std::vector<std::string> names;
        if (container == "*") {
            for (const ContainerSpec& s : d->spec.podSpec.containers) {
                names.push_back(s.name);
            }
        } else {
            names.push_back(container);
        }
        for (const std::string& name : names) {
            const ActionResult r = sim.apply(SetImageAction{c.deployment, name, image});
            if (!r.ok) {
                return refused(r);
            }
        }
    }
    return {0, deploymentRef(c.deployment) + " image updated\n", {}};
}

KubectlResult executeApply(Simulation& sim, const ApplyCommand& c, const KubectlOptions& options) {
    std::filesystem::path path(c.file);
    if (path.is_relative() && !options.workingDirectory.empty()) {
        path = std::filesystem::path(options.workingDirectory) / path;
    }
    const ManifestLoadResult loaded = readManifestFile(path.string());
    if (!loaded.manifest) {
        std::string err;
        for (const Diagnostic& d : loaded.diagnostics) {
            if (d.severity == Severity::Error) {
                err += d.code == "unreadable-file" ? "error: " + d.message + "\n"
                                                   : "error: " + d.toString() + "\n";
            }
        }
        return failure(err.empty() ? "error: no objects passed to apply\n" : err);
    }
    std::string ref;
    bool exists = false;
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, DeploymentSpec>) {
                ref = deploymentRef(m.name);
                exists = sim.api().deployments().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, ServiceSpec>) {
                ref = "service/" + m.name;
                exists = sim.api().services().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, HorizontalPodAutoscalerSpec>) {
                ref = "horizontalpodautoscaler.autoscaling/" + m.name;
                exists = sim.api().horizontalPodAutoscalers().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, RolloutSpec>) {
                ref = "rollout.argoproj.io/" + m.name;
                exists = sim.api().rollouts().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, AnalysisTemplateSpec>) {
                ref = "analysistemplate.argoproj.io/" + m.name;
                exists = sim.api().analysisTemplates().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, ScaledObjectSpec>) {
                ref = "scaledobject.keda.sh/" + m.name;
                exists = sim.api().scaledObjects().find(m.nameSpace, m.name) != nullptr;
            } else if constexpr (std::is_same_v<T, VerticalPodAutoscalerSpec>) {
                ref = "verticalpodautoscaler.autoscaling.k8s.io/" + m.name;
                exists = sim.api().verticalPodAutoscalers().find(m.nameSpace, m.name) != nullptr;
            } else {
                ref = "poddisruptionbudget.policy/" + m.name;
                exists = sim.api().podDisruptionBudgets().find(m.nameSpace, m.name) != nullptr;
            }
        },
        *loaded.manifest);
    const ActionResult r = sim.apply(ApplyManifestAction{*loaded.manifest});
    if (!r.ok) {
        return refused(r);
    }
    return {0, ref + (exists ? " configured\n" : " created\n"), {}};
}

} // namespace cnsim
