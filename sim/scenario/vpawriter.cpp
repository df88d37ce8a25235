#include "scenario/vpawriter.h"

#include "scenario/manifestwriter.h"
#include "scenario/quantity.h"

#include <string>

namespace cnsim {

namespace {

void writeBounds(YamlWriter& w, const char* name, const std::optional<CpuMillis>& cpu,
                 const std::optional<Bytes>& memory, const std::string& path) {
    if (!cpu && !memory && !w.hasPreservedUnder(path)) {
        return;
    }
    w.key(name);
    w.beginMap();
    if (cpu) {
        w.field("cpu", formatCpu(*cpu));
    }
    if (memory) {
        w.field("memory", formatMemory(*memory));
    }
    w.preserved(path);
    w.endMap();
}

} // namespace

void writeVerticalPodAutoscaler(YamlWriter& w, const VerticalPodAutoscalerSpec& vpa) {
    beginManifest(w, vpa.preserved, "autoscaling.k8s.io/v1", "VerticalPodAutoscaler", vpa.name,
                  vpa.nameSpace, vpa.labels);
    w.key("targetRef");
    w.beginMap();
    w.field("apiVersion", "apps/v1");
    w.field("kind", "Deployment");
    w.field("name", vpa.targetName);
    w.preserved("spec.targetRef");
    w.endMap();
    if (vpa.updatePolicyGiven) {
        w.key("updatePolicy");
        w.beginMap();
        w.field("updateMode", vpa.updateMode);
        w.preserved("spec.updatePolicy");
        w.endMap();
    }
    if (!vpa.containerPolicies.empty()) {
        w.key("resourcePolicy");
        w.beginMap();
        w.key("containerPolicies");
        w.beginSeq();
        for (std::size_t i = 0; i < vpa.containerPolicies.size(); ++i) {
            const VpaContainerPolicySpec& p = vpa.containerPolicies[i];
            const std::string path =
                "spec.resourcePolicy.containerPolicies[" + std::to_string(i) + "]";
            w.beginMap();
            w.field("containerName", p.containerName);
            writeBounds(w, "minAllowed", p.minAllowedCpu, p.minAllowedMemory, path + ".minAllowed");
            writeBounds(w, "maxAllowed", p.maxAllowedCpu, p.maxAllowedMemory, path + ".maxAllowed");
            w.preserved(path);
            w.endMap();
        }
        w.endSeq();
        w.preserved("spec.resourcePolicy");
        w.endMap();
    }
    endManifest(w);
}

} // namespace cnsim
