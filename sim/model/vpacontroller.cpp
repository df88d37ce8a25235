#include "model/vpacontroller.h"

#include "cluster/apiserver.h"
#include "model/eventpriority.h"
#include "model/metricsserver.h"
#include "model/simulationmodel.h"

#include <limits>

namespace cnsim {

namespace {

// The container policy for `container`: its own, else the "*" one (capping.go
// GetContainerResourcePolicy).
const VpaContainerPolicySpec* policyFor(const VerticalPodAutoscalerSpec& spec,
                                        const std::string& container) {
    const VpaContainerPolicySpec* wildcard = nullptr;
    for (const VpaContainerPolicySpec& p : spec.containerPolicies) {
        if (p.containerName == container) {
            return &p;
        }
        if (p.containerName == "*") {
            wildcard = &p;
        }
    }
    return wildcard;
}

std::optional<VpaResources> bound(const std::optional<CpuMillis>& cpu,
                                  const std::optional<Bytes>& memory, bool upper) {
    if (!cpu && !memory) {
        return std::nullopt;
    }
    const std::int64_t none = upper ? std::numeric_limits<std::int64_t>::max() : 0;
    return VpaResources{cpu ? cpu->value : none, memory ? memory->value : none};
}

} // namespace

VpaController::VpaController(SimulationModel& model) : m_model(model) {
    model.api().watch(ResourceKind::VerticalPodAutoscaler,
                      [this](WatchEventType type, const ObjectMeta& meta) {
                          const std::string key = meta.nameSpace + "/" + meta.name;
                          if (type == WatchEventType::Deleted) {
                              m_vpas.erase(key);
                              return;
                          }
                          m_vpas[key];
                          if (!m_running) {
                              m_running = true;
                              m_model.metricsServer().start();
                              m_model.engine().schedule(
                                  kRecommenderInterval, [this] { tick(); }, priority::kController);
                          }
                      });
}

void VpaController::tick() {
    if (m_model.now() + kRecommenderInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            kRecommenderInterval, [this] { tick(); }, priority::kController);
    }
    if (!m_model.api().available()) {
        return;
    }
    for (auto& [key, state] : m_vpas) {
        const std::string nameSpace = key.substr(0, key.find('/'));
        if (VerticalPodAutoscalerObject* vpa = m_model.api().verticalPodAutoscalers().find(
                nameSpace, key.substr(key.find('/') + 1))) {
            recommend(*vpa, state);
        }
    }
}

void VpaController::recommend(VerticalPodAutoscalerObject& vpa, PerVpa& state) {
    ApiServer& api = m_model.api();
    const DeploymentObject* target =
        api.deployments().find(vpa.meta.nameSpace, vpa.spec.targetName);
    if (target == nullptr) {
        return;
    }
    const auto& scraped = m_model.metricsServer().pods();
    for (const auto& [podKey, pod] : api.pods()) {
        if (pod.meta.nameSpace != vpa.meta.nameSpace ||
            !matchesLabels(target->spec.selector, pod.meta.labels)) {
            continue;
        }
        const auto metrics = scraped.find(podKey);
        if (metrics == scraped.end()) {
            continue;
        }
        // A sample no newer than the pod's last one is dropped (container.go).
        const auto last = state.lastSample.find(podKey);
        if (last != state.lastSample.end() && metrics->second.timestamp <= last->second) {
            continue;
        }
        state.lastSample[podKey] = metrics->second.timestamp;
        for (const MetricsServer::ContainerUsage& usage : metrics->second.containers) {
            double requestCores = 0.0;
            for (const ContainerSpec& c : pod.spec.containers) {
                if (c.name == usage.name && c.requests.cpu) {
                    requestCores = c.requests.cpu->cores();
                }
            }
            VpaContainerRecommender& r = state.containers[usage.name];
            r.addCpuSample(static_cast<double>(usage.cpuMilli) / 1000.0, requestCores,
                           metrics->second.timestamp);
            r.addMemorySample(static_cast<double>(usage.memory.value), metrics->second.timestamp);
        }
    }
    const std::vector<ContainerSpec>& containers = target->spec.podSpec.containers;
    std::vector<VpaContainerRecommendationStatus> out;
    for (const ContainerSpec& c : containers) {
        const auto it = state.containers.find(c.name);
        if (it == state.containers.end() || !it->second.hasSamples()) {
            continue;
        }
        const VpaContainerPolicySpec* policy = policyFor(vpa.spec, c.name);
        const VpaRecommendation rec = it->second.recommend(
            static_cast<int>(containers.size()),
            policy ? bound(policy->minAllowedCpu, policy->minAllowedMemory, false) : std::nullopt,
            policy ? bound(policy->maxAllowedCpu, policy->maxAllowedMemory, true) : std::nullopt);
        out.push_back({c.name, rec.target.cpuMilli, rec.target.memoryBytes, rec.lowerBound.cpuMilli,
                       rec.lowerBound.memoryBytes, rec.upperBound.cpuMilli,
                       rec.upperBound.memoryBytes, rec.uncappedTarget.cpuMilli,
                       rec.uncappedTarget.memoryBytes});
    }
    if (!out.empty()) {
        vpa.recommendations = std::move(out);
        vpa.lastRecommendation = m_model.now();
        api.updated(ResourceKind::VerticalPodAutoscaler, vpa.meta);
    }
}

} // namespace cnsim
