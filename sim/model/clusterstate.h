#pragma once

// ClusterState: the live objects of one simulation (nodes, pods, deployments, services)
// and their status. Owned by SimulationModel; components read and change it only from
// event handlers, so every change happens at a well-defined simulated time.
//
// Pods live in a std::map keyed by a creation counter: iteration is creation order, never
// pointer or hash order, so anything that walks pods is deterministic.

#include "engine/engine.h"
#include "model/snapshot.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

using PodId = std::uint64_t;

struct NodeRuntime {
    NodeSpec spec;
    bool ready = true;
    CpuMillis cpuRequested;
    Bytes memoryRequested;
    int podCount = 0;
    SimTime busyCpuTime; // CPU time used in the current metrics second (core-seconds as time)
    double lastSecondCores = 0.0;
    SimTime busyCpuTotal;
};

struct QueuedRequest {
    std::size_t service = 0; // index into ClusterState::services
    SimTime arrival;
};

struct PodRuntime {
    PodId id = 0;
    std::string name;
    std::size_t deployment = 0;
    std::optional<std::size_t> node;
    PodPhase phase = PodPhase::Pending;
    SimTime createdAt;
    CpuMillis cpuRequest;
    Bytes memoryRequest;
    double serviceCores = 1.0; // cores one request may use: the CPU limit, else the request
    std::string pendingReason;
    EventId lifecycleEvent; // the pending start-up or shutdown event

    // Traffic: a FIFO queue in front of one worker.
    std::deque<QueuedRequest> queue;
    bool serving = false;
    SimTime serviceStart;
    SimTime cpuAccountedUntil; // CPU time before this instant is already on the node
    EventId completionEvent;
};

struct DeploymentRuntime {
    const DeploymentSpec* spec = nullptr;
    int desiredReplicas = 0;
    int podsCreated = 0;
    std::string podTemplateHash; // stable, from the pod template, like the pod-template-hash label
    CpuMillis cpuRequest;
    Bytes memoryRequest;
    double serviceCores = 1.0;
};

struct ServiceRuntime {
    const ServiceSpec* spec = nullptr;
    SimTime cpuPerRequest = SimTime::milliseconds(10);
    SimTime baseLatency;
    std::vector<PodId> endpoints; // Running pods whose labels match the selector, creation order
};

struct ClusterState {
    std::vector<NodeRuntime> nodes;
    std::vector<DeploymentRuntime> deployments;
    std::vector<ServiceRuntime> services;
    std::map<PodId, PodRuntime> pods;
    PodId nextPodId = 1;

    std::optional<std::size_t> findNode(std::string_view name) const;
    std::optional<std::size_t> findDeployment(std::string_view name) const;
    std::optional<std::size_t> findService(std::string_view name) const;
    PodRuntime* findPod(std::string_view name);
};

} // namespace cnsim
