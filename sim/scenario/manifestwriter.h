#pragma once

// Writes one entry of `workloads:` — a Deployment, Service or PodDisruptionBudget — as a
// Kubernetes manifest in canonical order, with the manifest's preserved fields put back
// into the mappings they came from.

#include "scenario/scenario.h"
#include "scenario/yamlwriter.h"

namespace cnsim {

void writeManifest(YamlWriter& writer, const Manifest& manifest);

// Pieces every workload writer shares (Deployments here, Rollouts in rolloutwriter):
// `metadata:` (name, a namespace other than default, labels, preserved fields) and
// `selector: {matchLabels}` with its preserved fields.
void writeMetadata(YamlWriter& w, const std::string& name, const std::string& nameSpace,
                   const LabelMap& labels);
void writeMatchLabelsSelector(YamlWriter& w, const LabelMap& selector);
// The frame of a manifest: `apiVersion`, `kind`, `metadata:` and an open `spec:` mapping, with
// `preserved` the writer's kept fields until endManifest closes both mappings (their kept
// fields written).
void beginManifest(YamlWriter& w, const std::vector<PreservedField>& preserved,
                   std::string_view apiVersion, std::string_view kind, const std::string& name,
                   const std::string& nameSpace, const LabelMap& labels);
void endManifest(YamlWriter& w);

} // namespace cnsim
