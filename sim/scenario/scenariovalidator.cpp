#include "scenario/scenariovalidator.h"

#include "scenario/editdistance.h"
#include "scenario/pipelinevalidator.h"
#include "scenario/meshvalidator.h"
#include "scenario/kedavalidator.h"
#include "scenario/trafficvalidator.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>

namespace cnsim {

namespace {

struct WorkloadIdentity {
    std::string kind;
    std::string name;
    std::string nameSpace;
};

WorkloadIdentity identify(const Manifest& manifest) {
    return std::visit(
        [](const auto& spec) {
            using Spec = std::decay_t<decltype(spec)>;
            const char* kind =
                std::is_same_v<Spec, DeploymentSpec>                ? "Deployment"
                : std::is_same_v<Spec, ServiceSpec>                 ? "Service"
                : std::is_same_v<Spec, HorizontalPodAutoscalerSpec> ? "HorizontalPodAutoscaler"
                : std::is_same_v<Spec, RolloutSpec>                 ? "Rollout"
                : std::is_same_v<Spec, AnalysisTemplateSpec>        ? "AnalysisTemplate"
                : std::is_same_v<Spec, ScaledObjectSpec>            ? "ScaledObject"
                : std::is_same_v<Spec, VerticalPodAutoscalerSpec>   ? "VerticalPodAutoscaler"
                                                                    : "PodDisruptionBudget";
            return WorkloadIdentity{kind, spec.name, spec.nameSpace};
        },
        manifest);
}

bool matchesRequirement(const SelectorRequirement& requirement, const LabelMap& labels) {
    const auto it = labels.find(requirement.key);
    const bool has = it != labels.end();
    const auto listed = [&] {
        return has && std::find(requirement.values.begin(), requirement.values.end(), it->second) !=
                          requirement.values.end();
    };
    switch (requirement.op) {
    case SelectorOperator::In:
        return listed();
    case SelectorOperator::NotIn:
        return !listed();
    case SelectorOperator::Exists:
        return has;
    case SelectorOperator::DoesNotExist:
        return !has;
    case SelectorOperator::Gt:
    case SelectorOperator::Lt:
        return false; // node selectors only
    }
    return false;
}

// metav1.LabelSelector semantics: every matchLabels entry and every expression must hold.
bool selects(const LabelSelector& selector, const LabelMap& labels) {
    for (const auto& [key, value] : selector.matchLabels) {
        const auto it = labels.find(key);
        if (it == labels.end() || it->second != value) {
            return false;
        }
    }
    return std::all_of(selector.matchExpressions.begin(), selector.matchExpressions.end(),
                       [&](const SelectorRequirement& r) { return matchesRequirement(r, labels); });
}

void checkNodes(DiagnosticSink& sink, const ClusterSpec& cluster, const ScenarioMarks& marks,
                std::vector<std::string>& nodeNames) {
    std::map<std::string, int> firstLine; // name → line where it was first defined
    for (std::size_t i = 0; i < cluster.nodes.size() && i < marks.nodeNames.size(); ++i) {
        const std::string& name = cluster.nodes[i].name;
        if (name.empty()) {
            continue;
        }
        if (const auto it = firstLine.find(name); it != firstLine.end()) {
            sink.error(marks.nodeNames[i], "duplicate-name", {"node", name},
                       "duplicate node name '" + name + "' (first defined on line " +
                           std::to_string(it->second) + ")");
        } else {
            firstLine.emplace(name, marks.nodeNames[i].line + 1);
            nodeNames.push_back(name);
        }
    }
    for (std::size_t i = 0; i < cluster.nodePools.size() && i < marks.poolNames.size(); ++i) {
        const NodePoolSpec& pool = cluster.nodePools[i];
        if (pool.name.empty()) {
            continue;
        }
        for (int k = 1; k <= pool.count; ++k) {
            const std::string name = pool.name + "-" + std::to_string(k);
            if (const auto it = firstLine.find(name); it != firstLine.end()) {
                sink.error(marks.poolNames[i], "duplicate-name", {"node", name},
                           "node pool '" + pool.name + "' creates node '" + name +
                               "', a name already defined on line " + std::to_string(it->second));
                break;
            }
            firstLine.emplace(name, marks.poolNames[i].line + 1);
            nodeNames.push_back(name);
        }
    }
}

// A group's nodes are "<group>-<n>" (n counting up, never reused): no other node may have a
// name of that form, and groups are named apart from each other and from pools.
void checkNodeGroups(DiagnosticSink& sink, const ClusterSpec& cluster, const ScenarioMarks& marks,
                     std::vector<std::string>& nodeNames) {
    std::map<std::string, int> firstLine;
    for (std::size_t i = 0; i < cluster.nodePools.size() && i < marks.poolNames.size(); ++i) {
        firstLine.emplace(cluster.nodePools[i].name, marks.poolNames[i].line + 1);
    }
    const std::vector<std::string> staticNames = nodeNames;
    for (std::size_t i = 0; i < cluster.nodeGroups.size() && i < marks.groupNames.size(); ++i) {
        const NodeGroupSpec& group = cluster.nodeGroups[i];
        if (group.name.empty()) {
            continue;
        }
        if (const auto it = firstLine.find(group.name); it != firstLine.end()) {
            sink.error(marks.groupNames[i], "duplicate-name", {"node group", group.name},
                       "node group '" + group.name + "' has the name of the node pool or group " +
                           "on line " + std::to_string(it->second) + "; rename one of them");
            continue;
        }
        firstLine.emplace(group.name, marks.groupNames[i].line + 1);
        const std::string prefix = group.name + "-";
        for (const std::string& node : staticNames) {
            const std::string rest = node.substr(std::min(node.size(), prefix.size()));
            if (node.rfind(prefix, 0) == 0 && !rest.empty() &&
                rest.find_first_not_of("0123456789") == std::string::npos) {
                sink.error(marks.groupNames[i], "duplicate-name", {"node", node},
                           "node group '" + group.name + "' names its nodes " + prefix + "1, " +
                               prefix + "2, …, which clashes with node '" + node +
                               "'; rename the group");
                break;
            }
        }
        // The initial nodes exist from the start: faults may name them.
        for (int k = 1; k <= group.initial(); ++k) {
            nodeNames.push_back(prefix + std::to_string(k));
        }
    }
}

// A podKill or containerKill names a Deployment that exists and, for containerKill, one of
// its containers. A named pod is only known at run time.
void checkPodFault(DiagnosticSink& sink, const Scenario& scenario, const FaultSpec& fault,
                   const FaultMarks& marks, const std::vector<std::string>& deploymentNames) {
    if (fault.deployment.empty()) {
        return;
    }
    const auto it = std::find_if(scenario.workloads.begin(), scenario.workloads.end(),
                                 [&](const Manifest& manifest) {
                                     const auto* d = std::get_if<DeploymentSpec>(&manifest);
                                     return d != nullptr && d->name == fault.deployment;
                                 });
    if (it == scenario.workloads.end()) {
        sink.error(marks.target, "unknown-reference", {"Deployment", fault.deployment},
                   "no Deployment named '" + fault.deployment + "' in workloads" +
                       didYouMean(fault.deployment, deploymentNames));
        return;
    }
    if (fault.container.empty()) {
        return;
    }
    std::vector<std::string> containers;
    for (const ContainerSpec& container : std::get<DeploymentSpec>(*it).podSpec.containers) {
        containers.push_back(container.name);
    }
    if (std::find(containers.begin(), containers.end(), fault.container) == containers.end()) {
        sink.error(marks.container, "unknown-reference", {"container", fault.container},
                   "Deployment '" + fault.deployment + "' has no container named '" +
                       fault.container + "'" + didYouMean(fault.container, containers));
    }
}

// The pod templates of Deployments and Rollouts: (namespace, labels).
std::vector<std::pair<std::string, const LabelMap*>> podTemplates(const Scenario& scenario) {
    std::vector<std::pair<std::string, const LabelMap*>> templates;
    for (const Manifest& m : scenario.workloads) {
        if (const auto* deployment = std::get_if<DeploymentSpec>(&m)) {
            templates.emplace_back(deployment->nameSpace, &deployment->podLabels);
        } else if (const auto* rollout = std::get_if<RolloutSpec>(&m)) {
            templates.emplace_back(rollout->nameSpace, &rollout->podLabels);
        }
    }
    return templates;
}

// A Rollout's Services and AnalysisTemplates are in its namespace; its route is one of
// simulation.gateway's, with backendRefs to both its stable and canary Services.
void checkRolloutReferences(DiagnosticSink& sink, const Scenario& scenario,
                            const ScenarioMarks& marks) {
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* rollout = std::get_if<RolloutSpec>(&scenario.workloads[i]);
        if (rollout == nullptr) {
            continue;
        }
        for (const ReferenceMark& ref : marks.workloads[i].references) {
            std::vector<std::string> candidates;
            bool found = false;
            if (ref.kind == "HTTPRoute") {
                for (const GatewayRouteSpec& route : scenario.simulation.gateway.routes) {
                    candidates.push_back(route.name);
                    if (route.name != ref.name) {
                        continue;
                    }
                    found = true;
                    const CanaryStrategySpec& canary = *rollout->canary;
                    for (const std::string& service :
                         {canary.stableService, canary.canaryService}) {
                        const bool backs = std::any_of(
                            route.backends.begin(), route.backends.end(),
                            [&](const RouteBackendSpec& b) { return b.service == service; });
                        if (!backs && !service.empty()) {
                            sink.error(ref.at, "bad-reference", {"HTTPRoute", ref.name},
                                       "route '" + ref.name + "' has no backendRef to Service '" +
                                           service +
                                           "': the Rollout weights the route's backendRefs to "
                                           "its stableService and canaryService");
                        }
                    }
                }
                if (!found) {
                    sink.error(ref.at, "unknown-reference", {"HTTPRoute", ref.name},
                               "no route named '" + ref.name + "' in simulation.gateway.routes" +
                                   didYouMean(ref.name, candidates));
                }
                continue;
            }
            for (const Manifest& m : scenario.workloads) {
                const auto [kind, name, nameSpace] = identify(m);
                if (kind == ref.kind && nameSpace == rollout->nameSpace) {
                    candidates.push_back(name);
                    found = found || name == ref.name;
                }
            }
            if (!found) {
                sink.error(ref.at, "unknown-reference", {ref.kind, ref.name},
                           "Rollout '" + rollout->name + "' names " + ref.kind + " '" + ref.name +
                               "', which is not in workloads (namespace " + rollout->nameSpace +
                               ")" + didYouMean(ref.name, candidates));
            }
        }
    }
}

// An HPA scales a Deployment of its namespace; its Object metrics describe Services.
void checkAutoscalers(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                      const std::vector<std::string>& deploymentNames,
                      const std::vector<std::string>& serviceNames) {
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        // A VerticalPodAutoscaler recommends for a Deployment of its namespace.
        if (const auto* vpa = std::get_if<VerticalPodAutoscalerSpec>(&scenario.workloads[i]);
            vpa != nullptr && !vpa->targetName.empty() &&
            std::none_of(scenario.workloads.begin(), scenario.workloads.end(),
                         [&](const Manifest& m) {
                             const auto* d = std::get_if<DeploymentSpec>(&m);
                             return d != nullptr && d->name == vpa->targetName &&
                                    d->nameSpace == vpa->nameSpace;
                         })) {
            sink.error(marks.workloads[i].scaleTarget, "unknown-reference",
                       {"Deployment", vpa->targetName},
                       "VerticalPodAutoscaler '" + vpa->name + "' targets Deployment '" +
                           vpa->targetName + "', which is not in workloads (namespace " +
                           vpa->nameSpace + ")" + didYouMean(vpa->targetName, deploymentNames));
        }
        const auto* hpa = std::get_if<HorizontalPodAutoscalerSpec>(&scenario.workloads[i]);
        if (hpa == nullptr || hpa->scaleTargetRef.name.empty()) {
            continue;
        }
        const auto has = [&](const auto& pick) {
            return std::any_of(scenario.workloads.begin(), scenario.workloads.end(), pick);
        };
        const std::string& target = hpa->scaleTargetRef.name;
        if (!has([&](const Manifest& m) {
                const auto* d = std::get_if<DeploymentSpec>(&m);
                return d != nullptr && d->name == target && d->nameSpace == hpa->nameSpace;
            })) {
            sink.error(marks.workloads[i].scaleTarget, "unknown-reference", {"Deployment", target},
                       "HorizontalPodAutoscaler '" + hpa->name + "' scales Deployment '" + target +
                           "', which is not in workloads (namespace " + hpa->nameSpace + ")" +
                           didYouMean(target, deploymentNames));
        }
        const ManifestMarks& m = marks.workloads[i];
        for (std::size_t k = 0; k < hpa->metrics.size() && k < m.metrics.size(); ++k) {
            const HpaMetricSource& metric = hpa->metrics[k];
            if (metric.metric.type != HpaMetricSourceType::Object ||
                metric.metric.describedObjectKind != "Service" ||
                metric.describedObjectName.empty()) {
                continue;
            }
            if (!has([&](const Manifest& w) {
                    const auto* s = std::get_if<ServiceSpec>(&w);
                    return s != nullptr && s->name == metric.describedObjectName &&
                           s->nameSpace == hpa->nameSpace;
                })) {
                sink.error(m.metrics[k], "unknown-reference",
                           {"Service", metric.describedObjectName},
                           "no Service named '" + metric.describedObjectName + "' in workloads" +
                               didYouMean(metric.describedObjectName, serviceNames));
            }
        }
    }
}

} // namespace

// vmGroups: unique names; each serves a name no Service and no other group has (traffic
// targets it as a Service); per-request traffic only (an instance is a station of the
// per-request model).
void checkVmGroups(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                   std::vector<std::string>& serviceNames) {
    std::vector<std::string> groupNames;
    for (std::size_t i = 0; i < scenario.vmGroups.size() && i < marks.vmGroupNames.size(); ++i) {
        const VmGroupSpec& group = scenario.vmGroups[i];
        if (!group.name.empty() &&
            std::find(groupNames.begin(), groupNames.end(), group.name) != groupNames.end()) {
            sink.error(marks.vmGroupNames[i], "duplicate-name", {"vm group", group.name},
                       "duplicate vm group name '" + group.name + "'");
        }
        groupNames.push_back(group.name);
        if (group.service.empty()) {
            continue;
        }
        if (std::find(serviceNames.begin(), serviceNames.end(), group.service) !=
            serviceNames.end()) {
            sink.error(marks.vmGroupServices[i], "duplicate-name", {"Service", group.service},
                       "vm group '" + group.name + "' serves '" + group.service +
                           "', which a Service in workloads or another vm group already is; "
                           "give the group's service its own name");
            continue;
        }
        if (scenario.simulation.trafficMode == TrafficMode::Aggregate) {
            sink.error(marks.vmGroupNames[i], "not-applicable", {"vmGroups", "aggregate"},
                       "vmGroups need trafficMode: perRequest (each instance is a station of the "
                       "per-request traffic model); remove 'trafficMode: aggregate' or the group");
        }
        serviceNames.push_back(group.service);
    }
}

void validateScenario(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks) {
    std::vector<std::string> nodeNames;
    checkNodes(sink, scenario.cluster, marks, nodeNames);
    checkNodeGroups(sink, scenario.cluster, marks, nodeNames);

    // Workload names are unique per kind and namespace, as in Kubernetes.
    std::set<std::tuple<std::string, std::string, std::string>> workloadKeys;
    std::vector<std::string> deploymentNames;
    std::vector<std::string> serviceNames;
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto [kind, name, nameSpace] = identify(scenario.workloads[i]);
        if (name.empty()) {
            continue;
        }
        if (!workloadKeys.emplace(kind, nameSpace, name).second) {
            sink.error(marks.workloads[i].name, "duplicate-name", {kind, name},
                       "duplicate " + kind + " name '" + name + "' in namespace '" + nameSpace +
                           "'");
        } else if (kind == "Deployment") {
            deploymentNames.push_back(name);
        } else if (kind == "Service") {
            serviceNames.push_back(name);
        }
    }

    checkVmGroups(sink, scenario, marks, serviceNames);

    // A Service that selects no pod is legal Kubernetes but almost always a mistake here.
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* service = std::get_if<ServiceSpec>(&scenario.workloads[i]);
        if (service == nullptr || service->name.empty()) {
            continue;
        }
        bool selectsSomething = false;
        for (const auto& [nameSpace, podLabels] : podTemplates(scenario)) {
            if (nameSpace != service->nameSpace || service->selector.empty()) {
                continue;
            }
            bool matches = true;
            for (const auto& [key, value] : service->selector) {
                const auto it = podLabels->find(key);
                matches = matches && it != podLabels->end() && it->second == value;
            }
            selectsSomething = selectsSomething || matches;
        }
        if (!selectsSomething) {
            sink.warning(marks.workloads[i].selector, "selects-nothing", {service->name},
                         service->selector.empty()
                             ? "Service '" + service->name +
                                   "' has no selector, so it sends traffic to no pods"
                             : "Service '" + service->name +
                                   "' selects no pods: no Deployment's or Rollout's pod "
                                   "template has all "
                                   "of its selector labels");
        }
    }

    // A budget over no pods protects nothing: legal, but surely not what the author meant.
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* budget = std::get_if<PodDisruptionBudgetSpec>(&scenario.workloads[i]);
        if (budget == nullptr || budget->name.empty()) {
            continue;
        }
        const auto templates = podTemplates(scenario);
        const bool selectsSomething =
            std::any_of(templates.begin(), templates.end(), [&](const auto& t) {
                return t.first == budget->nameSpace && selects(budget->selector, *t.second);
            });
        if (!selectsSomething) {
            sink.warning(marks.workloads[i].selector, "selects-nothing", {budget->name},
                         "PodDisruptionBudget '" + budget->name +
                             "' selects no pods: no Deployment's pod template matches its "
                             "selector");
        }
    }

    checkAutoscalers(sink, scenario, marks, deploymentNames, serviceNames);
    validateEventDrivenScaling(sink, scenario, marks, deploymentNames);
    checkRolloutReferences(sink, scenario, marks);
    validateMesh(sink, scenario, marks, serviceNames);

    const SimulationSpec& simulation = scenario.simulation;
    // "default-scheduler" always runs (with upstream's default profile unless a profile of
    // that name changes it); a pod asking for a scheduler that does not run would stay
    // Pending forever.
    std::vector<std::string> schedulerNames{"default-scheduler"};
    for (const SchedulerProfileSpec& profile : simulation.scheduler.profiles) {
        schedulerNames.push_back(profile.schedulerName);
    }
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* deployment = std::get_if<DeploymentSpec>(&scenario.workloads[i]);
        if (deployment == nullptr) {
            continue;
        }
        const std::string& wanted = deployment->podSpec.schedulerName;
        const std::string name = wanted.empty() ? "default-scheduler" : wanted;
        if (std::find(schedulerNames.begin(), schedulerNames.end(), name) == schedulerNames.end()) {
            sink.error(wanted.empty() ? marks.workloads[i].name : marks.workloads[i].schedulerName,
                       "unknown-reference", {"scheduler profile", name},
                       "schedulerName '" + name +
                           "' names no profile in simulation.scheduler.profiles" +
                           didYouMean(name, schedulerNames));
        }
    }
    validateTraffic(sink, scenario, marks, serviceNames);

    std::vector<std::string> zones;
    for (const NodeSpec& node : scenario.cluster.expandedNodes()) {
        if (!node.zone.empty() && std::find(zones.begin(), zones.end(), node.zone) == zones.end()) {
            zones.push_back(node.zone);
        }
    }
    for (const NodeGroupSpec& group : scenario.cluster.nodeGroups) {
        if (!group.zone.empty() &&
            std::find(zones.begin(), zones.end(), group.zone) == zones.end()) {
            zones.push_back(group.zone);
        }
    }
    if (simulation.clusterAutoscaler && scenario.cluster.nodeGroups.empty()) {
        sink.error(marks.clusterAutoscaler, "not-applicable", {"clusterAutoscaler", "nodeGroups"},
                   "simulation.clusterAutoscaler has no node group to scale: add "
                   "cluster.nodeGroups, or remove clusterAutoscaler");
    }
    if (simulation.slo && !simulation.slo->service.empty() &&
        std::find(serviceNames.begin(), serviceNames.end(), simulation.slo->service) ==
            serviceNames.end()) {
        sink.error(marks.sloService, "unknown-reference", {"Service", simulation.slo->service},
                   "slo names Service '" + simulation.slo->service +
                       "', which is not in workloads" +
                       didYouMean(simulation.slo->service, serviceNames));
    }
    for (std::size_t i = 0; i < simulation.commands.size() && i < marks.commands.size(); ++i) {
        const ScheduledCommand& command = simulation.commands[i];
        if (command.at > scenario.duration) {
            sink.error(marks.commands[i], "above-maximum",
                       {"at", formatDuration(command.at), formatDuration(scenario.duration)},
                       "command time " + formatDuration(command.at) +
                           " is after the end of the scenario (duration " +
                           formatDuration(scenario.duration) + ")");
        }
    }
    for (std::size_t i = 0; i < simulation.faults.size() && i < marks.faults.size(); ++i) {
        const FaultSpec& fault = simulation.faults[i];
        if (fault.at > scenario.duration) {
            sink.error(marks.faults[i].at, "above-maximum",
                       {"at", formatDuration(fault.at), formatDuration(scenario.duration)},
                       "fault time " + formatDuration(fault.at) +
                           " is after the end of the scenario (duration " +
                           formatDuration(scenario.duration) + ")");
        }
        switch (fault.type) {
        case FaultType::FailNode:
        case FaultType::RecoverNode:
        case FaultType::StopKubelet:
        case FaultType::StartKubelet:
        case FaultType::PartitionNode:
        case FaultType::HealPartition:
            if (!fault.node.empty() &&
                std::find(nodeNames.begin(), nodeNames.end(), fault.node) == nodeNames.end()) {
                sink.error(marks.faults[i].target, "unknown-reference", {"node", fault.node},
                           "no node named '" + fault.node + "' in the cluster" +
                               didYouMean(fault.node, nodeNames));
            }
            break;
        case FaultType::ZoneOutage:
        case FaultType::ZoneRecover:
            if (!fault.zone.empty() &&
                std::find(zones.begin(), zones.end(), fault.zone) == zones.end()) {
                sink.error(marks.faults[i].target, "unknown-reference", {"zone", fault.zone},
                           "no node is in zone '" + fault.zone + "'" +
                               didYouMean(fault.zone, zones));
            }
            break;
        case FaultType::PodKill:
        case FaultType::ContainerKill:
            checkPodFault(sink, scenario, fault, marks.faults[i], deploymentNames);
            break;
        case FaultType::RegistryOutage:
        case FaultType::RegistryRecover:
        case FaultType::ControlPlaneOutage:
        case FaultType::ControlPlaneRecover:
            break;
        }
    }
    checkPipelines(sink, scenario, marks);
}

} // namespace cnsim
