#include "poditem.h"

#include "eventtext.h"

#include <QPainter>

PodItem::PodItem(const QString& name) : m_name(name), m_label(shortLabel(name)) {
    setZValue(CanvasLayer::Pods);
    setAcceptHoverEvents(true);
    // Selecting a pod shows its scheduling decision ("Why this node?").
    setFlag(QGraphicsItem::ItemIsSelectable);
}

QRectF PodItem::boundingRect() const {
    return QRectF(0, 0, Width, Height);
}

QString PodItem::shortLabel(const QString& podName) {
    const qsizetype dash = podName.lastIndexOf(QLatin1Char('-'));
    QString suffix = dash >= 0 ? podName.mid(dash + 1) : podName;
    if (suffix.isEmpty()) {
        suffix = podName;
    }
    return suffix.left(6);
}

void PodItem::setState(const cnsim::PodState& state, const QColor& color) {
    const bool changed = state.phase != m_state.phase || color != m_color;
    m_state = state;
    m_color = color;
    setOpacity(state.phase == cnsim::PodPhase::Terminating ? 0.45 : 1.0);
    retranslate();
    if (changed) {
        update();
    }
}

void PodItem::retranslate() {
    const QString node =
        m_state.node.empty() ? tr("none yet") : QString::fromStdString(m_state.node);
    QString tip =
        tr("<b>Pod %1</b><br>Deployment: %2<br>Phase: %3<br>Node: %4<br>"
           "Requests: %5 CPU, %6 memory")
            .arg(m_name, QString::fromStdString(m_state.deployment),
                 EventText::phaseName(m_state.phase), node, EventText::cpu(m_state.cpuRequest),
                 EventText::memory(m_state.memoryRequest));
    if (m_state.phase == cnsim::PodPhase::Running) {
        tip += QStringLiteral("<br>") +
               tr("%n request(s) in flight", nullptr, m_state.requestsInFlight);
    }
    if (!m_state.pendingReason.empty()) {
        tip += QStringLiteral("<br>") +
               tr("Waiting because: %1").arg(QString::fromStdString(m_state.pendingReason));
    }
    setToolTip(tip);
}

void PodItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF chip = boundingRect().adjusted(1, 1, -1, -1);
    QColor textColor = Qt::white;
    switch (m_state.phase) {
    case cnsim::PodPhase::Pending:
        painter->setPen(QPen(m_color, 1.5, Qt::DashLine));
        painter->setBrush(Qt::white);
        textColor = m_color.darker(130);
        break;
    case cnsim::PodPhase::Starting: {
        painter->setPen(QPen(m_color, 1.5));
        painter->setBrush(m_color.lighter(185));
        painter->drawRoundedRect(chip, 5, 5);
        painter->setBrush(QBrush(m_color, Qt::BDiagPattern));
        textColor = m_color.darker(150);
        break;
    }
    case cnsim::PodPhase::Running:
        painter->setPen(QPen(m_color.darker(125), 1.0));
        painter->setBrush(m_color);
        break;
    case cnsim::PodPhase::Terminating:
        painter->setPen(QPen(m_color.darker(125), 1.2, Qt::DotLine));
        painter->setBrush(m_color.lighter(150));
        textColor = m_color.darker(170);
        break;
    }
    painter->drawRoundedRect(chip, 5, 5);

    QFont font = painter->font();
    font.setPointSizeF(7);
    font.setBold(m_state.phase == cnsim::PodPhase::Running);
    painter->setFont(font);
    painter->setPen(textColor);
    painter->drawText(chip, Qt::AlignCenter, m_label);
    if (isSelected()) {
        // A dark ring, visible on every Deployment colour and without colour vision.
        painter->setPen(QPen(QColor(20, 20, 20), 2.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), 5, 5);
    }
}
