#pragma once

// Per-key exponential back-off over simulated time, and the kubelet's two uses of it:
// container restarts (CrashLoopBackOff) and image pulls (ImagePullBackOff).
//
// Upstream: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go (Backoff: Next,
// IsInBackOffSince, IsInBackOffSinceUpdate, hasExpired, GC), used without jitter by the
// kubelet; pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff and GetBackoffKey;
// pkg/kubelet/images/image_manager.go EnsureImageExists; pkg/kubelet/util/format Pod.
//
// Invariants: an entry's delay is initial, then doubles on every Next up to max; an entry
// whose last update is more than 2 × max before the event being judged counts as absent
// (so a container that ran 10 minutes without crashing restarts at once again). Keys are
// kept in a std::map so iteration order never depends on hashing.

#include "engine/simtime.h"

#include <map>
#include <string>
#include <string_view>

namespace cnsim {

class Backoff {
public:
    Backoff(SimTime initial, SimTime max);

    // Next: start the entry at `initial`, or double it (capped at max). An entry that has
    // expired relative to `eventTime` starts again. `now` becomes its last update.
    void next(const std::string& key, SimTime eventTime, SimTime now);
    // IsInBackOffSince: less than the current delay has passed since `eventTime`.
    bool isInBackOffSince(const std::string& key, SimTime eventTime, SimTime now) const;
    // IsInBackOffSinceUpdate: less than the current delay has passed since the last Next.
    bool isInBackOffSinceUpdate(const std::string& key, SimTime eventTime) const;
    // Get: the current delay, zero for an unknown key.
    SimTime get(const std::string& key) const;
    bool has(const std::string& key) const { return m_entries.count(key) != 0; }
    // When Next last updated the key (zero for an unknown key).
    SimTime lastUpdate(const std::string& key) const;
    void reset(const std::string& key) { m_entries.erase(key); }
    // GC: forget entries not updated for more than 2 × max.
    void gc(SimTime now);

    SimTime initial() const { return m_initial; }
    SimTime max() const { return m_max; }

private:
    struct Entry {
        SimTime delay;
        SimTime lastUpdate;
    };
    bool hasExpired(SimTime eventTime, SimTime lastUpdate) const;

    SimTime m_initial;
    SimTime m_max;
    std::map<std::string, Entry> m_entries;
};

// GetBackoffKey: "<pod>_<namespace>_<uid>_<container>_<spec hash>".
std::string containerBackoffKey(std::string_view pod, std::string_view nameSpace,
                                std::string_view uid, std::string_view container,
                                std::string_view specHash);

// format.Pod: "web-abc_default(uid)".
std::string formatPodForKubelet(std::string_view pod, std::string_view nameSpace,
                                std::string_view uid);

// Go's time.Duration.String() for whole milliseconds and up: "10s", "2m40s", "5m0s", "1h0m0s".
std::string formatGoDuration(SimTime d);

// The kubelet's decision for an exited container it would restart (doBackOff).
struct RestartDecision {
    bool restartNow = false;
    // While waiting: when a sync would restart it (finishedAt + current delay), the container
    // state (Waiting, reason CrashLoopBackOff) and its message
    // "back-off 20s restarting failed container=web pod=web-abc_default(uid)".
    SimTime retryAt;
    std::string message;
};

// CrashLoopBackOff: drive it from the pod's sync. When a container exits at `finishedAt`,
// call decide(key, finishedAt, now); if it says wait, call it again at `retryAt` (it will then
// restart and record the next delay). The first crash restarts immediately; then 10, 20, 40,
// 80, 160, 300, 300 … s; a crash more than 600 s after the last restart starts over.
class CrashLoopBackoff {
public:
    CrashLoopBackoff(); // the kubelet's 10 s / 300 s (kubernetesdefaults.h)
    CrashLoopBackoff(SimTime initial, SimTime max);

    RestartDecision decide(const std::string& key, SimTime finishedAt, SimTime now,
                           std::string_view containerName, std::string_view formattedPod);
    void forget(const std::string& key) { m_backoff.reset(key); }
    void gc(SimTime now) { m_backoff.gc(now); }
    const Backoff& backoff() const { return m_backoff; }

private:
    Backoff m_backoff;
};

enum class ImagePullState { Pulling, ErrImagePull, ImagePullBackOff };

struct ImagePullDecision {
    ImagePullState state = ImagePullState::Pulling;
    SimTime retryAt;     // ImagePullBackOff: when the next attempt may start
    std::string message; // kubectl's message for the waiting container
};

// Image pull back-off, keyed by "<pod uid>_<image>" as the kubelet's image manager does.
// Before an attempt call beforePull; when it says Pulling, pull, and on failure call
// pullFailed (state ErrImagePull, the next attempt waits 10 s, then 20 s, …, capped at 300 s).
// There is no immediate retry after a failed pull, unlike container restarts.
class ImagePullBackoff {
public:
    ImagePullBackoff(); // 10 s / 300 s (kubernetesdefaults.h)

    static std::string key(std::string_view podUid, std::string_view image);
    ImagePullDecision beforePull(const std::string& key, std::string_view image, SimTime now) const;
    ImagePullDecision pullFailed(const std::string& key, std::string_view error, SimTime now);
    void gc(SimTime now) { m_backoff.gc(now); }

private:
    Backoff m_backoff;
};

} // namespace cnsim
