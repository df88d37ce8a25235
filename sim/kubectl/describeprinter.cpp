#include "kubectl/describeprinter.h"

#include "kubectl/eventformat.h"
#include "kubectl/objectencoder.h"
#include "kubectl/resourcetables.h"
#include "kubectl/tableprinter.h"
#include "model/simulation.h"
#include "scenario/quantity.h"

#include <algorithm>
#include <cctype>
#include <yaml-cpp/yaml.h>

namespace cnsim {

namespace {

// describe.go's PrefixWriter: each level indents by two spaces.
class PrefixWriter {
public:
    void write(int level, const std::string& text) {
        m_text.append(static_cast<std::size_t>(level) * 2, ' ');
        m_text += text;
    }
    // printLabelsMultiline / printAnnotationsMultiline: first entry on the title line, the
    // rest aligned under it.
    void labels(const std::string& title, const LabelMap& labels, const std::string& sep,
                const std::string& indent = {}) {
        write(0, indent + title + ":\t");
        if (labels.empty()) {
            m_text += "<none>\n";
            return;
        }
        bool first = true;
        for (const auto& [k, v] : labels) {
            if (!first) {
                write(0, "\t");
            }
            m_text += k + sep + v + "\n";
            first = false;
        }
    }
    std::string finish() const { return tabwrite(m_text, 0, 2); }
    const std::string& raw() const { return m_text; }

private:
    std::string m_text;
};

struct FoldedEvent {
    KubeEvent event;
    int count = 1;
    SimTime first;
};

void writeEvents(PrefixWriter& w, const Simulation& sim, std::string_view kind,
                 const std::string& name) {
    std::vector<FoldedEvent> folded;
    for (const KubeEvent& e : kubeEvents(sim.events(), sim.api())) {
        if (e.kind != kind || e.objectName != name) {
            continue;
        }
        auto it = std::find_if(folded.begin(), folded.end(), [&](const FoldedEvent& f) {
            return f.event.reason == e.reason && f.event.message == e.message &&
                   f.event.source == e.source && f.event.type == e.type;
        });
        if (it != folded.end()) {
            it->count += 1;
            it->event.time = e.time;
        } else {
            folded.push_back({e, 1, e.time});
        }
    }
    if (folded.empty()) {
        w.write(0, "Events:\t<none>\n");
        return;
    }
    std::stable_sort(folded.begin(), folded.end(), [](const FoldedEvent& a, const FoldedEvent& b) {
        return a.event.time < b.event.time;
    });
    w.write(0, "Events:\n");
    w.write(1, "Type\tReason\tAge\tFrom\tMessage\n");
    w.write(1, "----\t------\t----\t----\t-------\n");
    for (const FoldedEvent& f : folded) {
        std::string age = formatAge(sim.now(), f.first);
        if (f.count > 1) {
            age = formatAge(sim.now(), f.event.time) + " (x" + std::to_string(f.count) + " over " +
                  age + ")";
        }
        w.write(1, f.event.type + "\t" + f.event.reason + "\t" + age + "\t" + f.event.source +
                       "\t" + f.event.message + "\n");
    }
}

} // namespace

std::string describeEventsText(const Simulation& sim, std::string_view kind,
                               const std::string& name) {
    PrefixWriter w;
    writeEvents(w, sim, kind, name);
    return w.raw();
}

namespace {

std::string intOrPercentText(const IntOrPercent& v) {
    return std::to_string(v.value) + (v.isPercent ? "%" : "");
}

// describe.go describeProbe: the handler, then the timing with upstream's defaults.
std::string probeText(const Probe& p) {
    std::string handler = "unknown";
    if (!p.handler.empty()) {
        YAML::Node h;
        try {
            h = YAML::Load(p.handler.front().yaml);
        } catch (const YAML::Exception&) {
        }
        const auto field = [&](const char* key) {
            return h.IsMap() && h[key] ? h[key].as<std::string>() : std::string();
        };
        const std::string& kind = p.handler.front().path;
        if (kind == "httpGet") {
            std::string scheme = field("scheme");
            std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            handler = "http-get " + (scheme.empty() ? std::string("http") : scheme) + "://" +
                      field("host") + ":" + field("port") + field("path");
        } else if (kind == "tcpSocket") {
            handler = "tcp-socket " + field("host") + ":" + field("port");
        } else if (kind == "grpc") {
            handler = "grpc <pod>:" + field("port") + " " + field("service");
        } else if (kind == "exec") {
            std::string command;
            if (h.IsMap() && h["command"] && h["command"].IsSequence()) {
                for (const auto& part : h["command"]) {
                    command += (command.empty() ? "" : " ") + part.as<std::string>();
                }
            }
            handler = "exec [" + command + "]";
        }
    }
    return handler + " delay=" + std::to_string(p.initialDelaySeconds.value_or(0)) +
           "s timeout=" + std::to_string(p.timeoutSeconds.value_or(1)) +
           "s period=" + std::to_string(p.periodSeconds.value_or(10)) +
           "s #success=" + std::to_string(p.successThreshold.value_or(1)) +
           " #failure=" + std::to_string(p.failureThreshold.value_or(3));
}

void writeResources(PrefixWriter& w, int level, const std::string& title, const ResourceList& r) {
    if (!r.cpu && !r.memory) {
        return;
    }
    w.write(level, title + ":\n");
    if (r.cpu) {
        w.write(level + 1, "cpu:\t" + formatCpu(*r.cpu) + "\n");
    }
    if (r.memory) {
        w.write(level + 1, "memory:\t" + formatMemory(*r.memory) + "\n");
    }
}

void writeState(PrefixWriter& w, const std::string& title, const ContainerStatus* status,
                bool last) {
    if (last) {
        if (status == nullptr || !status->lastTerminated) {
            w.write(2, title + ":\t\n");
            return;
        }
        const ContainerStateTerminated& t = *status->lastTerminated;
        w.write(2, title + ":\tTerminated\n");
        w.write(3, "Reason:\t" + t.reason + "\n");
        w.write(3, "Exit Code:\t" + std::to_string(t.exitCode) + "\n");
        w.write(3, "Started:\t" + formatDescribeTime(t.startedAt) + "\n");
        w.write(3, "Finished:\t" + formatDescribeTime(t.finishedAt) + "\n");
        return;
    }
    if (status == nullptr) {
        w.write(2, title + ":\tWaiting\n");
        return;
    }
    if (status->running) {
        w.write(2, title + ":\tRunning\n");
        w.write(3, "Started:\t" + formatDescribeTime(status->running->startedAt) + "\n");
    } else if (status->terminated) {
        w.write(2, title + ":\tTerminated\n");
        w.write(3, "Reason:\t" + status->terminated->reason + "\n");
        w.write(3, "Exit Code:\t" + std::to_string(status->terminated->exitCode) + "\n");
    } else {
        w.write(2, title + ":\tWaiting\n");
        if (status->waiting) {
            w.write(3, "Reason:\t" + status->waiting->reason + "\n");
        }
    }
}

// describe.go describeContainers (and the pod template's containers, without status).
// `space` is "  " for a pod template (DescribePodTemplate), which indents the label and
// the container names but not the fields.
void writeContainers(PrefixWriter& w, const std::string& space, const PodSpec& spec,
                     const std::vector<ContainerStatus>* statuses) {
    w.write(0, space + "Containers:\n");
    for (const ContainerSpec& c : spec.containers) {
        const ContainerStatus* status = nullptr;
        if (statuses != nullptr) {
            for (const ContainerStatus& s : *statuses) {
                if (s.name == c.name) {
                    status = &s;
                }
            }
        }
        w.write(1, (space.empty() ? "" : " ") + c.name + ":\n");
        const int l = 2;
        w.write(l, "Image:\t" + c.image + "\n");
        if (c.ports.empty()) {
            w.write(l, "Port:\t<none>\n");
        } else {
            std::string ports;
            for (const ContainerPortSpec& p : c.ports) {
                ports += (ports.empty() ? "" : ", ") + std::to_string(p.containerPort) + "/" +
                         p.protocol;
            }
            w.write(l, "Port:\t" + ports + "\n");
            w.write(l, "Host Port:\t0/" + c.ports.front().protocol + "\n");
        }
        if (statuses != nullptr) {
            writeState(w, "State", status, false);
            writeState(w, "Last State", status, true);
            w.write(l, std::string("Ready:\t") +
                           (status != nullptr && status->ready ? "True" : "False") + "\n");
            w.write(l,
                    "Restart Count:\t" + std::to_string(status ? status->restartCount : 0) + "\n");
        }
        writeResources(w, l, "Limits", c.limits);
        writeResources(w, l, "Requests", c.requests);
        if (c.livenessProbe) {
            w.write(l, "Liveness:\t" + probeText(*c.livenessProbe) + "\n");
        }
        if (c.readinessProbe) {
            w.write(l, "Readiness:\t" + probeText(*c.readinessProbe) + "\n");
        }
        if (c.startupProbe) {
            w.write(l, "Startup:\t" + probeText(*c.startupProbe) + "\n");
        }
        w.write(l, "Environment:\t<none>\n");
        w.write(l, "Mounts:\t<none>\n");
    }
}

std::string tolerationText(const Toleration& t) {
    std::string s = t.key;
    if (!t.value.empty()) {
        s += "=" + t.value;
    }
    if (t.effect) {
        s += ":";
        s += *t.effect == TaintEffect::NoExecute          ? "NoExecute"
             : *t.effect == TaintEffect::PreferNoSchedule ? "PreferNoSchedule"
                                                          : "NoSchedule";
    }
    if (t.op == TolerationOperator::Exists && t.value.empty()) {
        s += " op=Exists";
    }
    if (t.tolerationSeconds) {
        s += " for " + std::to_string(*t.tolerationSeconds) + "s";
    }
    return s;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) {
        return "0%";
    }
    return std::to_string(static_cast<std::int64_t>(static_cast<double>(part) /
                                                    static_cast<double>(whole) * 100.0)) +
           "%";
}

const DeploymentObject* ownerDeployment(const Simulation& sim, const ReplicaSetObject& rs) {
    for (const OwnerReference& o : rs.meta.ownerReferences) {
        if (o.kind == "Deployment") {
            return sim.api().deployments().find(rs.meta.nameSpace, o.name);
        }
    }
    return nullptr;
}

} // namespace

std::string describePod(const Simulation& sim, const PodObject& pod) {
    PrefixWriter w;
    w.write(0, "Name:\t" + pod.meta.name + "\n");
    w.write(0, "Namespace:\t" + pod.meta.nameSpace + "\n");
    w.write(0, "Priority:\t0\n");
    w.write(0, "Service Account:\tdefault\n");
    w.write(0, "Node:\t" + (pod.nodeName.empty() ? std::string("<none>") : pod.nodeName) + "\n");
    if (pod.startTime) {
        w.write(0, "Start Time:\t" + formatDescribeTime(*pod.startTime) + "\n");
    }
    w.labels("Labels", pod.meta.labels, "=");
    w.labels("Annotations", pod.meta.annotations, ": ");
    if (pod.meta.deletionTimestamp) {
        w.write(0, "Status:\tTerminating (lasts " +
                       formatAge(sim.now(), *pod.meta.deletionTimestamp) + ")\n");
        w.write(0, "Termination Grace Period:\t" +
                       std::to_string(pod.spec.terminationGracePeriodSeconds.value_or(30)) + "s\n");
    } else {
        w.write(0, "Status:\t" + std::string(podPhaseK8sName(pod.phase)) + "\n");
    }
    if (!pod.reason.empty()) {
        w.write(0, "Reason:\t" + pod.reason + "\n");
    }
    if (!pod.message.empty()) {
        w.write(0, "Message:\t" + pod.message + "\n");
    }
    w.write(0, "IP:\t" + pod.podIp + "\n");
    w.write(0, "IPs:");
    if (pod.podIp.empty()) {
        w.write(0, "\t<none>\n");
    } else {
        w.write(0, "\n");
        w.write(1, "IP:\t" + pod.podIp + "\n");
    }
    for (const OwnerReference& o : pod.meta.ownerReferences) {
        w.write(0, "Controlled By:\t" + o.kind + "/" + o.name + "\n");
    }
    writeContainers(w, {}, pod.spec, &pod.containerStatuses);
    if (pod.conditions.empty()) {
        w.write(0, "Conditions:\t<none>\n");
    } else {
        w.write(0, "Conditions:\n");
        w.write(1, "Type\tStatus\n");
        for (const Condition& c : pod.conditions) {
            w.write(1, c.type + " \t" + std::string(conditionStatusName(c.status)) + " \n");
        }
    }
    w.write(0, "Volumes:\t<none>\n");
    w.write(0, "QoS Class:\t" + podQosClass(pod.spec) + "\n");
    w.labels("Node-Selectors", pod.spec.nodeSelector, "=");
    w.write(0, "Tolerations:\t");
    if (pod.spec.tolerations.empty()) {
        w.write(0, "<none>\n");
    }
    for (std::size_t i = 0; i < pod.spec.tolerations.size(); ++i) {
        if (i > 0) {
            w.write(0, "\t");
        }
        w.write(0, tolerationText(pod.spec.tolerations[i]) + "\n");
    }
    writeEvents(w, sim, "Pod", pod.meta.name);
    return w.finish();
}

std::string describeNode(const Simulation& sim, const NodeObject& node) {
    PrefixWriter w;
    w.write(0, "Name:\t" + node.meta.name + "\n");
    w.write(0, "Roles:\t" + nodeRoles(node) + "\n");
    w.labels("Labels", node.meta.labels, "=");
    w.labels("Annotations", node.meta.annotations, ": ");
    w.write(0, "CreationTimestamp:\t" + formatDescribeTime(node.meta.creationTimestamp) + "\n");
    w.write(0, "Taints:\t");
    if (node.taints.empty()) {
        w.write(0, "<none>\n");
    }
    for (std::size_t i = 0; i < node.taints.size(); ++i) {
        const Taint& t = node.taints[i];
        if (i > 0) {
            w.write(0, "\t");
        }
        const std::string effect = t.effect == TaintEffect::NoExecute          ? "NoExecute"
                                   : t.effect == TaintEffect::PreferNoSchedule ? "PreferNoSchedule"
                                                                               : "NoSchedule";
        w.write(0, t.key + (t.value.empty() ? "" : "=" + t.value) + ":" + effect + "\n");
    }
    w.write(0, std::string("Unschedulable:\t") + (node.unschedulable ? "true" : "false") + "\n");
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const Condition& c : node.conditions) {
        w.write(1, c.type + " \t" + std::string(conditionStatusName(c.status)) + " \t" +
                       formatDescribeTime(c.lastUpdateTime) + " \t" +
                       formatDescribeTime(c.lastTransitionTime) + " \t" + c.reason + " \t" +
                       c.message + "\n");
    }
    w.write(0, "Capacity:\n");
    w.write(1, "cpu:\t" + formatCpu(node.capacityCpu) + "\n");
    w.write(1, "memory:\t" + formatMemory(node.capacityMemory) + "\n");
    w.write(1, "pods:\t" + std::to_string(node.capacityPods) + "\n");
    w.write(0, "Allocatable:\n");
    w.write(1, "cpu:\t" + formatCpu(node.allocatableCpu) + "\n");
    w.write(1, "memory:\t" + formatMemory(node.allocatableMemory) + "\n");
    w.write(1, "pods:\t" + std::to_string(node.capacityPods) + "\n");
    w.write(0, "System Info:\n");
    w.write(1, "Operating System:\tlinux\n");
    w.write(1, "Architecture:\tamd64\n");
    w.write(1, "Kubelet Version:\t" + kubeletVersion() + "\n");
    std::vector<const PodObject*> pods;
    for (const auto& [key, pod] : sim.api().pods()) {
        if (pod.nodeName == node.meta.name && pod.phase != PodPhaseK8s::Succeeded &&
            pod.phase != PodPhaseK8s::Failed) {
            pods.push_back(&pod);
        }
    }
    w.write(0, "Non-terminated Pods:\t(" + std::to_string(pods.size()) + " in total)\n");
    w.write(1, "Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(1, "---------\t----\t------------\t----------\t---------------\t-------------\t---\n");
    CpuMillis cpuReq, cpuLim;
    Bytes memReq, memLim;
    const std::int64_t cpuAlloc = node.allocatableCpu.value;
    const std::int64_t memAlloc = node.allocatableMemory.value;
    for (const PodObject* pod : pods) {
        CpuMillis pr, pl;
        Bytes mr, ml;
        for (const ContainerSpec& c : pod->spec.containers) {
            pr += c.requests.cpu.value_or(CpuMillis{});
            pl += c.limits.cpu.value_or(CpuMillis{});
            mr += c.requests.memory.value_or(Bytes{});
            ml += c.limits.memory.value_or(Bytes{});
        }
        cpuReq += pr;
        cpuLim += pl;
        memReq += mr;
        memLim += ml;
        w.write(1, pod->meta.nameSpace + "\t" + pod->meta.name + "\t" + formatCpu(pr) + " (" +
                       percent(pr.value, cpuAlloc) + ")\t" + formatCpu(pl) + " (" +
                       percent(pl.value, cpuAlloc) + ")\t" + formatMemory(mr) + " (" +
                       percent(mr.value, memAlloc) + ")\t" + formatMemory(ml) + " (" +
                       percent(ml.value, memAlloc) + ")\t" +
                       formatAge(sim.now(), pod->meta.creationTimestamp) + "\n");
    }
    w.write(0, "Allocated resources:\n");
    w.write(1, "(Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(1, "Resource\tRequests\tLimits\n");
    w.write(1, "--------\t--------\t------\n");
    w.write(1, "cpu\t" + formatCpu(cpuReq) + " (" + percent(cpuReq.value, cpuAlloc) + ")\t" +
                   formatCpu(cpuLim) + " (" + percent(cpuLim.value, cpuAlloc) + ")\n");
    w.write(1, "memory\t" + formatMemory(memReq) + " (" + percent(memReq.value, memAlloc) + ")\t" +
                   formatMemory(memLim) + " (" + percent(memLim.value, memAlloc) + ")\n");
    writeEvents(w, sim, "Node", node.meta.name);
    return w.finish();
}

std::string describeDeployment(const Simulation& sim, const DeploymentObject& d) {
    PrefixWriter w;
    w.write(0, "Name:\t" + d.meta.name + "\n");
    w.write(0, "Namespace:\t" + d.meta.nameSpace + "\n");
    w.write(0, "CreationTimestamp:\t" + formatDescribeTime(d.meta.creationTimestamp) + "\n");
    w.labels("Labels", d.meta.labels, "=");
    w.labels("Annotations", d.meta.annotations, ": ");
    LabelSelector selector;
    selector.matchLabels = d.spec.selector;
    w.write(0, "Selector:\t" + formatSelector(selector) + "\n");
    w.write(0, "Replicas:\t" + std::to_string(d.spec.replicas) + " desired | " +
                   std::to_string(d.updatedReplicas) + " updated | " +
                   std::to_string(d.statusReplicas) + " total | " +
                   std::to_string(d.availableReplicas) + " available | " +
                   std::to_string(d.unavailableReplicas) + " unavailable\n");
    const DeploymentStrategy strategy = d.spec.strategy.value_or(DeploymentStrategy{});
    const bool rolling = strategy.type == DeploymentStrategyType::RollingUpdate;
    w.write(0, std::string("StrategyType:\t") + (rolling ? "RollingUpdate" : "Recreate") + "\n");
    w.write(0, "MinReadySeconds:\t" + std::to_string(d.spec.minReadySeconds.value_or(0)) + "\n");
    if (rolling) {
        w.write(0, "RollingUpdateStrategy:\t" +
                       intOrPercentText(strategy.maxUnavailable.value_or(IntOrPercent{25, true})) +
                       " max unavailable, " +
                       intOrPercentText(strategy.maxSurge.value_or(IntOrPercent{25, true})) +
                       " max surge\n");
    }
    w.write(0, "Pod Template:\n");
    w.labels("Labels", d.spec.podLabels, "=", "  ");
    writeContainers(w, "  ", d.spec.podSpec, nullptr);
    if (!d.conditions.empty()) {
        w.write(0, "Conditions:\n");
        w.write(1, "Type\tStatus\tReason\n");
        w.write(1, "----\t------\t------\n");
        for (const Condition& c : d.conditions) {
            w.write(1, c.type + " \t" + std::string(conditionStatusName(c.status)) + "\t" +
                           c.reason + "\n");
        }
    }
    // The new ReplicaSet is the one with the highest revision; the others with pods are old.
    const ReplicaSetObject* newest = nullptr;
    std::vector<const ReplicaSetObject*> old;
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        if (ownerDeployment(sim, rs) != &d) {
            continue;
        }
        if (newest == nullptr || replicaSetRevision(rs) > replicaSetRevision(*newest)) {
            if (newest != nullptr) {
                old.push_back(newest);
            }
            newest = &rs;
        } else {
            old.push_back(&rs);
        }
    }
    const auto rsText = [](const ReplicaSetObject& rs) {
        return rs.meta.name + " (" + std::to_string(rs.statusReplicas) + "/" +
               std::to_string(rs.replicas) + " replicas created)";
    };
    std::string oldText;
    for (const ReplicaSetObject* rs : old) {
        if (rs->replicas > 0 || rs->statusReplicas > 0) {
            oldText += (oldText.empty() ? "" : ", ") + rsText(*rs);
        }
    }
    w.write(0, "OldReplicaSets:\t" + (oldText.empty() ? std::string("<none>") : oldText) + "\n");
    w.write(0, "NewReplicaSet:\t" + (newest ? rsText(*newest) : std::string("<none>")) + "\n");
    writeEvents(w, sim, "Deployment", d.meta.name);
    return w.finish();
}

std::string describeReplicaSet(const Simulation& sim, const ReplicaSetObject& rs) {
    PrefixWriter w;
    w.write(0, "Name:\t" + rs.meta.name + "\n");
    w.write(0, "Namespace:\t" + rs.meta.nameSpace + "\n");
    w.write(0, "Selector:\t" + formatSelector(rs.selector) + "\n");
    w.labels("Labels", rs.meta.labels, "=");
    w.labels("Annotations", rs.meta.annotations, ": ");
    for (const OwnerReference& o : rs.meta.ownerReferences) {
        w.write(0, "Controlled By:\t" + o.kind + "/" + o.name + "\n");
    }
    w.write(0, "Replicas:\t" + std::to_string(rs.statusReplicas) + " current / " +
                   std::to_string(rs.replicas) + " desired\n");
    int running = 0, waiting = 0, failed = 0;
    for (const auto& [key, pod] : sim.api().pods()) {
        for (const OwnerReference& o : pod.meta.ownerReferences) {
            if (o.kind == "ReplicaSet" && o.name == rs.meta.name) {
                running += pod.phase == PodPhaseK8s::Running ? 1 : 0;
                waiting += pod.phase == PodPhaseK8s::Pending ? 1 : 0;
                failed += pod.phase == PodPhaseK8s::Failed ? 1 : 0;
            }
        }
    }
    w.write(0, "Pods Status:\t" + std::to_string(running) + " Running / " +
                   std::to_string(waiting) + " Waiting / 0 Succeeded / " + std::to_string(failed) +
                   " Failed\n");
    w.write(0, "Pod Template:\n");
    w.labels("Labels", rs.templateLabels, "=", "  ");
    writeContainers(w, "  ", rs.templateSpec, nullptr);
    writeEvents(w, sim, "ReplicaSet", rs.meta.name);
    return w.finish();
}

std::string describeService(const Simulation& sim, const ServiceObject& service) {
    PrefixWriter w;
    w.write(0, "Name:\t" + service.meta.name + "\n");
    w.write(0, "Namespace:\t" + service.meta.nameSpace + "\n");
    w.labels("Labels", service.meta.labels, "=");
    w.labels("Annotations", service.meta.annotations, ": ");
    LabelSelector selector;
    selector.matchLabels = service.spec.selector;
    w.write(0, "Selector:\t" + formatSelector(selector) + "\n");
    w.write(0, "Type:\tClusterIP\n");
    w.write(0, "IP Family Policy:\tSingleStack\n");
    w.write(0, "IP Families:\tIPv4\n");
    w.write(0, "IP:\t" + service.clusterIp + "\n");
    w.write(0, "IPs:\t" + service.clusterIp + "\n");
    const EndpointsObject* ep =
        sim.api().endpoints().find(service.meta.nameSpace, service.meta.name);
    for (const ServicePortSpec& p : service.spec.ports) {
        const std::string name = p.name.empty() ? "<unset>" : p.name;
        w.write(0, "Port:\t" + name + "\t" + std::to_string(p.port) + "/" + p.protocol + "\n");
        const std::string target =
            p.targetPortName.empty() ? std::to_string(p.targetPort) : p.targetPortName;
        w.write(0, "TargetPort:\t" + target + "/" + p.protocol + "\n");
        std::string list;
        if (ep != nullptr) {
            for (const EndpointAddress& a : sortedAddresses(ep->ready)) {
                list += (list.empty() ? "" : ",") + a.ip + ":" + std::to_string(p.targetPort);
            }
        }
        w.write(0, "Endpoints:\t" + list + "\n");
    }
    w.write(0, "Session Affinity:\tNone\n");
    w.write(0, "Internal Traffic Policy:\tCluster\n");
    writeEvents(w, sim, "Service", service.meta.name);
    return w.finish();
}

} // namespace cnsim
