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
    bool ready = true; // the Ready condition: what the control plane believes
    bool up = true;    // whether the machine runs: the simulation's truth (a crash shows here
                       // at once, and in `ready` only after the node-monitor grace period)
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
    std::string status;        // kubectl STATUS column: Running, ContainerCreating, …
    bool ready = false;        // the Ready condition
    int restarts = 0;          // container restarts
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
