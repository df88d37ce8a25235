#pragma once

// RolloutsController: Argo Rollouts' controller (rollout/controller.go and its canary.go,
// bluegreen.go, analysis.go, service.go), the `rollouts-controller` component. It runs as its
// own Deployment in a real cluster, so a kube-controller-manager outage does not stop it; an
// API server outage does.
//
// For each Rollout it owns one ReplicaSet per pod template, named "<rollout>-<hash>" and
// labelled rollouts-pod-template-hash, and:
// - canary: walks spec.strategy.canary.steps. setWeight moves replicas with upstream's basic
//   canary arithmetic (control/rollouts/canaryreplicas.h) — or, with trafficRouting, sets the
//   gateway route's backendRefs weights and keeps the stable fully scaled; pause waits for
//   its duration or for promote; analysis creates an AnalysisRun and waits for its verdict.
//   Background analysis runs for the whole update. A Failed or Error run aborts: weight 0,
//   the canary scaled away, phase Degraded. An Inconclusive run pauses until promoted.
// - blueGreen: scales the new ReplicaSet to full size behind previewService, runs
//   prePromotionAnalysis, promotes (auto, after autoPromotionSeconds, or on promote) by
//   switching activeService's selector, runs postPromotionAnalysis, and scales the old
//   ReplicaSet down scaleDownDelaySeconds after the switch.
// canaryService / stableService / activeService / previewService get the
// rollouts-pod-template-hash selector of the ReplicaSet they stand for.

#include "cluster/objects.h"
#include "model/reconciletrigger.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
class AnalysisRunner;

class RolloutsController {
public:
    explicit RolloutsController(SimulationModel& model);
    ~RolloutsController();
    void requestReconcile() { m_trigger.request(); }

    // kubectl argo rollouts promote / abort / retry: false when there is no such Rollout.
    bool promote(const std::string& rollout);
    bool abort(const std::string& rollout);
    bool retry(const std::string& rollout);
    // kubectl argo rollouts set image: a new template revision.
    void setImage(const std::string& rollout, const std::string& container,
                  const std::string& image);

    std::vector<ReplicaSetObject*> ownedReplicaSets(const RolloutObject& rollout);

private:
    void reconcile();
    void syncRollout(RolloutObject& rollout);
    void startRevision(RolloutObject& rollout, const std::string& hash);
    ReplicaSetObject& ensureReplicaSet(RolloutObject& rollout, const std::string& hash);
    void scaleReplicaSet(RolloutObject& rollout, ReplicaSetObject& rs, int replicas);
    void syncCanary(RolloutObject& rollout, ReplicaSetObject& newRs);
    void syncBlueGreen(RolloutObject& rollout, ReplicaSetObject& newRs);
    // Walks the canary steps as far as the cluster allows now.
    void advanceSteps(RolloutObject& rollout, bool atDesired);
    void completeStep(RolloutObject& rollout, const std::string& what);
    void pause(RolloutObject& rollout, const std::string& reason, std::optional<SimTime> until);
    void unpause(RolloutObject& rollout);
    void doAbort(RolloutObject& rollout, const std::string& why);
    void completeRollout(RolloutObject& rollout);
    // The AnalysisRun of a step or background / pre / post analysis; creates it if needed.
    AnalysisRunObject* ensureRun(RolloutObject& rollout, std::string& nameField,
                                 const std::string& name, const RolloutAnalysisSpec& analysis);
    // Reports a run's phase change as upstream's AnalysisRun* event on the Rollout.
    void reportRun(RolloutObject& rollout, const AnalysisRunObject& run, const char* kind);
    void terminateRuns(RolloutObject& rollout);
    void setServiceSelector(RolloutObject& rollout, const std::string& service,
                            const std::string& hash);
    void setTrafficWeight(RolloutObject& rollout, int weight);
    void writeStatus(RolloutObject& rollout);
    // Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit.
    void cleanupHistory(RolloutObject& rollout);
    void recheckAt(SimTime at);

    SimulationModel& m_model;
    ReconcileTrigger m_trigger;
    std::unique_ptr<AnalysisRunner> m_analysis;
    std::map<std::string, AnalysisPhase> m_reportedRuns; // run key → last phase reported
};

} // namespace cnsim
