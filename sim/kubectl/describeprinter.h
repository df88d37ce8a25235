#pragma once

// `kubectl describe` for pods, nodes, deployments, replica sets and services, after
// k8s.io/kubectl/pkg/describe/describe.go: the same sections in the same order, written
// through a tabwriter with padding 2 (tabbedString), times in RFC 1123-Z, and the Events
// table built from the simulation's events for that object (identical events folded into
// one row with "(xN over AGE)", as the event recorder's correlator does).

#include <string>
#include <string_view>

namespace cnsim {

class Simulation;
struct PodObject;
struct NodeObject;
struct DeploymentObject;
struct ReplicaSetObject;
struct ServiceObject;

std::string describePod(const Simulation& sim, const PodObject& pod);
std::string describeNode(const Simulation& sim, const NodeObject& node);
std::string describeDeployment(const Simulation& sim, const DeploymentObject& deployment);
std::string describeReplicaSet(const Simulation& sim, const ReplicaSetObject& rs);
std::string describeService(const Simulation& sim, const ServiceObject& service);
// hpaprinter.cpp.
std::string describeHorizontalPodAutoscaler(const Simulation& sim,
                                            const struct HorizontalPodAutoscalerObject& hpa);

// The Events section of an object, before tab alignment (describe.go DescribeEvents), for
// printers that align it with the lines above it as kubectl's tabwriter does.
std::string describeEventsText(const Simulation& sim, std::string_view kind,
                               const std::string& name);

} // namespace cnsim
