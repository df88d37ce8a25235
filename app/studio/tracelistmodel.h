#pragma once

// TraceListModel: the sampled request traces of a run (Simulation::traces()), one row each —
// arrival time, what was requested (route, class or traffic source), HTTP status, duration,
// span count and retries — for the Traces dock's list. TraceFilterModel narrows it to the
// slow or failed requests a student goes looking for.
//
// Holds copies of the traces: finished ones never change, so sync() copies new traces and
// refreshes only those still in flight. Never points into a Simulation.

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "metrics/traces.h"

#include <vector>

class TraceListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        RequestColumn,
        StatusColumn,
        DurationColumn,
        SpansColumn,
        RetriesColumn,
        ColumnCount
    };
    // Qt::UserRole: the duration in milliseconds (double, -1 while in flight), for sorting and
    // the slow filter.
    static constexpr int DurationRole = Qt::UserRole;
    // Qt::UserRole + 1: true when the request failed (status ≥ 500, or any span failed).
    static constexpr int FailedRole = Qt::UserRole + 1;
    // Qt::UserRole + 2: the column's value for sorting (times and counts as numbers).
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit TraceListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Takes the traces recorded so far; a shorter list than before belongs to a new run.
    void sync(const std::vector<cnsim::RequestTrace>& traces);
    void clear();
    void retranslate();
    const cnsim::RequestTrace& trace(int row) const;
    // The slowest finished request's duration at the given quantile (0.95: p95), in ms.
    double durationQuantile(double quantile) const;

    static bool failed(const cnsim::RequestTrace& trace);
    static int retries(const cnsim::RequestTrace& trace);

private:
    std::vector<cnsim::RequestTrace> m_traces;
    std::size_t m_firstOpen = 0; // traces before this one are finished
};

// All traces, only the failed ones, or only those at or above the p95 duration.
class TraceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Filter { All, Errors, Slow };

    explicit TraceFilterModel(QObject* parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Re-evaluates the slow threshold after new traces arrived.
    void refresh();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    double m_slowMs = 0;
};
