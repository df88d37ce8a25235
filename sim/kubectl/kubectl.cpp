#include "kubectl/kubectl.h"

#include "control/kubernetesdefaults.h"
#include "kubectl/kubectlcommands.h"

namespace cnsim {

namespace {

KubectlResult help() {
    std::string text = "kubectl controls the simulated Kubernetes cluster.\n\nCommands:\n";
    for (const std::string_view name : kubectlCommandNames()) {
        text += "  " + std::string(name) + "\n";
    }
    text += "\nResource types: run 'kubectl api-resources'.\n";
    return {0, text, {}};
}

KubectlResult version() {
    const std::string v = "v" + std::string(k8s::kEmulatedVersion) + ".0";
    return {0, "Client Version: " + v + "\nServer Version: " + v + "\n", {}};
}

} // namespace

KubectlResult notFound(const ResourceType& type, const std::string& name) {
    return failure("Error from server (NotFound): " + type.qualifiedPlural() + " \"" + name +
                   "\" not found\n");
}

KubectlResult failure(std::string message) {
    return {1, {}, std::move(message)};
}

KubectlResult runKubectl(Simulation& sim, std::string_view commandLine,
                         const KubectlOptions& options) {
    ParsedKubectl parsed = parseKubectl(commandLine);
    if (!parsed.command) {
        return failure(parsed.error);
    }
    return std::visit(
        [&](const auto& c) -> KubectlResult {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, GetCommand>) {
                return executeGet(sim, c);
            } else if constexpr (std::is_same_v<T, DescribeCommand>) {
                return executeDescribe(sim, c);
            } else if constexpr (std::is_same_v<T, ScaleCommand>) {
                return executeScale(sim, c);
            } else if constexpr (std::is_same_v<T, CordonCommand>) {
                return executeCordon(sim, c);
            } else if constexpr (std::is_same_v<T, DrainCommand>) {
                return executeDrain(sim, c);
            } else if constexpr (std::is_same_v<T, DeletePodCommand>) {
                return executeDelete(sim, c);
            } else if constexpr (std::is_same_v<T, RolloutCommand>) {
                return executeRollout(sim, c);
            } else if constexpr (std::is_same_v<T, SetImageCommand>) {
                return executeSetImage(sim, c);
            } else if constexpr (std::is_same_v<T, ArgoRolloutsCommand>) {
                return executeArgoRollouts(sim, c);
            } else if constexpr (std::is_same_v<T, TopCommand>) {
                return executeTop(sim, c);
            } else if constexpr (std::is_same_v<T, ApplyCommand>) {
                return executeApply(sim, c, options);
            } else if constexpr (std::is_same_v<T, ApiResourcesCommand>) {
                return executeApiResources();
            } else if constexpr (std::is_same_v<T, VersionCommand>) {
                return version();
            } else {
                return help();
            }
        },
        *parsed.command);
}

} // namespace cnsim
