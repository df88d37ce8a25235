#include "scenario/kubernetesfields.h"

namespace cnsim {

namespace {

// ObjectMeta fields besides name, namespace and labels (k8s.io/apimachinery meta/v1).
const std::vector<std::string_view> kObjectMetaUnmodelled{"generateName",
                                                          "uid",
                                                          "resourceVersion",
                                                          "generation",
                                                          "creationTimestamp",
                                                          "deletionTimestamp",
                                                          "deletionGracePeriodSeconds",
                                                          "annotations",
                                                          "ownerReferences",
                                                          "finalizers",
                                                          "managedFields",
                                                          "selfLink"};

} // namespace

FieldTable deploymentFields() {
    return {"Deployment", {"apiVersion", "kind", "metadata", "spec"}, {"status"}, true, nullptr};
}

FieldTable serviceFields() {
    return {"Service", {"apiVersion", "kind", "metadata", "spec"}, {"status"}, true, nullptr};
}

FieldTable objectMetaFields(std::string_view context) {
    return {context, {"name", "namespace", "labels"}, kObjectMetaUnmodelled, true, nullptr};
}

FieldTable templateMetaFields() {
    std::vector<std::string_view> unmodelled = kObjectMetaUnmodelled;
    unmodelled.insert(unmodelled.begin(), {"name", "namespace"});
    return {"pod template metadata", {"labels"}, unmodelled, true, nullptr};
}

FieldTable deploymentSpecFields() {
    return {"Deployment spec",
            {"replicas", "selector", "template", "minReadySeconds", "strategy",
             "revisionHistoryLimit", "progressDeadlineSeconds"},
            {"paused"},
            true,
            nullptr};
}

FieldTable labelSelectorFields() {
    return {"Deployment selector", {"matchLabels"}, {"matchExpressions"}, true, nullptr};
}

FieldTable podTemplateSpecFields() {
    return {"pod template", {"metadata", "spec"}, {}, true, nullptr};
}

FieldTable podSpecFields() {
    return {"pod spec",
            {"containers", "nodeSelector", "affinity", "tolerations", "topologySpreadConstraints",
             "terminationGracePeriodSeconds", "restartPolicy", "schedulerName"},
            {"volumes",
             "initContainers",
             "ephemeralContainers",
             "activeDeadlineSeconds",
             "dnsPolicy",
             "serviceAccountName",
             "serviceAccount",
             "automountServiceAccountToken",
             "nodeName",
             "hostNetwork",
             "hostPID",
             "hostIPC",
             "shareProcessNamespace",
             "securityContext",
             "imagePullSecrets",
             "hostname",
             "subdomain",
             "hostAliases",
             "priorityClassName",
             "priority",
             "dnsConfig",
             "readinessGates",
             "runtimeClassName",
             "enableServiceLinks",
             "preemptionPolicy",
             "overhead",
             "setHostnameAsFQDN",
             "os",
             "hostUsers",
             "schedulingGates",
             "resourceClaims",
             "resources"},
            true,
            nullptr};
}

FieldTable containerFields() {
    return {"container",
            {"name", "image", "imagePullPolicy", "ports", "resources", "readinessProbe",
             "livenessProbe", "startupProbe"},
            {"command", "args", "workingDir", "envFrom", "env", "volumeMounts", "volumeDevices",
             "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "securityContext",
             "stdin", "stdinOnce", "tty", "resizePolicy", "restartPolicy"},
            true,
            nullptr};
}

FieldTable containerPortFields() {
    return {"container port",
            {"name", "containerPort", "protocol"},
            {"hostPort", "hostIP"},
            true,
            nullptr};
}

FieldTable resourceRequirementsFields() {
    return {"container resources", {"requests", "limits"}, {"claims"}, true, nullptr};
}

FieldTable resourceListFields(std::string_view context) {
    return {context, {"cpu", "memory"}, {"ephemeral-storage"}, true, isKubernetesResourceName};
}

FieldTable serviceSpecFields() {
    return {"Service spec",
            {"selector", "ports"},
            {"type", "clusterIP", "clusterIPs", "externalIPs", "sessionAffinity", "loadBalancerIP",
             "loadBalancerSourceRanges", "externalName", "externalTrafficPolicy",
             "healthCheckNodePort", "publishNotReadyAddresses", "sessionAffinityConfig",
             "ipFamilies", "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "loadBalancerClass",
             "internalTrafficPolicy", "trafficDistribution"},
            true,
            nullptr};
}

FieldTable servicePortFields() {
    return {"Service port",
            {"name", "protocol", "port", "targetPort"},
            {"appProtocol", "nodePort"},
            true,
            nullptr};
}

FieldTable selectorFields(std::string_view context) {
    return {context, {"matchLabels", "matchExpressions"}, {}, true, nullptr};
}

FieldTable selectorRequirementFields(std::string_view context) {
    return {context, {"key", "operator", "values"}, {}, true, nullptr};
}

FieldTable tolerationFields() {
    return {"toleration",
            {"key", "operator", "value", "effect", "tolerationSeconds"},
            {},
            true,
            nullptr};
}

FieldTable affinityFields() {
    return {"affinity", {"nodeAffinity", "podAffinity", "podAntiAffinity"}, {}, true, nullptr};
}

FieldTable nodeAffinityFields() {
    return {"node affinity",
            {"requiredDuringSchedulingIgnoredDuringExecution",
             "preferredDuringSchedulingIgnoredDuringExecution"},
            {},
            true,
            nullptr};
}

FieldTable nodeSelectorFields() {
    return {"node selector", {"nodeSelectorTerms"}, {}, true, nullptr};
}

FieldTable nodeSelectorTermFields() {
    return {"node selector term", {"matchExpressions"}, {"matchFields"}, true, nullptr};
}

FieldTable preferredSchedulingTermFields() {
    return {"preferred scheduling term", {"weight", "preference"}, {}, true, nullptr};
}

FieldTable podAffinityFields(std::string_view context) {
    return {context,
            {"requiredDuringSchedulingIgnoredDuringExecution",
             "preferredDuringSchedulingIgnoredDuringExecution"},
            {},
            true,
            nullptr};
}

FieldTable podAffinityTermFields() {
    return {"pod affinity term",
            {"labelSelector", "topologyKey"},
            {"namespaces", "namespaceSelector", "matchLabelKeys", "mismatchLabelKeys"},
            true,
            nullptr};
}

FieldTable weightedPodAffinityTermFields() {
    return {"weighted pod affinity term", {"weight", "podAffinityTerm"}, {}, true, nullptr};
}

FieldTable topologySpreadConstraintFields() {
    return {"topology spread constraint",
            {"maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains"},
            {"matchLabelKeys", "nodeAffinityPolicy", "nodeTaintsPolicy"},
            true,
            nullptr};
}

FieldTable probeFields(std::string_view context) {
    return {context,
            {"initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold",
             "failureThreshold", "httpGet", "tcpSocket", "exec", "grpc"},
            {"terminationGracePeriodSeconds"},
            true,
            nullptr};
}

FieldTable deploymentStrategyFields() {
    return {"Deployment strategy", {"type", "rollingUpdate"}, {}, true, nullptr};
}

FieldTable rollingUpdateFields() {
    return {"rolling update", {"maxSurge", "maxUnavailable"}, {}, true, nullptr};
}

FieldTable podDisruptionBudgetFields() {
    return {"PodDisruptionBudget",
            {"apiVersion", "kind", "metadata", "spec"},
            {"status"},
            true,
            nullptr};
}

FieldTable podDisruptionBudgetSpecFields() {
    return {"PodDisruptionBudget spec",
            {"selector", "minAvailable", "maxUnavailable"},
            {"unhealthyPodEvictionPolicy"},
            true,
            nullptr};
}

FieldTable hpaFields() {
    return {"HorizontalPodAutoscaler",
            {"apiVersion", "kind", "metadata", "spec"},
            {"status"},
            true,
            nullptr};
}

FieldTable hpaSpecFields() {
    return {"HorizontalPodAutoscaler spec",
            {"scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior"},
            {},
            true,
            nullptr};
}

FieldTable hpaScaleTargetRefFields() {
    return {"scaleTargetRef", {"apiVersion", "kind", "name"}, {}, true, nullptr};
}

FieldTable hpaMetricSpecFields() {
    return {"metric",
            {"type", "resource", "containerResource", "pods", "object", "external"},
            {},
            true,
            nullptr};
}

FieldTable hpaMetricSourceFields(std::string_view source) {
    if (source == "resource") {
        return {"resource metric source", {"name", "target"}, {}, true, nullptr};
    }
    if (source == "containerResource") {
        return {"containerResource metric source", {"name", "container", "target"}, {}, true,
                nullptr};
    }
    if (source == "object") {
        return {"object metric source", {"describedObject", "metric", "target"}, {}, true,
                nullptr};
    }
    if (source == "pods") {
        return {"pods metric source", {"metric", "target"}, {}, true, nullptr};
    }
    return {"external metric source", {"metric", "target"}, {}, true, nullptr};
}

FieldTable hpaMetricIdentifierFields() {
    return {"metric identifier", {"name", "selector"}, {}, true, nullptr};
}

FieldTable hpaMetricSelectorFields() {
    return {"metric selector", {"matchLabels"}, {"matchExpressions"}, true, nullptr};
}

FieldTable hpaMetricTargetFields() {
    return {"metric target", {"type", "value", "averageValue", "averageUtilization"}, {}, true,
            nullptr};
}

FieldTable hpaDescribedObjectFields() {
    return {"describedObject", {"apiVersion", "kind", "name"}, {}, true, nullptr};
}

FieldTable hpaBehaviorFields() {
    return {"behavior", {"scaleUp", "scaleDown"}, {}, true, nullptr};
}

FieldTable hpaScalingRulesFields() {
    return {"scaling rules",
            {"stabilizationWindowSeconds", "selectPolicy", "policies", "tolerance"},
            {},
            true,
            nullptr};
}

FieldTable hpaScalingPolicyFields() {
    return {"scaling policy", {"type", "value", "periodSeconds"}, {}, true, nullptr};
}

bool isKubernetesResourceName(std::string_view name) {
    if (name == "ephemeral-storage" || name == "storage" || name == "pods" ||
        name.starts_with("hugepages-")) {
        return true;
    }
    // Extended resources are always domain-qualified ("example.com/foo").
    const std::size_t slash = name.find('/');
    return slash != std::string_view::npos && slash > 0 && slash + 1 < name.size() &&
           name.substr(0, slash).find('.') != std::string_view::npos;
}

} // namespace cnsim
