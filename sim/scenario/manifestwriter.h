#pragma once

// Writes one entry of `workloads:` — a Deployment, Service or PodDisruptionBudget — as a
// Kubernetes manifest in canonical order, with the manifest's preserved fields put back
// into the mappings they came from.

#include "scenario/scenario.h"
#include "scenario/yamlwriter.h"

namespace cnsim {

void writeManifest(YamlWriter& writer, const Manifest& manifest);

} // namespace cnsim
