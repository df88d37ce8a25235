#include "scenario/pipelinewriter.h"

#include "scenario/trafficwriter.h"

namespace cnsim {

void writePipelines(YamlWriter& w, const std::vector<PipelineSpec>& pipelines) {
    w.key("pipelines");
    w.beginSeq();
    for (const PipelineSpec& pipeline : pipelines) {
        w.beginMap();
        w.field("name", pipeline.name);
        w.key("target");
        w.beginMap();
        w.field("kind",
                pipeline.targetKind == PipelineTargetKind::Rollout ? "Rollout" : "Deployment");
        w.field("name", pipeline.target);
        w.field("container", pipeline.container);
        w.endMap();
        w.key("stages");
        w.beginSeq();
        for (const PipelineStageSpec& stage : pipeline.stages) {
            w.beginMap();
            w.field("name", stage.name);
            writeDistribution(w, "duration", stage.duration);
            if (stage.failureProbability > 0.0) {
                w.number("failureProbability", stage.failureProbability);
            }
            w.endMap();
        }
        w.endSeq();
        w.key("commits");
        w.beginSeq();
        for (const PipelineCommitSpec& commit : pipeline.commits) {
            w.beginMap();
            w.field("at", formatDuration(commit.at));
            w.field("image", commit.image);
            w.endMap();
        }
        w.endSeq();
        w.endMap();
    }
    w.endSeq();
}

} // namespace cnsim
