#pragma once

// Reads one entry of `workloads:` — an apps/v1 Deployment, a v1 Service or a policy/v1
// PodDisruptionBudget in real Kubernetes syntax — into the model, checking it as the API
// server would (strict field names, DNS names, selector matches template labels, resource
// bounds, rollout strategy and budget rules).
//
// Kubernetes fields cnsim does not simulate are kept in the manifest's `preserved` list,
// sorted by path so the list is the same however the file ordered them.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <optional>

namespace cnsim {

// metadata of a manifest: name (checked with `nameRule`), namespace, labels; the rest kept.
struct ManifestMetadata {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
};
void readManifestMetadata(DiagnosticSink& sink, const YamlEntry& entry, std::string_view context,
                          std::string (*nameRule)(std::string_view),
                          std::vector<PreservedField>& kept, ManifestMetadata& meta,
                          YAML::Mark& nameMark);

// spec.selector (matchLabels only) and spec.template of a Deployment-shaped object (`kind` names
// it in messages), with apps/v1's check that the selector matches the template's labels.
void readSelectorAndTemplate(DiagnosticSink& sink, MapCursor& spec, std::string_view kind,
                             LabelMap& selector, LabelMap& podLabels, PodSpec& podSpec,
                             std::vector<PreservedField>& kept, ManifestMarks& marks);

// A top-level scalar of a manifest (apiVersion, kind) and where its value is, read before the
// strict field check, which depends on the kind; empty when absent or not text.
std::string manifestScalar(const YAML::Node& node, const char* key, YAML::Mark& mark);

// Empty when the entry is not a manifest of a kind cnsim models (already reported). A
// returned manifest may be partial when errors were reported.
std::optional<Manifest> readManifest(DiagnosticSink& sink, const YAML::Node& node,
                                     ManifestMarks& marks);

} // namespace cnsim
