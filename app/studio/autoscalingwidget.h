#pragma once

// AutoscalingWidget: the "Autoscaling" dock — one HorizontalPodAutoscaler at a time (a combo
// when the cluster has several): its metric against the target ("CPU utilization 79% / target
// 60%"), current → desired replicas with min and max, the AbleToScale / ScalingActive /
// ScalingLimited conditions with what their reasons mean, the decision log (HpaDecisionLogModel)
// with the full reasoning of the selected (or latest) sync, and the AutoscalingChart of load,
// metric, replicas, latency and cost on one time axis. A second tab, NodeGroupWidget, shows the
// cluster autoscaler's node groups and decisions over the same chart.
//
// Reads the Simulation only inside sync() and only when the HPA object changed (its
// resourceVersion moves at every controller sync); keeps copies of what it shows, so a
// language switch re-renders without the Simulation and Reset never leaves a dangling pointer.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "cluster/objects.h"
#include "model/hpacontroller.h"

#include <cstdint>
#include <optional>

namespace cnsim {
class Simulation;
}

class AutoscalingChart;
class HpaDecisionLogModel;
class NodeGroupWidget;
class QTabWidget;
class QComboBox;
class QLabel;
class QTextBrowser;
class QTreeView;

class AutoscalingWidget : public QWidget {
    Q_OBJECT

public:
    explicit AutoscalingWidget(QWidget* parent = nullptr);

    void sync(const cnsim::Simulation& simulation);
    void clear();

    // The HPAs offered, as "name" (or "namespace/name" outside default), in API order.
    QStringList hpaNames() const;
    QString currentHpa() const;
    // Shows HPA `name`; false when the cluster has none by that name.
    bool selectHpa(const QString& name);

    QComboBox* hpaCombo() const { return m_combo; }
    HpaDecisionLogModel* logModel() const { return m_log; }
    QTreeView* logView() const { return m_logView; }
    AutoscalingChart* chart() const { return m_chart; }
    NodeGroupWidget* nodeGroups() const { return m_nodeGroups; }
    // Brings the cluster autoscaler's tab (node groups) to the front.
    void showNodeGroups();
    // What the student reads, for tests and screenshots.
    QString metricsText() const;
    QString replicasText() const;
    QString conditionsText() const;
    QString detailText() const;

signals:
    // The student chose another HPA: the window syncs this widget at once, even when paused.
    void hpaChosen();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showStatus();
    void showDetail();
    void showPanels();
    void onHpaChosen();

    QLabel* m_comboLabel;
    QComboBox* m_combo;
    QLabel* m_title;
    QLabel* m_metrics;
    QLabel* m_replicas;
    QLabel* m_conditions;
    QLabel* m_logTitle;
    HpaDecisionLogModel* m_log;
    QTreeView* m_logView;
    QTextBrowser* m_detail;
    AutoscalingChart* m_chart;
    NodeGroupWidget* m_nodeGroups;
    QTabWidget* m_tabs;
    QWidget* m_history = nullptr; // the HPA's log and detail: hidden while there is no HPA

    // The selected HPA as last read: its object, its latest sync, the version read.
    QString m_key; // "namespace/name"
    std::optional<cnsim::HorizontalPodAutoscalerObject> m_hpa;
    std::optional<cnsim::HpaDecisionRecord> m_latest;
    QString m_conditionsPlain; // the conditions table as lines of text
    std::uint64_t m_version = 0;
    bool m_targetChanged = true; // the chart needs the selected HPA's Deployment and Service
    bool m_groupsShown = false;  // the node-group tab is offered
};
