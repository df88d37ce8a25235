// kubectl for autoscaling/v2 HorizontalPodAutoscalers: the `get` table
// (pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler, formatHPAMetrics),
// the object for -o yaml|json, and `describe` (k8s.io/kubectl/pkg/describe/describe.go
// describeHorizontalPodAutoscalerV2, printDirectionBehavior).

#include "kubectl/hpaprinter.h"

#include "cluster/apiserver.h"
#include "control/autoscaling/hpanormalization.h"
#include "kubectl/describeprinter.h"
#include "kubectl/encoderutil.h"
#include "kubectl/resourcetables.h"
#include "kubectl/tableprinter.h"
#include "model/simulation.h"
#include "scenario/quantity.h"

#include <cstdio>

namespace cnsim {

namespace {

using List = ObjectValue::List;

bool isMemory(const HpaMetricSpec& m) {
    return m.name == "memory" && (m.type == HpaMetricSourceType::Resource ||
                                  m.type == HpaMetricSourceType::ContainerResource);
}

// resource.Quantity String() of a target as the user wrote it: memory in binary units when
// exact, otherwise the DecimalSI canonical form.
std::string targetText(std::int64_t milli, bool memory) {
    if (memory && milli % 1000 == 0 && (milli / 1000) % 1024 == 0) {
        return formatMemory(Bytes{milli / 1000});
    }
    return quantityText(milli);
}

std::string utilizationTarget(const HpaMetricSpec& m) {
    return std::to_string(m.averageUtilization) + "%";
}

const char* sourceTypeName(HpaMetricSourceType t) {
    switch (t) {
    case HpaMetricSourceType::Resource:
        return "Resource";
    case HpaMetricSourceType::ContainerResource:
        return "ContainerResource";
    case HpaMetricSourceType::Pods:
        return "Pods";
    case HpaMetricSourceType::Object:
        return "Object";
    case HpaMetricSourceType::External:
        return "External";
    }
    return "Resource";
}

const char* targetTypeName(HpaMetricTargetType t) {
    switch (t) {
    case HpaMetricTargetType::Utilization:
        return "Utilization";
    case HpaMetricTargetType::Value:
        return "Value";
    case HpaMetricTargetType::AverageValue:
        return "AverageValue";
    }
    return "Utilization";
}

// The metrics the API server stores: the spec's, or the defaulted CPU metric.
std::vector<HpaMetricSource> specMetrics(const HorizontalPodAutoscalerObject& hpa) {
    if (hpa.spec.metrics.empty()) {
        return {HpaMetricSource{defaultHpaCpuMetric(), {}, {}, {}}};
    }
    return hpa.spec.metrics;
}

const HpaMetricStatus* statusAt(const HorizontalPodAutoscalerObject& hpa, std::size_t i) {
    return i < hpa.currentMetrics.size() && hpa.currentMetrics[i].known() ? &hpa.currentMetrics[i]
                                                                          : nullptr;
}

std::string optionalText(const std::optional<std::int64_t>& milli, bool memory) {
    return milli ? targetText(*milli, memory) : std::string("<unknown>");
}

ObjectValue metricTarget(const HpaMetricSpec& m) {
    ObjectValue t;
    t["type"] = targetTypeName(m.targetType);
    switch (m.targetType) {
    case HpaMetricTargetType::Utilization:
        t["averageUtilization"] = m.averageUtilization;
        break;
    case HpaMetricTargetType::Value:
        t["value"] = targetText(m.valueMilli, isMemory(m));
        break;
    case HpaMetricTargetType::AverageValue:
        t["averageValue"] = targetText(m.averageValueMilli, isMemory(m));
        break;
    }
    return t;
}

ObjectValue metricIdentifier(const HpaMetricSource& s) {
    ObjectValue id;
    id["name"] = s.metric.name;
    if (!s.selector.empty()) {
        id["selector"]["matchLabels"] = encoding::labelMap(s.selector);
    }
    return id;
}

ObjectValue describedObject(const HpaMetricSource& s) {
    ObjectValue d;
    if (!s.describedObjectApiVersion.empty()) {
        d["apiVersion"] = s.describedObjectApiVersion;
    }
    d["kind"] = s.metric.describedObjectKind;
    d["name"] = s.describedObjectName;
    return d;
}

// MetricSpec, or with `status` the MetricStatus (current values instead of the target).
ObjectValue encodeMetric(const HpaMetricSource& s, const HpaMetricStatus* status) {
    const HpaMetricSpec& m = s.metric;
    ObjectValue v;
    v["type"] = sourceTypeName(m.type);
    ObjectValue source;
    switch (m.type) {
    case HpaMetricSourceType::Resource:
        source["name"] = m.name;
        break;
    case HpaMetricSourceType::ContainerResource:
        source["name"] = m.name;
        source["container"] = m.container;
        break;
    case HpaMetricSourceType::Object:
        source["describedObject"] = describedObject(s);
        source["metric"] = metricIdentifier(s);
        break;
    case HpaMetricSourceType::Pods:
    case HpaMetricSourceType::External:
        source["metric"] = metricIdentifier(s);
        break;
    }
    if (status == nullptr) {
        source["target"] = metricTarget(m);
    } else {
        ObjectValue current;
        if (status->averageUtilization) {
            current["averageUtilization"] = *status->averageUtilization;
        }
        if (status->averageValueMilli) {
            current["averageValue"] = targetText(*status->averageValueMilli, isMemory(m));
        }
        if (status->valueMilli) {
            current["value"] = targetText(*status->valueMilli, isMemory(m));
        }
        source["current"] = std::move(current);
    }
    static constexpr const char* kKeys[] = {"resource", "containerResource", "pods", "object",
                                            "external"};
    v[kKeys[static_cast<std::size_t>(m.type)]] = std::move(source);
    return v;
}

ObjectValue encodeRules(const HpaScalingRules& rules) {
    ObjectValue r;
    if (rules.stabilizationWindowSeconds) {
        r["stabilizationWindowSeconds"] = *rules.stabilizationWindowSeconds;
    }
    if (rules.selectPolicy) {
        r["selectPolicy"] = std::string(hpaSelectPolicyName(*rules.selectPolicy));
    }
    List policies;
    for (const HpaScalingPolicy& p : rules.policies.value_or(std::vector<HpaScalingPolicy>{})) {
        ObjectValue pv;
        pv["type"] = std::string(hpaScalingPolicyTypeName(p.type));
        pv["value"] = p.value;
        pv["periodSeconds"] = p.periodSeconds;
        policies.push_back(std::move(pv));
    }
    r["policies"] = std::move(policies);
    return r;
}

} // namespace

std::string quantityText(std::int64_t milli) {
    // resource.Quantity with DecimalSI: the largest SI suffix that keeps an integer mantissa.
    if (milli % 1000 != 0) {
        return std::to_string(milli) + "m";
    }
    std::int64_t n = milli / 1000;
    static constexpr const char* kSuffixes[] = {"", "k", "M", "G", "T", "P", "E"};
    std::size_t i = 0;
    while (n != 0 && n % 1000 == 0 && i + 1 < std::size(kSuffixes)) {
        n /= 1000;
        ++i;
    }
    return std::to_string(n) + kSuffixes[i];
}

std::string hpaTargetsText(const HorizontalPodAutoscalerObject& hpa, bool wide) {
    std::vector<std::string> list;
    const std::vector<HpaMetricSource> metrics = specMetrics(hpa);
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const HpaMetricSpec& m = metrics[i].metric;
        const HpaMetricStatus* st = statusAt(hpa, i);
        const bool memory = isMemory(m);
        switch (m.type) {
        case HpaMetricSourceType::Resource:
        case HpaMetricSourceType::ContainerResource:
            if (m.targetType == HpaMetricTargetType::AverageValue) {
                list.push_back(m.name + ": " +
                               optionalText(st ? st->averageValueMilli : std::nullopt, memory) +
                               "/" + targetText(m.averageValueMilli, memory));
            } else {
                const std::string current = st && st->averageUtilization
                                                ? std::to_string(*st->averageUtilization) + "%"
                                                : std::string("<unknown>");
                list.push_back(m.name + ": " + current + "/" + utilizationTarget(m));
            }
            break;
        case HpaMetricSourceType::Pods:
            list.push_back(optionalText(st ? st->averageValueMilli : std::nullopt, false) + "/" +
                           targetText(m.averageValueMilli, false));
            break;
        case HpaMetricSourceType::Object:
        case HpaMetricSourceType::External:
            if (m.targetType == HpaMetricTargetType::AverageValue) {
                list.push_back(optionalText(st ? st->averageValueMilli : std::nullopt, false) +
                               "/" + targetText(m.averageValueMilli, false) + " (avg)");
            } else {
                list.push_back(optionalText(st ? st->valueMilli : std::nullopt, false) + "/" +
                               targetText(m.valueMilli, false));
            }
            break;
        }
    }
    if (list.empty()) {
        return "<none>";
    }
    std::string out;
    const std::size_t shown = !wide && list.size() > 4 ? 4 : list.size();
    for (std::size_t i = 0; i < shown; ++i) {
        out += (i > 0 ? ", " : "") + list[i];
    }
    if (shown < list.size()) {
        out += " + " + std::to_string(list.size() - shown) + " more...";
    }
    return out;
}

Table hpaTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    Table table;
    if (options.withNamespace) {
        table.headers.push_back("NAMESPACE");
    }
    table.headers.insert(table.headers.end(),
                         {"NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"});
    if (options.showLabels) {
        table.headers.push_back("LABELS");
    }
    for (const auto& [key, hpa] : sim.api().horizontalPodAutoscalers()) {
        if (!filter.matches(hpa.meta, true)) {
            continue;
        }
        std::vector<std::string> row;
        if (options.withNamespace) {
            row.push_back(hpa.meta.nameSpace);
        }
        row.insert(row.end(),
                   {hpa.meta.name,
                    hpa.spec.scaleTargetRef.kind + "/" + hpa.spec.scaleTargetRef.name,
                    hpaTargetsText(hpa, options.wide),
                    std::to_string(hpa.spec.minReplicas.value_or(k8s::kHpaDefaultMinReplicas)),
                    std::to_string(hpa.spec.maxReplicas), std::to_string(hpa.currentReplicas),
                    formatAge(sim.now(), hpa.meta.creationTimestamp)});
        if (options.showLabels) {
            row.push_back(formatLabels(hpa.meta.labels));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

ObjectValue encodeHorizontalPodAutoscaler(const HorizontalPodAutoscalerObject& hpa) {
    ObjectValue v = encoding::header("autoscaling/v2", "HorizontalPodAutoscaler");
    v["metadata"] = encoding::metadata(hpa.meta, true, false);
    ObjectValue spec;
    spec["scaleTargetRef"]["apiVersion"] = hpa.spec.scaleTargetRef.apiVersion;
    spec["scaleTargetRef"]["kind"] = hpa.spec.scaleTargetRef.kind;
    spec["scaleTargetRef"]["name"] = hpa.spec.scaleTargetRef.name;
    spec["minReplicas"] = hpa.spec.minReplicas.value_or(k8s::kHpaDefaultMinReplicas);
    spec["maxReplicas"] = hpa.spec.maxReplicas;
    List metrics;
    for (const HpaMetricSource& s : specMetrics(hpa)) {
        metrics.push_back(encodeMetric(s, nullptr));
    }
    spec["metrics"] = std::move(metrics);
    if (hpa.spec.behavior) {
        // pkg/apis/autoscaling/v2/defaults.go fills both directions once behavior is set.
        spec["behavior"]["scaleUp"] =
            encodeRules(generateHpaScaleUpRules(hpa.spec.behavior->scaleUp));
        spec["behavior"]["scaleDown"] =
            encodeRules(generateHpaScaleDownRules(hpa.spec.behavior->scaleDown));
    }
    v["spec"] = std::move(spec);
    ObjectValue status;
    List conditions;
    for (const HpaCondition& c : hpa.conditions) {
        ObjectValue cv;
        cv["type"] = std::string(hpaConditionTypeName(c.type));
        cv["status"] = c.status ? "True" : "False";
        cv["lastTransitionTime"] = formatTimestamp(c.lastTransitionTime);
        cv["reason"] = c.reason;
        cv["message"] = c.message;
        conditions.push_back(std::move(cv));
    }
    if (!conditions.empty()) {
        status["conditions"] = std::move(conditions);
    }
    List current;
    const std::vector<HpaMetricSource> sources = specMetrics(hpa);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (const HpaMetricStatus* st = statusAt(hpa, i)) {
            current.push_back(encodeMetric(sources[i], st));
        }
    }
    if (!current.empty()) {
        status["currentMetrics"] = std::move(current);
    }
    status["currentReplicas"] = hpa.currentReplicas;
    status["desiredReplicas"] = hpa.desiredReplicas;
    if (hpa.lastScaleTime) {
        status["lastScaleTime"] = formatTimestamp(*hpa.lastScaleTime);
    }
    if (hpa.observedGeneration > 0) {
        status["observedGeneration"] = hpa.observedGeneration;
    }
    v["status"] = std::move(status);
    return v;
}

std::vector<ObjectValue> hpaObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, hpa] : sim.api().horizontalPodAutoscalers()) {
        if (filter.matches(hpa.meta, true)) {
            out.push_back(encodeHorizontalPodAutoscaler(hpa));
        }
    }
    return out;
}

std::vector<std::string> hpaNames(const Simulation& sim, const std::string& nameSpace) {
    std::vector<std::string> names;
    for (const auto& [key, hpa] : sim.api().horizontalPodAutoscalers()) {
        if (nameSpace.empty() || hpa.meta.nameSpace == nameSpace) {
            names.push_back(hpa.meta.name);
        }
    }
    return names;
}

namespace {

std::string metricLine(const HpaMetricSource& s, const HpaMetricStatus* st) {
    const HpaMetricSpec& m = s.metric;
    const bool memory = isMemory(m);
    const bool average = m.targetType == HpaMetricTargetType::AverageValue;
    const std::string kind = average ? "(target average value)" : "(target value)";
    switch (m.type) {
    case HpaMetricSourceType::Resource:
    case HpaMetricSourceType::ContainerResource: {
        const std::string what =
            m.type == HpaMetricSourceType::Resource
                ? "resource " + m.name + " on pods"
                : "resource " + m.name + " of container \"" + m.container + "\" on pods";
        if (average) {
            return what + ":\t" + optionalText(st ? st->averageValueMilli : std::nullopt, memory) +
                   " / " + targetText(m.averageValueMilli, memory);
        }
        std::string current = "<unknown>";
        if (st && st->averageUtilization) {
            current = std::to_string(*st->averageUtilization) + "% (" +
                      optionalText(st->averageValueMilli, memory) + ")";
        }
        return what + "  (as a percentage of request):\t" + current + " / " + utilizationTarget(m);
    }
    case HpaMetricSourceType::Pods:
        return "\"" + m.name + "\" on pods:\t" +
               optionalText(st ? st->averageValueMilli : std::nullopt, false) + " / " +
               targetText(m.averageValueMilli, false);
    case HpaMetricSourceType::Object:
        return "\"" + m.name + "\" on " + m.describedObjectKind + "/" + s.describedObjectName +
               " " + kind + ":\t" +
               optionalText(st ? (average ? st->averageValueMilli : st->valueMilli) : std::nullopt,
                            false) +
               " / " + targetText(average ? m.averageValueMilli : m.valueMilli, false);
    case HpaMetricSourceType::External:
        return "\"" + m.name + "\" " + kind + ":\t" +
               optionalText(st ? (average ? st->averageValueMilli : st->valueMilli) : std::nullopt,
                            false) +
               " / " + targetText(average ? m.averageValueMilli : m.valueMilli, false);
    }
    return {};
}

void writeLabels(std::string& out, const std::string& title, const LabelMap& labels,
                 const std::string& sep) {
    out += title + ":\t";
    if (labels.empty()) {
        out += "<none>\n";
        return;
    }
    bool first = true;
    for (const auto& [k, v] : labels) {
        out += (first ? "" : "\t") + k + sep + v + "\n";
        first = false;
    }
}

void writeDirection(std::string& out, const std::string& direction, const HpaScalingRules& rules) {
    out += "  " + direction + ":\n";
    if (rules.stabilizationWindowSeconds) {
        out += "    Stabilization Window: " + std::to_string(*rules.stabilizationWindowSeconds) +
               " seconds\n";
    }
    const std::vector<HpaScalingPolicy> policies =
        rules.policies.value_or(std::vector<HpaScalingPolicy>{});
    if (policies.empty()) {
        return;
    }
    out += "    Select Policy: " +
           std::string(hpaSelectPolicyName(rules.selectPolicy.value_or(HpaSelectPolicy::Max))) +
           "\n";
    out += "    Policies:\n";
    for (const HpaScalingPolicy& p : policies) {
        out += "      - Type: " + std::string(hpaScalingPolicyTypeName(p.type)) +
               "\tValue: " + std::to_string(p.value) +
               "\tPeriod: " + std::to_string(p.periodSeconds) + " seconds\n";
    }
}

} // namespace

std::string describeHorizontalPodAutoscaler(const Simulation& sim,
                                            const HorizontalPodAutoscalerObject& hpa) {
    std::string out;
    out += "Name:\t" + hpa.meta.name + "\n";
    out += "Namespace:\t" + hpa.meta.nameSpace + "\n";
    writeLabels(out, "Labels", hpa.meta.labels, "=");
    writeLabels(out, "Annotations", hpa.meta.annotations, ": ");
    out += "CreationTimestamp:\t" + formatDescribeTime(hpa.meta.creationTimestamp) + "\n";
    out +=
        "Reference:\t" + hpa.spec.scaleTargetRef.kind + "/" + hpa.spec.scaleTargetRef.name + "\n";
    out += "Metrics:\t( current / target )\n";
    const std::vector<HpaMetricSource> metrics = specMetrics(hpa);
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        out += "  " + metricLine(metrics[i], statusAt(hpa, i)) + "\n";
    }
    out += "Min replicas:\t" +
           std::to_string(hpa.spec.minReplicas.value_or(k8s::kHpaDefaultMinReplicas)) + "\n";
    out += "Max replicas:\t" + std::to_string(hpa.spec.maxReplicas) + "\n";
    if (hpa.spec.behavior) {
        out += "Behavior:\n";
        writeDirection(out, "Scale Up", generateHpaScaleUpRules(hpa.spec.behavior->scaleUp));
        writeDirection(out, "Scale Down", generateHpaScaleDownRules(hpa.spec.behavior->scaleDown));
    }
    // describe.go: "%s pods:\t%3d current / %-3d desired".
    char pods[96];
    std::snprintf(pods, sizeof pods, "%s pods:\t%3d current / %-3d desired\n",
                  hpa.spec.scaleTargetRef.kind.c_str(), hpa.currentReplicas, hpa.desiredReplicas);
    out += pods;
    if (!hpa.conditions.empty()) {
        out += "Conditions:\n";
        out += "  Type\tStatus\tReason\tMessage\n";
        out += "  ----\t------\t------\t-------\n";
        for (const HpaCondition& c : hpa.conditions) {
            out += "  " + std::string(hpaConditionTypeName(c.type)) + "\t" +
                   (c.status ? "True" : "False") + "\t" + c.reason + "\t" + c.message + "\n";
        }
    }
    out += describeEventsText(sim, "HorizontalPodAutoscaler", hpa.meta.name);
    return tabwrite(out, 0, 2);
}

} // namespace cnsim
