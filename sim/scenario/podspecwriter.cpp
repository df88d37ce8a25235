#include "scenario/podspecwriter.h"

#include "scenario/quantity.h"
#include "scenario/scenarioenums.h"

namespace cnsim {

namespace {

constexpr const char* kRequired = "requiredDuringSchedulingIgnoredDuringExecution";
constexpr const char* kPreferred = "preferredDuringSchedulingIgnoredDuringExecution";

std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

void writeRequirements(YamlWriter& w, const std::vector<SelectorRequirement>& requirements,
                       const std::string& path) {
    if (requirements.empty()) {
        return;
    }
    w.key("matchExpressions");
    w.beginSeq();
    for (std::size_t i = 0; i < requirements.size(); ++i) {
        const SelectorRequirement& requirement = requirements[i];
        w.beginMap();
        w.field("key", requirement.key);
        w.field("operator", enumName(requirement.op));
        if (!requirement.values.empty()) {
            w.key("values");
            w.beginSeq();
            for (const std::string& value : requirement.values) {
                w.text(value);
            }
            w.endSeq();
        }
        w.preserved(item(path + ".matchExpressions", i));
        w.endMap();
    }
    w.endSeq();
}

void writeNodeSelectorTerm(YamlWriter& w, const NodeSelectorTerm& term, const std::string& path) {
    w.beginMap();
    writeRequirements(w, term.matchExpressions, path);
    w.preserved(path);
    w.endMap();
}

void writeNodeAffinity(YamlWriter& w, const NodeAffinity& affinity, const std::string& path) {
    w.key("nodeAffinity");
    w.beginMap();
    const std::string requiredPath = path + "." + kRequired;
    if (!affinity.required.empty() || w.hasPreservedUnder(requiredPath)) {
        w.key(kRequired);
        w.beginMap();
        w.key("nodeSelectorTerms");
        w.beginSeq();
        for (std::size_t i = 0; i < affinity.required.size(); ++i) {
            writeNodeSelectorTerm(w, affinity.required[i],
                                  item(requiredPath + ".nodeSelectorTerms", i));
        }
        w.endSeq();
        w.preserved(requiredPath);
        w.endMap();
    }
    if (!affinity.preferred.empty()) {
        w.key(kPreferred);
        w.beginSeq();
        for (std::size_t i = 0; i < affinity.preferred.size(); ++i) {
            const std::string termPath = item(path + "." + kPreferred, i);
            w.beginMap();
            w.integer("weight", affinity.preferred[i].weight);
            w.key("preference");
            writeNodeSelectorTerm(w, affinity.preferred[i].preference, termPath + ".preference");
            w.preserved(termPath);
            w.endMap();
        }
        w.endSeq();
    }
    w.preserved(path);
    w.endMap();
}

void writePodAffinityTerm(YamlWriter& w, const PodAffinityTerm& term, const std::string& path) {
    w.beginMap();
    writeLabelSelector(w, "labelSelector", term.labelSelector, path + ".labelSelector");
    w.field("topologyKey", term.topologyKey);
    w.preserved(path);
    w.endMap();
}

void writePodAffinity(YamlWriter& w, const char* name, const PodAffinityRules& rules,
                      const std::string& path) {
    w.key(name);
    w.beginMap();
    if (!rules.required.empty()) {
        w.key(kRequired);
        w.beginSeq();
        for (std::size_t i = 0; i < rules.required.size(); ++i) {
            writePodAffinityTerm(w, rules.required[i], item(path + "." + kRequired, i));
        }
        w.endSeq();
    }
    if (!rules.preferred.empty()) {
        w.key(kPreferred);
        w.beginSeq();
        for (std::size_t i = 0; i < rules.preferred.size(); ++i) {
            const std::string termPath = item(path + "." + kPreferred, i);
            w.beginMap();
            w.integer("weight", rules.preferred[i].weight);
            w.key("podAffinityTerm");
            writePodAffinityTerm(w, rules.preferred[i].podAffinityTerm,
                                 termPath + ".podAffinityTerm");
            w.preserved(termPath);
            w.endMap();
        }
        w.endSeq();
    }
    w.preserved(path);
    w.endMap();
}

void writeAffinity(YamlWriter& w, const Affinity& affinity, const std::string& path) {
    w.key("affinity");
    w.beginMap();
    if (affinity.nodeAffinity) {
        writeNodeAffinity(w, *affinity.nodeAffinity, path + ".nodeAffinity");
    }
    if (affinity.podAffinity) {
        writePodAffinity(w, "podAffinity", *affinity.podAffinity, path + ".podAffinity");
    }
    if (affinity.podAntiAffinity) {
        writePodAffinity(w, "podAntiAffinity", *affinity.podAntiAffinity,
                         path + ".podAntiAffinity");
    }
    w.preserved(path);
    w.endMap();
}

void writeTolerations(YamlWriter& w, const std::vector<Toleration>& tolerations,
                      const std::string& path) {
    w.key("tolerations");
    w.beginSeq();
    for (std::size_t i = 0; i < tolerations.size(); ++i) {
        const Toleration& toleration = tolerations[i];
        w.beginMap();
        if (!toleration.key.empty()) {
            w.field("key", toleration.key);
        }
        w.field("operator", enumName(toleration.op));
        if (!toleration.value.empty()) {
            w.field("value", toleration.value);
        }
        if (toleration.effect) {
            w.field("effect", enumName(*toleration.effect));
        }
        if (toleration.tolerationSeconds) {
            w.integer("tolerationSeconds", *toleration.tolerationSeconds);
        }
        w.preserved(item(path, i));
        w.endMap();
    }
    w.endSeq();
}

void writeSpreadConstraints(YamlWriter& w, const std::vector<TopologySpreadConstraint>& list,
                            const std::string& path) {
    w.key("topologySpreadConstraints");
    w.beginSeq();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const TopologySpreadConstraint& constraint = list[i];
        w.beginMap();
        w.integer("maxSkew", constraint.maxSkew);
        w.field("topologyKey", constraint.topologyKey);
        w.field("whenUnsatisfiable", enumName(constraint.whenUnsatisfiable));
        writeLabelSelector(w, "labelSelector", constraint.labelSelector,
                           item(path, i) + ".labelSelector");
        if (constraint.minDomains) {
            w.integer("minDomains", *constraint.minDomains);
        }
        w.preserved(item(path, i));
        w.endMap();
    }
    w.endSeq();
}

void writeProbe(YamlWriter& w, const char* name, const Probe& probe, const std::string& path) {
    w.key(name);
    w.beginMap();
    // The handler first, as the Kubernetes documentation writes probes.
    for (const PreservedField& handler : probe.handler) {
        w.verbatim(handler.path, handler.yaml);
    }
    w.optionalInteger("initialDelaySeconds", probe.initialDelaySeconds);
    w.optionalInteger("periodSeconds", probe.periodSeconds);
    w.optionalInteger("timeoutSeconds", probe.timeoutSeconds);
    w.optionalInteger("successThreshold", probe.successThreshold);
    w.optionalInteger("failureThreshold", probe.failureThreshold);
    w.preserved(path);
    w.endMap();
}

void writeResourceList(YamlWriter& w, const char* name, const ResourceList& list,
                       const std::string& path) {
    if (!list.cpu && !list.memory && !w.hasPreservedUnder(path)) {
        return;
    }
    w.key(name);
    w.beginMap();
    if (list.cpu) {
        w.field("cpu", formatCpu(*list.cpu));
    }
    if (list.memory) {
        w.field("memory", formatMemory(*list.memory));
    }
    w.preserved(path);
    w.endMap();
}

void writeResources(YamlWriter& w, const ContainerSpec& container, const std::string& path) {
    const bool any = container.requests.cpu || container.requests.memory || container.limits.cpu ||
                     container.limits.memory;
    if (!any && !w.hasPreservedUnder(path)) {
        return;
    }
    w.key("resources");
    w.beginMap();
    writeResourceList(w, "requests", container.requests, path + ".requests");
    writeResourceList(w, "limits", container.limits, path + ".limits");
    w.preserved(path);
    w.endMap();
}

void writeContainer(YamlWriter& w, const ContainerSpec& container, const std::string& path) {
    w.beginMap();
    w.field("name", container.name);
    w.field("image", container.image);
    if (container.imagePullPolicy) {
        w.field("imagePullPolicy", enumName(*container.imagePullPolicy));
    }
    if (!container.ports.empty()) {
        w.key("ports");
        w.beginSeq();
        for (std::size_t i = 0; i < container.ports.size(); ++i) {
            const ContainerPortSpec& port = container.ports[i];
            w.beginMap();
            w.integer("containerPort", port.containerPort);
            if (!port.name.empty()) {
                w.field("name", port.name);
            }
            if (port.protocol != "TCP") {
                w.field("protocol", port.protocol);
            }
            w.preserved(item(path + ".ports", i));
            w.endMap();
        }
        w.endSeq();
    }
    writeResources(w, container, path + ".resources");
    if (container.readinessProbe) {
        writeProbe(w, "readinessProbe", *container.readinessProbe, path + ".readinessProbe");
    }
    if (container.livenessProbe) {
        writeProbe(w, "livenessProbe", *container.livenessProbe, path + ".livenessProbe");
    }
    if (container.startupProbe) {
        writeProbe(w, "startupProbe", *container.startupProbe, path + ".startupProbe");
    }
    w.preserved(path);
    w.endMap();
}

} // namespace

void writeLabelSelector(YamlWriter& w, const char* name, const LabelSelector& selector,
                        const std::string& path) {
    w.key(name);
    w.beginMap();
    if (!selector.matchLabels.empty()) {
        w.labels("matchLabels", selector.matchLabels);
    }
    writeRequirements(w, selector.matchExpressions, path);
    w.preserved(path);
    w.endMap();
}

void writePodSpec(YamlWriter& w, const PodSpec& spec, const std::string& path) {
    w.beginMap();
    if (!spec.schedulerName.empty()) {
        w.field("schedulerName", spec.schedulerName);
    }
    if (!spec.nodeSelector.empty()) {
        w.labels("nodeSelector", spec.nodeSelector);
    }
    if (spec.affinity) {
        writeAffinity(w, *spec.affinity, path + ".affinity");
    }
    if (!spec.tolerations.empty()) {
        writeTolerations(w, spec.tolerations, path + ".tolerations");
    }
    if (!spec.topologySpreadConstraints.empty()) {
        writeSpreadConstraints(w, spec.topologySpreadConstraints,
                               path + ".topologySpreadConstraints");
    }
    if (spec.terminationGracePeriodSeconds) {
        w.integer("terminationGracePeriodSeconds", *spec.terminationGracePeriodSeconds);
    }
    if (spec.restartPolicy) {
        w.field("restartPolicy", enumName(*spec.restartPolicy));
    }
    w.key("containers");
    w.beginSeq();
    for (std::size_t i = 0; i < spec.containers.size(); ++i) {
        writeContainer(w, spec.containers[i], item(path + ".containers", i));
    }
    w.endSeq();
    w.preserved(path);
    w.endMap();
}

} // namespace cnsim
