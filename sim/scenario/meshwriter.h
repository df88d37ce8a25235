#pragma once

// Writes the service mesh back: Istio's VirtualServices and DestinationRules as manifests
// (appended to `workloads:`, in file order) and the `simulation.mesh` section, so that
// meshreader.h reads back exactly what was written.

#include "scenario/meshspec.h"
#include "scenario/yamlwriter.h"

namespace cnsim {

void writeVirtualService(YamlWriter& w, const VirtualServiceSpec& vs);
void writeDestinationRule(YamlWriter& w, const DestinationRuleSpec& rule);
void writeMeshSettings(YamlWriter& w, const MeshSettingsSpec& mesh);

} // namespace cnsim
