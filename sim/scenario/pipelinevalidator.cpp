#include "scenario/pipelinevalidator.h"

#include "scenario/editdistance.h"

#include <algorithm>

namespace cnsim {

namespace {

// The pod spec of the workload a pipeline targets, or nullptr; `names` gets every workload
// name of that kind, for the suggestion.
const PodSpec* findTarget(const Scenario& scenario, const PipelineSpec& pipeline,
                          std::vector<std::string>& names) {
    const PodSpec* found = nullptr;
    for (const Manifest& manifest : scenario.workloads) {
        const auto visit = [&](const auto& spec) {
            names.push_back(spec.name);
            if (spec.name == pipeline.target) {
                found = &spec.podSpec;
            }
        };
        if (pipeline.targetKind == PipelineTargetKind::Deployment) {
            if (const auto* d = std::get_if<DeploymentSpec>(&manifest)) {
                visit(*d);
            }
        } else if (const auto* r = std::get_if<RolloutSpec>(&manifest)) {
            visit(*r);
        }
    }
    return found;
}

} // namespace

void checkPipelines(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks) {
    const auto& pipelines = scenario.simulation.pipelines;
    for (std::size_t i = 0; i < pipelines.size() && i < marks.pipelines.size(); ++i) {
        const PipelineSpec& pipeline = pipelines[i];
        const PipelineMarks& at = marks.pipelines[i];
        if (pipeline.target.empty()) {
            continue;
        }
        const std::string kind =
            pipeline.targetKind == PipelineTargetKind::Rollout ? "Rollout" : "Deployment";
        std::vector<std::string> names;
        const PodSpec* podSpec = findTarget(scenario, pipeline, names);
        if (podSpec == nullptr) {
            sink.error(at.target, "unknown-reference", {kind, pipeline.target},
                       "pipeline '" + pipeline.name + "' targets no " + kind + " named '" +
                           pipeline.target + "' in workloads" + didYouMean(pipeline.target, names));
            continue;
        }
        std::vector<std::string> containers;
        for (const ContainerSpec& container : podSpec->containers) {
            containers.push_back(container.name);
        }
        if (!pipeline.container.empty() && std::find(containers.begin(), containers.end(),
                                                     pipeline.container) == containers.end()) {
            sink.error(at.container, "unknown-reference", {"container", pipeline.container},
                       kind + " '" + pipeline.target + "' has no container named '" +
                           pipeline.container + "'" + didYouMean(pipeline.container, containers));
        }
        for (std::size_t c = 0; c < pipeline.commits.size() && c < at.commits.size(); ++c) {
            if (pipeline.commits[c].at > scenario.duration) {
                sink.warning(
                    at.commits[c], "after-end",
                    {formatDuration(pipeline.commits[c].at), formatDuration(scenario.duration)},
                    "this commit is pushed at " + formatDuration(pipeline.commits[c].at) +
                        ", after the run ends at " + formatDuration(scenario.duration) +
                        "; it never starts a pipeline run");
            }
        }
    }
}

} // namespace cnsim
