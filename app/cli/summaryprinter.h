#pragma once

// The human summary `cnsim run` prints: plain English, aligned tables, nothing a script
// must parse (that is what --json is for).

#include "metrics/runsummary.h"
#include "model/clusterevent.h"
#include "scenario/scenario.h"

#include <ostream>
#include <vector>

namespace cnsim::cli {

void printSummary(const Scenario& scenario, const RunSummary& summary,
                  const std::vector<ClusterEvent>& events, double wallSeconds, std::ostream& out);

} // namespace cnsim::cli
