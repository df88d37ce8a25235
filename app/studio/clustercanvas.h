#pragma once

// ClusterCanvas: the view on a ClusterScene — keeps the whole cluster in sight and turns
// a right-click on a node into a Fail / Recover request.
//
// Zooms to fit the cluster, but at most to 150 % (a small cluster gets bigger, readable
// text rather than empty space) and at least to a readable minimum (big clusters scroll).

#include <QGraphicsView>

class ClusterScene;
class QMenu;

class ClusterCanvas : public QGraphicsView {
    Q_OBJECT

public:
    explicit ClusterCanvas(ClusterScene* scene, QWidget* parent = nullptr);

    ClusterScene* clusterScene() const { return m_scene; }
    // The menu a right-click on `node` opens; exposed so tests can drive it.
    QMenu* createNodeMenu(const QString& node);
    void fitCluster();

signals:
    void failNodeRequested(const QString& node);
    void recoverNodeRequested(const QString& node);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showNodeMenu(const QString& node, const QPoint& screenPos);

    ClusterScene* m_scene;
};
