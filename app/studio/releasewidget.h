#pragma once

// ReleaseWidget: the "Releases" dock — one Argo Rollouts Rollout at a time (a combo when the
// cluster has several): its revision, step and the traffic split between canary and stable,
// the decision of the release so far as a sentence with its reason ("Analysis error-rate
// failed 2 of 4 measurements (failureLimit 1): the last was 0.12, it needed result <= 0.02.
// The controller aborted …"), the canary steps (RolloutStepModel), the AnalysisRuns with
// their measurements against the limits (AnalysisRunModel), the scenario's CI/CD pipeline
// runs (PipelineRunModel) and the ReleaseChart of canary weight and error share per version.
//
// Reads the Simulation only inside sync(); keeps copies of what it shows, so a language
// switch re-renders without the Simulation and Reset never leaves a dangling pointer.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "cluster/objects.h"

#include <optional>
#include <vector>

namespace cnsim {
class ApiServer;
class Simulation;
} // namespace cnsim

class AnalysisRunModel;
class PipelineRunModel;
class QComboBox;
class QLabel;
class QTreeView;
class ReleaseChart;
class RolloutStepModel;

class ReleaseWidget : public QWidget {
    Q_OBJECT

public:
    explicit ReleaseWidget(QWidget* parent = nullptr);

    void sync(const cnsim::Simulation& simulation);
    void clear();

    QStringList rolloutNames() const;
    bool selectRollout(const QString& name);

    RolloutStepModel* stepModel() const { return m_steps; }
    AnalysisRunModel* analysisModel() const { return m_analysis; }
    PipelineRunModel* pipelineModel() const { return m_pipelines; }
    ReleaseChart* chart() const { return m_chart; }
    // What the student reads, for tests and screenshots.
    QString statusText() const;
    QString decisionText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    // What the widget shows of the selected Rollout, copied at sync().
    struct Shown {
        cnsim::RolloutObject rollout;
        std::vector<cnsim::AnalysisRunObject> runs; // this Rollout's, oldest first
        QString stableImage;
        QString canaryImage;
        int stablePods = 0;
        int canaryPods = 0;
    };

    void retranslateUi();
    void showStatus();
    void onRolloutChosen();
    QString decision() const;
    static std::optional<Shown> read(const cnsim::ApiServer& api, const QString& key);

    QLabel* m_comboLabel;
    QComboBox* m_combo;
    QLabel* m_status;
    QLabel* m_decision;
    QLabel* m_stepsTitle;
    QLabel* m_analysisTitle;
    QLabel* m_pipelinesTitle;
    QLabel* m_empty;
    RolloutStepModel* m_steps;
    AnalysisRunModel* m_analysis;
    PipelineRunModel* m_pipelines;
    QTreeView* m_stepView;
    QTreeView* m_analysisView;
    QTreeView* m_pipelineView;
    QWidget* m_rolloutBox;
    QWidget* m_pipelineBox;
    ReleaseChart* m_chart;
    QString m_key; // "namespace/name"
    std::optional<Shown> m_shown;
    std::uint64_t m_version = 0;
    bool m_targetChanged = true;
};
