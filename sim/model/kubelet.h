#pragma once

// Kubelet: the node agent, for every node of the cluster at once (one NodeAgent state per
// node). It runs the pods bound to its node: pulls images (serially, as kubelet's default
// serializeImagePulls, at the registry's bandwidth, skipping cached images unless the pull
// policy is Always), starts containers, reports readiness, restarts crashed containers, stops
// deleted pods after their grace period, and renews the node's lease every 10 s.
//
// A node can be down (machine crashed), have its kubelet stopped, or be partitioned from the
// control plane; the kubelet then neither reports nor receives changes, as on a real node.
// The data plane (TrafficModel) is told when a pod starts or stops serving.

#include "control/workloads/backoff.h"
#include "control/workloads/probeworker.h"
#include "engine/engine.h"
#include "model/reconciletrigger.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct NodeObject;
struct PodObject;

class Kubelet {
public:
    // How long a program takes to exit on SIGTERM (finishing in-flight work), unless the
    // pod's terminationGracePeriodSeconds is shorter.
    static constexpr SimTime kShutdownTime = SimTime::seconds(1);

    explicit Kubelet(SimulationModel& model);

    // Node faults.
    void crashNode(const std::string& node);
    void bootNode(const std::string& node);
    bool nodeUp(const std::string& node) const;
    // A stopped kubelet or a network partition: the node's containers keep running, but it
    // neither renews its lease nor sees API changes.
    void setConnected(const std::string& node, bool connected);
    // Re-lists pods after the API server comes back.
    void resync() { markPodsOf({}); }
    // Kills one container (all of the pod's when `container` is empty) with exit code 137 and
    // `reason` as its terminated state's reason ("Error", or "OOMKilled" when the data plane
    // saw it pass its memory limit); it restarts under the pod's restart policy with
    // CrashLoopBackOff's delays.
    void killContainer(const std::string& pod, const std::string& container,
                       const std::string& reason = "Error");
    // When the node last renewed its lease (kube-node-lease), or nothing if never.
    std::optional<SimTime> lastHeartbeat(const std::string& node) const;
    // Where lastHeartbeat(node) is kept, for a caller that reads it often: valid for the
    // kubelet's lifetime (it never forgets a node); nullptr for a node it has not seen.
    const std::optional<SimTime>* lastHeartbeatOf(const std::string& node) const;

    // Whether the pod's first container process is serving requests now (the data plane
    // routes to Ready endpoints; a Ready pod whose process is still starting fails them).
    bool podServing(const std::string& podKey) const;

private:
    struct ContainerRun {
        enum class Stage { Waiting, Pulling, Starting, Running, Exited };
        Stage stage = Stage::Waiting;
        SimTime startedAt;
        SimTime servingAt; // when the process is ready to serve
        EventId pending;   // the next lifecycle event of this container
        EventId probeTick;
        std::optional<ContainerProbes> probes;
    };
    struct PodRun {
        std::string node;
        std::vector<ContainerRun> containers;
        bool stopping = false;
        EventId stopEvent;
    };
    struct NodeAgent {
        bool machineUp = true;
        bool connected = true;
        std::optional<SimTime> lastHeartbeat;
        SimTime pullQueueFreeAt; // serialized image pulls
        // Image → when its pull in progress completes: a second pod waits for the same pull
        // instead of fetching the layers again (the runtime shares them).
        std::map<std::string, SimTime> pullsInFlight;
        int nextPodIp = 2;
        int index = 0;
        NodeObject* object = nullptr;                 // nodeObject()'s, as of objectSeen
        std::uint64_t objectSeen = ~std::uint64_t{0}; // ApiServer::changes(Node)
    };

    void syncPods();
    // Marks the pods bound to `node` (every pod when empty) for the next sync.
    void markPodsOf(const std::string& node);
    using NodeAgents = std::map<std::string, NodeAgent>; // node name → agent
    // Renews the node's lease and schedules the next renewal; `node` is its m_nodes entry
    // (never erased), so the loop looks nothing up but the Node object.
    void heartbeat(NodeAgents::value_type& node);
    NodeObject* nodeObject(NodeAgents::value_type& node); // nullptr: not in the API
    void startPod(PodObject& pod);
    void pullImage(const std::string& podKey, std::size_t container);
    void startContainer(const std::string& podKey, std::size_t container);
    void containerRunning(const std::string& podKey, std::size_t container);
    void containerExited(const std::string& podKey, std::size_t container, int exitCode,
                         const std::string& reason);
    void restartWhenAllowed(const std::string& podKey, std::size_t container);
    void probeTick(const std::string& podKey, std::size_t container);
    void scheduleProbeTick(const std::string& podKey, std::size_t container);
    ContainerProbes::Checks checksFor(const PodObject& pod, std::size_t container) const;
    void pullFailed(const std::string& podKey, std::size_t container);
    bool reachable(const std::string& node) const;
    void beginStop(PodObject& pod);
    void finishStop(const std::string& podKey);
    void killContainers(const std::string& podKey, PodRun& run);
    void refreshPodStatus(PodObject& pod, PodRun& run);
    PodObject* findPod(const std::string& podKey);

    SimulationModel& m_model;
    ReconcileTrigger m_podTrigger;
    NodeAgents m_nodes;
    std::map<std::string, PodRun> m_pods;     // pod key → what runs on the node
    std::set<std::string> m_dirtyPods;        // pod keys changed since the last sync
    CrashLoopBackoff m_crashBackoff;
    ImagePullBackoff m_pullBackoff;
};

} // namespace cnsim
