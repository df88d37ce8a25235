#include "scenario/podspecreader.h"

#include "scenario/affinityreader.h"
#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/probereader.h"
#include "scenario/quantity.h"
#include "scenario/scenarioenums.h"
#include "scenario/taintreader.h"

#include <limits>
#include <set>

namespace cnsim {

namespace {

constexpr CpuMillis kMaxContainerCpu{1024 * 1000};
constexpr Bytes kMaxContainerMemory{Bytes::gibibytes(64 * 1024)};
// Kubernetes allows any int64; cnsim caps at int32 seconds so the value fits a SimTime.
constexpr std::int64_t kMaxGracePeriodSeconds = std::numeric_limits<std::int32_t>::max();

const std::vector<std::string_view> kProtocols{"TCP", "UDP", "SCTP"};

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
    if (const YamlEntry* policy = map.find("imagePullPolicy")) {
        container.imagePullPolicy = readEnumValue<ImagePullPolicy>(sink, *policy);
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
    const auto probe = [&](const char* key, ProbeKind kind, std::optional<Probe>& into) {
        if (const YamlEntry* entry = map.find(key)) {
            into = readProbe(sink, *entry, kind, map.childPath(key), kept);
        }
    };
    probe("readinessProbe", ProbeKind::Readiness, container.readinessProbe);
    probe("livenessProbe", ProbeKind::Liveness, container.livenessProbe);
    probe("startupProbe", ProbeKind::Startup, container.startupProbe);
    return container;
}

} // namespace

void readPodSpec(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                 std::vector<PreservedField>& kept, PodSpec& podSpec, ManifestMarks& marks) {
    const FieldTable table = podSpecFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* schedulerName = map.find("schedulerName")) {
        marks.schedulerName = schedulerName->value.Mark();
        podSpec.schedulerName = readName(sink, *schedulerName, checkDns1123Subdomain).value_or("");
    }
    if (const YamlEntry* nodeSelector = map.find("nodeSelector")) {
        podSpec.nodeSelector = readLabels(sink, *nodeSelector).value_or(LabelMap{});
    }
    if (const YamlEntry* affinity = map.find("affinity")) {
        podSpec.affinity = readAffinity(sink, *affinity, map.childPath("affinity"), kept);
    }
    if (const YamlEntry* tolerations = map.find("tolerations")) {
        podSpec.tolerations =
            readTolerations(sink, *tolerations, map.childPath("tolerations"), kept);
    }
    if (const YamlEntry* spread = map.find("topologySpreadConstraints")) {
        podSpec.topologySpreadConstraints = readTopologySpreadConstraints(
            sink, *spread, map.childPath("topologySpreadConstraints"), kept);
    }
    if (const YamlEntry* grace = map.find("terminationGracePeriodSeconds")) {
        podSpec.terminationGracePeriodSeconds =
            readInteger(sink, *grace, 0, kMaxGracePeriodSeconds);
    }
    if (const YamlEntry* restart = map.find("restartPolicy")) {
        podSpec.restartPolicy = readEnumValue<RestartPolicy>(sink, *restart);
        if (podSpec.restartPolicy) {
            // Pod specs here are Deployment templates, where apps/v1 validation allows
            // only Always: a Deployment's pods are meant to run forever.
            if (*podSpec.restartPolicy != RestartPolicy::Always) {
                sink.error(restart->value.Mark(), "bad-value",
                           {"restartPolicy", "Always", restart->value.Scalar()},
                           "restartPolicy must be Always in a Deployment's pod template, got '" +
                               restart->value.Scalar() + "'");
            }
        }
    }
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
            sink, items[i], map.childPath("containers") + "[" + std::to_string(i) + "]", kept);
        if (!container.name.empty() && !names.insert(container.name).second) {
            sink.error(items[i].Mark(), "duplicate-name", {"container", container.name},
                       "duplicate container name '" + container.name + "' in this pod");
        }
        podSpec.containers.push_back(std::move(container));
    }
}

} // namespace cnsim
