#pragma once

// ServiceMapWidget: the "Services" dock — the scenario's services as boxes and their calls as
// arrows (ServiceMap), brought to life by the run's metrics. An arrow's thickness and the
// dots travelling along it follow its request rate, its colour the error share of the Service
// it points at (green below 1 %, amber below 5 %, red above); each box shows the Service's
// request rate, p95 latency and ready endpoints. Hover for the numbers; click a box to chart
// that Service.
//
// The dots move with simulated time, so a paused simulation shows a still picture. The widget
// reads the Simulation only inside sync() and keeps no pointer to it.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"
#include "servicemap.h"

#include <optional>
#include <vector>

namespace cnsim {
class Simulation;
struct Scenario;
} // namespace cnsim

class ServiceMapWidget : public QWidget {
    Q_OBJECT

public:
    struct ServiceStats {
        double requestRate = 0.0; // requests per second, last sample
        double errorRate = 0.0;   // failed requests per second, last sample
        double p95Ms = 0.0;
        int readyEndpoints = 0;
        int notReadyEndpoints = 0;
        double errorShare() const { return requestRate > 0.0 ? errorRate / requestRate : 0.0; }
    };

    explicit ServiceMapWidget(QWidget* parent = nullptr);

    void setScenario(const cnsim::Scenario& scenario);
    void clear();
    void sync(const cnsim::Simulation& simulation);

    const ServiceMap& map() const { return m_map; }
    // The numbers of the box `service`; nullopt when the map has no such box.
    std::optional<ServiceStats> stats(const QString& service) const;
    // Requests per second along the arrow from `from` to `to` (empty `from`: the clients).
    double edgeRate(const QString& from, const QString& to) const;
    // The box under `point`, or -1.
    int nodeAt(const QPointF& point) const;
    QRectF nodeRect(int node) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A Service's box was clicked.
    void serviceActivated(const QString& service);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QString legend() const;
    QRectF legendRect() const;
    bool vertical() const;
    QString nodeLabel(int node) const;
    QString nodeToolTip(int node) const;
    QString edgeToolTip(std::size_t edge) const;
    std::optional<std::size_t> edgeAt(const QPointF& point) const;
    QPointF edgeStart(std::size_t edge) const;
    QPointF edgeEnd(std::size_t edge) const;

    ServiceMap m_map;
    std::vector<ServiceStats> m_stats;   // per node (Clients: what they send)
    std::vector<double> m_edgeRates;     // per edge
    std::vector<double> m_edgeErrorShare; // per edge: the callee's error share
    cnsim::SimTime m_now;
};
