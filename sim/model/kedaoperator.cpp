#include "model/kedaoperator.h"

#include "cluster/apiserver.h"
#include "model/eventpriority.h"
#include "model/messagequeues.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cnsim {

namespace {

// pkg/util/normalize_string.go NormalizeString: metric names are lower-case, with '/', '.',
// ':' and '%' made '-'.
std::string normalize(std::string s) {
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (c == '/' || c == '.' || c == ':' || c == '%') {
            c = '-';
        }
    }
    return s;
}

std::string key(const std::string& nameSpace, const std::string& name) {
    return nameSpace + "/" + name;
}

} // namespace

KedaOperator::KedaOperator(SimulationModel& model) : m_model(model) {
    model.api().watch(ResourceKind::ScaledObject,
                      [this](WatchEventType type, const ObjectMeta& meta) {
                          const std::string k = key(meta.nameSpace, meta.name);
                          if (type == WatchEventType::Added) {
                              added(meta.nameSpace, meta.name);
                          } else if (type == WatchEventType::Deleted) {
                              removed(meta.nameSpace, meta.name);
                          }
                      });
}

std::string KedaOperator::metricName(std::size_t index, const ScaledObjectTriggerSpec& trigger) {
    // rabbitmq_scaler.go: "rabbitmq-<queueName>"; aws_sqs_queue_scaler.go: "aws-sqs-<queue>";
    // scalers_builder: GenerateMetricNameWithIndex prefixes "s<index>-".
    const std::string base = trigger.type == "aws-sqs-queue" ? "aws-sqs-" + trigger.queueName
                                                             : "rabbitmq-" + trigger.queueName;
    return "s" + std::to_string(index) + "-" + normalize(base);
}

void KedaOperator::added(const std::string& nameSpace, const std::string& name) {
    const std::string k = key(nameSpace, name);
    // The operator reconciles the new ScaledObject (creating its HPA) and starts its scale
    // loop, whose first check runs at once.
    m_timers[k] = m_model.engine().schedule(
        SimTime::zero(),
        [this, nameSpace, name, k] {
            if (const ScaledObjectObject* so =
                    m_model.api().scaledObjects().find(nameSpace, name)) {
                createHpa(*so);
            }
            poll(k);
        },
        priority::kController);
}

void KedaOperator::removed(const std::string& nameSpace, const std::string& name) {
    if (const auto it = m_timers.find(key(nameSpace, name)); it != m_timers.end()) {
        m_model.engine().cancel(it->second);
        m_timers.erase(it);
    }
    // The HPA is owned by the ScaledObject: the garbage collector removes it too.
    ApiServer& api = m_model.api();
    if (const HorizontalPodAutoscalerObject* hpa =
            api.horizontalPodAutoscalers().find(nameSpace, "keda-hpa-" + name)) {
        const ObjectMeta meta = hpa->meta;
        api.remove(ResourceKind::HorizontalPodAutoscaler, meta);
    }
}

void KedaOperator::createHpa(const ScaledObjectObject& so) {
    ApiServer& api = m_model.api();
    const std::string hpaName = "keda-hpa-" + so.meta.name;
    if (api.horizontalPodAutoscalers().find(so.meta.nameSpace, hpaName) != nullptr) {
        return;
    }
    // controllers/keda/hpa.go newHPAForScaledObject.
    HorizontalPodAutoscalerObject hpa;
    hpa.meta.name = hpaName;
    hpa.meta.nameSpace = so.meta.nameSpace;
    hpa.meta.labels = {{"app.kubernetes.io/managed-by", "keda-operator"},
                       {"app.kubernetes.io/name", hpaName},
                       {"app.kubernetes.io/part-of", so.meta.name},
                       {kScaledObjectLabel, so.meta.name}};
    hpa.spec.name = hpaName;
    hpa.spec.nameSpace = so.meta.nameSpace;
    hpa.spec.labels = hpa.meta.labels;
    hpa.spec.scaleTargetRef.name = so.spec.scaleTargetName;
    hpa.spec.minReplicas = std::max(so.spec.effectiveMinReplicaCount(), 1);
    hpa.spec.maxReplicas = so.spec.effectiveMaxReplicaCount();
    for (std::size_t i = 0; i < so.spec.triggers.size(); ++i) {
        const ScaledObjectTriggerSpec& t = so.spec.triggers[i];
        HpaMetricSource source;
        source.metric.type = HpaMetricSourceType::External;
        source.metric.name = metricName(i, t);
        source.metric.targetType = HpaMetricTargetType::AverageValue;
        source.metric.averageValueMilli =
            static_cast<std::int64_t>(std::llround(t.target * 1000.0));
        source.selector = {{kScaledObjectLabel, so.meta.name}};
        hpa.spec.metrics.push_back(std::move(source));
    }
    api.create(std::move(hpa), m_model.now());
    if (ScaledObjectObject* stored = api.scaledObjects().find(so.meta.nameSpace, so.meta.name)) {
        stored->hpaName = hpaName;
    }
}

double KedaOperator::triggerValue(const ScaledObjectTriggerSpec& trigger) const {
    const MessageQueues& queues = m_model.messageQueues();
    const std::optional<std::size_t> q = queues.indexOf(trigger.queueName);
    if (!q) {
        return 0.0;
    }
    if (trigger.mode == QueueTriggerMode::MessageRate) {
        return static_cast<double>(queues.publishedLastSecond(*q));
    }
    // The management API's `messages`: ready plus delivered-but-unacknowledged (rabbitmq
    // scaler over HTTP without excludeUnacknowledged; SQS's ApproximateNumberOfMessages plus
    // …NotVisible, aws_sqs_queue_scaler.go's default).
    return static_cast<double>(queues.waiting(*q) + queues.inFlight(*q));
}

std::optional<std::int64_t> KedaOperator::externalMetricMilli(const std::string& nameSpace,
                                                              const std::string& name,
                                                              const std::string& metric) const {
    const ScaledObjectObject* so = m_model.api().scaledObjects().find(nameSpace, name);
    if (so == nullptr) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < so->spec.triggers.size(); ++i) {
        if (metricName(i, so->spec.triggers[i]) == metric) {
            return static_cast<std::int64_t>(
                std::llround(triggerValue(so->spec.triggers[i]) * 1000.0));
        }
    }
    return std::nullopt;
}

void KedaOperator::poll(const std::string& k) {
    const std::string nameSpace = k.substr(0, k.find('/'));
    const std::string name = k.substr(k.find('/') + 1);
    ApiServer& api = m_model.api();
    ScaledObjectObject* so = api.scaledObjects().find(nameSpace, name);
    if (so == nullptr) {
        return;
    }
    const SimTime interval = SimTime::seconds(so->spec.effectivePollingInterval());
    if (m_model.now() + interval <= m_model.endTime()) {
        m_timers[k] = m_model.engine().schedule(
            interval, [this, k] { poll(k); }, priority::kController);
    }
    if (!api.available()) {
        return;
    }
    // scale_handler.go checkScalers → getScaledObjectState: active when any trigger's metric
    // is above its activation value.
    bool active = false;
    so->lastMetrics.clear();
    for (const ScaledObjectTriggerSpec& t : so->spec.triggers) {
        const double value = triggerValue(t);
        so->lastMetrics.push_back(value);
        active = active || value > t.activation;
    }
    so->ready = true;
    so->active = active;
    DeploymentObject* target = api.deployments().find(nameSpace, so->spec.scaleTargetName);
    if (target == nullptr) {
        so->ready = false;
        api.updated(ResourceKind::ScaledObject, so->meta);
        return;
    }
    const int current = target->spec.replicas;
    const int minReplicas = so->spec.effectiveMinReplicaCount();
    const std::optional<int> idle = so->spec.idleReplicaCount;
    const SimTime now = m_model.now();
    const SimTime cooldown = SimTime::seconds(so->spec.effectiveCooldownPeriod());
    // scale_scaledobjects.go RequestScale.
    if (active) {
        if ((idle && current < minReplicas) || current == 0) {
            setReplicas(*so, current, std::max(minReplicas, 1), true, false);
        }
        so->lastActiveTime = now;
    } else if ((idle && current > *idle) || (!idle && current > 0 && minReplicas == 0)) {
        // scaleToZeroOrIdle: only once no trigger was active for cooldownPeriod (or never).
        if (!so->lastActiveTime || *so->lastActiveTime + cooldown < now) {
            setReplicas(*so, current, idle.value_or(minReplicas), false, idle.has_value());
        }
    } else if (!idle && current < minReplicas) {
        setReplicas(*so, current, minReplicas, false, false);
    }
    api.updated(ResourceKind::ScaledObject, so->meta);
}

void KedaOperator::setReplicas(ScaledObjectObject& so, int from, int to, bool activated,
                               bool idle) {
    ApiServer& api = m_model.api();
    DeploymentObject* target = api.deployments().find(so.meta.nameSpace, so.spec.scaleTargetName);
    if (target == nullptr || from == to) {
        return;
    }
    target->spec.replicas = to;
    api.updated(ResourceKind::Deployment, target->meta);
    const std::string ref = "deployments.apps " + so.meta.nameSpace + "/" + so.spec.scaleTargetName;
    const bool toZeroOrIdle = !activated && (to == 0 || idle);
    if (!activated && !toZeroOrIdle) {
        return; // raised to minReplicaCount: KEDA records no event for it
    }
    // The events of scaleFromZeroOrIdle / scaleToZeroOrIdle.
    const std::string message = (activated ? "Scaled " : "Deactivated ") + ref + " from " +
                                std::to_string(from) + " to " + std::to_string(to);
    m_model.record(Component::KedaOperator,
                   activated ? EventReason::KEDAScaleTargetActivated
                             : EventReason::KEDAScaleTargetDeactivated,
                   ObjectKind::ScaledObject, so.meta.name,
                   {{"scaledobject", so.meta.name},
                    {"from", std::to_string(from)},
                    {"to", std::to_string(to)},
                    {"message", message}});
}

} // namespace cnsim
