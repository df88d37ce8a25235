#pragma once

// Readers for node taints (cnsim's cluster section) and pod tolerations (core/v1), validated
// as the API server does (core validation validateNodeTaints, ValidateTolerations).

#include "scenario/yamlcursor.h"

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// A node's or pool's `taints:`; unique by key and effect, as Kubernetes requires.
std::vector<Taint> readTaints(DiagnosticSink& sink, const YamlEntry& entry);

// A pod spec's `tolerations:`.
std::vector<Toleration> readTolerations(DiagnosticSink& sink, const YamlEntry& entry,
                                        const std::string& path, std::vector<PreservedField>& kept);

} // namespace cnsim
