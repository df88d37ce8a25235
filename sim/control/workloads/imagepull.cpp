#include "control/workloads/imagepull.h"

namespace cnsim {

ImagePullPolicy defaultImagePullPolicy(std::string_view image) {
    // parsers.ParseImageName: a digest names the image exactly; the tag is what follows the
    // last ':' after the last '/', so "localhost:5000/app" has none.
    if (image.find('@') != std::string_view::npos) {
        const std::string_view name = image.substr(0, image.find('@'));
        const std::size_t slash = name.rfind('/');
        const std::size_t colon = name.rfind(':');
        const bool tagged =
            colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
        if (!tagged) {
            return ImagePullPolicy::IfNotPresent;
        }
        return name.substr(colon + 1) == "latest" ? ImagePullPolicy::Always
                                                  : ImagePullPolicy::IfNotPresent;
    }
    const std::size_t slash = image.rfind('/');
    const std::size_t colon = image.rfind(':');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) {
        return ImagePullPolicy::Always; // no tag means ":latest"
    }
    return image.substr(colon + 1) == "latest" ? ImagePullPolicy::Always
                                               : ImagePullPolicy::IfNotPresent;
}

SimTime pullDuration(Bytes size, Bytes bandwidthPerSecond) {
    if (bandwidthPerSecond.value <= 0 || size.value <= 0) {
        return SimTime::zero();
    }
    // Microseconds = bytes × 10⁶ / (bytes per second), computed in two parts so large images
    // do not overflow 64 bits.
    const std::int64_t whole = size.value / bandwidthPerSecond.value;
    const std::int64_t rest = size.value % bandwidthPerSecond.value;
    const std::int64_t restMicros =
        (rest * 1'000'000 + bandwidthPerSecond.value - 1) / bandwidthPerSecond.value;
    return SimTime::seconds(whole) + SimTime::microseconds(restMicros);
}

PullPlan planImagePull(std::string_view image, ImagePullPolicy policy, bool cachedOnNode,
                       Bytes size, Bytes bandwidthPerSecond) {
    PullPlan plan;
    switch (policy) {
    case ImagePullPolicy::Never:
        if (cachedOnNode) {
            plan.action = PullAction::UseCached;
        } else {
            plan.action = PullAction::ErrImageNeverPull;
            plan.message = "Container image \"" + std::string(image) +
                           "\" is not present with pull policy of Never";
        }
        return plan;
    case ImagePullPolicy::IfNotPresent:
        if (cachedOnNode) {
            plan.action = PullAction::UseCached;
            return plan;
        }
        break;
    case ImagePullPolicy::Always:
        if (cachedOnNode) {
            plan.action = PullAction::ManifestCheck;
            plan.duration = kManifestCheckTime;
            return plan;
        }
        break;
    }
    plan.action = PullAction::Pull;
    plan.duration = pullDuration(size, bandwidthPerSecond);
    return plan;
}

SimTime SerialPullQueue::enqueue(SimTime now, SimTime duration) {
    const SimTime start = m_busyUntil > now ? m_busyUntil : now;
    m_busyUntil = start + duration;
    return m_busyUntil;
}

} // namespace cnsim
