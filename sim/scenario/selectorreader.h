#pragma once

// Readers for Kubernetes label selectors (metav1.LabelSelector) and node selector
// requirements (core/v1 NodeSelectorRequirement), validated as the API server does
// (apimachinery ValidateLabelSelector, core validation ValidateNodeSelectorRequirement).
//
// Like every reader here they never throw: each problem becomes one diagnostic and the
// value read so far is returned; the caller's load fails when the sink has errors.

#include "scenario/yamlcursor.h"

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// Label selectors know In, NotIn, Exists, DoesNotExist; node selectors add Gt and Lt.
enum class RequirementKind { Label, Node };

// `context` names the selector in messages ("topology spread labelSelector").
LabelSelector readLabelSelector(DiagnosticSink& sink, const YamlEntry& entry,
                                std::string_view context, const std::string& path,
                                std::vector<PreservedField>& kept);

// A `matchExpressions` list.
std::vector<SelectorRequirement> readRequirements(DiagnosticSink& sink, const YamlEntry& entry,
                                                  RequirementKind kind, const std::string& path,
                                                  std::vector<PreservedField>& kept);

} // namespace cnsim
