#include "model/scheduler.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

std::int64_t leastAllocated(std::int64_t requested, std::int64_t allocatable) {
    if (allocatable <= 0 || requested > allocatable) {
        return 0;
    }
    return (allocatable - requested) * 100 / allocatable;
}

bool tolerates(const std::vector<Toleration>& tolerations, const Taint& taint) {
    return std::any_of(tolerations.begin(), tolerations.end(), [&](const Toleration& t) {
        if (t.effect && *t.effect != taint.effect) {
            return false;
        }
        if (t.op == TolerationOperator::Exists) {
            return t.key.empty() || t.key == taint.key;
        }
        return t.key == taint.key && t.value == taint.value;
    });
}

std::string taintText(const Taint& taint) {
    return "{" + taint.key + ": " + taint.value + "}";
}

} // namespace

Scheduler::Scheduler(SimulationModel& model)
    : m_model(model), m_tieBreak(model.makeStream("scheduler")),
      m_trigger(model.engine(), priority::kScheduler, [this] { runCycle(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Pod, [this](WatchEventType type, const ObjectMeta& meta) {
        onPodEvent(static_cast<int>(type), ObjectTable<PodObject>::key(meta.nameSpace, meta.name));
    });
    // Any node change (added, recovered, uncordoned) may let a waiting pod fit.
    api.watch(ResourceKind::Node, [this](WatchEventType, const ObjectMeta&) { requestCycle(); });
}

const Scheduler::NodeUsage* Scheduler::usage(const std::string& node) const {
    const auto it = m_usage.find(node);
    return it == m_usage.end() ? nullptr : &it->second;
}

void Scheduler::onPodEvent(int type, const std::string& key) {
    if (static_cast<WatchEventType>(type) == WatchEventType::Added) {
        m_queue.push_back(key);
        requestCycle();
        return;
    }
    if (static_cast<WatchEventType>(type) == WatchEventType::Deleted) {
        if (const auto it = m_placements.find(key); it != m_placements.end()) {
            NodeUsage& used = m_usage[it->second.node];
            used.cpu -= it->second.cpu;
            used.memory -= it->second.memory;
            --used.pods;
            m_placements.erase(it);
            requestCycle(); // freed room
        }
    }
}

std::int64_t Scheduler::leastAllocatedScore(CpuMillis allocatableCpu, Bytes allocatableMemory,
                                            const NodeUsage& used, CpuMillis podCpu,
                                            Bytes podMemory) {
    const CpuMillis cpu = podCpu.value > 0 ? podCpu : k8s::kDefaultScoringCpuRequest;
    const Bytes memory = podMemory.value > 0 ? podMemory : k8s::kDefaultScoringMemoryRequest;
    return (leastAllocated(used.cpu.value + cpu.value, allocatableCpu.value) +
            leastAllocated(used.memory.value + memory.value, allocatableMemory.value)) /
           2;
}

std::optional<std::string> Scheduler::selectNode(const PodObject& pod, std::string& reason) {
    std::map<std::string, int> failures; // sorted like upstream's FitError reasons
    std::optional<std::string> best;
    std::int64_t bestScore = -1;
    std::uint64_t tied = 0;
    const NodeUsage none;
    for (const auto& [key, node] : m_model.api().nodes()) {
        if (node.unschedulable) {
            ++failures["node(s) were unschedulable"];
            continue;
        }
        const auto untolerated =
            std::find_if(node.taints.begin(), node.taints.end(), [&](const Taint& t) {
                return t.effect != TaintEffect::PreferNoSchedule &&
                       !tolerates(pod.spec.tolerations, t);
            });
        if (untolerated != node.taints.end()) {
            ++failures["node(s) had untolerated taint " + taintText(*untolerated)];
            continue;
        }
        const NodeUsage* found = usage(node.meta.name);
        const NodeUsage& used = found != nullptr ? *found : none;
        bool fits = true;
        if (used.pods + 1 > node.capacityPods) {
            ++failures["Too many pods"];
            fits = false;
        }
        if (used.cpu.value + pod.requestCpu.value > node.allocatableCpu.value) {
            ++failures["Insufficient cpu"];
            fits = false;
        }
        if (used.memory.value + pod.requestMemory.value > node.allocatableMemory.value) {
            ++failures["Insufficient memory"];
            fits = false;
        }
        if (!fits) {
            continue;
        }
        const std::int64_t score = leastAllocatedScore(node.allocatableCpu, node.allocatableMemory,
                                                       used, pod.requestCpu, pod.requestMemory);
        if (score > bestScore) {
            bestScore = score;
            best = node.meta.name;
            tied = 1;
        } else if (score == bestScore) {
            // Reservoir sampling over the equal-top nodes, as upstream's selectHost does.
            ++tied;
            if (m_tieBreak.uniformIndex(tied) == 0) {
                best = node.meta.name;
            }
        }
    }
    if (!best) {
        reason = "0/" + std::to_string(m_model.api().nodes().size()) + " nodes are available";
        const char* separator = ": ";
        for (const auto& [text, count] : failures) {
            reason += separator + std::to_string(count) + " " + text;
            separator = ", ";
        }
        reason += ".";
    }
    return best;
}

void Scheduler::bind(PodObject& pod, const std::string& node) {
    const std::string key = ObjectTable<PodObject>::key(pod.meta.nameSpace, pod.meta.name);
    NodeUsage& used = m_usage[node];
    used.cpu += pod.requestCpu;
    used.memory += pod.requestMemory;
    ++used.pods;
    m_placements[key] = Placement{node, pod.requestCpu, pod.requestMemory};
    pod.nodeName = node;
    setCondition(pod.conditions, "PodScheduled", ConditionStatus::True, m_model.now());
    m_model.record(Component::Scheduler, EventReason::Scheduled, ObjectKind::Pod, pod.meta.name,
                   {{"pod", pod.meta.name}, {"node", node}});
    m_model.api().updated(ResourceKind::Pod, pod.meta);
}

void Scheduler::runCycle() {
    if (!m_model.api().available() || !m_model.schedulerUp()) {
        return; // retried when the component or the API server comes back
    }
    std::deque<std::string> waiting;
    while (!m_queue.empty()) {
        const std::string key = m_queue.front();
        m_queue.pop_front();
        const auto slash = key.find('/');
        PodObject* pod = m_model.api().pods().find(key.substr(0, slash), key.substr(slash + 1));
        if (pod == nullptr || !pod->nodeName.empty() || isPodTerminating(*pod)) {
            continue;
        }
        std::string reason;
        if (const auto node = selectNode(*pod, reason)) {
            bind(*pod, *node);
            continue;
        }
        if (setCondition(pod->conditions, "PodScheduled", ConditionStatus::False, m_model.now(),
                         "Unschedulable", reason)) {
            m_model.record(Component::Scheduler, EventReason::FailedScheduling, ObjectKind::Pod,
                           pod->meta.name, {{"pod", pod->meta.name}, {"reason", reason}});
            m_model.api().updated(ResourceKind::Pod, pod->meta);
        }
        waiting.push_back(key);
    }
    m_queue = std::move(waiting);
}

} // namespace cnsim
