#include "model/cloudprovider.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

constexpr double kSecondsPerHour = 3600.0;

} // namespace

CloudProvider::CloudProvider(SimulationModel& model)
    : m_model(model), m_spotStream(model.makeStream("spot")) {
    for (const NodeGroupSpec& spec : model.scenario().cluster.nodeGroups) {
        Group g;
        g.spec = &spec;
        m_groups.push_back(std::move(g));
        m_billing = m_billing || spec.pricePerHour > 0;
    }
    for (const NodeSpec& node : model.scenario().cluster.expandedNodes()) {
        m_billing = m_billing || node.pricePerHour > 0;
    }
    for (const VmGroupSpec& group : model.scenario().vmGroups) {
        m_billing = m_billing || group.pricePerHour > 0;
    }
}

void CloudProvider::rentInstance(const std::string& instance, const std::string& vmGroup,
                                 double pricePerHour) {
    rent(instance, "vmgroup/" + vmGroup, pricePerHour);
}

void CloudProvider::releaseInstance(const std::string& instance) {
    release(instance);
}

const CloudProvider::Group* CloudProvider::group(const std::string& name) const {
    return const_cast<CloudProvider*>(this)->findGroup(name);
}

CloudProvider::Group* CloudProvider::findGroup(const std::string& name) {
    const auto it = std::find_if(m_groups.begin(), m_groups.end(),
                                 [&](const Group& g) { return g.spec->name == name; });
    return it == m_groups.end() ? nullptr : &*it;
}

std::string CloudProvider::groupOf(const std::string& node) const {
    const auto it = m_machines.find(node);
    return it == m_machines.end() ? std::string() : it->second.group;
}

double CloudProvider::dollars() const {
    return m_accrued + m_rate * (m_model.now() - m_accruedAt).toSeconds() / kSecondsPerHour;
}

void CloudProvider::accrue() {
    m_accrued = dollars();
    m_accruedAt = m_model.now();
}

void CloudProvider::rent(const std::string& machine, const std::string& group, double price) {
    accrue();
    m_machines[machine] = Machine{group, price, EventId{}};
    m_rate += price;
}

void CloudProvider::release(const std::string& machine) {
    const auto it = m_machines.find(machine);
    if (it == m_machines.end()) {
        return;
    }
    accrue();
    m_rate -= it->second.pricePerHour;
    m_model.engine().cancel(it->second.pending);
    m_machines.erase(it);
}

void CloudProvider::start() {
    for (const NodeSpec& node : m_model.scenario().cluster.expandedNodes()) {
        if (node.pricePerHour > 0) {
            rent(node.name, "", node.pricePerHour);
        }
    }
    for (Group& g : m_groups) {
        for (int i = 0; i < g.spec->initial(); ++i) {
            const std::string name = g.spec->name + "-" + std::to_string(g.nextIndex++);
            rent(name, g.spec->name, g.spec->pricePerHour);
            ++g.targetSize;
            m_model.createNode(nodeSpecOf(g, name));
            g.nodes.push_back(name);
            scheduleInterruption(name);
        }
        g.peakSize = static_cast<int>(g.nodes.size());
    }
}

NodeSpec CloudProvider::nodeSpecOf(const Group& group, const std::string& name) const {
    const NodeGroupSpec& s = *group.spec;
    NodeSpec node;
    node.name = name;
    node.zone = s.zone;
    node.cpu = s.cpu;
    node.memory = s.memory;
    node.maxPods = s.maxPods;
    node.labels = s.labels;
    node.taints = s.taints;
    node.machine = s.machine;
    node.cachedImages = s.cachedImages;
    node.pricePerHour = s.pricePerHour;
    return node;
}

void CloudProvider::increaseSize(const std::string& groupName, int delta) {
    Group* g = findGroup(groupName);
    if (g == nullptr || delta <= 0) {
        return;
    }
    ++g->scaleUps;
    for (int i = 0; i < delta; ++i) {
        const std::string name = g->spec->name + "-" + std::to_string(g->nextIndex++);
        rent(name, g->spec->name, g->spec->pricePerHour);
        ++g->targetSize;
        g->booting.push_back(name);
        m_machines[name].pending = m_model.engine().schedule(
            g->spec->provisioningDelay(), [this, name] { registerNode(name); },
            priority::kLifecycle);
    }
}

void CloudProvider::registerNode(const std::string& machine) {
    const auto it = m_machines.find(machine);
    if (it == m_machines.end()) {
        return;
    }
    Group* g = findGroup(it->second.group);
    std::erase(g->booting, machine);
    g->nodes.push_back(machine);
    g->peakSize = std::max(g->peakSize, static_cast<int>(g->nodes.size()));
    // The kubelet registers its Node; the node controller then reports it.
    m_model.createNode(nodeSpecOf(*g, machine));
    m_model.record(Component::NodeController, EventReason::RegisteredNode, ObjectKind::Node,
                   machine, {{"node", machine}});
    scheduleInterruption(machine);
}

int CloudProvider::cancelBooting(const std::string& groupName, int count) {
    Group* g = findGroup(groupName);
    if (g == nullptr) {
        return 0;
    }
    int cancelled = 0;
    while (cancelled < count && !g->booting.empty()) {
        const std::string machine = g->booting.front();
        g->booting.erase(g->booting.begin());
        release(machine);
        --g->targetSize;
        ++cancelled;
    }
    return cancelled;
}

void CloudProvider::deleteNode(const std::string& node, bool scaledDown) {
    const std::string groupName = groupOf(node);
    if (Group* g = findGroup(groupName)) {
        std::erase(g->nodes, node);
        --g->targetSize;
        g->nodesDeleted += scaledDown ? 1 : 0;
    }
    release(node);
    if (m_model.kubelet().nodeUp(node)) {
        m_model.kubelet().crashNode(node);
    }
    // PodGC (pkg/controller/podgc gcOrphaned): pods bound to a node that no longer exists are
    // deleted at once.
    std::vector<std::pair<std::string, std::string>> orphans;
    for (const auto& [key, pod] : m_model.api().pods()) {
        if (pod.nodeName == node) {
            orphans.emplace_back(pod.meta.nameSpace, pod.meta.name);
        }
    }
    for (const auto& [nameSpace, name] : orphans) {
        if (PodObject* pod = m_model.api().pods().find(nameSpace, name)) {
            m_model.api().remove(ResourceKind::Pod, pod->meta);
        }
    }
    if (NodeObject* object = m_model.api().nodes().find("", node)) {
        m_model.api().remove(ResourceKind::Node, object->meta);
        m_model.record(Component::NodeController, EventReason::RemovingNode, ObjectKind::Node, node,
                       {{"node", node}});
    }
}

void CloudProvider::scheduleInterruption(const std::string& machine) {
    const auto it = m_machines.find(machine);
    const Group* g = it == m_machines.end() ? nullptr : findGroup(it->second.group);
    if (g == nullptr || !g->spec->spot || g->spec->spot->interruptionsPerHour <= 0) {
        return;
    }
    // A Poisson process per machine: the time to its interruption is exponential.
    const double seconds =
        m_spotStream.exponential(g->spec->spot->interruptionsPerHour / kSecondsPerHour);
    const SimTime notice = SimTime::fromSeconds(seconds);
    if (m_model.now() + notice + k8s::kSpotInterruptionNotice > m_model.endTime()) {
        return;
    }
    it->second.pending = m_model.engine().schedule(
        notice,
        [this, machine] {
            m_model.record(Component::CloudProvider, EventReason::SpotInterruption,
                           ObjectKind::Node, machine,
                           {{"node", machine},
                            {"message", "Spot instance interruption notice: the machine "
                                        "will be terminated in 2m"}});
            if (const Group* group = findGroup(groupOf(machine));
                group != nullptr && group->spec->spot->drainOnNotice) {
                m_model.drainNode(machine, Component::NodeTerminationHandler);
            }
            m_machines[machine].pending = m_model.engine().schedule(
                k8s::kSpotInterruptionNotice,
                [this, machine] {
                    if (Group* owner = findGroup(groupOf(machine))) {
                        ++owner->interruptions;
                    }
                    deleteNode(machine, false);
                },
                priority::kAction);
        },
        priority::kAction);
}

} // namespace cnsim
