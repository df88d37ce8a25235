// The rollouts-controller in a running simulation: the shipped canary and blue-green scenarios
// end as a user expects (a bad canary caught by analysis and rolled back with few users
// affected; a blue-green switch at the promotion instant with the old version kept for
// scaleDownDelaySeconds), pause steps last exactly their duration, a good canary completes,
// an inconclusive analysis pauses until promoted, kubectl shows it all, and runs are
// deterministic. Behaviour follows argo-rollouts rollout/canary.go, rollout/bluegreen.go,
// rollout/analysis.go and analysis/analysis.go.

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "model/simulation.h"
#include "scenariotext.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

void installKubectl(Simulation& sim) {
    sim.setCommandHandler([](Simulation& s, const ScheduledCommand& command) {
        const KubectlResult r = runKubectl(s, command.run);
        if (r.exitCode != 0) {
            qWarning("%s: %s", command.run.c_str(), r.err.c_str());
        }
    });
}

const RolloutObject& rollout(const Simulation& sim, const std::string& name) {
    const RolloutObject* r = sim.api().rollouts().find("default", name);
    if (r == nullptr) {
        qFatal("no rollout %s", name.c_str());
    }
    return *r;
}

const ReplicaSetObject* replicaSetWithHash(const Simulation& sim, const std::string& hash) {
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        const auto it = rs.meta.labels.find("rollouts-pod-template-hash");
        if (it != rs.meta.labels.end() && it->second == hash) {
            return &rs;
        }
    }
    return nullptr;
}

std::vector<const ClusterEvent*> eventsOf(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason == reason && e.component == Component::RolloutsController) {
            out.push_back(&e);
        }
    }
    return out;
}

// The value of a per-second series at the sample stamped `t` (the second ending at t).
double sampleAt(const Simulation& sim, const std::string& series, SimTime t) {
    const TimeSeries* s = sim.metrics().find(series);
    if (s == nullptr) {
        return 0.0;
    }
    for (std::size_t i = 0; i < s->times.size(); ++i) {
        if (s->times[i] == t) {
            return s->values[i];
        }
    }
    return 0.0;
}

Scenario canaryScenario() {
    return loadScenarioFile("canary-analysis-rollback.yaml");
}

void setErrorRate(Scenario& scenario, const std::string& image, double rate) {
    for (ImageSpec& spec : scenario.simulation.images) {
        if (spec.name == image) {
            spec.errorRate = rate;
        }
    }
}

AnalysisTemplateSpec& analysisTemplate(Scenario& scenario) {
    for (Manifest& m : scenario.workloads) {
        if (auto* t = std::get_if<AnalysisTemplateSpec>(&m)) {
            return *t;
        }
    }
    qFatal("no AnalysisTemplate");
    return std::get<AnalysisTemplateSpec>(scenario.workloads.front());
}

} // namespace

class TestRolloutsController : public QObject {
    Q_OBJECT

private slots:
    void canaryAnalysisRollsBackABadVersion();
    void onlyAFractionOfUsersSawTheBadVersion();
    void pauseStepLastsItsDuration();
    void goodCanaryCompletes();
    void inconclusiveAnalysisPausesUntilPromoted();
    void backgroundAnalysisAbortsAtAnyStep();
    void abortByHandRollsBack();
    void trafficRoutingWeightsTheGatewayRoute();
    void blueGreenSwitchesAtPromotionAndKeepsOldVersionForTheDelay();
    void revisionHistoryLimitDeletesTheOldestScaledDownSets();
    void kubectlShowsRolloutsAndAnalysisRuns();
    void deterministic();
};

void TestRolloutsController::canaryAnalysisRollsBackABadVersion() {
    Simulation sim(canaryScenario());
    installKubectl(sim);
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "api");
    QCOMPARE(r.phase, std::string("Degraded"));
    QVERIFY(r.abort);
    QCOMPARE(r.stepsCompleted, 2); // setWeight 20, pause 30s; the analysis step failed
    QVERIFY(r.message.find("RolloutAborted: Rollout aborted update to revision 2") == 0);
    // The stable ReplicaSet is back at 10, the canary at 0.
    const ReplicaSetObject* stable = replicaSetWithHash(sim, r.stableRs);
    const ReplicaSetObject* canary = replicaSetWithHash(sim, r.currentPodHash);
    QVERIFY(stable != nullptr && canary != nullptr && stable != canary);
    QCOMPARE(stable->replicas, 10);
    QCOMPARE(stable->availableReplicas, 10);
    QCOMPARE(canary->replicas, 0);
    // One AnalysisRun, failed at its second measurement (failureLimit 1), 10 s after the first.
    QCOMPARE(sim.api().analysisRuns().size(), std::size_t{1});
    const AnalysisRunObject& run = sim.api().analysisRuns().begin()->second;
    QCOMPARE(run.phase, AnalysisPhase::Failed);
    QCOMPARE(run.metrics.size(), std::size_t{1});
    const AnalysisMetricResult& metric = run.metrics.front();
    QCOMPARE(metric.counters.failed, 2);
    QCOMPARE(metric.measurements.size(), std::size_t{2});
    QCOMPARE(metric.measurements[1].startedAt - metric.measurements[0].startedAt,
             SimTime::seconds(10));
    for (const AnalysisMeasurement& m : metric.measurements) {
        QVERIFY(m.value && *m.value < 0.99 && *m.value > 0.85); // about 1 - 0.08
    }
    // Upstream's order: the run's failure is reported, then the abort, at the same instant.
    const auto failed = eventsOf(sim, EventReason::AnalysisRunFailed);
    const auto aborted = eventsOf(sim, EventReason::RolloutAborted);
    QCOMPARE(failed.size(), std::size_t{1});
    QCOMPARE(aborted.size(), std::size_t{1});
    QCOMPARE(failed.front()->time, aborted.front()->time);
    QCOMPARE(failed.front()->time, metric.measurements[1].startedAt);
    QVERIFY(failed.front() < aborted.front());
    // The canary weight series: 20 during the canary, 0 after the abort.
    QCOMPARE(sampleAt(sim, "rollout/api/canary_weight", SimTime::seconds(90)), 20.0);
    QCOMPARE(sampleAt(sim, "rollout/api/canary_weight", SimTime::minutes(4)), 0.0);
    // The measurements are a series too.
    QVERIFY(sim.metrics().find("analysisrun/" + run.meta.name + "/success-rate/value") != nullptr);
    const RunSummary summary = sim.summary();
    QCOMPARE(summary.rollouts.size(), std::size_t{1});
    QVERIFY(summary.rollouts.front().aborted);
    QCOMPARE(summary.rollouts.front().failedAnalysisRuns, 1);
}

void TestRolloutsController::onlyAFractionOfUsersSawTheBadVersion() {
    Simulation sim(canaryScenario());
    installKubectl(sim);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    std::uint64_t total = 0;
    std::uint64_t bad = 0;
    bool sawStable = false;
    for (const VersionSummary& v : summary.versions) {
        if (v.service != "api") {
            continue;
        }
        total += v.requests;
        if (v.name == "2.0") {
            bad = v.requests;
            QVERIFY(v.errors > 0);
        } else {
            QCOMPARE(v.errors, std::uint64_t{0}); // 1.0 never failed
            sawStable = true;
        }
    }
    QVERIFY(sawStable);
    // Two canary pods of ten for under a minute of a five-minute run: under 5 % of requests.
    QVERIFY(bad > 0);
    QVERIFY2(static_cast<double>(bad) / static_cast<double>(total) < 0.05,
             qPrintable(QString("%1 of %2").arg(bad).arg(total)));
}

void TestRolloutsController::pauseStepLastsItsDuration() {
    Simulation sim(canaryScenario());
    installKubectl(sim);
    sim.runToEnd();
    const auto paused = eventsOf(sim, EventReason::RolloutPaused);
    const auto resumed = eventsOf(sim, EventReason::RolloutResumed);
    QCOMPARE(paused.size(), std::size_t{1});
    QCOMPARE(resumed.size(), std::size_t{1});
    QCOMPARE(resumed.front()->time - paused.front()->time, SimTime::seconds(30));
    // The pause began when the setWeight step completed: its canary pods were available.
    const auto steps = eventsOf(sim, EventReason::RolloutStepCompleted);
    QCOMPARE(steps.front()->time, paused.front()->time);
}

void TestRolloutsController::goodCanaryCompletes() {
    Scenario scenario = canaryScenario();
    setErrorRate(scenario, "shop/api:2.0", 0.0);
    Simulation sim(scenario);
    installKubectl(sim);
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "api");
    QCOMPARE(r.phase, std::string("Healthy"));
    QCOMPARE(r.stableRs, r.currentPodHash);
    QCOMPARE(r.stepsCompleted, 5);
    QCOMPARE(eventsOf(sim, EventReason::RolloutCompleted).size(), std::size_t{1});
    QCOMPARE(sim.api().analysisRuns().begin()->second.phase, AnalysisPhase::Successful);
    QCOMPARE(sim.api().analysisRuns().begin()->second.metrics.front().counters.count, 5);
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        const bool current = rs.meta.labels.at("rollouts-pod-template-hash") == r.currentPodHash;
        QCOMPARE(rs.replicas, current ? 10 : 0);
    }
    // The weight walked the steps: 20, then 50, then 100 before completion.
    const TimeSeries* weight = sim.metrics().find("rollout/api/canary_weight");
    QVERIFY(weight != nullptr);
    QVERIFY(std::find(weight->values.begin(), weight->values.end(), 20.0) != weight->values.end());
    QVERIFY(std::find(weight->values.begin(), weight->values.end(), 50.0) != weight->values.end());
}

void TestRolloutsController::inconclusiveAnalysisPausesUntilPromoted() {
    Scenario scenario = canaryScenario();
    // Between 0.5 and 0.99 neither condition holds: inconclusive (inconclusiveLimit 0).
    std::string error;
    analysisTemplate(scenario).metrics.front().failureCondition =
        *parseAnalysisCondition("result < 0.5", error);
    scenario.simulation.commands.push_back(
        ScheduledCommand{SimTime::seconds(150), "kubectl argo rollouts promote api"});
    Simulation sim(scenario);
    installKubectl(sim);
    sim.advanceTo(SimTime::seconds(149));
    QCOMPARE(rollout(sim, "api").phase, std::string("Paused"));
    QCOMPARE(rollout(sim, "api").pauseReason, std::string("InconclusiveAnalysisRun"));
    QCOMPARE(sim.api().analysisRuns().begin()->second.phase, AnalysisPhase::Inconclusive);
    QCOMPARE(eventsOf(sim, EventReason::AnalysisRunInconclusive).size(), std::size_t{1});
    sim.runToEnd();
    // Promoted at 2m30s, the rollout went on through 50 % and completed.
    QCOMPARE(rollout(sim, "api").phase, std::string("Healthy"));
    QCOMPARE(rollout(sim, "api").stepsCompleted, 5);
}

void TestRolloutsController::backgroundAnalysisAbortsAtAnyStep() {
    Scenario scenario = canaryScenario();
    for (Manifest& m : scenario.workloads) {
        if (auto* r = std::get_if<RolloutSpec>(&m)) {
            // The same template as background analysis (canary.analysis), no analysis step.
            r->canary->analysis = RolloutAnalysisSpec{{"success-rate"}};
            auto& steps = r->canary->steps;
            steps.erase(steps.begin() + 2);
        }
    }
    Simulation sim(scenario);
    installKubectl(sim);
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "api");
    QCOMPARE(r.phase, std::string("Degraded"));
    // rollout/analysis.go names a background run <rollout>-<hash>-<revision>.
    const AnalysisRunObject* run =
        sim.api().analysisRuns().find("default", "api-" + r.currentPodHash + "-2");
    QVERIFY(run != nullptr);
    QCOMPARE(run->phase, AnalysisPhase::Failed);
    // Its first measurement, when the update starts, finds no canary request yet: an Error
    // measurement, tolerated (consecutiveErrorLimit 4), not a failure.
    const AnalysisMetricResult& metric = run->metrics.front();
    QCOMPARE(metric.measurements.front().phase, AnalysisPhase::Error);
    QVERIFY(metric.measurements.front().message.find("no requests") == 0);
    QCOMPARE(metric.counters.failed, 2);
    // It aborted during the 30 s pause step, before any analysis step could run.
    const auto aborted = eventsOf(sim, EventReason::RolloutAborted);
    QCOMPARE(aborted.size(), std::size_t{1});
    QCOMPARE(r.stepsCompleted, 1);
    QCOMPARE(eventsOf(sim, EventReason::AnalysisRunFailed).front()->arg("message").substr(0, 10),
             std::string_view("Background"));
}

void TestRolloutsController::abortByHandRollsBack() {
    Scenario scenario = canaryScenario();
    setErrorRate(scenario, "shop/api:2.0", 0.0);
    scenario.simulation.commands.push_back(
        ScheduledCommand{SimTime::seconds(80), "kubectl argo rollouts abort api"});
    Simulation sim(scenario);
    installKubectl(sim);
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "api");
    QCOMPARE(r.phase, std::string("Degraded"));
    QCOMPARE(eventsOf(sim, EventReason::RolloutAborted).front()->time, SimTime::seconds(80));
    QCOMPARE(replicaSetWithHash(sim, r.currentPodHash)->replicas, 0);
    QCOMPARE(replicaSetWithHash(sim, r.stableRs)->replicas, 10);
}

namespace {

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) {
        qFatal("'%s' not found", from.c_str());
    }
    text.replace(at, from.size(), to);
}

// The canary scenario with a good 2.0 behind a gateway whose route the Rollout weights.
std::string routedCanaryText() {
    std::ifstream in(std::string(CNSIM_SCENARIO_DIR) + "/canary-analysis-rollback.yaml",
                     std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    replaceOnce(text, "      errorRate: 0.08\n", "");
    replaceOnce(text, "          canaryService: api-canary\n",
                "          trafficRouting:\n"
                "            plugins:\n"
                "              argoproj-labs/gatewayAPI:\n"
                "                httpRoute: api\n"
                "          canaryService: api-canary\n");
    replaceOnce(text, "              service: api\n", "              service: api-canary\n");
    replaceOnce(text, "simulation:\n",
                "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: gw\n"
                "    spec:\n      replicas: 2\n      selector:\n        matchLabels:\n"
                "          app: gw\n      template:\n        metadata:\n          labels:\n"
                "            app: gw\n        spec:\n          containers:\n"
                "            - name: gw\n              image: shop/gw:1.0\n"
                "  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: gw\n"
                "    spec:\n      selector:\n        app: gw\n      ports:\n        - port: 80\n"
                "simulation:\n"
                "  gateway:\n    service: gw\n    routes:\n      - name: api\n"
                "        backendRefs:\n          - name: api-stable\n            weight: 100\n"
                "          - name: api-canary\n            weight: 0\n");
    replaceOnce(text, "      service: api\n      type: poisson",
                "      path: /\n      type: poisson");
    return text;
}

} // namespace

void TestRolloutsController::trafficRoutingWeightsTheGatewayRoute() {
    Simulation sim(loadScenarioText(routedCanaryText()));
    installKubectl(sim);
    sim.advanceTo(SimTime::seconds(90));
    {
        // At 20 % the canary has its 2 pods and the stable keeps all 10 (canary.go: a traffic
        // router leaves the stable fully scaled).
        const RolloutObject& r = rollout(sim, "api");
        QCOMPARE(replicaSetWithHash(sim, r.currentPodHash)->replicas, 2);
        QCOMPARE(replicaSetWithHash(sim, r.stableRs)->replicas, 10);
        // The route's share: about 20 % of the gateway's requests reach the canary Service.
        const double canary =
            sampleAt(sim, "service/api-canary/request_rate", SimTime::seconds(90));
        const double stable =
            sampleAt(sim, "service/api-stable/request_rate", SimTime::seconds(90));
        QVERIFY2(canary > 0.1 * (canary + stable) && canary < 0.3 * (canary + stable),
                 qPrintable(QString("canary %1, stable %2").arg(canary).arg(stable)));
    }
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "api");
    QCOMPARE(r.phase, std::string("Healthy"));
    std::vector<std::string> weights;
    for (const auto* e : eventsOf(sim, EventReason::TrafficWeightUpdated)) {
        weights.emplace_back(e->arg("message"));
    }
    QCOMPARE(weights.size(), std::size_t{4}); // 20, 50, 100, then all on the new stable
    QVERIFY(weights[0].find("updated to 20%") != std::string::npos);
    QVERIFY(weights[1].find("updated to 50%") != std::string::npos);
    QVERIFY(weights[2].find("updated to 100%") != std::string::npos);
    QVERIFY(weights[3].find("updated to 0%") != std::string::npos);
}

void TestRolloutsController::blueGreenSwitchesAtPromotionAndKeepsOldVersionForTheDelay() {
    Simulation sim(loadScenarioFile("blue-green.yaml"));
    installKubectl(sim);
    sim.advanceTo(SimTime::seconds(149));
    {
        const RolloutObject& r = rollout(sim, "web");
        QCOMPARE(r.phase, std::string("Paused"));
        QCOMPARE(r.pauseReason, std::string("BlueGreenPause"));
        QCOMPARE(r.activeSelector, r.stableRs);
        QCOMPARE(r.previewSelector, r.currentPodHash);
        QCOMPARE(replicaSetWithHash(sim, r.currentPodHash)->availableReplicas, 4);
        // Users reach only 1.0 while testers reach 2.0 through the preview Service.
        QCOMPARE(sim.api()
                     .services()
                     .find("default", "web-active")
                     ->spec.selector.at("rollouts-pod-template-hash"),
                 r.stableRs);
        const TimeSeries* preview = sim.metrics().find("version/web-preview/2.0/request_rate");
        QVERIFY(preview != nullptr && !preview->values.empty());
        QVERIFY(sim.metrics().find("version/web-active/2.0/request_rate") == nullptr);
    }
    sim.runToEnd();
    const RolloutObject& r = rollout(sim, "web");
    QCOMPARE(r.phase, std::string("Healthy"));
    QCOMPARE(r.stableRs, r.currentPodHash);
    // The switch happens at the promote command, 2m30s; the blue pods go 30 s later.
    const auto switched = eventsOf(sim, EventReason::SwitchService);
    QCOMPARE(switched.size(), std::size_t{1});
    QCOMPARE(switched.front()->time, SimTime::seconds(150));
    SimTime scaledDown;
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason == EventReason::ScalingReplicaSet && e.objectKind == ObjectKind::Rollout &&
            e.arg("to") == "0") {
            scaledDown = e.time;
        }
    }
    QCOMPARE(scaledDown, SimTime::seconds(180));
    // An instant switch: from the next second on, users reach only 2.0.
    QVERIFY(sampleAt(sim, "version/web-active/1.0/request_rate", SimTime::seconds(149)) > 0);
    QCOMPARE(sampleAt(sim, "version/web-active/1.0/request_rate", SimTime::seconds(152)), 0.0);
    QVERIFY(sampleAt(sim, "version/web-active/2.0/request_rate", SimTime::seconds(152)) > 0);
    const TimeSeries* green = sim.metrics().find("version/web-active/2.0/request_rate");
    QVERIFY(green != nullptr && green->times.front() > SimTime::seconds(150));
    // No user request failed through the switch.
    for (const VersionSummary& v : sim.summary().versions) {
        QCOMPARE(v.errors, std::uint64_t{0});
    }
}

void TestRolloutsController::revisionHistoryLimitDeletesTheOldestScaledDownSets() {
    Scenario scenario = loadScenarioFile("blue-green.yaml");
    scenario.duration = SimTime::minutes(5);
    for (Manifest& m : scenario.workloads) {
        if (auto* r = std::get_if<RolloutSpec>(&m)) {
            r->revisionHistoryLimit = 1;
        }
    }
    scenario.simulation.commands.push_back(ScheduledCommand{
        SimTime::minutes(3), "kubectl argo rollouts set image web web=shop/web:3.0"});
    scenario.simulation.commands.push_back(
        ScheduledCommand{SimTime::seconds(210), "kubectl argo rollouts promote web"});
    Simulation sim(scenario);
    installKubectl(sim);
    sim.advanceTo(SimTime::seconds(239));
    QCOMPARE(sim.api().replicaSets().size(), std::size_t{3}); // 1.0 scaled down, 2.0, 3.0
    sim.runToEnd();
    // At 4m the 2.0 set is scaled down too; with a history of 1, the 1.0 set (revision 1) goes.
    std::vector<std::string> images;
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        images.push_back(rs.templateSpec.containers.front().image);
    }
    std::sort(images.begin(), images.end());
    QCOMPARE(images, (std::vector<std::string>{"shop/web:2.0", "shop/web:3.0"}));
}

void TestRolloutsController::kubectlShowsRolloutsAndAnalysisRuns() {
    Simulation sim(canaryScenario());
    installKubectl(sim);
    sim.runToEnd();
    const KubectlResult get = runKubectl(sim, "get rollouts");
    QCOMPARE(get.exitCode, 0);
    QVERIFY2(get.out.find("NAME   DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE\n"
                          "api    10        10        0            10          5m") == 0,
             get.out.c_str());
    const KubectlResult runs = runKubectl(sim, "get ar");
    QVERIFY2(runs.out.find("Failed") != std::string::npos, runs.out.c_str());
    const KubectlResult describe = runKubectl(sim, "describe rollout api");
    QVERIFY2(describe.out.find("RolloutAborted") != std::string::npos, describe.out.c_str());
    const KubectlResult argo = runKubectl(sim, "kubectl argo rollouts get rollout api");
    QCOMPARE(argo.exitCode, 0);
    QVERIFY2(argo.out.find("Degraded") != std::string::npos, argo.out.c_str());
    const KubectlResult missing = runKubectl(sim, "kubectl argo rollouts promote nope");
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.find("rollouts.argoproj.io \"nope\" not found") != std::string::npos,
             missing.err.c_str());
}

void TestRolloutsController::deterministic() {
    std::string first;
    for (int i = 0; i < 2; ++i) {
        Simulation sim(canaryScenario());
        installKubectl(sim);
        sim.runToEnd();
        if (i == 0) {
            first = sim.fingerprintHex();
        } else {
            QCOMPARE(sim.fingerprintHex(), first);
        }
    }
}

QTEST_GUILESS_MAIN(TestRolloutsController)
#include "test_rollouts_controller.moc"
