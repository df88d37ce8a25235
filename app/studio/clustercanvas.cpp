#include "clustercanvas.h"

#include "clusterscene.h"
#include "nodeitem.h"

#include <QEvent>
#include <QMenu>
#include <algorithm>

namespace {
constexpr qreal MinimumZoom = 0.55;
constexpr qreal MaximumZoom = 1.5;
} // namespace

ClusterCanvas::ClusterCanvas(ClusterScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene) {
    setObjectName(QStringLiteral("clusterCanvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setBackgroundBrush(QColor(0xfbfcfd));
    setDragMode(QGraphicsView::ScrollHandDrag);
    connect(scene, &ClusterScene::layoutChanged, this, &ClusterCanvas::fitCluster);
    connect(scene, &ClusterScene::nodeContextMenuRequested, this, &ClusterCanvas::showNodeMenu);
}

void ClusterCanvas::fitCluster() {
    const QRectF rect = m_scene->clusterRect();
    if (rect.isEmpty() || viewport()->width() <= 0) {
        return;
    }
    const qreal zoom = std::clamp(
        std::min(viewport()->width() / rect.width(), viewport()->height() / rect.height()),
        MinimumZoom, MaximumZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
}

void ClusterCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitCluster();
}

void ClusterCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        m_scene->retranslate();
    }
    QGraphicsView::changeEvent(event);
}

QMenu* ClusterCanvas::createNodeMenu(const QString& node) {
    NodeItem* item = m_scene->nodeItem(node);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(tr("Node %1").arg(node));
    QAction* fail = menu->addAction(tr("Fail node"));
    fail->setObjectName(QStringLiteral("failNodeAction"));
    fail->setToolTip(tr("Crash this node: its pods are lost and must be rescheduled."));
    fail->setEnabled(item && item->isUp());
    connect(fail, &QAction::triggered, this, [this, node] { emit failNodeRequested(node); });
    QAction* recover = menu->addAction(tr("Recover node"));
    recover->setObjectName(QStringLiteral("recoverNodeAction"));
    recover->setEnabled(item && !item->isUp());
    connect(recover, &QAction::triggered, this, [this, node] { emit recoverNodeRequested(node); });
    return menu;
}

void ClusterCanvas::showNodeMenu(const QString& node, const QPoint& screenPos) {
    createNodeMenu(node)->popup(screenPos);
}
