#pragma once

// ClusterCanvas: the view on a ClusterScene — keeps the whole cluster in sight and turns
// a right-click on a node into a request: fail / recover the machine, stop / start its
// kubelet, partition it from the control plane and heal that, cordon / uncordon, drain.
//
// Zooms to fit the cluster, but at most to 150 % (a small cluster gets bigger, readable
// text rather than empty space) and at least to a readable minimum (big clusters scroll).

#include <QGraphicsView>

class ClusterScene;
class QMenu;

class ClusterCanvas : public QGraphicsView {
    Q_OBJECT

public:
    // What the node menu offers beyond Fail / Recover (MainWindow turns each into an Action).
    enum class NodeAction {
        StopKubelet,
        StartKubelet,
        Partition,
        HealPartition,
        Cordon,
        Uncordon,
        Drain
    };
    Q_ENUM(NodeAction)

    explicit ClusterCanvas(ClusterScene* scene, QWidget* parent = nullptr);

    ClusterScene* clusterScene() const { return m_scene; }
    // The menu a right-click on `node` opens; exposed so tests can drive it.
    QMenu* createNodeMenu(const QString& node);
    void fitCluster();

signals:
    void failNodeRequested(const QString& node);
    void recoverNodeRequested(const QString& node);
    void nodeActionRequested(const QString& node, ClusterCanvas::NodeAction action);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showNodeMenu(const QString& node, const QPoint& screenPos);

    ClusterScene* m_scene;
};
