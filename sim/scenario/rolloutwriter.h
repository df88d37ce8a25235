#pragma once

// Writes Argo Rollouts manifests (Rollout, AnalysisTemplate) canonically: fields in a fixed
// order, unset optional fields left out, durations in cnsim's shortest form ("30s"), so
// load → save → load is equal and saving twice gives identical bytes.

#include "scenario/scenario.h"
#include "scenario/yamlwriter.h"

namespace cnsim {

void writeRollout(YamlWriter& w, const RolloutSpec& rollout);
void writeAnalysisTemplate(YamlWriter& w, const AnalysisTemplateSpec& analysis);

} // namespace cnsim
