#pragma once

// SchedulingDecisionWidget: "Why this node?" — kube-scheduler's latest decision for the pod
// selected on the canvas, as a student reads it: a headline (the chosen node, or upstream's
// FitError when no node fits), one sentence saying what decided it, and a table of every
// node the scheduler looked at — its filter verdict (passed, or rejected by which plugin and
// why) and each score plugin's weighted points with the total, highest first, the chosen
// node highlighted. Plugins that skipped scoring for this pod get no column.
//
// It shows a copy of the decision (the simulation keeps the original); it never changes
// the simulation. Strings go through tr(); plugin names stay upstream's (they are what the
// Kubernetes documentation and logs call them).

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "control/scheduling/schedulingdecision.h"

#include <optional>

class QLabel;
class QTableWidget;

class SchedulingDecisionWidget : public QWidget {
    Q_OBJECT

public:
    // Table columns before the per-plugin score columns (weighted points, one per plugin).
    enum Column { NodeColumn = 0, FilterColumn = 1, TotalColumn = 2, FirstPluginColumn = 3 };

    explicit SchedulingDecisionWidget(QWidget* parent = nullptr);

    // The pod `pod` (empty: nothing selected) and its decision, if the scheduler kept one.
    // `bound` says whether the pod is already on a node (a decision may have been dropped).
    void showDecision(const QString& pod, const std::optional<cnsim::SchedulingDecision>& decision,
                      bool bound = false);
    void retranslate();

    QString pod() const { return m_pod; }
    QString headline() const;
    QString explanation() const;
    QTableWidget* table() const { return m_table; }
    // The table row of the chosen node, or −1.
    int chosenRow() const { return m_chosenRow; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    QString explain(const cnsim::SchedulingDecision& d) const;
    static QString pluginPurpose(const QString& plugin);

    QLabel* m_title;
    QLabel* m_explanation;
    QTableWidget* m_table;
    QString m_pod;
    std::optional<cnsim::SchedulingDecision> m_decision;
    bool m_bound = false;
    int m_chosenRow = -1;
};
