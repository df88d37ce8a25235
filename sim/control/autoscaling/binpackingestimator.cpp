#include "control/autoscaling/binpackingestimator.h"

#include <algorithm>

namespace cnsim {

void CaSimNode::add(const CaPod& pod) {
    requestedCpu += pod.cpu;
    requestedMemory += pod.memory;
    pods.push_back(&pod);
}

void CaSimNode::removeLast() {
    requestedCpu -= pods.back()->cpu;
    requestedMemory -= pods.back()->memory;
    pods.pop_back();
}

CaSimNode CaSimNode::fromTemplate(const CaNodeGroup& group, std::string name) {
    CaSimNode n;
    n.name = std::move(name);
    n.group = group.name;
    n.labels = group.machine.labels;
    n.taints = group.machine.taints;
    n.allocatableCpu = group.machine.cpu;
    n.allocatableMemory = group.machine.memory;
    n.maxPods = group.machine.maxPods;
    return n;
}

CaSimNode CaSimNode::fromNode(const CaNode& node) {
    CaSimNode n;
    n.assign(node);
    return n;
}

void CaSimNode::assign(const CaNode& node) {
    name = node.name;
    group = node.group;
    labels = node.labels;
    taints = node.taints;
    allocatableCpu = node.allocatableCpu;
    allocatableMemory = node.allocatableMemory;
    maxPods = node.maxPods;
    requestedCpu = CpuMillis{};
    requestedMemory = Bytes{};
    pods.clear();
    for (const CaPod& p : node.pods) {
        add(p);
    }
}

bool caResourcesFit(const CaPod& pod, const CaSimNode& node) {
    return node.requestedCpu + pod.cpu <= node.allocatableCpu &&
           node.requestedMemory + pod.memory <= node.allocatableMemory &&
           static_cast<int>(node.pods.size()) + 1 <= node.maxPods;
}

const CaPredicate& caPredicateOrDefault(const CaPredicate& predicate) {
    static const CaPredicate fallback = caResourcesFit;
    return predicate ? predicate : fallback;
}

std::vector<CaPodGroup> caGroupEquivalentPods(const std::vector<const CaPod*>& pods) {
    std::vector<CaPodGroup> groups;
    std::map<std::string, std::size_t> byKey;
    for (const CaPod* p : pods) {
        if (p->equivalenceKey.empty()) {
            groups.push_back(CaPodGroup{{p}});
            continue;
        }
        const auto [it, inserted] = byKey.emplace(p->equivalenceKey, groups.size());
        if (inserted) {
            groups.push_back(CaPodGroup{});
        }
        groups[it->second].pods.push_back(p);
    }
    return groups;
}

std::vector<CaPodGroup> caOrderDecreasing(std::vector<CaPodGroup> groups,
                                          const CaNodeTemplate& machine) {
    auto score = [&](const CaPodGroup& g) {
        if (g.pods.empty()) {
            return 0.0;
        }
        const CaPod& exemplar = *g.pods.front();
        double s = 0;
        if (machine.cpu.value > 0) {
            s += static_cast<double>(exemplar.cpu.value) / static_cast<double>(machine.cpu.value);
        }
        if (machine.memory.value > 0) {
            s += static_cast<double>(exemplar.memory.value) /
                 static_cast<double>(machine.memory.value);
        }
        return s;
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const CaPodGroup& a, const CaPodGroup& b) { return score(a) > score(b); });
    return groups;
}

CaEstimate caBinpackingEstimate(const std::vector<CaPodGroup>& unordered, const CaNodeGroup& group,
                                int maxNodes, const CaPredicate& predicateIn) {
    const CaPredicate& fits = caPredicateOrDefault(predicateIn);
    CaEstimate e;
    std::vector<bool> hasPods;
    int added = 0;
    auto permissionToAddNode = [&] {
        if (maxNodes > 0 && added >= maxNodes) {
            return false;
        }
        ++added;
        return true;
    };
    auto place = [&](const CaPod* pod, std::size_t node) {
        e.nodes[node].add(*pod);
        hasPods[node] = true;
        e.scheduled.push_back(pod);
    };

    for (const CaPodGroup& g : caOrderDecreasing(unordered, group.machine)) {
        // tryToScheduleOnExistingNodes: the nodes this estimation created so far.
        std::size_t index = 0;
        for (; index < g.pods.size(); ++index) {
            const CaPod* pod = g.pods[index];
            std::optional<std::size_t> target;
            for (std::size_t n = 0; n < e.nodes.size(); ++n) {
                if (fits(*pod, e.nodes[n])) {
                    target = n;
                    break;
                }
            }
            if (!target) {
                break;
            }
            place(pod, *target);
        }
        // tryToScheduleOnNewNodes: the last node added, else a new one.
        for (; index < g.pods.size(); ++index) {
            const CaPod* pod = g.pods[index];
            if (!e.nodes.empty() && fits(*pod, e.nodes.back())) {
                place(pod, e.nodes.size() - 1);
                continue;
            }
            // An empty last node that cannot take the pod means no new node could.
            if (!e.nodes.empty() && !hasPods.back()) {
                break;
            }
            if (!permissionToAddNode()) {
                e.limited = true;
                break;
            }
            e.nodes.push_back(
                CaSimNode::fromTemplate(group, "e-" + std::to_string(e.nodes.size())));
            hasPods.push_back(false);
            if (!fits(*pod, e.nodes.back())) {
                break;
            }
            place(pod, e.nodes.size() - 1);
        }
    }
    e.nodeCount = static_cast<int>(std::count(hasPods.begin(), hasPods.end(), true));
    return e;
}

} // namespace cnsim
