// The kubectl console dock on the offscreen platform: it is in the main window and the View
// menu, runs `kubectl get nodes` against the running simulation and shows kubectl's table,
// recalls history with Up/Down, completes with Tab, and acts on the cluster (scale).
#include "kubectlconsole.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "model/simulation.h"
#include "simulationcontroller.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>
#include <memory>

namespace {
const QString helloCluster = QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");
} // namespace

class TestKubectlConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dockIsInTheViewMenu();
    void getNodesShowsTheTable();
    void historyRecall();
    void tabCompletes();
    void scaleActsOnTheCluster();
    void errorsAreShown();

private:
    QLineEdit* input() const {
        return m_console->findChild<QLineEdit*>(QStringLiteral("kubectlInput"));
    }
    void type(const QString& line) {
        input()->setFocus();
        input()->clear();
        QTest::keyClicks(input(), line);
        QTest::keyClick(input(), Qt::Key_Return);
    }

    std::unique_ptr<MainWindow> m_window;
    KubectlConsole* m_console = nullptr;
};

void TestKubectlConsole::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cnsim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_studio_kubectlconsole"));
}

void TestKubectlConsole::init() {
    m_window = std::make_unique<MainWindow>();
    m_window->languageManager()->setLanguage(QStringLiteral("en"), false);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openScenarioFile(helloCluster));
    m_window->controller()->runFor(cnsim::SimTime::seconds(30));
    m_console = m_window->findChild<KubectlConsole*>(QStringLiteral("kubectlConsole"));
    QVERIFY(m_console != nullptr);
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("kubectlDock"));
    dock->show();
    dock->raise();
}

void TestKubectlConsole::cleanup() {
    m_window.reset();
}

void TestKubectlConsole::dockIsInTheViewMenu() {
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("kubectlDock"));
    QVERIFY(dock != nullptr);
    QCOMPARE(dock->windowTitle(), QStringLiteral("kubectl Console"));
    auto* view = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    QVERIFY(view != nullptr);
    QVERIFY(view->actions().contains(dock->toggleViewAction()));
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isHidden());
    dock->toggleViewAction()->trigger();
    QVERIFY(!dock->isHidden());
    // Monospace, so kubectl's columns line up.
    const auto* output = m_console->findChild<QPlainTextEdit*>(QStringLiteral("kubectlOutput"));
    QVERIFY(QFontInfo(output->font()).fixedPitch());
}

void TestKubectlConsole::getNodesShowsTheTable() {
    type(QStringLiteral("kubectl get nodes"));
    QCOMPARE(m_console->output(), QStringLiteral("$ kubectl get nodes\n"
                                                 "NAME     STATUS   ROLES    AGE   VERSION\n"
                                                 "node-1   Ready    <none>   30s   v1.34.0\n"
                                                 "node-2   Ready    <none>   30s   v1.34.0\n"
                                                 "node-3   Ready    <none>   30s   v1.34.0"));
    QVERIFY(input()->text().isEmpty());
}

void TestKubectlConsole::historyRecall() {
    type(QStringLiteral("kubectl get nodes"));
    type(QStringLiteral("get deploy"));
    QTest::keyClicks(input(), QStringLiteral("unfinished"));
    QTest::keyClick(input(), Qt::Key_Up);
    QCOMPARE(input()->text(), QStringLiteral("get deploy"));
    QTest::keyClick(input(), Qt::Key_Up);
    QCOMPARE(input()->text(), QStringLiteral("kubectl get nodes"));
    QTest::keyClick(input(), Qt::Key_Up); // stays at the oldest
    QCOMPARE(input()->text(), QStringLiteral("kubectl get nodes"));
    QTest::keyClick(input(), Qt::Key_Down);
    QCOMPARE(input()->text(), QStringLiteral("get deploy"));
    QTest::keyClick(input(), Qt::Key_Down); // back to what was being typed
    QCOMPARE(input()->text(), QStringLiteral("unfinished"));
    QCOMPARE(m_console->history(),
             (QStringList{QStringLiteral("kubectl get nodes"), QStringLiteral("get deploy")}));
    // A recalled line runs again.
    input()->clear();
    QTest::keyClick(input(), Qt::Key_Up);
    QTest::keyClick(input(), Qt::Key_Return);
    QVERIFY(
        m_console->output().endsWith(QLatin1String("web    4/4     4            4           30s")));
}

void TestKubectlConsole::tabCompletes() {
    input()->setFocus();
    QTest::keyClicks(input(), QStringLiteral("kubectl des"));
    QTest::keyClick(input(), Qt::Key_Tab);
    QCOMPARE(input()->text(), QStringLiteral("kubectl describe "));
    QVERIFY(input()->hasFocus()); // Tab did not move the focus
    QTest::keyClicks(input(), QStringLiteral("nod"));
    QTest::keyClick(input(), Qt::Key_Tab);
    QCOMPARE(input()->text(), QStringLiteral("kubectl describe nodes "));
    input()->setText(QStringLiteral("kubectl cordon node-"));
    QTest::keyClick(input(), Qt::Key_Tab); // three nodes: nothing to add, list them
    QCOMPARE(input()->text(), QStringLiteral("kubectl cordon node-"));
    QVERIFY(m_console->output().endsWith(QLatin1String("node-1  node-2  node-3")));
    QTest::keyClicks(input(), QStringLiteral("2"));
    QTest::keyClick(input(), Qt::Key_Tab);
    QCOMPARE(input()->text(), QStringLiteral("kubectl cordon node-2 "));
}

void TestKubectlConsole::scaleActsOnTheCluster() {
    type(QStringLiteral("kubectl scale deployment/web --replicas=6"));
    QVERIFY(m_console->output().endsWith(QLatin1String("deployment.apps/web scaled")));
    m_window->controller()->runFor(cnsim::SimTime::seconds(30));
    m_console->clearOutput();
    type(QStringLiteral("kubectl get deploy web --no-headers"));
    QCOMPARE(m_console->output(), QStringLiteral("$ kubectl get deploy web --no-headers\n"
                                                 "web   6/6   6     6     60s"));
}

void TestKubectlConsole::errorsAreShown() {
    type(QStringLiteral("kubectl foo"));
    QVERIFY(m_console->output().endsWith(
        QLatin1String("error: unknown command \"foo\" for \"kubectl\"")));
    type(QStringLiteral("clear"));
    QCOMPARE(m_console->output(), QString());
}

QTEST_MAIN(TestKubectlConsole)
#include "test_kubectlconsole.moc"
