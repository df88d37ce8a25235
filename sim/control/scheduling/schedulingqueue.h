#pragma once

// SchedulingQueue: kube-scheduler's PriorityQueue (pkg/scheduler/backend/queue/
// scheduling_queue.go, backoff_queue.go, unschedulable_pods.go) as a pure data structure
// driven by explicit simulated times, so the model can run it from engine events.
//
// - activeQ: pods ready to try, ordered by priority (higher first), then the time they
//   entered the queue (PrioritySort), then arrival order.
// - backoffQ: pods waiting out a back-off of initial × 2^(attempts−1), capped at max
//   (1 s → 10 s by default), counted from the last failure.
// - unschedulablePods: pods that failed; a cluster event that could help one of the plugins
//   that rejected a pod moves it to backoffQ (still backing off) or activeQ; pods left there
//   longer than 5 minutes are flushed the same way.
// Upstream runs flushBackoffQCompleted every second and flushUnschedulablePodsLeftover every
// 30 s; here pop() flushes completed back-offs itself and the caller calls
// flushUnschedulableLeftover on its own period (kUnschedulableFlushPeriod).

#include "control/kubernetesdefaults.h"
#include "engine/simtime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace cnsim {

// scheduling_queue.go: flushUnschedulablePodsLeftover runs every 30 s, flushBackoffQCompleted
// every 1 s.
inline constexpr SimTime kUnschedulableFlushPeriod = SimTime::seconds(30);
inline constexpr SimTime kBackoffFlushPeriod = SimTime::seconds(1);

// Cluster changes that can make an unschedulable pod schedulable (framework/types.go
// ClusterEvent, reduced to what cnsim produces).
enum class ClusterEventKind {
    NodeAdd,
    NodeUpdate, // labels, taints, allocatable or spec.unschedulable changed
    NodeDelete,
    AssignedPodAdd,
    AssignedPodUpdate,
    AssignedPodDelete,
};

struct QueuedPod {
    std::string key; // "namespace/name"
    int priority = 0;
    SimTime timestamp;               // entered the queue / last failed
    SimTime initialAttemptTimestamp; // first pop
    int attempts = 0;
    std::int64_t schedulingCycle = 0;
    std::vector<std::string> unschedulablePlugins; // from the last failed attempt
    SimTime backoffExpiration;
};

class SchedulingQueue {
public:
    explicit SchedulingQueue(SimTime initialBackoff = k8s::kPodInitialBackoff,
                             SimTime maxBackoff = k8s::kPodMaxBackoff,
                             SimTime maxInUnschedulable = k8s::kPodMaxInUnschedulablePods);

    // A new pending pod goes to activeQ. Returns false if the key is already queued.
    bool add(std::string key, int priority, SimTime now);
    // Moves completed back-offs to activeQ, then pops the head of activeQ (attempts + 1).
    std::optional<QueuedPod> pop(SimTime now);
    // After a failed attempt (AddUnschedulableIfNotPresent): to backoffQ if a move request
    // came in while the pod was being scheduled, else to unschedulablePods.
    void addUnschedulable(QueuedPod pod, std::vector<std::string> rejectingPlugins, SimTime now);
    // A pod deleted, bound elsewhere, or no longer pending.
    bool remove(std::string_view key);

    // MoveAllToActiveOrBackoffQueue for `event`.
    void moveAllToActiveOrBackoff(ClusterEventKind event, SimTime now);
    void flushBackoffCompleted(SimTime now);
    void flushUnschedulableLeftover(SimTime now);

    // initial × 2^(attempts − 1), capped at max; 0 before any attempt (backoff_queue.go).
    SimTime backoffDuration(int attempts) const;
    std::optional<SimTime> nextBackoffExpiry() const;
    std::size_t activeCount() const { return m_active.size(); }
    std::size_t backoffCount() const { return m_backoff.size(); }
    std::size_t unschedulableCount() const { return m_unschedulable.size(); }
    bool contains(std::string_view key) const;

    // Whether a failure in `plugin` may be resolved by `event` (the plugins' EventsToRegister).
    static bool pluginInterestedIn(std::string_view plugin, ClusterEventKind event);

private:
    using ActiveKey = std::tuple<int, SimTime, std::uint64_t, std::string>; // −priority, …
    using BackoffKey = std::tuple<SimTime, std::uint64_t, std::string>;
    struct Entry {
        QueuedPod pod;
        std::uint64_t sequence = 0;
        enum class Where { Active, Backoff, Unschedulable, InFlight } where = Where::Active;
    };
    void toActive(Entry& e);
    void toBackoff(Entry& e);
    void moveUnschedulable(Entry& e, SimTime now);

    SimTime m_initialBackoff;
    SimTime m_maxBackoff;
    SimTime m_maxInUnschedulable;
    std::map<std::string, Entry, std::less<>> m_pods;
    std::set<ActiveKey> m_active;
    std::set<BackoffKey> m_backoff;
    std::set<std::string, std::less<>> m_unschedulable;
    std::uint64_t m_sequence = 0;
    std::int64_t m_schedulingCycle = 0;
    std::int64_t m_moveRequestCycle = -1;
};

} // namespace cnsim
