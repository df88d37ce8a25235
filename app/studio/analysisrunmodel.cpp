#include "analysisrunmodel.h"

#include "cluster/apiserver.h"
#include "hpadecisionlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QStringList>
#include <algorithm>

namespace {

using cnsim::AnalysisPhase;

// Upstream's defaults for unset limits (docs/releases.md).
constexpr int kDefaultConsecutiveErrorLimit = 4;

QString limitText(int value, int limit) {
    return QStringLiteral("%1 / %2").arg(value).arg(limit);
}

QString number(double value) {
    return QString::number(value, 'g', 4);
}

} // namespace

AnalysisRunModel::AnalysisRunModel(QObject* parent) : RowSyncModel(parent) {}

int AnalysisRunModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnalysisRunModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnalysisRunModel::phaseName(AnalysisPhase phase) {
    // Phases are Argo Rollouts' API values, as kubectl shows them: not translated.
    const std::string_view name = cnsim::analysisPhaseName(phase);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString AnalysisRunModel::lastValue(const cnsim::AnalysisMetricResult& metric) {
    const auto last =
        std::find_if(metric.measurements.rbegin(), metric.measurements.rend(),
                     [](const cnsim::AnalysisMeasurement& m) { return m.value.has_value(); });
    return last == metric.measurements.rend() ? QStringLiteral("–") : number(*last->value);
}

QString AnalysisRunModel::measurementsText(const cnsim::AnalysisMetricResult& metric) {
    QStringList lines;
    for (const cnsim::AnalysisMeasurement& measurement : metric.measurements) {
        lines << tr("%1  %2  %3")
                     .arg(HpaDecisionLogModel::shortClock(measurement.startedAt),
                          measurement.value ? number(*measurement.value)
                                            : QString::fromStdString(measurement.message),
                          phaseName(measurement.phase));
    }
    return lines.join(QLatin1Char('\n'));
}

QString AnalysisRunModel::lastValueText(const cnsim::AnalysisMetricResult& metric) {
    const QString value = lastValue(metric);
    if (metric.spec.successCondition) {
        return tr("%1 (needs %2)")
            .arg(value, QString::fromStdString(metric.spec.successCondition->text));
    }
    if (metric.spec.failureCondition) {
        return tr("%1 (fails if %2)")
            .arg(value, QString::fromStdString(metric.spec.failureCondition->text));
    }
    return value;
}

QVariant AnalysisRunModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const cnsim::AnalysisMetricResult& m = r.metric;
    const cnsim::MetricCounters& c = m.counters;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunColumn:
            return r.run;
        case MetricColumn:
            return QString::fromStdString(m.spec.name);
        case PhaseColumn:
            return phaseName(m.phase);
        case SuccessfulColumn:
            return m.spec.count ? limitText(c.successful, *m.spec.count)
                                : QString::number(c.successful);
        case FailedColumn:
            return limitText(c.failed, m.spec.failureLimit.value_or(0));
        case InconclusiveColumn:
            return limitText(c.inconclusive, m.spec.inconclusiveLimit.value_or(0));
        case ErrorColumn:
            return limitText(c.consecutiveError,
                             m.spec.consecutiveErrorLimit.value_or(kDefaultConsecutiveErrorLimit));
        case LastValueColumn:
            return lastValueText(m);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastValueColumn) {
            return measurementsText(m);
        }
        return index.column() == RunColumn ? r.run
                                           : headerData(index.column(), Qt::Horizontal, role);
    }
    if (role == Qt::ForegroundRole && index.column() == PhaseColumn) {
        switch (m.phase) {
        case AnalysisPhase::Failed:
        case AnalysisPhase::Error:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case AnalysisPhase::Successful:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case AnalysisPhase::Inconclusive:
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        case AnalysisPhase::Pending:
        case AnalysisPhase::Running:
            break;
        }
    }
    return {};
}

QVariant AnalysisRunModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    // Short headers keep the counts in a narrow dock; the tooltips say what they count against.
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SuccessfulColumn:
            return tr("Successful measurements / the count the metric needs");
        case FailedColumn:
            return tr("Failed measurements / failureLimit: one more than the limit fails the run");
        case InconclusiveColumn:
            return tr("Inconclusive measurements / inconclusiveLimit: one more than the limit "
                      "pauses the Rollout");
        case ErrorColumn:
            return tr("Consecutive errors / consecutiveErrorLimit: one more than the limit ends "
                      "the run in Error");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case RunColumn:
        return tr("Analysis run");
    case MetricColumn:
        return tr("Metric");
    case PhaseColumn:
        return tr("Phase");
    case SuccessfulColumn:
        return tr("OK");
    case FailedColumn:
        return tr("Failed");
    case InconclusiveColumn:
        return tr("Inconclusive");
    case ErrorColumn:
        return tr("Errors");
    case LastValueColumn:
        return tr("Last value");
    default:
        return {};
    }
}

void AnalysisRunModel::sync(const cnsim::ApiServer& api, const std::string& nameSpace,
                            const std::string& rollout) {
    std::vector<const cnsim::AnalysisRunObject*> runs;
    for (const auto& [key, run] : api.analysisRuns()) {
        if (run.rollout == rollout && run.meta.nameSpace == nameSpace) {
            runs.push_back(&run);
        }
    }
    // Creation order: the API's map is ordered by name, not by age.
    std::stable_sort(runs.begin(), runs.end(), [](const auto* a, const auto* b) {
        return a->meta.creationTimestamp < b->meta.creationTimestamp;
    });
    std::vector<Row> rows;
    for (const cnsim::AnalysisRunObject* run : runs) {
        for (const cnsim::AnalysisMetricResult& metric : run->metrics) {
            rows.push_back(
                Row{QString::fromStdString(run->meta.name), run->meta.resourceVersion, metric});
        }
    }
    syncRows(
        m_rows, std::move(rows),
        [](const Row& a, const Row& b) {
            return a.run == b.run && a.metric.spec.name == b.metric.spec.name;
        },
        [](const Row& a, const Row& b) { return a.resourceVersion == b.resourceVersion; });
}

void AnalysisRunModel::clear() {
    clearRows(m_rows);
}
