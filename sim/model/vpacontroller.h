#pragma once

// VpaController: the Vertical Pod Autoscaler's recommender (vertical-pod-autoscaler
// pkg/recommender, --recommender-interval 1 min) in recommendation mode. Every minute, while
// kube-apiserver is up, it reads the metrics API (metrics-server's last scrape) for the pods
// of each VerticalPodAutoscaler's target Deployment, feeds each container's CPU and memory
// sample (one per pod per scrape, as upstream drops samples not newer than the last) to the
// container's aggregate state (sim/control/autoscaling/vparecommender.h) and writes the
// recommendation into the VPA's status. Nothing is evicted or resized (updateMode "Off").
// Nothing is scheduled when the scenario has no VerticalPodAutoscaler.

#include "control/autoscaling/vparecommender.h"
#include "engine/engine.h"

#include <map>
#include <string>

namespace cnsim {

class SimulationModel;
struct VerticalPodAutoscalerObject;

class VpaController {
public:
    static constexpr SimTime kRecommenderInterval = SimTime::minutes(1);

    explicit VpaController(SimulationModel& model);

private:
    struct PerVpa {
        std::map<std::string, VpaContainerRecommender> containers; // by container name
        std::map<std::string, SimTime> lastSample;                 // by pod key
    };

    void tick();
    void recommend(VerticalPodAutoscalerObject& vpa, PerVpa& state);

    SimulationModel& m_model;
    bool m_running = false;
    std::map<std::string, PerVpa> m_vpas; // by "namespace/name"
};

} // namespace cnsim
