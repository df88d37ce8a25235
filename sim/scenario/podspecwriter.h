#pragma once

// Writes a pod template spec (core/v1 PodSpec) and the Kubernetes sub-types inside it —
// containers, probes, affinity, tolerations, topology spread, label selectors — in the
// canonical order documented in docs/scenario-format.md. `path` is the manifest path the
// reader used, so preserved fields land back in the mapping they came from.

#include "scenario/scenario.h"
#include "scenario/yamlwriter.h"

#include <string>

namespace cnsim {

void writePodSpec(YamlWriter& writer, const PodSpec& spec, const std::string& path);

// `name: {matchLabels, matchExpressions}`; an empty selector is written as `{}`.
void writeLabelSelector(YamlWriter& writer, const char* name, const LabelSelector& selector,
                        const std::string& path);

} // namespace cnsim
