#pragma once

// AnalysisRunModel: the AnalysisRuns of one Rollout, one row per run and metric in creation
// order — the run's name, the metric, its phase, its measurements against the limits that
// judge them (successful of count, failed against failureLimit, inconclusive against
// inconclusiveLimit, errors against consecutiveErrorLimit) and the last value with the
// condition it was held to. Holds copies of the runs.

#include "rowsyncmodel.h"

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "cluster/objects.h"

#include <vector>

namespace cnsim {
class ApiServer;
}

class AnalysisRunModel : public RowSyncModel {
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        MetricColumn,
        PhaseColumn,
        SuccessfulColumn,
        FailedColumn,
        InconclusiveColumn,
        ErrorColumn,
        LastValueColumn,
        ColumnCount
    };

    struct Row {
        QString run;
        std::uint64_t resourceVersion = 0;
        cnsim::AnalysisMetricResult metric;
    };

    explicit AnalysisRunModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The runs of Rollout `rollout` in namespace `nameSpace`, oldest first.
    void sync(const cnsim::ApiServer& api, const std::string& nameSpace,
              const std::string& rollout);
    void clear();
    const Row& row(int index) const { return m_rows[static_cast<std::size_t>(index)]; }

    // "Failed", "Successful", …: the API value.
    static QString phaseName(cnsim::AnalysisPhase phase);
    // "0.124 (needs result <= 0.02)", or "–" before the first measurement.
    static QString lastValueText(const cnsim::AnalysisMetricResult& metric);
    // Every measurement, one a line: "1:58:29  0.1182  Failed" (an Error shows its message).
    static QString measurementsText(const cnsim::AnalysisMetricResult& metric);
    // The last measured value ("0.124"), or "–" before the first measurement.
    static QString lastValue(const cnsim::AnalysisMetricResult& metric);

private:
    std::vector<Row> m_rows;
};
