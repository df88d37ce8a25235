#include "scenario/manifestwriter.h"

#include "control/autoscaling/hpanormalization.h"
#include "scenario/kedawriter.h"
#include "scenario/podspecwriter.h"
#include "scenario/quantity.h"
#include "scenario/rolloutwriter.h"
#include "scenario/scenarioenums.h"
#include "scenario/vpawriter.h"

namespace cnsim {

namespace {

void writeStrategy(YamlWriter& w, const DeploymentStrategy& strategy) {
    w.key("strategy");
    w.beginMap();
    w.field("type", enumName(strategy.type));
    if (strategy.maxSurge || strategy.maxUnavailable ||
        w.hasPreservedUnder("spec.strategy.rollingUpdate")) {
        w.key("rollingUpdate");
        w.beginMap();
        if (strategy.maxSurge) {
            w.intOrPercent("maxSurge", *strategy.maxSurge);
        }
        if (strategy.maxUnavailable) {
            w.intOrPercent("maxUnavailable", *strategy.maxUnavailable);
        }
        w.preserved("spec.strategy.rollingUpdate");
        w.endMap();
    }
    w.preserved("spec.strategy");
    w.endMap();
}

void writeDeployment(YamlWriter& w, const DeploymentSpec& deployment) {
    w.setPreserved(&deployment.preserved);
    w.beginMap();
    w.field("apiVersion", "apps/v1");
    w.field("kind", "Deployment");
    writeMetadata(w, deployment.name, deployment.nameSpace, deployment.labels);
    w.key("spec");
    w.beginMap();
    w.integer("replicas", deployment.replicas);
    writeMatchLabelsSelector(w, deployment.selector);
    if (deployment.strategy) {
        writeStrategy(w, *deployment.strategy);
    }
    if (deployment.minReadySeconds) {
        w.integer("minReadySeconds", *deployment.minReadySeconds);
    }
    if (deployment.progressDeadlineSeconds) {
        w.integer("progressDeadlineSeconds", *deployment.progressDeadlineSeconds);
    }
    if (deployment.revisionHistoryLimit) {
        w.integer("revisionHistoryLimit", *deployment.revisionHistoryLimit);
    }
    w.key("template");
    w.beginMap();
    w.key("metadata");
    w.beginMap();
    w.labels("labels", deployment.podLabels);
    w.preserved("spec.template.metadata");
    w.endMap();
    w.key("spec");
    writePodSpec(w, deployment.podSpec, "spec.template.spec");
    w.preserved("spec.template");
    w.endMap(); // template
    w.preserved("spec");
    w.endMap(); // spec
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

void writeService(YamlWriter& w, const ServiceSpec& service) {
    w.setPreserved(&service.preserved);
    w.beginMap();
    w.field("apiVersion", "v1");
    w.field("kind", "Service");
    writeMetadata(w, service.name, service.nameSpace, service.labels);
    w.key("spec");
    w.beginMap();
    if (!service.selector.empty()) {
        w.labels("selector", service.selector);
    }
    w.key("ports");
    w.beginSeq();
    for (std::size_t i = 0; i < service.ports.size(); ++i) {
        const ServicePortSpec& port = service.ports[i];
        w.beginMap();
        if (!port.name.empty()) {
            w.field("name", port.name);
        }
        w.integer("port", port.port);
        if (!port.targetPortName.empty()) {
            w.field("targetPort", port.targetPortName);
        } else {
            w.integer("targetPort", port.targetPort);
        }
        if (port.protocol != "TCP") {
            w.field("protocol", port.protocol);
        }
        w.preserved("spec.ports[" + std::to_string(i) + "]");
        w.endMap();
    }
    w.endSeq();
    w.preserved("spec");
    w.endMap();
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

void writePodDisruptionBudget(YamlWriter& w, const PodDisruptionBudgetSpec& budget) {
    w.setPreserved(&budget.preserved);
    w.beginMap();
    w.field("apiVersion", "policy/v1");
    w.field("kind", "PodDisruptionBudget");
    writeMetadata(w, budget.name, budget.nameSpace, budget.labels);
    w.key("spec");
    w.beginMap();
    // The budget first, then what it covers, as in the Kubernetes documentation's examples.
    if (budget.minAvailable) {
        w.intOrPercent("minAvailable", *budget.minAvailable);
    }
    if (budget.maxUnavailable) {
        w.intOrPercent("maxUnavailable", *budget.maxUnavailable);
    }
    writeLabelSelector(w, "selector", budget.selector, "spec.selector");
    w.preserved("spec");
    w.endMap();
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

// A target quantity from its milli-value: memory with a binary suffix, others as a CPU-style
// quantity ("500m", "2"), the forms the reader accepts.
std::string targetQuantity(std::int64_t milli, bool memory) {
    if (memory && milli % 1000 == 0) {
        return formatMemory(Bytes{milli / 1000});
    }
    return formatCpu(CpuMillis{milli});
}

void writeMetricIdentifier(YamlWriter& w, const HpaMetricSource& m, const std::string& path) {
    w.key("metric");
    w.beginMap();
    w.field("name", m.metric.name);
    if (!m.selector.empty() || w.hasPreservedUnder(path + ".metric.selector")) {
        w.key("selector");
        w.beginMap();
        if (!m.selector.empty()) {
            w.labels("matchLabels", m.selector);
        }
        w.preserved(path + ".metric.selector");
        w.endMap();
    }
    w.preserved(path + ".metric");
    w.endMap();
}

void writeMetricTarget(YamlWriter& w, const HpaMetricSpec& m, const std::string& path) {
    w.key("target");
    w.beginMap();
    const bool memory = m.name == "memory" && (m.type == HpaMetricSourceType::Resource ||
                                               m.type == HpaMetricSourceType::ContainerResource);
    switch (m.targetType) {
    case HpaMetricTargetType::Utilization:
        w.field("type", "Utilization");
        w.integer("averageUtilization", m.averageUtilization);
        break;
    case HpaMetricTargetType::Value:
        w.field("type", "Value");
        w.field("value", targetQuantity(m.valueMilli, memory));
        break;
    case HpaMetricTargetType::AverageValue:
        w.field("type", "AverageValue");
        w.field("averageValue", targetQuantity(m.averageValueMilli, memory));
        break;
    }
    w.preserved(path + ".target");
    w.endMap();
}

void writeHpaMetric(YamlWriter& w, const HpaMetricSource& source, const std::string& path) {
    static constexpr const char* kTypes[] = {"Resource", "ContainerResource", "Pods", "Object",
                                             "External"};
    static constexpr const char* kKeys[] = {"resource", "containerResource", "pods", "object",
                                            "external"};
    const HpaMetricSpec& m = source.metric;
    const auto index = static_cast<std::size_t>(m.type);
    const std::string sourcePath = path + "." + kKeys[index];
    w.beginMap();
    w.field("type", kTypes[index]);
    w.key(kKeys[index]);
    w.beginMap();
    switch (m.type) {
    case HpaMetricSourceType::Resource:
    case HpaMetricSourceType::ContainerResource:
        w.field("name", m.name);
        if (m.type == HpaMetricSourceType::ContainerResource) {
            w.field("container", m.container);
        }
        break;
    case HpaMetricSourceType::Object:
        w.key("describedObject");
        w.beginMap();
        if (!source.describedObjectApiVersion.empty()) {
            w.field("apiVersion", source.describedObjectApiVersion);
        }
        w.field("kind", m.describedObjectKind);
        w.field("name", source.describedObjectName);
        w.preserved(sourcePath + ".describedObject");
        w.endMap();
        writeMetricIdentifier(w, source, sourcePath);
        break;
    case HpaMetricSourceType::Pods:
    case HpaMetricSourceType::External:
        writeMetricIdentifier(w, source, sourcePath);
        break;
    }
    writeMetricTarget(w, m, sourcePath);
    w.preserved(sourcePath);
    w.endMap();
    w.preserved(path);
    w.endMap();
}

void writeScalingRules(YamlWriter& w, std::string_view key, const HpaScalingRules& rules,
                       const std::string& path) {
    w.key(key);
    w.beginMap();
    if (rules.stabilizationWindowSeconds) {
        w.integer("stabilizationWindowSeconds", *rules.stabilizationWindowSeconds);
    }
    if (rules.selectPolicy) {
        w.field("selectPolicy", std::string(hpaSelectPolicyName(*rules.selectPolicy)));
    }
    if (rules.policies) {
        w.key("policies");
        w.beginSeq();
        for (std::size_t i = 0; i < rules.policies->size(); ++i) {
            const HpaScalingPolicy& p = (*rules.policies)[i];
            w.beginMap();
            w.field("type", std::string(hpaScalingPolicyTypeName(p.type)));
            w.integer("value", p.value);
            w.integer("periodSeconds", p.periodSeconds);
            w.preserved(path + ".policies[" + std::to_string(i) + "]");
            w.endMap();
        }
        w.endSeq();
    }
    if (rules.tolerance) {
        w.number("tolerance", *rules.tolerance);
    }
    w.preserved(path);
    w.endMap();
}

void writeHorizontalPodAutoscaler(YamlWriter& w, const HorizontalPodAutoscalerSpec& hpa) {
    beginManifest(w, hpa.preserved, "autoscaling/v2", "HorizontalPodAutoscaler", hpa.name,
                  hpa.nameSpace, hpa.labels);
    w.key("scaleTargetRef");
    w.beginMap();
    w.field("apiVersion", hpa.scaleTargetRef.apiVersion);
    w.field("kind", hpa.scaleTargetRef.kind);
    w.field("name", hpa.scaleTargetRef.name);
    w.preserved("spec.scaleTargetRef");
    w.endMap();
    if (hpa.minReplicas) {
        w.integer("minReplicas", *hpa.minReplicas);
    }
    w.integer("maxReplicas", hpa.maxReplicas);
    if (!hpa.metrics.empty()) {
        w.key("metrics");
        w.beginSeq();
        for (std::size_t i = 0; i < hpa.metrics.size(); ++i) {
            writeHpaMetric(w, hpa.metrics[i], "spec.metrics[" + std::to_string(i) + "]");
        }
        w.endSeq();
    }
    if (hpa.behavior) {
        w.key("behavior");
        w.beginMap();
        if (hpa.behavior->scaleUp) {
            writeScalingRules(w, "scaleUp", *hpa.behavior->scaleUp, "spec.behavior.scaleUp");
        }
        if (hpa.behavior->scaleDown) {
            writeScalingRules(w, "scaleDown", *hpa.behavior->scaleDown, "spec.behavior.scaleDown");
        }
        w.preserved("spec.behavior");
        w.endMap();
    }
    endManifest(w);
}

} // namespace

void writeMetadata(YamlWriter& w, const std::string& name, const std::string& nameSpace,
                   const LabelMap& labels) {
    w.key("metadata");
    w.beginMap();
    w.field("name", name);
    if (nameSpace != "default") {
        w.field("namespace", nameSpace);
    }
    if (!labels.empty()) {
        w.labels("labels", labels);
    }
    w.preserved("metadata");
    w.endMap();
}

void beginManifest(YamlWriter& w, const std::vector<PreservedField>& preserved,
                   std::string_view apiVersion, std::string_view kind, const std::string& name,
                   const std::string& nameSpace, const LabelMap& labels) {
    w.setPreserved(&preserved);
    w.beginMap();
    w.field("apiVersion", std::string(apiVersion));
    w.field("kind", std::string(kind));
    writeMetadata(w, name, nameSpace, labels);
    w.key("spec");
    w.beginMap();
}

void endManifest(YamlWriter& w) {
    w.preserved("spec");
    w.endMap();
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

void writeMatchLabelsSelector(YamlWriter& w, const LabelMap& selector) {
    w.key("selector");
    w.beginMap();
    w.labels("matchLabels", selector);
    w.preserved("spec.selector");
    w.endMap();
}

void writeManifest(YamlWriter& writer, const Manifest& manifest) {
    if (const auto* deployment = std::get_if<DeploymentSpec>(&manifest)) {
        writeDeployment(writer, *deployment);
    } else if (const auto* service = std::get_if<ServiceSpec>(&manifest)) {
        writeService(writer, *service);
    } else if (const auto* hpa = std::get_if<HorizontalPodAutoscalerSpec>(&manifest)) {
        writeHorizontalPodAutoscaler(writer, *hpa);
    } else if (const auto* rollout = std::get_if<RolloutSpec>(&manifest)) {
        writeRollout(writer, *rollout);
    } else if (const auto* analysis = std::get_if<AnalysisTemplateSpec>(&manifest)) {
        writeAnalysisTemplate(writer, *analysis);
    } else if (const auto* scaled = std::get_if<ScaledObjectSpec>(&manifest)) {
        writeScaledObject(writer, *scaled);
    } else if (const auto* vpa = std::get_if<VerticalPodAutoscalerSpec>(&manifest)) {
        writeVerticalPodAutoscaler(writer, *vpa);
    } else {
        writePodDisruptionBudget(writer, std::get<PodDisruptionBudgetSpec>(manifest));
    }
}

} // namespace cnsim
