#include "clusterscene.h"

#include "nodeitem.h"
#include "pendingareaitem.h"
#include "poditem.h"
#include "podpalette.h"
#include "zoneitem.h"

#include <QSet>
#include <algorithm>
#include <map>

namespace {

// Layout in scene units (pixels at 100 % zoom). Chips wrap at ChipsPerRow, so a node's
// box grows downwards with its pod count and nothing ever overlaps.
constexpr int ChipsPerRow = 4;
constexpr qreal ChipGap = 4.0;
constexpr int NodesPerZoneRow = 3;
constexpr qreal NodeGap = 12.0;
constexpr qreal ZonePadding = 12.0;
constexpr qreal ZoneGap = 20.0;
constexpr qreal MaxRowWidth = 1200.0; // zones wrap to a new row beyond this
constexpr qreal PendingChipsMinWidth = 420.0;
constexpr qreal Margin = 16.0;

constexpr qreal nodeWidth() {
    return 2 * NodeItem::Padding + ChipsPerRow * PodItem::Width + (ChipsPerRow - 1) * ChipGap;
}

qreal chipsHeight(int chipCount, int perRow) {
    const int rows = std::max(1, (chipCount + perRow - 1) / perRow);
    return rows * PodItem::Height + (rows - 1) * ChipGap;
}

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

ClusterScene::ClusterScene(QObject* parent) : QGraphicsScene(parent) {
    m_pendingArea = new PendingAreaItem;
    addItem(m_pendingArea);
    m_pendingArea->setVisible(false);
}

ClusterScene::~ClusterScene() = default;

void ClusterScene::requestNodeContextMenu(const QString& node, const QPoint& screenPos) {
    emit nodeContextMenuRequested(node, screenPos);
}

NodeItem* ClusterScene::nodeItem(const QString& name) const {
    return m_nodes.value(name);
}

PodItem* ClusterScene::podItem(const QString& name) const {
    return m_pods.value(name);
}

ZoneItem* ClusterScene::zoneItem(const QString& zone) const {
    return m_zones.value(zone);
}

QList<PodItem*> ClusterScene::podItems() const {
    return m_pods.values();
}

QList<NodeItem*> ClusterScene::nodeItems() const {
    return m_nodes.values();
}

void ClusterScene::clearCluster() {
    qDeleteAll(m_pods);
    qDeleteAll(m_nodes);
    qDeleteAll(m_zones);
    m_pods.clear();
    m_nodes.clear();
    m_zones.clear();
    m_zoneOrder.clear();
    m_pendingArea->setVisible(false);
    m_clusterRect = QRectF();
    setSceneRect(QRectF());
}

void ClusterScene::retranslate() {
    for (NodeItem* node : std::as_const(m_nodes)) {
        node->retranslate();
    }
    for (PodItem* pod : std::as_const(m_pods)) {
        pod->retranslate();
    }
    for (ZoneItem* zone : std::as_const(m_zones)) {
        zone->update();
    }
    m_pendingArea->update();
}

void ClusterScene::setSnapshot(const cnsim::ClusterSnapshot& snapshot) {
    syncNodes(snapshot);
    syncPods(snapshot);
    layoutItems(snapshot);
}

void ClusterScene::syncNodes(const cnsim::ClusterSnapshot& snapshot) {
    QSet<QString> seenNodes;
    QSet<QString> seenZones;
    m_zoneOrder.clear();
    for (const cnsim::NodeState& state : snapshot.nodes) {
        const QString name = fromStd(state.name);
        const QString zone = fromStd(state.zone);
        seenNodes.insert(name);
        if (!seenZones.contains(zone)) {
            seenZones.insert(zone);
            m_zoneOrder.push_back(zone);
            if (!m_zones.contains(zone)) {
                auto* item = new ZoneItem(zone);
                addItem(item);
                m_zones.insert(zone, item);
            }
        }
        NodeItem* item = m_nodes.value(name);
        if (!item) {
            item = new NodeItem(name);
            addItem(item);
            m_nodes.insert(name, item);
        }
        item->setState(state);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!seenNodes.contains(it.key())) {
            delete it.value();
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_zones.begin(); it != m_zones.end();) {
        if (!seenZones.contains(it.key())) {
            delete it.value();
            it = m_zones.erase(it);
        } else {
            ++it;
        }
    }
}

void ClusterScene::syncPods(const cnsim::ClusterSnapshot& snapshot) {
    std::map<std::string, int, std::less<>> deploymentIndex;
    for (std::size_t i = 0; i < snapshot.deployments.size(); ++i) {
        deploymentIndex.emplace(snapshot.deployments[i].name, static_cast<int>(i));
    }
    QSet<QString> seen;
    for (const cnsim::PodState& state : snapshot.pods) {
        const QString name = fromStd(state.name);
        seen.insert(name);
        PodItem* item = m_pods.value(name);
        if (!item) {
            item = new PodItem(name);
            addItem(item);
            m_pods.insert(name, item);
        }
        const auto found = deploymentIndex.find(state.deployment);
        item->setState(state,
                       PodPalette::colorAt(found == deploymentIndex.end() ? -1 : found->second));
    }
    for (auto it = m_pods.begin(); it != m_pods.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_pods.erase(it);
        } else {
            ++it;
        }
    }
}

void ClusterScene::layoutItems(const cnsim::ClusterSnapshot& snapshot) {
    // Pods per node (and Pending ones) in snapshot order, so chips keep their places.
    QHash<QString, QList<PodItem*>> podsOnNode;
    QList<PodItem*> pendingPods;
    for (const cnsim::PodState& state : snapshot.pods) {
        PodItem* pod = m_pods.value(fromStd(state.name));
        const QString node = fromStd(state.node);
        if (state.node.empty() || !m_nodes.contains(node)) {
            pendingPods.append(pod);
        } else {
            podsOnNode[node].append(pod);
        }
    }

    // Nodes per zone, in snapshot order.
    QHash<QString, QList<NodeItem*>> nodesInZone;
    for (const cnsim::NodeState& state : snapshot.nodes) {
        nodesInZone[fromStd(state.zone)].append(m_nodes.value(fromStd(state.name)));
    }

    qreal x = Margin;
    qreal y = Margin;
    qreal rowHeight = 0.0;
    qreal right = Margin;
    for (const QString& zone : m_zoneOrder) {
        const QList<NodeItem*>& nodes = nodesInZone[zone];
        const int columns = std::min<int>(NodesPerZoneRow, static_cast<int>(nodes.size()));
        const qreal zoneWidth = 2 * ZonePadding + columns * nodeWidth() + (columns - 1) * NodeGap;
        if (x > Margin && x + zoneWidth > MaxRowWidth) {
            x = Margin;
            y += rowHeight + ZoneGap;
            rowHeight = 0.0;
        }
        // Nodes in rows of NodesPerZoneRow; each row as tall as its tallest node.
        qreal nodeY = y + ZoneItem::HeaderHeight;
        for (qsizetype first = 0; first < nodes.size(); first += NodesPerZoneRow) {
            const qsizetype last = std::min<qsizetype>(first + NodesPerZoneRow, nodes.size());
            qreal nodeRowHeight = 0.0;
            for (qsizetype i = first; i < last; ++i) {
                const int podCount = static_cast<int>(podsOnNode.value(nodes[i]->name()).size());
                nodeRowHeight = std::max(nodeRowHeight, NodeItem::HeaderHeight +
                                                            chipsHeight(podCount, ChipsPerRow) +
                                                            NodeItem::Padding);
            }
            for (qsizetype i = first; i < last; ++i) {
                NodeItem* node = nodes[i];
                const qreal nodeX =
                    x + ZonePadding + static_cast<qreal>(i - first) * (nodeWidth() + NodeGap);
                node->setRect(QRectF(nodeX, nodeY, nodeWidth(), nodeRowHeight));
                const QRectF area = node->podArea();
                const QList<PodItem*> pods = podsOnNode.value(node->name());
                for (qsizetype p = 0; p < pods.size(); ++p) {
                    const auto column = static_cast<qreal>(p % ChipsPerRow);
                    const auto row = static_cast<qreal>(p / ChipsPerRow);
                    pods[p]->setPos(area.left() + column * (PodItem::Width + ChipGap),
                                    area.top() + row * (PodItem::Height + ChipGap));
                }
            }
            nodeY += nodeRowHeight + NodeGap;
        }
        const qreal zoneHeight = nodeY - NodeGap + ZonePadding - y;
        m_zones.value(zone)->setRect(QRectF(x, y, zoneWidth, zoneHeight));
        rowHeight = std::max(rowHeight, zoneHeight);
        right = std::max(right, x + zoneWidth);
        x += zoneWidth + ZoneGap;
    }
    const qreal zonesBottom = m_zoneOrder.empty() ? Margin : y + rowHeight;

    // The Pending area spans the zones' width (at least enough for a few chips).
    const qreal pendingWidth = std::max(right - Margin, PendingChipsMinWidth);
    const qreal pendingTop = zonesBottom + ZoneGap;
    const int perRow = std::max(1, static_cast<int>((pendingWidth - 2 * ZonePadding + ChipGap) /
                                                    (PodItem::Width + ChipGap)));
    const int pendingCount = static_cast<int>(pendingPods.size());
    const qreal pendingHeight =
        PendingAreaItem::HeaderHeight + chipsHeight(pendingCount, perRow) + ZonePadding;
    m_pendingArea->setRect(QRectF(Margin, pendingTop, pendingWidth, pendingHeight));
    m_pendingArea->setPodCount(pendingCount);
    m_pendingArea->setVisible(!snapshot.nodes.empty() || pendingCount > 0);
    for (int p = 0; p < pendingCount; ++p) {
        pendingPods[p]->setPos(Margin + ZonePadding +
                                   static_cast<qreal>(p % perRow) * (PodItem::Width + ChipGap),
                               pendingTop + PendingAreaItem::HeaderHeight +
                                   static_cast<qreal>(p / perRow) * (PodItem::Height + ChipGap));
    }

    const QRectF bounds(0, 0, std::max(right, Margin + pendingWidth) + Margin,
                        pendingTop + pendingHeight + Margin);
    if (bounds != m_clusterRect) {
        m_clusterRect = bounds;
        setSceneRect(bounds);
        emit layoutChanged(bounds);
    }
}
