#include "controlplanewidget.h"

#include "model/simulation.h"
#include "model/snapshot.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>
#include <string_view>

namespace {

const QColor idleFill(0xee, 0xf2, 0xf7);
const QColor litFill(0xff, 0xc8, 0x4a);
const QColor downFill(0xdc, 0xdc, 0xdc);
const QColor frame(0x4a, 0x5a, 0x6e);
const QColor downText(0x8a, 0x8a, 0x8a);
const QColor downLabel(0xc6, 0x28, 0x28);

QColor blend(const QColor& from, const QColor& to, double t) {
    const auto mix = [t](int a, int b) { return static_cast<int>(a + (b - a) * t + 0.5); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

QColor fillFor(double glow, bool down) {
    return down ? downFill : blend(idleFill, litFill, glow);
}

void drawBox(QPainter& p, const QRectF& rect, double glow, bool down) {
    p.setPen(QPen(down ? downText : frame, glow > 0.0 ? 2.0 : 1.2));
    p.setBrush(fillFor(glow, down));
    p.drawRoundedRect(rect, 6, 6);
}

// An arrow from `from` to `to` with its head at `to`; lit arrows are thicker and amber.
void drawArrow(QPainter& p, QPointF from, QPointF to, double glow, bool down) {
    const QColor colour =
        down ? downText : blend(QColor(0x90, 0x9c, 0xab), QColor(0xe0, 0x8a, 0x00), glow);
    QPen pen(colour, 1.5 + 1.5 * glow);
    if (down) {
        pen.setStyle(Qt::DashLine);
    }
    p.setPen(pen);
    p.drawLine(from, to);
    const double angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    const double size = 8.0;
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - QPointF(size * qCos(angle - 0.45), size * qSin(angle - 0.45)));
    head.lineTo(to - QPointF(size * qCos(angle + 0.45), size * qSin(angle + 0.45)));
    head.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPath(head);
}

} // namespace

ControlPlaneWidget::ControlPlaneWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("controlPlaneWidget"));
}

void ControlPlaneWidget::clear() {
    m_lastActivity = {};
    m_kubelets.clear();
    m_seenEvents = 0;
    m_now = cnsim::SimTime::zero();
    m_apiServerUp = m_schedulerUp = m_controllerManagerUp = true;
    update();
}

std::optional<ControlPlaneWidget::Box> ControlPlaneWidget::boxOf(cnsim::Component component) {
    switch (component) {
    case cnsim::Component::Scheduler:
        return SchedulerBox;
    case cnsim::Component::DeploymentController:
        return DeploymentBox;
    case cnsim::Component::ReplicaSetController:
        return ReplicaSetBox;
    case cnsim::Component::EndpointsController:
        return EndpointsBox;
    case cnsim::Component::NodeController:
        return NodeLifecycleBox;
    case cnsim::Component::TaintEvictionController:
        return TaintEvictionBox;
    case cnsim::Component::ApiServer:
    case cnsim::Component::Chaos:
    case cnsim::Component::User:
        // A fault or a person's action is a write to the API server.
        return ApiServerBox;
    case cnsim::Component::Kubelet:
    // The dock has no box for the HPA controller or the cluster autoscaler yet; their panels
    // will show their decisions.
    case cnsim::Component::HorizontalPodAutoscaler:
    case cnsim::Component::ClusterAutoscaler:
    case cnsim::Component::CloudProvider:
    // Argo Rollouts' controller is an add-on Deployment, not part of the control plane drawn.
    case cnsim::Component::RolloutsController:
    // A VM auto-scaling group and a CI/CD pipeline are outside Kubernetes' control plane.
    case cnsim::Component::AutoScalingGroup:
    case cnsim::Component::Pipeline:
    // The node termination handler is a DaemonSet on the nodes, not the control plane.
    case cnsim::Component::NodeTerminationHandler:
    // KEDA's operator is an add-on Deployment, not part of the control plane drawn.
    case cnsim::Component::KedaOperator:
        break;
    }
    return std::nullopt;
}

ControlPlaneWidget::Kubelet* ControlPlaneWidget::kubelet(const QString& node) {
    const auto found = std::find_if(m_kubelets.begin(), m_kubelets.end(),
                                    [&](const Kubelet& k) { return k.node == node; });
    return found == m_kubelets.end() ? nullptr : &*found;
}

const ControlPlaneWidget::Kubelet* ControlPlaneWidget::kubelet(const QString& node) const {
    return const_cast<ControlPlaneWidget*>(this)->kubelet(node);
}

void ControlPlaneWidget::sync(const cnsim::Simulation& simulation) {
    const cnsim::ClusterSnapshot snapshot = simulation.snapshot();
    std::vector<Kubelet> kubelets;
    kubelets.reserve(snapshot.nodes.size());
    for (const cnsim::NodeState& node : snapshot.nodes) {
        Kubelet k;
        k.node = QString::fromStdString(node.name);
        k.zone = QString::fromStdString(node.zone);
        k.up = node.up;
        k.ready = node.ready;
        if (const Kubelet* old = kubelet(k.node)) {
            k.lastActivity = old->lastActivity;
        }
        kubelets.push_back(std::move(k));
    }
    m_kubelets = std::move(kubelets);

    const std::vector<cnsim::ClusterEvent>& events = simulation.events();
    for (std::size_t i = std::min(m_seenEvents, events.size()); i < events.size(); ++i) {
        const cnsim::ClusterEvent& event = events[i];
        if (event.component != cnsim::Component::Kubelet) {
            if (const std::optional<Box> box = boxOf(event.component)) {
                m_lastActivity[*box] = event.time;
            }
            continue;
        }
        std::string_view node = event.arg("node");
        if (node.empty() && event.objectKind == cnsim::ObjectKind::Pod) {
            // Image pulls name only the pod: its node is the one it is bound to.
            for (const cnsim::PodState& pod : snapshot.pods) {
                if (pod.name == event.objectName) {
                    node = pod.node;
                    break;
                }
            }
        }
        if (Kubelet* k = kubelet(QString::fromUtf8(node.data(), static_cast<int>(node.size())))) {
            k->lastActivity = event.time;
        }
    }
    m_seenEvents = events.size();
    m_now = simulation.now();
    m_apiServerUp = simulation.apiServerUp();
    m_schedulerUp = simulation.schedulerUp();
    m_controllerManagerUp = simulation.controllerManagerUp();
    update();
}

std::optional<cnsim::SimTime> ControlPlaneWidget::lastActivity(cnsim::Component component,
                                                               const QString& node) const {
    if (component == cnsim::Component::Kubelet) {
        const Kubelet* k = kubelet(node);
        return k ? k->lastActivity : std::nullopt;
    }
    const std::optional<Box> box = boxOf(component);
    return box ? m_lastActivity[*box] : std::nullopt;
}

bool ControlPlaneWidget::isDown(cnsim::Component component, const QString& node) const {
    switch (component) {
    case cnsim::Component::Scheduler:
        return !m_schedulerUp;
    case cnsim::Component::DeploymentController:
    case cnsim::Component::ReplicaSetController:
    case cnsim::Component::EndpointsController:
    case cnsim::Component::NodeController:
    case cnsim::Component::TaintEvictionController:
    case cnsim::Component::HorizontalPodAutoscaler:
        return !m_controllerManagerUp;
    case cnsim::Component::Kubelet: {
        const Kubelet* k = kubelet(node);
        return k && !k->up;
    }
    case cnsim::Component::ApiServer:
    case cnsim::Component::Chaos:
    case cnsim::Component::User:
    // cluster-autoscaler is its own process: it stops only with the API server it talks to.
    case cnsim::Component::ClusterAutoscaler:
    // Its own Deployment: only an API server outage stops it.
    case cnsim::Component::RolloutsController:
    // A DaemonSet: it drains through the API server, so it stops with it.
    case cnsim::Component::NodeTerminationHandler:
    // KEDA's operator: its own Deployment, stopped only with the API server.
    case cnsim::Component::KedaOperator:
        break;
    case cnsim::Component::CloudProvider:
    case cnsim::Component::AutoScalingGroup:
    // The CI system runs outside the cluster; no scenario fault reaches it.
    case cnsim::Component::Pipeline:
        return false; // the cloud is never down in a scenario
    }
    return !m_apiServerUp;
}

double ControlPlaneWidget::glow(const std::optional<cnsim::SimTime>& last) const {
    if (!last || *last > m_now || m_now - *last >= FadeTime) {
        return last && *last > m_now ? 1.0 : 0.0;
    }
    return 1.0 - (m_now - *last).toSeconds() / FadeTime.toSeconds();
}

QSize ControlPlaneWidget::sizeHint() const {
    return {460, 380};
}

QSize ControlPlaneWidget::minimumSizeHint() const {
    return {320, 300};
}

void ControlPlaneWidget::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().window());

    const QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);
    const double lineHeight = QFontMetricsF(base).height();

    const double margin = 10.0;
    const QRectF area = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    const double w = area.width();

    // The caption says what the colours mean.
    const QRectF caption(area.left(), area.top(), w, lineHeight * 2.2);
    p.setFont(small);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(caption, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               tr("Every component talks only to the API server. A box lights up when the "
                  "component acts and fades within %1 simulated seconds; grey means down.")
                   .arg(FadeTime.toSeconds()));

    const double top = caption.bottom() + 6.0;
    const double height = area.bottom() - top;
    const double gap = std::max(18.0, height * 0.09);
    const double subHeight = lineHeight * 1.35;
    const double cmHeight = lineHeight * 1.6 + 3 * (subHeight + 4.0) + 4.0;
    const double apiHeight = lineHeight * 2.8;
    const double kubeletHeight = lineHeight * 3.0;

    // Top row: kube-scheduler and kube-controller-manager.
    const QRectF scheduler(area.left(), top, w * 0.34, lineHeight * 2.8);
    const QRectF cm(area.left() + w * 0.40, top, w * 0.60, cmHeight);
    const double apiTop = std::max(scheduler.bottom(), cm.bottom()) + gap;
    const QRectF api(area.left() + w * 0.15, apiTop, w * 0.70, apiHeight);
    const double kubeletTop = api.bottom() + gap;

    const auto label = [&](const QRectF& r, const QString& title, const QString& detail,
                           bool down) {
        p.setPen(down ? downText : palette().color(QPalette::WindowText));
        p.setFont(bold);
        const QRectF titleRect(r.left() + 6, r.top() + 4, r.width() - 12, lineHeight);
        p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignTop, title);
        p.setFont(small);
        if (down) {
            p.setPen(downLabel);
            p.drawText(titleRect.translated(0, lineHeight), Qt::AlignHCenter | Qt::AlignTop,
                       tr("down"));
        } else if (!detail.isEmpty()) {
            p.drawText(titleRect.translated(0, lineHeight), Qt::AlignHCenter | Qt::AlignTop,
                       detail);
        }
    };

    // Arrows first, so boxes sit on top of their ends.
    const double schedulerGlow = glow(m_lastActivity[SchedulerBox]);
    drawArrow(p, QPointF(scheduler.center().x(), scheduler.bottom()),
              QPointF(std::max(scheduler.center().x(), api.left() + 20), api.top()), schedulerGlow,
              !m_schedulerUp);
    double cmGlow = 0.0;
    for (int box = DeploymentBox; box <= DisruptionBox; ++box) {
        cmGlow = std::max(cmGlow, glow(m_lastActivity[static_cast<std::size_t>(box)]));
    }
    drawArrow(p, QPointF(cm.center().x(), cm.bottom()),
              QPointF(std::min(cm.center().x(), api.right() - 20), api.top()), cmGlow,
              !m_controllerManagerUp);

    const int count = static_cast<int>(m_kubelets.size());
    const double spacing = 8.0;
    const double kubeletWidth =
        count > 0 ? std::min(140.0, (w - spacing * (count - 1)) / count) : 0.0;
    const double rowWidth = count * kubeletWidth + std::max(0, count - 1) * spacing;
    double x = area.left() + (w - rowWidth) / 2.0;
    std::vector<QRectF> kubeletRects;
    for (const Kubelet& k : m_kubelets) {
        const QRectF r(x, kubeletTop, kubeletWidth, kubeletHeight);
        kubeletRects.push_back(r);
        const double target = std::clamp(r.center().x(), api.left() + 12, api.right() - 12);
        drawArrow(p, QPointF(r.center().x(), r.top()), QPointF(target, api.bottom()),
                  glow(k.lastActivity), !k.up);
        x += kubeletWidth + spacing;
    }

    drawBox(p, scheduler, schedulerGlow, !m_schedulerUp);
    label(scheduler, QStringLiteral("kube-scheduler"), tr("assigns Pods to Nodes"), !m_schedulerUp);

    drawBox(p, cm, 0.0, !m_controllerManagerUp);
    label(cm, QStringLiteral("kube-controller-manager"), QString(), !m_controllerManagerUp);
    const QString controllers[] = {tr("deployment"),     tr("replicaset"),     tr("endpoints"),
                                   tr("node lifecycle"), tr("taint eviction"), tr("disruption")};
    const double subTop = cm.top() + lineHeight * (m_controllerManagerUp ? 1.4 : 2.2) + 4.0;
    const double subWidth = (cm.width() - 18.0) / 2.0;
    for (int i = 0; i < 6; ++i) {
        const QRectF r(cm.left() + 6.0 + (i % 2) * (subWidth + 6.0),
                       subTop + (i / 2) * (subHeight + 4.0), subWidth, subHeight);
        const double g = glow(m_lastActivity[static_cast<std::size_t>(DeploymentBox + i)]);
        p.setPen(QPen(!m_controllerManagerUp ? downText : frame, 0.8));
        p.setBrush(!m_controllerManagerUp ? downFill : blend(Qt::white, litFill, g));
        p.drawRoundedRect(r, 4, 4);
        p.setFont(small);
        p.setPen(!m_controllerManagerUp ? downText : palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignCenter, controllers[i]);
    }

    drawBox(p, api, glow(m_lastActivity[ApiServerBox]), !m_apiServerUp);
    label(api, tr("kube-apiserver + etcd"),
          tr("the cluster's state; everyone reads and writes here"), !m_apiServerUp);

    for (std::size_t i = 0; i < m_kubelets.size(); ++i) {
        const Kubelet& k = m_kubelets[i];
        const QRectF& r = kubeletRects[i];
        drawBox(p, r, glow(k.lastActivity), !k.up);
        p.setFont(bold);
        p.setPen(k.up ? palette().color(QPalette::WindowText) : downText);
        const QRectF line(r.left() + 3, r.top() + 3, r.width() - 6, lineHeight);
        p.drawText(line, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("kubelet"));
        p.setFont(small);
        const QString nodeText =
            p.fontMetrics().elidedText(k.node, Qt::ElideMiddle, static_cast<int>(line.width()));
        p.drawText(line.translated(0, lineHeight), Qt::AlignHCenter | Qt::AlignTop, nodeText);
        if (!k.up) {
            p.setPen(downLabel);
            p.drawText(line.translated(0, lineHeight * 1.8), Qt::AlignHCenter | Qt::AlignTop,
                       tr("node down"));
        }
    }
}
