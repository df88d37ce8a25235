#include "eventlogmodel.h"

#include "eventtext.h"

#include <QColor>

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const cnsim::ClusterEvent& EventLogModel::event(int row) const {
    return m_events.at(static_cast<std::size_t>(row));
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cnsim::ClusterEvent& e = event(index.row());
    if (role == SimTimeRole) {
        return QVariant::fromValue<qlonglong>(e.time.toMicroseconds());
    }
    if (role == Qt::ForegroundRole && index.column() == ReasonColumn) {
        const bool bad = e.reason == cnsim::EventReason::FailedScheduling ||
                         e.reason == cnsim::EventReason::NodeFailed ||
                         e.reason == cnsim::EventReason::PodLost;
        return bad ? QVariant(QColor(0xc62828)) : QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return EventText::clock(e.time);
    case ComponentColumn:
        return EventText::componentName(e.component);
    case ReasonColumn:
        // Reason codes stay as Kubernetes prints them: students will search for them.
        return QString::fromUtf8(cnsim::reasonName(e.reason));
    case ObjectColumn:
        return tr("%1 %2", "object kind, object name")
            .arg(EventText::objectKindName(e.objectKind), QString::fromStdString(e.objectName));
    case MessageColumn:
        return EventText::message(e);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ComponentColumn:
        return tr("Component");
    case ReasonColumn:
        return tr("Reason");
    case ObjectColumn:
        return tr("Object");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void EventLogModel::sync(const std::vector<cnsim::ClusterEvent>& events) {
    if (events.size() < m_events.size()) {
        clear();
    }
    if (events.size() == m_events.size()) {
        return;
    }
    const int first = static_cast<int>(m_events.size());
    const int last = static_cast<int>(events.size()) - 1;
    beginInsertRows(QModelIndex(), first, last);
    m_events.insert(m_events.end(), events.begin() + first, events.end());
    endInsertRows();
}

void EventLogModel::clear() {
    if (m_events.empty()) {
        return;
    }
    beginResetModel();
    m_events.clear();
    endResetModel();
}

void EventLogModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole});
    }
}
