#include "nodeitem.h"

#include "clusterscene.h"
#include "eventtext.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QPainter>
#include <algorithm>

NodeItem::NodeItem(const QString& name) : m_name(name) {
    setZValue(CanvasLayer::Nodes);
    setAcceptHoverEvents(true);
}

void NodeItem::setState(const cnsim::NodeState& state) {
    m_state = state;
    retranslate();
    update();
}

void NodeItem::setRect(const QRectF& rect) {
    if (rect == m_rect) {
        return;
    }
    prepareGeometryChange();
    m_rect = rect;
}

QRectF NodeItem::podArea() const {
    return m_rect.adjusted(Padding, HeaderHeight, -Padding, -Padding);
}

QString NodeItem::statusText() const {
    // Ready/NotReady are the node conditions kubectl prints; the translation keeps the
    // Kubernetes word and adds the meaning.
    // A crashed machine is down at once; the control plane notices only after the node-monitor
    // grace period, and the student should see that gap.
    if (!m_state.up) {
        return m_state.ready ? tr("Down — control plane still sees Ready") : tr("Down — NotReady");
    }
    return m_state.ready ? tr("Ready") : tr("NotReady");
}

void NodeItem::retranslate() {
    setToolTip(tr("<b>Node %1</b><br>Zone: %2<br>Status: %3<br>CPU requested: %4 of %5<br>"
                  "CPU in use: %6 cores<br>Pods: %7 (at most %8)<br>"
                  "Right-click to fail or recover this node.")
                   .arg(m_name, QString::fromStdString(m_state.zone), statusText(),
                        EventText::cpu(m_state.cpuRequested), EventText::cpu(m_state.cpuCapacity))
                   .arg(m_state.cpuUsedCores, 0, 'f', 2)
                   .arg(m_state.podCount)
                   .arg(m_state.maxPods));
    update();
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool failed = !m_state.up || !m_state.ready;
    const QColor border = failed ? QColor(0xc62828) : QColor(0x5b6b80);
    painter->setPen(QPen(border, failed ? 2.5 : 1.2));
    painter->setBrush(failed ? QColor(0xe3e3e3) : QColor(Qt::white));
    painter->drawRoundedRect(m_rect, 6, 6);

    // Header: name on the left, status on the right.
    QFont font = painter->font();
    font.setPointSizeF(9.5);
    font.setBold(true);
    painter->setFont(font);
    const QRectF nameRect(m_rect.left() + Padding, m_rect.top() + 4, m_rect.width() - 2 * Padding,
                          18);
    painter->setPen(failed ? QColor(0x6d6d6d) : QColor(0x1f2d3d));
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, m_name);

    font.setPointSizeF(8);
    painter->setFont(font);
    painter->setPen(failed ? QColor(0xc62828) : QColor(0x2e7d32));
    painter->drawText(nameRect, Qt::AlignRight | Qt::AlignVCenter, statusText());

    // CPU requested / capacity: what the scheduler sees when it decides if a pod fits.
    const QRectF bar(m_rect.left() + Padding, m_rect.top() + 25, m_rect.width() - 2 * Padding, 8);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xdde3ea));
    painter->drawRoundedRect(bar, 3, 3);
    const double capacity =
        static_cast<double>(std::max<std::int64_t>(1, m_state.cpuCapacity.value));
    const double fraction =
        std::clamp(static_cast<double>(m_state.cpuRequested.value) / capacity, 0.0, 1.0);
    if (fraction > 0.0) {
        painter->setBrush(failed ? QColor(0x9e9e9e) : QColor(0x4f7cac));
        painter->drawRoundedRect(
            QRectF(bar.topLeft(), QSizeF(bar.width() * fraction, bar.height())), 3, 3);
    }

    font.setBold(false);
    font.setPointSizeF(7.5);
    painter->setFont(font);
    painter->setPen(QColor(0x44546a));
    const QRectF cpuText(bar.left(), bar.bottom() + 2, bar.width(), 14);
    painter->drawText(
        cpuText, Qt::AlignLeft | Qt::AlignVCenter,
        tr("CPU requested %1 / %2")
            .arg(EventText::cpu(m_state.cpuRequested), EventText::cpu(m_state.cpuCapacity)));

    if (failed) {
        // A failed node must be obvious even at a glance: a red diagonal across the pod area.
        painter->setPen(QPen(QColor(198, 40, 40, 90), 3));
        const QRectF area = podArea();
        painter->drawLine(area.topLeft(), area.bottomRight());
        painter->drawLine(area.bottomLeft(), area.topRight());
    }
}

void NodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    if (auto* clusterScene = qobject_cast<ClusterScene*>(scene())) {
        clusterScene->requestNodeContextMenu(m_name, event->screenPos());
        event->accept();
        return;
    }
    QGraphicsItem::contextMenuEvent(event);
}
