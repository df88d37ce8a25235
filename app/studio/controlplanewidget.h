#pragma once

// ControlPlaneWidget: the "Control plane" dock — a small diagram of who does the work in
// Kubernetes: kube-apiserver (with etcd) in the middle, kube-scheduler and
// kube-controller-manager (with its controllers) beside it, one kubelet per node below, and
// an arrow from each to the API server, because every component talks only to it.
//
// A box lights up when its component records a cluster event, and the highlight fades over
// FadeTime of simulated time, so a paused simulation shows a still picture and a fast one
// shows which components are busy. A component that is down (a control-plane outage, a
// crashed node) is drawn grey with a "down" label and a dashed arrow.
//
// The widget reads the Simulation only inside sync() and keeps no pointer to it; it reads
// events() incrementally and must be clear()ed when the simulation is replaced.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "engine/simtime.h"
#include "model/clusterevent.h"

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace cnsim {
class Simulation;
}

class ControlPlaneWidget : public QWidget {
    Q_OBJECT

public:
    static constexpr cnsim::SimTime FadeTime = cnsim::SimTime::seconds(5);

    explicit ControlPlaneWidget(QWidget* parent = nullptr);

    void clear();
    // Reads the events recorded since the last sync and the components' up/down state.
    void sync(const cnsim::Simulation& simulation);

    // When `component` last recorded an event (for Kubelet: the kubelet of `node`);
    // nullopt when it has not yet. Chaos and User light the API server.
    std::optional<cnsim::SimTime> lastActivity(cnsim::Component component,
                                               const QString& node = QString()) const;
    // Whether the process behind `component` is down (for Kubelet: `node`'s machine).
    bool isDown(cnsim::Component component, const QString& node = QString()) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // The boxes lit by events: the API server, the scheduler and the six controllers.
    enum Box {
        ApiServerBox,
        SchedulerBox,
        DeploymentBox,
        ReplicaSetBox,
        EndpointsBox,
        NodeLifecycleBox,
        TaintEvictionBox,
        DisruptionBox,
        BoxCount
    };
    struct Kubelet {
        QString node;
        QString zone;
        bool up = true;
        bool ready = true;
        std::optional<cnsim::SimTime> lastActivity;
    };

    static std::optional<Box> boxOf(cnsim::Component component);
    double glow(const std::optional<cnsim::SimTime>& last) const; // 1 just now … 0 faded
    Kubelet* kubelet(const QString& node);
    const Kubelet* kubelet(const QString& node) const;

    std::array<std::optional<cnsim::SimTime>, BoxCount> m_lastActivity{};
    std::vector<Kubelet> m_kubelets;
    std::size_t m_seenEvents = 0;
    cnsim::SimTime m_now;
    bool m_apiServerUp = true;
    bool m_schedulerUp = true;
    bool m_controllerManagerUp = true;
};
