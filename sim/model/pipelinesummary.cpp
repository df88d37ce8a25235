// Simulation: the run summary's CI/CD pipelines, their runs and delivery figures
// (docs/releases.md, "CI/CD pipelines").

#include "model/pipelinerunner.h"
#include "model/simulation.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

constexpr double kSecondsPerDay = 86400.0;

std::optional<double> seconds(const std::optional<SimTime>& t) {
    return t ? std::optional(t->toSeconds()) : std::nullopt;
}

std::string phaseText(PipelineRunPhase phase) {
    switch (phase) {
    case PipelineRunPhase::Queued:
        return "queued";
    case PipelineRunPhase::Running:
        return "running";
    case PipelineRunPhase::Succeeded:
        return "succeeded";
    case PipelineRunPhase::Failed:
        return "failed";
    case PipelineRunPhase::Superseded:
        return "superseded";
    }
    return {};
}

std::string releaseText(ReleaseOutcome outcome) {
    switch (outcome) {
    case ReleaseOutcome::None:
        return {};
    case ReleaseOutcome::Pending:
        return "pending";
    case ReleaseOutcome::Completed:
        return "completed";
    case ReleaseOutcome::Failed:
        return "failed";
    case ReleaseOutcome::Superseded:
        return "superseded";
    }
    return {};
}

std::optional<double> mean(const std::vector<double>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (const double v : values) {
        sum += v;
    }
    return sum / static_cast<double>(values.size());
}

// The middle value, or the mean of the two middle values.
std::optional<double> median(std::vector<double> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

PipelineSummary summarize(const PipelineRunner::Pipeline& pipeline, SimTime now) {
    const PipelineSpec& spec = *pipeline.spec;
    PipelineSummary s;
    s.name = spec.name;
    s.target =
        (spec.targetKind == PipelineTargetKind::Rollout ? "Rollout/" : "Deployment/") + spec.target;
    for (const PipelineStageSpec& stage : spec.stages) {
        s.failuresByStage.push_back(StageFailures{stage.name, 0});
    }
    std::vector<double> toDeploy;
    std::vector<double> toRelease;
    for (const PipelineRun& run : pipeline.runs) {
        s.runs += run.startedAt ? 1 : 0;
        s.succeeded += run.phase == PipelineRunPhase::Succeeded ? 1 : 0;
        s.failed += run.phase == PipelineRunPhase::Failed ? 1 : 0;
        s.superseded += run.phase == PipelineRunPhase::Superseded ? 1 : 0;
        for (StageFailures& f : s.failuresByStage) {
            f.failures += run.failedStage == f.stage ? 1 : 0;
        }
        if (run.deployedAt) {
            toDeploy.push_back((*run.deployedAt - run.committedAt).toSeconds());
        }
        if (run.release == ReleaseOutcome::Completed) {
            ++s.releasesCompleted;
            toRelease.push_back((*run.releaseEndedAt - run.committedAt).toSeconds());
        }
        s.releasesFailed += run.release == ReleaseOutcome::Failed ? 1 : 0;
        s.runList.push_back(PipelineRunSummary{
            run.number, run.image, run.committedAt.toSeconds(), seconds(run.startedAt),
            seconds(run.finishedAt), phaseText(run.phase), run.failedStage, seconds(run.deployedAt),
            releaseText(run.release), seconds(run.releaseEndedAt)});
    }
    s.meanLeadTimeToDeploySeconds = mean(toDeploy);
    s.meanLeadTimeToReleaseSeconds = mean(toRelease);
    s.medianLeadTimeForChangesSeconds = median(toRelease);
    if (now > SimTime::zero()) {
        s.deploymentsPerDay = s.releasesCompleted * kSecondsPerDay / now.toSeconds();
    }
    // Only releases whose fate is known count: a pending or superseded one is neither.
    const int finished = s.releasesCompleted + s.releasesFailed;
    if (finished > 0) {
        s.changeFailureRate = static_cast<double>(s.releasesFailed) / finished;
    }
    return s;
}

} // namespace

void Simulation::summarizePipelines(RunSummary& s) const {
    for (const PipelineRunner::Pipeline& pipeline : m_model->pipelines().pipelines()) {
        s.pipelines.push_back(summarize(pipeline, now()));
    }
}

} // namespace cnsim
