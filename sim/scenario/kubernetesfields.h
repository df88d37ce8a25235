#pragma once

// The Kubernetes API field names cnsim knows, per object type, split into the fields
// cnsim simulates and the ones it only keeps (kubernetes/api, core/v1 and apps/v1 types,
// as of Kubernetes 1.34, the release cnsim emulates).
//
// Why a table and not "anything goes": kubectl's strict field validation rejects a field
// its schema does not define, so a typo ("replcas") must be an error here too, while a
// real field cnsim ignores (env, probes) must load so pasted manifests keep working.

#include "scenario/yamlcursor.h"

#include <string_view>

namespace cnsim {

// Top level of an apps/v1 Deployment or v1 Service (apiVersion, kind, metadata, spec).
FieldTable deploymentFields();
FieldTable serviceFields();
// ObjectMeta of a Deployment or Service: name, namespace, labels are modelled.
FieldTable objectMetaFields(std::string_view context);
// ObjectMeta of a pod template: only labels are modelled.
FieldTable templateMetaFields();
FieldTable deploymentSpecFields();
FieldTable labelSelectorFields();
FieldTable podTemplateSpecFields();
FieldTable podSpecFields();
FieldTable containerFields();
FieldTable containerPortFields();
FieldTable resourceRequirementsFields();
// A ResourceList (requests / limits): cpu and memory are modelled. Other resource names
// are checked with isKubernetesResourceName() rather than a table.
FieldTable resourceListFields(std::string_view context);
FieldTable serviceSpecFields();
FieldTable servicePortFields();

// Scheduling (core/v1): label selectors in general (the Deployment selector above keeps
// matchExpressions unmodelled because cnsim selects a Deployment's pods by matchLabels),
// their requirements, tolerations, affinity and topology spread.
FieldTable selectorFields(std::string_view context);
FieldTable selectorRequirementFields(std::string_view context);
FieldTable tolerationFields();
FieldTable affinityFields();
FieldTable nodeAffinityFields();
FieldTable nodeSelectorFields();
FieldTable nodeSelectorTermFields();
FieldTable preferredSchedulingTermFields();
FieldTable podAffinityFields(std::string_view context);
FieldTable podAffinityTermFields();
FieldTable weightedPodAffinityTermFields();
FieldTable topologySpreadConstraintFields();
// A container probe: timing is modelled; the handler is read as a whole by probereader.
FieldTable probeFields(std::string_view context);
FieldTable deploymentStrategyFields();
FieldTable rollingUpdateFields();
// policy/v1 PodDisruptionBudget.
FieldTable podDisruptionBudgetFields();
FieldTable podDisruptionBudgetSpecFields();
// autoscaling/v2 HorizontalPodAutoscaler (k8s.io/api/autoscaling/v2/types.go).
FieldTable hpaFields();
FieldTable hpaSpecFields();
FieldTable hpaScaleTargetRefFields();
FieldTable hpaMetricSpecFields();
// ResourceMetricSource, ContainerResourceMetricSource, PodsMetricSource, ObjectMetricSource,
// ExternalMetricSource: `source` is the MetricSpec key ("resource", "pods", …).
FieldTable hpaMetricSourceFields(std::string_view source);
FieldTable hpaMetricIdentifierFields();
FieldTable hpaMetricSelectorFields();
FieldTable hpaMetricTargetFields();
FieldTable hpaDescribedObjectFields();
FieldTable hpaBehaviorFields();
FieldTable hpaScalingRulesFields();
FieldTable hpaScalingPolicyFields();

// ephemeral-storage, hugepages-<size>, storage, pods, or a domain-prefixed extended
// resource such as nvidia.com/gpu.
bool isKubernetesResourceName(std::string_view name);

} // namespace cnsim
