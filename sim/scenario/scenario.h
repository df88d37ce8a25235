#pragma once

// Scenario: the spec half of a simulation, exactly what a scenario file says.
//
// Loaded by scenarioreader.h, written back by scenariowriter.h; load → save → load gives
// an equal Scenario and saving twice gives identical bytes. Nothing here is computed by a
// run (no status): the simulation builds its own state from a Scenario and never edits it.
// File format reference: docs/scenario-format.md.

#include "engine/simtime.h"
#include "scenario/units.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cnsim {

struct LocalizedText {
    std::string en;
    std::string zhCN; // the file's `zh_CN` key
    bool operator==(const LocalizedText&) const = default;
};

struct ScenarioMetadata {
    std::string name; // DNS-1123 label, e.g. "hello-cluster"
    LocalizedText title;
    LocalizedText description;
    bool operator==(const ScenarioMetadata&) const = default;
};

struct NodeSpec {
    std::string name;
    std::string zone;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110; // kubelet's default --max-pods
    bool operator==(const NodeSpec&) const = default;
};

// `count` identical nodes named "<name>-1" … "<name>-<count>".
struct NodePoolSpec {
    std::string name;
    std::string zone;
    int count = 1;
    CpuMillis cpu;
    Bytes memory;
    int maxPods = 110;
    bool operator==(const NodePoolSpec&) const = default;
};

struct ClusterSpec {
    std::vector<NodeSpec> nodes;
    std::vector<NodePoolSpec> nodePools;
    // Explicit nodes first, then each pool's nodes, in file order.
    std::vector<NodeSpec> expandedNodes() const;
    bool operator==(const ClusterSpec&) const = default;
};

using LabelMap = std::map<std::string, std::string>;

// A Kubernetes field cnsim accepts but does not model (env, volumeMounts, …), kept
// verbatim so saving a pasted manifest loses nothing. `path` is the field's place in the
// manifest ("spec.template.spec.containers[0].env"); `yaml` its value as block YAML.
struct PreservedField {
    std::string path;
    std::string yaml;
    bool operator==(const PreservedField&) const = default;
};

struct ResourceList {
    std::optional<CpuMillis> cpu;
    std::optional<Bytes> memory;
    bool operator==(const ResourceList&) const = default;
};

struct ContainerPortSpec {
    std::string name;
    int containerPort = 0;
    std::string protocol = "TCP";
    bool operator==(const ContainerPortSpec&) const = default;
};

struct ContainerSpec {
    std::string name;
    std::string image;
    ResourceList requests;
    ResourceList limits;
    std::vector<ContainerPortSpec> ports;
    bool operator==(const ContainerSpec&) const = default;
};

// apps/v1 Deployment, the fields cnsim models.
struct DeploymentSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    int replicas = 1;
    LabelMap selector;  // spec.selector.matchLabels
    LabelMap podLabels; // spec.template.metadata.labels
    std::vector<ContainerSpec> containers;
    std::vector<PreservedField> preserved;
    bool operator==(const DeploymentSpec&) const = default;
};

struct ServicePortSpec {
    std::string name;
    int port = 0;
    int targetPort = 0;         // defaults to `port` when the file omits it, as in Kubernetes
    std::string targetPortName; // set instead of targetPort for a named port ("http")
    std::string protocol = "TCP";
    bool operator==(const ServicePortSpec&) const = default;
};

// v1 Service, the fields cnsim models.
struct ServiceSpec {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    LabelMap selector;
    std::vector<ServicePortSpec> ports;
    std::vector<PreservedField> preserved;
    bool operator==(const ServiceSpec&) const = default;
};

// One entry of `workloads:`, in file order.
using Manifest = std::variant<DeploymentSpec, ServiceSpec>;

// simulation.services[]: what Kubernetes has no field for, per v1 Service.
struct ServiceBehaviourSpec {
    std::string service;   // a Service's metadata.name
    SimTime cpuPerRequest; // CPU time one request needs on one full core
    SimTime baseLatency;   // fixed latency added to every request (network, I/O)
    bool operator==(const ServiceBehaviourSpec&) const = default;
};

enum class TrafficPattern { Constant, Poisson };

// simulation.traffic[]: requests arriving at a Service.
struct TrafficSourceSpec {
    std::string name;
    std::string service;
    TrafficPattern pattern = TrafficPattern::Poisson;
    double requestsPerSecond = 0.0;
    SimTime start;
    std::optional<SimTime> stop;
    bool operator==(const TrafficSourceSpec&) const = default;
};

enum class FaultType { FailNode, RecoverNode, DeletePod };

// simulation.faults[]: the timeline of faults. DeletePod names either a pod or a
// deployment (one of its pods, chosen by the seeded "faults" stream).
struct FaultSpec {
    SimTime at;
    FaultType type = FaultType::FailNode;
    std::string node;
    std::string pod;
    std::string deployment;
    bool operator==(const FaultSpec&) const = default;
};

struct SimulationSpec {
    SimTime podStartupTime = SimTime::seconds(2); // bind → Running (image pull + start)
    std::vector<ServiceBehaviourSpec> services;
    std::vector<TrafficSourceSpec> traffic;
    std::vector<FaultSpec> faults;
    bool operator==(const SimulationSpec&) const = default;
};

struct Scenario {
    ScenarioMetadata metadata;
    std::uint64_t seed = 1;
    SimTime duration = SimTime::minutes(5);
    ClusterSpec cluster;
    std::vector<Manifest> workloads;
    SimulationSpec simulation;
    bool operator==(const Scenario&) const = default;
};

} // namespace cnsim
