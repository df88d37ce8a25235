#pragma once

// CaDecisionLogModel: the cluster autoscaler's decision log — one row per scan that did
// something a student should see (scaled a node group up, left pods pending that no group
// could help, removed or drained nodes, gave up on machines that never registered), with the
// time, the node group's size change and what happened; quiet scans are left out.
//
// Consecutive scans with the same outcome and the same reasons (pods still pending because
// the group is at its maximum size) fold into one row with a time span and a count, as the
// HPA's log does. Holds its own copies of the explanations, so it never points into a
// Simulation; sentences come from ExplanationText, so a language switch needs retranslate().

#include <QAbstractTableModel>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "control/autoscaling/explanation.h"
#include "engine/simtime.h"

#include <vector>

namespace cnsim {
struct CaDecisionHistory;
}

class CaDecisionLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, NodesColumn, WhatColumn, ColumnCount };
    enum class Outcome { ScaledUp, NotTriggered, ScaledDown, Failed };

    struct Entry {
        cnsim::SimTime first; // the first and last scan folded into this row
        cnsim::SimTime last;
        int scans = 1;
        Outcome outcome = Outcome::ScaledUp;
        QString group; // the group that grew, empty otherwise
        int fromSize = 0;
        int toSize = 0;
        int pods = 0; // pending pods the scale-up makes room for, or that it left pending
        std::vector<cnsim::ExplainStep> why; // the steps that say what happened
        cnsim::Explanation explanation;      // every step of the last scan folded in
    };

    explicit CaDecisionLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Appends the scans of `history` newer than the last one seen; a history whose latest
    // scan is older than that belongs to a new simulation, and the log starts over.
    void sync(const cnsim::CaDecisionHistory& history);
    void clear();
    void retranslate();
    const Entry& entry(int row) const;
    QString whatHappened(int row) const;

private:
    std::vector<Entry> m_entries;
    cnsim::SimTime m_lastScan = cnsim::SimTime::microseconds(-1);
};
