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
    menu->setToolTipsVisible(true);
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

    const bool up = item && item->isUp();
    const auto add = [&](const QString& text, const QString& tip, const char* name,
                         NodeAction action, bool enabled) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        a->setToolTip(tip);
        a->setEnabled(enabled);
        connect(a, &QAction::triggered, this,
                [this, node, action] { emit nodeActionRequested(node, action); });
    };
    menu->addSeparator();
    add(tr("Stop kubelet"),
        tr("Stop the kubelet: containers keep running, but the node stops reporting."),
        "stopKubeletAction", NodeAction::StopKubelet, up);
    add(tr("Start kubelet"), tr("Start the kubelet again."), "startKubeletAction",
        NodeAction::StartKubelet, up);
    add(tr("Partition from control plane"),
        tr("Cut the network between this node and the control plane; its pods keep serving."),
        "partitionNodeAction", NodeAction::Partition, up);
    add(tr("Heal partition"), tr("Reconnect this node to the control plane."),
        "healPartitionAction", NodeAction::HealPartition, up);
    menu->addSeparator();
    add(tr("Cordon"), tr("Mark the node unschedulable: no new pods, running ones stay."),
        "cordonNodeAction", NodeAction::Cordon, item != nullptr);
    add(tr("Uncordon"), tr("Make the node schedulable again."), "uncordonNodeAction",
        NodeAction::Uncordon, item != nullptr);
    add(tr("Drain"),
        tr("Cordon, then evict every pod through the eviction API (PodDisruptionBudgets "
           "apply)."),
        "drainNodeAction", NodeAction::Drain, item != nullptr);
    return menu;
}

void ClusterCanvas::showNodeMenu(const QString& node, const QPoint& screenPos) {
    createNodeMenu(node)->popup(screenPos);
}
