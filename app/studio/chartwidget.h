#pragma once

// ChartWidget: the live metrics chart — request and error rate, p95 latency and running
// pods of one Service / Deployment, in three stacked plots sharing the time axis.
//
// sync() appends only the samples the graphs do not have yet and asks for a queued
// replot, so many syncs in one event-loop turn cost one repaint. Holds a pointer to the
// MetricsStore of the last sync only until clear(); the controller calls clear() whenever
// it replaces the Simulation.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"

#include <cstddef>

namespace cnsim {
class MetricsStore;
struct Scenario;
} // namespace cnsim

class QCPAxisRect;
class QCPGraph;
class QComboBox;
class QCustomPlot;
class QLabel;

class ChartWidget : public QWidget {
    Q_OBJECT

public:
    explicit ChartWidget(QWidget* parent = nullptr);

    // Offers the scenario's Services and Deployments; selects the first of each.
    void setScenario(const cnsim::Scenario& scenario);
    void sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* requestRateGraph() const { return m_requestRate; }
    QCPGraph* errorRateGraph() const { return m_errorRate; }
    QCPGraph* latencyGraph() const { return m_latency; }
    QCPGraph* runningPodsGraph() const { return m_runningPods; }
    QString service() const;
    // Charts `service`; false when the scenario has no such Service.
    bool selectService(const QString& service);
    QString deployment() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Feed {
        QCPGraph* graph = nullptr;
        std::size_t samples = 0; // how many of the series' samples the graph holds
        double maxValue = 0.0;
    };

    void retranslateUi();
    void restartGraphs();
    void feed(Feed& feed, const cnsim::MetricsStore& metrics, const QString& series);
    void updateRanges(cnsim::SimTime now);

    QLabel* m_serviceLabel;
    QComboBox* m_serviceCombo;
    QLabel* m_deploymentLabel;
    QComboBox* m_deploymentCombo;
    QCustomPlot* m_plot;
    QCPAxisRect* m_rateRect = nullptr;
    QCPAxisRect* m_latencyRect = nullptr;
    QCPAxisRect* m_podsRect = nullptr;
    QCPGraph* m_requestRate = nullptr;
    QCPGraph* m_errorRate = nullptr;
    QCPGraph* m_latency = nullptr;
    QCPGraph* m_runningPods = nullptr;
    Feed m_requestRateFeed;
    Feed m_errorRateFeed;
    Feed m_latencyFeed;
    Feed m_runningPodsFeed;
    const cnsim::MetricsStore* m_metrics = nullptr;
    cnsim::SimTime m_now;
    bool m_hours = false; // the time axis reads h:min once the run is past an hour
};
