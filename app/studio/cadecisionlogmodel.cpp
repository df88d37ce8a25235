#include "cadecisionlogmodel.h"

#include "explanationtext.h"
#include "hpadecisionlogmodel.h"
#include "model/clusterautoscaler.h"

#include <QColor>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace {

using cnsim::ExplainCode;
using cnsim::ExplainStep;
using Outcome = CaDecisionLogModel::Outcome;

bool sameStep(const ExplainStep& a, const ExplainStep& b) {
    return a.code == b.code && a.params == b.params;
}

// The steps of `x` with one of `codes`, in order.
std::vector<ExplainStep> stepsOf(const cnsim::Explanation& x,
                                 std::initializer_list<ExplainCode> codes) {
    std::vector<ExplainStep> steps;
    for (const ExplainStep& s : x.steps) {
        if (std::find(codes.begin(), codes.end(), s.code) != codes.end()) {
            steps.push_back(s);
        }
    }
    return steps;
}

// What a scan did and the steps that say why; nullopt for a scan that changed nothing.
std::optional<CaDecisionLogModel::Entry> classify(const cnsim::CaDecisionRecord& record) {
    CaDecisionLogModel::Entry e;
    e.first = record.time;
    e.last = record.time;
    e.explanation = record.explanation;
    if (record.scaleUp) {
        e.explanation.append(record.scaleUp->explanation);
    }
    if (record.scaleDown) {
        e.explanation.append(record.scaleDown->explanation);
    }
    if (record.scaleUp && record.scaleUp->scaledUp) {
        e.outcome = Outcome::ScaledUp;
        e.group = QString::fromStdString(record.scaleUp->group);
        e.fromSize = record.scaleUp->fromSize;
        e.toSize = record.scaleUp->toSize;
        // The Nodes column has the group and sizes; say for how many pods, and any cap.
        e.pods = static_cast<int>(record.scaleUp->helpedPods.size());
        e.why = stepsOf(record.scaleUp->explanation,
                        {ExplainCode::CaCappedToGroupMax, ExplainCode::CaCappedToTotalMax});
        return e;
    }
    if (!record.drainsFailed.empty() || record.explanation.has(ExplainCode::CaScaleUpTimedOut)) {
        e.outcome = Outcome::Failed;
        e.why = stepsOf(record.explanation, {ExplainCode::CaScaleUpTimedOut});
        return e;
    }
    if (record.scaleDown &&
        (!record.scaleDown->deleteEmpty.empty() || !record.scaleDown->drain.empty())) {
        e.outcome = Outcome::ScaledDown;
        e.why = stepsOf(record.scaleDown->explanation,
                        {ExplainCode::CaDeleteEmptyNode, ExplainCode::CaDrainNode});
        return e;
    }
    if (record.scaleUp && !record.scaleUp->remainingPods.empty()) {
        // NotTriggerScaleUp: why no group could help, once per reason, not once per pod.
        e.outcome = Outcome::NotTriggered;
        e.why = stepsOf(record.scaleUp->explanation,
                        {ExplainCode::CaMaxNodesTotalReached, ExplainCode::CaGroupAtMaxSize,
                         ExplainCode::CaGroupBackedOff, ExplainCode::CaNoPodFitsGroup});
        if (e.why.empty()) {
            e.why = stepsOf(record.scaleUp->explanation, {ExplainCode::CaPodNotHelped});
        }
        e.pods = static_cast<int>(record.scaleUp->remainingPods.size());
        return e;
    }
    return std::nullopt;
}

} // namespace

CaDecisionLogModel::CaDecisionLogModel(QObject* parent) : QAbstractTableModel(parent) {}

int CaDecisionLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int CaDecisionLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const CaDecisionLogModel::Entry& CaDecisionLogModel::entry(int row) const {
    return m_entries.at(static_cast<std::size_t>(row));
}

QString CaDecisionLogModel::whatHappened(int row) const {
    const Entry& e = entry(row);
    QStringList sentences;
    if (e.outcome == Outcome::ScaledUp) {
        sentences << tr("Room for %n pending pod(s)", nullptr, e.pods);
    } else if (e.outcome == Outcome::NotTriggered) {
        sentences << tr("%n pod(s) left pending", nullptr, e.pods);
    }
    for (const ExplainStep& step : e.why) {
        sentences << ExplanationText::brief(step);
    }
    return sentences.join(QStringLiteral("; "));
}

QVariant CaDecisionLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry& e = entry(index.row());
    if (role == Qt::ForegroundRole) {
        return e.outcome == Outcome::Failed || e.outcome == Outcome::NotTriggered
                   ? QVariant(QColor(0xc62828))
                   : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        for (const ExplainStep& step : e.explanation.steps) {
            lines << QStringLiteral("• ") + ExplanationText::step(step);
        }
        return lines.join(u'\n');
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return e.scans == 1 ? HpaDecisionLogModel::shortClock(e.first)
                            : tr("%1–%2 (%n scans)", "first and last time", e.scans)
                                  .arg(HpaDecisionLogModel::shortClock(e.first),
                                       HpaDecisionLogModel::shortClock(e.last));
    case NodesColumn:
        return e.outcome == Outcome::ScaledUp ? tr("%1: %2 → %3", "node group: size from → to")
                                                    .arg(e.group)
                                                    .arg(e.fromSize)
                                                    .arg(e.toSize)
                                              : QString();
    case WhatColumn:
        return whatHappened(index.row());
    default:
        return {};
    }
}

QVariant CaDecisionLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NodesColumn:
        return tr("Nodes");
    case WhatColumn:
        return tr("What happened");
    default:
        return {};
    }
}

void CaDecisionLogModel::sync(const cnsim::CaDecisionHistory& history) {
    if (history.records.empty()) {
        return;
    }
    if (history.records.back().time < m_lastScan) {
        clear();
    }
    for (const cnsim::CaDecisionRecord& record : history.records) {
        if (record.time <= m_lastScan) {
            continue;
        }
        m_lastScan = record.time;
        std::optional<Entry> next = classify(record);
        if (!next) {
            continue;
        }
        if (next->outcome != Outcome::ScaledUp && !m_entries.empty() &&
            m_entries.back().outcome == next->outcome && m_entries.back().pods == next->pods &&
            std::equal(m_entries.back().why.begin(), m_entries.back().why.end(), next->why.begin(),
                       next->why.end(), sameStep)) {
            Entry& last = m_entries.back();
            last.last = next->first;
            ++last.scans;
            last.explanation = std::move(next->explanation);
            const int row = rowCount() - 1;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        const int row = rowCount();
        beginInsertRows(QModelIndex(), row, row);
        m_entries.push_back(std::move(*next));
        endInsertRows();
    }
}

void CaDecisionLogModel::clear() {
    m_lastScan = cnsim::SimTime::microseconds(-1);
    if (m_entries.empty()) {
        return;
    }
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void CaDecisionLogModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}
