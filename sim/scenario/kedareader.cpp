#include "scenario/kedareader.h"

#include "scenario/editdistance.h"
#include "scenario/manifestreader.h"
#include "scenario/names.h"
#include "scenario/trafficreader.h"

#include <charconv>
#include <cmath>

namespace cnsim {

namespace {

// Bounds that keep a run meaningful: a poll every second at most, a day at least; a week's
// cooldown; more replicas than any classroom cluster holds is a typo.
constexpr std::int64_t kMaxPollingSeconds = 86400;
constexpr std::int64_t kMaxCooldownSeconds = 7 * 86400;
constexpr std::int64_t kMaxReplicas = 100000;
constexpr double kMaxMetricValue = 1e9;
constexpr std::int64_t kMaxConcurrency = 10000;
// pkg/scalers/aws_sqs_queue_scaler.go defaultTargetQueueLength.
constexpr std::string_view kSqsDefaultQueueLength = "5";

const std::vector<std::string_view> kTriggerTypes{"rabbitmq", "aws-sqs-queue"};
const std::vector<std::string_view> kRabbitModes{"QueueLength", "MessageRate"};

FieldTable scaledObjectFields() {
    return {"ScaledObject", {"apiVersion", "kind", "metadata", "spec"}, {"status"}, true, nullptr};
}

FieldTable scaledObjectSpecFields() {
    return {"ScaledObject spec",
            {"scaleTargetRef", "pollingInterval", "cooldownPeriod", "minReplicaCount",
             "maxReplicaCount", "idleReplicaCount", "triggers"},
            {"advanced", "fallback", "initialCooldownPeriod"},
            true,
            nullptr};
}

FieldTable scaleTargetRefFields() {
    return {"scaleTargetRef",
            {"apiVersion", "kind", "name"},
            {"envSourceContainerName"},
            true,
            nullptr};
}

FieldTable triggerFields() {
    return {"trigger",
            {"type", "name", "metadata"},
            {"authenticationRef", "metricType", "useCachedMetrics"},
            true,
            nullptr};
}

FieldTable rabbitMetadataFields() {
    return {"rabbitmq trigger metadata",
            {"queueName", "mode", "value", "activationValue"},
            {"host", "hostFromEnv", "protocol", "vhostName", "useRegex", "excludeUnacknowledged",
             "pageSize", "operation", "timeout", "unsafeSsl"},
            true,
            nullptr};
}

FieldTable sqsMetadataFields() {
    return {"aws-sqs-queue trigger metadata",
            {"queueURL", "queueLength", "activationQueueLength"},
            {"awsRegion", "awsEndpoint", "identityOwner", "queueURLFromEnv", "scaleOnInFlight",
             "scaleOnDelayed"},
            true,
            nullptr};
}

// KEDA's metadata values are strings ("5"); a bare number is accepted too.
std::optional<double> readMetricValue(DiagnosticSink& sink, const YamlEntry& entry,
                                      const std::string& text, double min, bool strictlyAbove) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        sink.error(entry.value.Mark(), "bad-value", {entry.key, text},
                   "'" + entry.key + "' must be a number such as \"5\", got '" + text + "'");
        return std::nullopt;
    }
    if ((strictlyAbove ? value <= min : value < min) || value > kMaxMetricValue) {
        sink.error(entry.value.Mark(), "out-of-range", {entry.key, text},
                   "'" + entry.key + "' is " + text + "; it must be " +
                       (strictlyAbove ? "above 0" : "at least 0") +
                       " and at most 1000000000 (messages per replica)");
        return std::nullopt;
    }
    return value;
}

// A metadata value kept as written (`text`) and parsed (`number`); `positive`: above 0, else
// at least 0.
void readMetadataNumber(DiagnosticSink& sink, const YamlEntry& entry, std::string& text,
                        double& number, bool positive) {
    text = readString(sink, entry).value_or("");
    number = readMetricValue(sink, entry, text, 0.0, positive).value_or(number);
}

void readRabbitMetadata(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                        std::vector<PreservedField>& kept, ScaledObjectTriggerSpec& t,
                        YAML::Mark& queueMark) {
    const FieldTable table = rabbitMetadataFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* queue = map.require("queueName")) {
        queueMark = queue->value.Mark();
        t.queueName = readString(sink, *queue).value_or("");
    }
    if (const YamlEntry* mode = map.find("mode")) {
        if (const auto index = readEnum(sink, *mode, kRabbitModes)) {
            t.mode = *index == 0 ? QueueTriggerMode::QueueLength : QueueTriggerMode::MessageRate;
        }
    }
    if (const YamlEntry* value = map.require("value")) {
        readMetadataNumber(sink, *value, t.value, t.target, true);
    }
    if (const YamlEntry* activation = map.find("activationValue")) {
        readMetadataNumber(sink, *activation, t.activationValue, t.activation, false);
    }
}

void readSqsMetadata(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                     std::vector<PreservedField>& kept, ScaledObjectTriggerSpec& t,
                     YAML::Mark& queueMark) {
    const FieldTable table = sqsMetadataFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* url = map.require("queueURL")) {
        queueMark = url->value.Mark();
        t.queueUrl = readString(sink, *url).value_or("");
        // aws_sqs_queue_scaler.go: the queue's name is the URL's last path segment.
        const std::size_t slash = t.queueUrl.find_last_of('/');
        t.queueName = slash == std::string::npos ? t.queueUrl : t.queueUrl.substr(slash + 1);
    }
    t.target = 5.0;
    if (const YamlEntry* length = map.find("queueLength")) {
        readMetadataNumber(sink, *length, t.value, t.target, true);
    }
    if (const YamlEntry* activation = map.find("activationQueueLength")) {
        readMetadataNumber(sink, *activation, t.activationValue, t.activation, false);
    }
}

ScaledObjectTriggerSpec readTrigger(DiagnosticSink& sink, const YAML::Node& node,
                                    const std::string& path, std::vector<PreservedField>& kept,
                                    YAML::Mark& queueMark) {
    ScaledObjectTriggerSpec t;
    const FieldTable table = triggerFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    queueMark = node.Mark();
    if (const YamlEntry* type = map.require("type")) {
        t.type = readString(sink, *type).value_or("rabbitmq");
        if (std::find(kTriggerTypes.begin(), kTriggerTypes.end(), t.type) == kTriggerTypes.end()) {
            std::string message = "cnsim simulates queue triggers only: 'rabbitmq' and "
                                  "'aws-sqs-queue' on a simulation.queues entry; got '" +
                                  t.type + "'";
            const std::string near = nearestName(t.type, kTriggerTypes);
            if (!near.empty()) {
                message += " — did you mean '" + near + "'?";
            }
            sink.error(type->value.Mark(), "unsupported-trigger", {t.type, near}, message);
            return t;
        }
    }
    if (const YamlEntry* name = map.find("name")) {
        t.name = readString(sink, *name).value_or("");
    }
    if (const YamlEntry* metadata = map.require("metadata")) {
        if (t.type == "aws-sqs-queue") {
            readSqsMetadata(sink, *metadata, path + ".metadata", kept, t, queueMark);
        } else {
            readRabbitMetadata(sink, *metadata, path + ".metadata", kept, t, queueMark);
        }
    }
    return t;
}

std::optional<std::int32_t> readCount(DiagnosticSink& sink, const MapCursor& spec,
                                      std::string_view key, std::int64_t min, std::int64_t max) {
    if (const YamlEntry* entry = spec.find(key)) {
        if (const auto v = readInteger(sink, *entry, min, max)) {
            return static_cast<std::int32_t>(*v);
        }
    }
    return std::nullopt;
}

} // namespace

ScaledObjectSpec readScaledObject(DiagnosticSink& sink, const YAML::Node& node,
                                  ManifestMarks& marks) {
    ScaledObjectSpec so;
    const FieldTable table = scaledObjectFields();
    MapCursor top(sink, node, node.Mark(), table, "", &so.preserved);
    marks.name = node.Mark();
    marks.scaleTarget = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "ScaledObject metadata", checkDns1123Subdomain,
                             so.preserved, meta, marks.name);
        so.name = meta.name;
        so.nameSpace = meta.nameSpace;
        so.labels = meta.labels;
    }
    const YamlEntry* specEntry = top.require("spec");
    if (specEntry == nullptr) {
        return so;
    }
    marks.scaleTarget = specEntry->keyMark();
    const FieldTable specTable = scaledObjectSpecFields();
    MapCursor spec(sink, specEntry->value, specEntry->keyMark(), specTable, "spec", &so.preserved);
    if (const YamlEntry* ref = spec.require("scaleTargetRef")) {
        marks.scaleTarget = ref->keyMark();
        const FieldTable refTable = scaleTargetRefFields();
        MapCursor r(sink, ref->value, ref->keyMark(), refTable, "spec.scaleTargetRef",
                    &so.preserved);
        if (const YamlEntry* kind = r.find("kind")) {
            const std::string k = readString(sink, *kind).value_or("Deployment");
            if (k != "Deployment") {
                sink.error(kind->value.Mark(), "bad-value", {"kind", k},
                           "cnsim scales Deployments only; scaleTargetRef.kind is '" + k + "'");
            }
        }
        if (const YamlEntry* api = r.find("apiVersion")) {
            const std::string v = readString(sink, *api).value_or("apps/v1");
            if (v != "apps/v1") {
                sink.error(api->value.Mark(), "wrong-api-version", {"Deployment", "apps/v1", v},
                           "a Deployment has apiVersion apps/v1, got '" + v + "'");
            }
        }
        if (const YamlEntry* name = r.require("name")) {
            marks.scaleTarget = name->value.Mark();
            so.scaleTargetName = readName(sink, *name, checkDns1123Subdomain).value_or("");
        }
    }
    so.pollingInterval = readCount(sink, spec, "pollingInterval", 1, kMaxPollingSeconds);
    so.cooldownPeriod = readCount(sink, spec, "cooldownPeriod", 0, kMaxCooldownSeconds);
    so.minReplicaCount = readCount(sink, spec, "minReplicaCount", 0, kMaxReplicas);
    so.maxReplicaCount = readCount(sink, spec, "maxReplicaCount", 1, kMaxReplicas);
    so.idleReplicaCount = readCount(sink, spec, "idleReplicaCount", 0, kMaxReplicas);
    // scaledobject_types.go CheckReplicaCountBoundsAreValid.
    const int min = so.effectiveMinReplicaCount();
    if (const YamlEntry* max = spec.find("maxReplicaCount");
        max != nullptr && so.maxReplicaCount && min > *so.maxReplicaCount) {
        sink.error(max->value.Mark(), "bad-value", {"maxReplicaCount"},
                   "MinReplicaCount=" + std::to_string(min) +
                       " must be less than MaxReplicaCount=" + std::to_string(*so.maxReplicaCount));
    }
    if (const YamlEntry* idle = spec.find("idleReplicaCount");
        idle != nullptr && so.idleReplicaCount && *so.idleReplicaCount >= min) {
        sink.error(idle->value.Mark(), "bad-value", {"idleReplicaCount"},
                   "IdleReplicaCount=" + std::to_string(*so.idleReplicaCount) +
                       " must be less than MinReplicaCount=" + std::to_string(min) +
                       " (set minReplicaCount above it, or leave idleReplicaCount out)");
    }
    if (const YamlEntry* triggers = spec.require("triggers")) {
        const std::vector<YAML::Node> items = readList(sink, *triggers);
        if (items.empty() && triggers->value.IsSequence()) {
            sink.error(triggers->keyMark(), "empty-list", {"triggers"},
                       "'triggers' must list at least one trigger");
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            YAML::Mark mark;
            so.triggers.push_back(readTrigger(
                sink, items[i], "spec.triggers[" + std::to_string(i) + "]", so.preserved, mark));
            marks.metrics.push_back(mark);
        }
    }
    return so;
}

QueueSpec readQueue(DiagnosticSink& sink, const YAML::Node& node, QueueMarks& marks) {
    QueueSpec queue;
    static const FieldTable table = cnsimFields("queue", {"name", "consumer"});
    MapCursor map(sink, node, node.Mark(), table);
    marks.name = node.Mark();
    marks.deployment = node.Mark();
    if (const YamlEntry* name = map.require("name")) {
        marks.name = name->value.Mark();
        queue.name = readName(sink, *name, checkDns1123Subdomain).value_or("");
    }
    if (const YamlEntry* consumer = map.require("consumer")) {
        marks.deployment = consumer->keyMark();
        static const FieldTable consumerTable =
            cnsimFields("queue consumer", {"deployment", "concurrency", "processingTime"});
        MapCursor c(sink, consumer->value, consumer->keyMark(), consumerTable);
        if (const YamlEntry* deployment = c.require("deployment")) {
            marks.deployment = deployment->value.Mark();
            queue.consumer.deployment =
                readName(sink, *deployment, checkDns1123Subdomain).value_or("");
        }
        if (const YamlEntry* concurrency = c.find("concurrency")) {
            queue.consumer.concurrency =
                static_cast<int>(readInteger(sink, *concurrency, 1, kMaxConcurrency).value_or(1));
        }
        if (const YamlEntry* time = c.require("processingTime")) {
            queue.consumer.processingTime = readDistribution(sink, *time, kLongestRequestCost);
        }
    }
    return queue;
}

} // namespace cnsim
