#include "model/trafficmodel.h"

#include "traffic/kinds.h"

#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/simulationmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

double requestsPerSecond(const TrafficSourceSpec& spec) {
    const KindDescriptor* kind = findKind(trafficShapeKinds(), spec.type);
    return kind == nullptr ? 0.0 : numberAttribute(*kind, spec.attributes, "requestsPerSecond");
}

} // namespace

namespace {

// A worker runs as fast as the container may: its CPU limit, else what it requested, else
// (a best-effort pod) one whole core.
double serviceCores(const PodSpec& spec) {
    CpuMillis limits;
    CpuMillis requests;
    bool allLimited = !spec.containers.empty();
    for (const ContainerSpec& c : spec.containers) {
        requests += c.requests.cpu.value_or(CpuMillis{});
        if (c.limits.cpu) {
            limits += *c.limits.cpu;
        } else {
            allLimited = false;
        }
    }
    if (allLimited && limits.value > 0) {
        return limits.cores();
    }
    return requests.value > 0 ? requests.cores() : 1.0;
}

} // namespace

TrafficModel::TrafficModel(SimulationModel& model)
    : m_model(model), m_balancer(model.makeStream("kube-proxy")) {
    for (const Manifest& manifest : model.scenario().workloads) {
        if (const auto* service = std::get_if<ServiceSpec>(&manifest)) {
            m_serviceNames.push_back(service->name);
            m_serviceNamespaces.push_back(service->nameSpace);
            SimTime cpu = SimTime::milliseconds(10);
            SimTime base;
            for (const ServiceBehaviourSpec& b : model.scenario().simulation.services) {
                if (b.service == service->name) {
                    cpu = b.cpuPerRequest.mean;
                    base = b.baseLatency;
                }
            }
            m_cpuPerRequest.push_back(cpu);
            m_baseLatency.push_back(base);
        }
    }
    m_counters.resize(m_serviceNames.size());
}

void TrafficModel::start() {
    for (const TrafficSourceSpec& spec : m_model.scenario().simulation.traffic) {
        const std::string target = spec.classes.empty() ? "" : spec.classes.front().service;
        const auto it = std::find(m_serviceNames.begin(), m_serviceNames.end(), target);
        if (it == m_serviceNames.end() || requestsPerSecond(spec) <= 0.0) {
            continue; // the reader rejects unknown services; a zero rate sends nothing
        }
        m_sources.push_back(Source{&spec, static_cast<std::size_t>(it - m_serviceNames.begin()),
                                   m_model.makeStream("traffic/" + spec.name), 0});
    }
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        scheduleNextArrival(i);
    }
}

void TrafficModel::scheduleNextArrival(std::size_t index) {
    Source& source = m_sources[index];
    const TrafficSourceSpec& spec = *source.spec;
    const SimTime now = m_model.now();
    SimTime next;
    const double rate = requestsPerSecond(spec);
    if (spec.type == "constant") {
        // The k-th arrival at start + k / rate, computed from k so rounding never drifts.
        next = spec.start + SimTime::fromSeconds(static_cast<double>(source.sent) / rate);
    } else {
        const SimTime from = source.sent == 0 ? std::max(now, spec.start) : now;
        next = from + SimTime::fromSeconds(source.stream.exponential(rate));
    }
    if ((spec.stop && next >= *spec.stop) || next > m_model.endTime()) {
        return;
    }
    m_model.engine().scheduleAt(
        std::max(next, now), [this, index] { arrive(index); }, priority::kTraffic);
}

void TrafficModel::fail(std::size_t service) {
    ++m_counters[service].errors;
    ++m_counters[service].windowErrors;
}

void TrafficModel::arrive(std::size_t index) {
    Source& source = m_sources[index];
    ++source.sent;
    const std::size_t service = source.service;
    ++m_counters[service].arrivals;
    ++m_counters[service].windowArrivals;
    scheduleNextArrival(index);

    // kube-proxy routes by the Endpoints it last saw.
    const std::string& nameSpace = m_serviceNamespaces[service];
    const EndpointsObject* endpoints =
        m_model.api().endpoints().find(nameSpace, m_serviceNames[service]);
    if (endpoints == nullptr || endpoints->ready.empty()) {
        fail(service); // connection refused: no ready endpoint
        return;
    }
    const EndpointAddress& target =
        endpoints->ready[m_balancer.uniformIndex(endpoints->ready.size())];
    const std::string key = ObjectTable<PodObject>::key(nameSpace, target.podName);
    const auto it = m_servers.find(key);
    if (it == m_servers.end() || !m_model.kubelet().podServing(key)) {
        fail(service); // the pod is listed but its program does not answer (yet)
        return;
    }
    PodServer& server = it->second;
    if (server.queue.size() >= kQueueCapacity) {
        fail(service); // 503: the pod's queue is full
        return;
    }
    server.queue.push_back(Request{service, m_model.now()});
    if (!server.serving) {
        startService(key, server);
    }
}

void TrafficModel::startService(const std::string& key, PodServer& server) {
    const Request& request = server.queue.front();
    const SimTime now = m_model.now();
    server.serving = true;
    server.cpuAccountedUntil = now;
    const SimTime duration =
        SimTime::fromSeconds(m_cpuPerRequest[request.service].toSeconds() / server.cores);
    server.completion = m_model.engine().schedule(
        duration, [this, key] { complete(key); }, priority::kTraffic);
}

void TrafficModel::complete(const std::string& key) {
    PodServer& server = m_servers.at(key);
    const SimTime now = m_model.now();
    accountCpu(server, now);
    const Request request = server.queue.front();
    server.queue.pop_front();
    server.serving = false;
    server.completion = {};
    ServiceTrafficCounters& counters = m_counters[request.service];
    const SimTime latency = now - request.arrival + m_baseLatency[request.service];
    ++counters.completed;
    counters.latency.add(latency);
    counters.windowLatency.add(latency);
    if (!server.queue.empty()) {
        startService(key, server);
    }
}

void TrafficModel::podStarted(const std::string& podKey, const std::string& node) {
    const auto slash = podKey.find('/');
    const PodObject* pod =
        m_model.api().pods().find(podKey.substr(0, slash), podKey.substr(slash + 1));
    PodServer server;
    server.node = node;
    server.cores = pod != nullptr ? serviceCores(pod->spec) : 1.0;
    m_servers[podKey] = std::move(server);
}

void TrafficModel::podStopped(const std::string& podKey) {
    const auto it = m_servers.find(podKey);
    if (it == m_servers.end()) {
        return;
    }
    PodServer& server = it->second;
    if (server.serving) {
        accountCpu(server, m_model.now());
        m_model.engine().cancel(server.completion);
    }
    for (const Request& request : server.queue) {
        fail(request.service);
    }
    m_servers.erase(it);
}

void TrafficModel::accountCpu(PodServer& server, SimTime until) {
    if (!server.serving || until <= server.cpuAccountedUntil) {
        return;
    }
    // A busy worker uses `cores` cores of its node.
    const double cpu = (until - server.cpuAccountedUntil).toSeconds() * server.cores;
    NodeCpu& node = m_nodeCpu[server.node];
    node.window += cpu;
    node.total += cpu;
    server.cpuAccountedUntil = until;
}

void TrafficModel::accountCpuUntilNow() {
    const SimTime now = m_model.now();
    for (auto& [key, server] : m_servers) {
        accountCpu(server, now);
    }
}

int TrafficModel::requestsInFlight(const std::string& podKey) const {
    const auto it = m_servers.find(podKey);
    return it == m_servers.end() ? 0 : static_cast<int>(it->second.queue.size());
}

double TrafficModel::takeNodeCpuSeconds(const std::string& node) {
    NodeCpu& cpu = m_nodeCpu[node];
    const double window = cpu.window;
    cpu.window = 0.0;
    return window;
}

double TrafficModel::nodeCpuTotalSeconds(const std::string& node) const {
    const auto it = m_nodeCpu.find(node);
    return it == m_nodeCpu.end() ? 0.0 : it->second.total;
}

} // namespace cnsim
