#include "mainwindow.h"

#include "autoscalingwidget.h"
#include "chartwidget.h"
#include "clustercanvas.h"
#include "clusterscene.h"
#include "controlplanewidget.h"
#include "diagnosticsdialog.h"
#include "eventlogmodel.h"
#include "eventlogwidget.h"
#include "eventtext.h"
#include "kubectlconsole.h"
#include "languagemanager.h"
#include "model/simulation.h"
#include "poditem.h"
#include "releasewidget.h"
#include "scenarioinfowidget.h"
#include "scenarioloader.h"
#include "schedulingdecisionwidget.h"
#include "servicemapwidget.h"
#include "simulationcontroller.h"
#include "tracewidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <array>
#include <qcustomplot.h>
#include <set>

namespace {

// Speeds offered in the toolbar; MaxSpeed means "as fast as the event budget allows".
constexpr std::array<double, 8> speeds = {1.0,  2.0,  5.0,   10.0,
                                          25.0, 50.0, 100.0, SimulationController::MaxSpeed};

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_controller(new SimulationController(this)),
      m_languages(new LanguageManager(this)), m_scene(new ClusterScene(this)),
      m_canvas(new ClusterCanvas(m_scene, this)), m_chart(new ChartWidget),
      m_eventModel(new EventLogModel(this)), m_eventLog(new EventLogWidget(m_eventModel)),
      m_info(new ScenarioInfoWidget) {
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_canvas);
    createActions();
    createMenus();
    createToolBar();
    createDocks();
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    connect(m_controller, &SimulationController::advanced, this, &MainWindow::refreshViews);
    connect(m_controller, &SimulationController::simulationReplaced, this,
            &MainWindow::onSimulationReplaced);
    connect(m_controller, &SimulationController::playingChanged, this,
            &MainWindow::onPlayingChanged);
    connect(m_controller, &SimulationController::reachedEnd, this, &MainWindow::onReachedEnd);
    connect(m_canvas, &ClusterCanvas::failNodeRequested, this, &MainWindow::failNode);
    connect(m_canvas, &ClusterCanvas::recoverNodeRequested, this, &MainWindow::recoverNode);
    connect(m_canvas, &ClusterCanvas::nodeActionRequested, this, &MainWindow::onNodeAction);
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::onLanguageChanged);

    retranslateUi();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QStyle* s = style();
    m_openAction = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseScenarioFile);

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_playAction = new QAction(s->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    m_playAction->setObjectName(QStringLiteral("playAction"));
    m_playAction->setCheckable(true);
    m_playAction->setShortcut(Qt::Key_Space);
    connect(m_playAction, &QAction::toggled, m_controller, &SimulationController::setPlaying);

    m_stepAction = new QAction(s->standardIcon(QStyle::SP_MediaSkipForward), QString(), this);
    m_stepAction->setObjectName(QStringLiteral("stepAction"));
    m_stepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    connect(m_stepAction, &QAction::triggered, m_controller, &SimulationController::step);

    m_resetAction = new QAction(s->standardIcon(QStyle::SP_BrowserReload), QString(), this);
    m_resetAction->setObjectName(QStringLiteral("resetAction"));
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_resetAction, &QAction::triggered, m_controller, &SimulationController::reset);

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString& language : LanguageManager::availableLanguages()) {
        // Each language in its own words, so a student can always find theirs.
        QAction* action = m_languageGroup->addAction(LanguageManager::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        action->setObjectName(QStringLiteral("language_") + language);
        connect(action, &QAction::triggered, this,
                [this, language] { m_languages->setLanguage(language); });
    }
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_simulationMenu = menuBar()->addMenu(QString());
    m_simulationMenu->setObjectName(QStringLiteral("simulationMenu"));
    m_simulationMenu->addAction(m_playAction);
    m_simulationMenu->addAction(m_stepAction);
    m_simulationMenu->addAction(m_resetAction);
    m_simulationMenu->addSeparator();
    createFaultMenu();
    m_simulationMenu->addMenu(m_faultMenu);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_languageMenu = new QMenu(this);
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addActions(m_languageGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar() {
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("simulationToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_playAction);
    m_toolBar->addAction(m_stepAction);
    m_toolBar->addAction(m_resetAction);
    m_toolBar->addSeparator();

    m_speedLabel = new QLabel(m_toolBar);
    m_speedCombo = new QComboBox(m_toolBar);
    m_speedCombo->setObjectName(QStringLiteral("speedCombo"));
    for (const double speed : speeds) {
        m_speedCombo->addItem(QString(), speed);
    }
    m_speedLabel->setBuddy(m_speedCombo);
    m_speedLabel->setContentsMargins(6, 0, 4, 0);
    m_toolBar->addWidget(m_speedLabel);
    m_toolBar->addWidget(m_speedCombo);
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onSpeedChosen);

    m_toolBar->addSeparator();
    m_clockLabel = new QLabel(m_toolBar);
    m_clockLabel->setObjectName(QStringLiteral("clockLabel"));
    QFont clockFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.25);
    clockFont.setBold(true);
    m_clockLabel->setFont(clockFont);
    m_clockLabel->setContentsMargins(8, 0, 8, 0);
    m_toolBar->addWidget(m_clockLabel);
    m_achievedLabel = new QLabel(m_toolBar);
    m_achievedLabel->setObjectName(QStringLiteral("achievedSpeedLabel"));
    m_toolBar->addWidget(m_achievedLabel);
}

void MainWindow::createDocks() {
    // The chart and scenario go right (full height); the event log sits under the canvas.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);

    m_infoDock = new QDockWidget(this);
    m_infoDock->setObjectName(QStringLiteral("scenarioDock"));
    m_infoDock->setWidget(m_info);
    addDockWidget(Qt::RightDockWidgetArea, m_infoDock);

    m_chartDock = new QDockWidget(this);
    m_chartDock->setObjectName(QStringLiteral("chartDock"));
    m_chartDock->setWidget(m_chart);
    addDockWidget(Qt::RightDockWidgetArea, m_chartDock);

    m_eventDock = new QDockWidget(this);
    m_eventDock->setObjectName(QStringLiteral("eventDock"));
    m_eventDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventDock);

    // The kubectl console shares the bottom area with the event log, as a tab.
    m_console = new KubectlConsole(m_controller, this);
    m_consoleDock = new QDockWidget(this);
    m_consoleDock->setObjectName(QStringLiteral("kubectlDock"));
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    tabifyDockWidget(m_eventDock, m_consoleDock);
    m_eventDock->raise();

    // "Why this node?" shares the right area with the chart, as a tab raised on selection.
    m_decision = new SchedulingDecisionWidget(this);
    m_decisionDock = new QDockWidget(this);
    m_decisionDock->setObjectName(QStringLiteral("schedulingDecisionDock"));
    m_decisionDock->setWidget(m_decision);
    addDockWidget(Qt::RightDockWidgetArea, m_decisionDock);
    tabifyDockWidget(m_chartDock, m_decisionDock);
    m_chartDock->raise();
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        updateSchedulingDecision();
        if (!m_decision->pod().isEmpty()) {
            m_decisionDock->raise();
        }
    });

    // The control-plane diagram is another tab beside the chart.
    m_controlPlane = new ControlPlaneWidget(this);
    m_controlPlaneDock = new QDockWidget(this);
    m_controlPlaneDock->setObjectName(QStringLiteral("controlPlaneDock"));
    m_controlPlaneDock->setWidget(m_controlPlane);
    addDockWidget(Qt::RightDockWidgetArea, m_controlPlaneDock);
    tabifyDockWidget(m_chartDock, m_controlPlaneDock);

    // The service map is another tab; clicking a Service charts it.
    m_serviceMap = new ServiceMapWidget(this);
    m_serviceMapDock = new QDockWidget(this);
    m_serviceMapDock->setObjectName(QStringLiteral("serviceMapDock"));
    m_serviceMapDock->setWidget(m_serviceMap);
    addDockWidget(Qt::RightDockWidgetArea, m_serviceMapDock);
    tabifyDockWidget(m_chartDock, m_serviceMapDock);
    connect(m_serviceMap, &ServiceMapWidget::serviceActivated, this, [this](const QString& name) {
        if (m_chart->selectService(name)) {
            m_chartDock->raise();
        }
    });

    // The HPA panel and its chart are another tab.
    m_autoscaling = new AutoscalingWidget(this);
    m_autoscalingDock = new QDockWidget(this);
    m_autoscalingDock->setObjectName(QStringLiteral("autoscalingDock"));
    m_autoscalingDock->setWidget(m_autoscaling);
    addDockWidget(Qt::RightDockWidgetArea, m_autoscalingDock);
    tabifyDockWidget(m_chartDock, m_autoscalingDock);
    connect(m_autoscaling, &AutoscalingWidget::hpaChosen, this, [this] {
        if (const cnsim::Simulation* simulation = m_controller->simulation()) {
            m_autoscaling->sync(*simulation);
        }
    });

    // Rollouts, their analysis and the CI/CD pipeline runs: another tab.
    m_releases = new ReleaseWidget(this);
    m_releasesDock = new QDockWidget(this);
    m_releasesDock->setObjectName(QStringLiteral("releasesDock"));
    m_releasesDock->setWidget(m_releases);
    addDockWidget(Qt::RightDockWidgetArea, m_releasesDock);
    tabifyDockWidget(m_chartDock, m_releasesDock);

    // Sampled request traces and their waterfall: another tab.
    m_traces = new TraceWidget(this);
    m_tracesDock = new QDockWidget(this);
    m_tracesDock->setObjectName(QStringLiteral("tracesDock"));
    m_tracesDock->setWidget(m_traces);
    addDockWidget(Qt::RightDockWidgetArea, m_tracesDock);
    tabifyDockWidget(m_chartDock, m_tracesDock);
    // A clicked span selects its pod on the canvas; the waterfall stays in front (selection
    // would otherwise raise "Why this node?").
    connect(m_traces, &TraceWidget::podClicked, this, [this](const QString& pod) {
        if (selectPod(pod)) {
            m_tracesDock->raise();
        }
    });
    m_chartDock->raise();

    resizeDocks({m_infoDock, m_chartDock}, {140, 640}, Qt::Vertical);
    resizeDocks({m_chartDock}, {520}, Qt::Horizontal);
    resizeDocks({m_eventDock}, {260}, Qt::Vertical);

    m_viewMenu->addAction(m_infoDock->toggleViewAction());
    m_viewMenu->addAction(m_chartDock->toggleViewAction());
    m_viewMenu->addAction(m_eventDock->toggleViewAction());
    m_viewMenu->addAction(m_consoleDock->toggleViewAction());
    m_viewMenu->addAction(m_decisionDock->toggleViewAction());
    m_viewMenu->addAction(m_controlPlaneDock->toggleViewAction());
    m_viewMenu->addAction(m_serviceMapDock->toggleViewAction());
    m_viewMenu->addAction(m_autoscalingDock->toggleViewAction());
    m_viewMenu->addAction(m_releasesDock->toggleViewAction());
    m_viewMenu->addAction(m_tracesDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_languageMenu);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi() {
    m_fileMenu->setTitle(tr("&File"));
    m_simulationMenu->setTitle(tr("&Simulation"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));

    m_openAction->setText(tr("&Open Scenario…"));
    m_openAction->setToolTip(tr("Open a scenario file (YAML)"));
    m_quitAction->setText(tr("&Quit"));
    m_stepAction->setText(tr("S&tep"));
    m_stepAction->setToolTip(tr("Pause and advance the simulation by one simulated second"));
    m_resetAction->setText(tr("&Reset"));
    m_resetAction->setToolTip(tr("Start this scenario again from time zero"));
    m_aboutAction->setText(tr("&About cnsim Studio"));
    onPlayingChanged(m_controller->isPlaying());

    m_toolBar->setWindowTitle(tr("Simulation"));
    m_speedLabel->setText(tr("S&peed:"));
    m_speedCombo->setToolTip(tr("Simulated seconds per real second"));
    for (int i = 0; i < m_speedCombo->count(); ++i) {
        const double speed = m_speedCombo->itemData(i).toDouble();
        m_speedCombo->setItemText(i, speed == SimulationController::MaxSpeed
                                         ? tr("Max")
                                         : tr("%1×", "playback speed").arg(speed));
    }

    m_infoDock->setWindowTitle(tr("Scenario"));
    m_chartDock->setWindowTitle(tr("Metrics"));
    m_eventDock->setWindowTitle(tr("Events"));
    m_consoleDock->setWindowTitle(tr("kubectl Console"));
    m_decisionDock->setWindowTitle(tr("Why this node?"));
    m_controlPlaneDock->setWindowTitle(tr("Control plane"));
    m_serviceMapDock->setWindowTitle(tr("Services"));
    m_autoscalingDock->setWindowTitle(tr("Autoscaling"));
    m_releasesDock->setWindowTitle(tr("Releases"));
    m_tracesDock->setWindowTitle(tr("Traces"));
    m_faultMenu->setTitle(tr("&Inject Fault"));
    m_zoneOutageMenu->setTitle(tr("&Zone outage"));
    m_zoneRecoverMenu->setTitle(tr("Zone &recovered"));
    m_registryOutageAction->setText(tr("Re&gistry outage"));
    m_registryOutageAction->setToolTip(tr("Image pulls fail and back off."));
    m_registryRecoverAction->setText(tr("Registry recovered"));
    m_outageMenu->setTitle(tr("&Control-plane outage"));
    m_recoveryMenu->setTitle(tr("Control-plane r&ecovery"));
    m_eventModel->retranslate();
    updateWindowTitle();
    updateClock();
    if (m_ended) {
        onReachedEnd(m_endTime);
    }
}

void MainWindow::updateWindowTitle() {
    const QString title = m_info->title();
    setWindowTitle(m_scenarioPath.isEmpty() ? tr("cnsim Studio")
                                            : tr("%1 — cnsim Studio").arg(title));
}

void MainWindow::updateClock() {
    const cnsim::Simulation* simulation = m_controller->simulation();
    if (!simulation) {
        m_clockLabel->setText(EventText::clock(cnsim::SimTime::zero()));
        m_achievedLabel->clear();
        return;
    }
    m_clockLabel->setText(
        tr("%1 / %2", "simulated time now / end")
            .arg(EventText::clock(simulation->now()), EventText::clock(simulation->endTime())));
    m_clockLabel->setToolTip(tr("Simulated time now / end of the scenario"));
    if (m_controller->isPlaying()) {
        QString text = tr("running at %1×").arg(m_controller->achievedSpeed(), 0, 'f', 1);
        if (m_controller->isLagging()) {
            text = tr("%1 (lagging: too much work per second)").arg(text);
        }
        m_achievedLabel->setText(text);
    } else {
        m_achievedLabel->setText(tr("paused"));
    }
}

void MainWindow::updateActions() {
    const bool open = m_controller->hasSimulation();
    const bool finished = open && m_controller->simulation()->finished();
    m_playAction->setEnabled(open && !finished);
    m_stepAction->setEnabled(open && !finished);
    m_resetAction->setEnabled(open);
}

bool MainWindow::openScenarioFile(const QString& path) {
    cnsim::ScenarioLoadResult result = ScenarioLoader::load(path);
    if (!result.scenario) {
        auto* dialog = new DiagnosticsDialog(path, result.diagnostics, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), 10'000);
        return false;
    }
    m_chart->clear();
    m_chart->setScenario(*result.scenario);
    m_serviceMap->setScenario(*result.scenario);
    m_scenarioPath = path;
    m_info->setScenario(*result.scenario, path);
    m_controller->load(std::move(*result.scenario));
    updateWindowTitle();
    const int warnings = static_cast<int>(result.diagnostics.size());
    if (warnings > 0) {
        statusBar()->showMessage(
            tr("Opened %1 with %n warning(s)", nullptr, warnings).arg(QFileInfo(path).fileName()));
    } else {
        statusBar()->showMessage(
            tr("Opened %1. Press Play to start.").arg(QFileInfo(path).fileName()), 10'000);
        m_showingStartHint = true;
    }
    return true;
}

bool MainWindow::openDefaultScenario() {
    return openScenarioFile(ScenarioLoader::defaultScenarioPath());
}

void MainWindow::chooseScenarioFile() {
    const QString start = m_scenarioPath.startsWith(QLatin1String(":/")) || m_scenarioPath.isEmpty()
                              ? QFileInfo(ScenarioLoader::defaultScenarioPath()).absolutePath()
                              : QFileInfo(m_scenarioPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Scenario"), start, tr("Scenario files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) {
        openScenarioFile(path);
    }
}

void MainWindow::runFor(cnsim::SimTime span) {
    m_controller->runFor(span);
}

QPixmap MainWindow::screenshot() {
    m_canvas->fitCluster();
    m_chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    return grab();
}

void MainWindow::refreshViews() {
    const cnsim::Simulation* simulation = m_controller->simulation();
    if (!simulation) {
        return;
    }
    m_scene->setSnapshot(simulation->snapshot());
    m_chart->sync(simulation->metrics(), simulation->now());
    m_eventModel->sync(simulation->events());
    m_controlPlane->sync(*simulation);
    m_serviceMap->sync(*simulation);
    m_autoscaling->sync(*simulation);
    m_releases->sync(*simulation);
    m_traces->sync(*simulation);
    updateSchedulingDecision();
    updateClock();
    if (m_showingStartHint && simulation->now() > cnsim::SimTime::zero()) {
        // "Press Play to start" is wrong once it has started.
        m_showingStartHint = false;
        statusBar()->clearMessage();
    }
}

void MainWindow::updateSchedulingDecision() {
    const cnsim::Simulation* simulation = m_controller->simulation();
    const QList<QGraphicsItem*> selected = m_scene->selectedItems();
    const PodItem* pod = selected.isEmpty() || selected.front()->type() != PodItem::Type
                             ? nullptr
                             : static_cast<const PodItem*>(selected.front());
    if (simulation == nullptr || pod == nullptr) {
        m_decision->showDecision(QString(), std::nullopt);
        return;
    }
    m_decision->showDecision(pod->name(), simulation->schedulingDecision(pod->name().toStdString()),
                             !pod->state().node.empty());
}

bool MainWindow::selectPod(const QString& name) {
    PodItem* found = m_scene->podItem(name);
    if (found == nullptr) {
        for (PodItem* item : m_scene->podItems()) {
            if (item->name().startsWith(name) &&
                (found == nullptr || item->name() < found->name())) {
                found = item;
            }
        }
    }
    if (found == nullptr) {
        return false;
    }
    m_scene->clearSelection();
    found->setSelected(true);
    return true;
}

void MainWindow::onSimulationReplaced() {
    m_scene->clearCluster();
    m_eventModel->clear();
    m_controlPlane->clear();
    m_serviceMap->clear();
    m_autoscaling->clear();
    m_releases->clear();
    m_traces->clear();
    m_chart->clear();
    m_ended = false;
    m_showingStartHint = false;
    statusBar()->clearMessage();
    updateActions();
}

void MainWindow::onPlayingChanged(bool playing) {
    const QSignalBlocker blocker(m_playAction);
    m_playAction->setChecked(playing);
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setToolTip(playing ? tr("Pause the simulation (Space)")
                                     : tr("Run the simulation (Space)"));
    updateClock();
}

void MainWindow::onReachedEnd(cnsim::SimTime endTime) {
    m_ended = true;
    m_endTime = endTime;
    statusBar()->showMessage(tr("The simulation reached its end at %1. Press Reset to run it "
                                "again.")
                                 .arg(EventText::clock(endTime)));
    updateActions();
}

void MainWindow::onSpeedChosen(int index) {
    if (index >= 0) {
        m_controller->setSpeed(m_speedCombo->itemData(index).toDouble());
    }
}

void MainWindow::failNode(const QString& node) {
    const cnsim::ActionResult result =
        m_controller->apply(cnsim::FailNodeAction{node.toStdString()});
    statusBar()->showMessage(
        result.ok
            ? tr("Node %1 failed: its pods are lost and will be recreated elsewhere.").arg(node)
            : tr("Could not fail node %1: %2").arg(node, QString::fromStdString(result.message)),
        10'000);
}

void MainWindow::recoverNode(const QString& node) {
    const cnsim::ActionResult result =
        m_controller->apply(cnsim::RecoverNodeAction{node.toStdString()});
    statusBar()->showMessage(
        result.ok
            ? tr("Node %1 recovered: new pods may be scheduled on "
                 "it.")
                  .arg(node)
            : tr("Could not recover node %1: %2").arg(node, QString::fromStdString(result.message)),
        10'000);
}

void MainWindow::onNodeAction(const QString& node, ClusterCanvas::NodeAction action) {
    using NodeAction = ClusterCanvas::NodeAction;
    const std::string name = node.toStdString();
    const auto fault = [&](cnsim::FaultType type) {
        cnsim::FaultSpec spec;
        spec.at = m_controller->now();
        spec.type = type;
        spec.node = name;
        return cnsim::Action(cnsim::InjectFaultAction{spec});
    };
    cnsim::Action request;
    QString done;
    switch (action) {
    case NodeAction::StopKubelet:
        request = fault(cnsim::FaultType::StopKubelet);
        done = tr("The kubelet on %1 stopped: its containers keep running, but it no longer "
                  "reports to the API server.")
                   .arg(node);
        break;
    case NodeAction::StartKubelet:
        request = fault(cnsim::FaultType::StartKubelet);
        done = tr("The kubelet on %1 started again.").arg(node);
        break;
    case NodeAction::Partition:
        request = fault(cnsim::FaultType::PartitionNode);
        done = tr("Node %1 is cut off from the control plane.").arg(node);
        break;
    case NodeAction::HealPartition:
        request = fault(cnsim::FaultType::HealPartition);
        done = tr("Node %1 is connected to the control plane again.").arg(node);
        break;
    case NodeAction::Cordon:
        request = cnsim::CordonNodeAction{name, true};
        done = tr("Node %1 is cordoned: no new pods will be scheduled on it.").arg(node);
        break;
    case NodeAction::Uncordon:
        request = cnsim::CordonNodeAction{name, false};
        done = tr("Node %1 is schedulable again.").arg(node);
        break;
    case NodeAction::Drain:
        request = cnsim::DrainNodeAction{name};
        done = tr("Draining node %1: its pods are being evicted.").arg(node);
        break;
    }
    const cnsim::ActionResult result = m_controller->apply(request);
    statusBar()->showMessage(
        result.ok
            ? done
            : tr("Could not change node %1: %2").arg(node, QString::fromStdString(result.message)),
        10'000);
}

void MainWindow::createFaultMenu() {
    m_faultMenu = new QMenu(this);
    m_faultMenu->setObjectName(QStringLiteral("injectFaultMenu"));
    m_faultMenu->setToolTipsVisible(true);
    m_zoneOutageMenu = m_faultMenu->addMenu(QString());
    m_zoneOutageMenu->setObjectName(QStringLiteral("zoneOutageMenu"));
    m_zoneRecoverMenu = m_faultMenu->addMenu(QString());
    m_zoneRecoverMenu->setObjectName(QStringLiteral("zoneRecoverMenu"));
    connect(m_faultMenu, &QMenu::aboutToShow, this, &MainWindow::populateZoneMenus);
    m_faultMenu->addSeparator();

    m_registryOutageAction = m_faultMenu->addAction(QString());
    m_registryOutageAction->setObjectName(QStringLiteral("registryOutageAction"));
    connect(m_registryOutageAction, &QAction::triggered, this, [this] {
        cnsim::FaultSpec spec;
        spec.type = cnsim::FaultType::RegistryOutage;
        injectFault(spec, tr("The image registry is down: new image pulls fail and back off."));
    });
    m_registryRecoverAction = m_faultMenu->addAction(QString());
    m_registryRecoverAction->setObjectName(QStringLiteral("registryRecoverAction"));
    connect(m_registryRecoverAction, &QAction::triggered, this, [this] {
        cnsim::FaultSpec spec;
        spec.type = cnsim::FaultType::RegistryRecover;
        injectFault(spec, tr("The image registry is back: pulls work again."));
    });
    m_faultMenu->addSeparator();

    m_outageMenu = m_faultMenu->addMenu(QString());
    m_outageMenu->setObjectName(QStringLiteral("controlPlaneOutageMenu"));
    m_recoveryMenu = m_faultMenu->addMenu(QString());
    m_recoveryMenu->setObjectName(QStringLiteral("controlPlaneRecoveryMenu"));
    struct Target {
        cnsim::ControlPlaneComponent component;
        QString binary;
        QString key;
    };
    const Target targets[] = {
        {cnsim::ControlPlaneComponent::ApiServer, QStringLiteral("kube-apiserver"),
         QStringLiteral("apiServer")},
        {cnsim::ControlPlaneComponent::Scheduler, QStringLiteral("kube-scheduler"),
         QStringLiteral("scheduler")},
        {cnsim::ControlPlaneComponent::ControllerManager, QStringLiteral("kube-controller-manager"),
         QStringLiteral("controllerManager")},
    };
    for (const Target& target : targets) {
        for (const bool outage : {true, false}) {
            QAction* action = (outage ? m_outageMenu : m_recoveryMenu)->addAction(target.binary);
            action->setObjectName(
                (outage ? QStringLiteral("outage_") : QStringLiteral("recover_")) + target.key);
            const cnsim::ControlPlaneComponent component = target.component;
            const QString binary = target.binary;
            connect(action, &QAction::triggered, this, [this, component, binary, outage] {
                cnsim::FaultSpec spec;
                spec.type = outage ? cnsim::FaultType::ControlPlaneOutage
                                   : cnsim::FaultType::ControlPlaneRecover;
                spec.component = component;
                injectFault(spec, outage ? tr("%1 is down.").arg(binary)
                                         : tr("%1 is running again.").arg(binary));
            });
        }
    }
}

void MainWindow::populateZoneMenus() {
    m_zoneOutageMenu->clear();
    m_zoneRecoverMenu->clear();
    const cnsim::Simulation* simulation = m_controller->simulation();
    std::vector<QString> zones;
    if (simulation) {
        std::set<std::string> seen;
        for (const cnsim::NodeState& node : simulation->snapshot().nodes) {
            if (!node.zone.empty() && seen.insert(node.zone).second) {
                zones.push_back(QString::fromStdString(node.zone));
            }
        }
    }
    m_zoneOutageMenu->setEnabled(!zones.empty());
    m_zoneRecoverMenu->setEnabled(!zones.empty());
    for (const QString& zone : zones) {
        connect(m_zoneOutageMenu->addAction(zone), &QAction::triggered, this, [this, zone] {
            cnsim::FaultSpec spec;
            spec.type = cnsim::FaultType::ZoneOutage;
            spec.zone = zone.toStdString();
            injectFault(spec, tr("Zone %1 is down: every node in it crashed.").arg(zone));
        });
        connect(m_zoneRecoverMenu->addAction(zone), &QAction::triggered, this, [this, zone] {
            cnsim::FaultSpec spec;
            spec.type = cnsim::FaultType::ZoneRecover;
            spec.zone = zone.toStdString();
            injectFault(spec, tr("Zone %1 is back: its nodes boot again.").arg(zone));
        });
    }
}

void MainWindow::injectFault(const cnsim::FaultSpec& fault, const QString& done) {
    cnsim::FaultSpec spec = fault;
    spec.at = m_controller->now();
    const cnsim::ActionResult result = m_controller->apply(cnsim::InjectFaultAction{spec});
    statusBar()->showMessage(
        result.ok
            ? done
            : tr("Could not inject the fault: %1").arg(QString::fromStdString(result.message)),
        10'000);
}

bool MainWindow::raiseDock(const QString& name) {
    // The node groups are the Autoscaling dock's second tab.
    if (name == QLatin1String("nodegroups")) {
        m_autoscalingDock->show();
        m_autoscalingDock->raise();
        m_autoscaling->showNodeGroups();
        return true;
    }
    const std::pair<const char*, QDockWidget*> docks[] = {
        {"controlplane", m_controlPlaneDock}, {"chart", m_chartDock},
        {"decision", m_decisionDock},         {"events", m_eventDock},
        {"kubectl", m_consoleDock},           {"scenario", m_infoDock},
        {"services", m_serviceMapDock},       {"autoscaling", m_autoscalingDock},
        {"releases", m_releasesDock},         {"traces", m_tracesDock},
    };
    for (const auto& [key, dock] : docks) {
        if (name == QLatin1String(key)) {
            dock->show();
            dock->raise();
            return true;
        }
    }
    return false;
}

void MainWindow::onLanguageChanged(const QString& language) {
    for (QAction* action : m_languageGroup->actions()) {
        action->setChecked(action->data().toString() == language);
    }
    m_info->setLanguage(language);
    updateWindowTitle();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About cnsim Studio"),
        tr("<h3>cnsim Studio %1</h3><p>A discrete-event simulator for learning cloud-native "
           "computing: watch Kubernetes schedule pods, serve traffic and recover from "
           "failures.</p>")
            .arg(QStringLiteral(CNSIM_VERSION)));
}
