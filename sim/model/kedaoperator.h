#pragma once

// KedaOperator: KEDA's keda-operator and its metrics API server for ScaledObjects
// (kedacore/keda; docs/autoscaling.md, "Event-driven scaling").
//
// For each ScaledObject it creates the HPA keda-hpa-<name> (controllers/keda/hpa.go: External
// metric per trigger, AverageValue target = the trigger's value, minReplicas
// max(minReplicaCount, 1), maxReplicaCount), which kube-controller-manager's HPA drives between
// 1 and N with upstream behaviour. It polls the triggers when the ScaledObject appears and then
// every pollingInterval (pkg/scaling/scale_handler.go startScaleLoop) and does what the HPA
// cannot (pkg/scaling/executor/scale_scaledobjects.go RequestScale): 0 → max(min, 1) when a
// trigger is above its activationValue (KEDAScaleTargetActivated), and back to
// idleReplicaCount / minReplicaCount (0) once no trigger has been active for cooldownPeriod
// (KEDAScaleTargetDeactivated). The HPA's external metric is computed from the queue when the
// HPA asks (KEDA's metrics server queries the scaler per request).
//
// It is its own Deployment in a real cluster: it stops while kube-apiserver is down, not with
// kube-controller-manager. Nothing is scheduled when the scenario has no ScaledObject.

#include "engine/engine.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cnsim {

class SimulationModel;
struct ScaledObjectObject;
struct ScaledObjectTriggerSpec;

class KedaOperator {
public:
    explicit KedaOperator(SimulationModel& model);

    // The label KEDA puts on its HPA's metric selector to name the ScaledObject.
    static constexpr const char* kScaledObjectLabel = "scaledobject.keda.sh/name";

    // What KEDA's metrics server answers the HPA for external metric `metric` of ScaledObject
    // `name`, in milli-units; nullopt when there is no such ScaledObject or trigger.
    std::optional<std::int64_t> externalMetricMilli(const std::string& nameSpace,
                                                    const std::string& name,
                                                    const std::string& metric) const;
    // The HPA metric name of trigger `index` (GenerateMetricNameWithIndex: "s0-rabbitmq-jobs").
    static std::string metricName(std::size_t index, const ScaledObjectTriggerSpec& trigger);

private:
    void added(const std::string& nameSpace, const std::string& name);
    void removed(const std::string& nameSpace, const std::string& name);
    void createHpa(const ScaledObjectObject& scaledObject);
    void poll(const std::string& key);
    double triggerValue(const ScaledObjectTriggerSpec& trigger) const;
    void setReplicas(ScaledObjectObject& so, int from, int to, bool activated, bool idle);

    SimulationModel& m_model;
    std::map<std::string, EventId> m_timers; // by "namespace/name"
};

} // namespace cnsim
