// The control-plane dock and the fault menus on the offscreen platform: after the default
// scenario runs, kube-scheduler's box has lit up; a control-plane outage from Simulation >
// Inject Fault marks the scheduler down; the node menu offers the kubelet, partition,
// cordon and drain actions, and Cordon marks the node unschedulable in the API server.
#include <QTest>

#ifndef Q_MOC_RUN
#include "cluster/apiserver.h"
#include "clustercanvas.h"
#include "controlplanewidget.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "model/simulation.h"
#include "simulationcontroller.h"
#endif

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStandardPaths>
#include <memory>

namespace {
const QString helloCluster = QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");
} // namespace

class TestControlPlane : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void schedulerLightsUpAndGoesDown();
    void nodeMenuCordons();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestControlPlane::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cnsim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_studio_controlplane"));
}

void TestControlPlane::init() {
    m_window = std::make_unique<MainWindow>();
    m_window->languageManager()->setLanguage(QStringLiteral("en"), false);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openScenarioFile(helloCluster));
}

void TestControlPlane::cleanup() {
    m_window.reset();
}

void TestControlPlane::schedulerLightsUpAndGoesDown() {
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("controlPlaneDock"));
    QVERIFY(dock);
    QVERIFY(m_window->raiseDock(QStringLiteral("controlplane")));
    ControlPlaneWidget* cp = m_window->controlPlane();
    QVERIFY(!cp->lastActivity(cnsim::Component::Scheduler));

    m_window->runFor(cnsim::SimTime::seconds(30));
    const std::optional<cnsim::SimTime> scheduled = cp->lastActivity(cnsim::Component::Scheduler);
    QVERIFY(scheduled);
    QVERIFY(*scheduled <= m_window->controller()->now());
    QVERIFY(cp->lastActivity(cnsim::Component::Kubelet, QStringLiteral("node-1")));
    QVERIFY(!cp->isDown(cnsim::Component::Scheduler));
    QVERIFY(!cp->grab().isNull());

    auto* outage = m_window->faultMenu()->findChild<QAction*>(QStringLiteral("outage_scheduler"));
    QVERIFY(outage);
    outage->trigger();
    QVERIFY(!m_window->controller()->simulation()->schedulerUp());
    m_window->runFor(cnsim::SimTime::seconds(1));
    QVERIFY(cp->isDown(cnsim::Component::Scheduler));
    QVERIFY(!cp->isDown(cnsim::Component::ApiServer));

    m_window->faultMenu()->findChild<QAction*>(QStringLiteral("recover_scheduler"))->trigger();
    m_window->runFor(cnsim::SimTime::seconds(1));
    QVERIFY(!cp->isDown(cnsim::Component::Scheduler));

    // Resetting starts the diagram over.
    m_window->controller()->reset();
    QVERIFY(!cp->lastActivity(cnsim::Component::Scheduler));
}

void TestControlPlane::nodeMenuCordons() {
    m_window->runFor(cnsim::SimTime::seconds(10));
    QMenu* menu = m_window->clusterCanvas()->createNodeMenu(QStringLiteral("node-1"));
    for (const char* name : {"failNodeAction", "recoverNodeAction", "stopKubeletAction",
                             "startKubeletAction", "partitionNodeAction", "healPartitionAction",
                             "cordonNodeAction", "uncordonNodeAction", "drainNodeAction"}) {
        QVERIFY2(menu->findChild<QAction*>(QLatin1String(name)), name);
    }
    const cnsim::Simulation* simulation = m_window->controller()->simulation();
    const auto cordoned = [simulation] {
        const auto* node = simulation->api().nodes().find("", "node-1");
        return node != nullptr && node->unschedulable;
    };
    QVERIFY(simulation->api().nodes().find("", "node-1") != nullptr);
    QVERIFY(!cordoned());
    menu->findChild<QAction*>(QStringLiteral("cordonNodeAction"))->trigger();
    QVERIFY(cordoned());
    menu->deleteLater();

    QMenu* again = m_window->clusterCanvas()->createNodeMenu(QStringLiteral("node-1"));
    again->findChild<QAction*>(QStringLiteral("uncordonNodeAction"))->trigger();
    QVERIFY(!cordoned());
    again->findChild<QAction*>(QStringLiteral("stopKubeletAction"))->trigger();
    again->deleteLater();
    m_window->runFor(cnsim::SimTime::seconds(1));
}

QTEST_MAIN(TestControlPlane)
#include "test_controlplane.moc"
