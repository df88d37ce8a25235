#pragma once

// Label, node-selector and toleration matching with Kubernetes' semantics.
//
// - LabelSelector (metav1): matchLabels and every matchExpression must hold; In needs the
//   key with a listed value, NotIn holds when the key is absent or its value is not listed,
//   Exists / DoesNotExist test the key. An empty selector matches everything
//   (apimachinery labels.SelectorFromSet / LabelSelectorAsSelector on a non-nil selector).
// - NodeSelectorTerm (core/v1): every expression must hold; Gt / Lt compare integers; a term
//   with no expressions matches nothing (component-helpers/scheduling/corev1/nodeaffinity).
// - Toleration (core/v1 toleration.go ToleratesTaint).

#include "scenario/kubernetestypes.h"
#include "scenario/scenario.h"

#include <span>
#include <string>
#include <string_view>

namespace cnsim {

bool matchesLabelSelector(const LabelSelector& selector, const LabelMap& labels);
bool matchesNodeSelectorTerm(const NodeSelectorTerm& term, const LabelMap& nodeLabels);
// Any of the terms (nodeSelectorTerms are ORed).
bool matchesAnyNodeSelectorTerm(std::span<const NodeSelectorTerm> terms,
                                const LabelMap& nodeLabels);
// spec.nodeSelector AND requiredDuringScheduling node affinity
// (nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)).
bool podMatchesNodeSelectorAndAffinity(const PodSpec& spec, const LabelMap& nodeLabels);

bool toleratesTaint(const Toleration& toleration, const Taint& taint);
bool tolerationsTolerateTaint(std::span<const Toleration> tolerations, const Taint& taint);

std::string_view taintEffectName(TaintEffect effect);
// pkg/scheduler/framework/plugins/imagelocality normalizedImageName: adds ":latest" when
// the name has no tag.
std::string normalizedImageName(std::string_view image);
// Stable text form of a selector, used as a cache key and in JSON.
std::string selectorKey(const LabelSelector& selector);

} // namespace cnsim
