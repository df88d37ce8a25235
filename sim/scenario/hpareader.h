#pragma once

// Reads an autoscaling/v2 HorizontalPodAutoscaler in real Kubernetes syntax (one entry of
// `workloads:`), checking it as the API server's validation does
// (pkg/apis/autoscaling/validation/validation.go): a Deployment target, replica bounds,
// exactly one metric source matching `type`, target types each source allows, positive
// targets, and behavior's windows, policies and select policy.
//
// It also names what cnsim's metrics pipeline can measure; a metric outside that set loads
// with a warning (a real cluster accepts any name; its controller then reports the metric
// missing, and so does cnsim's).

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

#include <string_view>
#include <vector>

namespace cnsim {

// Resource and ContainerResource metrics.
const std::vector<std::string_view>& hpaMeasurableResources(); // cpu, memory
// Pods metrics: per pod, as a custom metrics adapter would serve them.
const std::vector<std::string_view>& hpaMeasurablePodsMetrics(); // requests_in_flight
// Object metrics of a v1 Service.
const std::vector<std::string_view>& hpaMeasurableObjectMetrics();
// External metrics: one series per Service, narrowed by selector matchLabels `service`.
const std::vector<std::string_view>& hpaMeasurableExternalMetrics();

// `node` is the manifest's mapping; apiVersion and kind were checked by the caller.
HorizontalPodAutoscalerSpec
readHorizontalPodAutoscaler(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks);

} // namespace cnsim
