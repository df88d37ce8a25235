#include "control/scheduling/schedulertypes.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

namespace cnsim {

SchedulerPodInfo makeSchedulerPodInfo(std::string name, std::string nameSpace, LabelMap labels,
                                      const PodSpec& spec) {
    SchedulerPodInfo pod;
    pod.name = std::move(name);
    pod.nameSpace = std::move(nameSpace);
    pod.labels = std::move(labels);
    pod.spec = &spec;
    for (const auto& c : spec.containers) {
        // The API server defaults a missing request to the container's limit
        // (pkg/apis/core/v1/defaults.go SetDefaults_Pod), so the scheduler sees that value.
        const std::optional<CpuMillis> cpu = c.requests.cpu ? c.requests.cpu : c.limits.cpu;
        const std::optional<Bytes> memory = c.requests.memory ? c.requests.memory : c.limits.memory;
        pod.requests.cpu += cpu.value_or(CpuMillis{});
        pod.requests.memory += memory.value_or(Bytes{});
        // pkg/scheduler/util/pod_resources.go: a missing request counts as 100m / 200Mi for
        // scoring; an explicit zero stays zero.
        pod.nonZeroRequests.cpu += cpu.value_or(k8s::kDefaultScoringCpuRequest);
        pod.nonZeroRequests.memory += memory.value_or(k8s::kDefaultScoringMemoryRequest);
        pod.images.push_back(normalizedImageName(c.image));
    }
    return pod;
}

} // namespace cnsim
