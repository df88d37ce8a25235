#include "model/podfactory.h"

#include "engine/fingerprint.h"

#include <string_view>

namespace cnsim {

namespace {

// No vowels, no look-alike digits (apimachinery/pkg/util/rand/rand.go).
constexpr std::string_view kNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

void hashResources(Fingerprint& hash, const ResourceList& resources) {
    hash.addI64(resources.cpu ? resources.cpu->value : -1);
    hash.addI64(resources.memory ? resources.memory->value : -1);
}

} // namespace

std::string podTemplateHash(const LabelMap& labels, const PodSpec& spec,
                            const LabelMap& annotations) {
    Fingerprint hash;
    for (const auto& [key, value] : annotations) {
        hash.addString(key);
        hash.addString(value);
    }
    for (const auto& [key, value] : labels) {
        hash.addString(key);
        hash.addString(value);
    }
    for (const ContainerSpec& container : spec.containers) {
        hash.addString(container.name);
        hash.addString(container.image);
        hashResources(hash, container.requests);
        hashResources(hash, container.limits);
    }
    hash.addString(spec.schedulerName);
    for (const auto& [key, value] : spec.nodeSelector) {
        hash.addString(key);
        hash.addString(value);
    }
    const std::string digits = std::to_string(static_cast<std::uint32_t>(hash.value()));
    std::string encoded;
    for (const char digit : digits) {
        encoded += kNameAlphabet[static_cast<std::size_t>(digit) % kNameAlphabet.size()];
    }
    return encoded;
}

std::string generateName(const std::string& prefix, RandomStream& stream) {
    std::string name = prefix + "-";
    for (int i = 0; i < 5; ++i) {
        name += kNameAlphabet[stream.uniformIndex(kNameAlphabet.size())];
    }
    return name;
}

PodObject podFromTemplate(const ReplicaSetObject& rs, const std::string& name) {
    PodObject pod;
    pod.meta.name = name;
    pod.meta.nameSpace = rs.meta.nameSpace;
    pod.meta.labels = rs.templateLabels;
    pod.meta.annotations = rs.templateAnnotations;
    pod.meta.ownerReferences.push_back(OwnerReference{"ReplicaSet", rs.meta.name, rs.meta.uid});
    pod.spec = rs.templateSpec;
    for (const ContainerSpec& container : pod.spec.containers) {
        pod.requestCpu += container.requests.cpu.value_or(CpuMillis{});
        pod.requestMemory += container.requests.memory.value_or(Bytes{});
        ContainerStatus status;
        status.name = container.name;
        status.image = container.image;
        pod.containerStatuses.push_back(status);
    }
    return pod;
}

void injectSidecar(PodObject& pod, const MeshSettingsSpec& mesh) {
    ContainerSpec proxy;
    proxy.name = "istio-proxy";
    proxy.image = "docker.io/istio/proxyv2:1.24.0";
    proxy.requests.cpu = mesh.sidecarCpuRequest;
    proxy.requests.memory = mesh.sidecarMemoryRequest;
    pod.requestCpu += mesh.sidecarCpuRequest;
    pod.requestMemory += mesh.sidecarMemoryRequest;
    ContainerStatus status;
    status.name = proxy.name;
    status.image = proxy.image;
    pod.containerStatuses.push_back(status);
    pod.spec.containers.push_back(std::move(proxy));
}

} // namespace cnsim
