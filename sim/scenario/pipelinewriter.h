#pragma once

// Writes `simulation.pipelines:` in canonical form, the inverse of pipelinereader.h: a
// constant stage duration as a plain duration, a failureProbability of 0 left out.

#include "scenario/pipelinespec.h"
#include "scenario/yamlwriter.h"

#include <vector>

namespace cnsim {

void writePipelines(YamlWriter& w, const std::vector<PipelineSpec>& pipelines);

} // namespace cnsim
