#pragma once

// Reads the service mesh of a scenario: Istio's VirtualService and DestinationRule
// (networking.istio.io v1, v1beta1 or v1alpha3) among the manifests, and the cnsim-only
// `simulation.mesh` section. Istio fields cnsim does not model are refused with an error
// naming the field (a mesh setting silently ignored would teach the wrong lesson).

#include "scenario/meshspec.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

// The manifest is one of Istio's networking kinds (its apiVersion is networking.istio.io/…,
// or its kind is VirtualService or DestinationRule).
bool isMeshManifest(const YAML::Node& node);

// Reads one Istio manifest into `virtualServices` or `destinationRules`; the Services it
// names go to `references` (kind "Service", or "subset" with name "host/subset").
void readMeshManifest(DiagnosticSink& sink, const YAML::Node& node,
                      std::vector<VirtualServiceSpec>& virtualServices,
                      std::vector<DestinationRuleSpec>& destinationRules,
                      std::vector<ReferenceMark>& references);

// simulation.mesh.
MeshSettingsSpec readMeshSettings(DiagnosticSink& sink, const YamlEntry& entry);

} // namespace cnsim
