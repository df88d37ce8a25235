#pragma once

// PipelineRunner: the scenario's CI/CD pipelines (simulation.pipelines, scenario/
// pipelinespec.h) in one run. A commit starts a run; its stages execute one after another,
// each taking a duration drawn from its distribution and failing with its probability; a
// failed stage fails the run and nothing is deployed. When the last stage succeeds the run
// sets the target's image through the user-action path (model/actionexecutor.h, the same as
// `kubectl set image`), so the Deployment controller or the Rollouts controller takes over.
// The runner then watches the target until that release completes, is aborted or is
// superseded, which gives the lead times of the run summary.
//
// Concurrency is GitHub Actions' `concurrency:` group without cancel-in-progress: one run
// at a time per pipeline; a commit pushed meanwhile waits, and a newer commit replaces a
// waiting one (the older is canceled, "superseded"), so a deploy never goes backwards.
//
// Randomness: each pipeline draws from its own stream "pipeline/<name>", durations first,
// then whether the stage fails (only for probabilities strictly between 0 and 1). Pipeline
// events run at priority::kAction, like a person's command.

#include "engine/random.h"
#include "engine/simtime.h"
#include "model/clusterevent.h"
#include "scenario/pipelinespec.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;

enum class PipelineRunPhase { Queued, Running, Succeeded, Failed, Superseded };
// What became of a run's deploy: the release is Pending until the target has every pod on the
// new version (Completed), or was aborted / rolled back / stopped by its progress deadline
// (Failed), or another image was set before it finished (Superseded).
enum class ReleaseOutcome { None, Pending, Completed, Failed, Superseded };

struct PipelineStageRun {
    std::string name;
    SimTime started;
    SimTime finished; // planned end while running
    bool failed = false;
    bool done = false;
    bool operator==(const PipelineStageRun&) const = default;
};

struct PipelineRun {
    int number = 0; // 1, 2, … per pipeline, in commit order
    std::string image;
    SimTime committedAt;
    std::optional<SimTime> startedAt;
    std::optional<SimTime> finishedAt;
    PipelineRunPhase phase = PipelineRunPhase::Queued;
    std::vector<PipelineStageRun> stages; // those started so far
    std::string failedStage;
    std::optional<SimTime> deployedAt; // the image was set
    ReleaseOutcome release = ReleaseOutcome::None;
    std::optional<SimTime> releaseEndedAt; // Completed, Failed or Superseded
    bool operator==(const PipelineRun&) const = default;
};

class PipelineRunner {
public:
    struct Pipeline {
        const PipelineSpec* spec = nullptr;
        std::vector<PipelineRun> runs; // in commit order
        std::optional<std::size_t> running;
        std::optional<std::size_t> waiting;
    };

    explicit PipelineRunner(SimulationModel& model);

    // Schedules every commit pushed before the run ends and starts watching the targets.
    void start();

    const std::vector<Pipeline>& pipelines() const { return m_pipelines; }

private:
    void commit(std::size_t pipeline, std::size_t commitIndex);
    void startRun(std::size_t pipeline, std::size_t run);
    void startStage(std::size_t pipeline, std::size_t run, std::size_t stage);
    void finishStage(std::size_t pipeline, std::size_t run, std::size_t stage);
    void finishRun(std::size_t pipeline, std::size_t run);
    void deploy(std::size_t pipeline, std::size_t run);
    void scheduleReleaseCheck();
    void checkReleases();
    // Completed / Failed / Superseded / Pending for a run's release, from the target now.
    ReleaseOutcome releaseState(const Pipeline& pipeline, const PipelineRun& run) const;
    void record(std::size_t pipeline, const PipelineRun& run, EventReason reason,
                std::vector<std::pair<std::string, std::string>> args = {});

    SimulationModel& m_model;
    std::vector<Pipeline> m_pipelines;
    std::vector<RandomStream> m_streams; // parallel to m_pipelines
    bool m_checkScheduled = false;
};

} // namespace cnsim
