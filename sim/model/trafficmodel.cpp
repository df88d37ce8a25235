#include "model/trafficmodel.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

bool selects(const LabelMap& selector, const LabelMap& labels) {
    if (selector.empty()) {
        return false; // a Service without a selector has no automatic endpoints
    }
    return std::all_of(selector.begin(), selector.end(), [&](const auto& entry) {
        const auto it = labels.find(entry.first);
        return it != labels.end() && it->second == entry.second;
    });
}

} // namespace

TrafficModel::TrafficModel(SimulationModel& model)
    : m_model(model), m_counters(model.state().services.size()),
      m_balancer(model.makeStream("kube-proxy")) {}

void TrafficModel::start() {
    const auto& traffic = m_model.scenario().simulation.traffic;
    for (const TrafficSourceSpec& spec : traffic) {
        const auto service = m_model.state().findService(spec.service);
        if (!service || spec.requestsPerSecond <= 0.0) {
            continue; // the reader rejects unknown services; a zero rate sends nothing
        }
        m_sources.push_back(Source{&spec, *service, m_model.makeStream("traffic/" + spec.name), 0});
    }
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        scheduleNextArrival(i);
    }
}

void TrafficModel::scheduleNextArrival(std::size_t index) {
    Source& source = m_sources[index];
    const TrafficSourceSpec& spec = *source.spec;
    const SimTime now = m_model.engine().now();
    SimTime next;
    if (spec.pattern == TrafficPattern::Constant) {
        // The k-th arrival at start + k / rate, computed from k so rounding never drifts.
        next = spec.start +
               SimTime::fromSeconds(static_cast<double>(source.sent) / spec.requestsPerSecond);
    } else {
        const SimTime from = source.sent == 0 ? std::max(now, spec.start) : now;
        next = from + SimTime::fromSeconds(source.stream.exponential(spec.requestsPerSecond));
    }
    if ((spec.stop && next >= *spec.stop) || next > m_model.endTime()) {
        return;
    }
    m_model.engine().scheduleAt(
        std::max(next, now), [this, index] { arrive(index); }, priority::kTraffic);
}

void TrafficModel::arrive(std::size_t index) {
    Source& source = m_sources[index];
    ++source.sent;
    ServiceTrafficCounters& counters = m_counters[source.service];
    ++counters.arrivals;
    ++counters.windowArrivals;
    const auto& endpoints = m_model.state().services[source.service].endpoints;
    if (endpoints.empty()) {
        ++counters.errors;
        ++counters.windowErrors;
    } else {
        const PodId target = endpoints[m_balancer.uniformIndex(endpoints.size())];
        PodRuntime& pod = m_model.state().pods.at(target);
        if (pod.queue.size() >= kQueueCapacity) {
            ++counters.errors;
            ++counters.windowErrors;
        } else {
            pod.queue.push_back(QueuedRequest{source.service, m_model.engine().now()});
            if (!pod.serving) {
                startService(pod);
            }
        }
    }
    scheduleNextArrival(index);
}

void TrafficModel::startService(PodRuntime& pod) {
    const QueuedRequest& request = pod.queue.front();
    const ServiceRuntime& service = m_model.state().services[request.service];
    const SimTime now = m_model.engine().now();
    pod.serving = true;
    pod.serviceStart = now;
    pod.cpuAccountedUntil = now;
    const SimTime duration =
        SimTime::fromSeconds(service.cpuPerRequest.toSeconds() / pod.serviceCores);
    const PodId id = pod.id;
    pod.completionEvent = m_model.engine().schedule(
        duration, [this, id] { complete(id); }, priority::kTraffic);
}

void TrafficModel::complete(PodId id) {
    PodRuntime& pod = m_model.state().pods.at(id);
    const SimTime now = m_model.engine().now();
    accountCpu(pod, now);
    const QueuedRequest request = pod.queue.front();
    pod.queue.pop_front();
    pod.serving = false;
    pod.completionEvent = {};
    ServiceTrafficCounters& counters = m_counters[request.service];
    const SimTime latency =
        now - request.arrival + m_model.state().services[request.service].baseLatency;
    ++counters.completed;
    counters.latency.add(latency);
    counters.windowLatency.add(latency);
    if (!pod.queue.empty()) {
        startService(pod);
    }
}

void TrafficModel::dropRequests(PodRuntime& pod) {
    if (pod.serving) {
        accountCpu(pod, m_model.engine().now());
        m_model.engine().cancel(pod.completionEvent);
        pod.serving = false;
    }
    for (const QueuedRequest& request : pod.queue) {
        ++m_counters[request.service].errors;
        ++m_counters[request.service].windowErrors;
    }
    pod.queue.clear();
}

void TrafficModel::accountCpu(PodRuntime& pod, SimTime until) {
    if (!pod.serving || !pod.node || until <= pod.cpuAccountedUntil) {
        return;
    }
    // A busy worker uses serviceCores cores of its node.
    const SimTime busy = until - pod.cpuAccountedUntil;
    const SimTime cpu = SimTime::fromSeconds(busy.toSeconds() * pod.serviceCores);
    NodeRuntime& node = m_model.state().nodes[*pod.node];
    node.busyCpuTime += cpu;
    node.busyCpuTotal += cpu;
    pod.cpuAccountedUntil = until;
}

void TrafficModel::accountCpuUntilNow() {
    const SimTime now = m_model.engine().now();
    for (auto& [id, pod] : m_model.state().pods) {
        accountCpu(pod, now);
    }
}

void TrafficModel::refreshEndpoints() {
    ClusterState& state = m_model.state();
    for (ServiceRuntime& service : state.services) {
        service.endpoints.clear();
        for (const auto& [id, pod] : state.pods) {
            if (pod.phase == PodPhase::Running &&
                selects(service.spec->selector,
                        state.deployments[pod.deployment].spec->podLabels)) {
                service.endpoints.push_back(id);
            }
        }
    }
}

} // namespace cnsim
