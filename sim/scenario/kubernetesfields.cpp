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
            {"replicas", "selector", "template"},
            {"minReadySeconds", "strategy", "revisionHistoryLimit", "paused",
             "progressDeadlineSeconds"},
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
            {"containers"},
            {"volumes",
             "initContainers",
             "ephemeralContainers",
             "restartPolicy",
             "terminationGracePeriodSeconds",
             "activeDeadlineSeconds",
             "dnsPolicy",
             "nodeSelector",
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
             "affinity",
             "schedulerName",
             "tolerations",
             "hostAliases",
             "priorityClassName",
             "priority",
             "dnsConfig",
             "readinessGates",
             "runtimeClassName",
             "enableServiceLinks",
             "preemptionPolicy",
             "overhead",
             "topologySpreadConstraints",
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
            {"name", "image", "ports", "resources"},
            {"command",
             "args",
             "workingDir",
             "envFrom",
             "env",
             "volumeMounts",
             "volumeDevices",
             "livenessProbe",
             "readinessProbe",
             "startupProbe",
             "lifecycle",
             "terminationMessagePath",
             "terminationMessagePolicy",
             "imagePullPolicy",
             "securityContext",
             "stdin",
             "stdinOnce",
             "tty",
             "resizePolicy",
             "restartPolicy"},
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
