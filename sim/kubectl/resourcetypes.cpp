#include "kubectl/resourcetypes.h"

#include "cluster/objectmeta.h"
#include "kubectl/hpaprinter.h"
#include "kubectl/kedaprinter.h"
#include "kubectl/resourcetables.h"
#include "kubectl/rolloutprinter.h"
#include "kubectl/vpaprinter.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

bool ObjectFilter::matches(const ObjectMeta& meta, bool namespaced) const {
    if (namespaced && !nameSpace.empty() && meta.nameSpace != nameSpace) {
        return false;
    }
    if (!names.empty() && std::find(names.begin(), names.end(), meta.name) == names.end()) {
        return false;
    }
    return labels.matches(meta.labels);
}

std::string ResourceType::qualifiedPlural() const {
    return group.empty() ? std::string(plural) : std::string(plural) + "." + std::string(group);
}

std::string ResourceType::qualifiedSingular() const {
    return group.empty() ? std::string(singular) : std::string(singular) + "." + std::string(group);
}

std::string ResourceType::apiVersion() const {
    return group.empty() ? std::string(version) : std::string(group) + "/" + std::string(version);
}

const std::vector<ResourceType>& resourceTypes() {
    static const std::vector<ResourceType> types = {
        {KubectlResource::Pods,
         "pods",
         "pod",
         {"po"},
         "Pod",
         "",
         "v1",
         true,
         true,
         podTable,
         podObjects,
         podNames},
        {KubectlResource::Nodes,
         "nodes",
         "node",
         {"no"},
         "Node",
         "",
         "v1",
         false,
         true,
         nodeTable,
         nodeObjects,
         nodeNames},
        {KubectlResource::Deployments,
         "deployments",
         "deployment",
         {"deploy"},
         "Deployment",
         "apps",
         "v1",
         true,
         true,
         deploymentTable,
         deploymentObjects,
         deploymentNames},
        {KubectlResource::ReplicaSets,
         "replicasets",
         "replicaset",
         {"rs"},
         "ReplicaSet",
         "apps",
         "v1",
         true,
         true,
         replicaSetTable,
         replicaSetObjects,
         replicaSetNames},
        {KubectlResource::Services,
         "services",
         "service",
         {"svc"},
         "Service",
         "",
         "v1",
         true,
         true,
         serviceTable,
         serviceObjects,
         serviceNames},
        {KubectlResource::Endpoints,
         "endpoints",
         "endpoints",
         {"ep"},
         "Endpoints",
         "",
         "v1",
         true,
         false,
         endpointsTable,
         endpointsObjects,
         endpointsNames},
        {KubectlResource::Events,
         "events",
         "event",
         {"ev"},
         "Event",
         "",
         "v1",
         true,
         false,
         eventTable,
         eventObjects,
         eventNames},
        {KubectlResource::HorizontalPodAutoscalers,
         "horizontalpodautoscalers",
         "horizontalpodautoscaler",
         {"hpa"},
         "HorizontalPodAutoscaler",
         "autoscaling",
         "v2",
         true,
         true,
         hpaTable,
         hpaObjects,
         hpaNames},
        {KubectlResource::PodDisruptionBudgets,
         "poddisruptionbudgets",
         "poddisruptionbudget",
         {"pdb"},
         "PodDisruptionBudget",
         "policy",
         "v1",
         true,
         false,
         pdbTable,
         pdbObjects,
         pdbNames},
        // Argo Rollouts' CRDs (manifests/crds): names and short names as installed.
        {KubectlResource::AnalysisRuns,
         "analysisruns",
         "analysisrun",
         {"ar"},
         "AnalysisRun",
         "argoproj.io",
         "v1alpha1",
         true,
         false,
         analysisRunTable,
         analysisRunObjects,
         analysisRunNames},
        {KubectlResource::AnalysisTemplates,
         "analysistemplates",
         "analysistemplate",
         {"at"},
         "AnalysisTemplate",
         "argoproj.io",
         "v1alpha1",
         true,
         false,
         analysisTemplateTable,
         analysisTemplateObjects,
         analysisTemplateNames},
        // KEDA's CRD (config/crd/bases/keda.sh_scaledobjects.yaml).
        {KubectlResource::ScaledObjects,
         "scaledobjects",
         "scaledobject",
         {"so"},
         "ScaledObject",
         "keda.sh",
         "v1alpha1",
         true,
         true,
         scaledObjectTable,
         scaledObjectObjects,
         scaledObjectNames},
        // The VPA's CRD (vertical-pod-autoscaler deploy/vpa-v1-crd-gen.yaml).
        {KubectlResource::VerticalPodAutoscalers,
         "verticalpodautoscalers",
         "verticalpodautoscaler",
         {"vpa"},
         "VerticalPodAutoscaler",
         "autoscaling.k8s.io",
         "v1",
         true,
         true,
         vpaTable,
         vpaObjects,
         vpaNames},
        {KubectlResource::Rollouts,
         "rollouts",
         "rollout",
         {"ro"},
         "Rollout",
         "argoproj.io",
         "v1alpha1",
         true,
         true,
         rolloutTable,
         rolloutObjects,
         rolloutNames},
    };
    return types;
}

const ResourceType* findResourceType(std::string_view name) {
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const ResourceType& t : resourceTypes()) {
        const bool shortMatch =
            std::find(t.shortNames.begin(), t.shortNames.end(), n) != t.shortNames.end();
        if (n == t.plural || n == t.singular || shortMatch || n == t.qualifiedPlural() ||
            n == t.qualifiedSingular()) {
            return &t;
        }
        std::string kind(t.kind);
        std::transform(kind.begin(), kind.end(), kind.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (n == kind) {
            return &t;
        }
    }
    return nullptr;
}

const ResourceType& resourceType(KubectlResource resource) {
    for (const ResourceType& t : resourceTypes()) {
        if (t.resource == resource) {
            return t;
        }
    }
    return resourceTypes().front();
}

} // namespace cnsim
