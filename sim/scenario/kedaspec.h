#pragma once

// Event-driven scaling in a scenario: the message queues cnsim simulates (`simulation.queues`,
// cnsim-only: Kubernetes has no queue object) and KEDA's ScaledObject (keda.sh/v1alpha1), the
// fields cnsim models. Format reference: docs/scenario-format.md ("simulation.queues",
// "ScaledObject"); behaviour: docs/autoscaling.md ("Event-driven scaling").

#include "scenario/kubernetestypes.h"
#include "scenario/trafficspec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

// simulation.queues[].consumer: the Deployment whose pods pull messages. A Ready pod holds at
// most `concurrency` messages at once; each takes `processingTime` and is acknowledged (leaves
// the queue) when done.
struct QueueConsumerSpec {
    std::string deployment;
    int concurrency = 1;
    DurationDistributionSpec processingTime{
        DistributionType::Constant, SimTime::seconds(1), {}, {}, {}};
    bool operator==(const QueueConsumerSpec&) const = default;
};

// simulation.queues[]: a broker queue (RabbitMQ, SQS). Producers are traffic sources whose
// classes say `queue: NAME`; each request of such a class is one message.
struct QueueSpec {
    std::string name;
    QueueConsumerSpec consumer;
    bool operator==(const QueueSpec&) const = default;
};

// What a trigger measures: KEDA's rabbitmq scaler modes (pkg/scalers/rabbitmq_scaler.go):
// messages in the queue, or messages published per second.
enum class QueueTriggerMode { QueueLength, MessageRate };

// ScaledObject spec.triggers[]: a `rabbitmq` or `aws-sqs-queue` trigger on one of the
// simulated queues. `value` is the target per replica (the HPA's AverageValue); the scale
// target is active while the metric is above `activationValue`. The fields keep what the file
// said (unset: KEDA's default) so the writer gives the same file back.
struct ScaledObjectTriggerSpec {
    std::string type = "rabbitmq"; // rabbitmq | aws-sqs-queue
    std::string name;              // optional trigger name
    std::string queueName;         // rabbitmq queueName; aws-sqs-queue queueURL's last segment
    std::string queueUrl;          // aws-sqs-queue: as written (queueName is derived from it)
    std::optional<QueueTriggerMode> mode; // rabbitmq only; unset: QueueLength
    std::string value;                    // as written ("5"); rabbitmq value / sqs queueLength
    std::string activationValue;          // as written; unset (empty): 0
    double target = 0.0;                  // value, parsed
    double activation = 0.0;              // activationValue, parsed
    bool operator==(const ScaledObjectTriggerSpec&) const = default;
};

// keda.sh/v1alpha1 ScaledObject (apis/keda/v1alpha1/scaledobject_types.go). Unset numbers take
// KEDA's defaults: pollingInterval 30 s, cooldownPeriod 300 s, minReplicaCount 0,
// maxReplicaCount 100.
struct ScaledObjectSpec {
    static constexpr std::int32_t kDefaultPollingInterval = 30;
    static constexpr std::int32_t kDefaultCooldownPeriod = 300;
    static constexpr std::int32_t kDefaultMinReplicaCount = 0;
    static constexpr std::int32_t kDefaultMaxReplicaCount = 100;

    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
    std::string scaleTargetName; // spec.scaleTargetRef.name (a Deployment)
    std::optional<std::int32_t> pollingInterval;
    std::optional<std::int32_t> cooldownPeriod;
    std::optional<std::int32_t> minReplicaCount;
    std::optional<std::int32_t> maxReplicaCount;
    std::optional<std::int32_t> idleReplicaCount;
    std::vector<ScaledObjectTriggerSpec> triggers;
    std::vector<PreservedField> preserved;

    std::int32_t effectivePollingInterval() const {
        return pollingInterval.value_or(kDefaultPollingInterval);
    }
    std::int32_t effectiveCooldownPeriod() const {
        return cooldownPeriod.value_or(kDefaultCooldownPeriod);
    }
    std::int32_t effectiveMinReplicaCount() const {
        return minReplicaCount.value_or(kDefaultMinReplicaCount);
    }
    std::int32_t effectiveMaxReplicaCount() const {
        return maxReplicaCount.value_or(kDefaultMaxReplicaCount);
    }
    bool operator==(const ScaledObjectSpec&) const = default;
};

} // namespace cnsim
