#pragma once

// Item types and z-layers of the cluster canvas, in one place so they cannot collide.
//
// Every canvas item is a top-level item of the scene (no parent items): a pod is drawn
// over its node because of its layer, not because the node owns it, and the scene can
// move a pod between nodes without reparenting.

#include <QGraphicsItem>

namespace CanvasItemType {
constexpr int Zone = QGraphicsItem::UserType + 1;
constexpr int Node = QGraphicsItem::UserType + 2;
constexpr int Pod = QGraphicsItem::UserType + 3;
constexpr int PendingArea = QGraphicsItem::UserType + 4;
} // namespace CanvasItemType

namespace CanvasLayer {
constexpr qreal Zones = 0.0;
constexpr qreal Nodes = 10.0;
constexpr qreal Pods = 20.0;
constexpr qreal Overlays = 30.0;
} // namespace CanvasLayer
