// MainWindow end to end on the offscreen platform: open, run, draw, chart, fail a node,
// reject a broken file, switch language. The simulation is driven through the same
// slices Play uses (runFor / advanceWallTime), never by waiting on a wall clock.

#include "chartwidget.h"
#include "clustercanvas.h"
#include "clusterscene.h"
#include "diagnosticsdialog.h"
#include "eventlogmodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "model/simulation.h"
#include "nodeitem.h"
#include "poditem.h"
#include "scenarioinfowidget.h"
#include "scenarioloader.h"
#include "schedulingdecisionwidget.h"
#include "simulationcontroller.h"

#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace std::chrono_literals;

namespace {

const QString helloCluster = QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");

double meanOfLast(const QCPGraph* graph, int count) {
    const int size = graph->dataCount();
    double sum = 0.0;
    int n = 0;
    for (int i = std::max(0, size - count); i < size; ++i) {
        sum += graph->data()->at(i)->value;
        ++n;
    }
    return n > 0 ? sum / n : 0.0;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void embeddedDefaultScenarioLoads();
    void runsDefaultScenario();
    void playTicksAdvanceByWallTimeTimesSpeed();
    void playButtonStartsTheTimer();
    void stepIsOneSimulatedSecond();
    void resetRebuildsTheSameRun();
    void brokenFileChangesNothing();
    void rightClickFailsNode();
    void switchesLanguage();
    void commandLineLanguageOptionIsChecked();
    void clickingPodShowsWhyThisNode();
    void showsHowTrafficIsSimulated();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a throwaway location
    QCoreApplication::setOrganizationName(QStringLiteral("cnsim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_studio_mainwindow"));
    QSettings().clear();
}

void TestMainWindow::init() {
    m_window = std::make_unique<MainWindow>();
    m_window->languageManager()->setLanguage(QStringLiteral("en"), false);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::embeddedDefaultScenarioLoads() {
    // The last fallback, so the studio starts even without a source tree or an install.
    const QStringList candidates = ScenarioLoader::defaultScenarioCandidates();
    QCOMPARE(candidates.last(), QStringLiteral(":/scenarios/hello-cluster.yaml"));
    QCOMPARE(candidates.first(), helloCluster);
    const cnsim::ScenarioLoadResult embedded = ScenarioLoader::load(candidates.last());
    QVERIFY(embedded.scenario);
    const cnsim::ScenarioLoadResult onDisk = ScenarioLoader::load(helloCluster);
    QVERIFY(onDisk.scenario);
    QVERIFY(*embedded.scenario == *onDisk.scenario);
    QVERIFY(m_window->openScenarioFile(candidates.last()));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Hello, cluster — cnsim Studio"));
}

void TestMainWindow::runsDefaultScenario() {
    QVERIFY(m_window->openDefaultScenario());
    QCOMPARE(QFileInfo(m_window->scenarioPath()).fileName(), QStringLiteral("hello-cluster.yaml"));
    m_window->runFor(cnsim::SimTime::seconds(60));
    const cnsim::Simulation* simulation = m_window->controller()->simulation();
    QCOMPARE(simulation->now(), cnsim::SimTime::seconds(60));

    // Every pod of the snapshot is drawn, inside its node's box.
    const cnsim::ClusterSnapshot snapshot = simulation->snapshot();
    QCOMPARE(snapshot.pods.size(), 4u);
    ClusterScene* scene = m_window->clusterScene();
    QCOMPARE(scene->podItems().size(), static_cast<qsizetype>(snapshot.pods.size()));
    for (const cnsim::PodState& pod : snapshot.pods) {
        QCOMPARE(pod.phase, cnsim::PodPhase::Running);
        PodItem* chip = scene->podItem(QString::fromStdString(pod.name));
        QVERIFY(chip);
        NodeItem* node = scene->nodeItem(QString::fromStdString(pod.node));
        QVERIFY(node);
        QVERIFY(node->sceneBoundingRect().contains(chip->sceneBoundingRect()));
    }
    QCOMPARE(scene->nodeItems().size(), 3);

    // The chart follows the first Service and Deployment, with sensible values: 120
    // requests/s arrive (Poisson) from 10 s on, and all four replicas run.
    ChartWidget* chart = m_window->chart();
    QCOMPARE(chart->service(), QStringLiteral("web"));
    QCOMPARE(chart->deployment(), QStringLiteral("web"));
    QVERIFY(chart->requestRateGraph()->dataCount() >= 55);
    const double rate = meanOfLast(chart->requestRateGraph(), 30);
    QVERIFY2(rate > 100.0 && rate < 140.0, qPrintable(QString::number(rate)));
    QVERIFY(chart->latencyGraph()->dataCount() > 0);
    const double latency = meanOfLast(chart->latencyGraph(), 30);
    QVERIFY2(latency >= 25.0 && latency < 1000.0, qPrintable(QString::number(latency)));
    QCOMPARE(meanOfLast(chart->runningPodsGraph(), 10), 4.0);

    // The event log holds every cluster event; the clock shows the simulated time.
    QCOMPARE(m_window->eventLogModel()->rowCount(), static_cast<int>(simulation->events().size()));
    QVERIFY(m_window->eventLogModel()->rowCount() >= 12); // 4 × created, scheduled, started
    QVERIFY(m_window->clockLabel()->text().startsWith(QStringLiteral("00:01:00")));
}

void TestMainWindow::playTicksAdvanceByWallTimeTimesSpeed() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    SimulationController* controller = m_window->controller();
    m_window->speedCombo()->setCurrentIndex(m_window->speedCombo()->findData(10.0));
    QCOMPARE(controller->speed(), 10.0);
    for (int tick = 0; tick < 10; ++tick) {
        controller->advanceWallTime(100ms);
    }
    QCOMPARE(controller->now(), cnsim::SimTime::seconds(10));
    QVERIFY(qAbs(controller->achievedSpeed() - 10.0) < 0.01);
    // A long stall is clamped: no jump of minutes after a modal dialog.
    controller->advanceWallTime(60'000ms);
    QCOMPARE(controller->now(),
             cnsim::SimTime::seconds(10) + cnsim::SimTime::milliseconds(250) * 10);
    // "Max" runs to the end in bounded ticks, then pauses and says so.
    m_window->speedCombo()->setCurrentIndex(m_window->speedCombo()->count() - 1);
    QCOMPARE(controller->speed(), SimulationController::MaxSpeed);
    controller->play();
    int ticks = 0;
    while (!controller->simulation()->finished() && ticks < 10'000) {
        controller->advanceWallTime(33ms);
        ++ticks;
    }
    QVERIFY(controller->simulation()->finished());
    QVERIFY(!controller->isPlaying());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("00:05:00")));
}

void TestMainWindow::playButtonStartsTheTimer() {
    // Only that Play is wired to the timer and Pause stops it; how far a tick goes is
    // checked deterministically above, never against the wall clock.
    QVERIFY(m_window->openScenarioFile(helloCluster));
    auto* play = m_window->findChild<QAction*>(QStringLiteral("playAction"));
    play->trigger();
    QVERIFY(m_window->controller()->isPlaying());
    QVERIFY(play->isChecked());
    QTRY_VERIFY(m_window->controller()->now() > cnsim::SimTime::zero());
    play->trigger();
    QVERIFY(!m_window->controller()->isPlaying());
    QVERIFY(!play->isChecked());
    QCOMPARE(m_window->clockLabel()->text().isEmpty(), false);
}

void TestMainWindow::stepIsOneSimulatedSecond() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
    QCOMPARE(m_window->controller()->now(), cnsim::SimTime::seconds(1));
    m_window->controller()->advanceWallTime(250ms); // 1× → 1.25 s
    m_window->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
    QCOMPARE(m_window->controller()->now(), cnsim::SimTime::seconds(2)); // to the next whole s
}

void TestMainWindow::resetRebuildsTheSameRun() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->runFor(cnsim::SimTime::seconds(30));
    const std::string first = m_window->controller()->simulation()->fingerprintHex();
    const int events = m_window->eventLogModel()->rowCount();
    m_window->findChild<QAction*>(QStringLiteral("resetAction"))->trigger();
    QCOMPARE(m_window->controller()->now(), cnsim::SimTime::zero());
    QVERIFY(m_window->eventLogModel()->rowCount() < events);
    QCOMPARE(m_window->chart()->requestRateGraph()->dataCount(), 0);
    m_window->runFor(cnsim::SimTime::seconds(30));
    // The GUI only reads: the same run gives the same fingerprint.
    QCOMPARE(m_window->controller()->simulation()->fingerprintHex(), first);
    QCOMPARE(m_window->eventLogModel()->rowCount(), events);
}

void TestMainWindow::brokenFileChangesNothing() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->runFor(cnsim::SimTime::seconds(5));
    const QString title = m_window->windowTitle();
    const qsizetype pods = m_window->clusterScene()->podItems().size();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: broken\n"
               "seed: 1\nduration: 5 minutes\ncluster:\n  nodez: []\n");
    file.close();

    QVERIFY(!m_window->openScenarioFile(broken));
    auto* dialog = m_window->findChild<DiagnosticsDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->diagnosticsText().contains(QStringLiteral("broken.yaml:6:")),
             qPrintable(dialog->diagnosticsText()));
    QVERIFY(dialog->summaryText().contains(QStringLiteral("Nothing was changed")));
    dialog->close();

    QCOMPARE(m_window->scenarioPath(), helloCluster);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->controller()->now(), cnsim::SimTime::seconds(5));
    QCOMPARE(m_window->clusterScene()->podItems().size(), pods);

    QVERIFY(!m_window->openScenarioFile(dir.filePath(QStringLiteral("missing.yaml"))));
    QCOMPARE(m_window->scenarioPath(), helloCluster);
}

void TestMainWindow::rightClickFailsNode() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->runFor(cnsim::SimTime::seconds(20));
    ClusterCanvas* canvas = m_window->clusterCanvas();
    NodeItem* node = m_window->clusterScene()->nodeItem(QStringLiteral("node-1"));
    QVERIFY(node && node->isReady());

    // A real right-click on the node's header, through the view and the scene.
    const QPoint pos = canvas->mapFromScene(node->sceneBoundingRect().topLeft() + QPointF(20, 10));
    QVERIFY(canvas->viewport()->rect().contains(pos));
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, canvas->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(canvas->viewport(), &event);
    auto* menu = canvas->findChild<QMenu*>(QStringLiteral("nodeMenu"));
    QVERIFY(menu);
    auto* recover = menu->findChild<QAction*>(QStringLiteral("recoverNodeAction"));
    QVERIFY(recover && !recover->isEnabled());
    auto* fail = menu->findChild<QAction*>(QStringLiteral("failNodeAction"));
    QVERIFY(fail && fail->isEnabled());
    fail->trigger();
    menu->close();

    // The canvas shows the crash straight away, from the simulation's own snapshot, while the
    // control plane still believes the node is Ready until the node-monitor grace period ends.
    QVERIFY(!node->isUp());
    QVERIFY(node->isReady());
    QVERIFY(node->statusText().contains(QStringLiteral("Down")));
    m_window->runFor(cnsim::SimTime::seconds(60));
    QVERIFY(!node->isReady());
    QVERIFY(node->statusText().contains(QStringLiteral("NotReady")));

    // Once the control plane has noticed, the node's pods no longer count as serving; the
    // other nodes' pods still do. (Eviction and replacement follow after 300 s.)
    int serving = 0;
    for (PodItem* pod : m_window->clusterScene()->podItems()) {
        QVERIFY(pod->state().node != "node-1" || pod->state().phase != cnsim::PodPhase::Running);
        serving += pod->state().phase == cnsim::PodPhase::Running ? 1 : 0;
    }
    QVERIFY(serving >= 2);

    // The menu now offers Recover: the machine boots, the kubelet reports again, and the
    // node is Ready at the node lifecycle controller's next check.
    QMenu* again = canvas->createNodeMenu(QStringLiteral("node-1"));
    again->findChild<QAction*>(QStringLiteral("recoverNodeAction"))->trigger();
    again->deleteLater();
    QVERIFY(node->isUp());
    m_window->runFor(cnsim::SimTime::seconds(15));
    QVERIFY(node->isReady());
}

void TestMainWindow::switchesLanguage() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Hello, cluster — cnsim Studio"));
    auto* fileMenu = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
    QCOMPARE(fileMenu->title(), QStringLiteral("&File"));

    // Through the View > Language menu, as a student would.
    m_window->findChild<QAction*>(QStringLiteral("language_zh_CN"))->trigger();
    QCOMPARE(m_window->languageManager()->language(), QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("文件(&F)"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("你好，集群 — cnsim Studio"));
    auto* viewMenu = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    QCOMPARE(viewMenu->title(), QStringLiteral("视图(&V)"));
    // The scenario's own Chinese text, with the folded YAML line break removed between
    // Chinese characters but kept between Chinese and Latin words.
    const QString description = m_window->scenarioInfo()->description();
    QVERIFY2(description.contains(QStringLiteral("请求以每秒 120 个的速度到达。观察调度器")),
             qPrintable(description));
    QVERIFY(description.contains(QStringLiteral("放置 Pod、Pod 如何")));
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("language_zh_CN"))->isChecked());
    m_window->runFor(cnsim::SimTime::seconds(15));
    // The replicaset controller's "Created pod" follows the deployment controller's scaling.
    QString message;
    for (int row = 0; row < m_window->eventLogModel()->rowCount(); ++row) {
        if (m_window->eventLogModel()->index(row, EventLogModel::ReasonColumn).data().toString() ==
            QLatin1String("SuccessfulCreate")) {
            message = m_window->eventLogModel()
                          ->index(row, EventLogModel::MessageColumn)
                          .data()
                          .toString();
            break;
        }
    }
    QVERIFY2(message.contains(QStringLiteral("创建")), qPrintable(message));

    m_window->findChild<QAction*>(QStringLiteral("language_en"))->trigger();
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Hello, cluster — cnsim Studio"));
}

void TestMainWindow::commandLineLanguageOptionIsChecked() {
    // --lang is applied without remembering it.
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
    QVERIFY(m_window->languageManager()->setLanguage(QStringLiteral("zh_CN"), false));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    QVERIFY(!m_window->languageManager()->setLanguage(QStringLiteral("fr"), false));
    QCOMPARE(m_window->languageManager()->language(), QStringLiteral("zh_CN"));
    m_window->languageManager()->setLanguage(QStringLiteral("en"), false);
}

void TestMainWindow::clickingPodShowsWhyThisNode() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->runFor(cnsim::SimTime::seconds(10));
    SchedulingDecisionWidget* why = m_window->schedulingDecisionWidget();
    QVERIFY(why->pod().isEmpty());
    QCOMPARE(why->table()->rowCount(), 0);

    // A real left click on a pod chip, through the view (which drags by hand elsewhere).
    ClusterCanvas* canvas = m_window->clusterCanvas();
    PodItem* pod = m_window->clusterScene()->podItems().front();
    const QString node = QString::fromStdString(pod->state().node);
    QVERIFY(!node.isEmpty());
    const QPoint pos = canvas->mapFromScene(pod->sceneBoundingRect().center());
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, pos);
    QVERIFY(pod->isSelected());

    QCOMPARE(why->pod(), pod->name());
    QVERIFY2(why->headline().endsWith(QStringLiteral("→ ") + node), qPrintable(why->headline()));
    QVERIFY2(why->explanation().startsWith(node), qPrintable(why->explanation()));
    // hello-cluster's three nodes all pass; the chosen one is highlighted and scores highest.
    QTableWidget* table = why->table();
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(why->chosenRow() >= 0);
    QVERIFY(table->item(why->chosenRow(), SchedulingDecisionWidget::NodeColumn)
                ->text()
                .startsWith(node));
    QVERIFY(table->item(why->chosenRow(), SchedulingDecisionWidget::NodeColumn)->font().bold());
    const int top = table->item(0, SchedulingDecisionWidget::TotalColumn)->text().toInt();
    QCOMPARE(table->item(why->chosenRow(), SchedulingDecisionWidget::TotalColumn)->text().toInt(),
             top);
    for (int row = 0; row < table->rowCount(); ++row) {
        QCOMPARE(table->item(row, SchedulingDecisionWidget::FilterColumn)->text(),
                 QStringLiteral("passed"));
    }

    // Clicking empty canvas clears the selection and the panel.
    m_window->clusterScene()->clearSelection();
    QVERIFY(why->pod().isEmpty());
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::showsHowTrafficIsSimulated() {
    QVERIFY(m_window->openScenarioFile(helloCluster));
    const ScenarioInfoWidget* info = m_window->scenarioInfo();
    QCOMPARE(info->trafficMode(), QStringLiteral("Traffic: per request — every request simulated"));
    QVERIFY(m_window->openScenarioFile(QStringLiteral(CNSIM_SCENARIO_DIR "/diurnal-day.yaml")));
    QVERIFY(info->trafficMode().startsWith(QStringLiteral("Traffic: aggregate")));
    const auto* label = info->findChild<QLabel*>(QStringLiteral("scenarioTrafficMode"));
    QVERIFY(label != nullptr && label->isVisible());
    QCOMPARE(label->text(), info->trafficMode());
    m_window->languageManager()->setLanguage(QStringLiteral("zh_CN"), false);
    QTRY_VERIFY(label->text().startsWith(QStringLiteral("流量：聚合")));
}

#include "test_mainwindow.moc"
