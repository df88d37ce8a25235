#pragma once

// RolloutStepModel: the canary steps of one Argo Rollouts Rollout, one row per step — what
// the step does ("set weight 20 %", "pause 2m", "analysis error-rate") and where the update
// is: done, current (with the reason when paused), not yet reached, or the step the update
// was aborted at. A blue-green Rollout or one between updates has every step done (or none
// for blue-green). Holds a copy of the steps and the status fields it needs.

#include "rowsyncmodel.h"

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "cluster/objects.h"

#include <vector>

class RolloutStepModel : public RowSyncModel {
    Q_OBJECT

public:
    enum Column { NumberColumn, StepColumn, StateColumn, ColumnCount };
    enum class State { Done, Current, Waiting, Aborted };

    explicit RolloutStepModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void sync(const cnsim::RolloutObject& rollout);
    void clear();
    State state(int row) const;
    static QString stepText(const cnsim::CanaryStepSpec& step);

private:
    std::vector<cnsim::CanaryStepSpec> m_steps;
    int m_current = 0;       // status.currentStepIndex
    bool m_updating = false; // a new revision is being rolled out
    bool m_aborted = false;
    QString m_pauseReason;
};
