#include "scenario/scenariowriter.h"

#include "scenario/quantity.h"
#include "scenario/verbatimyaml.h"

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <yaml-cpp/yaml.h>

namespace cnsim {

namespace {

// Plain scalars that a YAML 1.1 or 1.2 reader (yaml-cpp, PyYAML, kubectl) would take for
// something other than a string: numbers, booleans, null. The emitter already quotes text
// with YAML punctuation; these it would write bare.
bool looksLikeNonString(const std::string& text) {
    if (text.empty()) {
        return true;
    }
    static constexpr std::array<std::string_view, 31> kWords{
        "y",    "Y",    "yes",   "Yes",   "YES",   "n",    "N",    "no",   "No",  "NO",  "true",
        "True", "TRUE", "false", "False", "FALSE", "on",   "On",   "ON",   "off", "Off", "OFF",
        "null", "Null", "NULL",  "~",     ".inf",  ".Inf", ".INF", ".nan", ".NaN"};
    for (const std::string_view word : kWords) {
        if (text == word) {
            return true;
        }
    }
    // Text made only of characters that YAML numbers, dates and times use, and starting
    // like a number, may be read as one: "4", "1.5", "1e3", "0x1F", "1_000" (YAML 1.1),
    // "12:30" (sexagesimal), "2024-01-01". "500m" and "8Gi" stay plain.
    const char first = text.front();
    if (!((first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.')) {
        return false;
    }
    return text.find_first_not_of("0123456789+-._:eExXoOabcdefABCDEF") == std::string::npos;
}

class Writer {
public:
    Writer() {
        m_out.SetIndent(2);
        m_out.SetOutputCharset(YAML::EmitNonAscii);
    }

    std::string write(const Scenario& scenario);

private:
    void key(const char* name) { m_out << YAML::Key << name << YAML::Value; }
    void text(const std::string& value) {
        if (looksLikeNonString(value) || value.find('\n') != std::string::npos) {
            m_out << YAML::DoubleQuoted << value;
        } else {
            m_out << value;
        }
    }
    void field(const char* name, const std::string& value) {
        key(name);
        text(value);
    }
    void localized(const char* name, const LocalizedText& value);
    void labels(const char* name, const LabelMap& map);
    // Kubernetes fields kept verbatim whose parent is the mapping at `path`.
    void preserved(const std::string& path);
    bool hasPreservedUnder(const std::string& path) const;

    void cluster(const ClusterSpec& cluster);
    void deployment(const DeploymentSpec& deployment);
    void container(const ContainerSpec& container, const std::string& path);
    void resources(const ContainerSpec& container, const std::string& path);
    void resourceList(const char* name, const ResourceList& list, const std::string& path);
    void service(const ServiceSpec& service);
    void metadata(const std::string& name, const std::string& nameSpace, const LabelMap& labels);
    void simulation(const SimulationSpec& simulation);

    YAML::Emitter m_out;
    const std::vector<PreservedField>* m_preserved = nullptr;
};

// The key of `path` when its parent is the mapping at `parent`, or empty. Paths are built
// by MapCursor::childPath: "a.b", "a[0].b", and `a["nvidia.com/gpu"]` for dotted keys.
std::string childKey(const std::string& path, const std::string& parent) {
    if (path.compare(0, parent.size(), parent) != 0) {
        return {};
    }
    std::string rest = path.substr(parent.size());
    if (!parent.empty()) {
        if (rest.size() > 4 && rest.compare(0, 2, "[\"") == 0 &&
            rest.compare(rest.size() - 2, 2, "\"]") == 0) {
            const std::string bracketed = rest.substr(2, rest.size() - 4);
            return bracketed.find("\"]") == std::string::npos ? bracketed : std::string();
        }
        if (rest.empty() || rest.front() != '.') {
            return {};
        }
        rest.erase(0, 1);
    } else if (rest.size() > 4 && rest.compare(0, 2, "[\"") == 0) {
        return {};
    }
    return rest.find_first_of(".[") == std::string::npos ? rest : std::string();
}

void Writer::preserved(const std::string& path) {
    if (m_preserved == nullptr) {
        return;
    }
    for (const PreservedField& field : *m_preserved) {
        const std::string name = childKey(field.path, path);
        if (name.empty()) {
            continue;
        }
        m_out << YAML::Key << name << YAML::Value;
        try {
            emitVerbatim(m_out, YAML::Load(field.yaml));
        } catch (const YAML::Exception&) {
            // Only reachable for a PreservedField built by hand with broken YAML: keep
            // the text rather than lose it.
            m_out << YAML::DoubleQuoted << field.yaml;
        }
    }
}

bool Writer::hasPreservedUnder(const std::string& path) const {
    if (m_preserved == nullptr) {
        return false;
    }
    for (const PreservedField& field : *m_preserved) {
        if (field.path.size() > path.size() && field.path.compare(0, path.size(), path) == 0 &&
            (field.path[path.size()] == '.' || field.path[path.size()] == '[')) {
            return true;
        }
    }
    return false;
}

void Writer::localized(const char* name, const LocalizedText& value) {
    key(name);
    m_out << YAML::BeginMap;
    field("en", value.en);
    if (!value.zhCN.empty()) {
        field("zh_CN", value.zhCN);
    }
    m_out << YAML::EndMap;
}

void Writer::labels(const char* name, const LabelMap& map) {
    key(name);
    m_out << YAML::BeginMap;
    for (const auto& [labelKey, value] : map) {
        m_out << YAML::Key;
        text(labelKey);
        m_out << YAML::Value;
        text(value);
    }
    m_out << YAML::EndMap;
}

void Writer::cluster(const ClusterSpec& cluster) {
    key("cluster");
    m_out << YAML::BeginMap;
    const auto machine = [&](const std::string& zone, CpuMillis cpu, Bytes memory) {
        if (!zone.empty()) {
            field("zone", zone);
        }
        field("cpu", formatCpu(cpu));
        field("memory", formatMemory(memory));
    };
    if (!cluster.nodes.empty()) {
        key("nodes");
        m_out << YAML::BeginSeq;
        for (const NodeSpec& node : cluster.nodes) {
            m_out << YAML::BeginMap;
            field("name", node.name);
            machine(node.zone, node.cpu, node.memory);
            key("maxPods");
            m_out << node.maxPods << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!cluster.nodePools.empty()) {
        key("nodePools");
        m_out << YAML::BeginSeq;
        for (const NodePoolSpec& pool : cluster.nodePools) {
            m_out << YAML::BeginMap;
            field("name", pool.name);
            if (!pool.zone.empty()) {
                field("zone", pool.zone);
            }
            key("count");
            m_out << pool.count;
            field("cpu", formatCpu(pool.cpu));
            field("memory", formatMemory(pool.memory));
            key("maxPods");
            m_out << pool.maxPods << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    m_out << YAML::EndMap;
}

void Writer::metadata(const std::string& name, const std::string& nameSpace,
                      const LabelMap& labelMap) {
    key("metadata");
    m_out << YAML::BeginMap;
    field("name", name);
    if (nameSpace != "default") {
        field("namespace", nameSpace);
    }
    if (!labelMap.empty()) {
        labels("labels", labelMap);
    }
    preserved("metadata");
    m_out << YAML::EndMap;
}

void Writer::resourceList(const char* name, const ResourceList& list, const std::string& path) {
    if (!list.cpu && !list.memory && !hasPreservedUnder(path)) {
        return;
    }
    key(name);
    m_out << YAML::BeginMap;
    if (list.cpu) {
        field("cpu", formatCpu(*list.cpu));
    }
    if (list.memory) {
        field("memory", formatMemory(*list.memory));
    }
    preserved(path);
    m_out << YAML::EndMap;
}

void Writer::resources(const ContainerSpec& container, const std::string& path) {
    const bool any = container.requests.cpu || container.requests.memory || container.limits.cpu ||
                     container.limits.memory;
    if (!any && !hasPreservedUnder(path)) {
        return;
    }
    key("resources");
    m_out << YAML::BeginMap;
    resourceList("requests", container.requests, path + ".requests");
    resourceList("limits", container.limits, path + ".limits");
    preserved(path);
    m_out << YAML::EndMap;
}

void Writer::container(const ContainerSpec& container, const std::string& path) {
    m_out << YAML::BeginMap;
    field("name", container.name);
    field("image", container.image);
    if (!container.ports.empty()) {
        key("ports");
        m_out << YAML::BeginSeq;
        for (std::size_t i = 0; i < container.ports.size(); ++i) {
            const ContainerPortSpec& port = container.ports[i];
            m_out << YAML::BeginMap;
            key("containerPort");
            m_out << port.containerPort;
            if (!port.name.empty()) {
                field("name", port.name);
            }
            if (port.protocol != "TCP") {
                field("protocol", port.protocol);
            }
            preserved(path + ".ports[" + std::to_string(i) + "]");
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    resources(container, path + ".resources");
    preserved(path);
    m_out << YAML::EndMap;
}

void Writer::deployment(const DeploymentSpec& deployment) {
    m_preserved = &deployment.preserved;
    m_out << YAML::BeginMap;
    field("apiVersion", "apps/v1");
    field("kind", "Deployment");
    metadata(deployment.name, deployment.nameSpace, deployment.labels);
    key("spec");
    m_out << YAML::BeginMap;
    key("replicas");
    m_out << deployment.replicas;
    key("selector");
    m_out << YAML::BeginMap;
    labels("matchLabels", deployment.selector);
    preserved("spec.selector");
    m_out << YAML::EndMap;
    key("template");
    m_out << YAML::BeginMap;
    key("metadata");
    m_out << YAML::BeginMap;
    labels("labels", deployment.podLabels);
    preserved("spec.template.metadata");
    m_out << YAML::EndMap;
    key("spec");
    m_out << YAML::BeginMap;
    key("containers");
    m_out << YAML::BeginSeq;
    for (std::size_t i = 0; i < deployment.podSpec.containers.size(); ++i) {
        container(deployment.podSpec.containers[i],
                  "spec.template.spec.containers[" + std::to_string(i) + "]");
    }
    m_out << YAML::EndSeq;
    preserved("spec.template.spec");
    m_out << YAML::EndMap; // template.spec
    preserved("spec.template");
    m_out << YAML::EndMap; // template
    preserved("spec");
    m_out << YAML::EndMap; // spec
    preserved("");
    m_out << YAML::EndMap;
    m_preserved = nullptr;
}

void Writer::service(const ServiceSpec& service) {
    m_preserved = &service.preserved;
    m_out << YAML::BeginMap;
    field("apiVersion", "v1");
    field("kind", "Service");
    metadata(service.name, service.nameSpace, service.labels);
    key("spec");
    m_out << YAML::BeginMap;
    if (!service.selector.empty()) {
        labels("selector", service.selector);
    }
    key("ports");
    m_out << YAML::BeginSeq;
    for (std::size_t i = 0; i < service.ports.size(); ++i) {
        const ServicePortSpec& port = service.ports[i];
        m_out << YAML::BeginMap;
        if (!port.name.empty()) {
            field("name", port.name);
        }
        key("port");
        m_out << port.port;
        key("targetPort");
        if (!port.targetPortName.empty()) {
            text(port.targetPortName);
        } else {
            m_out << port.targetPort;
        }
        if (port.protocol != "TCP") {
            field("protocol", port.protocol);
        }
        preserved("spec.ports[" + std::to_string(i) + "]");
        m_out << YAML::EndMap;
    }
    m_out << YAML::EndSeq;
    preserved("spec");
    m_out << YAML::EndMap;
    preserved("");
    m_out << YAML::EndMap;
    m_preserved = nullptr;
}

void Writer::simulation(const SimulationSpec& simulation) {
    key("simulation");
    m_out << YAML::BeginMap;
    field("podStartupTime", formatDuration(simulation.podStartupTime));
    if (!simulation.services.empty()) {
        key("services");
        m_out << YAML::BeginSeq;
        for (const ServiceBehaviourSpec& behaviour : simulation.services) {
            m_out << YAML::BeginMap;
            field("name", behaviour.service);
            field("cpuPerRequest", formatDuration(behaviour.cpuPerRequest));
            field("baseLatency", formatDuration(behaviour.baseLatency));
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!simulation.traffic.empty()) {
        key("traffic");
        m_out << YAML::BeginSeq;
        for (const TrafficSourceSpec& traffic : simulation.traffic) {
            m_out << YAML::BeginMap;
            field("name", traffic.name);
            field("service", traffic.service);
            field("type", traffic.pattern == TrafficPattern::Constant ? "constant" : "poisson");
            // Fixed notation: exact for the rates people write, and never "1e+05".
            char buffer[64];
            const auto result = std::to_chars(buffer, buffer + sizeof buffer,
                                              traffic.requestsPerSecond, std::chars_format::fixed);
            key("requestsPerSecond");
            m_out << std::string(buffer, result.ptr);
            if (traffic.start != SimTime::zero()) {
                field("start", formatDuration(traffic.start));
            }
            if (traffic.stop) {
                field("stop", formatDuration(*traffic.stop));
            }
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    if (!simulation.faults.empty()) {
        key("faults");
        m_out << YAML::BeginSeq;
        for (const FaultSpec& fault : simulation.faults) {
            m_out << YAML::BeginMap;
            field("at", formatDuration(fault.at));
            switch (fault.type) {
            case FaultType::FailNode:
                field("type", "failNode");
                field("node", fault.node);
                break;
            case FaultType::RecoverNode:
                field("type", "recoverNode");
                field("node", fault.node);
                break;
            case FaultType::PodKill:
                field("type", "podKill");
                if (!fault.pod.empty()) {
                    field("pod", fault.pod);
                } else {
                    field("deployment", fault.deployment);
                }
                break;
            default:
                // The reader does not accept the other fault types yet.
                break;
            }
            m_out << YAML::EndMap;
        }
        m_out << YAML::EndSeq;
    }
    m_out << YAML::EndMap;
}

std::string Writer::write(const Scenario& scenario) {
    m_out << YAML::BeginMap;
    field("apiVersion", "cnsim/v1");
    field("kind", "Scenario");
    key("metadata");
    m_out << YAML::BeginMap;
    field("name", scenario.metadata.name);
    localized("title", scenario.metadata.title);
    if (!scenario.metadata.description.en.empty() || !scenario.metadata.description.zhCN.empty()) {
        localized("description", scenario.metadata.description);
    }
    m_out << YAML::EndMap;
    key("seed");
    m_out << scenario.seed;
    field("duration", formatDuration(scenario.duration));
    cluster(scenario.cluster);
    if (!scenario.workloads.empty()) {
        key("workloads");
        m_out << YAML::BeginSeq;
        for (const Manifest& manifest : scenario.workloads) {
            if (const auto* deploymentSpec = std::get_if<DeploymentSpec>(&manifest)) {
                deployment(*deploymentSpec);
            } else {
                service(std::get<ServiceSpec>(manifest));
            }
        }
        m_out << YAML::EndSeq;
    }
    simulation(scenario.simulation);
    m_out << YAML::EndMap;
    return std::string(m_out.c_str()) + "\n";
}

} // namespace

std::string writeScenario(const Scenario& scenario) {
    Writer writer;
    return writer.write(scenario);
}

std::string writeScenarioFile(const Scenario& scenario, const std::string& path) {
    const std::string text = writeScenario(scenario);
    // Same directory as the target, so the rename never crosses file systems.
    const std::filesystem::path target(path);
    std::filesystem::path temporary = target;
    temporary += ".cnsim-save.tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            return "cannot create " + temporary.string();
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + temporary.string() + " (disk full?)";
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return "cannot replace " + path + ": " + error.message();
    }
    return {};
}

} // namespace cnsim
