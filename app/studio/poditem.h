#pragma once

// PodItem: one pod as a small rounded chip, coloured by its Deployment.
//
// The phase is drawn so it reads without colour too: Pending = dashed outline (in the
// Pending area), Starting = hatched, Running = solid, Terminating = faded with a dotted
// border. Mirrors the last PodState it was given; ClusterScene positions it.

#include "canvaslayers.h"
#include "model/snapshot.h"

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>

class PodItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(PodItem)

public:
    enum { Type = CanvasItemType::Pod };

    explicit PodItem(const QString& name);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString name() const { return m_name; }
    const cnsim::PodState& state() const { return m_state; }
    void setState(const cnsim::PodState& state, const QColor& color);
    QColor color() const { return m_color; }
    void retranslate();

    // Short text on the chip: the random suffix Kubernetes gives pod names.
    static QString shortLabel(const QString& podName);

    static constexpr qreal Width = 50.0;
    static constexpr qreal Height = 20.0;

private:
    QString m_name;
    QString m_label;
    cnsim::PodState m_state;
    QColor m_color;
};
