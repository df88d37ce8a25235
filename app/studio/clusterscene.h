#pragma once

// ClusterScene: the topology canvas as a QGraphicsScene that mirrors ClusterSnapshots.
//
// setSnapshot() creates, updates and removes items so that the scene shows exactly the
// snapshot's zones, nodes and pods, then lays them out: zones side by side (wrapping),
// nodes inside their zone, pod chips wrapped in rows inside their node, Pending pods in
// an area below all zones. Items never own cluster state and nothing here changes the
// simulation: requests go out as signals. Works without a view (tests, screenshots).

#include <QGraphicsScene>
#include <QHash>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "model/snapshot.h"

#include <vector>

class NodeItem;
class PendingAreaItem;
class PodItem;
class ZoneItem;

class ClusterScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit ClusterScene(QObject* parent = nullptr);
    ~ClusterScene() override;

    void setSnapshot(const cnsim::ClusterSnapshot& snapshot);
    void clearCluster();
    void retranslate();

    NodeItem* nodeItem(const QString& name) const;
    PodItem* podItem(const QString& name) const;
    ZoneItem* zoneItem(const QString& zone) const;
    QList<PodItem*> podItems() const;
    QList<NodeItem*> nodeItems() const;
    PendingAreaItem* pendingArea() const { return m_pendingArea; }
    // Everything drawn, with a margin; the view fits this.
    QRectF clusterRect() const { return m_clusterRect; }

    // Called by NodeItem on a right-click; emitted so the window can offer actions.
    void requestNodeContextMenu(const QString& node, const QPoint& screenPos);

signals:
    void nodeContextMenuRequested(const QString& node, const QPoint& screenPos);
    void layoutChanged(const QRectF& clusterRect);

private:
    void syncNodes(const cnsim::ClusterSnapshot& snapshot);
    void syncPods(const cnsim::ClusterSnapshot& snapshot);
    void layoutItems(const cnsim::ClusterSnapshot& snapshot);

    QHash<QString, ZoneItem*> m_zones;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, PodItem*> m_pods;
    std::vector<QString> m_zoneOrder; // first appearance in snapshot node order
    PendingAreaItem* m_pendingArea = nullptr;
    QRectF m_clusterRect;
};
