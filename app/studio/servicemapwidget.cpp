#include "servicemapwidget.h"

#include "cluster/apiserver.h"
#include "metrics/metricsstore.h"
#include "model/simulation.h"
#include "scenario/scenario.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QToolTip>
#include <QtMath>
#include <algorithm>
#include <cmath>

namespace {

const QColor healthy(0x3f, 0x8f, 0x5a);
const QColor degraded(0xe0, 0x9a, 0x00);
const QColor failing(0xd0, 0x33, 0x33);
const QColor idleEdge(0xb4, 0xbc, 0xc6);
const QColor boxFill(0xf4, 0xf7, 0xfb);
const QColor gatewayFill(0xe6, 0xee, 0xfa);
const QColor clientsFill(0xee, 0xee, 0xee);
const QColor criticalHalo(0x7b, 0x4f, 0xc9, 90);

QColor colourForErrorShare(double share) {
    if (share >= 0.05) {
        return failing;
    }
    return share >= 0.01 ? degraded : healthy;
}

double lastValue(const cnsim::MetricsStore& metrics, const QString& name) {
    const cnsim::TimeSeries* series = metrics.find(name.toStdString());
    return series == nullptr || series->values.empty() ? 0.0 : series->values.back();
}

bool hasSeries(const cnsim::MetricsStore& metrics, const QString& name) {
    return metrics.find(name.toStdString()) != nullptr;
}

// The metrics name of a box: its Service, or "clients" for the outside world.
QString seriesName(const ServiceMapNode& node) {
    return node.kind == ServiceMapNode::Kind::Clients ? QStringLiteral("clients") : node.name;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF closest = a + t * ab;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
}

} // namespace

ServiceMapWidget::ServiceMapWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("serviceMapWidget"));
    setMouseTracking(true);
}

void ServiceMapWidget::setScenario(const cnsim::Scenario& scenario) {
    m_map = buildServiceMap(scenario);
    clear();
}

void ServiceMapWidget::clear() {
    m_stats.assign(m_map.nodes.size(), ServiceStats{});
    m_edgeRates.assign(m_map.edges.size(), 0.0);
    m_edgeErrorShare.assign(m_map.edges.size(), 0.0);
    m_now = cnsim::SimTime::zero();
    update();
}

void ServiceMapWidget::sync(const cnsim::Simulation& simulation) {
    const cnsim::MetricsStore& metrics = simulation.metrics();
    m_stats.assign(m_map.nodes.size(), ServiceStats{});
    for (std::size_t i = 1; i < m_map.nodes.size(); ++i) {
        const QString prefix = QStringLiteral("service/") + m_map.nodes[i].name + u'/';
        ServiceStats& s = m_stats[i];
        s.requestRate = lastValue(metrics, prefix + QStringLiteral("request_rate"));
        s.errorRate = lastValue(metrics, prefix + QStringLiteral("error_rate"));
        s.p95Ms = lastValue(metrics, prefix + QStringLiteral("latency_p95_ms"));
        const std::string name = m_map.nodes[i].name.toStdString();
        for (const auto& [key, endpoints] : simulation.api().endpoints()) {
            if (endpoints.meta.name == name) {
                s.readyEndpoints += static_cast<int>(endpoints.ready.size());
                s.notReadyEndpoints += static_cast<int>(endpoints.notReady.size());
            }
        }
    }

    // An arrow's rate is its own series when the run records one; otherwise it is estimated
    // from the caller's rate and the calls per request the scenario gives, and what reaches
    // an entry Service from outside is what the inner arrows do not explain.
    std::vector<double> inner(m_map.nodes.size(), 0.0);
    std::vector<bool> measured(m_map.edges.size(), false);
    for (std::size_t e = 0; e < m_map.edges.size(); ++e) {
        const ServiceMapEdge& edge = m_map.edges[e];
        const QString series = QStringLiteral("call/") +
                               seriesName(m_map.nodes[static_cast<std::size_t>(edge.from)]) +
                               u'/' + m_map.nodes[static_cast<std::size_t>(edge.to)].name +
                               QStringLiteral("/request_rate");
        if (hasSeries(metrics, series)) {
            m_edgeRates[e] = lastValue(metrics, series);
            measured[e] = true;
        } else if (edge.from != 0 && edge.callsPerRequest > 0.0) {
            m_edgeRates[e] =
                m_stats[static_cast<std::size_t>(edge.from)].requestRate * edge.callsPerRequest;
        } else {
            m_edgeRates[e] = -1.0; // filled below
        }
        if (m_edgeRates[e] >= 0.0) {
            inner[static_cast<std::size_t>(edge.to)] += m_edgeRates[e];
        }
    }
    for (std::size_t e = 0; e < m_map.edges.size(); ++e) {
        const ServiceMapEdge& edge = m_map.edges[e];
        const auto to = static_cast<std::size_t>(edge.to);
        if (m_edgeRates[e] < 0.0) {
            // Split what is unexplained evenly over the unmeasured arrows into this box.
            int unexplained = 0;
            for (std::size_t other = 0; other < m_map.edges.size(); ++other) {
                unexplained += m_map.edges[other].to == edge.to && m_edgeRates[other] < 0.0 &&
                               !measured[other];
            }
            m_edgeRates[e] = std::max(0.0, m_stats[to].requestRate - inner[to]) /
                             std::max(1, unexplained);
        }
        m_edgeErrorShare[e] = m_stats[to].errorShare();
    }
    m_now = simulation.now();
    update();
}

std::optional<ServiceMapWidget::ServiceStats>
ServiceMapWidget::stats(const QString& service) const {
    const int index = m_map.indexOf(service);
    if (index < 0 || static_cast<std::size_t>(index) >= m_stats.size()) {
        return std::nullopt;
    }
    return m_stats[static_cast<std::size_t>(index)];
}

double ServiceMapWidget::edgeRate(const QString& from, const QString& to) const {
    const int fromIndex = from.isEmpty() ? 0 : m_map.indexOf(from);
    const int toIndex = m_map.indexOf(to);
    for (std::size_t e = 0; e < m_map.edges.size() && e < m_edgeRates.size(); ++e) {
        if (m_map.edges[e].from == fromIndex && m_map.edges[e].to == toIndex) {
            return m_edgeRates[e];
        }
    }
    return 0.0;
}

QSize ServiceMapWidget::sizeHint() const {
    return {520, 380};
}

QSize ServiceMapWidget::minimumSizeHint() const {
    return {300, 220};
}

QString ServiceMapWidget::legend() const {
    QString text = tr("Arrows carry requests: thicker and busier means more requests per "
                      "second. Green: under 1% fail, amber: under 5%, red: more.");
    if (m_map.criticalPath.size() > 1) {
        QStringList names;
        for (const int node : m_map.criticalPath) {
            names << nodeLabel(node);
        }
        text += u'\n' + tr("Purple: the critical path %1, %2 ms with no queueing.")
                             .arg(names.join(QStringLiteral(" → ")))
                             .arg(m_map.criticalPathMs, 0, 'f', 1);
    }
    return text;
}

QRectF ServiceMapWidget::legendRect() const {
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QRectF available(12, 10, width() - 24, height());
    const QRectF needed = QFontMetricsF(small).boundingRect(
        available, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, legend());
    return {available.left(), available.top(), available.width(), needed.height()};
}

bool ServiceMapWidget::vertical() const {
    // A tall, narrow dock reads better with the clients on top and calls flowing down.
    return height() > width();
}

QRectF ServiceMapWidget::nodeRect(int node) const {
    const double margin = 12.0;
    const double lineHeight = QFontMetricsF(font()).height();
    const QRectF area = QRectF(rect()).adjusted(margin, legendRect().bottom() + margin, -margin,
                                                -margin);
    const ServiceMapNode& n = m_map.nodes[static_cast<std::size_t>(node)];
    int rowsHere = 0;
    for (const ServiceMapNode& other : m_map.nodes) {
        rowsHere += other.column == n.column;
    }
    const int layers = std::max(1, m_map.columns);
    const double height = n.kind == ServiceMapNode::Kind::Clients ? lineHeight * 2.0
                                                                   : lineHeight * 3.3;
    if (vertical()) {
        const double layerHeight = area.height() / layers;
        const double slotWidth = area.width() / std::max(1, rowsHere);
        const double width = std::min(170.0, slotWidth * 0.9);
        const double cx = area.left() + slotWidth * (n.row + 0.5);
        const double cy = area.top() + layerHeight * (n.column + 0.5);
        return {cx - width / 2.0, cy - height / 2.0, width, height};
    }
    const double columnWidth = area.width() / layers;
    const double width = std::min(170.0, columnWidth * 0.78);
    const double rowHeight = area.height() / std::max(1, rowsHere);
    const double cx = area.left() + columnWidth * (n.column + 0.5);
    const double cy = area.top() + rowHeight * (n.row + 0.5);
    return {cx - width / 2.0, cy - height / 2.0, width, height};
}

int ServiceMapWidget::nodeAt(const QPointF& point) const {
    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        if (nodeRect(static_cast<int>(i)).contains(point)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QPointF ServiceMapWidget::edgeStart(std::size_t edge) const {
    const QRectF r = nodeRect(m_map.edges[edge].from);
    return vertical() ? QPointF(r.center().x(), r.bottom()) : QPointF(r.right(), r.center().y());
}

QPointF ServiceMapWidget::edgeEnd(std::size_t edge) const {
    const QRectF r = nodeRect(m_map.edges[edge].to);
    return vertical() ? QPointF(r.center().x(), r.top()) : QPointF(r.left(), r.center().y());
}

std::optional<std::size_t> ServiceMapWidget::edgeAt(const QPointF& point) const {
    for (std::size_t e = 0; e < m_map.edges.size(); ++e) {
        if (distanceToSegment(point, edgeStart(e), edgeEnd(e)) < 6.0) {
            return e;
        }
    }
    return std::nullopt;
}

QString ServiceMapWidget::nodeLabel(int node) const {
    const ServiceMapNode& n = m_map.nodes[static_cast<std::size_t>(node)];
    return n.kind == ServiceMapNode::Kind::Clients ? tr("Clients") : n.name;
}

QString ServiceMapWidget::nodeToolTip(int node) const {
    const auto index = static_cast<std::size_t>(node);
    const ServiceMapNode& n = m_map.nodes[index];
    if (n.kind == ServiceMapNode::Kind::Clients) {
        return tr("Requests from outside the cluster");
    }
    const ServiceStats& s = m_stats[index];
    QString text = n.kind == ServiceMapNode::Kind::Gateway ? tr("Gateway %1").arg(n.name)
                                                           : tr("Service %1").arg(n.name);
    text += u'\n' + tr("%1 requests/s, %2% failed").arg(s.requestRate, 0, 'f', 1)
                        .arg(100.0 * s.errorShare(), 0, 'f', 1);
    text += u'\n' + tr("p95 latency %1 ms").arg(s.p95Ms, 0, 'f', 1);
    text += u'\n' + tr("%n ready endpoint(s)", nullptr, s.readyEndpoints);
    if (s.notReadyEndpoints > 0) {
        text += u'\n' + tr("%n not ready", nullptr, s.notReadyEndpoints);
    }
    text += u'\n' + tr("Click to chart this Service.");
    return text;
}

QString ServiceMapWidget::edgeToolTip(std::size_t edge) const {
    const ServiceMapEdge& e = m_map.edges[edge];
    QString text = tr("%1 → %2").arg(nodeLabel(e.from), nodeLabel(e.to));
    text += u'\n' + tr("%1 requests/s").arg(m_edgeRates[edge], 0, 'f', 1);
    if (e.callsPerRequest > 0.0) {
        text += u'\n' + tr("%1 calls per request").arg(e.callsPerRequest, 0, 'g', 3);
    }
    text += u'\n' + tr("%1% of %2's requests fail")
                        .arg(100.0 * m_edgeErrorShare[edge], 0, 'f', 1)
                        .arg(nodeLabel(e.to));
    return text;
}

void ServiceMapWidget::mousePressEvent(QMouseEvent* event) {
    const int node = nodeAt(event->position());
    if (node > 0) {
        emit serviceActivated(m_map.nodes[static_cast<std::size_t>(node)].name);
    }
    QWidget::mousePressEvent(event);
}

bool ServiceMapWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPointF point = help->pos();
        if (const int node = nodeAt(point); node >= 0) {
            QToolTip::showText(help->globalPos(), nodeToolTip(node), this);
        } else if (const std::optional<std::size_t> edge = edgeAt(point)) {
            QToolTip::showText(help->globalPos(), edgeToolTip(*edge), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void ServiceMapWidget::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().window());

    const QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);
    const double lineHeight = QFontMetricsF(base).height();

    p.setFont(small);
    p.setPen(palette().color(QPalette::WindowText));
    if (m_map.nodes.size() <= 1) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("This scenario sends no traffic."));
        return;
    }
    p.drawText(legendRect(), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, legend());

    // Arrows, then the dots travelling along them, then the boxes on top.
    const double phase = std::fmod(m_now.toSeconds(), 1.0);
    for (std::size_t e = 0; e < m_map.edges.size(); ++e) {
        const QPointF from = edgeStart(e);
        const QPointF to = edgeEnd(e);
        const double rate = m_edgeRates[e];
        const QColor colour = rate > 0.0 ? colourForErrorShare(m_edgeErrorShare[e]) : idleEdge;
        const double thickness = rate > 0.0 ? std::min(7.0, 1.2 + 1.4 * std::log10(1.0 + rate))
                                            : 1.0;
        if (m_map.onCriticalPath(m_map.edges[e])) {
            p.setPen(QPen(criticalHalo, thickness + 9.0, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(from, to);
        }
        p.setPen(QPen(colour, thickness, rate > 0.0 ? Qt::SolidLine : Qt::DashLine,
                      Qt::RoundCap));
        p.drawLine(from, to);
        const double angle = qAtan2(to.y() - from.y(), to.x() - from.x());
        const double head = 7.0 + thickness;
        QPainterPath arrow;
        arrow.moveTo(to);
        arrow.lineTo(to - QPointF(head * qCos(angle - 0.4), head * qSin(angle - 0.4)));
        arrow.lineTo(to - QPointF(head * qCos(angle + 0.4), head * qSin(angle + 0.4)));
        arrow.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPath(arrow);
        if (rate > 0.0) {
            const int dots = std::clamp(static_cast<int>(std::lround(1.0 + std::log2(1.0 + rate))),
                                        1, 14);
            p.setBrush(colour.darker(130));
            const double radius = 2.0 + thickness * 0.35;
            for (int d = 0; d < dots; ++d) {
                const double t = std::fmod(phase + static_cast<double>(d) / dots, 1.0);
                p.drawEllipse(from + t * (to - from), radius, radius);
            }
        }
    }

    for (std::size_t i = 0; i < m_map.nodes.size(); ++i) {
        const ServiceMapNode& n = m_map.nodes[i];
        const QRectF r = nodeRect(static_cast<int>(i));
        const ServiceStats& s = m_stats[i];
        const bool busy = s.requestRate > 0.0;
        QColor border = busy ? colourForErrorShare(s.errorShare()) : idleEdge;
        if (n.kind != ServiceMapNode::Kind::Clients && s.readyEndpoints == 0 && busy) {
            border = failing;
        }
        p.setPen(QPen(n.kind == ServiceMapNode::Kind::Clients ? idleEdge : border, 2.0));
        p.setBrush(n.kind == ServiceMapNode::Kind::Gateway   ? gatewayFill
                   : n.kind == ServiceMapNode::Kind::Clients ? clientsFill
                                                             : boxFill);
        p.drawRoundedRect(r, 7, 7);
        p.setPen(palette().color(QPalette::WindowText));
        p.setFont(bold);
        const QRectF title(r.left() + 4, r.top() + 3, r.width() - 8, lineHeight);
        p.drawText(title, Qt::AlignHCenter | Qt::AlignTop,
                   p.fontMetrics().elidedText(nodeLabel(static_cast<int>(i)), Qt::ElideMiddle,
                                              static_cast<int>(title.width())));
        if (n.kind == ServiceMapNode::Kind::Clients) {
            continue;
        }
        p.setFont(small);
        const QString load = tr("%1/s · p95 %2 ms").arg(s.requestRate, 0, 'f', 0)
                                 .arg(s.p95Ms, 0, 'f', 0);
        const int textWidth = static_cast<int>(title.width());
        p.drawText(title.translated(0, lineHeight), Qt::AlignHCenter | Qt::AlignTop,
                   p.fontMetrics().elidedText(load, Qt::ElideRight, textWidth));
        p.setPen(s.readyEndpoints == 0 ? failing : palette().color(QPalette::WindowText));
        const QString pods = n.kind == ServiceMapNode::Kind::Gateway
                                 ? tr("gateway · %n ready", nullptr, s.readyEndpoints)
                                 : tr("%n ready", nullptr, s.readyEndpoints);
        p.drawText(title.translated(0, lineHeight * 2.0), Qt::AlignHCenter | Qt::AlignTop,
                   p.fontMetrics().elidedText(pods, Qt::ElideRight, textWidth));
    }
}
