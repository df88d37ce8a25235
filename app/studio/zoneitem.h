#pragma once

// ZoneItem: a labelled region of the canvas standing for one availability zone.
//
// Mirrors the zone names found in the snapshot's nodes; ClusterScene sets its rect during
// layout. Owns no cluster state.

#include "canvaslayers.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

class ZoneItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(ZoneItem)

public:
    enum { Type = CanvasItemType::Zone };

    explicit ZoneItem(const QString& zone);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString zone() const { return m_zone; }
    void setRect(const QRectF& rect);
    QString label() const;

    static constexpr qreal HeaderHeight = 26.0;

private:
    QString m_zone;
    QRectF m_rect;
};
