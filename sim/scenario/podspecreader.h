#pragma once

// Reader for a Deployment's pod template spec (core/v1 PodSpec) and its containers: the
// scheduling fields (nodeSelector, affinity, tolerations, topology spread, schedulerName),
// lifecycle fields (terminationGracePeriodSeconds, restartPolicy) and each container's
// image, pull policy, ports, resources and probes. Unmodelled fields are warned about and
// kept in `kept` under `path`.

#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <string>
#include <vector>

namespace cnsim {

// `marks.schedulerName` is set to where spec.schedulerName is, for the cross-reference check.
void readPodSpec(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                 std::vector<PreservedField>& kept, PodSpec& podSpec, ManifestMarks& marks);

} // namespace cnsim
