// CI/CD pipelines in a running simulation (sim/model/pipelinerunner.h): stages take exactly
// their constant durations, a stage with failureProbability 1 fails the run and nothing is
// deployed, a green run sets the Deployment's image so the deployment controller rolls it
// out, commits queue one at a time with the newest waiting one winning (GitHub Actions'
// concurrency group), a buggy version shipped into a Rollout with analysis is rolled back,
// pipelines work in aggregate traffic mode, the shipped scenario tells its story, and runs
// are deterministic.

#include <QTest>

#ifndef Q_MOC_RUN
#include "metrics/runexport.h"
#include "model/simulation.h"
#include "scenariotext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <sstream>
#include <string>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

// The web scenario (Deployment web, nginx:1.27) with one pipeline targeting it.
std::string pipelineScenario(const std::string& stages, const std::string& commits,
                             const std::string& extra = "", const std::string& duration = "15m") {
    return webScenario(2, "4", 3, "250m", 20, duration,
                       extra +
                           "  pipelines:\n    - name: ci\n      target:\n"
                           "        kind: Deployment\n        name: web\n"
                           "        container: web\n      stages:\n" +
                           stages + "      commits:\n" + commits);
}

const std::string kThreeStages = "        - name: build\n          duration: 2m\n"
                                 "        - name: test\n          duration: 3m\n"
                                 "        - name: deploy\n          duration: 10s\n";

std::vector<const ClusterEvent*> pipelineEvents(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.component == Component::Pipeline && e.reason == reason) {
            out.push_back(&e);
        }
    }
    return out;
}

std::string deploymentImage(const Simulation& sim) {
    const DeploymentObject* d = sim.api().deployments().find("default", "web");
    return d == nullptr ? std::string() : d->spec.podSpec.containers.front().image;
}

int runningPodsWithImage(const Simulation& sim, const std::string& image) {
    int count = 0;
    for (const auto& [key, pod] : sim.api().pods()) {
        count += pod.phase == PodPhaseK8s::Running && !isPodTerminating(pod) &&
                         pod.spec.containers.front().image == image
                     ? 1
                     : 0;
    }
    return count;
}

} // namespace

class TestPipelines : public QObject {
    Q_OBJECT

private slots:
    void constantStagesTakeExactlyTheirDurations();
    void failureProbability_data();
    void failureProbability();
    void successRollsOutTheNewImage();
    void newerCommitReplacesTheWaitingOne();
    void deployFailsWhileTheApiServerIsDown();
    void buggyVersionIntoCanaryIsRolledBack();
    void worksInAggregateTrafficMode();
    void shippedScenarioShipsTwoOfThree();
    void jsonSummaryHasThePipelines();
    void deterministic();
};

void TestPipelines::constantStagesTakeExactlyTheirDurations() {
    Simulation sim(loadScenarioText(
        pipelineScenario(kThreeStages, "        - at: 1m\n          image: nginx:1.28\n")));
    sim.runToEnd();
    const auto started = pipelineEvents(sim, EventReason::PipelineStarted);
    QCOMPARE(started.size(), std::size_t{1});
    QCOMPARE(started[0]->time, SimTime::minutes(1));
    const auto stages = pipelineEvents(sim, EventReason::StageSucceeded);
    QCOMPARE(stages.size(), std::size_t{3});
    QCOMPARE(stages[0]->arg("stage"), std::string_view("build"));
    QCOMPARE(stages[0]->time, SimTime::minutes(3));
    QCOMPARE(stages[1]->arg("stage"), std::string_view("test"));
    QCOMPARE(stages[1]->time, SimTime::minutes(6));
    QCOMPARE(stages[2]->arg("stage"), std::string_view("deploy"));
    QCOMPARE(stages[2]->time, SimTime::minutes(6) + SimTime::seconds(10));
    const auto deployed = pipelineEvents(sim, EventReason::DeployTriggered);
    QCOMPARE(deployed.size(), std::size_t{1});
    QCOMPARE(deployed[0]->time, SimTime::minutes(6) + SimTime::seconds(10));
    QCOMPARE(deployed[0]->arg("target"), std::string_view("Deployment/web"));
    const RunSummary summary = sim.summary();
    QCOMPARE(summary.pipelines.size(), std::size_t{1});
    const PipelineSummary& p = summary.pipelines.front();
    QCOMPARE(p.runs, 1);
    QCOMPARE(p.succeeded, 1);
    QCOMPARE(p.meanLeadTimeToDeploySeconds, std::optional<double>(310.0));
}

void TestPipelines::failureProbability_data() {
    QTest::addColumn<QString>("buildProbability");
    QTest::addColumn<QString>("testProbability");
    QTest::addColumn<QString>("failedStage"); // empty: the run succeeds

    QTest::newRow("never fails") << "0"
                                 << "0"
                                 << "";
    QTest::newRow("build always fails") << "1"
                                        << "0"
                                        << "build";
    QTest::newRow("test always fails") << "0"
                                       << "1"
                                       << "test";
}

void TestPipelines::failureProbability() {
    QFETCH(QString, buildProbability);
    QFETCH(QString, testProbability);
    QFETCH(QString, failedStage);
    const std::string stages = "        - name: build\n          duration: 2m\n"
                               "          failureProbability: " +
                               buildProbability.toStdString() +
                               "\n        - name: test\n          duration: 3m\n"
                               "          failureProbability: " +
                               testProbability.toStdString() +
                               "\n        - name: deploy\n          duration: 10s\n";
    Simulation sim(loadScenarioText(
        pipelineScenario(stages, "        - at: 1m\n          image: nginx:1.28\n")));
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const PipelineSummary& p = summary.pipelines.front();
    if (failedStage.isEmpty()) {
        QCOMPARE(p.succeeded, 1);
        QCOMPARE(deploymentImage(sim), std::string("nginx:1.28"));
        QCOMPARE(pipelineEvents(sim, EventReason::DeployTriggered).size(), std::size_t{1});
        return;
    }
    // The failed stage ends the run: nothing after it starts, nothing is deployed.
    QCOMPARE(p.failed, 1);
    QCOMPARE(p.succeeded, 0);
    const auto failed = pipelineEvents(sim, EventReason::PipelineFailed);
    QCOMPARE(failed.size(), std::size_t{1});
    QCOMPARE(failed[0]->arg("stage"), std::string_view(failedStage.toStdString()));
    QCOMPARE(failed[0]->time, failedStage == "build" ? SimTime::minutes(3) : SimTime::minutes(6));
    QVERIFY(pipelineEvents(sim, EventReason::DeployTriggered).empty());
    for (const ClusterEvent* e : pipelineEvents(sim, EventReason::StageSucceeded)) {
        QVERIFY(e->arg("stage") != std::string_view("deploy"));
    }
    QCOMPARE(deploymentImage(sim), std::string("nginx:1.27"));
    QCOMPARE(runningPodsWithImage(sim, "nginx:1.27"), 3);
    for (const StageFailures& f : p.failuresByStage) {
        QCOMPARE(f.failures, f.stage == failedStage.toStdString() ? 1 : 0);
    }
    QVERIFY(!p.changeFailureRate.has_value()); // nothing was released
}

void TestPipelines::successRollsOutTheNewImage() {
    Simulation sim(loadScenarioText(
        pipelineScenario(kThreeStages, "        - at: 1m\n          image: nginx:1.28\n")));
    sim.runToEnd();
    // The deployment controller rolled the new template out: every pod runs the new image.
    QCOMPARE(runningPodsWithImage(sim, "nginx:1.28"), 3);
    QCOMPARE(runningPodsWithImage(sim, "nginx:1.27"), 0);
    bool scaled = false;
    for (const ClusterEvent& e : sim.events()) {
        scaled = scaled || (e.reason == EventReason::ScalingReplicaSet &&
                            e.time >= SimTime::minutes(6) + SimTime::seconds(10));
    }
    QVERIFY(scaled);
    const PipelineSummary p = sim.summary().pipelines.front();
    QCOMPARE(p.releasesCompleted, 1);
    QCOMPARE(p.runList.front().release, std::string("completed"));
    QVERIFY(*p.runList.front().releaseEndedSeconds > 370.0);
    QVERIFY(*p.meanLeadTimeToReleaseSeconds > *p.meanLeadTimeToDeploySeconds);
    QCOMPARE(p.changeFailureRate, std::optional<double>(0.0));
}

void TestPipelines::newerCommitReplacesTheWaitingOne() {
    // Run 1 takes 5m10s from 1m; 2 waits from 2m; 3 replaces it at 3m and starts at 6m10s.
    Simulation sim(
        loadScenarioText(pipelineScenario(kThreeStages,
                                          "        - at: 1m\n          image: nginx:1.28\n"
                                          "        - at: 2m\n          image: nginx:1.29\n"
                                          "        - at: 3m\n          image: nginx:1.30\n",
                                          "", "20m")));
    sim.runToEnd();
    const auto superseded = pipelineEvents(sim, EventReason::PipelineSuperseded);
    QCOMPARE(superseded.size(), std::size_t{1});
    QCOMPARE(superseded[0]->arg("image"), std::string_view("nginx:1.29"));
    QCOMPARE(superseded[0]->time, SimTime::minutes(3));
    const auto started = pipelineEvents(sim, EventReason::PipelineStarted);
    QCOMPARE(started.size(), std::size_t{2});
    QCOMPARE(started[1]->arg("image"), std::string_view("nginx:1.30"));
    QCOMPARE(started[1]->time, SimTime::minutes(6) + SimTime::seconds(10));
    QCOMPARE(deploymentImage(sim), std::string("nginx:1.30"));
    const PipelineSummary p = sim.summary().pipelines.front();
    QCOMPARE(p.runs, 2);
    QCOMPARE(p.superseded, 1);
    QCOMPARE(p.succeeded, 2);
}

void TestPipelines::deployFailsWhileTheApiServerIsDown() {
    // kube-apiserver is down from 6m to 7m; the deploy stage ends at 6m10s.
    Simulation sim(loadScenarioText(
        pipelineScenario(kThreeStages, "        - at: 1m\n          image: nginx:1.28\n",
                         "  faults:\n    - at: 6m\n      type: controlPlaneOutage\n"
                         "      component: apiServer\n      duration: 1m\n")));
    sim.runToEnd();
    const auto failed = pipelineEvents(sim, EventReason::PipelineFailed);
    QCOMPARE(failed.size(), std::size_t{1});
    QCOMPARE(failed[0]->time, SimTime::minutes(6) + SimTime::seconds(10));
    QCOMPARE(failed[0]->arg("stage"), std::string_view("deploy"));
    QVERIFY(describeEvent(*failed[0]).find("unreachable") != std::string::npos);
    QVERIFY(pipelineEvents(sim, EventReason::DeployTriggered).empty());
    QCOMPARE(deploymentImage(sim), std::string("nginx:1.27"));
}

void TestPipelines::buggyVersionIntoCanaryIsRolledBack() {
    // The canary scenario, with its scripted `set image` replaced by a pipeline shipping 2.0.
    Scenario scenario = loadScenarioFile("canary-analysis-rollback.yaml");
    scenario.simulation.commands.clear();
    PipelineSpec pipeline;
    pipeline.name = "api-ci";
    pipeline.targetKind = PipelineTargetKind::Rollout;
    pipeline.target = "api";
    pipeline.container = "api";
    PipelineStageSpec build;
    build.name = "build";
    build.duration.mean = SimTime::seconds(30);
    pipeline.stages = {build};
    pipeline.commits = {PipelineCommitSpec{SimTime::seconds(30), "shop/api:2.0"}};
    scenario.simulation.pipelines = {pipeline};
    Simulation sim(std::move(scenario));
    sim.runToEnd();
    bool aborted = false;
    for (const ClusterEvent& e : sim.events()) {
        aborted =
            aborted || (e.reason == EventReason::RolloutAborted && e.time > SimTime::minutes(1));
    }
    QVERIFY(aborted);
    const RolloutObject* r = sim.api().rollouts().find("default", "api");
    QVERIFY(r != nullptr);
    QCOMPARE(r->phase, std::string("Degraded"));
    const PipelineSummary p = sim.summary().pipelines.front();
    QCOMPARE(p.succeeded, 1);
    QCOMPARE(p.releasesFailed, 1);
    QCOMPARE(p.runList.front().release, std::string("failed"));
    QCOMPARE(p.changeFailureRate, std::optional<double>(1.0));
    QCOMPARE(runningPodsWithImage(sim, "shop/api:2.0"), 0);
}

void TestPipelines::worksInAggregateTrafficMode() {
    Simulation sim(loadScenarioText(
        pipelineScenario(kThreeStages, "        - at: 1m\n          image: nginx:1.28\n",
                         "  trafficMode: aggregate\n")));
    sim.runToEnd();
    QCOMPARE(deploymentImage(sim), std::string("nginx:1.28"));
    QCOMPARE(runningPodsWithImage(sim, "nginx:1.28"), 3);
    QCOMPARE(sim.summary().pipelines.front().releasesCompleted, 1);
}

void TestPipelines::shippedScenarioShipsTwoOfThree() {
    Simulation sim(loadScenarioFile("pipeline-three-versions.yaml"));
    sim.runToEnd();
    const PipelineSummary p = sim.summary().pipelines.front();
    QCOMPARE(p.runList.size(), std::size_t{3});
    QCOMPARE(p.runList[0].release, std::string("completed"));
    QCOMPARE(p.runList[1].release, std::string("failed"));
    QCOMPARE(p.runList[2].release, std::string("completed"));
    const RolloutObject* r = sim.api().rollouts().find("default", "web");
    QVERIFY(r != nullptr);
    QCOMPARE(r->phase, std::string("Healthy"));
    QCOMPARE(r->spec.podSpec.containers.front().image, std::string("shop/web:4.0"));
    QCOMPARE(runningPodsWithImage(sim, "shop/web:4.0"), 5);
    QCOMPARE(p.changeFailureRate, std::optional<double>(1.0 / 3.0));
}

void TestPipelines::jsonSummaryHasThePipelines() {
    const auto json = [](Scenario scenario) {
        Simulation sim(std::move(scenario));
        sim.runToEnd();
        std::ostringstream out;
        writeSummaryJson(sim.summary(), out);
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(out.str()), &error);
        if (error.error != QJsonParseError::NoError) {
            qWarning("%s", qPrintable(error.errorString()));
        }
        return doc.object();
    };
    const QJsonObject summary = json(loadScenarioFile("pipeline-three-versions.yaml"));
    const QJsonObject p = summary.value(QStringLiteral("pipelines")).toArray().at(0).toObject();
    QCOMPARE(p.value(QStringLiteral("target")).toString(), QStringLiteral("Rollout/web"));
    QCOMPARE(p.value(QStringLiteral("releasesFailed")).toInt(), 1);
    const QJsonArray runs = p.value(QStringLiteral("runList")).toArray();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(1).toObject().value(QStringLiteral("release")).toString(),
             QStringLiteral("failed"));
    const QJsonObject dora = p.value(QStringLiteral("dora")).toObject();
    QCOMPARE(dora.value(QStringLiteral("changeFailureRate")).toDouble(), 1.0 / 3.0);
    QCOMPARE(dora.value(QStringLiteral("deploymentsPerDay")).toDouble(), 9.6);
    // A scenario without pipelines keeps its summary as it was: no "pipelines" key.
    const QJsonObject plain = json(loadScenarioFile("canary-analysis-rollback.yaml"));
    QVERIFY(!plain.isEmpty());
    QVERIFY(!plain.contains(QStringLiteral("pipelines")));
}

void TestPipelines::deterministic() {
    const auto run = [](std::uint64_t seed) {
        Scenario scenario = loadScenarioFile("pipeline-three-versions.yaml");
        scenario.duration = SimTime::hours(1);
        Simulation sim(std::move(scenario), SimulationOptions{seed, {}});
        sim.runToEnd();
        std::string log;
        for (const ClusterEvent& e : sim.events()) {
            if (e.component == Component::Pipeline) {
                log += std::to_string(e.time.toMicroseconds()) + " " + describeEvent(e) + "\n";
            }
        }
        return std::make_pair(sim.fingerprintHex(), log);
    };
    const auto first = run(7);
    QVERIFY(run(7) == first);
    // Another seed draws other stage durations.
    QVERIFY(run(8).second != first.second);
}

QTEST_GUILESS_MAIN(TestPipelines)
#include "test_pipelines.moc"
