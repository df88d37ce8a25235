#pragma once

// kubectl for Argo Rollouts' resources (rolloutprinter.cpp): `get rollouts` with the CRD's
// printer columns (manifests/crds/rollout-crd.yaml: DESIRED CURRENT UP-TO-DATE AVAILABLE AGE),
// `get analysisruns` (STATUS AGE) and `get analysistemplates` (AGE), their argoproj.io/v1alpha1
// objects for -o yaml|json, `describe rollout`, and the `kubectl argo rollouts get rollout`
// view (the plugin's pkg/kubectl-argo-rollouts/cmd/get/get_rollout.go, as text without the
// tree's colours).

#include "kubectl/resourcetypes.h"

#include <string>

namespace cnsim {

struct RolloutObject;

Table rolloutTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
std::vector<ObjectValue> rolloutObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> rolloutNames(const Simulation& sim, const std::string& nameSpace);

Table analysisRunTable(const Simulation& sim, const ObjectFilter& filter,
                       const TableOptions& options);
std::vector<ObjectValue> analysisRunObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> analysisRunNames(const Simulation& sim, const std::string& nameSpace);

Table analysisTemplateTable(const Simulation& sim, const ObjectFilter& filter,
                            const TableOptions& options);
std::vector<ObjectValue> analysisTemplateObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> analysisTemplateNames(const Simulation& sim, const std::string& nameSpace);

std::string describeRollout(const Simulation& sim, const RolloutObject& rollout);
// `kubectl argo rollouts get rollout NAME`.
std::string argoGetRollout(const Simulation& sim, const RolloutObject& rollout);

} // namespace cnsim
