#include "kubectl/objectencoder.h"

#include "cluster/apiserver.h"
#include "control/kubernetesdefaults.h"
#include "kubectl/encoderutil.h"
#include "kubectl/resourcetables.h"
#include "kubectl/tableprinter.h"
#include "scenario/quantity.h"

#include <cstdio>
#include <yaml-cpp/yaml.h>

namespace cnsim {

using namespace encoding;

namespace {

using Map = ObjectValue::Map;
using List = ObjectValue::List;

// A YAML subtree kept verbatim by the scenario reader (a probe handler), as values.
ObjectValue fromYaml(const YAML::Node& node) {
    if (node.IsMap()) {
        Map m;
        for (const auto& entry : node) {
            m.emplace(entry.first.as<std::string>(), fromYaml(entry.second));
        }
        return m;
    }
    if (node.IsSequence()) {
        List l;
        for (const auto& item : node) {
            l.push_back(fromYaml(item));
        }
        return l;
    }
    if (node.IsScalar()) {
        const std::string text = node.Scalar();
        long long number = 0;
        char rest = 0;
        if (node.Tag() != "!" && std::sscanf(text.c_str(), "%lld%c", &number, &rest) == 1) {
            return static_cast<std::int64_t>(number);
        }
        if (text == "true" || text == "false") {
            return text == "true";
        }
        return text;
    }
    return {};
}

ObjectValue probe(const Probe& p) {
    ObjectValue v;
    for (const PreservedField& handler : p.handler) {
        try {
            v[handler.path] = fromYaml(YAML::Load(handler.yaml));
        } catch (const YAML::Exception&) {
            v[handler.path] = ObjectValue::emptyMap();
        }
    }
    v["failureThreshold"] = p.failureThreshold.value_or(k8s::kProbeFailureThreshold);
    if (p.initialDelaySeconds) {
        v["initialDelaySeconds"] = *p.initialDelaySeconds;
    }
    v["periodSeconds"] = p.periodSeconds.value_or(k8s::kProbePeriodSeconds);
    v["successThreshold"] = p.successThreshold.value_or(k8s::kProbeSuccessThreshold);
    v["timeoutSeconds"] = p.timeoutSeconds.value_or(k8s::kProbeTimeoutSeconds);
    return v;
}

ObjectValue resourceList(const ResourceList& r) {
    ObjectValue v = ObjectValue::emptyMap();
    if (r.cpu) {
        v["cpu"] = formatCpu(*r.cpu);
    }
    if (r.memory) {
        v["memory"] = formatMemory(*r.memory);
    }
    return v;
}

std::string_view pullPolicyName(ImagePullPolicy p) {
    switch (p) {
    case ImagePullPolicy::Always:
        return "Always";
    case ImagePullPolicy::IfNotPresent:
        return "IfNotPresent";
    case ImagePullPolicy::Never:
        return "Never";
    }
    return "IfNotPresent";
}

// pkg/apis/core/v1/defaults.go SetDefaults_Container: Always for ":latest" or no tag.
std::string_view defaultPullPolicy(const std::string& image) {
    const std::size_t slash = image.rfind('/');
    const std::size_t colon = image.rfind(':');
    const bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    if (!hasTag || image.substr(colon + 1) == "latest") {
        return "Always";
    }
    return "IfNotPresent";
}

std::string_view effectName(TaintEffect e) {
    switch (e) {
    case TaintEffect::NoSchedule:
        return "NoSchedule";
    case TaintEffect::PreferNoSchedule:
        return "PreferNoSchedule";
    case TaintEffect::NoExecute:
        return "NoExecute";
    }
    return "NoSchedule";
}

ObjectValue podSpec(const PodSpec& spec, const std::string& nodeName) {
    ObjectValue v;
    List containers;
    for (const ContainerSpec& c : spec.containers) {
        ObjectValue cv;
        cv["image"] = c.image;
        cv["imagePullPolicy"] =
            c.imagePullPolicy ? pullPolicyName(*c.imagePullPolicy) : defaultPullPolicy(c.image);
        if (c.livenessProbe) {
            cv["livenessProbe"] = probe(*c.livenessProbe);
        }
        cv["name"] = c.name;
        if (!c.ports.empty()) {
            List ports;
            for (const ContainerPortSpec& p : c.ports) {
                ObjectValue pv;
                pv["containerPort"] = p.containerPort;
                if (!p.name.empty()) {
                    pv["name"] = p.name;
                }
                pv["protocol"] = p.protocol;
                ports.push_back(std::move(pv));
            }
            cv["ports"] = std::move(ports);
        }
        if (c.readinessProbe) {
            cv["readinessProbe"] = probe(*c.readinessProbe);
        }
        ObjectValue resources = ObjectValue::emptyMap();
        if (c.limits.cpu || c.limits.memory) {
            resources["limits"] = resourceList(c.limits);
        }
        if (c.requests.cpu || c.requests.memory) {
            resources["requests"] = resourceList(c.requests);
        }
        cv["resources"] = std::move(resources);
        if (c.startupProbe) {
            cv["startupProbe"] = probe(*c.startupProbe);
        }
        cv["terminationMessagePath"] = "/dev/termination-log";
        cv["terminationMessagePolicy"] = "File";
        containers.push_back(std::move(cv));
    }
    v["containers"] = std::move(containers);
    v["dnsPolicy"] = "ClusterFirst";
    v["enableServiceLinks"] = true;
    if (!nodeName.empty()) {
        v["nodeName"] = nodeName;
    }
    if (!spec.nodeSelector.empty()) {
        v["nodeSelector"] = labelMap(spec.nodeSelector);
    }
    v["preemptionPolicy"] = "PreemptLowerPriority";
    v["priority"] = 0;
    const std::string_view restart = !spec.restartPolicy                               ? "Always"
                                     : *spec.restartPolicy == RestartPolicy::OnFailure ? "OnFailure"
                                     : *spec.restartPolicy == RestartPolicy::Never     ? "Never"
                                                                                       : "Always";
    v["restartPolicy"] = restart;
    v["schedulerName"] =
        spec.schedulerName.empty() ? std::string(k8s::kDefaultSchedulerName) : spec.schedulerName;
    v["securityContext"] = ObjectValue::emptyMap();
    v["serviceAccount"] = "default";
    v["serviceAccountName"] = "default";
    v["terminationGracePeriodSeconds"] =
        spec.terminationGracePeriodSeconds.value_or(k8s::kDefaultTerminationGracePeriodSeconds);
    if (!spec.tolerations.empty()) {
        List tolerations;
        for (const Toleration& t : spec.tolerations) {
            ObjectValue tv;
            if (t.effect) {
                tv["effect"] = effectName(*t.effect);
            }
            if (!t.key.empty()) {
                tv["key"] = t.key;
            }
            tv["operator"] = t.op == TolerationOperator::Exists ? "Exists" : "Equal";
            if (t.tolerationSeconds) {
                tv["tolerationSeconds"] = *t.tolerationSeconds;
            }
            if (!t.value.empty()) {
                tv["value"] = t.value;
            }
            tolerations.push_back(std::move(tv));
        }
        v["tolerations"] = std::move(tolerations);
    }
    if (!spec.topologySpreadConstraints.empty()) {
        List constraints;
        for (const TopologySpreadConstraint& t : spec.topologySpreadConstraints) {
            ObjectValue tv;
            tv["labelSelector"] = labelSelector(t.labelSelector);
            tv["maxSkew"] = t.maxSkew;
            if (t.minDomains) {
                tv["minDomains"] = *t.minDomains;
            }
            tv["topologyKey"] = t.topologyKey;
            tv["whenUnsatisfiable"] =
                t.whenUnsatisfiable == UnsatisfiableConstraintAction::DoNotSchedule
                    ? "DoNotSchedule"
                    : "ScheduleAnyway";
            constraints.push_back(std::move(tv));
        }
        v["topologySpreadConstraints"] = std::move(constraints);
    }
    return v;
}

ObjectValue conditions(const std::vector<Condition>& conds, bool nodeStyle, bool deploymentStyle) {
    List list;
    for (const Condition& c : conds) {
        ObjectValue cv;
        if (nodeStyle) {
            cv["lastHeartbeatTime"] = formatTimestamp(c.lastUpdateTime);
        } else if (!deploymentStyle) {
            cv["lastProbeTime"] = ObjectValue();
        }
        cv["lastTransitionTime"] = formatTimestamp(c.lastTransitionTime);
        if (deploymentStyle) {
            cv["lastUpdateTime"] = formatTimestamp(c.lastUpdateTime);
        }
        if (!c.message.empty()) {
            cv["message"] = c.message;
        }
        if (!c.reason.empty()) {
            cv["reason"] = c.reason;
        }
        cv["status"] = conditionStatusName(c.status);
        cv["type"] = c.type;
        list.push_back(std::move(cv));
    }
    return list;
}

ObjectValue terminated(const ContainerStateTerminated& t) {
    ObjectValue v;
    v["exitCode"] = t.exitCode;
    v["finishedAt"] = formatTimestamp(t.finishedAt);
    if (!t.reason.empty()) {
        v["reason"] = t.reason;
    }
    v["startedAt"] = formatTimestamp(t.startedAt);
    return v;
}

// pkg/apis/core/helper/qos GetPodQOS, for the requests and limits cnsim models.
std::string qosClass(const PodSpec& spec) {
    bool any = false;
    bool guaranteed = true;
    for (const ContainerSpec& c : spec.containers) {
        any = any || c.requests.cpu || c.requests.memory || c.limits.cpu || c.limits.memory;
        const bool cpuEqual = c.limits.cpu && (!c.requests.cpu || *c.requests.cpu == *c.limits.cpu);
        const bool memEqual =
            c.limits.memory && (!c.requests.memory || *c.requests.memory == *c.limits.memory);
        guaranteed = guaranteed && cpuEqual && memEqual;
    }
    if (!any) {
        return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
}

} // namespace

std::string podQosClass(const PodSpec& spec) {
    return qosClass(spec);
}

ObjectValue encodeNode(const NodeObject& node) {
    ObjectValue v = header("v1", "Node");
    v["metadata"] = metadata(node.meta, false, false);
    ObjectValue spec = ObjectValue::emptyMap();
    if (!node.taints.empty()) {
        List taints;
        for (const Taint& t : node.taints) {
            ObjectValue tv;
            tv["effect"] = effectName(t.effect);
            tv["key"] = t.key;
            if (!t.value.empty()) {
                tv["value"] = t.value;
            }
            taints.push_back(std::move(tv));
        }
        spec["taints"] = std::move(taints);
    }
    if (node.unschedulable) {
        spec["unschedulable"] = true;
    }
    v["spec"] = std::move(spec);
    ObjectValue status;
    ObjectValue address;
    address["address"] = node.meta.name;
    address["type"] = "Hostname";
    status["addresses"] = List{address};
    status["allocatable"]["cpu"] = formatCpu(node.allocatableCpu);
    status["allocatable"]["memory"] = formatMemory(node.allocatableMemory);
    status["allocatable"]["pods"] = std::to_string(node.capacityPods);
    status["capacity"]["cpu"] = formatCpu(node.capacityCpu);
    status["capacity"]["memory"] = formatMemory(node.capacityMemory);
    status["capacity"]["pods"] = std::to_string(node.capacityPods);
    status["conditions"] = conditions(node.conditions, true, false);
    if (!node.images.empty()) {
        List images;
        for (const std::string& image : node.images) {
            ObjectValue iv;
            iv["names"] = List{ObjectValue(image)};
            images.push_back(std::move(iv));
        }
        status["images"] = std::move(images);
    }
    status["nodeInfo"]["architecture"] = "amd64";
    status["nodeInfo"]["kubeletVersion"] = "v" + std::string(k8s::kEmulatedVersion) + ".0";
    status["nodeInfo"]["operatingSystem"] = "linux";
    v["status"] = std::move(status);
    return v;
}

ObjectValue encodePod(const PodObject& pod) {
    ObjectValue v = header("v1", "Pod");
    v["metadata"] = metadata(pod.meta, true, false);
    v["spec"] = podSpec(pod.spec, pod.nodeName);
    ObjectValue status;
    if (!pod.conditions.empty()) {
        status["conditions"] = conditions(pod.conditions, false, false);
    }
    if (!pod.containerStatuses.empty()) {
        List statuses;
        for (const ContainerStatus& c : pod.containerStatuses) {
            ObjectValue cv;
            cv["image"] = c.image;
            cv["lastState"] = ObjectValue::emptyMap();
            if (c.lastTerminated) {
                cv["lastState"]["terminated"] = terminated(*c.lastTerminated);
            }
            cv["name"] = c.name;
            cv["ready"] = c.ready;
            cv["restartCount"] = c.restartCount;
            cv["started"] = c.started;
            ObjectValue state = ObjectValue::emptyMap();
            if (c.running) {
                state["running"]["startedAt"] = formatTimestamp(c.running->startedAt);
            } else if (c.terminated) {
                state["terminated"] = terminated(*c.terminated);
            } else if (c.waiting) {
                if (!c.waiting->message.empty()) {
                    state["waiting"]["message"] = c.waiting->message;
                }
                state["waiting"]["reason"] = c.waiting->reason;
            }
            cv["state"] = std::move(state);
            statuses.push_back(std::move(cv));
        }
        status["containerStatuses"] = std::move(statuses);
    }
    if (!pod.message.empty()) {
        status["message"] = pod.message;
    }
    status["phase"] = podPhaseK8sName(pod.phase);
    if (!pod.podIp.empty()) {
        status["podIP"] = pod.podIp;
        ObjectValue ip;
        ip["ip"] = pod.podIp;
        status["podIPs"] = List{ip};
    }
    status["qosClass"] = qosClass(pod.spec);
    if (!pod.reason.empty()) {
        status["reason"] = pod.reason;
    }
    if (pod.startTime) {
        status["startTime"] = formatTimestamp(*pod.startTime);
    }
    v["status"] = std::move(status);
    return v;
}

ObjectValue encodeReplicaSet(const ReplicaSetObject& rs) {
    ObjectValue v = header("apps/v1", "ReplicaSet");
    v["metadata"] = metadata(rs.meta, true, true);
    ObjectValue spec;
    spec["replicas"] = rs.replicas;
    if (rs.minReadySeconds > 0) {
        spec["minReadySeconds"] = rs.minReadySeconds;
    }
    spec["selector"] = labelSelector(rs.selector);
    ObjectValue templ;
    if (!rs.templateAnnotations.empty()) {
        templ["metadata"]["annotations"] = labelMap(rs.templateAnnotations);
    }
    templ["metadata"]["labels"] = labelMap(rs.templateLabels);
    templ["spec"] = podSpec(rs.templateSpec, {});
    spec["template"] = std::move(templ);
    v["spec"] = std::move(spec);
    ObjectValue status;
    if (rs.availableReplicas > 0) {
        status["availableReplicas"] = rs.availableReplicas;
    }
    status["fullyLabeledReplicas"] = rs.statusReplicas;
    status["observedGeneration"] = rs.observedGeneration;
    if (rs.readyReplicas > 0) {
        status["readyReplicas"] = rs.readyReplicas;
    }
    status["replicas"] = rs.statusReplicas;
    v["status"] = std::move(status);
    return v;
}

ObjectValue encodeDeployment(const DeploymentObject& d) {
    ObjectValue v = header("apps/v1", "Deployment");
    v["metadata"] = metadata(d.meta, true, true);
    const DeploymentSpec& s = d.spec;
    ObjectValue spec;
    if (s.minReadySeconds) {
        spec["minReadySeconds"] = *s.minReadySeconds;
    }
    spec["progressDeadlineSeconds"] =
        s.progressDeadlineSeconds.value_or(k8s::kDefaultProgressDeadlineSeconds);
    spec["replicas"] = s.replicas;
    spec["revisionHistoryLimit"] =
        s.revisionHistoryLimit.value_or(k8s::kDefaultRevisionHistoryLimit);
    spec["selector"]["matchLabels"] = labelMap(s.selector);
    const DeploymentStrategy strategy = s.strategy.value_or(DeploymentStrategy{});
    if (strategy.type == DeploymentStrategyType::Recreate) {
        spec["strategy"]["type"] = "Recreate";
    } else {
        spec["strategy"]["rollingUpdate"]["maxSurge"] =
            intOrPercent(strategy.maxSurge.value_or(k8s::kDefaultMaxSurge));
        spec["strategy"]["rollingUpdate"]["maxUnavailable"] =
            intOrPercent(strategy.maxUnavailable.value_or(k8s::kDefaultMaxUnavailable));
        spec["strategy"]["type"] = "RollingUpdate";
    }
    ObjectValue templ;
    if (!d.templateAnnotations.empty()) {
        templ["metadata"]["annotations"] = labelMap(d.templateAnnotations);
    }
    templ["metadata"]["labels"] = labelMap(s.podLabels);
    templ["spec"] = podSpec(s.podSpec, {});
    spec["template"] = std::move(templ);
    v["spec"] = std::move(spec);
    ObjectValue status;
    if (d.availableReplicas > 0) {
        status["availableReplicas"] = d.availableReplicas;
    }
    if (!d.conditions.empty()) {
        status["conditions"] = conditions(d.conditions, false, true);
    }
    status["observedGeneration"] = d.observedGeneration;
    if (d.readyReplicas > 0) {
        status["readyReplicas"] = d.readyReplicas;
    }
    if (d.statusReplicas > 0) {
        status["replicas"] = d.statusReplicas;
    }
    if (d.unavailableReplicas > 0) {
        status["unavailableReplicas"] = d.unavailableReplicas;
    }
    if (d.updatedReplicas > 0) {
        status["updatedReplicas"] = d.updatedReplicas;
    }
    v["status"] = std::move(status);
    return v;
}

} // namespace cnsim
