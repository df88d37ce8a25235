#pragma once

// Readers for a pod's affinity (node affinity, pod affinity and anti-affinity) and its
// topology spread constraints, validated as the API server does (core validation
// validateAffinity, validateTopologySpreadConstraints) where the check is cheap.

#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

Affinity readAffinity(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                      std::vector<PreservedField>& kept);

std::vector<TopologySpreadConstraint>
readTopologySpreadConstraints(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                              std::vector<PreservedField>& kept);

} // namespace cnsim
