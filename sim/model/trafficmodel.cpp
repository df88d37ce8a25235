// TrafficModel: set-up, pods as stations, endpoints, CPU accounting and the accessors the
// metrics recorder and the Simulation API read. The request path is in requestflow.cpp.

#include "model/trafficmodel.h"

#include "cluster/objectmeta.h"
#include "model/eventpriority.h"
#include "model/kubelet.h"
#include "model/messagequeues.h"
#include "model/simulationmodel.h"
#include "traffic/kinds.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

const ServiceBehaviourSpec* behaviourOf(const Scenario& scenario, const std::string& service) {
    for (const ServiceBehaviourSpec& b : scenario.simulation.services) {
        if (b.service == service) {
            return &b;
        }
    }
    return nullptr;
}

// The tag of an image reference: "shop/web:2.1" → "2.1"; no tag → "latest".
std::string imageTag(const std::string& image) {
    std::string_view ref = image;
    if (const auto at = ref.find('@'); at != std::string_view::npos) {
        ref = ref.substr(0, at);
    }
    const auto colon = ref.rfind(':');
    const auto slash = ref.rfind('/');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && slash > colon)) {
        return "latest";
    }
    return std::string(ref.substr(colon + 1));
}

} // namespace

TrafficModel::Policy TrafficModel::makePolicy(std::uint32_t caller,
                                              const CallResilienceSpec& spec) {
    Policy policy;
    policy.caller = caller;
    policy.timeout = spec.timeout.value_or(SimTime::zero());
    if (spec.retry) {
        const RetrySpec& retry = *spec.retry;
        policy.maxAttempts = static_cast<std::uint32_t>(std::max(retry.maxAttempts, 1));
        // Resilience4j's IntervalFunction.ofExponentialBackoff: wait × multiplier^(n−1) before
        // the n-th retry; computed once, in whole microseconds.
        double wait = static_cast<double>(retry.waitDuration.toMicroseconds());
        for (std::uint32_t n = 1; n < policy.maxAttempts; ++n) {
            policy.backoff.push_back(SimTime::microseconds(std::llround(wait)));
            wait = std::min(wait * retry.exponentialBackoffMultiplier, 3.6e9);
        }
        if (retry.budget) {
            policy.budgeted = true;
            policy.budget = RetryBudget(retry.budget->ratio, retry.budget->minRetriesPerSecond,
                                        retry.budget->ttl);
        }
    }
    if (spec.circuitBreaker) {
        policy.breaker = true;
        policy.circuit = CircuitBreaker(*spec.circuitBreaker);
    }
    return policy;
}

const std::string& TrafficModel::circuitCaller(std::size_t circuit) const {
    return m_services[m_policies[m_circuits[circuit]].caller].name;
}

const std::string& TrafficModel::circuitCallee(std::size_t circuit) const {
    return m_services[m_policies[m_circuits[circuit]].callee].name;
}

int TrafficModel::circuitState(std::size_t circuit) const {
    return static_cast<int>(m_policies[m_circuits[circuit]].circuit.state());
}

TrafficModel::TrafficModel(SimulationModel& model)
    : m_model(model), m_engine(model.engine()), m_gatewayStream(model.makeStream("gateway")),
      m_tracingStream(model.makeStream("tracing")), m_errorStream(model.makeStream("image-errors")),
      m_sameZone(model.scenario().simulation.network.sameZoneLatency),
      m_crossZone(model.scenario().simulation.network.crossZoneLatency),
      m_meshStream(model.makeStream("mesh")),
      m_aggregate(model.scenario().simulation.trafficMode == TrafficMode::Aggregate) {
    const MeshSettingsSpec& mesh = model.scenario().simulation.mesh;
    m_mesh = mesh.mode == MeshMode::Sidecar && !m_aggregate;
    m_sidecarHop = SimTime::microseconds(mesh.sidecarLatency.toMicroseconds() / 2);
    m_sidecarCpu = mesh.sidecarCpuPerRequest.toSeconds();
    for (const NodeSpec& node : model.scenario().cluster.expandedNodes()) {
        addNode(node.name, node.zone);
    }
    // Nodes the cluster autoscaler adds join the data plane when they register.
    model.api().watch(ResourceKind::Node, [this](WatchEventType type, const ObjectMeta& meta) {
        if (type != WatchEventType::Added || m_nodeByName.count(meta.name) != 0) {
            return;
        }
        if (const NodeObject* node = m_model.api().nodes().find("", meta.name)) {
            addNode(node->meta.name, node->zone);
        }
    });
    buildServices();
    // kube-proxy follows the Endpoints objects; a change is read at the next request.
    model.api().watch(ResourceKind::Endpoints, [this](WatchEventType, const ObjectMeta& meta) {
        const auto it = m_serviceByKey.find(ObjectTable<PodObject>::key(meta.nameSpace, meta.name));
        if (it != m_serviceByKey.end()) {
            m_services[it->second].endpointsDirty = true;
        }
    });
}

TrafficModel::~TrafficModel() = default;

void TrafficModel::addNode(const std::string& name, const std::string& zone) {
    const auto z = m_zones.emplace(zone, static_cast<std::uint32_t>(m_zones.size())).first->second;
    m_nodeByName.emplace(name, static_cast<std::uint32_t>(m_nodes.size()));
    m_nodes.push_back(NodeInfo{name, 0.0, 0.0});
    m_nodeZone.push_back(z);
}

bool TrafficModel::setRouteWeight(const std::string& route, const std::string& canaryService,
                                  int weight, const std::string& stableService) {
    if (!m_router) {
        return false;
    }
    const auto serviceIndex = [&](const std::string& name) -> std::optional<std::uint32_t> {
        for (std::uint32_t i = 0; i < m_serviceNames.size(); ++i) {
            if (m_serviceNames[i] == name) {
                return i;
            }
        }
        return std::nullopt;
    };
    for (std::size_t r = 0; r < m_router->routeCount(); ++r) {
        if (m_router->routeName(r) != route) {
            continue;
        }
        bool changed = false;
        if (const auto canary = serviceIndex(canaryService)) {
            changed = m_router->setBackendWeight(r, *canary, weight) || changed;
        }
        if (const auto stable = serviceIndex(stableService)) {
            changed = m_router->setBackendWeight(r, *stable, 100 - weight) || changed;
        }
        return changed;
    }
    return false;
}

void TrafficModel::buildServices() {
    const Scenario& scenario = m_model.scenario();
    for (const Manifest& manifest : scenario.workloads) {
        const auto* spec = std::get_if<ServiceSpec>(&manifest);
        if (spec == nullptr) {
            continue;
        }
        const auto index = static_cast<std::uint32_t>(m_services.size());
        m_serviceNames.push_back(spec->name);
        m_serviceByKey.emplace(ObjectTable<PodObject>::key(spec->nameSpace, spec->name), index);
        Service& service = m_services.emplace_back(m_model.seed(), "service/" + spec->name);
        service.name = spec->name;
        service.nameSpace = spec->nameSpace;
        service.selector = spec->selector;
        DurationDistributionSpec cpu;
        cpu.mean = SimTime::milliseconds(10); // a Service with no simulation entry
        LoadBalancerSpec balancer;
        if (const ServiceBehaviourSpec* b = behaviourOf(scenario, spec->name)) {
            cpu = b->cpuPerRequest;
            service.baseLatency = b->baseLatency;
            service.workers = b->workers.value_or(0);
            service.queueCapacity = b->queueCapacity;
            service.memoryPerRequest = static_cast<double>(b->memoryPerRequest.value);
            service.oomKill = b->oomKill;
            balancer = b->loadBalancer;
        }
        service.cpu = DurationSampler(cpu);
        service.balancer = makeLoadBalancer(balancer);
        if (!service.balancer) {
            service.balancer = makeLoadBalancer(LoadBalancerSpec{});
        }
    }
    addVmServices();
    // Call steps, once every Service has its index.
    const auto indexOf = [this](const std::string& name) -> std::optional<std::uint32_t> {
        const auto it = std::find(m_serviceNames.begin(), m_serviceNames.end(), name);
        if (it == m_serviceNames.end()) {
            return std::nullopt;
        }
        return static_cast<std::uint32_t>(it - m_serviceNames.begin());
    };
    for (std::uint32_t caller = 0; caller < m_services.size(); ++caller) {
        Service& service = m_services[caller];
        service.firstStep = static_cast<std::uint32_t>(m_steps.size());
        if (const ServiceBehaviourSpec* b = behaviourOf(scenario, service.name)) {
            // Resilience policies, by callee (the reader allows one per downstream Service).
            std::map<std::uint32_t, std::uint32_t> policyOf;
            for (const CallResilienceSpec& r : b->resilience.calls) {
                const auto callee = indexOf(r.service);
                if (!callee || policyOf.count(*callee) != 0) {
                    continue;
                }
                policyOf.emplace(*callee, static_cast<std::uint32_t>(m_policies.size()));
                if (r.circuitBreaker) {
                    m_circuits.push_back(static_cast<std::uint32_t>(m_policies.size()));
                }
                m_policies.push_back(makePolicy(caller, r));
                m_policies.back().callee = *callee;
                service.resilient = true;
            }
            for (const CallStepSpec& stepSpec : b->calls) {
                Step step{stepSpec.parallel, static_cast<std::uint32_t>(m_calls.size()), 0};
                for (const DownstreamCallSpec& call : stepSpec.calls) {
                    const auto target = indexOf(call.service);
                    if (!target || call.count <= 0 || call.probability <= 0.0) {
                        continue; // the validator rejects unknown Services
                    }
                    const auto policy = policyOf.find(*target);
                    m_calls.push_back(Call{*target, std::min(call.probability, 1.0),
                                           static_cast<std::uint32_t>(call.count),
                                           policy == policyOf.end() ? kNone : policy->second});
                    ++step.callCount;
                }
                if (step.callCount > 0) {
                    m_steps.push_back(step);
                }
            }
        }
        service.stepCount = static_cast<std::uint32_t>(m_steps.size()) - service.firstStep;
    }
    const GatewaySpec& gateway = scenario.simulation.gateway;
    if (!gateway.service.empty()) {
        m_gatewayService = indexOf(gateway.service);
        m_router = std::make_unique<GatewayRouter>(gateway, indexOf);
        m_routeCounters.resize(m_router->routeCount());
    }
}

void TrafficModel::start() {
    const Scenario& scenario = m_model.scenario();
    const auto indexOf = [this](const std::string& name) -> std::uint32_t {
        const auto it = std::find(m_serviceNames.begin(), m_serviceNames.end(), name);
        return it == m_serviceNames.end() ? kNone
                                          : static_cast<std::uint32_t>(it - m_serviceNames.begin());
    };
    for (const TrafficSourceSpec& spec : scenario.simulation.traffic) {
        Source source(spec, m_model.makeStream("traffic/" + spec.name),
                      m_model.makeStream("traffic/" + spec.name + "/classes"));
        if (source.arrivals.rateFunction() == nullptr) {
            continue; // the reader rejects unknown kinds
        }
        for (const RequestClassSpec& c : spec.classes) {
            Source::Target target;
            if (!c.queue.empty()) {
                if (const auto queue = m_model.messageQueues().indexOf(c.queue)) {
                    target.queue = static_cast<std::uint32_t>(*queue);
                }
            } else if (!c.service.empty()) {
                target.service = indexOf(c.service);
            } else if (m_gatewayService) {
                target.service = *m_gatewayService;
                target.viaGateway = true;
                if (const auto route = m_router->routeFor(c)) {
                    target.route = static_cast<std::uint32_t>(*route);
                }
            }
            // A class with no target sends nothing (the validator reports it).
            const bool none = target.service == kNone && target.queue == kNone;
            source.weights.push_back(none ? 0.0 : std::max(c.weight, 0.0));
            source.targets.push_back(target);
        }
        if (std::none_of(source.weights.begin(), source.weights.end(),
                         [](double w) { return w > 0.0; })) {
            continue;
        }
        source.clientSalt = fnv1a64(spec.name);
        source.carry.assign(source.targets.size(), 0.0);
        m_sources.push_back(std::move(source));
    }
    if (m_aggregate) {
        startAggregate();
        return;
    }
    if (m_mesh) {
        buildMesh();
    }
    for (std::uint32_t i = 0; i < m_sources.size(); ++i) {
        scheduleNextArrival(i);
    }
}

void TrafficModel::scheduleNextArrival(std::uint32_t index) {
    const std::optional<SimTime> next = m_sources[index].arrivals.next(m_model.endTime());
    if (!next) {
        return;
    }
    m_engine.scheduleAt(
        std::max(*next, m_engine.now()), [this, index] { sourceArrival(index); },
        priority::kTraffic);
}

std::uint32_t TrafficModel::versionFor(std::uint32_t service, const std::string& version) {
    for (std::uint32_t i = 0; i < m_versions.size(); ++i) {
        if (m_versions[i].service == service && m_versions[i].version == version) {
            return i;
        }
    }
    m_versions.push_back(VersionCounters{service, version, {}});
    return static_cast<std::uint32_t>(m_versions.size() - 1);
}

std::uint32_t TrafficModel::stationFor(const std::string& podKey) {
    if (const auto it = m_stationByKey.find(podKey); it != m_stationByKey.end()) {
        return it->second;
    }
    const auto index = static_cast<std::uint32_t>(m_stations.size());
    Station& station = m_stations.emplace_back();
    m_hot.emplace_back();
    station.key = podKey;
    const auto slash = podKey.find('/');
    station.podName = podKey.substr(slash + 1);
    if (const PodObject* pod =
            m_model.api().pods().find(podKey.substr(0, slash), station.podName)) {
        const auto label = pod->meta.labels.find("version");
        if (label != pod->meta.labels.end()) {
            station.version = label->second;
        } else if (!pod->spec.containers.empty()) {
            station.version = imageTag(pod->spec.containers.front().image);
        }
    }
    m_stationByKey.emplace(podKey, index);
    return index;
}

void TrafficModel::refreshEndpoints(std::uint32_t index) {
    Service& service = m_services[index];
    service.endpointsDirty = false;
    service.endpoints.clear();
    service.endpointVersions.clear();
    std::vector<std::string> names;
    if (service.vm) {
        for (const std::uint32_t station : service.vmTargets) {
            service.endpoints.push_back(station);
            service.endpointVersions.push_back(versionFor(index, m_stations[station].version));
            names.push_back(m_stations[station].podName);
        }
        service.balancer->setEndpoints(names);
        return;
    }
    if (const EndpointsObject* endpoints =
            m_model.api().endpoints().find(service.nameSpace, service.name)) {
        for (const EndpointAddress& address : endpoints->ready) {
            const std::uint32_t station =
                stationFor(ObjectTable<PodObject>::key(service.nameSpace, address.podName));
            if (m_stations[station].ejected) {
                continue; // the mesh's outlier detection took it out of the balancing set
            }
            service.endpoints.push_back(station);
            service.endpointVersions.push_back(versionFor(index, m_stations[station].version));
            names.push_back(address.podName);
        }
    }
    service.balancer->setEndpoints(names);
    if (!service.subsets.empty()) {
        refreshSubsets(service);
    }
}

void TrafficModel::podStarted(const std::string& podKey, const std::string& node) {
    const std::uint32_t index = stationFor(podKey);
    Station& station = m_stations[index];
    StationHot& hot = m_hot[index];
    const auto slash = podKey.find('/');
    const PodObject* pod = m_model.api().pods().find(podKey.substr(0, slash), station.podName);
    if (pod == nullptr || pod->spec.containers.empty()) {
        return;
    }
    const ContainerSpec& container = pod->spec.containers.front();
    const ImageSpec* image = m_model.findImage(container.image);
    // The container may use its CPU limit, else what it requested, else one core; its idle
    // work takes its share first.
    double cores = container.limits.cpu && container.limits.cpu->value > 0
                       ? container.limits.cpu->cores()
                   : container.requests.cpu && container.requests.cpu->value > 0
                       ? container.requests.cpu->cores()
                       : 1.0;
    hot.idleCores = image != nullptr ? image->idleCpu.cores() : 0.0;
    cores = std::max(cores - hot.idleCores, kMinimumCapacityCores);
    // Workers, queue and memory come from the first Service (scenario order) selecting the pod.
    int workers = 0;
    int queueCapacity = 1000;
    hot.memoryPerRequest = 0.0;
    station.oomKill = false;
    for (const Service& service : m_services) {
        if (service.nameSpace == pod->meta.nameSpace && !service.selector.empty() &&
            matchesLabels(service.selector, pod->meta.labels)) {
            workers = service.workers;
            queueCapacity = service.queueCapacity;
            hot.memoryPerRequest = service.memoryPerRequest;
            station.oomKill = service.oomKill;
            break;
        }
    }
    station.server = PodServer(cores, workers, queueCapacity);
    if (m_aggregate) {
        if (hot.fluidState != kNone) {
            m_fluidStates.release(hot.fluidState);
        }
        hot.fluidState = m_fluidStates.add(FluidStation(cores, workers, queueCapacity));
    }
    station.containerName = container.name;
    station.memoryLimit =
        container.limits.memory ? static_cast<double>(container.limits.memory->value) : 0.0;
    station.idleMemory = image != nullptr ? static_cast<double>(image->idleMemory.value) : 0.0;
    hot.neverReady = image != nullptr && image->neverReady;
    hot.errorRate = image != nullptr ? image->errorRate : 0.0;
    hot.servingAt = m_engine.now() + (image != nullptr ? image->startupTime : SimTime::zero());
    const auto nodeIt = m_nodeByName.find(node);
    hot.node = nodeIt == m_nodeByName.end() ? kNone : nodeIt->second;
    hot.running = true;
    ++m_stationsEpoch;
    station.oomPending = false;
    hot.idleFrom = m_engine.now();
    station.completion = {};
    if (hot.podCpu == kNone) {
        hot.podCpu = static_cast<std::uint32_t>(m_podCpu.size());
        m_podCpu.push_back(PodCpu{0.0, pod->requestCpu.cores(), true});
        m_podCpuNames.push_back(station.podName);
    }
    m_podCpu[hot.podCpu].running = true;
}

void TrafficModel::podStopped(const std::string& podKey) {
    const auto it = m_stationByKey.find(podKey);
    if (it == m_stationByKey.end() || !m_hot[it->second].running) {
        return;
    }
    const std::uint32_t index = it->second;
    const SimTime now = m_engine.now();
    const std::uint32_t oldGen = m_stations[index].gen;
    {
        Station& station = m_stations[index];
        StationHot& hot = m_hot[index];
        station.server.advance(now.toSeconds());
        const double used =
            station.server.takeBusyCoreSeconds() + hot.idleCores * (now - hot.idleFrom).toSeconds();
        hot.cpuWindow += used;
        if (hot.node != kNone) {
            m_nodes[hot.node].cpuWindow += used;
            m_nodes[hot.node].cpuTotal += used;
        }
        hot.running = false;
        ++m_stationsEpoch;
        ++station.gen; // requests on their way to the old process find it gone
        if (hot.podCpu != kNone) {
            m_podCpu[hot.podCpu].running = false;
        }
        m_engine.cancel(station.completion);
        station.completion = {};
        station.oomPending = false;
    }
    failRequestsAt(index, oldGen);
}

int TrafficModel::requestsInFlight(const std::string& podKey) const {
    const std::uint32_t station = podStation(podKey);
    return station == kNone ? 0 : stationRequestsInFlight(station);
}

std::size_t TrafficModel::podCpuIndex(const std::string& podKey) const {
    const std::uint32_t station = podStation(podKey);
    return station == kNone ? kNone : m_hot[station].podCpu;
}

std::uint32_t TrafficModel::podStation(const std::string& podKey) const {
    const auto it = m_stationByKey.find(podKey);
    return it == m_stationByKey.end() ? kNone : it->second;
}

int TrafficModel::stationRequestsInFlight(std::uint32_t index) const {
    const StationHot& hot = m_hot[index];
    if (!hot.running) {
        return 0;
    }
    if (!m_aggregate) {
        return static_cast<int>(m_stations[index].server.requestsPresent());
    }
    return hot.fluidState == kNone
               ? 0
               : static_cast<int>(std::lround(m_fluidStates[hot.fluidState].meanPresent()));
}

Bytes TrafficModel::stationRequestMemory(std::uint32_t station) const {
    const auto perRequest =
        static_cast<std::int64_t>(std::llround(m_hot[station].memoryPerRequest));
    if (perRequest == 0) {
        return Bytes{}; // the usual case: no request holds memory
    }
    return Bytes{perRequest * stationRequestsInFlight(station)};
}

SimTime TrafficModel::hopLatency(std::uint32_t from, std::uint32_t to) const {
    if (from == kNone) {
        return SimTime::zero(); // the entry hop from outside costs nothing
    }
    return nodeHopLatency(m_hot[from].node, m_hot[to].node);
}

SimTime TrafficModel::nodeHopLatency(std::uint32_t a, std::uint32_t b) const {
    if (a == b || a == kNone || b == kNone) {
        return SimTime::zero();
    }
    return m_nodeZone[a] == m_nodeZone[b] ? m_sameZone : m_crossZone;
}

void TrafficModel::checkMemory(std::uint32_t index) {
    Station& station = m_stations[index];
    if (!station.oomKill || station.memoryLimit <= 0.0 || station.oomPending) {
        return;
    }
    const double used = station.idleMemory + static_cast<double>(station.server.requestsPresent()) *
                                                 m_hot[index].memoryPerRequest;
    if (used <= station.memoryLimit) {
        return;
    }
    // The kernel's OOM killer acts at once; the kubelet sees the container exit with
    // OOMKilled and restarts it under the pod's restart policy.
    station.oomPending = true;
    m_engine.schedule(
        SimTime::zero(),
        [this, index] {
            const Station& s = m_stations[index];
            if (m_hot[index].running && s.oomPending) {
                m_model.kubelet().killContainer(s.podName, s.containerName, "OOMKilled");
            }
        },
        priority::kLifecycle);
}

void TrafficModel::accountCpuUntilNow() {
    const SimTime now = m_engine.now();
    const bool aggregate = m_aggregate;
    // The arrays through plain pointers: read through their vectors, they were read again after
    // every store, which (to the compiler) could have moved them.
    StationHot* const stations = m_hot.data();
    NodeInfo* const nodes = m_nodes.data();
    PodCpu* const podCpu = m_podCpu.data();
    const std::size_t count = m_hot.size();
    // Most running stations were accounted at the last sample, so they share one idle span: its
    // length in seconds (a division) is worked out once for each start in a row.
    SimTime spanFrom = SimTime::max();
    double spanSeconds = 0.0;
    for (std::size_t index = 0; index < count; ++index) {
        StationHot& station = stations[index];
        if (station.running) {
            // Aggregate mode queues nothing at a PodServer (stepStations accounts requests' CPU).
            double busy = 0.0;
            if (!aggregate) {
                PodServer& server = m_stations[index].server;
                server.advance(now.toSeconds());
                busy = server.takeBusyCoreSeconds();
            }
            if (station.idleFrom != spanFrom) {
                spanFrom = station.idleFrom;
                spanSeconds = (now - spanFrom).toSeconds();
            }
            const double used = busy + station.idleCores * spanSeconds;
            station.idleFrom = now;
            station.cpuWindow += used;
            if (station.node != kNone) {
                nodes[station.node].cpuWindow += used;
                nodes[station.node].cpuTotal += used;
            }
        }
        if (station.podCpu != kNone) {
            podCpu[station.podCpu].lastSecondCores = station.cpuWindow;
        }
        station.lastSecondCores = station.cpuWindow;
        station.cpuWindow = 0.0;
    }
}

void TrafficModel::closeWindows() {
    for (Service& service : m_services) {
        service.counters.closeWindow();
    }
    for (TrafficCounters& route : m_routeCounters) {
        route.closeWindow();
    }
    for (VersionCounters& version : m_versions) {
        version.counters.closeWindow();
    }
}

const TrafficCounters& TrafficModel::serviceCounters(std::size_t service) const {
    return m_services[service].counters;
}

std::size_t TrafficModel::routeCount() const {
    return m_router ? m_router->routeCount() : 0;
}

const std::string& TrafficModel::routeName(std::size_t route) const {
    return m_router->routeName(route);
}

const TrafficCounters& TrafficModel::routeCounters(std::size_t route) const {
    return m_routeCounters[route];
}

std::uint32_t TrafficModel::nodeIndex(const std::string& node) const {
    const auto it = m_nodeByName.find(node);
    return it == m_nodeByName.end() ? kNone : it->second;
}

double TrafficModel::takeNodeCpuSeconds(std::uint32_t node) {
    if (node == kNone) {
        return 0.0;
    }
    const double window = m_nodes[node].cpuWindow;
    m_nodes[node].cpuWindow = 0.0;
    return window;
}

double TrafficModel::nodeCpuTotalSeconds(const std::string& node) const {
    return nodeCpuTotalSeconds(nodeIndex(node));
}

double TrafficModel::nodeCpuTotalSeconds(std::uint32_t node) const {
    return node == kNone ? 0.0 : m_nodes[node].cpuTotal;
}

} // namespace cnsim
