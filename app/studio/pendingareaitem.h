#pragma once

// PendingAreaItem: the region outside every node where Pending pods wait for the
// scheduler. Labelled with how many pods wait, so an empty area still explains itself.

#include "canvaslayers.h"

#include <QCoreApplication>
#include <QGraphicsItem>

class PendingAreaItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(PendingAreaItem)

public:
    enum { Type = CanvasItemType::PendingArea };

    PendingAreaItem();

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void setRect(const QRectF& rect);
    void setPodCount(int count);
    QString label() const;

    static constexpr qreal HeaderHeight = 26.0;

private:
    QRectF m_rect;
    int m_podCount = 0;
};
