#include "model/rolloutscontroller.h"

#include "control/rollouts/canaryreplicas.h"
#include "model/analysisrunner.h"
#include "model/eventpriority.h"
#include "model/ownership.h"
#include "model/podfactory.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

constexpr const char* kHashLabel = "rollouts-pod-template-hash";
constexpr const char* kRevisionAnnotation = "rollout.argoproj.io/revision";
constexpr const char* kScaleDownDeadline = "argo-rollouts.argoproj.io/scale-down-deadline";
// utils/defaults/defaults.go: DefaultScaleDownDelaySeconds, DefaultRevisionHistoryLimit.
constexpr int kDefaultScaleDownDelaySeconds = 30;
constexpr int kDefaultRevisionHistoryLimit = 10;

int revisionOf(const ReplicaSetObject& rs) {
    const auto it = rs.meta.annotations.find(kRevisionAnnotation);
    return it == rs.meta.annotations.end() ? 0 : std::atoi(it->second.c_str());
}

std::string hashOf(const ReplicaSetObject& rs) {
    const auto it = rs.meta.labels.find(kHashLabel);
    return it == rs.meta.labels.end() ? std::string() : it->second;
}

RolloutRsCounts countsOf(const ReplicaSetObject& rs) {
    return RolloutRsCounts{rs.replicas, rs.availableReplicas, rs.statusReplicas};
}

// GetCurrentSetWeight: the last setWeight at or before the current step; 100 past the end.
int currentSetWeight(const RolloutObject& r) {
    if (r.abort) {
        return 0;
    }
    const std::vector<CanaryStepSpec>& steps = r.spec.canary->steps;
    if (r.currentStepIndex >= static_cast<int>(steps.size())) {
        return 100;
    }
    for (int i = r.currentStepIndex; i >= 0; --i) {
        if (steps[static_cast<std::size_t>(i)].type == CanaryStepType::SetWeight) {
            return steps[static_cast<std::size_t>(i)].setWeight;
        }
    }
    return 0;
}

std::string stepText(const CanaryStepSpec& step) {
    switch (step.type) {
    case CanaryStepType::SetWeight:
        return "setWeight: " + std::to_string(step.setWeight);
    case CanaryStepType::Pause:
        return step.pauseDuration ? "pause: " + formatDuration(*step.pauseDuration) : "pause";
    case CanaryStepType::Analysis:
        return "analysis";
    }
    return {};
}

std::string statusKey(const RolloutObject& r) {
    return r.currentPodHash + "|" + r.stableRs + "|" + std::to_string(r.currentStepIndex) + "|" +
           std::to_string(r.stepsCompleted) + "|" + (r.abort ? "a" : "") + (r.paused ? "p" : "") +
           (r.promoteRequested ? "P" : "") + "|" + r.pauseReason + "|" +
           std::to_string(r.currentWeight) + "|" + r.activeSelector + "|" + r.previewSelector +
           "|" + r.phase + "|" + r.message + "|" + r.currentStepAnalysisRun + "|" +
           r.backgroundAnalysisRun + "|" + std::to_string(r.statusReplicas) + "|" +
           std::to_string(r.updatedReplicas) + "|" + std::to_string(r.readyReplicas) + "|" +
           std::to_string(r.availableReplicas) + "|" + std::to_string(r.revision) + "|" +
           std::to_string(r.observedGeneration);
}

} // namespace

RolloutsController::RolloutsController(SimulationModel& model)
    : m_model(model), m_trigger(model.engine(), priority::kController, [this] { reconcile(); }),
      m_analysis(std::make_unique<AnalysisRunner>(model)) {
    ApiServer& api = model.api();
    const auto request = [this](WatchEventType, const ObjectMeta&) {
        if (m_model.api().rollouts().size() > 0) {
            requestReconcile();
        }
    };
    api.watch(ResourceKind::Rollout, request);
    api.watch(ResourceKind::ReplicaSet, request);
    api.watch(ResourceKind::AnalysisRun, request);
}

RolloutsController::~RolloutsController() = default;

std::vector<ReplicaSetObject*> RolloutsController::ownedReplicaSets(const RolloutObject& r) {
    std::vector<ReplicaSetObject*> owned;
    for (auto& [key, rs] : m_model.api().replicaSets()) {
        if (isOwnedBy(rs.meta, r.meta)) {
            owned.push_back(&rs);
        }
    }
    return owned;
}

void RolloutsController::recheckAt(SimTime at) {
    m_model.engine().scheduleAt(
        std::max(at, m_model.now()), [this] { requestReconcile(); }, priority::kController);
}

void RolloutsController::reconcile() {
    if (!m_model.api().available()) {
        return; // resynced when the API server is back (simulationmodel requests it)
    }
    std::vector<RolloutObject*> rollouts;
    for (auto& [key, r] : m_model.api().rollouts()) {
        rollouts.push_back(&r);
    }
    for (RolloutObject* r : rollouts) {
        syncRollout(*r);
    }
}

void RolloutsController::syncRollout(RolloutObject& r) {
    const std::string before = statusKey(r);
    const std::string hash = podTemplateHash(r.spec.podLabels, r.spec.podSpec);
    if (r.currentPodHash != hash) {
        startRevision(r, hash);
    }
    ReplicaSetObject& newRs = ensureReplicaSet(r, hash);
    if (r.spec.canary) {
        syncCanary(r, newRs);
    } else if (r.spec.blueGreen) {
        syncBlueGreen(r, newRs);
    }
    cleanupHistory(r);
    writeStatus(r);
    if (statusKey(r) != before) {
        m_model.api().updated(ResourceKind::Rollout, r.meta);
    }
}

void RolloutsController::startRevision(RolloutObject& r, const std::string& hash) {
    terminateRuns(r);
    int revision = 0;
    for (const ReplicaSetObject* rs : ownedReplicaSets(r)) {
        if (const auto it = rs->meta.annotations.find(kRevisionAnnotation);
            it != rs->meta.annotations.end()) {
            revision = std::max(revision, std::atoi(it->second.c_str()));
        }
    }
    r.currentPodHash = hash;
    r.revision = revision + 1;
    r.currentStepIndex = 0;
    r.stepsCompleted = 0;
    r.abort = false;
    r.paused = false;
    r.pauseReason.clear();
    r.pauseStartTime.reset();
    r.promoteRequested = false;
    r.message.clear();
    if (r.stableRs.empty()) {
        // The first revision is stable at once: there is nothing to compare it with, so no
        // steps run (rollout/canary.go, bluegreen.go: "no stable ReplicaSet").
        r.stableRs = hash;
        r.activeSelector = hash;
        return;
    }
    m_model.record(Component::RolloutsController, EventReason::RolloutUpdated, ObjectKind::Rollout,
                   r.meta.name,
                   {{"message", "Rollout updated to revision " + std::to_string(r.revision)}});
}

ReplicaSetObject& RolloutsController::ensureReplicaSet(RolloutObject& r, const std::string& hash) {
    for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
        if (hashOf(*rs) == hash) {
            const std::string revision = std::to_string(r.revision);
            if (rs->meta.annotations[kRevisionAnnotation] != revision) {
                rs->meta.annotations[kRevisionAnnotation] = revision;
                m_model.api().updated(ResourceKind::ReplicaSet, rs->meta);
            }
            return *rs;
        }
    }
    ReplicaSetObject rs;
    rs.meta.name = r.meta.name + "-" + hash;
    rs.meta.nameSpace = r.meta.nameSpace;
    rs.meta.labels = r.spec.podLabels;
    rs.meta.labels[kHashLabel] = hash;
    rs.meta.ownerReferences.push_back(OwnerReference{"Rollout", r.meta.name, r.meta.uid});
    rs.meta.annotations[kRevisionAnnotation] = std::to_string(r.revision);
    rs.selector.matchLabels = r.spec.selector;
    rs.selector.matchLabels[kHashLabel] = hash;
    rs.templateLabels = r.spec.podLabels;
    rs.templateLabels[kHashLabel] = hash;
    rs.templateSpec = r.spec.podSpec;
    rs.minReadySeconds = r.spec.minReadySeconds.value_or(0);
    rs.replicas = 0; // the strategy scales it in the same sync
    return m_model.api().create(std::move(rs), m_model.now());
}

void RolloutsController::scaleReplicaSet(RolloutObject& r, ReplicaSetObject& rs, int replicas) {
    if (rs.replicas == replicas) {
        return;
    }
    m_model.record(Component::RolloutsController, EventReason::ScalingReplicaSet,
                   ObjectKind::Rollout, r.meta.name,
                   {{"replicaset", rs.meta.name},
                    {"direction", replicas > rs.replicas ? "up" : "down"},
                    {"from", std::to_string(rs.replicas)},
                    {"to", std::to_string(replicas)}});
    rs.replicas = replicas;
    ++rs.meta.generation;
    m_model.api().updated(ResourceKind::ReplicaSet, rs.meta);
}

// ---- canary ----

void RolloutsController::syncCanary(RolloutObject& r, ReplicaSetObject& newRs) {
    const CanaryStrategySpec& canary = *r.spec.canary;
    const bool updating = r.currentPodHash != r.stableRs;
    const bool routed = canary.trafficRouting.has_value();
    ReplicaSetObject* stable = nullptr;
    std::vector<ReplicaSetObject*> older;
    for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
        if (rs == &newRs) {
            continue;
        }
        if (hashOf(*rs) == r.stableRs) {
            stable = rs;
        } else {
            older.push_back(rs);
        }
    }
    if (updating && !r.abort && canary.analysis) {
        const std::string name =
            r.meta.name + "-" + r.currentPodHash + "-" + std::to_string(r.revision);
        if (AnalysisRunObject* run =
                ensureRun(r, r.backgroundAnalysisRun, name, *canary.analysis)) {
            reportRun(r, *run, "Background");
            if (run->phase == AnalysisPhase::Failed || run->phase == AnalysisPhase::Error) {
                doAbort(r, run->message);
            } else if (run->phase == AnalysisPhase::Inconclusive && !r.paused &&
                       !r.promoteRequested) {
                pause(r, "InconclusiveAnalysisRun", std::nullopt);
            }
        }
    }
    const auto input = [&] {
        CanaryReplicaInput in;
        in.replicas = r.spec.replicas;
        in.weight = updating ? currentSetWeight(r) : 100;
        in.maxSurge = canary.maxSurge;
        in.maxUnavailable = canary.maxUnavailable;
        in.trafficRouting = routed;
        in.newRs = countsOf(newRs);
        if (stable != nullptr) {
            in.stableRs = countsOf(*stable);
        }
        for (const ReplicaSetObject* rs : older) {
            in.olderRss.push_back(countsOf(*rs));
        }
        return in;
    };
    const bool allStepsDone = r.currentStepIndex >= static_cast<int>(canary.steps.size());
    const bool atDesired = atDesiredCanaryCounts(input());
    if (updating && !r.abort) {
        advanceSteps(r, atDesired);
        if (allStepsDone && atDesired) {
            completeRollout(r);
        }
    }
    const CanaryReplicaCounts counts = calculateCanaryCounts(input());
    for (ReplicaSetObject* rs : older) {
        scaleReplicaSet(r, *rs, 0);
    }
    scaleReplicaSet(r, newRs, counts.newRs);
    if (stable != nullptr && r.currentPodHash != r.stableRs) {
        scaleReplicaSet(r, *stable, counts.stableRs);
    }
    const int weight = r.currentPodHash != r.stableRs ? currentSetWeight(r) : 100;
    if (routed) {
        setTrafficWeight(r, r.currentPodHash != r.stableRs ? weight : 0);
    }
    r.currentWeight = r.currentPodHash != r.stableRs ? weight : 0;
    if (!canary.canaryService.empty()) {
        setServiceSelector(r, canary.canaryService, r.currentPodHash);
    }
    if (!canary.stableService.empty()) {
        setServiceSelector(r, canary.stableService, r.stableRs);
    }
}

void RolloutsController::advanceSteps(RolloutObject& r, bool atDesired) {
    const std::vector<CanaryStepSpec>& steps = r.spec.canary->steps;
    while (r.currentStepIndex < static_cast<int>(steps.size()) && !r.abort) {
        const CanaryStepSpec& step = steps[static_cast<std::size_t>(r.currentStepIndex)];
        switch (step.type) {
        case CanaryStepType::SetWeight:
            if (!atDesired) {
                return;
            }
            completeStep(r, stepText(step));
            atDesired = false; // the next weight needs new counts: next sync
            continue;
        case CanaryStepType::Pause: {
            if (r.promoteRequested) {
                r.promoteRequested = false;
                unpause(r);
                completeStep(r, stepText(step));
                continue;
            }
            if (!r.paused) {
                pause(r, "CanaryPauseStep",
                      step.pauseDuration
                          ? std::optional<SimTime>(m_model.now() + *step.pauseDuration)
                          : std::nullopt);
            }
            if (step.pauseDuration && r.pauseStartTime &&
                m_model.now() >= *r.pauseStartTime + *step.pauseDuration) {
                unpause(r);
                completeStep(r, stepText(step));
                continue;
            }
            return;
        }
        case CanaryStepType::Analysis: {
            const std::string name = r.meta.name + "-" + r.currentPodHash + "-" +
                                     std::to_string(r.revision) + "-" +
                                     std::to_string(r.currentStepIndex);
            AnalysisRunObject* run = ensureRun(r, r.currentStepAnalysisRun, name, step.analysis);
            if (run == nullptr) {
                return;
            }
            reportRun(r, *run, "Step");
            if (run->phase == AnalysisPhase::Successful ||
                (run->phase == AnalysisPhase::Inconclusive && r.promoteRequested)) {
                r.promoteRequested = false;
                unpause(r);
                r.currentStepAnalysisRun.clear();
                completeStep(r, stepText(step));
                continue;
            }
            if (run->phase == AnalysisPhase::Failed || run->phase == AnalysisPhase::Error) {
                doAbort(r, run->message);
                return;
            }
            if (run->phase == AnalysisPhase::Inconclusive && !r.paused) {
                pause(r, "InconclusiveAnalysisRun", std::nullopt);
            }
            return;
        }
        }
    }
}

void RolloutsController::completeStep(RolloutObject& r, const std::string& what) {
    const std::size_t total = r.spec.canary ? r.spec.canary->steps.size() : 0;
    m_model.record(Component::RolloutsController, EventReason::RolloutStepCompleted,
                   ObjectKind::Rollout, r.meta.name,
                   {{"message", "Rollout step " + std::to_string(r.currentStepIndex + 1) + "/" +
                                    std::to_string(total) + " completed (" + what + ")"}});
    ++r.currentStepIndex;
    ++r.stepsCompleted;
    m_trigger.request();
}

void RolloutsController::pause(RolloutObject& r, const std::string& reason,
                               std::optional<SimTime> until) {
    r.paused = true;
    r.pauseReason = reason;
    r.pauseStartTime = m_model.now();
    m_model.record(Component::RolloutsController, EventReason::RolloutPaused, ObjectKind::Rollout,
                   r.meta.name, {{"message", "Rollout is paused (" + reason + ")"}});
    if (until) {
        recheckAt(*until);
    }
}

void RolloutsController::unpause(RolloutObject& r) {
    if (!r.paused) {
        return;
    }
    r.paused = false;
    r.pauseReason.clear();
    r.pauseStartTime.reset();
    m_model.record(Component::RolloutsController, EventReason::RolloutResumed, ObjectKind::Rollout,
                   r.meta.name, {{"message", "Rollout is resumed"}});
}

void RolloutsController::doAbort(RolloutObject& r, const std::string& why) {
    if (r.abort) {
        return;
    }
    r.abort = true;
    unpause(r);
    r.promoteRequested = false;
    r.message = "RolloutAborted: Rollout aborted update to revision " + std::to_string(r.revision) +
                (why.empty() ? "" : ": " + why);
    m_model.record(Component::RolloutsController, EventReason::RolloutAborted, ObjectKind::Rollout,
                   r.meta.name, {{"message", r.message}});
    terminateRuns(r);
    if (r.spec.blueGreen && r.activeSelector != r.stableRs) {
        // A failed post-promotion analysis: the active Service goes back to the old version,
        // which the scale-down delay kept running.
        for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
            if (hashOf(*rs) == r.stableRs && rs->meta.annotations.erase(kScaleDownDeadline) > 0) {
                m_model.api().updated(ResourceKind::ReplicaSet, rs->meta);
            }
        }
        const std::string from = r.activeSelector;
        r.activeSelector = r.stableRs;
        m_model.record(
            Component::RolloutsController, EventReason::SwitchService, ObjectKind::Rollout,
            r.meta.name,
            {{"message", "Switched selector for service '" + r.spec.blueGreen->activeService +
                             "' from '" + from + "' to '" + r.stableRs + "'"}});
    }
    m_trigger.request();
}

void RolloutsController::completeRollout(RolloutObject& r) {
    r.stableRs = r.currentPodHash;
    terminateRuns(r);
    const std::string detail =
        r.spec.canary
            ? "Completed all " + std::to_string(r.spec.canary->steps.size()) + " canary steps"
            : "Completed blue-green update";
    m_model.record(
        Component::RolloutsController, EventReason::RolloutCompleted, ObjectKind::Rollout,
        r.meta.name,
        {{"message", "Rollout completed update to revision " + std::to_string(r.revision) + " (" +
                         r.currentPodHash + "): " + detail}});
    m_trigger.request();
}

// ---- blue-green ----

void RolloutsController::syncBlueGreen(RolloutObject& r, ReplicaSetObject& newRs) {
    const BlueGreenStrategySpec& bg = *r.spec.blueGreen;
    const bool updating = r.currentPodHash != r.stableRs;
    if (r.activeSelector.empty()) {
        r.activeSelector = r.stableRs;
    }
    scaleReplicaSet(r, newRs, r.abort ? 0 : r.spec.replicas);
    for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
        if (rs == &newRs) {
            continue;
        }
        if (hashOf(*rs) == r.activeSelector) {
            scaleReplicaSet(r, *rs, r.spec.replicas);
            continue;
        }
        const auto deadline = rs->meta.annotations.find(kScaleDownDeadline);
        if (deadline == rs->meta.annotations.end()) {
            scaleReplicaSet(r, *rs, 0);
            continue;
        }
        const SimTime at = SimTime::microseconds(std::atoll(deadline->second.c_str()));
        if (m_model.now() >= at) {
            scaleReplicaSet(r, *rs, 0);
        } else {
            recheckAt(at);
        }
    }
    // The preview Service moves to the new pods once they are all available, so testers are
    // not sent to pods still starting; after an abort it goes back with everyone else.
    const bool newAvailable = newRs.availableReplicas >= r.spec.replicas;
    if (r.abort) {
        r.previewSelector = r.stableRs;
    } else if (!updating || newAvailable || r.previewSelector.empty()) {
        r.previewSelector = newAvailable || !updating ? r.currentPodHash : r.stableRs;
    }
    if (!bg.previewService.empty()) {
        setServiceSelector(r, bg.previewService, r.previewSelector);
    }
    setServiceSelector(r, bg.activeService, r.activeSelector);
    r.currentWeight = r.activeSelector == r.currentPodHash ? 100 : 0;
    if (!updating || r.abort) {
        return;
    }
    const bool newReady =
        newRs.replicas == r.spec.replicas && newRs.availableReplicas >= r.spec.replicas;
    const std::string base =
        r.meta.name + "-" + r.currentPodHash + "-" + std::to_string(r.revision);
    if (r.activeSelector != r.currentPodHash) {
        if (!newReady) {
            return;
        }
        if (bg.prePromotionAnalysis) {
            AnalysisRunObject* run =
                ensureRun(r, r.currentStepAnalysisRun, base + "-pre", *bg.prePromotionAnalysis);
            if (run == nullptr) {
                return;
            }
            reportRun(r, *run, "PrePromotion");
            if (run->phase == AnalysisPhase::Failed || run->phase == AnalysisPhase::Error ||
                run->phase == AnalysisPhase::Inconclusive) {
                doAbort(r, run->message);
                return;
            }
            if (run->phase != AnalysisPhase::Successful) {
                return;
            }
        }
        if (!bg.autoPromotionEnabled.value_or(true)) {
            if (!r.promoteRequested) {
                if (!r.paused) {
                    pause(r, "BlueGreenPause", std::nullopt);
                }
                return;
            }
        } else if (bg.autoPromotionSeconds && !r.promoteRequested) {
            const SimTime wait = SimTime::seconds(*bg.autoPromotionSeconds);
            if (!r.paused) {
                pause(r, "BlueGreenPause", m_model.now() + wait);
            }
            if (m_model.now() < *r.pauseStartTime + wait) {
                return;
            }
        }
        r.promoteRequested = false;
        unpause(r);
        const std::string from = r.activeSelector;
        r.activeSelector = r.currentPodHash;
        setServiceSelector(r, bg.activeService, r.activeSelector);
        r.currentWeight = 100;
        m_model.record(Component::RolloutsController, EventReason::SwitchService,
                       ObjectKind::Rollout, r.meta.name,
                       {{"message", "Switched selector for service '" + bg.activeService +
                                        "' from '" + from + "' to '" + r.currentPodHash + "'"}});
        // The previous active set keeps serving in-flight clients for scaleDownDelaySeconds.
        const SimTime deadline =
            m_model.now() +
            SimTime::seconds(bg.scaleDownDelaySeconds.value_or(kDefaultScaleDownDelaySeconds));
        for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
            if (hashOf(*rs) == from) {
                rs->meta.annotations[kScaleDownDeadline] =
                    std::to_string(deadline.toMicroseconds());
                m_model.api().updated(ResourceKind::ReplicaSet, rs->meta);
            }
        }
        recheckAt(deadline);
        r.currentStepAnalysisRun.clear();
    }
    if (bg.postPromotionAnalysis) {
        AnalysisRunObject* run =
            ensureRun(r, r.backgroundAnalysisRun, base + "-post", *bg.postPromotionAnalysis);
        if (run == nullptr) {
            return;
        }
        reportRun(r, *run, "PostPromotion");
        if (run->phase == AnalysisPhase::Failed || run->phase == AnalysisPhase::Error ||
            run->phase == AnalysisPhase::Inconclusive) {
            doAbort(r, run->message);
            return;
        }
        if (run->phase != AnalysisPhase::Successful) {
            return;
        }
    }
    completeRollout(r);
}

// ---- analysis runs ----

AnalysisRunObject* RolloutsController::ensureRun(RolloutObject& r, std::string& nameField,
                                                 const std::string& name,
                                                 const RolloutAnalysisSpec& analysis) {
    ApiServer& api = m_model.api();
    if (!nameField.empty()) {
        if (AnalysisRunObject* run = api.analysisRuns().find(r.meta.nameSpace, nameField)) {
            return run;
        }
    }
    std::string unique = name;
    for (int n = 2; api.analysisRuns().find(r.meta.nameSpace, unique) != nullptr; ++n) {
        unique = name + "." + std::to_string(n); // a retry of the same step
    }
    AnalysisRunObject run;
    run.meta.name = unique;
    run.meta.nameSpace = r.meta.nameSpace;
    run.meta.labels[kHashLabel] = r.currentPodHash;
    run.meta.ownerReferences.push_back(OwnerReference{"Rollout", r.meta.name, r.meta.uid});
    run.rollout = r.meta.name;
    run.canaryHash = r.currentPodHash;
    run.stableHash = r.stableRs;
    for (const std::string& templateName : analysis.templates) {
        const AnalysisTemplateObject* t =
            api.analysisTemplates().find(r.meta.nameSpace, templateName);
        if (t == nullptr) {
            run.phase = AnalysisPhase::Error;
            run.message = "AnalysisTemplate '" + templateName + "' not found";
            continue;
        }
        for (const AnalysisMetricSpec& metric : t->spec.metrics) {
            AnalysisMetricResult result;
            result.spec = metric;
            run.metrics.push_back(std::move(result));
        }
    }
    const bool failed = run.phase == AnalysisPhase::Error;
    api.create(std::move(run), m_model.now());
    nameField = unique;
    if (!failed) {
        m_analysis->start(unique, r.meta.nameSpace);
    }
    return api.analysisRuns().find(r.meta.nameSpace, unique);
}

void RolloutsController::reportRun(RolloutObject& r, const AnalysisRunObject& run,
                                   const char* kind) {
    const std::string key = ObjectTable<AnalysisRunObject>::key(run.meta.nameSpace, run.meta.name);
    const auto it = m_reportedRuns.find(key);
    if (run.phase == AnalysisPhase::Pending ||
        (it != m_reportedRuns.end() && it->second == run.phase)) {
        return;
    }
    const std::string previous = it == m_reportedRuns.end()
                                     ? "NoPreviousStatus"
                                     : std::string(analysisPhaseName(it->second));
    m_reportedRuns[key] = run.phase;
    EventReason reason = EventReason::AnalysisRunRunning;
    switch (run.phase) {
    case AnalysisPhase::Pending:
    case AnalysisPhase::Running:
        reason = EventReason::AnalysisRunRunning;
        break;
    case AnalysisPhase::Successful:
        reason = EventReason::AnalysisRunSuccessful;
        break;
    case AnalysisPhase::Inconclusive:
        reason = EventReason::AnalysisRunInconclusive;
        break;
    case AnalysisPhase::Error:
        reason = EventReason::AnalysisRunError;
        break;
    case AnalysisPhase::Failed:
        reason = EventReason::AnalysisRunFailed;
        break;
    }
    // rollout/analysis.go: analysisRunStatusChangedMessage.
    m_model.record(Component::RolloutsController, reason, ObjectKind::Rollout, r.meta.name,
                   {{"message", std::string(kind) + " Analysis Run '" + run.meta.name +
                                    "' Status New: '" + std::string(analysisPhaseName(run.phase)) +
                                    "' Previous: '" + previous + "'"},
                    {"analysisrun", run.meta.name}});
}

void RolloutsController::terminateRuns(RolloutObject& r) {
    for (std::string* field : {&r.currentStepAnalysisRun, &r.backgroundAnalysisRun}) {
        if (field->empty()) {
            continue;
        }
        if (AnalysisRunObject* run = m_model.api().analysisRuns().find(r.meta.nameSpace, *field)) {
            m_analysis->terminate(*run);
        }
        field->clear();
    }
}

// ---- Services, traffic, status ----

void RolloutsController::setServiceSelector(RolloutObject& r, const std::string& service,
                                            const std::string& hash) {
    ServiceObject* s = m_model.api().services().find(r.meta.nameSpace, service);
    if (s == nullptr || hash.empty()) {
        return;
    }
    const auto it = s->spec.selector.find(kHashLabel);
    if (it != s->spec.selector.end() && it->second == hash) {
        return;
    }
    s->spec.selector[kHashLabel] = hash;
    m_model.api().updated(ResourceKind::Service, s->meta);
}

void RolloutsController::setTrafficWeight(RolloutObject& r, int weight) {
    const CanaryStrategySpec& canary = *r.spec.canary;
    if (m_model.traffic().setRouteWeight(canary.trafficRouting->httpRoute, canary.canaryService,
                                         weight, canary.stableService)) {
        m_model.record(Component::RolloutsController, EventReason::TrafficWeightUpdated,
                       ObjectKind::Rollout, r.meta.name,
                       {{"message", "Traffic weight updated to " + std::to_string(weight) +
                                        "% canary on route " + canary.trafficRouting->httpRoute}});
    }
}

void RolloutsController::writeStatus(RolloutObject& r) {
    r.statusReplicas = 0;
    r.readyReplicas = 0;
    r.availableReplicas = 0;
    r.updatedReplicas = 0;
    bool oldPodsLeft = false;
    int newAvailable = 0;
    for (const ReplicaSetObject* rs : ownedReplicaSets(r)) {
        r.statusReplicas += rs->statusReplicas;
        r.readyReplicas += rs->readyReplicas;
        r.availableReplicas += rs->availableReplicas;
        if (hashOf(*rs) == r.currentPodHash) {
            r.updatedReplicas = rs->statusReplicas;
            newAvailable = rs->availableReplicas;
        } else {
            oldPodsLeft = oldPodsLeft || rs->statusReplicas > 0;
        }
    }
    r.observedGeneration = r.meta.generation;
    if (r.abort) {
        r.phase = "Degraded";
    } else if (r.paused) {
        r.phase = "Paused";
        r.message = r.pauseReason;
    } else if (r.currentPodHash == r.stableRs && newAvailable >= r.spec.replicas && !oldPodsLeft) {
        r.phase = "Healthy";
        r.message.clear();
    } else {
        // rolloututil.GetRolloutPhase's messages.
        r.phase = "Progressing";
        r.message = r.currentPodHash != r.stableRs ? "more replicas need to be updated"
                    : newAvailable < r.spec.replicas
                        ? "updated replicas are still becoming available"
                        : "old replicas are pending termination";
    }
}

void RolloutsController::cleanupHistory(RolloutObject& r) {
    // rollout/replicaset.go reconcileOldReplicaSets → cleanupRollouts: only sets with no pods
    // left, never the current, stable or active one; the oldest revisions go first.
    const int limit = r.spec.revisionHistoryLimit.value_or(kDefaultRevisionHistoryLimit);
    std::vector<ReplicaSetObject*> old;
    for (ReplicaSetObject* rs : ownedReplicaSets(r)) {
        const std::string hash = hashOf(*rs);
        if (hash == r.currentPodHash || hash == r.stableRs || hash == r.activeSelector ||
            rs->replicas != 0 || rs->statusReplicas != 0) {
            continue;
        }
        old.push_back(rs);
    }
    if (static_cast<int>(old.size()) <= limit) {
        return;
    }
    std::stable_sort(old.begin(), old.end(),
                     [](const ReplicaSetObject* a, const ReplicaSetObject* b) {
                         return revisionOf(*a) < revisionOf(*b);
                     });
    for (std::size_t i = 0; i + static_cast<std::size_t>(limit) < old.size(); ++i) {
        m_model.api().remove(ResourceKind::ReplicaSet, old[i]->meta);
    }
}

// ---- commands ----

bool RolloutsController::promote(const std::string& name) {
    for (auto& [key, r] : m_model.api().rollouts()) {
        if (r.meta.name != name) {
            continue;
        }
        if (!r.paused && r.spec.canary &&
            r.currentStepIndex < static_cast<int>(r.spec.canary->steps.size()) && !r.abort) {
            // Not paused: promote skips the current step (cmd/promote.go).
            completeStep(r, "promoted");
        } else {
            r.promoteRequested = true;
        }
        m_model.api().updated(ResourceKind::Rollout, r.meta);
        return true;
    }
    return false;
}

bool RolloutsController::abort(const std::string& name) {
    for (auto& [key, r] : m_model.api().rollouts()) {
        if (r.meta.name == name) {
            if (r.currentPodHash != r.stableRs) {
                doAbort(r, "");
                m_model.api().updated(ResourceKind::Rollout, r.meta);
            }
            return true;
        }
    }
    return false;
}

bool RolloutsController::retry(const std::string& name) {
    for (auto& [key, r] : m_model.api().rollouts()) {
        if (r.meta.name == name) {
            if (r.abort) {
                r.abort = false;
                r.currentStepIndex = 0;
                r.stepsCompleted = 0;
                r.message.clear();
                m_model.api().updated(ResourceKind::Rollout, r.meta);
            }
            return true;
        }
    }
    return false;
}

void RolloutsController::setImage(const std::string& name, const std::string& container,
                                  const std::string& image) {
    for (auto& [key, r] : m_model.api().rollouts()) {
        if (r.meta.name != name) {
            continue;
        }
        for (ContainerSpec& c : r.spec.podSpec.containers) {
            if (c.name == container && c.image != image) {
                c.image = image;
                ++r.meta.generation;
                m_model.record(Component::User, EventReason::Updated, ObjectKind::Rollout, name,
                               {{"message", "rollout \"" + name + "\" image updated"}});
                m_model.api().updated(ResourceKind::Rollout, r.meta);
            }
        }
        return;
    }
}

} // namespace cnsim
