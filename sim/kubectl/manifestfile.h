#pragma once

// Reads one Kubernetes manifest (a Deployment, Service or PodDisruptionBudget in real
// Kubernetes syntax) for `kubectl apply -f`, with the scenario reader's checks and
// file:line:column diagnostics (sim/scenario/manifestreader.h).

#include "scenario/diagnostic.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace cnsim {

struct ManifestLoadResult {
    std::optional<Manifest> manifest;    // set only when there are no errors
    std::vector<Diagnostic> diagnostics; // warnings and errors, in file order
};

// `fileName` is only used in diagnostics.
ManifestLoadResult readManifestText(const std::string& yamlText, const std::string& fileName);
ManifestLoadResult readManifestFile(const std::string& path);

} // namespace cnsim
