#pragma once

// Reads Argo Rollouts manifests (argoproj.io/v1alpha1 Rollout and AnalysisTemplate, one entry
// of `workloads:`) in their real syntax, strictly: every field cnsim does not simulate is an
// error naming the ones it does, and the checks of Argo Rollouts' validation
// (pkg/apis/rollouts/validation/validation.go, analysis validation in
// utils/analysis/helpers.go ValidateMetric) apply. Names of other objects (Services,
// AnalysisTemplates, the gateway route) are recorded in marks.references for the validator.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

// `node` is the manifest's mapping; apiVersion and kind were checked by the caller.
RolloutSpec readRollout(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks);
AnalysisTemplateSpec readAnalysisTemplate(DiagnosticSink& sink, const YAML::Node& node,
                                          ManifestMarks& marks);

} // namespace cnsim
