#pragma once

// Kubernetes API sub-types that scenario manifests and the control plane share: label
// selectors, taints and tolerations, affinity, topology spread, probes, rollout strategy.
// Field names and defaults follow the Kubernetes API (k8s.io/api core/v1, apps/v1,
// policy/v1); an unset optional means "not in the file" so saving writes back only what
// the user wrote, and the control plane applies upstream's default (control/defaults.h).

#include "engine/simtime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

using LabelMap = std::map<std::string, std::string>;

// A Kubernetes field cnsim accepts but does not model (env, volumeMounts, …), kept
// verbatim so saving a pasted manifest loses nothing. `path` is the field's place in the
// manifest ("spec.template.spec.containers[0].env"); `yaml` its value as block YAML.
struct PreservedField {
    std::string path;
    std::string yaml;
    bool operator==(const PreservedField&) const = default;
};

// intstr.IntOrString as used by maxSurge / maxUnavailable / minAvailable: 3 or "25%".
struct IntOrPercent {
    int value = 0;
    bool isPercent = false;
    bool operator==(const IntOrPercent&) const = default;
};

enum class SelectorOperator { In, NotIn, Exists, DoesNotExist, Gt, Lt };

// metav1.LabelSelectorRequirement and core/v1 NodeSelectorRequirement (Gt/Lt only there).
struct SelectorRequirement {
    std::string key;
    SelectorOperator op = SelectorOperator::In;
    std::vector<std::string> values;
    bool operator==(const SelectorRequirement&) const = default;
};

// metav1.LabelSelector: matchLabels AND every matchExpression.
struct LabelSelector {
    LabelMap matchLabels;
    std::vector<SelectorRequirement> matchExpressions;
    bool operator==(const LabelSelector&) const = default;
};

enum class TaintEffect { NoSchedule, PreferNoSchedule, NoExecute };

struct Taint {
    std::string key;
    std::string value;
    TaintEffect effect = TaintEffect::NoSchedule;
    bool operator==(const Taint&) const = default;
};

enum class TolerationOperator { Equal, Exists };

struct Toleration {
    std::string key; // empty with Exists tolerates every taint
    TolerationOperator op = TolerationOperator::Equal;
    std::string value;
    std::optional<TaintEffect> effect;             // unset: every effect
    std::optional<std::int64_t> tolerationSeconds; // NoExecute only; unset: forever
    bool operator==(const Toleration&) const = default;
};

// core/v1 NodeSelectorTerm: every expression must hold (matchExpressions on labels).
struct NodeSelectorTerm {
    std::vector<SelectorRequirement> matchExpressions;
    bool operator==(const NodeSelectorTerm&) const = default;
};

struct PreferredSchedulingTerm {
    int weight = 1; // 1..100
    NodeSelectorTerm preference;
    bool operator==(const PreferredSchedulingTerm&) const = default;
};

struct NodeAffinity {
    // requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: any term may match.
    std::vector<NodeSelectorTerm> required;
    std::vector<PreferredSchedulingTerm> preferred;
    bool operator==(const NodeAffinity&) const = default;
};

struct PodAffinityTerm {
    LabelSelector labelSelector;
    std::string topologyKey; // "kubernetes.io/hostname", "topology.kubernetes.io/zone"
    bool operator==(const PodAffinityTerm&) const = default;
};

struct WeightedPodAffinityTerm {
    int weight = 1; // 1..100
    PodAffinityTerm podAffinityTerm;
    bool operator==(const WeightedPodAffinityTerm&) const = default;
};

struct PodAffinityRules {
    std::vector<PodAffinityTerm> required;
    std::vector<WeightedPodAffinityTerm> preferred;
    bool operator==(const PodAffinityRules&) const = default;
};

struct Affinity {
    std::optional<NodeAffinity> nodeAffinity;
    std::optional<PodAffinityRules> podAffinity;
    std::optional<PodAffinityRules> podAntiAffinity;
    bool operator==(const Affinity&) const = default;
};

enum class UnsatisfiableConstraintAction { DoNotSchedule, ScheduleAnyway };

struct TopologySpreadConstraint {
    int maxSkew = 1;
    std::string topologyKey;
    UnsatisfiableConstraintAction whenUnsatisfiable = UnsatisfiableConstraintAction::DoNotSchedule;
    LabelSelector labelSelector;
    std::optional<int> minDomains;
    bool operator==(const TopologySpreadConstraint&) const = default;
};

// core/v1 Probe timing. The handler (httpGet, tcpSocket, exec, grpc) does not change the
// simulation; it is kept verbatim in `handler` so saving loses nothing. Unset fields take
// upstream's defaults: initialDelay 0, period 10, timeout 1, success 1, failure 3.
struct Probe {
    std::optional<int> initialDelaySeconds;
    std::optional<int> periodSeconds;
    std::optional<int> timeoutSeconds;
    std::optional<int> successThreshold;
    std::optional<int> failureThreshold;
    std::vector<PreservedField> handler; // e.g. path "httpGet", yaml "path: /healthz\nport: 80"
    bool operator==(const Probe&) const = default;
};

enum class ImagePullPolicy { Always, IfNotPresent, Never };
enum class RestartPolicy { Always, OnFailure, Never };

enum class DeploymentStrategyType { RollingUpdate, Recreate };

struct DeploymentStrategy {
    DeploymentStrategyType type = DeploymentStrategyType::RollingUpdate;
    std::optional<IntOrPercent> maxSurge;       // unset: 25%
    std::optional<IntOrPercent> maxUnavailable; // unset: 25%
    bool operator==(const DeploymentStrategy&) const = default;
};

} // namespace cnsim
