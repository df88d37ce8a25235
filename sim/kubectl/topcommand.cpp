// kubectl top node|pod (k8s.io/kubectl/pkg/cmd/top, pkg/metricsutil/metrics_printer.go).
//
// Once metrics-server runs (a run with an HPA starts it), both read its last scrape, exactly
// what the HPA reads: CPU as the rate between two kubelet points, memory as the working set
// (the image's idleMemory plus the requests in the pod × memoryPerRequest); a pod or node not
// scraped twice yet has no metrics ("metrics not available yet" / "<unknown>", as kubectl).
// Without metrics-server, CPU comes from the simulation's per-second metrics: the last sample
// of "node/<name>/cpu_used_cores" (and "pod/<name>/cpu_used_cores" when the model records
// it); MEMORY then shows what the pods request, and a pod without a CPU series shows its CPU
// request likewise.

#include "kubectl/kubectlcommands.h"
#include "model/simulation.h"
#include "scenario/quantity.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

std::string millicores(std::int64_t m) {
    return std::to_string(m) + "m";
}

std::string mebibytes(Bytes b) {
    return std::to_string(b.value / (1024 * 1024)) + "Mi";
}

std::string percent(std::int64_t used, std::int64_t available) {
    if (available <= 0) {
        return "0%";
    }
    return std::to_string(static_cast<std::int64_t>(static_cast<double>(used) /
                                                    static_cast<double>(available) * 100.0)) +
           "%";
}

Bytes memoryRequests(const PodObject& pod) {
    Bytes total;
    for (const ContainerSpec& c : pod.spec.containers) {
        total += c.requests.memory.value_or(Bytes{});
    }
    return total;
}

CpuMillis cpuRequests(const PodObject& pod) {
    CpuMillis total;
    for (const ContainerSpec& c : pod.spec.containers) {
        total += c.requests.cpu.value_or(CpuMillis{});
    }
    return total;
}

bool countsAsUsing(const PodObject& pod) {
    return pod.phase == PodPhaseK8s::Running && !pod.nodeName.empty();
}

bool selected(const std::vector<std::string>& names, const std::string& name) {
    return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
}

// kubectl top from metrics-server's last scrape.
KubectlResult topFromMetricsServer(const Simulation& sim, const TopCommand& c, Table table,
                                   bool allNamespaces) {
    const MetricsServer& server = sim.metricsServer();
    if (c.nodes) {
        for (const auto& [key, node] : sim.api().nodes()) {
            if (!c.selector.matches(node.meta.labels) || !selected(c.names, node.meta.name)) {
                continue;
            }
            const auto it = server.nodes().find(node.meta.name);
            if (it == server.nodes().end()) {
                table.rows.push_back(
                    {node.meta.name, "<unknown>", "<unknown>", "<unknown>", "<unknown>"});
                continue;
            }
            table.rows.push_back({node.meta.name, millicores(it->second.cpuMilli),
                                  percent(it->second.cpuMilli, node.allocatableCpu.value),
                                  mebibytes(it->second.memory),
                                  percent(it->second.memory.value, node.allocatableMemory.value)});
        }
        for (const std::string& name : c.names) {
            if (server.nodes().find(name) == server.nodes().end()) {
                return failure("error: metrics not available yet\n");
            }
        }
        return {0, renderTable(table, c.noHeaders), {}};
    }
    for (const auto& [key, metrics] : server.pods()) {
        const PodObject* pod = sim.api().pods().find(metrics.nameSpace, metrics.name);
        if (pod == nullptr || (!allNamespaces && pod->meta.nameSpace != c.scope.nameSpace) ||
            !c.selector.matches(pod->meta.labels) || !selected(c.names, pod->meta.name)) {
            continue;
        }
        std::vector<std::string> row;
        if (allNamespaces) {
            row.push_back(pod->meta.nameSpace);
        }
        row.insert(row.end(),
                   {pod->meta.name, millicores(metrics.cpuMilli()), mebibytes(metrics.memory())});
        table.rows.push_back(std::move(row));
    }
    if (table.rows.empty()) {
        if (!c.names.empty()) {
            return failure("error: metrics not available yet\n");
        }
        return {0,
                {},
                allNamespaces ? "No resources found\n"
                              : "No resources found in " + c.scope.nameSpace + " namespace.\n"};
    }
    return {0, renderTable(table, c.noHeaders), {}};
}

} // namespace

KubectlResult executeTop(const Simulation& sim, const TopCommand& c) {
    Table table;
    const bool allNamespaces = c.scope.allNamespaces && !c.nodes;
    if (c.nodes) {
        table.headers = {"NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"};
    } else {
        if (allNamespaces) {
            table.headers.push_back("NAMESPACE");
        }
        table.headers.insert(table.headers.end(), {"NAME", "CPU(cores)", "MEMORY(bytes)"});
    }
    if (sim.metricsServer().running() && sim.metricsServer().lastScrape()) {
        return topFromMetricsServer(sim, c, std::move(table), allNamespaces);
    }
    if (c.nodes) {
        for (const auto& [key, node] : sim.api().nodes()) {
            if (!c.selector.matches(node.meta.labels) ||
                (!c.names.empty() &&
                 std::find(c.names.begin(), c.names.end(), node.meta.name) == c.names.end())) {
                continue;
            }
            const std::optional<double> cores =
                sim.metrics().latest("node/" + node.meta.name + "/cpu_used_cores");
            if (!isNodeReady(node) || !cores) {
                // metrics_printer.go printMissingMetricsNodes: a node without metrics.
                table.rows.push_back(
                    {node.meta.name, "<unknown>", "<unknown>", "<unknown>", "<unknown>"});
                continue;
            }
            const auto cpu = static_cast<std::int64_t>(std::llround(*cores * 1000.0));
            Bytes memory;
            for (const auto& [pk, pod] : sim.api().pods()) {
                if (pod.nodeName == node.meta.name && countsAsUsing(pod)) {
                    memory += memoryRequests(pod);
                }
            }
            table.rows.push_back({node.meta.name, millicores(cpu),
                                  percent(cpu, node.allocatableCpu.value), mebibytes(memory),
                                  percent(memory.value, node.allocatableMemory.value)});
        }
        for (const std::string& name : c.names) {
            if (sim.api().nodes().find("", name) == nullptr) {
                return failure("error: metrics not available yet\n");
            }
        }
    } else {
        for (const auto& [key, pod] : sim.api().pods()) {
            if ((!allNamespaces && pod.meta.nameSpace != c.scope.nameSpace) ||
                !countsAsUsing(pod) || !c.selector.matches(pod.meta.labels) ||
                (!c.names.empty() &&
                 std::find(c.names.begin(), c.names.end(), pod.meta.name) == c.names.end())) {
                continue;
            }
            const std::optional<double> cores =
                sim.metrics().latest("pod/" + pod.meta.name + "/cpu_used_cores");
            const std::int64_t cpu = cores
                                         ? static_cast<std::int64_t>(std::llround(*cores * 1000.0))
                                         : cpuRequests(pod).value;
            std::vector<std::string> row;
            if (allNamespaces) {
                row.push_back(pod.meta.nameSpace);
            }
            row.insert(row.end(), {pod.meta.name, millicores(cpu), mebibytes(memoryRequests(pod))});
            table.rows.push_back(std::move(row));
        }
        if (table.rows.empty()) {
            if (!c.names.empty()) {
                return failure("error: pods \"" + c.names.front() + "\" not found\n");
            }
            return {0,
                    {},
                    allNamespaces ? "No resources found\n"
                                  : "No resources found in " + c.scope.nameSpace + " namespace.\n"};
        }
    }
    return {0, renderTable(table, c.noHeaders), {}};
}

} // namespace cnsim
