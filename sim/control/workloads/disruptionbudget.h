#pragma once

// PodDisruptionBudget status, the eviction API's decision, and kubectl drain's retry rhythm.
//
// Upstream: pkg/controller/disruption/disruption.go (getExpectedPodCount, countHealthyPods,
// updatePdbStatus); pkg/registry/core/pod/storage/eviction.go (canIgnorePDB, checkAndDecrement,
// the 429 message and its cause); staging/src/k8s.io/kubectl/pkg/drain (evict loop: retry every
// 5 s on 429, no timeout by default). Percentages round up
// (GetScaledValueFromIntOrPercent(…, true)).

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>
#include <string>

namespace cnsim {

struct PodDisruptionBudgetSpec;

struct PdbStatus {
    int expectedPods = 0;
    int desiredHealthy = 0;
    int currentHealthy = 0;
    int disruptionsAllowed = 0;
    bool operator==(const PdbStatus&) const = default;
};

// `matchingPods`: pods the selector matches (not being deleted); `healthyPods`: those Ready;
// `controllerScale`: Σ replicas of their controllers (getExpectedScale), used for
// maxUnavailable and percentage minAvailable. Integer minAvailable counts the pods.
PdbStatus pdbStatus(std::optional<IntOrPercent> minAvailable,
                    std::optional<IntOrPercent> maxUnavailable, int matchingPods, int healthyPods,
                    int controllerScale);
PdbStatus pdbStatus(const PodDisruptionBudgetSpec& spec, int matchingPods, int healthyPods,
                    int controllerScale);

enum class EvictionVerdict { Allowed, TooManyRequests, Error };

struct EvictionDecision {
    EvictionVerdict verdict = EvictionVerdict::Allowed;
    int httpStatus = 201;
    std::string message; // 429: "Cannot evict pod as it would violate the pod's disruption budget."
    std::string cause; // 429: "The disruption budget web needs 3 healthy pods and has 3 currently"
};

enum class EvictedPodPhase { Pending, Running, Succeeded, Failed, Unknown };

// The eviction subresource. `pdbsCoveringPod` is how many PDBs select the pod; `pdb` is the
// one that does (with its status). Pods that are Pending, finished or already being deleted
// are evicted without consulting the budget. An allowed eviction spends one disruption: the
// caller decrements disruptionsAllowed until the controller recomputes it.
EvictionDecision decideEviction(EvictedPodPhase phase, bool beingDeleted, int pdbsCoveringPod,
                                const std::string& pdbName, const PdbStatus* pdb);

// kubectl drain's rhythm, as data: a refused eviction is retried every 5 s; there is no
// overall timeout unless --timeout is given.
inline constexpr SimTime kDrainEvictionRetryInterval = SimTime::seconds(5);

// "error when evicting pods/\"web-abc\" -n \"default\" (will retry after 5s): <message>"
std::string drainRetryMessage(const std::string& pod, const std::string& nameSpace,
                              const std::string& message);

} // namespace cnsim
