#pragma once

// Taint-based eviction: when a pod on a node with NoExecute taints is deleted.
//
// Upstream: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
// getMinTolerationTime, getNoExecuteTaints); pkg/apis/core/v1/helper ToleratesTaint /
// GetMatchingTolerations; plugin/pkg/admission/defaulttolerationseconds (the 300 s
// not-ready / unreachable tolerations added to pods that have none).
//
// Deadline rules: a NoExecute taint the pod does not tolerate ⇒ evict now; every taint
// tolerated ⇒ the smallest tolerationSeconds of the tolerations used (≤ 0 ⇒ now); none of
// them with tolerationSeconds ⇒ never. When the taints change while an eviction is
// scheduled, the original start time is kept, as upstream's queue does.

#include "control/scheduling/labelmatching.h" // toleratesTaint (v1helper ToleratesTaint)
#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>
#include <vector>

namespace cnsim {

// DefaultTolerationSeconds admission: the pod's tolerations plus not-ready and unreachable
// NoExecute tolerations for 300 s when it does not already tolerate those taints.
std::vector<Toleration> withDefaultTolerations(std::vector<Toleration> tolerations);

struct EvictionDeadline {
    // nullopt: the pod is never evicted for these taints (or there is no NoExecute taint).
    std::optional<SimTime> at;
    // The time the current wait started (kept across taint changes: upstream leaves an
    // earlier-scheduled eviction as it is), when `at` is set.
    SimTime startedAt;
};

// processPodOnNode. `tolerations` as admitted (apply withDefaultTolerations first);
// `previous` the eviction already scheduled for this pod, if any.
EvictionDeadline evictionDeadline(const std::vector<Toleration>& tolerations,
                                  const std::vector<Taint>& nodeTaints, SimTime now,
                                  const std::optional<EvictionDeadline>& previous = std::nullopt);

} // namespace cnsim
