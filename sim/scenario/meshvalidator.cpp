#include "scenario/meshvalidator.h"

#include "scenario/editdistance.h"

#include <algorithm>
#include <map>

namespace cnsim {

void validateMesh(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                  const std::vector<std::string>& serviceNames) {
    const SimulationSpec& simulation = scenario.simulation;
    const bool sidecars = simulation.mesh.mode == MeshMode::Sidecar;
    // Subsets by host, to check destinations.
    std::map<std::string, std::vector<std::string>> subsets;
    for (const DestinationRuleSpec& rule : scenario.destinationRules) {
        auto& names = subsets[rule.host];
        for (const MeshSubsetSpec& subset : rule.subsets) {
            names.push_back(subset.name);
        }
    }
    for (const ReferenceMark& reference : marks.meshReferences) {
        if (reference.kind == "Service") {
            if (!reference.name.empty() && std::find(serviceNames.begin(), serviceNames.end(),
                                                     reference.name) == serviceNames.end()) {
                sink.error(reference.at, "unknown-reference", {"Service", reference.name},
                           "host '" + reference.name +
                               "' names no Service in workloads (cnsim's mesh routes to Services "
                               "by their short name)" +
                               didYouMean(reference.name, serviceNames));
            }
            continue;
        }
        const std::size_t slash = reference.name.find('/');
        const std::string host = reference.name.substr(0, slash);
        const std::string subset = reference.name.substr(slash + 1);
        const auto it = subsets.find(host);
        const std::vector<std::string> known =
            it == subsets.end() ? std::vector<std::string>{} : it->second;
        if (!subset.empty() && std::find(known.begin(), known.end(), subset) == known.end()) {
            sink.error(reference.at, "unknown-reference", {"subset", reference.name},
                       "subset '" + subset + "' of host '" + host +
                           "' is defined by no DestinationRule for that host" +
                           didYouMean(subset, known));
        }
    }
    // Istio merges several objects for one host in ways that depend on their age; cnsim keeps
    // one of each per host.
    std::map<std::string, std::string> vsHosts;
    for (const VirtualServiceSpec& vs : scenario.virtualServices) {
        for (const std::string& host : vs.hosts) {
            if (const auto [it, added] = vsHosts.emplace(host, vs.name); !added) {
                sink.error(marks.mesh, "duplicate-name", {"VirtualService host", host},
                           "VirtualServices '" + it->second + "' and '" + vs.name +
                               "' both route host '" + host +
                               "'; give each host one "
                               "VirtualService");
            }
        }
    }
    std::map<std::string, std::string> drHosts;
    for (const DestinationRuleSpec& rule : scenario.destinationRules) {
        if (const auto [it, added] = drHosts.emplace(rule.host, rule.name); !added) {
            sink.error(marks.mesh, "duplicate-name", {"DestinationRule host", rule.host},
                       "DestinationRules '" + it->second + "' and '" + rule.name +
                           "' both apply to host '" + rule.host +
                           "'; give each host one DestinationRule");
        }
    }
    if (!sidecars) {
        if (!scenario.virtualServices.empty() || !scenario.destinationRules.empty()) {
            sink.warning(marks.mesh, "mesh-off", {},
                         "the scenario has VirtualServices or DestinationRules but no sidecars: "
                         "they do nothing until simulation.mesh.mode is sidecar");
        }
        return;
    }
    if (simulation.trafficMode == TrafficMode::Aggregate) {
        sink.error(marks.trafficMode, "aggregate-mesh", {},
                   "the sidecar mesh (simulation.mesh) routes, retries and ejects individual "
                   "requests: use trafficMode: perRequest, or remove simulation.mesh");
    }
    for (std::size_t i = 0; i < simulation.services.size() && i < marks.behaviours.size(); ++i) {
        const ServiceBehaviourSpec& behaviour = simulation.services[i];
        if (!behaviour.resilience.empty()) {
            sink.error(marks.behaviours[i].name, "mesh-resilience", {behaviour.service},
                       "'" + behaviour.service +
                           "' has in-process resilience settings while sidecars do the "
                           "resilience (simulation.mesh.mode: sidecar): remove one of the two "
                           "(compare them as two scenarios, see docs/traffic.md \"Service "
                           "mesh\")");
        }
    }
}

} // namespace cnsim
