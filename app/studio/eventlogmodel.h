#pragma once

// EventLogModel: the simulation's cluster events as a table (time, component, reason,
// object, message) — the studio's `kubectl get events`.
//
// Holds its own copy of the events, so it never points into a Simulation that Reset or
// Open may destroy. sync() appends only the events it has not seen (beginInsertRows), so
// views keep their scroll position and selection while the simulation runs. Messages are
// rendered on demand by EventText, so a language switch only needs retranslate().

#include <QAbstractTableModel>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "model/clusterevent.h"

#include <vector>

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ComponentColumn,
        ReasonColumn,
        ObjectColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { SimTimeRole = Qt::UserRole + 1 }; // qlonglong microseconds

    explicit EventLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `events` is the simulation's whole log so far; the model appends what is new. A log
    // shorter than what the model holds means a new simulation: the model starts over.
    void sync(const std::vector<cnsim::ClusterEvent>& events);
    void clear();
    void retranslate();
    const cnsim::ClusterEvent& event(int row) const;

private:
    std::vector<cnsim::ClusterEvent> m_events;
};
