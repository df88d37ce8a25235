#pragma once

// NodeGroupWidget: the cluster autoscaler's side of the Autoscaling dock — per node group its
// minimum, registered nodes, machines still booting, target size, maximum and price; the
// cluster's cost now and so far; the decision log (CaDecisionLogModel); and the selected
// (or latest) scan in full: what the scale-up chose and why, the pods no group could help,
// the nodes that are unneeded and for how long, the nodes being drained, cooldowns.
//
// Sizes come from the nodegroup/<g>/nodes and target_size series and limits and prices from
// the scenario, so it needs nothing from the Simulation beyond what every view reads. Keeps
// copies of what it shows: a language switch re-renders without the Simulation.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "model/clusterautoscaler.h"

#include <optional>
#include <vector>

namespace cnsim {
class Simulation;
}

class CaDecisionLogModel;
class QLabel;
class QTextBrowser;
class QTreeView;

class NodeGroupWidget : public QWidget {
    Q_OBJECT

public:
    explicit NodeGroupWidget(QWidget* parent = nullptr);

    void sync(const cnsim::Simulation& simulation);
    void clear();
    // The scenario has node groups (the cluster autoscaler runs).
    bool hasGroups() const { return !m_groups.empty(); }

    CaDecisionLogModel* logModel() const { return m_log; }
    QTreeView* logView() const { return m_logView; }
    // What the student reads, for tests and screenshots.
    QString groupsText() const;
    QString scanText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Group {
        QString name;
        int minSize = 0;
        int maxSize = 0;
        int nodes = 0;
        int target = 0;
        double pricePerHour = 0;
        bool spot = false;
    };

    void retranslateUi();
    void showGroups();
    void showScan();

    QLabel* m_title;
    QLabel* m_groupsTable;
    QLabel* m_logTitle;
    CaDecisionLogModel* m_log;
    QTreeView* m_logView;
    QTextBrowser* m_scan;

    std::vector<Group> m_groups;
    double m_dollarsPerHour = 0;
    double m_dollars = 0;
    cnsim::SimTime m_scanInterval;
    std::optional<cnsim::CaDecisionRecord> m_latest;
    QStringList m_draining; // nodes tainted ToBeDeletedByClusterAutoscaler
};
