#include "scenario/scenario.h"

namespace cnsim {

std::vector<NodeSpec> ClusterSpec::expandedNodes() const {
    std::vector<NodeSpec> out = nodes;
    for (const NodePoolSpec& pool : nodePools) {
        for (int i = 1; i <= pool.count; ++i) {
            out.push_back(NodeSpec{pool.name + "-" + std::to_string(i), pool.zone, pool.cpu,
                                   pool.memory, pool.maxPods, pool.labels, pool.taints,
                                   pool.unschedulable, pool.machine, pool.cachedImages,
                                   pool.pricePerHour});
        }
    }
    return out;
}

} // namespace cnsim
