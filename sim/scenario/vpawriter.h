#pragma once

// Writes an autoscaling.k8s.io/v1 VerticalPodAutoscaler back (the inverse of vpareader.h).

#include "scenario/vpaspec.h"
#include "scenario/yamlwriter.h"

namespace cnsim {

void writeVerticalPodAutoscaler(YamlWriter& w, const VerticalPodAutoscalerSpec& vpa);

} // namespace cnsim
