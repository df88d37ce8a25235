#include "model/pipelinerunner.h"

#include "control/workloads/rolloutstatus.h"
#include "model/actionexecutor.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "traffic/distributions.h"

namespace cnsim {

namespace {

std::string targetText(const PipelineSpec& spec) {
    return (spec.targetKind == PipelineTargetKind::Rollout ? "Rollout/" : "Deployment/") +
           spec.target;
}

bool runsImage(const PodSpec& pod, const std::string& container, const std::string& image) {
    for (const ContainerSpec& c : pod.containers) {
        if (c.name == container) {
            return c.image == image;
        }
    }
    return false;
}

// kubectl rollout status's test for a finished Deployment rollout
// (kubectl/pkg/polymorphichelpers/rollout_status.go, DeploymentStatusViewer): the controller
// saw the change, every replica is updated and available, no old replica is left; and its
// failure: the Progressing condition's ProgressDeadlineExceeded.
ReleaseOutcome deploymentState(const DeploymentObject& d) {
    for (const Condition& c : d.conditions) {
        if (c.type == "Progressing" &&
            c.reason == reasonName(DeploymentConditionReason::ProgressDeadlineExceeded)) {
            return ReleaseOutcome::Failed;
        }
    }
    const int replicas = d.spec.replicas;
    const bool done = d.observedGeneration >= d.meta.generation && d.updatedReplicas == replicas &&
                      d.statusReplicas == replicas && d.availableReplicas == replicas;
    return done ? ReleaseOutcome::Completed : ReleaseOutcome::Pending;
}

// An Argo Rollout's update is over when the new ReplicaSet became the stable one
// (RolloutCompleted), and failed when it was aborted (analysis failure or a person).
ReleaseOutcome rolloutState(const RolloutObject& r) {
    if (r.abort) {
        return ReleaseOutcome::Failed;
    }
    const bool done = r.observedGeneration >= r.meta.generation && !r.currentPodHash.empty() &&
                      r.stableRs == r.currentPodHash && r.phase == "Healthy";
    return done ? ReleaseOutcome::Completed : ReleaseOutcome::Pending;
}

} // namespace

PipelineRunner::PipelineRunner(SimulationModel& model) : m_model(model) {
    for (const PipelineSpec& spec : model.scenario().simulation.pipelines) {
        m_pipelines.push_back(Pipeline{&spec, {}, {}, {}});
        m_streams.push_back(model.makeStream("pipeline/" + spec.name));
    }
}

void PipelineRunner::start() {
    if (m_pipelines.empty()) {
        return;
    }
    for (std::size_t p = 0; p < m_pipelines.size(); ++p) {
        const auto& commits = m_pipelines[p].spec->commits;
        for (std::size_t c = 0; c < commits.size(); ++c) {
            if (commits[c].at > m_model.endTime()) {
                continue;
            }
            m_model.engine().scheduleAt(
                commits[c].at, [this, p, c] { commit(p, c); }, priority::kAction);
        }
    }
    const auto watcher = [this](WatchEventType, const ObjectMeta&) { scheduleReleaseCheck(); };
    m_model.api().watch(ResourceKind::Deployment, watcher);
    m_model.api().watch(ResourceKind::Rollout, watcher);
}

void PipelineRunner::record(std::size_t pipeline, const PipelineRun& run, EventReason reason,
                            std::vector<std::pair<std::string, std::string>> args) {
    args.insert(args.begin(), {{"run", std::to_string(run.number)}, {"image", run.image}});
    m_model.record(Component::Pipeline, reason, ObjectKind::Pipeline,
                   m_pipelines[pipeline].spec->name, std::move(args));
}

void PipelineRunner::commit(std::size_t p, std::size_t c) {
    Pipeline& pipeline = m_pipelines[p];
    PipelineRun run;
    run.number = static_cast<int>(pipeline.runs.size()) + 1;
    run.image = pipeline.spec->commits[c].image;
    run.committedAt = m_model.now();
    pipeline.runs.push_back(std::move(run));
    const std::size_t index = pipeline.runs.size() - 1;
    if (!pipeline.running) {
        startRun(p, index);
        return;
    }
    if (pipeline.waiting) {
        PipelineRun& older = pipeline.runs[*pipeline.waiting];
        older.phase = PipelineRunPhase::Superseded;
        older.finishedAt = m_model.now();
        record(p, older, EventReason::PipelineSuperseded, {{"by", pipeline.runs[index].image}});
    }
    pipeline.waiting = index;
    record(p, pipeline.runs[index], EventReason::PipelineQueued);
}

void PipelineRunner::startRun(std::size_t p, std::size_t r) {
    Pipeline& pipeline = m_pipelines[p];
    PipelineRun& run = pipeline.runs[r];
    pipeline.running = r;
    run.phase = PipelineRunPhase::Running;
    run.startedAt = m_model.now();
    record(p, run, EventReason::PipelineStarted);
    startStage(p, r, 0);
}

void PipelineRunner::startStage(std::size_t p, std::size_t r, std::size_t s) {
    const PipelineStageSpec& spec = m_pipelines[p].spec->stages[s];
    RandomStream& stream = m_streams[p];
    const SimTime duration =
        spec.duration.type == DistributionType::Constant
            ? spec.duration.mean
            : SimTime::fromSeconds(DurationSampler(spec.duration).sampleSeconds(stream));
    bool failed = spec.failureProbability >= 1.0;
    if (spec.failureProbability > 0.0 && spec.failureProbability < 1.0) {
        failed = stream.uniform01() < spec.failureProbability;
    }
    PipelineStageRun stage{spec.name, m_model.now(), m_model.now() + duration, failed, false};
    m_pipelines[p].runs[r].stages.push_back(stage);
    m_model.engine().scheduleAt(
        stage.finished, [this, p, r, s] { finishStage(p, r, s); }, priority::kAction);
}

void PipelineRunner::finishStage(std::size_t p, std::size_t r, std::size_t s) {
    Pipeline& pipeline = m_pipelines[p];
    PipelineRun& run = pipeline.runs[r];
    PipelineStageRun& stage = run.stages[s];
    stage.done = true;
    const std::string duration = formatDuration(stage.finished - stage.started);
    if (stage.failed) {
        record(p, run, EventReason::StageFailed, {{"stage", stage.name}, {"duration", duration}});
        run.phase = PipelineRunPhase::Failed;
        run.failedStage = stage.name;
        record(p, run, EventReason::PipelineFailed, {{"stage", stage.name}});
        finishRun(p, r);
        return;
    }
    record(p, run, EventReason::StageSucceeded, {{"stage", stage.name}, {"duration", duration}});
    if (s + 1 < pipeline.spec->stages.size()) {
        startStage(p, r, s + 1);
        return;
    }
    deploy(p, r);
    finishRun(p, r);
}

void PipelineRunner::deploy(std::size_t p, std::size_t r) {
    Pipeline& pipeline = m_pipelines[p];
    PipelineRun& run = pipeline.runs[r];
    const PipelineSpec& spec = *pipeline.spec;
    const Action action =
        spec.targetKind == PipelineTargetKind::Rollout
            ? Action{SetRolloutImageAction{spec.target, spec.container, run.image}}
            : Action{SetImageAction{spec.target, spec.container, run.image}};
    PreparedAction prepared = prepareAction(m_model, action);
    if (!m_model.api().available()) {
        // The deploy job's kubectl cannot reach a kube-apiserver that is down.
        prepared.result =
            ActionResult{false, "api-unavailable", {}, "the API server is unreachable"};
    }
    if (!prepared.result.ok) {
        // The deploy job's kubectl was refused (the target was deleted meanwhile).
        run.phase = PipelineRunPhase::Failed;
        run.failedStage = spec.stages.back().name;
        record(p, run, EventReason::PipelineFailed,
               {{"stage", run.failedStage}, {"message", prepared.result.message}});
        return;
    }
    // A release still in flight is replaced by this one, as a newer set image replaces it.
    for (PipelineRun& older : pipeline.runs) {
        if (older.release == ReleaseOutcome::Pending) {
            older.release = ReleaseOutcome::Superseded;
            older.releaseEndedAt = m_model.now();
        }
    }
    run.phase = PipelineRunPhase::Succeeded;
    run.deployedAt = m_model.now();
    run.release = ReleaseOutcome::Pending;
    record(p, run, EventReason::PipelineSucceeded,
           {{"duration", formatDuration(m_model.now() - *run.startedAt)}});
    record(p, run, EventReason::DeployTriggered,
           {{"target", targetText(spec)}, {"container", spec.container}});
    prepared.effect();
    scheduleReleaseCheck();
}

void PipelineRunner::finishRun(std::size_t p, std::size_t r) {
    Pipeline& pipeline = m_pipelines[p];
    pipeline.runs[r].finishedAt = m_model.now();
    pipeline.running.reset();
    if (pipeline.waiting) {
        const std::size_t next = *pipeline.waiting;
        pipeline.waiting.reset();
        startRun(p, next);
    }
}

void PipelineRunner::scheduleReleaseCheck() {
    if (m_checkScheduled) {
        return;
    }
    bool pending = false;
    for (const Pipeline& pipeline : m_pipelines) {
        for (const PipelineRun& run : pipeline.runs) {
            pending = pending || run.release == ReleaseOutcome::Pending;
        }
    }
    if (!pending) {
        return;
    }
    // After the controllers of this instant wrote their status, before the metrics sample.
    m_checkScheduled = true;
    m_model.engine().schedule(
        SimTime::zero(),
        [this] {
            m_checkScheduled = false;
            checkReleases();
        },
        priority::kMetrics - 1);
}

ReleaseOutcome PipelineRunner::releaseState(const Pipeline& pipeline,
                                            const PipelineRun& run) const {
    const PipelineSpec& spec = *pipeline.spec;
    if (spec.targetKind == PipelineTargetKind::Rollout) {
        for (const auto& [key, r] : m_model.api().rollouts()) {
            if (r.meta.name == spec.target) {
                return runsImage(r.spec.podSpec, spec.container, run.image)
                           ? rolloutState(r)
                           : ReleaseOutcome::Superseded;
            }
        }
    } else {
        for (const auto& [key, d] : m_model.api().deployments()) {
            if (d.meta.name == spec.target) {
                return runsImage(d.spec.podSpec, spec.container, run.image)
                           ? deploymentState(d)
                           : ReleaseOutcome::Superseded;
            }
        }
    }
    return ReleaseOutcome::Superseded; // the target is gone
}

void PipelineRunner::checkReleases() {
    for (Pipeline& pipeline : m_pipelines) {
        for (PipelineRun& run : pipeline.runs) {
            if (run.release != ReleaseOutcome::Pending) {
                continue;
            }
            const ReleaseOutcome state = releaseState(pipeline, run);
            if (state != ReleaseOutcome::Pending) {
                run.release = state;
                run.releaseEndedAt = m_model.now();
            }
        }
    }
}

} // namespace cnsim
