#include "tracelistmodel.h"

#include "hpadecisionlogmodel.h"

#include <QColor>
#include <algorithm>

TraceListModel::TraceListModel(QObject* parent) : QAbstractTableModel(parent) {}

int TraceListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_traces.size());
}

int TraceListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const cnsim::RequestTrace& TraceListModel::trace(int row) const {
    return m_traces.at(static_cast<std::size_t>(row));
}

bool TraceListModel::failed(const cnsim::RequestTrace& trace) {
    if (trace.code >= 500) {
        return true;
    }
    return std::any_of(trace.spans.begin(), trace.spans.end(),
                       [](const cnsim::TraceSpan& s) { return s.code >= 500; });
}

int TraceListModel::retries(const cnsim::RequestTrace& trace) {
    return static_cast<int>(std::count_if(trace.spans.begin(), trace.spans.end(),
                                          [](const cnsim::TraceSpan& s) { return s.attempt > 1; }));
}

double TraceListModel::durationQuantile(double quantile) const {
    std::vector<double> durations;
    for (const cnsim::RequestTrace& t : m_traces) {
        if (t.code != 0) {
            durations.push_back((t.end - t.start).toMilliseconds());
        }
    }
    if (durations.empty()) {
        return 0.0;
    }
    const auto k = static_cast<std::size_t>(quantile * static_cast<double>(durations.size() - 1));
    std::nth_element(durations.begin(), durations.begin() + static_cast<std::ptrdiff_t>(k),
                     durations.end());
    return durations[k];
}

QVariant TraceListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cnsim::RequestTrace& t = trace(index.row());
    const bool open = t.code == 0;
    const double ms = open ? -1.0 : (t.end - t.start).toMilliseconds();
    switch (role) {
    case DurationRole:
        return ms;
    case FailedRole:
        return failed(t);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return static_cast<qlonglong>(t.start.toMicroseconds());
        case StatusColumn:
            return t.code;
        case DurationColumn:
            return ms;
        case SpansColumn:
            return static_cast<int>(t.spans.size());
        case RetriesColumn:
            return retries(t);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        return failed(t) ? QVariant(QColor(0xc62828)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= StatusColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                              : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return HpaDecisionLogModel::shortClock(t.start);
    case RequestColumn: {
        const std::string& what = !t.route.empty()          ? t.route
                                  : !t.requestClass.empty() ? t.requestClass
                                                            : t.source;
        return tr("%1 → %2", "request, entry service")
            .arg(QString::fromStdString(what),
                 t.spans.empty() ? QString() : QString::fromStdString(t.spans.front().service));
    }
    case StatusColumn:
        return open ? tr("in flight") : QString::number(t.code);
    case DurationColumn:
        return open ? QString() : tr("%1 ms").arg(ms, 0, 'f', ms < 10 ? 1 : 0);
    case SpansColumn:
        return static_cast<int>(t.spans.size());
    case RetriesColumn:
        return retries(t);
    default:
        return {};
    }
}

QVariant TraceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case RequestColumn:
        return tr("Request");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case SpansColumn:
        return tr("Spans");
    case RetriesColumn:
        return tr("Retries");
    default:
        return {};
    }
}

void TraceListModel::sync(const std::vector<cnsim::RequestTrace>& traces) {
    if (traces.size() < m_traces.size()) {
        clear();
    }
    // Requests still in flight get their spans and status later: refresh them (few).
    for (std::size_t i = m_firstOpen; i < m_traces.size(); ++i) {
        m_traces[i] = traces[i];
    }
    if (m_firstOpen < m_traces.size()) {
        emit dataChanged(index(static_cast<int>(m_firstOpen), 0),
                         index(rowCount() - 1, ColumnCount - 1));
    }
    if (traces.size() > m_traces.size()) {
        beginInsertRows(QModelIndex(), rowCount(), static_cast<int>(traces.size()) - 1);
        m_traces.insert(m_traces.end(),
                        traces.begin() + static_cast<std::ptrdiff_t>(m_traces.size()),
                        traces.end());
        endInsertRows();
    }
    while (m_firstOpen < m_traces.size() && m_traces[m_firstOpen].code != 0) {
        ++m_firstOpen;
    }
}

void TraceListModel::clear() {
    m_firstOpen = 0;
    if (m_traces.empty()) {
        return;
    }
    beginResetModel();
    m_traces.clear();
    endResetModel();
}

void TraceListModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_traces.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

TraceFilterModel::TraceFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void TraceFilterModel::setFilter(Filter filter) {
    m_filter = filter;
    refresh();
}

void TraceFilterModel::refresh() {
    if (const auto* traces = qobject_cast<const TraceListModel*>(sourceModel())) {
        m_slowMs = traces->durationQuantile(0.95);
    }
    invalidateFilter();
}

bool TraceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (m_filter) {
    case Filter::All:
        return true;
    case Filter::Errors:
        return index.data(TraceListModel::FailedRole).toBool();
    case Filter::Slow:
        return index.data(TraceListModel::DurationRole).toDouble() >= m_slowMs &&
               index.data(TraceListModel::DurationRole).toDouble() >= 0.0;
    }
    return true;
}
