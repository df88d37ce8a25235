// The "Releases" dock on the offscreen platform: for the canary scenario at the moment of the
// rollback it shows the aborted step, the failed AnalysisRun with its counts against the
// limits (read from the AnalysisRun object, not hard-coded), and the decision sentence naming
// the failed analysis and the version traffic went back to; the chart draws the canary weight
// and one error line per version; for the pipeline scenario it lists the pipeline's runs with
// their stages and outcomes. Each model passes QAbstractItemModelTester.
#include <QTest>

#ifndef Q_MOC_RUN
#include "analysisrunmodel.h"
#include "mainwindow.h"
#include "model/pipelinerunner.h"
#include "model/simulation.h"
#include "pipelinerunmodel.h"
#include "releasechart.h"
#include "releasewidget.h"
#include "rolloutstepmodel.h"
#include "simulationcontroller.h"
#endif

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <algorithm>
#include <qcustomplot.h>

namespace {

const QString canary = QStringLiteral(CNSIM_SCENARIO_DIR "/canary-analysis-rollback.yaml");
const QString pipeline = QStringLiteral(CNSIM_SCENARIO_DIR "/pipeline-three-versions.yaml");
const QString hello = QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");

// The first RolloutAborted event's time: the moment of the rollback.
cnsim::SimTime abortTime(const cnsim::Simulation& sim) {
    for (const cnsim::ClusterEvent& e : sim.events()) {
        if (e.reason == cnsim::EventReason::RolloutAborted) {
            return e.time;
        }
    }
    return cnsim::SimTime::zero();
}

// Opens `path` in a window of the screenshots' size with the Releases dock in front.
bool openAtReleases(MainWindow& window, const QString& path) {
    window.resize(1600, 1000);
    return window.openScenarioFile(path) && window.raiseDock(QStringLiteral("releases"));
}

} // namespace

class TestReleases : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void explainsTheRollbackOfTheCanary();
    void listsThePipelineRuns();
    void saysWhenThereIsNothingToShow();
};

void TestReleases::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestReleases::explainsTheRollbackOfTheCanary() {
    MainWindow window;
    QVERIFY(openAtReleases(window, canary));
    ReleaseWidget* panel = window.releases();
    QAbstractItemModelTester steps(panel->stepModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester runs(panel->analysisModel(),
                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Before the update: stable, nothing to decide.
    window.runFor(cnsim::SimTime::seconds(50));
    QVERIFY2(panel->decisionText().contains(QLatin1String("Stable")),
             qPrintable(panel->decisionText()));
    QCOMPARE(panel->stepModel()->rowCount(), 5);
    // Run past the abort, a few seconds so the canary is scaled away.
    window.runFor(cnsim::SimTime::minutes(3));
    const cnsim::Simulation& sim = *window.controller()->simulation();
    const cnsim::SimTime aborted = abortTime(sim);
    QVERIFY(aborted > cnsim::SimTime::zero());
    QVERIFY(sim.now() > aborted);

    // The analysis step is where it stopped.
    RolloutStepModel* stepModel = panel->stepModel();
    QCOMPARE(stepModel->state(0), RolloutStepModel::State::Done);
    QCOMPARE(stepModel->state(2), RolloutStepModel::State::Aborted);
    QCOMPARE(stepModel->state(3), RolloutStepModel::State::Waiting);
    QCOMPARE(stepModel->data(stepModel->index(2, RolloutStepModel::StepColumn)).toString(),
             QStringLiteral("analysis success-rate"));

    // The failed run, with the counts of the AnalysisRun object.
    AnalysisRunModel* runModel = panel->analysisModel();
    QCOMPARE(runModel->rowCount(), 1);
    const cnsim::AnalysisRunObject* run = nullptr;
    for (const auto& [key, r] : sim.api().analysisRuns()) {
        run = &r;
    }
    QVERIFY(run != nullptr);
    const cnsim::MetricCounters& c = run->metrics.front().counters;
    QCOMPARE(run->phase, cnsim::AnalysisPhase::Failed);
    QCOMPARE(runModel->data(runModel->index(0, AnalysisRunModel::PhaseColumn)).toString(),
             QStringLiteral("Failed"));
    QCOMPARE(runModel->data(runModel->index(0, AnalysisRunModel::FailedColumn)).toString(),
             QStringLiteral("%1 / 1").arg(c.failed));
    QCOMPARE(runModel->data(runModel->index(0, AnalysisRunModel::SuccessfulColumn)).toString(),
             QStringLiteral("%1 / 5").arg(c.successful));
    // Every measurement in the last value's tooltip, one a line.
    const QString measurements =
        runModel->data(runModel->index(0, AnalysisRunModel::LastValueColumn), Qt::ToolTipRole)
            .toString();
    QCOMPARE(measurements.count(QLatin1Char('\n')) + 1, c.count);
    QVERIFY2(measurements.endsWith(QLatin1String("Failed")), qPrintable(measurements));

    // The decision, with its reason and where traffic went.
    const QString decision = panel->decisionText();
    QVERIFY2(decision.contains(QStringLiteral("Analysis success-rate failed %1 of %2 measurements")
                                   .arg(c.failed)
                                   .arg(c.count)),
             qPrintable(decision));
    QVERIFY2(decision.contains(QLatin1String("it needed result >= 0.99")), qPrintable(decision));
    QVERIFY2(decision.contains(QLatin1String("all traffic is back on shop/api:1.0")),
             qPrintable(decision));
    QVERIFY2(panel->statusText().contains(QLatin1String("Canary 0 %")),
             qPrintable(panel->statusText()));
    QVERIFY2(panel->statusText().contains(QLatin1String("Degraded")),
             qPrintable(panel->statusText()));

    // The chart: the weight went to 20 and back to 0; version 2.0 has an error line.
    ReleaseChart* chart = panel->chart();
    QVERIFY(chart->weightGraph()->dataCount() > 100);
    double top = 0.0;
    for (auto it = chart->weightGraph()->data()->constBegin();
         it != chart->weightGraph()->data()->constEnd(); ++it) {
        top = std::max(top, it->value);
    }
    QCOMPARE(top, 20.0);
    QVERIFY(chart->errorGraph(QStringLiteral("2.0")) != nullptr);
    QVERIFY(chart->errorGraph(QStringLiteral("1.0")) != nullptr);
    QVERIFY(!panel->grab().isNull());
}

void TestReleases::listsThePipelineRuns() {
    MainWindow window;
    QVERIFY(openAtReleases(window, pipeline));
    ReleaseWidget* panel = window.releases();
    QAbstractItemModelTester tester(panel->pipelineModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.runFor(cnsim::SimTime::minutes(40));
    PipelineRunModel* model = panel->pipelineModel();
    QCOMPARE(model->rowCount(), 1);
    const cnsim::PipelineRun& run =
        window.controller()->simulation()->pipelines().pipelines().front().runs.front();
    QCOMPARE(model->data(model->index(0, PipelineRunModel::ImageColumn)).toString(),
             QStringLiteral("shop/web:2.0"));
    QCOMPARE(model->data(model->index(0, PipelineRunModel::StagesColumn)).toString(),
             PipelineRunModel::stagesText(run));
    QVERIFY(model->data(model->index(0, PipelineRunModel::StagesColumn))
                .toString()
                .startsWith(QStringLiteral("build ✓")));
    window.runFor(cnsim::SimTime::hours(4) + cnsim::SimTime::minutes(20));
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(model->data(model->index(1, PipelineRunModel::OutcomeColumn))
                .toString()
                .contains(QLatin1String("rolled back")));
    QVERIFY(model->data(model->index(2, PipelineRunModel::OutcomeColumn))
                .toString()
                .contains(QLatin1String("released at")));
    QVERIFY2(panel->decisionText().contains(QLatin1String("every pod runs shop/web:4.0")),
             qPrintable(panel->decisionText()));
}

void TestReleases::saysWhenThereIsNothingToShow() {
    MainWindow window;
    QVERIFY(window.openScenarioFile(hello));
    window.runFor(cnsim::SimTime::seconds(5));
    ReleaseWidget* panel = window.releases();
    QCOMPARE(panel->rolloutNames(), QStringList());
    QCOMPARE(panel->pipelineModel()->rowCount(), 0);
    QVERIFY(panel->decisionText().isEmpty());
}

QTEST_MAIN(TestReleases)
#include "test_releases.moc"
