#include "scenario/scenariovalidator.h"

#include "scenario/editdistance.h"

#include <map>
#include <set>

namespace cnsim {

namespace {

std::string didYouMean(const std::string& name, const std::vector<std::string>& candidates) {
    const std::vector<std::string_view> views(candidates.begin(), candidates.end());
    const std::string suggestion = nearestName(name, views);
    return suggestion.empty() ? std::string() : " — did you mean '" + suggestion + "'?";
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

} // namespace

void validateScenario(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks) {
    std::vector<std::string> nodeNames;
    checkNodes(sink, scenario.cluster, marks, nodeNames);

    // Workload names are unique per kind and namespace, as in Kubernetes.
    std::set<std::pair<std::string, std::string>> deploymentKeys;
    std::set<std::pair<std::string, std::string>> serviceKeys;
    std::vector<std::string> deploymentNames;
    std::vector<std::string> serviceNames;
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const Manifest& manifest = scenario.workloads[i];
        const bool isDeployment = std::holds_alternative<DeploymentSpec>(manifest);
        const std::string& name = isDeployment ? std::get<DeploymentSpec>(manifest).name
                                               : std::get<ServiceSpec>(manifest).name;
        const std::string& nameSpace = isDeployment ? std::get<DeploymentSpec>(manifest).nameSpace
                                                    : std::get<ServiceSpec>(manifest).nameSpace;
        if (name.empty()) {
            continue;
        }
        auto& keys = isDeployment ? deploymentKeys : serviceKeys;
        const std::string kind = isDeployment ? "Deployment" : "Service";
        if (!keys.emplace(nameSpace, name).second) {
            sink.error(marks.workloads[i].name, "duplicate-name", {kind, name},
                       "duplicate " + kind + " name '" + name + "' in namespace '" + nameSpace +
                           "'");
        } else {
            (isDeployment ? deploymentNames : serviceNames).push_back(name);
        }
    }

    // A Service that selects no pod is legal Kubernetes but almost always a mistake here.
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* service = std::get_if<ServiceSpec>(&scenario.workloads[i]);
        if (service == nullptr || service->name.empty()) {
            continue;
        }
        bool selectsSomething = false;
        for (const Manifest& other : scenario.workloads) {
            const auto* deployment = std::get_if<DeploymentSpec>(&other);
            if (deployment == nullptr || deployment->nameSpace != service->nameSpace ||
                service->selector.empty()) {
                continue;
            }
            bool matches = true;
            for (const auto& [key, value] : service->selector) {
                const auto it = deployment->podLabels.find(key);
                matches = matches && it != deployment->podLabels.end() && it->second == value;
            }
            selectsSomething = selectsSomething || matches;
        }
        if (!selectsSomething) {
            sink.warning(marks.workloads[i].selector, "selects-nothing", {service->name},
                         service->selector.empty()
                             ? "Service '" + service->name +
                                   "' has no selector, so it sends traffic to no pods"
                             : "Service '" + service->name +
                                   "' selects no pods: no Deployment's pod template has all "
                                   "of its selector labels");
        }
    }

    const SimulationSpec& simulation = scenario.simulation;
    const auto knownService = [&](const std::string& name) {
        return std::find(serviceNames.begin(), serviceNames.end(), name) != serviceNames.end();
    };
    std::set<std::string> behaviourSeen;
    for (std::size_t i = 0; i < simulation.services.size() && i < marks.behaviourNames.size();
         ++i) {
        const std::string& name = simulation.services[i].service;
        if (name.empty()) {
            continue;
        }
        if (!knownService(name)) {
            sink.error(marks.behaviourNames[i], "unknown-reference", {"Service", name},
                       "simulation.services names '" + name +
                           "', but no Service of that name is in workloads" +
                           didYouMean(name, serviceNames));
        } else if (!behaviourSeen.insert(name).second) {
            sink.error(marks.behaviourNames[i], "duplicate-name", {"simulation service", name},
                       "Service '" + name + "' appears more than once in simulation.services");
        }
    }

    std::set<std::string> trafficSeen;
    for (std::size_t i = 0; i < simulation.traffic.size() && i < marks.traffic.size(); ++i) {
        const TrafficSourceSpec& traffic = simulation.traffic[i];
        if (!traffic.name.empty() && !trafficSeen.insert(traffic.name).second) {
            sink.error(marks.traffic[i].name, "duplicate-name", {"traffic source", traffic.name},
                       "duplicate traffic source name '" + traffic.name + "'");
        }
        if (!traffic.service.empty() && !knownService(traffic.service)) {
            sink.error(marks.traffic[i].service, "unknown-reference", {"Service", traffic.service},
                       "traffic goes to Service '" + traffic.service +
                           "', but no Service of that name is in workloads" +
                           didYouMean(traffic.service, serviceNames));
        }
        if (traffic.stop && *traffic.stop <= traffic.start) {
            sink.error(marks.traffic[i].stop, "stop-before-start",
                       {formatDuration(*traffic.stop), formatDuration(traffic.start)},
                       "traffic stop " + formatDuration(*traffic.stop) +
                           " must be after its start " + formatDuration(traffic.start));
        }
        if (traffic.start >= scenario.duration) {
            sink.warning(marks.traffic[i].start, "never-starts",
                         {formatDuration(traffic.start), formatDuration(scenario.duration)},
                         "traffic starts at " + formatDuration(traffic.start) +
                             ", not before the scenario ends at " +
                             formatDuration(scenario.duration) + ", so it sends nothing");
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
        const bool nodeFault =
            fault.type == FaultType::FailNode || fault.type == FaultType::RecoverNode;
        if (nodeFault && !fault.node.empty() &&
            std::find(nodeNames.begin(), nodeNames.end(), fault.node) == nodeNames.end()) {
            sink.error(marks.faults[i].target, "unknown-reference", {"node", fault.node},
                       "no node named '" + fault.node + "' in the cluster" +
                           didYouMean(fault.node, nodeNames));
        }
        if (fault.type == FaultType::PodKill && !fault.deployment.empty() &&
            std::find(deploymentNames.begin(), deploymentNames.end(), fault.deployment) ==
                deploymentNames.end()) {
            sink.error(marks.faults[i].target, "unknown-reference",
                       {"Deployment", fault.deployment},
                       "no Deployment named '" + fault.deployment + "' in workloads" +
                           didYouMean(fault.deployment, deploymentNames));
        }
    }
}

} // namespace cnsim
