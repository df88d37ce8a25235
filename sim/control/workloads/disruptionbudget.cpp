#include "control/workloads/disruptionbudget.h"

#include "control/workloads/intorpercent.h"
#include "scenario/scenario.h"

#include <algorithm>

namespace cnsim {

PdbStatus pdbStatus(std::optional<IntOrPercent> minAvailable,
                    std::optional<IntOrPercent> maxUnavailable, int matchingPods, int healthyPods,
                    int controllerScale) {
    PdbStatus s;
    s.currentHealthy = healthyPods;
    if (maxUnavailable) {
        s.expectedPods = controllerScale;
        const int unavailable = scaledValueFromIntOrPercent(*maxUnavailable, s.expectedPods, true);
        s.desiredHealthy = std::max(0, s.expectedPods - unavailable);
    } else if (minAvailable) {
        if (minAvailable->isPercent) {
            s.expectedPods = controllerScale;
            s.desiredHealthy = scaledValueFromIntOrPercent(*minAvailable, s.expectedPods, true);
        } else {
            s.expectedPods = matchingPods;
            s.desiredHealthy = minAvailable->value;
        }
    }
    s.disruptionsAllowed = s.currentHealthy - s.desiredHealthy;
    if (s.expectedPods <= 0 || s.disruptionsAllowed <= 0) {
        s.disruptionsAllowed = 0;
    }
    return s;
}

PdbStatus pdbStatus(const PodDisruptionBudgetSpec& spec, int matchingPods, int healthyPods,
                    int controllerScale) {
    return pdbStatus(spec.minAvailable, spec.maxUnavailable, matchingPods, healthyPods,
                     controllerScale);
}

EvictionDecision decideEviction(EvictedPodPhase phase, bool beingDeleted, int pdbsCoveringPod,
                                const std::string& pdbName, const PdbStatus* pdb) {
    EvictionDecision d;
    // canIgnorePDB: nothing to protect for pods that do not run, or already are going.
    if (beingDeleted || phase == EvictedPodPhase::Pending || phase == EvictedPodPhase::Succeeded ||
        phase == EvictedPodPhase::Failed || pdbsCoveringPod == 0 || !pdb) {
        return d;
    }
    if (pdbsCoveringPod > 1) {
        d.verdict = EvictionVerdict::Error;
        d.httpStatus = 500;
        d.message = "This pod has more than one PodDisruptionBudget, which the eviction "
                    "subresource does not support.";
        return d;
    }
    if (pdb->disruptionsAllowed <= 0) {
        d.verdict = EvictionVerdict::TooManyRequests;
        d.httpStatus = 429;
        d.message = "Cannot evict pod as it would violate the pod's disruption budget.";
        d.cause = "The disruption budget " + pdbName + " needs " +
                  std::to_string(pdb->desiredHealthy) + " healthy pods and has " +
                  std::to_string(pdb->currentHealthy) + " currently";
    }
    return d;
}

std::string drainRetryMessage(const std::string& pod, const std::string& nameSpace,
                              const std::string& message) {
    return "error when evicting pods/\"" + pod + "\" -n \"" + nameSpace +
           "\" (will retry after 5s): " + message;
}

} // namespace cnsim
