#include "kubectl/vpaprinter.h"

#include "kubectl/encoderutil.h"
#include "kubectl/listtable.h"
#include "kubectl/tableprinter.h"
#include "model/simulation.h"
#include "scenario/quantity.h"

namespace cnsim {

namespace {

ObjectValue resources(std::int64_t cpuMilli, std::int64_t memory) {
    ObjectValue v;
    v["cpu"] = formatCpu(CpuMillis{cpuMilli});
    v["memory"] = formatMemory(Bytes{memory});
    return v;
}

} // namespace

Table vpaTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    return listTable(sim.api().verticalPodAutoscalers(), filter, options,
                     {"NAME", "MODE", "CPU", "MEM", "PROVIDED", "AGE"},
                     [&](const VerticalPodAutoscalerObject& v) {
                         const bool provided = !v.recommendations.empty();
                         const VpaContainerRecommendationStatus* first =
                             provided ? &v.recommendations.front() : nullptr;
                         return std::vector<std::string>{
                             v.meta.name,
                             v.spec.updateMode,
                             first ? formatCpu(CpuMillis{first->targetCpuMilli}) : "",
                             first ? formatMemory(Bytes{first->targetMemory}) : "",
                             provided ? "True" : "False",
                             formatAge(sim.now(), v.meta.creationTimestamp)};
                     });
}

std::vector<ObjectValue> vpaObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, vpa] : sim.api().verticalPodAutoscalers()) {
        if (!filter.matches(vpa.meta, true)) {
            continue;
        }
        ObjectValue v = encoding::header("autoscaling.k8s.io/v1", "VerticalPodAutoscaler");
        v["metadata"] = encoding::metadata(vpa.meta, true, true);
        v["spec"]["targetRef"]["apiVersion"] = "apps/v1";
        v["spec"]["targetRef"]["kind"] = "Deployment";
        v["spec"]["targetRef"]["name"] = vpa.spec.targetName;
        v["spec"]["updatePolicy"]["updateMode"] = vpa.spec.updateMode;
        ObjectValue::List containers;
        for (const VpaContainerRecommendationStatus& r : vpa.recommendations) {
            ObjectValue c;
            c["containerName"] = r.containerName;
            c["lowerBound"] = resources(r.lowerBoundCpuMilli, r.lowerBoundMemory);
            c["target"] = resources(r.targetCpuMilli, r.targetMemory);
            c["uncappedTarget"] = resources(r.uncappedTargetCpuMilli, r.uncappedTargetMemory);
            c["upperBound"] = resources(r.upperBoundCpuMilli, r.upperBoundMemory);
            containers.push_back(std::move(c));
        }
        ObjectValue condition;
        condition["type"] = "RecommendationProvided";
        condition["status"] = vpa.recommendations.empty() ? "False" : "True";
        if (vpa.lastRecommendation) {
            condition["lastTransitionTime"] = formatTimestamp(*vpa.lastRecommendation);
        }
        v["status"]["conditions"] = ObjectValue::List{std::move(condition)};
        if (!containers.empty()) {
            v["status"]["recommendation"]["containerRecommendations"] = std::move(containers);
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> vpaNames(const Simulation& sim, const std::string& nameSpace) {
    return namesOf(sim.api().verticalPodAutoscalers(), nameSpace);
}

} // namespace cnsim
