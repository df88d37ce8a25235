#pragma once

// AutoscalingChart: one HorizontalPodAutoscaler's story on one time axis — the load on its
// Service, its metric against the target, the Deployment's running and desired replicas, p95
// latency, and — when the cluster autoscaler records them — node-group sizes (nodes solid,
// target size dashed: the gap is machines booting) and the cluster's cost, as stacked plots,
// one per unit, each with its own legend.
//
// Series are looked up by name in the MetricsStore ("service/<s>/request_rate",
// "hpa/<h>/cpu_utilization_current", "nodegroup/<g>/nodes", "cost/cluster/dollars_per_hour");
// a series the run does not record is simply not drawn, and the cost plot appears only once
// a cost series exists. sync() appends only new samples and queues one replot. Holds no
// pointer into the Simulation.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"

#include <cstddef>
#include <vector>

namespace cnsim {
class MetricsStore;
}

class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCPMarginGroup;
class QCustomPlot;

class AutoscalingChart : public QWidget {
    Q_OBJECT

public:
    enum class Panel { Load, Metric, Replicas, Latency, Cost, Nodes };

    explicit AutoscalingChart(QWidget* parent = nullptr);

    // Charts HPA `hpa` scaling Deployment `deployment` behind Service `service` (either may be
    // empty when unknown). Drops what was drawn.
    void setTarget(const QString& hpa, const QString& deployment, const QString& service);
    void sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    // The graph drawing metrics series `series`, or nullptr when it is not drawn.
    QCPGraph* graph(const QString& series) const;
    // The plot of `panel`, or nullptr when it is not shown (Cost and Nodes before the cluster
    // autoscaler's series exist).
    QCPAxisRect* axisRect(Panel panel) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Line {
        QString series;
        Panel panel = Panel::Load;
        bool rightAxis = false; // cumulative cost, on the cost plot's right axis
        QCPGraph* graph = nullptr;
        std::size_t samples = 0;
        double maxValue = 0.0;
    };

    void discoverLines(const cnsim::MetricsStore& metrics);
    void addLine(const QString& series, Panel panel, bool rightAxis = false);
    QCPAxisRect* ensureRect(Panel panel);
    QCPAxisRect* bottomRect() const; // the plot that labels the time axis
    void styleLine(Line& line) const;
    QString lineName(const Line& line) const;
    void retranslateUi();
    void updateRanges(cnsim::SimTime now);

    QCustomPlot* m_plot;
    QCPMarginGroup* m_margins;
    std::vector<QCPAxisRect*> m_rects; // by Panel; nullptr until shown
    std::vector<QCPLegend*> m_legends; // by Panel
    std::vector<Line> m_lines;
    QString m_hpa;
    QString m_deployment;
    QString m_service;
    std::size_t m_seriesSeen = 0; // metrics.all().size() at the last discovery
    cnsim::SimTime m_now;
    bool m_hours = false; // the time axis reads h:min once the run is past an hour
};
