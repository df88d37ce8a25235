#include "scenario/vpareader.h"

#include "scenario/kubernetesfields.h"
#include "scenario/manifestreader.h"
#include "scenario/names.h"

namespace cnsim {

namespace {

constexpr CpuMillis kMaxCpu{1024 * 1000};
constexpr Bytes kMaxMemory{Bytes::gibibytes(64 * 1024)};
// vertical_pod_autoscaler types.go UpdateMode values.
const std::vector<std::string_view> kUpdateModes{"Off", "Initial", "Recreate", "InPlaceOrRecreate",
                                                 "Auto"};

void readBounds(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                std::vector<PreservedField>& kept, std::optional<CpuMillis>& cpu,
                std::optional<Bytes>& memory) {
    const FieldTable table = resourceListFields(entry.key);
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    if (const YamlEntry* c = map.find("cpu")) {
        cpu = readCpu(sink, *c, CpuMillis{0}, kMaxCpu);
    }
    if (const YamlEntry* m = map.find("memory")) {
        memory = readMemory(sink, *m, Bytes{0}, kMaxMemory);
    }
}

VpaContainerPolicySpec readContainerPolicy(DiagnosticSink& sink, const YAML::Node& node,
                                           const std::string& path,
                                           std::vector<PreservedField>& kept) {
    VpaContainerPolicySpec policy;
    const FieldTable table{"container policy",
                           {"containerName", "minAllowed", "maxAllowed"},
                           {"mode", "controlledResources", "controlledValues"},
                           true,
                           nullptr};
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    if (const YamlEntry* name = map.find("containerName")) {
        policy.containerName = readString(sink, *name).value_or("*");
    }
    if (const YamlEntry* min = map.find("minAllowed")) {
        readBounds(sink, *min, path + ".minAllowed", kept, policy.minAllowedCpu,
                   policy.minAllowedMemory);
    }
    if (const YamlEntry* max = map.find("maxAllowed")) {
        readBounds(sink, *max, path + ".maxAllowed", kept, policy.maxAllowedCpu,
                   policy.maxAllowedMemory);
    }
    if (policy.minAllowedCpu && policy.maxAllowedCpu &&
        *policy.minAllowedCpu > *policy.maxAllowedCpu) {
        sink.error(node.Mark(), "bad-value", {"minAllowed"},
                   "minAllowed cpu is above maxAllowed cpu in the policy of container '" +
                       policy.containerName + "'");
    }
    if (policy.minAllowedMemory && policy.maxAllowedMemory &&
        *policy.minAllowedMemory > *policy.maxAllowedMemory) {
        sink.error(node.Mark(), "bad-value", {"minAllowed"},
                   "minAllowed memory is above maxAllowed memory in the policy of container '" +
                       policy.containerName + "'");
    }
    return policy;
}

} // namespace

VerticalPodAutoscalerSpec readVerticalPodAutoscaler(DiagnosticSink& sink, const YAML::Node& node,
                                                    ManifestMarks& marks) {
    VerticalPodAutoscalerSpec vpa;
    const FieldTable table{"VerticalPodAutoscaler",
                           {"apiVersion", "kind", "metadata", "spec"},
                           {"status"},
                           true,
                           nullptr};
    MapCursor top(sink, node, node.Mark(), table, "", &vpa.preserved);
    marks.name = node.Mark();
    marks.scaleTarget = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "VerticalPodAutoscaler metadata",
                             checkDns1123Subdomain, vpa.preserved, meta, marks.name);
        vpa.name = meta.name;
        vpa.nameSpace = meta.nameSpace;
        vpa.labels = meta.labels;
    }
    const YamlEntry* specEntry = top.require("spec");
    if (specEntry == nullptr) {
        return vpa;
    }
    marks.scaleTarget = specEntry->keyMark();
    const FieldTable specTable{"VerticalPodAutoscaler spec",
                               {"targetRef", "updatePolicy", "resourcePolicy"},
                               {"recommenders"},
                               true,
                               nullptr};
    MapCursor spec(sink, specEntry->value, specEntry->keyMark(), specTable, "spec", &vpa.preserved);
    if (const YamlEntry* ref = spec.require("targetRef")) {
        marks.scaleTarget = ref->keyMark();
        const FieldTable refTable{"targetRef", {"apiVersion", "kind", "name"}, {}, true, nullptr};
        MapCursor r(sink, ref->value, ref->keyMark(), refTable, "spec.targetRef", &vpa.preserved);
        if (const YamlEntry* kind = r.find("kind")) {
            const std::string k = readString(sink, *kind).value_or("Deployment");
            if (k != "Deployment") {
                sink.error(kind->value.Mark(), "bad-value", {"kind", k},
                           "cnsim recommends for Deployments only; targetRef.kind is '" + k + "'");
            }
        }
        if (const YamlEntry* name = r.require("name")) {
            marks.scaleTarget = name->value.Mark();
            vpa.targetName = readName(sink, *name, checkDns1123Subdomain).value_or("");
        }
    }
    if (const YamlEntry* policy = spec.find("updatePolicy")) {
        vpa.updatePolicyGiven = true;
        const FieldTable policyTable{
            "updatePolicy", {"updateMode"}, {"minReplicas", "evictionRequirements"}, true, nullptr};
        MapCursor p(sink, policy->value, policy->keyMark(), policyTable, "spec.updatePolicy",
                    &vpa.preserved);
        if (const YamlEntry* mode = p.find("updateMode")) {
            if (const auto index = readEnum(sink, *mode, kUpdateModes)) {
                vpa.updateMode = std::string(kUpdateModes[*index]);
                if (*index != 0) {
                    sink.error(mode->value.Mark(), "not-simulated", {"updateMode", vpa.updateMode},
                               "updateMode '" + vpa.updateMode +
                                   "' is not simulated: cnsim runs the VPA in recommendation "
                                   "mode only (the recommender, not the updater or the admission "
                                   "controller); use updateMode: \"Off\"");
                }
            }
        }
    }
    if (const YamlEntry* resourcePolicy = spec.find("resourcePolicy")) {
        const FieldTable rpTable{"resourcePolicy", {"containerPolicies"}, {}, true, nullptr};
        MapCursor rp(sink, resourcePolicy->value, resourcePolicy->keyMark(), rpTable,
                     "spec.resourcePolicy", &vpa.preserved);
        if (const YamlEntry* policies = rp.find("containerPolicies")) {
            const std::vector<YAML::Node> items = readList(sink, *policies);
            for (std::size_t i = 0; i < items.size(); ++i) {
                vpa.containerPolicies.push_back(readContainerPolicy(
                    sink, items[i],
                    "spec.resourcePolicy.containerPolicies[" + std::to_string(i) + "]",
                    vpa.preserved));
            }
        }
    }
    return vpa;
}

} // namespace cnsim
