#include "model/scheduler.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <map>

namespace cnsim {

namespace {

// Upstream counts a request-less container as 100m CPU / 200Mi for scoring only
// (pkg/scheduler/util/pod_resources.go DefaultMilliCPURequest, DefaultMemoryRequest).
constexpr CpuMillis kDefaultScoringCpu{100};
constexpr Bytes kDefaultScoringMemory = Bytes::mebibytes(200);

std::int64_t leastAllocated(std::int64_t requested, std::int64_t allocatable) {
    if (allocatable <= 0 || requested > allocatable) {
        return 0;
    }
    return (allocatable - requested) * 100 / allocatable;
}

} // namespace

Scheduler::Scheduler(SimulationModel& model)
    : m_model(model), m_tieBreak(model.makeStream("scheduler")) {}

void Scheduler::requestCycle() {
    if (m_cycleRequested) {
        return;
    }
    m_cycleRequested = true;
    m_model.engine().schedule(
        SimTime::zero(), [this] { runCycle(); }, priority::kScheduler);
}

std::int64_t Scheduler::leastAllocatedScore(const NodeRuntime& node, const PodRuntime& pod) {
    const CpuMillis podCpu = pod.cpuRequest.value > 0 ? pod.cpuRequest : kDefaultScoringCpu;
    const Bytes podMemory = pod.memoryRequest.value > 0 ? pod.memoryRequest : kDefaultScoringMemory;
    const std::int64_t cpu =
        leastAllocated(node.cpuRequested.value + podCpu.value, node.spec.cpu.value);
    const std::int64_t memory =
        leastAllocated(node.memoryRequested.value + podMemory.value, node.spec.memory.value);
    return (cpu + memory) / 2;
}

std::optional<std::size_t> Scheduler::selectNode(const PodRuntime& pod, std::string& reason) {
    const auto& nodes = m_model.state().nodes;
    std::map<std::string, int> failures; // sorted like upstream's FitError reasons
    std::optional<std::size_t> best;
    std::int64_t bestScore = -1;
    std::uint64_t tied = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const NodeRuntime& node = nodes[i];
        if (!node.ready) {
            ++failures["node(s) had untolerated taint {node.kubernetes.io/unreachable: }"];
            continue;
        }
        bool fits = true;
        if (node.podCount + 1 > node.spec.maxPods) {
            ++failures["Too many pods"];
            fits = false;
        }
        if (node.cpuRequested.value + pod.cpuRequest.value > node.spec.cpu.value) {
            ++failures["Insufficient cpu"];
            fits = false;
        }
        if (node.memoryRequested.value + pod.memoryRequest.value > node.spec.memory.value) {
            ++failures["Insufficient memory"];
            fits = false;
        }
        if (!fits) {
            continue;
        }
        const std::int64_t score = leastAllocatedScore(node, pod);
        if (score > bestScore) {
            bestScore = score;
            best = i;
            tied = 1;
        } else if (score == bestScore) {
            // Reservoir sampling over the equal-top nodes, as upstream's selectHost does.
            ++tied;
            if (m_tieBreak.uniformIndex(tied) == 0) {
                best = i;
            }
        }
    }
    if (!best) {
        reason = "0/" + std::to_string(nodes.size()) + " nodes are available";
        const char* separator = ": ";
        for (const auto& [text, count] : failures) {
            reason += separator + std::to_string(count) + " " + text;
            separator = ", ";
        }
        reason += ".";
    }
    return best;
}

void Scheduler::runCycle() {
    m_cycleRequested = false;
    ClusterState& state = m_model.state();
    for (auto& [id, pod] : state.pods) {
        if (pod.phase != PodPhase::Pending || pod.node) {
            continue;
        }
        std::string reason;
        const auto node = selectNode(pod, reason);
        if (!node) {
            if (pod.pendingReason != reason) {
                pod.pendingReason = reason;
                m_model.record(Component::Scheduler, EventReason::FailedScheduling, ObjectKind::Pod,
                               pod.name, {{"pod", pod.name}, {"reason", reason}});
            }
            continue;
        }
        NodeRuntime& target = state.nodes[*node];
        target.cpuRequested += pod.cpuRequest;
        target.memoryRequested += pod.memoryRequest;
        ++target.podCount;
        pod.node = *node;
        pod.pendingReason.clear();
        m_model.record(Component::Scheduler, EventReason::Scheduled, ObjectKind::Pod, pod.name,
                       {{"pod", pod.name}, {"node", target.spec.name}});
        m_model.kubelet().podBound(id);
    }
}

} // namespace cnsim
