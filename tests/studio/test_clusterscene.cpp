// ClusterScene without a view: the canvas must mirror any snapshot exactly, keep pods
// inside their node, never overlap, and stay that way from 12 pods to well over 100.

#include "clusterscene.h"
#include "nodeitem.h"
#include "pendingareaitem.h"
#include "poditem.h"
#include "zoneitem.h"

#include <QTest>
#include <string>

namespace {

cnsim::ClusterSnapshot makeSnapshot(int nodeCount, int podsPerNode, int pendingPods) {
    cnsim::ClusterSnapshot snapshot;
    snapshot.deployments.push_back({"web", 0, 0, 0, 0, 0});
    snapshot.deployments.push_back({"api", 0, 0, 0, 0, 0});
    for (int n = 0; n < nodeCount; ++n) {
        cnsim::NodeState node;
        node.name = "node-" + std::to_string(n + 1);
        node.zone = n % 3 == 2 ? "zone-b" : "zone-a";
        node.cpuCapacity = {4000};
        node.cpuRequested = {500LL * podsPerNode};
        node.maxPods = 110;
        node.podCount = podsPerNode;
        snapshot.nodes.push_back(node);
        for (int p = 0; p < podsPerNode; ++p) {
            cnsim::PodState pod;
            pod.name = (p % 2 ? "api-" : "web-") + std::to_string(n) + "x" + std::to_string(p);
            pod.deployment = p % 2 ? "api" : "web";
            pod.node = node.name;
            pod.phase = p % 4 == 3 ? cnsim::PodPhase::Starting : cnsim::PodPhase::Running;
            pod.cpuRequest = {500};
            snapshot.pods.push_back(pod);
        }
    }
    for (int p = 0; p < pendingPods; ++p) {
        cnsim::PodState pod;
        pod.name = "web-pending" + std::to_string(p);
        pod.deployment = "web";
        pod.phase = cnsim::PodPhase::Pending;
        snapshot.pods.push_back(pod);
    }
    return snapshot;
}

} // namespace

class TestClusterScene : public QObject {
    Q_OBJECT

private slots:
    void mirrorsSnapshot_data();
    void mirrorsSnapshot();
    void removesVanishedItems();
    void showsFailedNode();
    void itemTypesAreDistinct();
};

void TestClusterScene::mirrorsSnapshot_data() {
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("podsPerNode");
    QTest::addColumn<int>("pending");
    QTest::newRow("hello-cluster size: 12 pods") << 3 << 4 << 0;
    QTest::newRow("with pending pods") << 3 << 3 << 5;
    QTest::newRow("120 pods on 6 nodes") << 6 << 20 << 0;
    QTest::newRow("150 pods, 30 pending") << 8 << 15 << 30;
    QTest::newRow("empty cluster") << 0 << 0 << 0;
}

void TestClusterScene::mirrorsSnapshot() {
    QFETCH(int, nodes);
    QFETCH(int, podsPerNode);
    QFETCH(int, pending);
    ClusterScene scene;
    const cnsim::ClusterSnapshot snapshot = makeSnapshot(nodes, podsPerNode, pending);
    scene.setSnapshot(snapshot);

    QCOMPARE(scene.nodeItems().size(), nodes);
    QCOMPARE(scene.podItems().size(), static_cast<qsizetype>(snapshot.pods.size()));

    const QList<PodItem*> pods = scene.podItems();
    for (const cnsim::PodState& state : snapshot.pods) {
        PodItem* pod = scene.podItem(QString::fromStdString(state.name));
        QVERIFY(pod);
        QCOMPARE(pod->state().phase, state.phase);
        const QRectF chip = pod->sceneBoundingRect();
        if (state.node.empty()) {
            QVERIFY(scene.pendingArea()->sceneBoundingRect().contains(chip));
        } else {
            NodeItem* node = scene.nodeItem(QString::fromStdString(state.node));
            QVERIFY(node);
            QVERIFY2(node->podArea().contains(chip),
                     qPrintable(QString::fromStdString(state.name)));
        }
    }
    // No two chips overlap, and no two nodes overlap.
    for (qsizetype i = 0; i < pods.size(); ++i) {
        for (qsizetype j = i + 1; j < pods.size(); ++j) {
            QVERIFY(!pods[i]->sceneBoundingRect().intersects(pods[j]->sceneBoundingRect()));
        }
    }
    const QList<NodeItem*> nodeItems = scene.nodeItems();
    for (qsizetype i = 0; i < nodeItems.size(); ++i) {
        QVERIFY(scene.zoneItem(QString::fromStdString(nodeItems[i]->state().zone))
                    ->sceneBoundingRect()
                    .contains(nodeItems[i]->sceneBoundingRect()));
        for (qsizetype j = i + 1; j < nodeItems.size(); ++j) {
            QVERIFY(
                !nodeItems[i]->sceneBoundingRect().intersects(nodeItems[j]->sceneBoundingRect()));
        }
    }
    QVERIFY(scene.clusterRect().contains(scene.itemsBoundingRect()) || snapshot.nodes.empty());
}

void TestClusterScene::removesVanishedItems() {
    ClusterScene scene;
    scene.setSnapshot(makeSnapshot(3, 4, 2));
    QCOMPARE(scene.podItems().size(), 14);
    cnsim::ClusterSnapshot smaller = makeSnapshot(2, 1, 0);
    scene.setSnapshot(smaller);
    QCOMPARE(scene.nodeItems().size(), 2);
    QCOMPARE(scene.podItems().size(), 2);
    QVERIFY(!scene.nodeItem(QStringLiteral("node-3")));
    QCOMPARE(scene.pendingArea()->label().isEmpty(), false);
    scene.clearCluster();
    QCOMPARE(scene.items().size(), 1); // only the (hidden) Pending area remains
}

void TestClusterScene::showsFailedNode() {
    ClusterScene scene;
    cnsim::ClusterSnapshot snapshot = makeSnapshot(3, 2, 0);
    scene.setSnapshot(snapshot);
    QVERIFY(scene.nodeItem(QStringLiteral("node-2"))->isReady());
    snapshot.nodes[1].ready = false;
    scene.setSnapshot(snapshot);
    NodeItem* node = scene.nodeItem(QStringLiteral("node-2"));
    QVERIFY(!node->isReady());
    QVERIFY(node->statusText().contains(QLatin1String("NotReady")));
    QVERIFY(node->toolTip().contains(QLatin1String("NotReady")));
}

void TestClusterScene::itemTypesAreDistinct() {
    ClusterScene scene;
    scene.setSnapshot(makeSnapshot(1, 1, 1));
    QSet<int> types;
    for (QGraphicsItem* item : scene.items()) {
        QVERIFY(item->type() > QGraphicsItem::UserType);
        types.insert(item->type());
    }
    QCOMPARE(types.size(), 4); // zone, node, pod, pending area
    QVERIFY(qgraphicsitem_cast<PodItem*>(scene.podItems().first()));
}

QTEST_MAIN(TestClusterScene)
#include "test_clusterscene.moc"
