#include "hpadecisionlogmodel.h"

#include "explanationtext.h"
#include "model/hpacontroller.h"

#include <QColor>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace {

using cnsim::ExplainCode;
using cnsim::ExplainStep;
using Outcome = HpaDecisionLogModel::Outcome;

} // namespace

QString HpaDecisionLogModel::shortClock(cnsim::SimTime time) {
    const qint64 seconds = time.toMicroseconds() / 1'000'000;
    const QString minutesSeconds = QStringLiteral("%1:%2")
                                       .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                                       .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return seconds >= 3600 ? QStringLiteral("%1:%2").arg(seconds / 3600).arg(minutesSeconds)
                           : minutesSeconds;
}

namespace {

bool sameStep(const ExplainStep& a, const ExplainStep& b) {
    return a.code == b.code && a.params == b.params;
}

bool sameSteps(const std::vector<ExplainStep>& a, const std::vector<ExplainStep>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameStep);
}

bool isMetricValue(ExplainCode code) {
    return code == ExplainCode::HpaResourceUtilization || code == ExplainCode::HpaAverageValue ||
           code == ExplainCode::HpaObjectValue || code == ExplainCode::HpaPerPodValue ||
           code == ExplainCode::HpaExternalSum;
}

// What a sync did and the steps that say why; nullopt for a sync that only kept the count.
std::optional<HpaDecisionLogModel::Entry> classify(const cnsim::HpaDecisionRecord& record) {
    const cnsim::HpaDecision& d = record.decision;
    const cnsim::Explanation& x = d.explanation;
    HpaDecisionLogModel::Entry e;
    e.first = record.time;
    e.last = record.time;
    e.currentReplicas = d.currentReplicas;
    e.desiredReplicas = d.desiredReplicas;
    e.explanation = x;
    const auto take = [&](ExplainCode code) {
        if (const ExplainStep* step = x.find(code)) {
            e.why.push_back(*step);
            return true;
        }
        return false;
    };
    if (d.rescale) {
        e.outcome = d.desiredReplicas > d.currentReplicas ? Outcome::ScaledUp : Outcome::ScaledDown;
        if (!take(ExplainCode::HpaAboveMaxReplicas) && !take(ExplainCode::HpaBelowMinReplicas)) {
            // The metric that drove it, then any limit, then the change itself.
            const auto metric =
                std::find_if(x.steps.begin(), x.steps.end(),
                             [](const ExplainStep& s) { return isMetricValue(s.code); });
            if (metric != x.steps.end()) {
                e.why.push_back(*metric);
            }
            take(ExplainCode::HpaLimited);
        }
        // The Replicas column shows the change itself; without a metric step, say it.
        if (e.why.empty()) {
            take(ExplainCode::HpaRescale);
        }
        return e;
    }
    if (d.metricsFailed || x.has(ExplainCode::HpaScalingDisabled)) {
        e.outcome = Outcome::Stuck;
        if (!take(ExplainCode::HpaScalingDisabled) && !take(ExplainCode::HpaInvalidMetricsHold)) {
            take(ExplainCode::HpaMetricError);
        }
        return e;
    }
    if (take(ExplainCode::HpaLimited)) {
        e.outcome = Outcome::Limited;
        return e;
    }
    if (take(ExplainCode::HpaStabilizedDown) || take(ExplainCode::HpaStabilizedBoth)) {
        e.outcome = Outcome::Held;
        return e;
    }
    return std::nullopt;
}

} // namespace

HpaDecisionLogModel::HpaDecisionLogModel(QObject* parent) : QAbstractTableModel(parent) {}

int HpaDecisionLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int HpaDecisionLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const HpaDecisionLogModel::Entry& HpaDecisionLogModel::entry(int row) const {
    return m_entries.at(static_cast<std::size_t>(row));
}

QString HpaDecisionLogModel::whatHappened(int row) const {
    QStringList sentences;
    for (const ExplainStep& step : entry(row).why) {
        sentences << ExplanationText::brief(step);
    }
    return sentences.join(QStringLiteral("; "));
}

QVariant HpaDecisionLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry& e = entry(index.row());
    if (role == Qt::ForegroundRole) {
        return e.outcome == Outcome::Stuck ? QVariant(QColor(0xc62828)) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        // Every step of the (last) sync, so the whole reasoning is one hover away.
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
        return e.syncs == 1 ? shortClock(e.first)
                            : tr("%1–%2 (%n syncs)", "first and last time", e.syncs)
                                  .arg(shortClock(e.first), shortClock(e.last));
    case ReplicasColumn:
        return e.outcome == Outcome::ScaledUp || e.outcome == Outcome::ScaledDown
                   ? tr("%1 → %2", "replicas from → to")
                         .arg(e.currentReplicas)
                         .arg(e.desiredReplicas)
                   : QString::number(e.currentReplicas);
    case WhatColumn:
        return whatHappened(index.row());
    default:
        return {};
    }
}

QVariant HpaDecisionLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ReplicasColumn:
        return tr("Replicas");
    case WhatColumn:
        return tr("What happened");
    default:
        return {};
    }
}

void HpaDecisionLogModel::sync(const cnsim::HpaDecisionHistory& history) {
    if (history.records.empty()) {
        return;
    }
    if (history.records.back().time < m_lastSync) {
        clear();
    }
    for (const cnsim::HpaDecisionRecord& record : history.records) {
        if (record.time <= m_lastSync) {
            continue;
        }
        m_lastSync = record.time;
        std::optional<Entry> next = classify(record);
        if (!next) {
            continue;
        }
        const bool scaled =
            next->outcome == Outcome::ScaledUp || next->outcome == Outcome::ScaledDown;
        if (!scaled && !m_entries.empty() && m_entries.back().outcome == next->outcome &&
            m_entries.back().currentReplicas == next->currentReplicas &&
            sameSteps(m_entries.back().why, next->why)) {
            Entry& last = m_entries.back();
            last.last = next->first;
            ++last.syncs;
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

void HpaDecisionLogModel::clear() {
    m_lastSync = cnsim::SimTime::microseconds(-1);
    if (m_entries.empty()) {
        return;
    }
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void HpaDecisionLogModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}
