#pragma once

// PipelineSpec: a scenario's `simulation.pipelines[]` entry, a CI/CD pipeline (as a GitLab CI
// or GitHub Actions workflow would be) that turns pushed commits into new images of one
// Deployment or Rollout. Each commit starts a run whose stages execute one after another;
// the run ships when its last stage succeeds: the target's container gets the commit's image
// through the same path as `kubectl set image`, and the release machinery takes over.
// cnsim-only: Kubernetes has no pipeline object (docs/releases.md, "CI/CD pipelines").

#include "engine/simtime.h"
#include "scenario/trafficspec.h"

#include <string>
#include <vector>

namespace cnsim {

enum class PipelineTargetKind { Deployment, Rollout };

// One stage: how long it takes and how likely it fails (a red build, a flaky test).
struct PipelineStageSpec {
    std::string name;
    DurationDistributionSpec duration;
    double failureProbability = 0.0; // 0 … 1, decided once per run
    bool operator==(const PipelineStageSpec&) const = default;
};

// A commit pushed at `at` whose run builds `image`.
struct PipelineCommitSpec {
    SimTime at;
    std::string image;
    bool operator==(const PipelineCommitSpec&) const = default;
};

struct PipelineSpec {
    std::string name;
    PipelineTargetKind targetKind = PipelineTargetKind::Deployment;
    std::string target;                    // the Deployment's or Rollout's name (namespace default)
    std::string container;                 // the container whose image a run sets
    std::vector<PipelineStageSpec> stages; // in order; the last one deploys
    std::vector<PipelineCommitSpec> commits; // in time order
    bool operator==(const PipelineSpec&) const = default;
};

} // namespace cnsim
