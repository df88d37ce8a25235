#include "scenario/kedawriter.h"

#include "scenario/manifestwriter.h"
#include "scenario/trafficwriter.h"

#include <string>

namespace cnsim {

namespace {

void writeTrigger(YamlWriter& w, const ScaledObjectTriggerSpec& t, const std::string& path) {
    w.beginMap();
    w.field("type", t.type);
    if (!t.name.empty()) {
        w.field("name", t.name);
    }
    w.key("metadata");
    w.beginMap();
    if (t.type == "aws-sqs-queue") {
        w.field("queueURL", t.queueUrl);
        if (!t.value.empty()) {
            w.field("queueLength", t.value);
        }
        if (!t.activationValue.empty()) {
            w.field("activationQueueLength", t.activationValue);
        }
    } else {
        w.field("queueName", t.queueName);
        if (t.mode) {
            w.field("mode",
                    *t.mode == QueueTriggerMode::QueueLength ? "QueueLength" : "MessageRate");
        }
        w.field("value", t.value);
        if (!t.activationValue.empty()) {
            w.field("activationValue", t.activationValue);
        }
    }
    w.preserved(path + ".metadata");
    w.endMap();
    w.preserved(path);
    w.endMap();
}

} // namespace

void writeScaledObject(YamlWriter& w, const ScaledObjectSpec& so) {
    beginManifest(w, so.preserved, "keda.sh/v1alpha1", "ScaledObject", so.name, so.nameSpace,
                  so.labels);
    w.key("scaleTargetRef");
    w.beginMap();
    w.field("name", so.scaleTargetName);
    w.preserved("spec.scaleTargetRef");
    w.endMap();
    w.optionalInteger("pollingInterval", so.pollingInterval);
    w.optionalInteger("cooldownPeriod", so.cooldownPeriod);
    w.optionalInteger("idleReplicaCount", so.idleReplicaCount);
    w.optionalInteger("minReplicaCount", so.minReplicaCount);
    w.optionalInteger("maxReplicaCount", so.maxReplicaCount);
    w.key("triggers");
    w.beginSeq();
    for (std::size_t i = 0; i < so.triggers.size(); ++i) {
        writeTrigger(w, so.triggers[i], "spec.triggers[" + std::to_string(i) + "]");
    }
    w.endSeq();
    endManifest(w);
}

void writeQueues(YamlWriter& w, const std::vector<QueueSpec>& queues) {
    w.key("queues");
    w.beginSeq();
    for (const QueueSpec& queue : queues) {
        w.beginMap();
        w.field("name", queue.name);
        w.key("consumer");
        w.beginMap();
        w.field("deployment", queue.consumer.deployment);
        if (queue.consumer.concurrency != QueueConsumerSpec{}.concurrency) {
            w.integer("concurrency", queue.consumer.concurrency);
        }
        writeDurationDistribution(w, "processingTime", queue.consumer.processingTime);
        w.endMap();
        w.endMap();
    }
    w.endSeq();
}

} // namespace cnsim
