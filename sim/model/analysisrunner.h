#pragma once

// AnalysisRunner: Argo Rollouts' analysis controller (analysis/analysis.go), part of the
// rollouts-controller component. It takes each AnalysisRun's measurements — the first when
// the run starts, then one every metric `interval` — from the `cnsim` provider, which reads
// the run's own per-second metrics (version/<service>/<version>/...), and assesses metric and
// run phases with control/rollouts/analysis.h. A run whose Rollout no longer needs it
// (terminate) stops measuring and completes.
//
// Each measurement is also a metrics series, analysisrun/<run>/<metric>/value, stamped with
// the measurement's time.

#include "cluster/apiserver.h"

#include <map>
#include <optional>
#include <string>

namespace cnsim {

class SimulationModel;

// One reading of the cnsim provider: a value, or why there is none (an Error measurement).
struct ProviderReading {
    std::optional<double> value;
    std::string message;
};

// What `query` gives over the last `window` for `version` of `service` (docs/releases.md).
ProviderReading readCnsimProvider(const SimulationModel& model, const CnsimProviderSpec& provider,
                                  const std::string& version);

class AnalysisRunner {
public:
    explicit AnalysisRunner(SimulationModel& model);
    // Starts measuring a run just created.
    void start(const std::string& runName, const std::string& nameSpace);
    // Stops a run's measurements; it completes at once (assessed as terminating).
    void terminate(AnalysisRunObject& run);

private:
    void measure(const std::string& runKey, std::size_t metric);
    void assess(AnalysisRunObject& run);
    std::string versionFor(const AnalysisRunObject& run, const std::string& wanted) const;

    SimulationModel& m_model;
    std::map<std::string, std::size_t> m_series; // "run/metric" → metrics series index
};

} // namespace cnsim
