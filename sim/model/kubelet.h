#pragma once

// Kubelet: the node agent of the walking skeleton, for every node at once. It starts
// bound pods (Starting for the scenario's podStartupTime, then Running), stops deleted
// pods (Terminating: out of the Service's endpoints at once, finishing what is queued,
// gone after the shutdown time) and releases the node's resources when a pod is gone.

#include "model/clusterstate.h"

namespace cnsim {

class SimulationModel;

class Kubelet {
public:
    // Time a deleted pod spends Terminating before it is gone (the thin stand-in for
    // terminationGracePeriodSeconds; requests still queued then fail).
    static constexpr SimTime kShutdownTime = SimTime::seconds(2);

    explicit Kubelet(SimulationModel& model);

    void podBound(PodId pod);
    void terminatePod(PodId pod);
    // The pod's node died: the pod is gone now, with whatever it was serving.
    void podLost(PodId pod);

private:
    void podStarted(PodId pod);
    void removePod(PodId pod);

    SimulationModel& m_model;
};

} // namespace cnsim
