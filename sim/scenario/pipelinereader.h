#pragma once

// Reads `simulation.pipelines:` (scenario/pipelinespec.h). Whether the target exists and has
// the container is checked later by pipelinevalidator.h, which needs the workloads.

#include "scenario/pipelinespec.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <vector>

namespace cnsim {

// Bounds on what one pipeline may hold; beyond them a file is a mistake, not a lesson.
constexpr int kMaxPipelineStages = 20;
constexpr int kMaxPipelineCommits = 1000;
constexpr SimTime kLongestPipelineStage = SimTime::hours(6);

std::vector<PipelineSpec> readPipelines(DiagnosticSink& sink, const YamlEntry& entry,
                                        std::vector<PipelineMarks>& marks);

} // namespace cnsim
