#include "scenario/manifestreader.h"

#include "scenario/editdistance.h"
#include "scenario/hpareader.h"
#include "scenario/kedareader.h"
#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/podspecreader.h"
#include "scenario/rolloutreader.h"
#include "scenario/scenarioenums.h"
#include "scenario/selectorreader.h"
#include "scenario/vpareader.h"

#include <algorithm>
#include <limits>
#include <set>

namespace cnsim {

void readManifestMetadata(DiagnosticSink& sink, const YamlEntry& entry, std::string_view context,
                          std::string (*nameRule)(std::string_view),
                          std::vector<PreservedField>& kept, ManifestMetadata& meta,
                          YAML::Mark& nameMark) {
    const FieldTable table = objectMetaFields(context);
    MapCursor map(sink, entry.value, entry.keyMark(), table, "metadata", &kept);
    nameMark = entry.keyMark();
    if (const YamlEntry* name = map.require("name")) {
        nameMark = name->value.Mark();
        meta.name = readName(sink, *name, nameRule).value_or("");
    }
    if (const YamlEntry* ns = map.find("namespace")) {
        meta.nameSpace = readName(sink, *ns, checkDns1123Label).value_or("default");
    }
    if (const YamlEntry* labels = map.find("labels")) {
        meta.labels = readLabels(sink, *labels).value_or(LabelMap{});
    }
}

void readSelectorAndTemplate(DiagnosticSink& sink, MapCursor& spec, std::string_view kind,
                             LabelMap& selectorOut, LabelMap& podLabels, PodSpec& podSpec,
                             std::vector<PreservedField>& kept, ManifestMarks& marks) {
    YAML::Mark selectorMark = spec.owner();
    bool selectorRead = false;
    if (const YamlEntry* selector = spec.require("selector")) {
        selectorMark = selector->keyMark();
        const FieldTable selectorTable = labelSelectorFields();
        MapCursor selectorMap(sink, selector->value, selector->keyMark(), selectorTable,
                              "spec.selector", &kept);
        if (const YamlEntry* matchLabels = selectorMap.find("matchLabels")) {
            selectorMark = matchLabels->keyMark();
            if (std::optional<LabelMap> labels = readLabels(sink, *matchLabels)) {
                selectorOut = std::move(*labels);
                selectorRead = true;
            }
        }
        if (selectorMap.isMap() && selectorRead && selectorOut.empty()) {
            sink.error(selectorMark, "empty-selector", {},
                       "the " + std::string(kind) +
                           " selector must have at least one label in matchLabels");
            selectorRead = false;
        } else if (selectorMap.isMap() && selectorMap.find("matchLabels") == nullptr) {
            sink.error(selector->keyMark(), "missing-key",
                       {"matchLabels", std::string(kind) + " selector"},
                       "missing required field 'matchLabels' in " + std::string(kind) +
                           " selector (cnsim "
                           "selects pods by matchLabels only)");
        }
    }
    bool templateLabelsRead = false;
    if (const YamlEntry* podTemplate = spec.require("template")) {
        const FieldTable templateTable = podTemplateSpecFields();
        MapCursor templateMap(sink, podTemplate->value, podTemplate->keyMark(), templateTable,
                              "spec.template", &kept);
        if (const YamlEntry* metadata = templateMap.require("metadata")) {
            const FieldTable metaTable = templateMetaFields();
            MapCursor metaMap(sink, metadata->value, metadata->keyMark(), metaTable,
                              "spec.template.metadata", &kept);
            if (const YamlEntry* labels = metaMap.require("labels")) {
                if (std::optional<LabelMap> read = readLabels(sink, *labels)) {
                    podLabels = std::move(*read);
                    templateLabelsRead = true;
                }
            }
        }
        if (const YamlEntry* specEntry = templateMap.require("spec")) {
            readPodSpec(sink, *specEntry, "spec.template.spec", kept, podSpec, marks);
        }
    }
    if (selectorRead && templateLabelsRead) {
        // apps/v1 validation: "`selector` does not match template `labels`".
        for (const auto& [key, value] : selectorOut) {
            const auto it = podLabels.find(key);
            if (it == podLabels.end() || it->second != value) {
                sink.error(selectorMark, "selector-mismatch", {key, value},
                           "selector does not match template labels: "
                           "spec.template.metadata.labels must include " +
                               key + ": " + value);
                break;
            }
        }
    }
}

namespace {

constexpr std::int64_t kMaxReplicas = 10'000;
constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
const std::vector<std::string_view> kProtocols{"TCP", "UDP", "SCTP"};

bool isZero(const std::optional<IntOrPercent>& value) {
    return value && value->value == 0;
}

DeploymentStrategy readStrategy(DiagnosticSink& sink, const YamlEntry& entry,
                                std::vector<PreservedField>& kept) {
    const FieldTable table = deploymentStrategyFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, "spec.strategy", &kept);
    DeploymentStrategy strategy;
    if (const YamlEntry* type = map.find("type")) {
        strategy.type = readEnumValue<DeploymentStrategyType>(sink, *type).value_or(strategy.type);
    }
    const YamlEntry* rollingUpdate = map.find("rollingUpdate");
    if (rollingUpdate == nullptr) {
        return strategy;
    }
    if (strategy.type == DeploymentStrategyType::Recreate) {
        // apps/v1 validation: "may not be specified when strategy `type` is 'Recreate'".
        sink.error(rollingUpdate->keyMark(), "not-applicable", {"rollingUpdate", "Recreate"},
                   "'rollingUpdate' does not apply when the strategy type is Recreate");
        return strategy;
    }
    const FieldTable rollingTable = rollingUpdateFields();
    MapCursor rolling(sink, rollingUpdate->value, rollingUpdate->keyMark(), rollingTable,
                      "spec.strategy.rollingUpdate", &kept);
    if (const YamlEntry* surge = rolling.find("maxSurge")) {
        // A surge above 100% is allowed: it only means more new pods at once.
        strategy.maxSurge = readIntOrPercent(sink, *surge, std::numeric_limits<int>::max());
    }
    if (const YamlEntry* unavailable = rolling.find("maxUnavailable")) {
        strategy.maxUnavailable = readIntOrPercent(sink, *unavailable, 100);
        // apps/v1 validation: "may not be 0 when `maxSurge` is 0" — the rollout could not move.
        if (isZero(strategy.maxUnavailable) && isZero(strategy.maxSurge)) {
            sink.error(unavailable->value.Mark(), "bad-value", {"maxUnavailable", "0"},
                       "maxUnavailable may not be 0 when maxSurge is 0: the rollout could never "
                       "replace a pod");
        }
    }
    return strategy;
}

void readDeploymentSpec(DiagnosticSink& sink, const YamlEntry& entry, DeploymentSpec& deployment,
                        ManifestMarks& marks) {
    const FieldTable table = deploymentSpecFields();
    MapCursor spec(sink, entry.value, entry.keyMark(), table, "spec", &deployment.preserved);
    if (const YamlEntry* replicas = spec.find("replicas")) {
        deployment.replicas =
            static_cast<int>(readInteger(sink, *replicas, 0, kMaxReplicas).value_or(1));
    }
    if (const YamlEntry* strategy = spec.find("strategy")) {
        deployment.strategy = readStrategy(sink, *strategy, deployment.preserved);
    }
    if (const YamlEntry* minReady = spec.find("minReadySeconds")) {
        deployment.minReadySeconds =
            static_cast<int>(readInteger(sink, *minReady, 0, kMaxInt32).value_or(0));
    }
    if (const YamlEntry* history = spec.find("revisionHistoryLimit")) {
        deployment.revisionHistoryLimit =
            static_cast<int>(readInteger(sink, *history, 0, kMaxInt32).value_or(0));
    }
    if (const YamlEntry* deadline = spec.find("progressDeadlineSeconds")) {
        const std::optional<std::int64_t> seconds = readInteger(sink, *deadline, 1, kMaxInt32);
        deployment.progressDeadlineSeconds = static_cast<int>(seconds.value_or(1));
        // apps/v1 validation: "must be greater than minReadySeconds".
        if (seconds && deployment.minReadySeconds && *seconds <= *deployment.minReadySeconds) {
            sink.error(deadline->value.Mark(), "bad-value",
                       {"progressDeadlineSeconds", std::to_string(*seconds)},
                       "progressDeadlineSeconds " + std::to_string(*seconds) +
                           " must be greater than minReadySeconds " +
                           std::to_string(*deployment.minReadySeconds));
        }
    }
    readSelectorAndTemplate(sink, spec, "Deployment", deployment.selector, deployment.podLabels,
                            deployment.podSpec, deployment.preserved, marks);
}

DeploymentSpec readDeployment(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks) {
    DeploymentSpec deployment;
    const FieldTable table = deploymentFields();
    MapCursor top(sink, node, node.Mark(), table, "", &deployment.preserved);
    marks.name = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "Deployment metadata", checkDns1123Subdomain,
                             deployment.preserved, meta, marks.name);
        deployment.name = meta.name;
        deployment.nameSpace = meta.nameSpace;
        deployment.labels = meta.labels;
    }
    if (const YamlEntry* spec = top.require("spec")) {
        readDeploymentSpec(sink, *spec, deployment, marks);
    }
    return deployment;
}

ServicePortSpec readServicePort(DiagnosticSink& sink, const YAML::Node& node,
                                const std::string& path, std::vector<PreservedField>& kept) {
    ServicePortSpec port;
    const FieldTable table = servicePortFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    if (const YamlEntry* number = map.require("port")) {
        port.port = static_cast<int>(readInteger(sink, *number, 1, 65535).value_or(0));
    }
    port.targetPort = port.port;
    if (const YamlEntry* target = map.find("targetPort")) {
        // IntOrString: a number is a port, text is the name of a container port.
        const bool isNumber =
            target->value.IsScalar() && target->value.Tag() == "?" &&
            !target->value.Scalar().empty() &&
            std::all_of(target->value.Scalar().begin(), target->value.Scalar().end(),
                        [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
        if (isNumber) {
            port.targetPort = static_cast<int>(readInteger(sink, *target, 1, 65535).value_or(0));
        } else {
            port.targetPort = 0;
            port.targetPortName = readName(sink, *target, checkPortName).value_or("");
        }
    }
    if (const YamlEntry* name = map.find("name")) {
        port.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* protocol = map.find("protocol")) {
        port.protocol = std::string(kProtocols[readEnum(sink, *protocol, kProtocols).value_or(0)]);
    }
    return port;
}

ServiceSpec readService(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks) {
    ServiceSpec service;
    const FieldTable table = serviceFields();
    MapCursor top(sink, node, node.Mark(), table, "", &service.preserved);
    marks.name = node.Mark();
    marks.selector = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "Service metadata", checkDns1035Label,
                             service.preserved, meta, marks.name);
        service.name = meta.name;
        service.nameSpace = meta.nameSpace;
        service.labels = meta.labels;
    }
    const YamlEntry* specEntry = top.require("spec");
    if (specEntry == nullptr) {
        return service;
    }
    marks.selector = specEntry->keyMark();
    const FieldTable specTable = serviceSpecFields();
    MapCursor spec(sink, specEntry->value, specEntry->keyMark(), specTable, "spec",
                   &service.preserved);
    if (const YamlEntry* selector = spec.find("selector")) {
        marks.selector = selector->keyMark();
        service.selector = readLabels(sink, *selector).value_or(LabelMap{});
    }
    if (const YamlEntry* ports = spec.require("ports")) {
        const std::vector<YAML::Node> items = readList(sink, *ports);
        if (items.empty() && (ports->value.IsNull() || ports->value.IsSequence())) {
            sink.error(ports->keyMark(), "empty-list", {"ports"},
                       "'ports' must list at least one Service port");
        }
        std::set<std::string> names;
        for (std::size_t i = 0; i < items.size(); ++i) {
            ServicePortSpec port = readServicePort(
                sink, items[i], "spec.ports[" + std::to_string(i) + "]", service.preserved);
            // Kubernetes requires names once a Service has several ports, and unique names.
            if (items.size() > 1 && port.name.empty() && items[i].IsMap() && !items[i]["name"]) {
                sink.error(items[i].Mark(), "missing-key", {"name", "Service port"},
                           "missing required field 'name' in Service port (a Service with "
                           "several ports must name each one)");
            } else if (!port.name.empty() && !names.insert(port.name).second) {
                sink.error(items[i].Mark(), "duplicate-name", {"port", port.name},
                           "duplicate Service port name '" + port.name + "'");
            }
            service.ports.push_back(std::move(port));
        }
    }
    return service;
}

PodDisruptionBudgetSpec readPodDisruptionBudget(DiagnosticSink& sink, const YAML::Node& node,
                                                ManifestMarks& marks) {
    PodDisruptionBudgetSpec budget;
    const FieldTable table = podDisruptionBudgetFields();
    MapCursor top(sink, node, node.Mark(), table, "", &budget.preserved);
    marks.name = node.Mark();
    marks.selector = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "PodDisruptionBudget metadata", checkDns1123Subdomain,
                             budget.preserved, meta, marks.name);
        budget.name = meta.name;
        budget.nameSpace = meta.nameSpace;
        budget.labels = meta.labels;
    }
    const YamlEntry* specEntry = top.require("spec");
    if (specEntry == nullptr) {
        return budget;
    }
    marks.selector = specEntry->keyMark();
    const FieldTable specTable = podDisruptionBudgetSpecFields();
    MapCursor spec(sink, specEntry->value, specEntry->keyMark(), specTable, "spec",
                   &budget.preserved);
    if (const YamlEntry* selector = spec.require("selector")) {
        marks.selector = selector->keyMark();
        budget.selector = readLabelSelector(sink, *selector, "PodDisruptionBudget selector",
                                            "spec.selector", budget.preserved);
        // policy/v1 reads an empty selector as "every pod in the namespace", which is
        // almost never what a lesson means; cnsim asks for the pods to be named.
        if ((selector->value.IsNull() || selector->value.IsMap()) &&
            budget.selector.matchLabels.empty() && budget.selector.matchExpressions.empty()) {
            sink.error(selector->keyMark(), "empty-selector", {},
                       "the PodDisruptionBudget selector must have at least one label in "
                       "matchLabels or one matchExpressions entry");
        }
    }
    const YamlEntry* minAvailable = spec.find("minAvailable");
    const YamlEntry* maxUnavailable = spec.find("maxUnavailable");
    if (minAvailable != nullptr && maxUnavailable != nullptr) {
        sink.error(maxUnavailable->keyMark(), "conflicting-keys",
                   {"minAvailable", "maxUnavailable"},
                   "a PodDisruptionBudget sets either 'minAvailable' or 'maxUnavailable', not "
                   "both");
    } else if (minAvailable != nullptr) {
        budget.minAvailable = readIntOrPercent(sink, *minAvailable, 100);
    } else if (maxUnavailable != nullptr) {
        budget.maxUnavailable = readIntOrPercent(sink, *maxUnavailable, 100);
    } else if (spec.isMap()) {
        sink.error(specEntry->keyMark(), "missing-key",
                   {"minAvailable", "PodDisruptionBudget spec"},
                   "missing required field 'minAvailable' or 'maxUnavailable' in "
                   "PodDisruptionBudget spec");
    }
    return budget;
}

} // namespace

std::string manifestScalar(const YAML::Node& node, const char* key, YAML::Mark& mark) {
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            mark = it->second.Mark();
            return it->second.IsScalar() ? it->second.Scalar() : std::string();
        }
    }
    return {};
}

std::optional<Manifest> readManifest(DiagnosticSink& sink, const YAML::Node& node,
                                     ManifestMarks& marks) {
    marks.item = node.Mark();
    marks.name = node.Mark();
    marks.selector = node.Mark();
    if (!node.IsMap()) {
        sink.error(node.Mark(), "wrong-type", {"workload", describeNode(node)},
                   "each workload must be a Kubernetes manifest (a mapping with apiVersion, "
                   "kind, metadata and spec), got " +
                       describeNode(node));
        return std::nullopt;
    }
    YAML::Mark kindMark = node.Mark();
    YAML::Mark apiMark = node.Mark();
    const std::string kind = manifestScalar(node, "kind", kindMark);
    const std::string apiVersion = manifestScalar(node, "apiVersion", apiMark);
    const bool hasApiVersion = static_cast<bool>(node["apiVersion"]);
    if (!node["kind"]) {
        sink.error(node.Mark(), "missing-key", {"kind", "workload manifest"},
                   "missing required field 'kind' in workload manifest (Deployment, Service, "
                   "PodDisruptionBudget, HorizontalPodAutoscaler, Rollout, AnalysisTemplate, "
                   "ScaledObject or VerticalPodAutoscaler)");
        return std::nullopt;
    }
    const auto checkApiVersion = [&](std::string_view expected) {
        if (!hasApiVersion) {
            sink.error(node.Mark(), "missing-key", {"apiVersion", kind},
                       "missing required field 'apiVersion' in " + kind + " (expected " +
                           std::string(expected) + ")");
        } else if (apiVersion != expected) {
            sink.error(apiMark, "wrong-api-version", {kind, std::string(expected), apiVersion},
                       "a " + kind + " has apiVersion " + std::string(expected) + ", got '" +
                           apiVersion + "'");
        }
    };
    const auto byPath = [](const PreservedField& a, const PreservedField& b) {
        return a.path < b.path;
    };
    if (kind == "Deployment") {
        checkApiVersion("apps/v1");
        DeploymentSpec deployment = readDeployment(sink, node, marks);
        std::sort(deployment.preserved.begin(), deployment.preserved.end(), byPath);
        return deployment;
    }
    if (kind == "Service") {
        checkApiVersion("v1");
        ServiceSpec service = readService(sink, node, marks);
        std::sort(service.preserved.begin(), service.preserved.end(), byPath);
        return service;
    }
    if (kind == "PodDisruptionBudget") {
        checkApiVersion("policy/v1");
        PodDisruptionBudgetSpec budget = readPodDisruptionBudget(sink, node, marks);
        std::sort(budget.preserved.begin(), budget.preserved.end(), byPath);
        return budget;
    }
    if (kind == "HorizontalPodAutoscaler") {
        checkApiVersion("autoscaling/v2");
        HorizontalPodAutoscalerSpec hpa = readHorizontalPodAutoscaler(sink, node, marks);
        std::sort(hpa.preserved.begin(), hpa.preserved.end(), byPath);
        return hpa;
    }
    if (kind == "Rollout") {
        checkApiVersion("argoproj.io/v1alpha1");
        RolloutSpec rollout = readRollout(sink, node, marks);
        std::sort(rollout.preserved.begin(), rollout.preserved.end(), byPath);
        return rollout;
    }
    if (kind == "AnalysisTemplate") {
        checkApiVersion("argoproj.io/v1alpha1");
        AnalysisTemplateSpec analysis = readAnalysisTemplate(sink, node, marks);
        std::sort(analysis.preserved.begin(), analysis.preserved.end(), byPath);
        return analysis;
    }
    if (kind == "ScaledObject") {
        checkApiVersion("keda.sh/v1alpha1");
        ScaledObjectSpec scaled = readScaledObject(sink, node, marks);
        std::sort(scaled.preserved.begin(), scaled.preserved.end(), byPath);
        return scaled;
    }
    if (kind == "VerticalPodAutoscaler") {
        checkApiVersion("autoscaling.k8s.io/v1");
        VerticalPodAutoscalerSpec vpa = readVerticalPodAutoscaler(sink, node, marks);
        std::sort(vpa.preserved.begin(), vpa.preserved.end(), byPath);
        return vpa;
    }
    std::string message = "kind '" + kind +
                          "' is not supported in workloads; cnsim models Deployment (apps/v1), "
                          "Service (v1), PodDisruptionBudget (policy/v1), "
                          "HorizontalPodAutoscaler (autoscaling/v2), Rollout and "
                          "AnalysisTemplate (argoproj.io/v1alpha1), ScaledObject "
                          "(keda.sh/v1alpha1), VerticalPodAutoscaler (autoscaling.k8s.io/v1)";
    const std::string suggestion = nearestName(
        kind, {"Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Rollout",
               "AnalysisTemplate", "ScaledObject", "VerticalPodAutoscaler"});
    if (!suggestion.empty()) {
        message += " — did you mean '" + suggestion + "'?";
    }
    sink.error(kindMark, "unsupported-kind", {kind, suggestion}, message);
    return std::nullopt;
}

} // namespace cnsim
