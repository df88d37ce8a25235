#pragma once

// Actions: everything a person can do to a running simulation. The studio, the CLI,
// lessons and tests all go through these, so a lesson can replay what a student did.

#include "scenario/scenario.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cnsim {

struct FailNodeAction {
    std::string node;
};
struct RecoverNodeAction {
    std::string node;
};
struct DeletePodAction {
    std::string pod;
};
struct ScaleDeploymentAction {
    std::string deployment;
    int replicas = 0;
};
// kubectl cordon / uncordon: spec.unschedulable.
struct CordonNodeAction {
    std::string node;
    bool cordon = true; // false: uncordon
};
// kubectl drain: cordon, then evict every pod on the node through the eviction API
// (respecting PodDisruptionBudgets, retrying every 5 s) until none is left.
struct DrainNodeAction {
    std::string node;
};
// kubectl set image deployment/NAME CONTAINER=IMAGE.
struct SetImageAction {
    std::string deployment;
    std::string container;
    std::string image;
};
// kubectl rollout undo [--to-revision=N] (0: the previous revision).
struct RolloutUndoAction {
    std::string deployment;
    std::int64_t toRevision = 0;
};
// kubectl rollout restart: a new template revision with the same containers.
struct RolloutRestartAction {
    std::string deployment;
};
// kubectl apply -f: a Deployment, Service or PodDisruptionBudget, created or updated.
struct ApplyManifestAction {
    Manifest manifest;
};
// A fault from the scenario vocabulary, now (the studio's right-click menu).
struct InjectFaultAction {
    FaultSpec fault;
};

// kubectl argo rollouts set image NAME CONTAINER=IMAGE (or kubectl set image rollout/NAME).
struct SetRolloutImageAction {
    std::string rollout;
    std::string container;
    std::string image;
};

// kubectl argo rollouts promote / abort / retry rollout.
enum class RolloutOperation { Promote, Abort, Retry };
struct RolloutControlAction {
    std::string rollout;
    RolloutOperation operation = RolloutOperation::Promote;
};

using Action =
    std::variant<FailNodeAction, RecoverNodeAction, DeletePodAction, ScaleDeploymentAction,
                 CordonNodeAction, DrainNodeAction, SetImageAction, RolloutUndoAction,
                 RolloutRestartAction, ApplyManifestAction, InjectFaultAction,
                 SetRolloutImageAction, RolloutControlAction>;

struct ActionResult {
    bool ok = true;
    std::string code;              // e.g. "unknown-node"; empty when ok
    std::vector<std::string> args; // the code's parameters
    std::string message;           // English explanation when !ok
};

} // namespace cnsim
