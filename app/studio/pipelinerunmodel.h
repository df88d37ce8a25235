#pragma once

// PipelineRunModel: the CI/CD pipelines' runs (simulation.pipelines), one row per run in
// commit order across pipelines — run number, image, when it was pushed, its stages as far as
// they got (passed, failed, running), and what came of it (waiting, failed at a stage,
// superseded, deployed and how the release ended). Holds copies of the runs, never a pointer
// into a Simulation; sync() inserts new rows and refreshes changed ones.

#include "rowsyncmodel.h"

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "model/pipelinerunner.h"

#include <vector>

class PipelineRunModel : public RowSyncModel {
    Q_OBJECT

public:
    // The outcome before the stages: in a narrow dock the long stage list is what scrolls.
    enum Column { RunColumn, ImageColumn, PushedColumn, OutcomeColumn, StagesColumn, ColumnCount };

    explicit PipelineRunModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void sync(const cnsim::PipelineRunner& runner);
    void clear();

    // "build ✓ 3:58 · test ✗ 7:12": each stage started so far, in the current language.
    static QString stagesText(const cnsim::PipelineRun& run);
    static QString outcomeText(const cnsim::PipelineRun& run);

private:
    struct Row {
        QString pipeline;
        cnsim::PipelineRun run;
    };
    std::vector<Row> m_rows;
    bool m_severalPipelines = false;
};
