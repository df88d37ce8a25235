#include "scenario/manifestreader.h"

#include "scenario/editdistance.h"
#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/quantity.h"

#include <algorithm>
#include <set>

namespace cnsim {

namespace {

constexpr std::int64_t kMaxReplicas = 10'000;
constexpr CpuMillis kMaxContainerCpu{1024 * 1000};
constexpr Bytes kMaxContainerMemory{Bytes::gibibytes(64 * 1024)};

// Container port names are IANA service names: at most 15 characters, a DNS label.
std::string checkPortName(std::string_view name) {
    std::string reason = checkDns1123Label(name);
    if (reason.empty() && name.size() > 15) {
        reason = "a port name must be at most 15 characters";
    }
    if (reason.empty() &&
        std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        reason = "a port name must contain at least one letter";
    }
    return reason;
}

const std::vector<std::string_view> kProtocols{"TCP", "UDP", "SCTP"};

struct ObjectMeta {
    std::string name;
    std::string nameSpace = "default";
    LabelMap labels;
};

void readObjectMeta(DiagnosticSink& sink, const YamlEntry& entry, std::string_view context,
                    std::string (*nameRule)(std::string_view), std::vector<PreservedField>& kept,
                    ObjectMeta& meta, YAML::Mark& nameMark) {
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

void readResourceList(DiagnosticSink& sink, const YamlEntry& entry, std::string_view context,
                      const std::string& path, std::vector<PreservedField>& kept,
                      ResourceList& list) {
    const FieldTable table = resourceListFields(context);
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* cpu = map.find("cpu")) {
        list.cpu = readCpu(sink, *cpu, CpuMillis{0}, kMaxContainerCpu);
    }
    if (const YamlEntry* memory = map.find("memory")) {
        list.memory = readMemory(sink, *memory, Bytes{0}, kMaxContainerMemory);
    }
}

void readResources(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                   std::vector<PreservedField>& kept, ContainerSpec& container) {
    const FieldTable table = resourceRequirementsFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    const YamlEntry* requests = map.find("requests");
    const YamlEntry* limits = map.find("limits");
    if (requests != nullptr) {
        readResourceList(sink, *requests, "resource requests", map.childPath("requests"), kept,
                         container.requests);
    }
    if (limits != nullptr) {
        readResourceList(sink, *limits, "resource limits", map.childPath("limits"), kept,
                         container.limits);
    }
    if (requests == nullptr || limits == nullptr || !requests->value.IsMap()) {
        return;
    }
    // Kubernetes rejects a request above its limit (ValidateResourceRequirements).
    const auto requestMark = [&](const char* key) {
        const YAML::Node value = requests->value[key];
        return value ? value.Mark() : requests->keyMark();
    };
    if (container.requests.cpu && container.limits.cpu &&
        *container.requests.cpu > *container.limits.cpu) {
        const std::string request = formatCpu(*container.requests.cpu);
        const std::string limit = formatCpu(*container.limits.cpu);
        sink.error(requestMark("cpu"), "request-above-limit", {"cpu", request, limit},
                   "cpu request " + request + " is above its limit " + limit +
                       "; requests must not exceed limits");
    }
    if (container.requests.memory && container.limits.memory &&
        *container.requests.memory > *container.limits.memory) {
        const std::string request = formatMemory(*container.requests.memory);
        const std::string limit = formatMemory(*container.limits.memory);
        sink.error(requestMark("memory"), "request-above-limit", {"memory", request, limit},
                   "memory request " + request + " is above its limit " + limit +
                       "; requests must not exceed limits");
    }
}

ContainerPortSpec readContainerPort(DiagnosticSink& sink, const YAML::Node& node,
                                    const std::string& path, std::vector<PreservedField>& kept) {
    ContainerPortSpec port;
    const FieldTable table = containerPortFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    if (const YamlEntry* number = map.require("containerPort")) {
        port.containerPort = static_cast<int>(readInteger(sink, *number, 1, 65535).value_or(0));
    }
    if (const YamlEntry* name = map.find("name")) {
        port.name = readName(sink, *name, checkPortName).value_or("");
    }
    if (const YamlEntry* protocol = map.find("protocol")) {
        port.protocol = std::string(kProtocols[readEnum(sink, *protocol, kProtocols).value_or(0)]);
    }
    return port;
}

ContainerSpec readContainer(DiagnosticSink& sink, const YAML::Node& node, const std::string& path,
                            std::vector<PreservedField>& kept) {
    ContainerSpec container;
    const FieldTable table = containerFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    if (const YamlEntry* name = map.require("name")) {
        container.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* image = map.require("image")) {
        container.image = readString(sink, *image).value_or("");
        if (image->value.IsScalar() && container.image.empty()) {
            sink.error(image->value.Mark(), "empty-value", {"image"},
                       "'image' must name a container image, e.g. nginx:1.27");
        }
    }
    if (const YamlEntry* ports = map.find("ports")) {
        const std::vector<YAML::Node> items = readList(sink, *ports);
        for (std::size_t i = 0; i < items.size(); ++i) {
            container.ports.push_back(readContainerPort(
                sink, items[i], map.childPath("ports") + "[" + std::to_string(i) + "]", kept));
        }
    }
    if (const YamlEntry* resources = map.find("resources")) {
        readResources(sink, *resources, map.childPath("resources"), kept, container);
    }
    return container;
}

void readPodSpec(DiagnosticSink& sink, const YamlEntry& entry, DeploymentSpec& deployment) {
    const FieldTable table = podSpecFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, "spec.template.spec",
                  &deployment.preserved);
    const YamlEntry* containers = map.require("containers");
    if (containers == nullptr) {
        return;
    }
    const std::vector<YAML::Node> items = readList(sink, *containers);
    if (items.empty() && (containers->value.IsNull() || containers->value.IsSequence())) {
        sink.error(containers->keyMark(), "empty-list", {"containers"},
                   "'containers' must list at least one container");
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ContainerSpec container = readContainer(
            sink, items[i], map.childPath("containers") + "[" + std::to_string(i) + "]",
            deployment.preserved);
        if (!container.name.empty() && !names.insert(container.name).second) {
            sink.error(items[i].Mark(), "duplicate-name", {"container", container.name},
                       "duplicate container name '" + container.name + "' in this pod");
        }
        deployment.podSpec.containers.push_back(std::move(container));
    }
}

void readDeploymentSpec(DiagnosticSink& sink, const YamlEntry& entry, DeploymentSpec& deployment) {
    const FieldTable table = deploymentSpecFields();
    MapCursor spec(sink, entry.value, entry.keyMark(), table, "spec", &deployment.preserved);
    if (const YamlEntry* replicas = spec.find("replicas")) {
        deployment.replicas =
            static_cast<int>(readInteger(sink, *replicas, 0, kMaxReplicas).value_or(1));
    }
    YAML::Mark selectorMark = spec.owner();
    bool selectorRead = false;
    if (const YamlEntry* selector = spec.require("selector")) {
        selectorMark = selector->keyMark();
        const FieldTable selectorTable = labelSelectorFields();
        MapCursor selectorMap(sink, selector->value, selector->keyMark(), selectorTable,
                              "spec.selector", &deployment.preserved);
        if (const YamlEntry* matchLabels = selectorMap.find("matchLabels")) {
            selectorMark = matchLabels->keyMark();
            if (std::optional<LabelMap> labels = readLabels(sink, *matchLabels)) {
                deployment.selector = std::move(*labels);
                selectorRead = true;
            }
        }
        if (selectorMap.isMap() && selectorRead && deployment.selector.empty()) {
            sink.error(selectorMark, "empty-selector", {},
                       "the Deployment selector must have at least one label in matchLabels");
            selectorRead = false;
        } else if (selectorMap.isMap() && selectorMap.find("matchLabels") == nullptr) {
            sink.error(selector->keyMark(), "missing-key", {"matchLabels", "Deployment selector"},
                       "missing required field 'matchLabels' in Deployment selector (cnsim "
                       "selects pods by matchLabels only)");
        }
    }
    bool templateLabelsRead = false;
    if (const YamlEntry* podTemplate = spec.require("template")) {
        const FieldTable templateTable = podTemplateSpecFields();
        MapCursor templateMap(sink, podTemplate->value, podTemplate->keyMark(), templateTable,
                              "spec.template", &deployment.preserved);
        if (const YamlEntry* metadata = templateMap.require("metadata")) {
            const FieldTable metaTable = templateMetaFields();
            MapCursor metaMap(sink, metadata->value, metadata->keyMark(), metaTable,
                              "spec.template.metadata", &deployment.preserved);
            if (const YamlEntry* labels = metaMap.require("labels")) {
                if (std::optional<LabelMap> read = readLabels(sink, *labels)) {
                    deployment.podLabels = std::move(*read);
                    templateLabelsRead = true;
                }
            }
        }
        if (const YamlEntry* podSpec = templateMap.require("spec")) {
            readPodSpec(sink, *podSpec, deployment);
        }
    }
    if (selectorRead && templateLabelsRead) {
        // apps/v1 validation: "`selector` does not match template `labels`".
        for (const auto& [key, value] : deployment.selector) {
            const auto it = deployment.podLabels.find(key);
            if (it == deployment.podLabels.end() || it->second != value) {
                sink.error(selectorMark, "selector-mismatch", {key, value},
                           "selector does not match template labels: "
                           "spec.template.metadata.labels must include " +
                               key + ": " + value);
                break;
            }
        }
    }
}

DeploymentSpec readDeployment(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks) {
    DeploymentSpec deployment;
    const FieldTable table = deploymentFields();
    MapCursor top(sink, node, node.Mark(), table, "", &deployment.preserved);
    marks.name = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ObjectMeta meta;
        readObjectMeta(sink, *metadata, "Deployment metadata", checkDns1123Subdomain,
                       deployment.preserved, meta, marks.name);
        deployment.name = meta.name;
        deployment.nameSpace = meta.nameSpace;
        deployment.labels = meta.labels;
    }
    if (const YamlEntry* spec = top.require("spec")) {
        readDeploymentSpec(sink, *spec, deployment);
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
        ObjectMeta meta;
        readObjectMeta(sink, *metadata, "Service metadata", checkDns1035Label, service.preserved,
                       meta, marks.name);
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

// apiVersion and kind are read before the strict field check, which depends on the kind.
std::string scalarField(const YAML::Node& node, const char* key, YAML::Mark& mark) {
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            mark = it->second.Mark();
            return it->second.IsScalar() ? it->second.Scalar() : std::string();
        }
    }
    return {};
}

} // namespace

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
    const std::string kind = scalarField(node, "kind", kindMark);
    const std::string apiVersion = scalarField(node, "apiVersion", apiMark);
    const bool hasApiVersion = static_cast<bool>(node["apiVersion"]);
    if (!node["kind"]) {
        sink.error(node.Mark(), "missing-key", {"kind", "workload manifest"},
                   "missing required field 'kind' in workload manifest (Deployment or Service)");
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
    std::string message = "kind '" + kind +
                          "' is not supported in workloads; cnsim models Deployment (apps/v1) "
                          "and Service (v1)";
    const std::string suggestion = nearestName(kind, {"Deployment", "Service"});
    if (!suggestion.empty()) {
        message += " — did you mean '" + suggestion + "'?";
    }
    sink.error(kindMark, "unsupported-kind", {kind, suggestion}, message);
    return std::nullopt;
}

} // namespace cnsim
