#pragma once

// HpaDecisionLogModel: one HorizontalPodAutoscaler's decision log — one row per sync that
// scaled, was limited, was held by stabilization or could not compute replicas (time, replicas,
// what happened), as a student reads it; syncs that only kept the count within tolerance are
// left out.
//
// Consecutive syncs with the same outcome (held for five minutes by the stabilization window,
// stuck on a missing CPU request) fold into one row with a time span and a count, like
// `kubectl get events` does. Holds its own copy of the explanations it shows, so it never
// points into a Simulation; sentences are rendered on demand by ExplanationText, so a language
// switch only needs retranslate().

#include <QAbstractTableModel>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "control/autoscaling/explanation.h"
#include "engine/simtime.h"

#include <vector>

namespace cnsim {
struct HpaDecisionHistory;
}

class HpaDecisionLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, ReplicasColumn, WhatColumn, ColumnCount };
    enum class Outcome { ScaledUp, ScaledDown, Limited, Held, Stuck };

    struct Entry {
        cnsim::SimTime first; // the first and last sync folded into this row
        cnsim::SimTime last;
        int syncs = 1;
        int currentReplicas = 0;
        int desiredReplicas = 0;
        Outcome outcome = Outcome::Held;
        std::vector<cnsim::ExplainStep> why; // the steps that say what happened
        cnsim::Explanation explanation;      // every step of the last sync folded in
    };

    explicit HpaDecisionLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends the syncs of `history` newer than the last one seen; a history whose latest
    // sync is older than that belongs to a new simulation, and the log starts over.
    void sync(const cnsim::HpaDecisionHistory& history);
    void clear();
    void retranslate();
    const Entry& entry(int row) const;
    // The "what happened" sentence of a row, in the current language.
    QString whatHappened(int row) const;
    // "03:15", or "1:03:15" past an hour: HPA syncs fall on whole seconds.
    static QString shortClock(cnsim::SimTime time);

private:
    std::vector<Entry> m_entries;
    cnsim::SimTime m_lastSync = cnsim::SimTime::microseconds(-1);
};
