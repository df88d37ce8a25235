// The "Autoscaling" dock on the offscreen platform: it lists the cluster's HPAs, shows the
// numbers of the HPA controller's latest sync (checked against Simulation::hpaDecision, not
// against hard-coded text), explains a missing CPU request, folds repeated outcomes in the
// decision log, and charts load, metric, replicas and latency by series name — with the cost
// plot appearing only once a cost series exists. Every explanation code has a translated
// sentence.
#include <QTest>

#ifndef Q_MOC_RUN
#include "autoscalingchart.h"
#include "autoscalingwidget.h"
#include "cadecisionlogmodel.h"
#include "explanationtext.h"
#include "hpadecisionlogmodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "metrics/metricsstore.h"
#include "model/simulation.h"
#include "nodegroupwidget.h"
#include "scenarioloader.h"
#include "simulationcontroller.h"
#endif

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QStandardPaths>
#include <QTreeView>
#include <algorithm>
#include <map>
#include <qcustomplot.h>
#include <variant>

namespace {

const QString trafficRamp = QStringLiteral(CNSIM_SCENARIO_DIR "/hpa-traffic-ramp.yaml");
const QString noCpuRequest = QStringLiteral(CNSIM_SCENARIO_DIR "/hpa-no-cpu-request.yaml");
const QString flashCrowd = QStringLiteral(CNSIM_SCENARIO_DIR "/flash-crowd-autoscaling.yaml");

cnsim::HpaDecisionRecord latest(const MainWindow& window, const std::string& hpa) {
    const std::optional<cnsim::HpaDecisionHistory> history =
        window.controller()->simulation()->hpaDecision(hpa);
    if (!history || history->records.empty()) {
        qFatal("no HPA decision for %s", hpa.c_str());
    }
    return history->records.back();
}

int dataCount(const AutoscalingChart* chart, const char* series) {
    const QCPGraph* graph = chart->graph(QString::fromLatin1(series));
    return graph == nullptr ? -1 : graph->dataCount();
}

} // namespace

class TestAutoscaling : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyExplanationCodeIsTranslated();
    void showsTheLatestSyncOfTheTrafficRamp();
    void logFoldsTheStabilizationHold();
    void explainsAMissingCpuRequest();
    void explainsTheMaxReplicasCap();
    void offersEveryHpaOfTheCluster();
    void saysWhenThereIsNoHpa();
    void chartDrawsTheSeriesThatExist();
    void nodeGroupsShowTheClusterAutoscalersScaleUp();
};

void TestAutoscaling::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestAutoscaling::everyExplanationCodeIsTranslated() {
    LanguageManager languages;
    const auto last = static_cast<int>(cnsim::ExplainCode::CaScaleUpTimedOut);
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    QStringList english;
    for (int code = 0; code <= last; ++code) {
        const cnsim::ExplainStep step{static_cast<cnsim::ExplainCode>(code), {}};
        english << ExplanationText::step(step);
        QVERIFY2(!english.back().trimmed().isEmpty(), cnsim::explainCodeName(step.code).data());
    }
    QVERIFY(languages.setLanguage(QStringLiteral("zh_CN"), false));
    for (int code = 0; code <= last; ++code) {
        const cnsim::ExplainStep step{static_cast<cnsim::ExplainCode>(code), {}};
        const QString chinese = ExplanationText::step(step);
        // A missing translation falls back to the English source text.
        QVERIFY2(!chinese.trimmed().isEmpty() && chinese != english[code],
                 cnsim::explainCodeName(step.code).data());
    }
    QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
}

void TestAutoscaling::showsTheLatestSyncOfTheTrafficRamp() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(trafficRamp));
    AutoscalingWidget* panel = window.autoscaling();
    QAbstractItemModelTester tester(panel->logModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.raiseDock(QStringLiteral("autoscaling")));

    // Mid-ramp: the 3:00 sync has just scaled the Deployment up.
    window.runFor(cnsim::SimTime::seconds(185));
    const cnsim::HpaDecisionRecord record = latest(window, "web");
    const cnsim::HpaDecision& d = record.decision;
    QVERIFY(d.rescale);
    QCOMPARE(panel->hpaNames(), QStringList{QStringLiteral("web")});

    QCOMPARE(d.metrics.size(), std::size_t{1});
    const cnsim::HpaMetricResult& cpu = d.metrics.front();
    QVERIFY(cpu.currentAverageUtilization.has_value());
    QCOMPARE(panel->metricsText(), QStringLiteral("CPU %1% / target %2%")
                                       .arg(*cpu.currentAverageUtilization)
                                       .arg(cpu.spec.averageUtilization));
    QCOMPARE(panel->replicasText(), QStringLiteral("%1 replicas now → %2 desired")
                                        .arg(d.currentReplicas)
                                        .arg(d.desiredReplicas));
    // Each condition as this sync left it (a later setCondition of a type replaces an earlier).
    std::map<cnsim::HpaConditionType, const cnsim::HpaCondition*> final;
    for (const cnsim::HpaCondition& c : d.conditions) {
        final[c.type] = &c;
    }
    const QStringList conditions = panel->conditionsText().split(u'\n');
    QCOMPARE(conditions.size(), static_cast<qsizetype>(final.size()));
    for (const auto& [type, c] : final) {
        const QString row =
            QStringLiteral("%1 %2 %3")
                .arg(QString::fromUtf8(
                         cnsim::hpaConditionTypeName(type).data(),
                         static_cast<qsizetype>(cnsim::hpaConditionTypeName(type).size())),
                     c->status ? QStringLiteral("True") : QStringLiteral("False"),
                     QString::fromStdString(c->reason));
        QVERIFY2(std::any_of(conditions.begin(), conditions.end(),
                             [&](const QString& line) { return line.startsWith(row); }),
                 qPrintable(row));
    }

    // One row per rescale so far, the last one this sync's, with the metric that drove it.
    const std::optional<cnsim::HpaDecisionHistory> history =
        window.controller()->simulation()->hpaDecision("web");
    int rescales = 0;
    for (const cnsim::HpaDecisionRecord& r : history->records) {
        rescales += r.decision.rescale ? 1 : 0;
    }
    HpaDecisionLogModel* log = panel->logModel();
    int scaledRows = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        scaledRows += log->entry(row).outcome == HpaDecisionLogModel::Outcome::ScaledUp ? 1 : 0;
    }
    QCOMPARE(scaledRows, rescales);
    const int last = log->rowCount() - 1;
    QCOMPARE(log->entry(last).first, record.time);
    QCOMPARE(log->index(last, HpaDecisionLogModel::ReplicasColumn).data().toString(),
             QStringLiteral("%1 → %2").arg(d.currentReplicas).arg(d.desiredReplicas));
    const cnsim::ExplainStep* utilization =
        d.explanation.find(cnsim::ExplainCode::HpaResourceUtilization);
    QVERIFY(utilization != nullptr);
    QCOMPARE(log->whatHappened(last), ExplanationText::brief(*utilization));

    // With nothing selected the detail lists every step of the latest sync.
    const QString detail = panel->detailText();
    for (const cnsim::ExplainStep& step : d.explanation.steps) {
        QVERIFY2(detail.contains(ExplanationText::step(step)),
                 qPrintable(ExplanationText::step(step)));
    }

    // Switching to Chinese re-renders what is already shown, without the simulation.
    const QString englishWhat = log->whatHappened(last);
    const QString englishMetrics = panel->metricsText();
    QVERIFY(window.languageManager()->setLanguage(QStringLiteral("zh_CN"), false));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY(log->whatHappened(last) != englishWhat);
    QCOMPARE(log->index(last, HpaDecisionLogModel::WhatColumn).data().toString(),
             log->whatHappened(last));
    QVERIFY(panel->metricsText() != englishMetrics);
    QVERIFY(!panel->metricsText().contains(QLatin1String("target")));
    QVERIFY(window.languageManager()->setLanguage(QStringLiteral("en"), false));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(panel->metricsText(), englishMetrics);
}

void TestAutoscaling::logFoldsTheStabilizationHold() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(trafficRamp));
    window.runFor(cnsim::SimTime::minutes(12));
    const cnsim::HpaDecisionRecord record = latest(window, "web");
    const cnsim::ExplainStep* held =
        record.decision.explanation.find(cnsim::ExplainCode::HpaStabilizedDown);
    QVERIFY(held != nullptr);

    // After the ramp every sync wants fewer pods and the window holds them: one row, not 15.
    HpaDecisionLogModel* log = window.autoscaling()->logModel();
    const HpaDecisionLogModel::Entry& e = log->entry(log->rowCount() - 1);
    QCOMPARE(e.outcome, HpaDecisionLogModel::Outcome::Held);
    QCOMPARE(e.last, record.time);
    QVERIFY2(e.syncs > 10, qPrintable(QString::number(e.syncs)));
    QCOMPARE(log->whatHappened(log->rowCount() - 1), ExplanationText::brief(*held));
    // The panel says what the metrics ask for, not just "as desired".
    QVERIFY(record.decision.metricsProposal < record.decision.currentReplicas);
    QCOMPARE(window.autoscaling()->replicasText(),
             QStringLiteral("%1 replicas; the metrics ask for %2")
                 .arg(record.decision.currentReplicas)
                 .arg(record.decision.metricsProposal));
}

void TestAutoscaling::explainsAMissingCpuRequest() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(noCpuRequest));
    window.runFor(cnsim::SimTime::seconds(90));
    const cnsim::HpaDecisionRecord record = latest(window, "api");
    QVERIFY(record.decision.metricsFailed);
    const cnsim::ExplainStep* error =
        record.decision.explanation.find(cnsim::ExplainCode::HpaMetricError);
    QVERIFY(error != nullptr);

    AutoscalingWidget* panel = window.autoscaling();
    HpaDecisionLogModel* log = panel->logModel();
    const int last = log->rowCount() - 1;
    QCOMPARE(log->entry(last).outcome, HpaDecisionLogModel::Outcome::Stuck);
    QCOMPARE(log->whatHappened(last), ExplanationText::brief(*error));
    // The student is told what is missing and, in the full sentence, what to set — not
    // upstream's error chain.
    QVERIFY2(log->whatHappened(last).startsWith(QLatin1String("No CPU request on the pods")),
             qPrintable(log->whatHappened(last)));
    QVERIFY(ExplanationText::step(*error).contains(QLatin1String("resources.requests.cpu")));
    QVERIFY(panel->detailText().contains(ExplanationText::step(*error)));
    QVERIFY(panel->metricsText().startsWith(QLatin1String("CPU unknown / target 50%")));
    QVERIFY(panel->conditionsText().contains(QLatin1String("ScalingActive False "
                                                           "FailedGetResourceMetric")));
}

void TestAutoscaling::explainsTheMaxReplicasCap() {
    // hpa-traffic-ramp with maxReplicas 6: from 3:45 the HPA wants more than it may have.
    cnsim::ScenarioLoadResult loaded = ScenarioLoader::load(trafficRamp);
    QVERIFY(loaded.scenario.has_value());
    for (cnsim::Manifest& manifest : loaded.scenario->workloads) {
        if (auto* h = std::get_if<cnsim::HorizontalPodAutoscalerSpec>(&manifest)) {
            h->maxReplicas = 6;
        }
    }
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    window.controller()->load(*loaded.scenario);
    window.runFor(cnsim::SimTime::seconds(230));
    const cnsim::HpaDecisionRecord record = latest(window, "web");
    const cnsim::ExplainStep* capped =
        record.decision.explanation.find(cnsim::ExplainCode::HpaLimited);
    QVERIFY(capped != nullptr);
    QVERIFY(!record.decision.rescale);

    HpaDecisionLogModel* log = window.autoscaling()->logModel();
    const int last = log->rowCount() - 1;
    QCOMPARE(log->entry(last).outcome, HpaDecisionLogModel::Outcome::Limited);
    const QString from =
        QString::fromStdString(cnsim::formatExplainValue(capped->param("from")->value));
    const QString to =
        QString::fromStdString(cnsim::formatExplainValue(capped->param("to")->value));
    QCOMPARE(log->whatHappened(last), ExplanationText::brief(*capped));
    QCOMPARE(log->whatHappened(last),
             QStringLiteral("Capped at maxReplicas %1 (wanted %2)").arg(to, from));
    QCOMPARE(ExplanationText::step(*capped),
             QStringLiteral("Wanted %1 replicas but capped at maxReplicas %2.").arg(from, to));
    QVERIFY(window.autoscaling()->conditionsText().contains(
        QLatin1String("ScalingLimited True TooManyReplicas: capped at maxReplicas")));
}

void TestAutoscaling::offersEveryHpaOfTheCluster() {
    // hpa-traffic-ramp plus a second Deployment "api" with its own HPA.
    cnsim::ScenarioLoadResult loaded = ScenarioLoader::load(trafficRamp);
    QVERIFY(loaded.scenario.has_value());
    cnsim::Scenario scenario = *loaded.scenario;
    std::vector<cnsim::Manifest> extra;
    for (const cnsim::Manifest& manifest : scenario.workloads) {
        if (const auto* d = std::get_if<cnsim::DeploymentSpec>(&manifest)) {
            cnsim::DeploymentSpec api = *d;
            api.name = "api";
            api.labels = api.selector = api.podLabels = {{"app", "api"}};
            extra.emplace_back(api);
        } else if (const auto* h = std::get_if<cnsim::HorizontalPodAutoscalerSpec>(&manifest)) {
            cnsim::HorizontalPodAutoscalerSpec api = *h;
            api.name = "api";
            api.scaleTargetRef.name = "api";
            extra.emplace_back(api);
        }
    }
    scenario.workloads.insert(scenario.workloads.end(), extra.begin(), extra.end());

    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    window.controller()->load(scenario);
    window.runFor(cnsim::SimTime::seconds(20));
    AutoscalingWidget* panel = window.autoscaling();
    QCOMPARE(panel->hpaNames(), (QStringList{QStringLiteral("api"), QStringLiteral("web")}));
    QVERIFY(!panel->hpaCombo()->isHidden());
    QVERIFY(panel->selectHpa(QStringLiteral("web")));
    QCOMPARE(panel->currentHpa(), QStringLiteral("web"));
    // Choosing shows that HPA at once, even while paused; its chart follows its Deployment.
    QVERIFY(panel->metricsText().contains(QLatin1String("target 60%")));
    QVERIFY(panel->chart()->graph(QStringLiteral("deployment/web/pods_running")) != nullptr);
    QVERIFY(panel->chart()->graph(QStringLiteral("deployment/api/pods_running")) == nullptr);
    QVERIFY(!panel->selectHpa(QStringLiteral("nope")));
}

void TestAutoscaling::saysWhenThereIsNoHpa() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openDefaultScenario());
    window.runFor(cnsim::SimTime::seconds(5));
    AutoscalingWidget* panel = window.autoscaling();
    QVERIFY(panel->hpaNames().isEmpty());
    // An empty log and four empty plots would only be clutter: the dock says why instead.
    QVERIFY(!panel->chart()->isVisibleTo(panel));
    QVERIFY(!panel->logView()->isVisibleTo(panel));
    QVERIFY(!panel->findChild<QLabel*>(QStringLiteral("hpaMetrics"))->isVisibleTo(panel));
}

void TestAutoscaling::chartDrawsTheSeriesThatExist() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(trafficRamp));
    window.runFor(cnsim::SimTime::seconds(120));
    const AutoscalingChart* chart = window.autoscaling()->chart();
    const cnsim::MetricsStore& metrics = window.controller()->simulation()->metrics();
    for (const char* series : {"service/web/request_rate", "hpa/web/cpu_utilization_current",
                               "hpa/web/cpu_utilization_target", "hpa/web/desired_replicas",
                               "deployment/web/pods_running", "service/web/latency_p95_ms"}) {
        const cnsim::TimeSeries* recorded = metrics.find(series);
        QVERIFY2(recorded != nullptr, series);
        QCOMPARE(dataCount(chart, series), static_cast<int>(recorded->values.size()));
    }
    // No cluster autoscaler in this run: no node-group line, no cost plot.
    QVERIFY(chart->axisRect(AutoscalingChart::Panel::Cost) == nullptr);
    QVERIFY(chart->axisRect(AutoscalingChart::Panel::Latency) != nullptr);

    // The cluster autoscaler's series, by name, once they exist.
    AutoscalingChart standalone;
    standalone.setTarget(QStringLiteral("web"), QStringLiteral("web"), QStringLiteral("web"));
    cnsim::MetricsStore store;
    standalone.sync(store, cnsim::SimTime::seconds(1));
    QVERIFY(standalone.axisRect(AutoscalingChart::Panel::Cost) == nullptr);
    const std::size_t perHour = store.indexOf("cost/cluster/dollars_per_hour", "$/h");
    const std::size_t spent = store.indexOf("cost/cluster/dollars", "$");
    const std::size_t nodes = store.indexOf("nodegroup/general/nodes", "nodes");
    for (int s = 1; s <= 3; ++s) {
        store.append(perHour, cnsim::SimTime::seconds(s), 0.4);
        store.append(spent, cnsim::SimTime::seconds(s), 0.4 * s / 3600.0);
        store.append(nodes, cnsim::SimTime::seconds(s), 3);
    }
    standalone.sync(store, cnsim::SimTime::seconds(3));
    QVERIFY(standalone.axisRect(AutoscalingChart::Panel::Cost) != nullptr);
    QCOMPARE(dataCount(&standalone, "cost/cluster/dollars_per_hour"), 3);
    QCOMPARE(dataCount(&standalone, "cost/cluster/dollars"), 3);
    QCOMPARE(dataCount(&standalone, "nodegroup/general/nodes"), 3);
    // Past an hour the shared time axis reads hours and minutes, on the bottom plot only.
    QCPAxis* time = standalone.axisRect(AutoscalingChart::Panel::Cost)->axis(QCPAxis::atBottom);
    QCOMPARE(time->label(), QStringLiteral("Simulated time (min:s)"));
    standalone.sync(store, cnsim::SimTime::hours(2));
    QCOMPARE(time->label(), QStringLiteral("Simulated time (h:min)"));
    QCOMPARE(time->ticker().dynamicCast<QCPAxisTickerTime>()->timeFormat(),
             QStringLiteral("%h:%m"));
    QVERIFY(standalone.axisRect(AutoscalingChart::Panel::Latency)
                ->axis(QCPAxis::atBottom)
                ->label()
                .isEmpty());
    QCOMPARE(standalone.graph(QStringLiteral("cost/cluster/dollars"))->valueAxis(),
             standalone.axisRect(AutoscalingChart::Panel::Cost)->axis(QCPAxis::atRight));
}

void TestAutoscaling::nodeGroupsShowTheClusterAutoscalersScaleUp() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(flashCrowd));
    // Mid-crowd: the burst group has grown and its machines are booting or joined.
    window.runFor(cnsim::SimTime::seconds(6 * 60 + 30));
    QVERIFY(window.raiseDock(QStringLiteral("nodegroups")));
    NodeGroupWidget* groups = window.autoscaling()->nodeGroups();
    QVERIFY(groups->hasGroups());
    QVERIFY(groups->isVisibleTo(window.autoscaling()));

    // The sizes are the run's, read from the series the cluster autoscaler records.
    const cnsim::Simulation& simulation = *window.controller()->simulation();
    const int nodes =
        static_cast<int>(simulation.metrics().find("nodegroup/burst/nodes")->values.back());
    const int target =
        static_cast<int>(simulation.metrics().find("nodegroup/burst/target_size")->values.back());
    QVERIFY(target > 0);
    const QString table = groups->groupsText();
    QCOMPARE(table, QStringLiteral("burst: min 0, nodes %1, booting %2, target %3, max 6, "
                                   "$0.192/h per node")
                        .arg(nodes)
                        .arg(target - nodes)
                        .arg(target));

    // The first row of the log is the first scale-up, with its group and sizes.
    const std::optional<cnsim::CaDecisionHistory> history = simulation.clusterAutoscalerDecisions();
    QVERIFY(history.has_value());
    const auto scaled = std::find_if(
        history->records.begin(), history->records.end(),
        [](const cnsim::CaDecisionRecord& r) { return r.scaleUp && r.scaleUp->scaledUp; });
    QVERIFY(scaled != history->records.end());
    CaDecisionLogModel* log = groups->logModel();
    QAbstractItemModelTester tester(log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(log->rowCount() >= 1);
    const CaDecisionLogModel::Entry& first = log->entry(0);
    QCOMPARE(first.outcome, CaDecisionLogModel::Outcome::ScaledUp);
    QCOMPARE(first.first, scaled->time);
    QCOMPARE(log->data(log->index(0, CaDecisionLogModel::NodesColumn)).toString(),
             QStringLiteral("burst: %1 → %2")
                 .arg(scaled->scaleUp->fromSize)
                 .arg(scaled->scaleUp->toSize));
    QVERIFY2(log->whatHappened(0).startsWith(
                 QStringLiteral("Room for %1 pending pod").arg(scaled->scaleUp->helpedPods.size())),
             qPrintable(log->whatHappened(0)));
    QVERIFY2(groups->scanText().startsWith(QLatin1String("Latest scan")),
             qPrintable(groups->scanText()));

    // Booting machines show as the dashed target line above the registered nodes, and the
    // cost plot exists.
    const AutoscalingChart* chart = window.autoscaling()->chart();
    QVERIFY(chart->isVisibleTo(window.autoscaling()));
    const QCPGraph* targetLine = chart->graph(QStringLiteral("nodegroup/burst/target_size"));
    QVERIFY(targetLine != nullptr);
    QCOMPARE(targetLine->pen().style(), Qt::DashLine);
    QCOMPARE(chart->graph(QStringLiteral("nodegroup/burst/nodes"))->pen().style(), Qt::SolidLine);
    QCOMPARE(targetLine->valueAxis(),
             chart->axisRect(AutoscalingChart::Panel::Nodes)->axis(QCPAxis::atLeft));
    QVERIFY(chart->axisRect(AutoscalingChart::Panel::Cost) != nullptr);
    QVERIFY(chart->graph(QStringLiteral("cost/cluster/dollars_per_hour"))->dataCount() > 0);
    // Cost is the bottom plot and labels the time axis; the nodes plot sits under the pods.
    QCPLayoutGrid* layout = chart->plot()->plotLayout();
    QCOMPARE(layout->element(layout->rowCount() - 1, 0),
             chart->axisRect(AutoscalingChart::Panel::Cost));
    QCOMPARE(layout->element(3, 0), chart->axisRect(AutoscalingChart::Panel::Nodes));
    QVERIFY(!chart->axisRect(AutoscalingChart::Panel::Cost)
                 ->axis(QCPAxis::atBottom)
                 ->label()
                 .isEmpty());
    // Fixed nodes are never the autoscaler's to remove: the scan does not list them.
    QVERIFY2(!groups->scanText().contains(QLatin1String("system-1")),
             qPrintable(groups->scanText()));
}

QTEST_MAIN(TestAutoscaling)
#include "test_autoscaling.moc"
