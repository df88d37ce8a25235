#pragma once

// Reads a Service's `resilience:` (sim/scenario/trafficspec.h ResilienceSpec): per downstream
// Service a timeout, retries with back-off and a retry budget. A Service named here must be
// one this Service calls (`not-called`), once (`duplicate-name`); the calls are read first.

#include "scenario/trafficspec.h"
#include "scenario/yamlcursor.h"

#include <vector>

namespace cnsim {

ResilienceSpec readResilience(DiagnosticSink& sink, const YamlEntry& entry,
                              const std::vector<CallStepSpec>& calls);

} // namespace cnsim
