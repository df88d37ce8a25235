#include "pipelinerunmodel.h"

#include "hpadecisionlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QStringList>

namespace {

using cnsim::PipelineRunPhase;
using cnsim::ReleaseOutcome;

QString clock(cnsim::SimTime t) {
    return HpaDecisionLogModel::shortClock(t);
}

// A stage's duration as m:ss.
QString stageDuration(cnsim::SimTime from, cnsim::SimTime to) {
    return HpaDecisionLogModel::shortClock(to - from);
}

const QColor failedColour(0xc6, 0x28, 0x28);
const QColor shippedColour(0x2e, 0x7d, 0x32);
const QColor waitingColour(0x75, 0x75, 0x75);

} // namespace

PipelineRunModel::PipelineRunModel(QObject* parent) : RowSyncModel(parent) {}

int PipelineRunModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PipelineRunModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PipelineRunModel::stagesText(const cnsim::PipelineRun& run) {
    QStringList parts;
    for (const cnsim::PipelineStageRun& stage : run.stages) {
        const QString name = QString::fromStdString(stage.name);
        if (!stage.done) {
            parts << tr("%1 running…").arg(name);
        } else if (stage.failed) {
            parts << tr("%1 ✗ %2").arg(name, stageDuration(stage.started, stage.finished));
        } else {
            parts << tr("%1 ✓ %2").arg(name, stageDuration(stage.started, stage.finished));
        }
    }
    return parts.join(QStringLiteral(" · "));
}

QString PipelineRunModel::outcomeText(const cnsim::PipelineRun& run) {
    switch (run.phase) {
    case PipelineRunPhase::Queued:
        return tr("waiting for the running run");
    case PipelineRunPhase::Running:
        return tr("running");
    case PipelineRunPhase::Superseded:
        return tr("canceled: a newer commit took its place");
    case PipelineRunPhase::Failed:
        return tr("failed at %1: nothing deployed").arg(QString::fromStdString(run.failedStage));
    case PipelineRunPhase::Succeeded:
        break;
    }
    const QString deployed = run.deployedAt ? clock(*run.deployedAt) : QString();
    const QString ended = run.releaseEndedAt ? clock(*run.releaseEndedAt) : QString();
    switch (run.release) {
    case ReleaseOutcome::None:
    case ReleaseOutcome::Pending:
        return tr("deployed at %1, releasing…").arg(deployed);
    case ReleaseOutcome::Completed:
        return tr("deployed at %1, released at %2").arg(deployed, ended);
    case ReleaseOutcome::Failed:
        return tr("deployed at %1, rolled back at %2").arg(deployed, ended);
    case ReleaseOutcome::Superseded:
        return tr("deployed at %1, replaced at %2 before it finished").arg(deployed, ended);
    }
    return {};
}

QVariant PipelineRunModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const cnsim::PipelineRun& run = row.run;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunColumn:
            return m_severalPipelines ? tr("%1 #%2").arg(row.pipeline).arg(run.number)
                                      : tr("#%1").arg(run.number);
        case ImageColumn:
            return QString::fromStdString(run.image);
        case PushedColumn:
            return clock(run.committedAt);
        case StagesColumn:
            return stagesText(run);
        case OutcomeColumn:
            return outcomeText(run);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == RunColumn) {
        return tr("Pipeline %1, run %2").arg(row.pipeline).arg(run.number);
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn) {
        const bool bad =
            run.phase == PipelineRunPhase::Failed || run.release == ReleaseOutcome::Failed;
        if (bad) {
            return QBrush(failedColour);
        }
        if (run.release == ReleaseOutcome::Completed) {
            return QBrush(shippedColour);
        }
        if (run.phase == PipelineRunPhase::Superseded || run.phase == PipelineRunPhase::Queued) {
            return QBrush(waitingColour);
        }
    }
    return {};
}

QVariant PipelineRunModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case RunColumn:
        return tr("Run");
    case ImageColumn:
        return tr("Image");
    case PushedColumn:
        return tr("Pushed");
    case StagesColumn:
        return tr("Stages");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

void PipelineRunModel::sync(const cnsim::PipelineRunner& runner) {
    std::vector<Row> rows;
    for (const cnsim::PipelineRunner::Pipeline& pipeline : runner.pipelines()) {
        for (const cnsim::PipelineRun& run : pipeline.runs) {
            rows.push_back(Row{QString::fromStdString(pipeline.spec->name), run});
        }
    }
    m_severalPipelines = runner.pipelines().size() > 1;
    syncRows(
        m_rows, std::move(rows),
        [](const Row& a, const Row& b) {
            return a.pipeline == b.pipeline && a.run.number == b.run.number;
        },
        [](const Row& a, const Row& b) { return a.run == b.run; });
}

void PipelineRunModel::clear() {
    clearRows(m_rows);
}
