#pragma once

// ReleaseChart: one Rollout's release on one time axis — the traffic weight the controller
// gives the canary (percent, a step line; the stable version gets the rest) above the share
// of requests each version of the Rollout's Service answered with an error, over a sliding
// 30-second window (per-second shares of a few requests are too noisy to read). The lines
// are metrics series ("rollout/<r>/canary_weight", "version/<s>/<v>/error_rate" and
// "…/request_rate"); a version appears when it first serves. sync() appends only new samples
// and queues one replot. Holds no pointer into the Simulation.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"

#include <cstddef>
#include <deque>
#include <vector>

namespace cnsim {
class MetricsStore;
}

class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCustomPlot;

class ReleaseChart : public QWidget {
    Q_OBJECT

public:
    static constexpr std::size_t kErrorWindowSeconds = 30;

    explicit ReleaseChart(QWidget* parent = nullptr);

    // Charts Rollout `rollout` whose users reach it through Service `service`. Drops what was
    // drawn.
    void setTarget(const QString& rollout, const QString& service);
    void sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* weightGraph() const { return m_weight.graph; }
    // The error-share graph of version `version`, or nullptr before it served.
    QCPGraph* errorGraph(const QString& version) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Line {
        QString version; // empty for the weight line
        QCPGraph* graph = nullptr;
        std::size_t samples = 0;
        std::deque<double> requests; // the last kErrorWindowSeconds samples
        std::deque<double> errors;
    };

    QCPAxisRect* makeRect(QCPLegend*& legend);
    void discoverVersions(const cnsim::MetricsStore& metrics);
    void retranslateUi();
    void updateRanges(cnsim::SimTime now);

    QCustomPlot* m_plot;
    QCPAxisRect* m_weightRect;
    QCPAxisRect* m_errorRect;
    QCPLegend* m_weightLegend = nullptr;
    QCPLegend* m_errorLegend = nullptr;
    Line m_weight;
    std::vector<Line> m_versions;
    QString m_rollout;
    QString m_service;
    std::size_t m_seriesSeen = 0;
    double m_errorTop = 0.0;
    bool m_hours = false;
};
