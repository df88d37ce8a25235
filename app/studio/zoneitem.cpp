#include "zoneitem.h"

#include <QPainter>

ZoneItem::ZoneItem(const QString& zone) : m_zone(zone) {
    setZValue(CanvasLayer::Zones);
}

void ZoneItem::setRect(const QRectF& rect) {
    if (rect == m_rect) {
        return;
    }
    prepareGeometryChange();
    m_rect = rect;
}

QString ZoneItem::label() const {
    return m_zone.isEmpty() ? tr("No zone") : tr("Zone %1").arg(m_zone);
}

void ZoneItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x9aa7b8), 1.5, Qt::DashLine));
    painter->setBrush(QColor(0xf2f5f9));
    painter->drawRoundedRect(m_rect, 10, 10);

    QFont font = painter->font();
    font.setPointSizeF(10);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x44546a));
    const QRectF header(m_rect.left() + 12, m_rect.top() + 4, m_rect.width() - 24,
                        HeaderHeight - 6);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, label());
}
