#include "scenario/hpareader.h"

#include "scenario/editdistance.h"
#include "scenario/kubernetesfields.h"
#include "scenario/manifestreader.h"
#include "scenario/names.h"

#include <algorithm>
#include <limits>

namespace cnsim {

namespace {

constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
// validation.go: MaxPeriodSeconds and MaxStabilizationWindowSeconds.
constexpr std::int64_t kMaxPolicyPeriodSeconds = 1800;
constexpr std::int64_t kMaxStabilizationWindowSeconds = 3600;

const std::vector<std::string_view> kMetricTypes{"Resource", "ContainerResource", "Pods", "Object",
                                                 "External"};
const std::vector<std::string_view> kSourceKeys{"resource", "containerResource", "pods", "object",
                                                "external"};
const std::vector<std::string_view> kTargetTypes{"Utilization", "Value", "AverageValue"};
const std::vector<std::string_view> kSelectPolicies{"Max", "Min", "Disabled"};
const std::vector<std::string_view> kPolicyTypes{"Pods", "Percent"};

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (const std::string_view n : names) {
        out += (out.empty() ? "" : ", ") + std::string(n);
    }
    return out;
}

void warnUnmeasured(DiagnosticSink& sink, const YAML::Mark& at, const std::string& name,
                    const std::vector<std::string_view>& known, const std::string& what) {
    if (name.empty() || std::find(known.begin(), known.end(), name) != known.end()) {
        return;
    }
    std::string message = "cnsim cannot measure " + what + " '" + name + "' (it measures " +
                          joined(known) + "); the autoscaler will report it missing";
    if (const std::string near = nearestName(name, known); !near.empty()) {
        message += " — did you mean '" + near + "'?";
    }
    sink.warning(at, "unmeasured-metric", {name}, message);
}

// MetricIdentifier: name and an optional label selector (matchLabels only).
void readIdentifier(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                    std::vector<PreservedField>& kept, HpaMetricSource& source,
                    YAML::Mark& nameMark) {
    const FieldTable table = hpaMetricIdentifierFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    nameMark = entry.keyMark();
    if (const YamlEntry* name = map.require("name")) {
        nameMark = name->value.Mark();
        source.metric.name = readString(sink, *name).value_or("");
    }
    if (const YamlEntry* selector = map.find("selector")) {
        const FieldTable selectorTable = hpaMetricSelectorFields();
        MapCursor selectorMap(sink, selector->value, selector->keyMark(), selectorTable,
                              path + ".selector", &kept);
        if (const YamlEntry* labels = selectorMap.find("matchLabels")) {
            source.selector = readLabels(sink, *labels).value_or(LabelMap{});
        }
    }
}

// MetricTarget, checked against the target types the source allows (validateMetricTarget and
// the per-source rules of validateMetricSpec).
void readTarget(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                std::vector<PreservedField>& kept, HpaMetricSpec& metric,
                const std::vector<std::string_view>& allowed, bool memory) {
    const FieldTable table = hpaMetricTargetFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    const YamlEntry* typeEntry = map.require("type");
    if (typeEntry == nullptr) {
        return;
    }
    const std::optional<std::size_t> type = readEnum(sink, *typeEntry, kTargetTypes);
    if (!type) {
        return;
    }
    metric.targetType = static_cast<HpaMetricTargetType>(*type);
    const std::string_view typeName = kTargetTypes[*type];
    if (std::find(allowed.begin(), allowed.end(), typeName) == allowed.end()) {
        sink.error(typeEntry->value.Mark(), "bad-value", {"type", std::string(typeName)},
                   "target type " + std::string(typeName) + " is not allowed for this metric " +
                       "source (allowed: " + joined(allowed) + ")");
        return;
    }
    const char* key = metric.targetType == HpaMetricTargetType::Utilization ? "averageUtilization"
                      : metric.targetType == HpaMetricTargetType::Value     ? "value"
                                                                            : "averageValue";
    for (const char* other : {"averageUtilization", "value", "averageValue"}) {
        if (std::string_view(other) != key && map.find(other) != nullptr) {
            sink.error(map.find(other)->keyMark(), "not-applicable", {other, std::string(typeName)},
                       "'" + std::string(other) + "' does not apply to a target of type " +
                           std::string(typeName));
        }
    }
    const YamlEntry* value = map.require(key);
    if (value == nullptr) {
        return;
    }
    if (metric.targetType == HpaMetricTargetType::Utilization) {
        metric.averageUtilization =
            static_cast<std::int32_t>(readInteger(sink, *value, 1, kMaxInt32).value_or(1));
        return;
    }
    std::int64_t milli = 0;
    if (memory) {
        const std::optional<Bytes> bytes = readMemory(
            sink, *value, Bytes{1}, Bytes{std::numeric_limits<std::int64_t>::max() / 1000});
        milli = bytes ? bytes->value * 1000 : 1;
    } else {
        const std::optional<CpuMillis> m = readCpu(
            sink, *value, CpuMillis{1}, CpuMillis{std::numeric_limits<std::int64_t>::max()});
        milli = m ? m->value : 1;
    }
    (metric.targetType == HpaMetricTargetType::Value ? metric.valueMilli
                                                     : metric.averageValueMilli) = milli;
}

HpaMetricSource readMetric(DiagnosticSink& sink, const YAML::Node& node, const std::string& path,
                           std::vector<PreservedField>& kept, YAML::Mark& mark) {
    HpaMetricSource source;
    mark = node.Mark();
    const FieldTable table = hpaMetricSpecFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    const YamlEntry* typeEntry = map.require("type");
    if (typeEntry == nullptr) {
        return source;
    }
    const std::optional<std::size_t> type = readEnum(sink, *typeEntry, kMetricTypes);
    if (!type) {
        return source;
    }
    source.metric.type = static_cast<HpaMetricSourceType>(*type);
    const std::string_view sourceKey = kSourceKeys[*type];
    // validation.go: exactly the source named by `type` may be set.
    for (const std::string_view other : kSourceKeys) {
        if (other != sourceKey && map.find(other) != nullptr) {
            sink.error(map.find(other)->keyMark(), "not-applicable",
                       {std::string(other), std::string(kMetricTypes[*type])},
                       "'" + std::string(other) + "' must not be set when type is " +
                           std::string(kMetricTypes[*type]));
        }
    }
    const YamlEntry* sourceEntry = map.require(sourceKey);
    if (sourceEntry == nullptr) {
        return source;
    }
    const std::string sourcePath = path + "." + std::string(sourceKey);
    const FieldTable sourceTable = hpaMetricSourceFields(sourceKey);
    MapCursor src(sink, sourceEntry->value, sourceEntry->keyMark(), sourceTable, sourcePath, &kept);
    HpaMetricSpec& metric = source.metric;
    std::vector<std::string_view> allowed;
    bool memory = false;
    switch (metric.type) {
    case HpaMetricSourceType::Resource:
    case HpaMetricSourceType::ContainerResource: {
        if (const YamlEntry* name = src.require("name")) {
            metric.name = readString(sink, *name).value_or("");
            warnUnmeasured(sink, name->value.Mark(), metric.name, hpaMeasurableResources(),
                           "resource");
        }
        if (metric.type == HpaMetricSourceType::ContainerResource) {
            if (const YamlEntry* container = src.require("container")) {
                metric.container = readName(sink, *container, checkDns1123Label).value_or("");
            }
        }
        memory = metric.name == "memory";
        allowed = {"Utilization", "AverageValue"};
        break;
    }
    case HpaMetricSourceType::Pods: {
        YAML::Mark nameMark;
        if (const YamlEntry* id = src.require("metric")) {
            readIdentifier(sink, *id, sourcePath + ".metric", kept, source, nameMark);
            warnUnmeasured(sink, nameMark, metric.name, hpaMeasurablePodsMetrics(), "pods metric");
        }
        allowed = {"AverageValue"};
        break;
    }
    case HpaMetricSourceType::Object: {
        if (const YamlEntry* described = src.require("describedObject")) {
            const FieldTable dTable = hpaDescribedObjectFields();
            MapCursor d(sink, described->value, described->keyMark(), dTable,
                        sourcePath + ".describedObject", &kept);
            if (const YamlEntry* kind = d.require("kind")) {
                metric.describedObjectKind = readString(sink, *kind).value_or("");
            }
            if (const YamlEntry* name = d.require("name")) {
                mark = name->value.Mark();
                source.describedObjectName = readString(sink, *name).value_or("");
            }
            if (const YamlEntry* api = d.find("apiVersion")) {
                source.describedObjectApiVersion = readString(sink, *api).value_or("");
            }
            if (!metric.describedObjectKind.empty() && metric.describedObjectKind != "Service") {
                sink.warning(described->keyMark(), "unmeasured-metric",
                             {metric.describedObjectKind},
                             "cnsim measures object metrics of Services only, not of a " +
                                 metric.describedObjectKind +
                                 "; the autoscaler will report the metric missing");
            }
        }
        YAML::Mark nameMark;
        if (const YamlEntry* id = src.require("metric")) {
            readIdentifier(sink, *id, sourcePath + ".metric", kept, source, nameMark);
            warnUnmeasured(sink, nameMark, metric.name, hpaMeasurableObjectMetrics(),
                           "Service metric");
        }
        allowed = {"Value", "AverageValue"};
        break;
    }
    case HpaMetricSourceType::External: {
        YAML::Mark nameMark;
        if (const YamlEntry* id = src.require("metric")) {
            readIdentifier(sink, *id, sourcePath + ".metric", kept, source, nameMark);
            warnUnmeasured(sink, nameMark, metric.name, hpaMeasurableExternalMetrics(),
                           "external metric");
        }
        allowed = {"Value", "AverageValue"};
        break;
    }
    }
    if (const YamlEntry* target = src.require("target")) {
        readTarget(sink, *target, sourcePath + ".target", kept, metric, allowed, memory);
    }
    return source;
}

HpaScalingRules readRules(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                          std::vector<PreservedField>& kept) {
    HpaScalingRules rules;
    const FieldTable table = hpaScalingRulesFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* window = map.find("stabilizationWindowSeconds")) {
        rules.stabilizationWindowSeconds = static_cast<std::int32_t>(
            readInteger(sink, *window, 0, kMaxStabilizationWindowSeconds).value_or(0));
    }
    if (const YamlEntry* select = map.find("selectPolicy")) {
        if (const auto i = readEnum(sink, *select, kSelectPolicies)) {
            rules.selectPolicy = static_cast<HpaSelectPolicy>(*i);
        }
    }
    if (const YamlEntry* tolerance = map.find("tolerance")) {
        rules.tolerance = readNumber(sink, *tolerance, 0.0, 1e9);
    }
    if (const YamlEntry* policies = map.find("policies")) {
        const std::vector<YAML::Node> items = readList(sink, *policies);
        if (items.empty() && (policies->value.IsNull() || policies->value.IsSequence())) {
            // validation.go validateScalingRules: "must specify at least one Policy".
            sink.error(policies->keyMark(), "empty-list", {"policies"},
                       "'policies' must list at least one scaling policy");
        }
        std::vector<HpaScalingPolicy> list;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const FieldTable pTable = hpaScalingPolicyFields();
            MapCursor p(sink, items[i], items[i].Mark(), pTable,
                        path + ".policies[" + std::to_string(i) + "]", &kept);
            HpaScalingPolicy policy;
            if (const YamlEntry* type = p.require("type")) {
                if (const auto t = readEnum(sink, *type, kPolicyTypes)) {
                    policy.type = static_cast<HpaScalingPolicyType>(*t);
                }
            }
            if (const YamlEntry* value = p.require("value")) {
                policy.value =
                    static_cast<std::int32_t>(readInteger(sink, *value, 1, kMaxInt32).value_or(1));
            }
            if (const YamlEntry* period = p.require("periodSeconds")) {
                policy.periodSeconds = static_cast<std::int32_t>(
                    readInteger(sink, *period, 1, kMaxPolicyPeriodSeconds).value_or(1));
            }
            list.push_back(policy);
        }
        rules.policies = std::move(list);
    }
    return rules;
}

HpaBehavior readBehavior(DiagnosticSink& sink, const YamlEntry& entry,
                         std::vector<PreservedField>& kept) {
    HpaBehavior behavior;
    const FieldTable table = hpaBehaviorFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, "spec.behavior", &kept);
    if (const YamlEntry* up = map.find("scaleUp")) {
        behavior.scaleUp = readRules(sink, *up, "spec.behavior.scaleUp", kept);
    }
    if (const YamlEntry* down = map.find("scaleDown")) {
        behavior.scaleDown = readRules(sink, *down, "spec.behavior.scaleDown", kept);
    }
    return behavior;
}

} // namespace

const std::vector<std::string_view>& hpaMeasurableResources() {
    static const std::vector<std::string_view> names{"cpu", "memory"};
    return names;
}

const std::vector<std::string_view>& hpaMeasurablePodsMetrics() {
    static const std::vector<std::string_view> names{"requests_in_flight"};
    return names;
}

const std::vector<std::string_view>& hpaMeasurableObjectMetrics() {
    static const std::vector<std::string_view> names{"requests_per_second", "requests_in_flight"};
    return names;
}

const std::vector<std::string_view>& hpaMeasurableExternalMetrics() {
    static const std::vector<std::string_view> names{"requests_per_second", "queue_length"};
    return names;
}

HorizontalPodAutoscalerSpec
readHorizontalPodAutoscaler(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks) {
    HorizontalPodAutoscalerSpec hpa;
    const FieldTable table = hpaFields();
    MapCursor top(sink, node, node.Mark(), table, "", &hpa.preserved);
    marks.name = node.Mark();
    marks.scaleTarget = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "HorizontalPodAutoscaler metadata",
                             checkDns1123Subdomain, hpa.preserved, meta, marks.name);
        hpa.name = meta.name;
        hpa.nameSpace = meta.nameSpace;
        hpa.labels = meta.labels;
    }
    const YamlEntry* specEntry = top.require("spec");
    if (specEntry == nullptr) {
        return hpa;
    }
    marks.scaleTarget = specEntry->keyMark();
    const FieldTable specTable = hpaSpecFields();
    MapCursor spec(sink, specEntry->value, specEntry->keyMark(), specTable, "spec", &hpa.preserved);
    if (const YamlEntry* ref = spec.require("scaleTargetRef")) {
        marks.scaleTarget = ref->keyMark();
        const FieldTable refTable = hpaScaleTargetRefFields();
        MapCursor r(sink, ref->value, ref->keyMark(), refTable, "spec.scaleTargetRef",
                    &hpa.preserved);
        if (const YamlEntry* kind = r.require("kind")) {
            hpa.scaleTargetRef.kind = readString(sink, *kind).value_or("Deployment");
            if (hpa.scaleTargetRef.kind != "Deployment") {
                sink.error(kind->value.Mark(), "bad-value", {"kind", hpa.scaleTargetRef.kind},
                           "cnsim scales Deployments only; scaleTargetRef.kind is '" +
                               hpa.scaleTargetRef.kind + "'");
            }
        }
        if (const YamlEntry* api = r.find("apiVersion")) {
            hpa.scaleTargetRef.apiVersion = readString(sink, *api).value_or("apps/v1");
            if (hpa.scaleTargetRef.apiVersion != "apps/v1") {
                sink.error(api->value.Mark(), "wrong-api-version",
                           {"Deployment", "apps/v1", hpa.scaleTargetRef.apiVersion},
                           "a Deployment has apiVersion apps/v1, got '" +
                               hpa.scaleTargetRef.apiVersion + "'");
            }
        }
        if (const YamlEntry* name = r.require("name")) {
            marks.scaleTarget = name->value.Mark();
            hpa.scaleTargetRef.name = readName(sink, *name, checkDns1123Subdomain).value_or("");
        }
    }
    // validation.go: minReplicas ≥ 1 (0 needs the alpha HPAScaleToZero gate, off in 1.34);
    // maxReplicas ≥ 1 and ≥ minReplicas.
    if (const YamlEntry* min = spec.find("minReplicas")) {
        hpa.minReplicas =
            static_cast<std::int32_t>(readInteger(sink, *min, 1, kMaxInt32).value_or(1));
    }
    if (const YamlEntry* max = spec.require("maxReplicas")) {
        const std::optional<std::int64_t> value = readInteger(sink, *max, 1, kMaxInt32);
        hpa.maxReplicas = static_cast<std::int32_t>(value.value_or(1));
        if (value && hpa.minReplicas && *value < *hpa.minReplicas) {
            sink.error(max->value.Mark(), "bad-value", {"maxReplicas", std::to_string(*value)},
                       "maxReplicas " + std::to_string(*value) +
                           " must be greater than or equal to minReplicas " +
                           std::to_string(*hpa.minReplicas));
        }
    }
    if (const YamlEntry* metrics = spec.find("metrics")) {
        const std::vector<YAML::Node> items = readList(sink, *metrics);
        for (std::size_t i = 0; i < items.size(); ++i) {
            YAML::Mark mark;
            hpa.metrics.push_back(readMetric(
                sink, items[i], "spec.metrics[" + std::to_string(i) + "]", hpa.preserved, mark));
            marks.metrics.push_back(mark);
        }
    }
    if (const YamlEntry* behavior = spec.find("behavior")) {
        hpa.behavior = readBehavior(sink, *behavior, hpa.preserved);
    }
    return hpa;
}

} // namespace cnsim
