#pragma once

// Reads an autoscaling.k8s.io/v1 VerticalPodAutoscaler (one entry of `workloads:`) in real
// syntax: targetRef (a Deployment), updatePolicy.updateMode (only "Off": cnsim simulates the
// recommender, not the updater or admission controller) and resourcePolicy.containerPolicies
// (containerName, minAllowed, maxAllowed).

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

// `node` is the manifest's mapping; apiVersion and kind were checked by the caller.
// marks.scaleTarget is targetRef.name's value.
VerticalPodAutoscalerSpec readVerticalPodAutoscaler(DiagnosticSink& sink, const YAML::Node& node,
                                                    ManifestMarks& marks);

} // namespace cnsim
