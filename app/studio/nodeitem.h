#pragma once

// NodeItem: one cluster node on the canvas — a box with its name, readiness and a bar of
// CPU requested against capacity. Pods are separate items laid over it by ClusterScene.
//
// The item mirrors the last NodeState it was given and owns no truth: failing a node is
// a request (ClusterScene::nodeContextMenuRequested), and the box turns red only when a
// later snapshot says the node is NotReady.

#include "canvaslayers.h"
#include "model/snapshot.h"

#include <QCoreApplication>
#include <QGraphicsItem>

class NodeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

public:
    enum { Type = CanvasItemType::Node };

    explicit NodeItem(const QString& name);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString name() const { return m_name; }
    bool isReady() const { return m_state.ready; }
    bool isUp() const { return m_state.up; }
    const cnsim::NodeState& state() const { return m_state; }
    void setState(const cnsim::NodeState& state);
    void setRect(const QRectF& rect);
    // The area below the header where ClusterScene places pod chips.
    QRectF podArea() const;
    void retranslate();
    QString statusText() const;

    static constexpr qreal HeaderHeight = 54.0;
    static constexpr qreal Padding = 8.0;

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    QString m_name;
    cnsim::NodeState m_state;
    QRectF m_rect;
};
