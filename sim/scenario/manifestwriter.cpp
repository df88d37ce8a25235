#include "scenario/manifestwriter.h"

#include "scenario/podspecwriter.h"
#include "scenario/scenarioenums.h"

namespace cnsim {

namespace {

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
    w.key("selector");
    w.beginMap();
    w.labels("matchLabels", deployment.selector);
    w.preserved("spec.selector");
    w.endMap();
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

} // namespace

void writeManifest(YamlWriter& writer, const Manifest& manifest) {
    if (const auto* deployment = std::get_if<DeploymentSpec>(&manifest)) {
        writeDeployment(writer, *deployment);
    } else if (const auto* service = std::get_if<ServiceSpec>(&manifest)) {
        writeService(writer, *service);
    } else {
        writePodDisruptionBudget(writer, std::get<PodDisruptionBudgetSpec>(manifest));
    }
}

} // namespace cnsim
