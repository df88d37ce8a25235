#pragma once

// Internal: one executor per family of commands, called by runKubectl (kubectl.cpp).
// getcommand.cpp: get, describe, api-resources; mutatecommands.cpp: scale, cordon,
// uncordon, drain, delete, rollout, set image, apply; topcommand.cpp: top.

#include "kubectl/commandparser.h"
#include "kubectl/kubectl.h"

namespace cnsim {

KubectlResult executeGet(const Simulation& sim, const GetCommand& command);
KubectlResult executeDescribe(const Simulation& sim, const DescribeCommand& command);
KubectlResult executeApiResources();
KubectlResult executeScale(Simulation& sim, const ScaleCommand& command);
KubectlResult executeCordon(Simulation& sim, const CordonCommand& command);
KubectlResult executeDrain(Simulation& sim, const DrainCommand& command);
KubectlResult executeDelete(Simulation& sim, const DeletePodCommand& command);
KubectlResult executeRollout(Simulation& sim, const RolloutCommand& command);
KubectlResult executeSetImage(Simulation& sim, const SetImageCommand& command);
KubectlResult executeApply(Simulation& sim, const ApplyCommand& command,
                           const KubectlOptions& options);
KubectlResult executeArgoRollouts(Simulation& sim, const ArgoRolloutsCommand& command);
KubectlResult executeTop(const Simulation& sim, const TopCommand& command);

// `Error from server (NotFound): deployments.apps "web" not found`
KubectlResult notFound(const ResourceType& type, const std::string& name);
KubectlResult failure(std::string message); // exit 1 with the message on stderr

} // namespace cnsim
