#pragma once

// MainWindow: cnsim Studio's first window — the cluster canvas in the middle, docks for
// the scenario, the metrics chart and the event log, and Play / Pause / Step / Speed /
// Reset in the toolbar.
//
// The window owns the SimulationController (the only owner of the Simulation) and the
// views; views never keep simulation state between ticks: on every advanced() the
// window reads one snapshot and hands it, the metrics and the event log to the views.
// Opening a file that does not load shows its diagnostics and changes nothing.

#include <QMainWindow>
#include <QPixmap>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "clustercanvas.h"
#include "engine/simtime.h"

namespace cnsim {
struct FaultSpec;
}

class AutoscalingWidget;
class ReleaseWidget;
class TraceWidget;
class ChartWidget;
class ClusterScene;
class ControlPlaneWidget;
class ServiceMapWidget;
class EventLogModel;
class EventLogWidget;
class KubectlConsole;
class LanguageManager;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QToolBar;
class ScenarioInfoWidget;
class SchedulingDecisionWidget;
class SimulationController;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Returns false, shows every diagnostic and keeps the current scenario when `path`
    // does not load.
    bool openScenarioFile(const QString& path);
    bool openDefaultScenario();
    QString scenarioPath() const { return m_scenarioPath; }

    // Runs `span` of simulated time through the same slices Play uses, then refreshes
    // the views; for tests and the screenshot mode.
    void runFor(cnsim::SimTime span);
    // The window as a student sees it, with the chart drawn now rather than queued.
    QPixmap screenshot();

    SimulationController* controller() const { return m_controller; }
    LanguageManager* languageManager() const { return m_languages; }
    ClusterScene* clusterScene() const { return m_scene; }
    ClusterCanvas* clusterCanvas() const { return m_canvas; }
    SchedulingDecisionWidget* schedulingDecisionWidget() const { return m_decision; }
    // Selects the pod `name` (or the first whose name starts with it) on the canvas, which
    // shows its scheduling decision. Returns false when there is no such pod.
    bool selectPod(const QString& name);
    ChartWidget* chart() const { return m_chart; }
    EventLogModel* eventLogModel() const { return m_eventModel; }
    EventLogWidget* eventLog() const { return m_eventLog; }
    ScenarioInfoWidget* scenarioInfo() const { return m_info; }
    QComboBox* speedCombo() const { return m_speedCombo; }
    QLabel* clockLabel() const { return m_clockLabel; }
    ControlPlaneWidget* controlPlane() const { return m_controlPlane; }
    ServiceMapWidget* serviceMap() const { return m_serviceMap; }
    AutoscalingWidget* autoscaling() const { return m_autoscaling; }
    ReleaseWidget* releases() const { return m_releases; }
    TraceWidget* traces() const { return m_traces; }
    // Simulation > Inject fault: zone, registry and control-plane outages and recoveries.
    QMenu* faultMenu() const { return m_faultMenu; }
    // Shows and raises the dock named `name` ("autoscaling", "controlplane", "chart",
    // "decision", "events", "kubectl", "scenario", "services"); false when there is none by
    // that name.
    bool raiseDock(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void retranslateUi();
    void updateWindowTitle();
    void updateClock();
    void updateActions();

    void chooseScenarioFile();
    void refreshViews();
    void onSimulationReplaced();
    void updateSchedulingDecision();
    void onPlayingChanged(bool playing);
    void onReachedEnd(cnsim::SimTime endTime);
    void onSpeedChosen(int index);
    void failNode(const QString& node);
    void recoverNode(const QString& node);
    void onNodeAction(const QString& node, ClusterCanvas::NodeAction action);
    void createFaultMenu();
    void populateZoneMenus();
    void injectFault(const cnsim::FaultSpec& fault, const QString& done);
    void onLanguageChanged(const QString& language);
    void showAbout();

    SimulationController* m_controller;
    LanguageManager* m_languages;
    ClusterScene* m_scene;
    ClusterCanvas* m_canvas;
    ChartWidget* m_chart;
    EventLogModel* m_eventModel;
    EventLogWidget* m_eventLog;
    ScenarioInfoWidget* m_info;
    QString m_scenarioPath;

    QDockWidget* m_infoDock = nullptr;
    QDockWidget* m_chartDock = nullptr;
    QDockWidget* m_eventDock = nullptr;
    KubectlConsole* m_console = nullptr;
    QDockWidget* m_consoleDock = nullptr;
    SchedulingDecisionWidget* m_decision = nullptr;
    QDockWidget* m_decisionDock = nullptr;
    ControlPlaneWidget* m_controlPlane = nullptr;
    QDockWidget* m_controlPlaneDock = nullptr;
    ServiceMapWidget* m_serviceMap = nullptr;
    QDockWidget* m_serviceMapDock = nullptr;
    AutoscalingWidget* m_autoscaling = nullptr;
    QDockWidget* m_autoscalingDock = nullptr;
    ReleaseWidget* m_releases = nullptr;
    QDockWidget* m_releasesDock = nullptr;
    TraceWidget* m_traces = nullptr;
    QDockWidget* m_tracesDock = nullptr;
    QMenu* m_faultMenu = nullptr;
    QMenu* m_zoneOutageMenu = nullptr;
    QMenu* m_zoneRecoverMenu = nullptr;
    QMenu* m_outageMenu = nullptr;
    QMenu* m_recoveryMenu = nullptr;
    QAction* m_registryOutageAction = nullptr;
    QAction* m_registryRecoverAction = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_simulationMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QLabel* m_speedLabel = nullptr;
    QComboBox* m_speedCombo = nullptr;
    QLabel* m_clockLabel = nullptr;
    QLabel* m_achievedLabel = nullptr;
    cnsim::SimTime m_endTime;
    bool m_ended = false;
    bool m_showingStartHint = false;
};
