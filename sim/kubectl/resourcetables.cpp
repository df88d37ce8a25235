#include "kubectl/resourcetables.h"

#include "control/kubernetesdefaults.h"
#include "kubectl/eventformat.h"
#include "kubectl/objectencoder.h"
#include "model/simulation.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

namespace {

// A row builder that adds the NAMESPACE and LABELS columns -A and --show-labels ask for.
class TableBuilder {
public:
    TableBuilder(const TableOptions& options, std::vector<std::string> headers,
                 std::vector<std::string> wideHeaders = {})
        : m_options(options) {
        if (options.withNamespace) {
            m_table.headers.push_back("NAMESPACE");
        }
        append(m_table.headers, std::move(headers), std::move(wideHeaders));
        if (options.showLabels) {
            m_table.headers.push_back("LABELS");
        }
    }

    void add(const ObjectMeta& meta, std::vector<std::string> cells,
             std::vector<std::string> wideCells = {}) {
        std::vector<std::string> row;
        if (m_options.withNamespace) {
            row.push_back(meta.nameSpace);
        }
        append(row, std::move(cells), std::move(wideCells));
        if (m_options.showLabels) {
            row.push_back(formatLabels(meta.labels));
        }
        m_table.rows.push_back(std::move(row));
    }

    Table take() { return std::move(m_table); }

private:
    void append(std::vector<std::string>& out, std::vector<std::string> cells,
                std::vector<std::string> wide) const {
        out.insert(out.end(), cells.begin(), cells.end());
        if (m_options.wide) {
            out.insert(out.end(), wide.begin(), wide.end());
        }
    }

    TableOptions m_options;
    Table m_table;
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string joinContainers(const PodSpec& spec, bool images) {
    std::string out;
    for (const ContainerSpec& c : spec.containers) {
        out += out.empty() ? "" : ",";
        out += images ? c.image : c.name;
    }
    return out;
}

template <class T, class F>
std::vector<std::string> namesOf(const ObjectTable<T>& table, const std::string& nameSpace,
                                 F metaOf) {
    std::vector<std::string> names;
    for (const auto& [key, object] : table) {
        const ObjectMeta& meta = metaOf(object);
        if (nameSpace.empty() || meta.nameSpace == nameSpace) {
            names.push_back(meta.name);
        }
    }
    return names;
}

template <class T, class Encode>
std::vector<ObjectValue> objectsOf(const ObjectTable<T>& table, const ObjectFilter& filter,
                                   bool namespaced, Encode encode) {
    std::vector<ObjectValue> out;
    for (const auto& [key, object] : table) {
        if (filter.matches(object.meta, namespaced)) {
            out.push_back(encode(object));
        }
    }
    return out;
}

struct NamedEvent {
    KubeEvent event;
    std::string name;
};

// Events live in "default" in cnsim (Node events do on a real cluster too).
std::vector<NamedEvent> filteredEvents(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<NamedEvent> out;
    if (!filter.nameSpace.empty() && filter.nameSpace != "default") {
        return out;
    }
    std::size_t index = 0;
    for (KubeEvent& e : kubeEvents(sim.events(), sim.api())) {
        std::string name = eventObjectName(e, index++);
        if (filter.names.empty() ||
            std::find(filter.names.begin(), filter.names.end(), name) != filter.names.end()) {
            out.push_back({std::move(e), std::move(name)});
        }
    }
    return out;
}

} // namespace

std::string formatLabels(const LabelMap& labels) {
    if (labels.empty()) {
        return "<none>";
    }
    std::string out;
    for (const auto& [k, v] : labels) {
        out += (out.empty() ? "" : ",") + k + "=" + v;
    }
    return out;
}

std::string formatSelector(const LabelSelector& selector) {
    std::vector<std::string> parts;
    for (const auto& [k, v] : selector.matchLabels) {
        parts.push_back(k + "=" + v);
    }
    for (const SelectorRequirement& r : selector.matchExpressions) {
        std::string values;
        for (const std::string& v : r.values) {
            values += (values.empty() ? "" : ",") + v;
        }
        switch (r.op) {
        case SelectorOperator::In:
            parts.push_back(r.key + " in (" + values + ")");
            break;
        case SelectorOperator::NotIn:
            parts.push_back(r.key + " notin (" + values + ")");
            break;
        case SelectorOperator::Exists:
            parts.push_back(r.key);
            break;
        case SelectorOperator::DoesNotExist:
            parts.push_back("!" + r.key);
            break;
        default:
            break;
        }
    }
    // labels.Selector String() sorts requirements by key.
    std::sort(parts.begin(), parts.end(), [](const std::string& a, const std::string& b) {
        const auto key = [](const std::string& s) {
            return s.substr(s.front() == '!' ? 1 : 0,
                            s.find_first_of("= ") - (s.front() == '!' ? 1 : 0));
        };
        return key(a) < key(b);
    });
    std::string out;
    for (const std::string& p : parts) {
        out += (out.empty() ? "" : ",") + p;
    }
    return out.empty() ? "<none>" : out;
}

std::string podReadyText(const PodObject& pod) {
    int ready = 0;
    for (const ContainerStatus& c : pod.containerStatuses) {
        ready += c.ready ? 1 : 0;
    }
    return std::to_string(ready) + "/" + std::to_string(pod.spec.containers.size());
}

std::string podRestartsText(const PodObject& pod, SimTime now) {
    const int restarts = podRestarts(pod);
    std::optional<SimTime> last;
    for (const ContainerStatus& c : pod.containerStatuses) {
        if (c.lastTerminated && (!last || c.lastTerminated->finishedAt > *last)) {
            last = c.lastTerminated->finishedAt;
        }
    }
    // printers.go printPod: "%d (%s ago)" with the latest lastState.terminated.finishedAt.
    if (restarts > 0 && last) {
        return std::to_string(restarts) + " (" + formatAge(now, *last) + " ago)";
    }
    return std::to_string(restarts);
}

std::string nodeStatusText(const NodeObject& node) {
    std::string status = "Unknown";
    if (const Condition* ready = findCondition(node.conditions, "Ready")) {
        status = ready->status == ConditionStatus::True ? "Ready" : "NotReady";
    }
    if (node.unschedulable) {
        status += ",SchedulingDisabled";
    }
    return status;
}

std::string nodeRoles(const NodeObject& node) {
    constexpr std::string_view prefix = "node-role.kubernetes.io/";
    std::string roles;
    for (const auto& [k, v] : node.meta.labels) {
        if (k.starts_with(prefix) && k.size() > prefix.size()) {
            roles += (roles.empty() ? "" : ",") + k.substr(prefix.size());
        } else if (k == "kubernetes.io/role" && !v.empty()) {
            roles += (roles.empty() ? "" : ",") + v;
        }
    }
    return roles.empty() ? "<none>" : roles;
}

std::vector<EndpointAddress> sortedAddresses(std::vector<EndpointAddress> addresses) {
    // pkg/api/v1/endpoints SortSubsets: addresses by IP (byte order), then pod.
    std::sort(addresses.begin(), addresses.end(),
              [](const EndpointAddress& a, const EndpointAddress& b) {
                  return a.ip != b.ip ? a.ip < b.ip : a.podName < b.podName;
              });
    return addresses;
}

std::string kubeletVersion() {
    return "v" + std::string(k8s::kEmulatedVersion) + ".0";
}

// ---- tables ----

Table podTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    TableBuilder b(options, {"NAME", "READY", "STATUS", "RESTARTS", "AGE"},
                   {"IP", "NODE", "NOMINATED NODE", "READINESS GATES"});
    for (const auto& [key, pod] : sim.api().pods()) {
        if (!filter.matches(pod.meta, true)) {
            continue;
        }
        b.add(pod.meta,
              {pod.meta.name, podReadyText(pod), podDisplayStatus(pod),
               podRestartsText(pod, sim.now()), formatAge(sim.now(), pod.meta.creationTimestamp)},
              {pod.podIp.empty() ? "<none>" : pod.podIp,
               pod.nodeName.empty() ? "<none>" : pod.nodeName, "<none>", "<none>"});
    }
    return b.take();
}

Table nodeTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    TableBuilder b(
        options, {"NAME", "STATUS", "ROLES", "AGE", "VERSION"},
        {"INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"});
    for (const auto& [key, node] : sim.api().nodes()) {
        if (!filter.matches(node.meta, false)) {
            continue;
        }
        // cnsim nodes have no addresses or OS; printers.go prints these placeholders for
        // empty status.addresses and status.nodeInfo fields.
        b.add(node.meta,
              {node.meta.name, nodeStatusText(node), nodeRoles(node),
               formatAge(sim.now(), node.meta.creationTimestamp), kubeletVersion()},
              {"<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"});
    }
    return b.take();
}

Table deploymentTable(const Simulation& sim, const ObjectFilter& filter,
                      const TableOptions& options) {
    TableBuilder b(options, {"NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"},
                   {"CONTAINERS", "IMAGES", "SELECTOR"});
    for (const auto& [key, d] : sim.api().deployments()) {
        if (!filter.matches(d.meta, true)) {
            continue;
        }
        LabelSelector selector;
        selector.matchLabels = d.spec.selector;
        b.add(d.meta,
              {d.meta.name, std::to_string(d.readyReplicas) + "/" + std::to_string(d.spec.replicas),
               std::to_string(d.updatedReplicas), std::to_string(d.availableReplicas),
               formatAge(sim.now(), d.meta.creationTimestamp)},
              {joinContainers(d.spec.podSpec, false), joinContainers(d.spec.podSpec, true),
               formatSelector(selector)});
    }
    return b.take();
}

Table replicaSetTable(const Simulation& sim, const ObjectFilter& filter,
                      const TableOptions& options) {
    TableBuilder b(options, {"NAME", "DESIRED", "CURRENT", "READY", "AGE"},
                   {"CONTAINERS", "IMAGES", "SELECTOR"});
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        if (!filter.matches(rs.meta, true)) {
            continue;
        }
        b.add(rs.meta,
              {rs.meta.name, std::to_string(rs.replicas), std::to_string(rs.statusReplicas),
               std::to_string(rs.readyReplicas), formatAge(sim.now(), rs.meta.creationTimestamp)},
              {joinContainers(rs.templateSpec, false), joinContainers(rs.templateSpec, true),
               formatSelector(rs.selector)});
    }
    return b.take();
}

Table serviceTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    TableBuilder b(options, {"NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"},
                   {"SELECTOR"});
    for (const auto& [key, svc] : sim.api().services()) {
        if (!filter.matches(svc.meta, true)) {
            continue;
        }
        std::string ports;
        for (const ServicePortSpec& p : svc.spec.ports) {
            ports += (ports.empty() ? "" : ",") + std::to_string(p.port) + "/" + p.protocol;
        }
        LabelSelector selector;
        selector.matchLabels = svc.spec.selector;
        b.add(svc.meta,
              {svc.meta.name, "ClusterIP", svc.clusterIp.empty() ? "<none>" : svc.clusterIp,
               "<none>", ports.empty() ? "<none>" : ports,
               formatAge(sim.now(), svc.meta.creationTimestamp)},
              {formatSelector(selector)});
    }
    return b.take();
}

Table endpointsTable(const Simulation& sim, const ObjectFilter& filter,
                     const TableOptions& options) {
    TableBuilder b(options, {"NAME", "ENDPOINTS", "AGE"});
    for (const auto& [key, ep] : sim.api().endpoints()) {
        if (!filter.matches(ep.meta, true)) {
            continue;
        }
        // printers.go formatEndpoints: ready addresses only, ports × addresses, at most
        // three shown, then " + N more...".
        std::vector<int> ports;
        if (const ServiceObject* svc = sim.api().services().find(ep.meta.nameSpace, ep.meta.name)) {
            for (const ServicePortSpec& p : svc->spec.ports) {
                ports.push_back(p.targetPort);
            }
        }
        std::string list;
        int count = 0;
        for (const int port : ports) {
            for (const EndpointAddress& a : sortedAddresses(ep.ready)) {
                if (count < 3) {
                    list += (list.empty() ? "" : ",") + a.ip + ":" + std::to_string(port);
                }
                ++count;
            }
        }
        if (count > 3) {
            list += " + " + std::to_string(count - 3) + " more...";
        }
        b.add(ep.meta, {ep.meta.name, list.empty() ? "<none>" : list,
                        formatAge(sim.now(), ep.meta.creationTimestamp)});
    }
    return b.take();
}

Table eventTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    Table table;
    if (options.withNamespace) {
        table.headers.push_back("NAMESPACE");
    }
    table.headers.insert(table.headers.end(), {"LAST SEEN", "TYPE", "REASON", "OBJECT"});
    if (options.wide) {
        table.headers.insert(table.headers.end(), {"SUBOBJECT", "SOURCE"});
    }
    table.headers.push_back("MESSAGE");
    if (options.wide) {
        table.headers.insert(table.headers.end(), {"FIRST SEEN", "COUNT", "NAME"});
    }
    for (const auto& [e, name] : filteredEvents(sim, filter)) {
        std::vector<std::string> row;
        if (options.withNamespace) {
            row.push_back("default");
        }
        const std::string age = formatAge(sim.now(), e.time);
        row.insert(row.end(), {age, e.type, e.reason, lower(e.kind) + "/" + e.objectName});
        if (options.wide) {
            row.insert(row.end(), {"", e.host.empty() ? e.source : e.source + ", " + e.host});
        }
        row.push_back(e.message);
        if (options.wide) {
            row.insert(row.end(), {age, "1", name});
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

Table pdbTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    TableBuilder b(options,
                   {"NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"});
    const auto text = [](const std::optional<IntOrPercent>& v) -> std::string {
        if (!v) {
            return "N/A";
        }
        return std::to_string(v->value) + (v->isPercent ? "%" : "");
    };
    for (const auto& [key, pdb] : sim.api().podDisruptionBudgets()) {
        if (!filter.matches(pdb.meta, true)) {
            continue;
        }
        b.add(pdb.meta, {pdb.meta.name, text(pdb.spec.minAvailable), text(pdb.spec.maxUnavailable),
                         std::to_string(pdb.disruptionsAllowed),
                         formatAge(sim.now(), pdb.meta.creationTimestamp)});
    }
    return b.take();
}

// ---- objects ----

std::vector<ObjectValue> podObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().pods(), filter, true, encodePod);
}
std::vector<ObjectValue> nodeObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().nodes(), filter, false, encodeNode);
}
std::vector<ObjectValue> deploymentObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().deployments(), filter, true, encodeDeployment);
}
std::vector<ObjectValue> replicaSetObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().replicaSets(), filter, true, encodeReplicaSet);
}
std::vector<ObjectValue> serviceObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().services(), filter, true, encodeService);
}
std::vector<ObjectValue> endpointsObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().endpoints(), filter, true,
                     [&](const EndpointsObject& ep) { return encodeEndpoints(ep, sim.api()); });
}
std::vector<ObjectValue> eventObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    std::size_t index = 0;
    for (const KubeEvent& e : kubeEvents(sim.events(), sim.api())) {
        const std::size_t i = index++;
        const std::string name = eventObjectName(e, i);
        if ((filter.nameSpace.empty() || filter.nameSpace == "default") &&
            (filter.names.empty() ||
             std::find(filter.names.begin(), filter.names.end(), name) != filter.names.end())) {
            out.push_back(encodeEvent(e, i));
        }
    }
    return out;
}
std::vector<ObjectValue> pdbObjects(const Simulation& sim, const ObjectFilter& filter) {
    return objectsOf(sim.api().podDisruptionBudgets(), filter, true, encodePodDisruptionBudget);
}

// ---- names ----

namespace {
const auto kMetaOf = [](const auto& object) -> const ObjectMeta& { return object.meta; };
} // namespace

std::vector<std::string> podNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().pods(), ns, kMetaOf);
}
std::vector<std::string> nodeNames(const Simulation& sim, const std::string&) {
    return namesOf(sim.api().nodes(), {}, kMetaOf);
}
std::vector<std::string> deploymentNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().deployments(), ns, kMetaOf);
}
std::vector<std::string> replicaSetNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().replicaSets(), ns, kMetaOf);
}
std::vector<std::string> serviceNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().services(), ns, kMetaOf);
}
std::vector<std::string> endpointsNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().endpoints(), ns, kMetaOf);
}
std::vector<std::string> eventNames(const Simulation& sim, const std::string& ns) {
    std::vector<std::string> names;
    for (NamedEvent& e : filteredEvents(sim, ObjectFilter{ns, {}, {}})) {
        names.push_back(std::move(e.name));
    }
    return names;
}
std::vector<std::string> pdbNames(const Simulation& sim, const std::string& ns) {
    return namesOf(sim.api().podDisruptionBudgets(), ns, kMetaOf);
}

} // namespace cnsim
