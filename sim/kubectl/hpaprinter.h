#pragma once

// kubectl for HorizontalPodAutoscalers (hpaprinter.cpp): `get hpa` with upstream's TARGETS
// formatting ("cpu: 45%/50%", "<unknown>/50%"), the autoscaling/v2 object for -o yaml|json,
// and the names for errors and completion. `describe hpa` is declared in describeprinter.h.

#include "kubectl/resourcetypes.h"

#include <cstdint>
#include <string>

namespace cnsim {

struct HorizontalPodAutoscalerObject;

Table hpaTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options);
std::vector<ObjectValue> hpaObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> hpaNames(const Simulation& sim, const std::string& nameSpace);
ObjectValue encodeHorizontalPodAutoscaler(const HorizontalPodAutoscalerObject& hpa);

// printers.go formatHPAMetrics: one entry per metric, at most four unless `wide`.
std::string hpaTargetsText(const HorizontalPodAutoscalerObject& hpa, bool wide);
// resource.Quantity String() of a DecimalSI milli-value: "250m", "2", "3k".
std::string quantityText(std::int64_t milli);

} // namespace cnsim
