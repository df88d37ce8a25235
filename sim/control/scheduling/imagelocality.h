#pragma once

// ImageLocality (plugins/imagelocality/image_locality.go): favours nodes that already hold
// the pod's images, each image's size scaled by the fraction of nodes holding it (so an
// image everywhere does not pull every pod to one node), clamped between 23 MiB and
// 1000 MiB × containers and mapped linearly onto 0..100. No NormalizeScore.

#include "control/scheduling/schedulerplugin.h"

namespace cnsim {

inline constexpr std::int64_t kImageLocalityMinThreshold = 23LL * 1024 * 1024;
inline constexpr std::int64_t kImageLocalityMaxContainerThreshold = 1000LL * 1024 * 1024;

// scaledImageScore: size × numNodes / totalNodes, truncated.
std::int64_t scaledImageScore(Bytes size, int numNodes, int totalNodes);
// calculatePriority.
std::int64_t imageLocalityPriority(std::int64_t sumScores, int numContainers);

class ImageLocalityPlugin final : public SchedulerPlugin {
public:
    std::string_view name() const override { return "ImageLocality"; }
    std::int64_t score(const SchedulingContext& ctx, std::size_t nodeIndex) const override;
};

} // namespace cnsim
