#include "rolloutstepmodel.h"

#include "engine/simtime.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStringList>

namespace {

using State = RolloutStepModel::State;

// Whether the Rollout is walking the steps of a revision that is not yet stable.
bool updating(const cnsim::RolloutObject& r) {
    return !r.stableRs.empty() && r.currentPodHash != r.stableRs;
}

} // namespace

RolloutStepModel::RolloutStepModel(QObject* parent) : RowSyncModel(parent) {}

int RolloutStepModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_steps.size());
}

int RolloutStepModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RolloutStepModel::stepText(const cnsim::CanaryStepSpec& step) {
    switch (step.type) {
    case cnsim::CanaryStepType::SetWeight:
        return tr("set weight %1 %").arg(step.setWeight);
    case cnsim::CanaryStepType::Pause:
        return step.pauseDuration
                   ? tr("pause %1")
                         .arg(QString::fromStdString(cnsim::formatDuration(*step.pauseDuration)))
                   : tr("pause until promoted");
    case cnsim::CanaryStepType::Analysis: {
        QStringList names;
        for (const std::string& t : step.analysis.templates) {
            names << QString::fromStdString(t);
        }
        return tr("analysis %1").arg(names.join(QStringLiteral(", ")));
    }
    }
    return {};
}

RolloutStepModel::State RolloutStepModel::state(int row) const {
    if (!m_updating) {
        return State::Done;
    }
    if (row < m_current) {
        return State::Done;
    }
    if (row == m_current) {
        return m_aborted ? State::Aborted : State::Current;
    }
    return State::Waiting;
}

QVariant RolloutStepModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const int row = index.row();
    const State s = state(row);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NumberColumn:
            return row + 1;
        case StepColumn:
            return stepText(m_steps[static_cast<std::size_t>(row)]);
        case StateColumn:
            switch (s) {
            case State::Done:
                return tr("done");
            case State::Current:
                return m_pauseReason.isEmpty() ? tr("in progress")
                                               : tr("paused (%1)").arg(m_pauseReason);
            case State::Waiting:
                return tr("to do");
            case State::Aborted:
                return tr("aborted here");
            }
            return {};
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && s == State::Current) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (s) {
        case State::Aborted:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case State::Waiting:
            return QBrush(QColor(0x75, 0x75, 0x75));
        case State::Done:
        case State::Current:
            break;
        }
    }
    return {};
}

QVariant RolloutStepModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NumberColumn:
        return tr("#");
    case StepColumn:
        return tr("Step");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

void RolloutStepModel::sync(const cnsim::RolloutObject& rollout) {
    std::vector<cnsim::CanaryStepSpec> steps;
    if (rollout.spec.canary) {
        steps = rollout.spec.canary->steps;
    }
    if (steps != m_steps) {
        beginResetModel();
        m_steps = std::move(steps);
        endResetModel();
    }
    m_current = rollout.currentStepIndex;
    m_updating = updating(rollout);
    m_aborted = rollout.abort;
    m_pauseReason = rollout.paused ? QString::fromStdString(rollout.pauseReason) : QString();
    if (!m_steps.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void RolloutStepModel::clear() {
    beginResetModel();
    m_steps.clear();
    m_current = 0;
    m_updating = false;
    m_aborted = false;
    m_pauseReason.clear();
    endResetModel();
}
