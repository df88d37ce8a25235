#pragma once

// ClusterSnapshot: a const copy of what the cluster looks like at one instant, for views
// (studio canvas, CLI summary, tests). Views read snapshots; they never touch live state.

#include "engine/simtime.h"
#include "scenario/units.h"

#include <string>
#include <vector>

namespace cnsim {

enum class PodPhase {
    Pending,     // waiting for a node
    Starting,    // bound; pulling the image and starting containers
    Running,     // serving traffic
    Terminating, // being stopped
};

struct NodeState {
    std::string name;
    std::string zone;
    bool ready = true;
    CpuMillis cpuCapacity;
    Bytes memoryCapacity;
    int maxPods = 0;
    CpuMillis cpuRequested;
    Bytes memoryRequested;
    int podCount = 0;
    double cpuUsedCores = 0.0; // busy CPU over the last whole second
};

struct PodState {
    std::string name;
    std::string deployment;
    std::string node; // empty while Pending
    PodPhase phase = PodPhase::Pending;
    SimTime createdAt;
    CpuMillis cpuRequest;
    Bytes memoryRequest;
    int requestsInFlight = 0;  // queued + in service
    std::string pendingReason; // why the scheduler could not place it, if Pending
};

struct DeploymentState {
    std::string name;
    int desiredReplicas = 0;
    int pending = 0;
    int starting = 0;
    int running = 0;
    int terminating = 0;
};

struct ClusterSnapshot {
    SimTime time;
    std::vector<NodeState> nodes;             // scenario order
    std::vector<PodState> pods;               // creation order
    std::vector<DeploymentState> deployments; // scenario order
};

std::string_view podPhaseName(PodPhase phase); // "Pending", "Starting", …

} // namespace cnsim
