#include "pendingareaitem.h"

#include <QPainter>

PendingAreaItem::PendingAreaItem() {
    setZValue(CanvasLayer::Zones);
}

void PendingAreaItem::setRect(const QRectF& rect) {
    if (rect == m_rect) {
        return;
    }
    prepareGeometryChange();
    m_rect = rect;
}

void PendingAreaItem::setPodCount(int count) {
    if (count != m_podCount) {
        m_podCount = count;
        update();
    }
}

QString PendingAreaItem::label() const {
    return tr("Pending — waiting for a node: %n pod(s)", nullptr, m_podCount);
}

void PendingAreaItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0xc9a227), 1.5, Qt::DashLine));
    painter->setBrush(QColor(0xfffbea));
    painter->drawRoundedRect(m_rect, 10, 10);

    QFont font = painter->font();
    font.setPointSizeF(10);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x7a5d00));
    const QRectF header(m_rect.left() + 12, m_rect.top() + 4, m_rect.width() - 24,
                        HeaderHeight - 6);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, label());
}
