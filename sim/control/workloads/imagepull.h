#pragma once

// Image pulls on a node: the default imagePullPolicy, what each policy does with the node's
// cache, and how long a pull takes.
//
// Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Container (":latest" or no tag ⇒
// Always, else IfNotPresent; a digest-only reference ⇒ IfNotPresent);
// pkg/kubelet/images/image_manager.go EnsureImageExists (shouldPullImage, ErrImageNeverPull
// and its message); KubeletConfiguration serializeImagePulls (default true).
//
// cnsim's model, documented: a pull moves the image's compressed size at the registry's
// per-node bandwidth. The kubelet pulls one image at a time per node by default, so pulls on a
// node queue behind each other at full bandwidth (SerialPullQueue) rather than share it.
// Policy Always with the image already cached costs a manifest check only (the layers are
// present, the runtime fetches nothing): kManifestCheckTime.

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"
#include "scenario/units.h"

#include <string>
#include <string_view>

namespace cnsim {

// cnsim's cost of asking the registry for a manifest of an image whose layers are cached.
inline constexpr SimTime kManifestCheckTime = SimTime::milliseconds(200);

// SetDefaults_Container: Always for ":latest" or an untagged name, else IfNotPresent.
ImagePullPolicy defaultImagePullPolicy(std::string_view image);

enum class PullAction { UseCached, ManifestCheck, Pull, ErrImageNeverPull };

struct PullPlan {
    PullAction action = PullAction::Pull;
    SimTime duration;    // time on the node's pull queue (0 for UseCached / error)
    std::string message; // ErrImageNeverPull's message; empty otherwise
};

// What the kubelet does for a container start, and how long it takes on an idle node.
PullPlan planImagePull(std::string_view image, ImagePullPolicy policy, bool cachedOnNode,
                       Bytes size, Bytes bandwidthPerSecond);

// size / bandwidth, rounded up to the microsecond.
SimTime pullDuration(Bytes size, Bytes bandwidthPerSecond);

// The node's serialized image puller: each pull starts when the previous one finished.
class SerialPullQueue {
public:
    // Returns when a pull requested at `now` lasting `duration` completes.
    SimTime enqueue(SimTime now, SimTime duration);
    SimTime busyUntil() const { return m_busyUntil; }

private:
    SimTime m_busyUntil;
};

} // namespace cnsim
