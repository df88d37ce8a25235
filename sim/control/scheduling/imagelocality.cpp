#include "control/scheduling/imagelocality.h"

#include "control/kubernetesdefaults.h"

namespace cnsim {

std::int64_t scaledImageScore(Bytes size, int numNodes, int totalNodes) {
    const double spread = static_cast<double>(numNodes) / static_cast<double>(totalNodes);
    return static_cast<std::int64_t>(static_cast<double>(size.value) * spread);
}

std::int64_t imageLocalityPriority(std::int64_t sumScores, int numContainers) {
    const std::int64_t maxThreshold = kImageLocalityMaxContainerThreshold * numContainers;
    if (sumScores < kImageLocalityMinThreshold) {
        sumScores = kImageLocalityMinThreshold;
    } else if (sumScores > maxThreshold) {
        sumScores = maxThreshold;
    }
    return k8s::kMaxNodeScore * (sumScores - kImageLocalityMinThreshold) /
           (maxThreshold - kImageLocalityMinThreshold);
}

std::int64_t ImageLocalityPlugin::score(const SchedulingContext& ctx, std::size_t nodeIndex) const {
    const SchedulerNodeInfo& node = ctx.cluster.nodes()[nodeIndex];
    const int totalNodes = static_cast<int>(ctx.cluster.nodes().size());
    std::int64_t sum = 0;
    for (const auto& image : ctx.pod.images) {
        const auto it = node.images.find(image);
        if (it != node.images.end()) {
            sum += scaledImageScore(it->second, ctx.cluster.imageNodeCount(image), totalNodes);
        }
    }
    const int containers = static_cast<int>(ctx.pod.images.size());
    if (containers == 0) {
        return 0;
    }
    return imageLocalityPriority(sum, containers);
}

} // namespace cnsim
