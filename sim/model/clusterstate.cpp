#include "model/clusterstate.h"

namespace cnsim {

std::optional<std::size_t> ClusterState::findNode(std::string_view name) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].spec.name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> ClusterState::findDeployment(std::string_view name) const {
    for (std::size_t i = 0; i < deployments.size(); ++i) {
        if (deployments[i].spec->name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> ClusterState::findService(std::string_view name) const {
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (services[i].spec->name == name) {
            return i;
        }
    }
    return std::nullopt;
}

PodRuntime* ClusterState::findPod(std::string_view name) {
    for (auto& [id, pod] : pods) {
        if (pod.name == name) {
            return &pod;
        }
    }
    return nullptr;
}

} // namespace cnsim
