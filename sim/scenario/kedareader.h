#pragma once

// Reads KEDA's keda.sh/v1alpha1 ScaledObject in real syntax (one entry of `workloads:`) and
// cnsim's `simulation.queues[]` (sim/scenario/kedaspec.h). The ScaledObject is checked as
// KEDA's admission webhook and scalers do (apis/keda/v1alpha1/scaledobject_webhook.go,
// pkg/scalers/rabbitmq_scaler.go, aws_sqs_queue_scaler.go): a Deployment target,
// minReplicaCount ≤ maxReplicaCount, idleReplicaCount < minReplicaCount, at least one
// trigger, a positive target value. Only queue triggers on simulated queues are modelled.

#include "scenario/scenario.h"
#include "scenario/scenariomarks.h"
#include "scenario/yamlcursor.h"

namespace cnsim {

// `node` is the manifest's mapping; apiVersion and kind were checked by the caller.
// marks.scaleTarget is scaleTargetRef.name's value, marks.metrics[i] trigger i's queue name.
ScaledObjectSpec readScaledObject(DiagnosticSink& sink, const YAML::Node& node,
                                  ManifestMarks& marks);

// One simulation.queues entry. marks: its name and consumer deployment values.
QueueSpec readQueue(DiagnosticSink& sink, const YAML::Node& node, QueueMarks& marks);

} // namespace cnsim
