// TrafficModel in aggregate mode (simulation.trafficMode: aggregate; docs/traffic.md
// "Aggregate mode"): rates instead of requests, one tick per simulated second.
//
// A tick at time t accounts the second [t − 1, t), before the metrics sample at t reads it:
//   1. propagateRates: each source's mean rate over the second, split over its classes, enters
//      its Service or the gateway; Services in call order (callers first) pass their admitted
//      rate on to the Services they call (probability × count), the gateway to its routes'
//      backends by weight, within each route's rate limit.
//   2. stepStations: each ready pod gets an equal share of its Service's rate (what every load
//      balancer here gives identical pods on average) and steps its FluidStation: CPU used,
//      share turned away, requests present. Pods stepped alike (same share, same state) are
//      stepped once and share the result (FluidStatePool), and what sampling reads of each
//      pod is gathered per Service.
//   3. sampleRequests: each class's requests of the second (a whole number, the fraction carried
//      to the next second) are represented by at most kSamplesPerClass sampled requests, each
//      standing for its share of them. A sample walks the call graph like a request would —
//      a pod picked at random among the ready ones, its time at the pod drawn from the pod's
//      state, its calls made with their probability, network hops by zone — and its outcome
//      and latency are counted, with its weight, at every Service, version and route it
//      visits. Latency percentiles therefore come from the same histograms as in per-request
//      mode. In a steady second (nothing a sample reads changed anywhere the class can go) a
//      class draws 1 / kSecondsPerWalk of its samples anew and counts walks kept from earlier
//      seconds again for the rest (walkpool.h); a change empties the pools that reach it.
// The first error on a path answers like per-request mode does: 503 for no ready endpoint, a
// full queue or a pod that does not serve yet; 500 at a caller whose call failed (the gateway
// passes the status through) and from a buggy release's pod (images[].errorRate); 404 and 429
// at the gateway.

#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

constexpr std::uint64_t kSamplesPerClass = 128; // per class and second: a per-second p95 from fewer is too noisy to chart
// In a steady second a class draws 1 / kSecondsPerWalk of its samples anew and counts the
// rest from walks kept from the seconds before (walkpool.h): each walk serves about this many
// seconds. Every second's samples stay distinct draws from that second's distribution; only
// consecutive seconds become alike (docs/traffic.md, "Kept walks").
constexpr std::uint64_t kSecondsPerWalk = 8;
constexpr double kTickSeconds = 1.0;

// A Service's endpoints are scattered over the stations: ask for a later one's per-second
// fields (StationHot, which may straddle two cache lines) while this one is worked on.
constexpr std::size_t kPrefetchAhead = 4;

template <typename Hot>
void prefetchStation(const Hot& station) {
    __builtin_prefetch(&station, 1);
    __builtin_prefetch(reinterpret_cast<const char*>(&station + 1) - 1, 1);
}

SimTime fromSeconds(double seconds) {
    return SimTime::microseconds(static_cast<std::int64_t>(std::llround(seconds * 1e6)));
}

// The mean of λ over [a, b) by the midpoint rule on four parts (a step or spike inside one
// second is weighted by the part of the second it covers).
double meanRate(const RateFunction& rate, double a, double b) {
    constexpr int kParts = 4;
    const double width = (b - a) / kParts;
    double sum = 0.0;
    for (int i = 0; i < kParts; ++i) {
        sum += rate.rate(a + (i + 0.5) * width);
    }
    return sum / kParts;
}

// `from` and every Service its calls can lead to.
std::vector<std::uint32_t> reachableFrom(std::uint32_t from,
                                         const std::vector<std::vector<std::uint32_t>>& callees) {
    std::vector<std::uint32_t> reached{from};
    std::vector<bool> seen(callees.size(), false);
    seen[from] = true;
    for (std::size_t next = 0; next < reached.size(); ++next) {
        for (const std::uint32_t callee : callees[reached[next]]) {
            if (!seen[callee]) {
                seen[callee] = true;
                reached.push_back(callee);
            }
        }
    }
    return reached;
}

} // namespace

double TrafficModel::weightTotal(const Source& source) {
    double total = 0.0;
    for (const double w : source.weights) {
        total += w;
    }
    return total;
}

// A buggy release (images[].errorRate) answers a sampled request with 500 after doing the
// work, drawn like per-request mode draws for each request; only such images draw.
bool TrafficModel::buggyAnswer(double errorRate) {
    return errorRate > 0.0 && m_errorStream.uniform01() < errorRate;
}

bool TrafficModel::servingAt(const StationHot& station, SimTime now) {
    return station.running && !station.neverReady && now >= station.servingAt;
}

void TrafficModel::startAggregate() {
    // Callers before callees (the validator refuses cycles): Kahn's algorithm over the calls
    // and the gateway's backends, Services taken in scenario order among those ready.
    const std::size_t n = m_services.size();
    std::vector<std::vector<std::uint32_t>> callees(n);
    for (std::uint32_t s = 0; s < n; ++s) {
        const Service& service = m_services[s];
        for (std::uint32_t k = 0; k < service.stepCount; ++k) {
            const Step& step = m_steps[service.firstStep + k];
            for (std::uint32_t c = 0; c < step.callCount; ++c) {
                callees[s].push_back(m_calls[step.firstCall + c].service);
            }
        }
    }
    if (m_gatewayService) {
        for (std::size_t r = 0; r < m_router->routeCount(); ++r) {
            for (const std::uint32_t backend : m_router->backends(r)) {
                callees[*m_gatewayService].push_back(backend);
            }
        }
    }
    for (Source& source : m_sources) {
        for (Source::Target& target : source.targets) {
            if (target.service == kNone || target.viaGateway) {
                continue; // the gateway's route choices and admissions change every second
            }
            target.reaches = reachableFrom(target.service, callees);
            target.walks = WalkPool(kSamplesPerClass);
        }
    }
    std::vector<int> callers(n, 0);
    for (const auto& list : callees) {
        for (const std::uint32_t callee : list) {
            ++callers[callee];
        }
    }
    std::vector<bool> placed(n, false);
    while (m_serviceOrder.size() < n) {
        bool progressed = false;
        for (std::uint32_t s = 0; s < n; ++s) {
            if (placed[s] || callers[s] != 0) {
                continue;
            }
            placed[s] = true;
            progressed = true;
            m_serviceOrder.push_back(s);
            for (const std::uint32_t callee : callees[s]) {
                --callers[callee];
            }
        }
        if (!progressed) {
            break; // a cycle (refused by the validator): its Services get no calls' rate
        }
    }
    m_serviceRate.assign(n, 0.0);
    m_serviceDrop.assign(n, 0.0);
    m_latencySeconds.assign(n, 0.0);
    m_latencyWeight.assign(n, 0.0);
    m_routeAdmit.assign(routeCount(), 1.0);
    m_samplingChanged.assign(n, 1);
    if (m_sources.empty() || m_model.endTime() < SimTime::seconds(1)) {
        return;
    }
    m_engine.scheduleAt(
        SimTime::seconds(1), [this] { aggregateTick(); }, priority::kTraffic);
}

void TrafficModel::aggregateTick() {
    const double to = m_engine.now().toSeconds();
    const double from = to - kTickSeconds;
    bool refreshed = false;
    std::fill(m_samplingChanged.begin(), m_samplingChanged.end(), 0);
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        if (m_services[s].endpointsDirty) {
            refreshEndpoints(s);
            linkEndpointVersions(m_services[s]);
            refreshed = true;
            m_samplingChanged[s] = 1;
        }
    }
    if (refreshed) {
        markSharedStations();
    }
    propagateRates(from, to);
    stepStations(kTickSeconds);
    sampleRequests();
    const SimTime next = m_engine.now() + SimTime::seconds(1);
    if (next <= m_model.endTime()) {
        m_engine.scheduleAt(
            next, [this] { aggregateTick(); }, priority::kTraffic);
    }
}

void TrafficModel::propagateRates(double from, double to) {
    std::fill(m_serviceRate.begin(), m_serviceRate.end(), 0.0);
    std::vector<double> routeRate(routeCount(), 0.0);
    m_sourceRequests.assign(m_sources.size(), 0.0);
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        const Source& source = m_sources[i];
        // The part of the second the source is on, and its mean rate over that part.
        const double start = std::max(from, source.spec->start.toSeconds());
        const double stop =
            source.spec->stop ? std::min(to, source.spec->stop->toSeconds()) : to;
        if (stop <= start) {
            continue;
        }
        m_sourceRequests[i] = meanRate(*source.arrivals.rateFunction(), start, stop) * (stop - start);
        const double rate = m_sourceRequests[i] / (to - from);
        const double total = weightTotal(source);
        for (std::size_t c = 0; c < source.targets.size(); ++c) {
            const double classRate = rate * source.weights[c] / total;
            const Source::Target& target = source.targets[c];
            if (target.service == kNone || classRate <= 0.0) {
                continue;
            }
            m_serviceRate[target.service] += classRate;
            if (target.viaGateway && target.route != kNone) {
                routeRate[target.route] += classRate; // no route: 404 after the gateway's CPU
            }
        }
    }
    for (const std::uint32_t s : m_serviceOrder) {
        const Service& service = m_services[s];
        const double admitted = m_serviceRate[s] * (1.0 - m_serviceDrop[s]);
        if (admitted <= 0.0 || service.endpoints.empty()) {
            continue;
        }
        if (m_gatewayService && s == *m_gatewayService) {
            const double gatewayShare = m_serviceRate[s] > 0.0 ? admitted / m_serviceRate[s] : 0.0;
            for (std::size_t r = 0; r < routeRate.size(); ++r) {
                const double arriving = routeRate[r] * gatewayShare;
                const double limit = m_router->rateLimitPerSecond(r);
                const double passed = limit > 0.0 ? std::min(arriving, limit) : arriving;
                m_routeAdmit[r] = arriving > 0.0 ? passed / arriving : 1.0;
                const auto& backends = m_router->backends(r);
                const auto& weights = m_router->backendWeights(r);
                double weightTotal = 0.0;
                for (const double w : weights) {
                    weightTotal += w;
                }
                for (std::size_t b = 0; b < backends.size() && weightTotal > 0.0; ++b) {
                    m_serviceRate[backends[b]] += passed * weights[b] / weightTotal;
                }
            }
        }
        for (std::uint32_t k = 0; k < service.stepCount; ++k) {
            const Step& step = m_steps[service.firstStep + k];
            for (std::uint32_t c = 0; c < step.callCount; ++c) {
                const Call& call = m_calls[step.firstCall + c];
                m_serviceRate[call.service] += admitted * call.probability * call.count;
            }
        }
    }
}

// A station selected by several Services gets the sum of their shares and is stepped once,
// for the first of them. Such Services are marked (markSharedStations) so that the usual
// case, every pod in one Service, reads no rate from its stations.
void TrafficModel::stepStations(double seconds) {
    static_assert(sizeof(StationHot) <= 80, "the per-second walks stream through StationHot");
    const SimTime now = m_engine.now();
    // Every shared station's fluidRate is 0 (never stepped) or −1 (stepped last tick) here.
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        const Service& service = m_services[s];
        if (!service.sharesStations) {
            continue;
        }
        const double share = m_serviceRate[s] / static_cast<double>(service.endpoints.size());
        for (const std::uint32_t endpoint : service.endpoints) {
            StationHot& station = m_hot[endpoint];
            station.fluidRate = std::max(station.fluidRate, 0.0) + share;
        }
    }
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        Service& service = m_services[s];
        const std::vector<std::uint32_t>& endpoints = service.endpoints;
        const double share =
            endpoints.empty() ? 0.0 : m_serviceRate[s] / static_cast<double>(endpoints.size());
        if (service.steady.valid && m_samplingChanged[s] == 0 && share == service.steady.share &&
            service.steady.stationsEpoch == m_stationsEpoch) {
            accountSteadyStep(service);
            continue;
        }
        double dropped = 0.0;
        double queued = 0.0;
        // Whether every pod serves and follows the first one's stable step (SteadyStep).
        bool allFollow = !service.sharesStations && !endpoints.empty();
        // The last step taken: a pod whose step has the same key follows it to its state.
        FluidStatePool::Id stepped = kNone;
        FluidStation::StepKey steppedKey{};
        std::uint64_t steppedSignature = 0;
        // Shared stations are stepped for whichever Service comes first: not followed here.
        bool changed = service.sharesStations;
        for (std::size_t k = 0; k < endpoints.size(); ++k) {
            if (k + kPrefetchAhead < endpoints.size()) {
                prefetchStation(m_hot[endpoints[k + kPrefetchAhead]]);
            }
            StationHot& station = m_hot[endpoints[k]];
            const bool serving = servingAt(station, now);
            if (station.fluidState == kNone) {
                station.fluidState = m_fluidStates.add(FluidStation());
            }
            EndpointState& state = service.endpointStates[k];
            // Or-ed without branches: an unchanged pod, the usual case, takes no jump.
            changed |= (state.node != station.node) | (state.serving != serving) |
                       (state.errorRate != station.errorRate);
            state.node = station.node;
            state.serving = serving;
            state.errorRate = station.errorRate;
            if (service.sharesStations && station.fluidRate < 0.0) {
                state.fluid = station.fluidState; // stepped already for an earlier Service
                continue;
            }
            const double rate = service.sharesStations ? station.fluidRate : share;
            const FluidStation::StepKey key = m_fluidStates[station.fluidState].stepKey(
                serving ? rate : 0.0, service.cpu.meanSeconds(), seconds);
            if (stepped != kNone && key == steppedKey) {
                station.fluidState = m_fluidStates.follow(station.fluidState, stepped);
            } else {
                allFollow = allFollow && stepped == kNone;
                station.fluidState =
                    m_fluidStates.step(station.fluidState, key.arrivalRate, key.meanWork, seconds);
                stepped = station.fluidState;
                steppedKey = key;
                steppedSignature = m_fluidStates[stepped].signature();
            }
            state.fluid = station.fluidState;
            changed |= state.fluidSignature != steppedSignature;
            state.fluidSignature = steppedSignature;
            const FluidStation& fluid = m_fluidStates[station.fluidState];
            allFollow = allFollow && serving;
            dropped += serving ? fluid.dropFraction() : 1.0;
            queued += fluid.meanQueued();
            const double used = fluid.busyCores() * seconds;
            station.cpuWindow += used;
            if (station.node != kNone) {
                m_nodes[station.node].cpuWindow += used;
                m_nodes[station.node].cpuTotal += used;
            }
            if (service.sharesStations) {
                station.fluidRate = -1.0;
            }
        }
        m_serviceDrop[s] =
            service.endpoints.empty() ? 0.0 : dropped / static_cast<double>(service.endpoints.size());
        service.counters.queued = std::llround(queued);
        m_samplingChanged[s] = m_samplingChanged[s] != 0 || changed ? 1 : 0;
        const bool stable = allFollow && !m_fluidStates[stepped].saturated();
        service.steady = Service::SteadyStep{
            stable, share, stable ? m_fluidStates[stepped].busyCores() * seconds : 0.0,
            m_stationsEpoch};
    }
}

void TrafficModel::accountSteadyStep(const Service& service) {
    const double used = service.steady.used;
    for (const std::uint32_t endpoint : service.endpoints) {
        StationHot& station = m_hot[endpoint];
        station.cpuWindow += used;
        if (station.node != kNone) {
            m_nodes[station.node].cpuWindow += used;
            m_nodes[station.node].cpuTotal += used;
        }
    }
}

void TrafficModel::linkEndpointVersions(Service& service) {
    service.endpointStates.resize(service.endpoints.size());
    for (std::size_t k = 0; k < service.endpoints.size(); ++k) {
        service.endpointStates[k].version = &m_versions[service.endpointVersions[k]].counters;
    }
    const bool gateway = m_gatewayService && &service == &m_services[*m_gatewayService];
    const auto& states = service.endpointStates;
    const bool one =
        !states.empty() && std::all_of(states.begin(), states.end(), [&](const EndpointState& e) {
            return e.version == states.front().version;
        });
    service.soleVersion = one && !gateway ? states.front().version : nullptr;
}

void TrafficModel::markSharedStations() {
    std::vector<std::uint8_t> selections(m_hot.size(), 0); // capped at 2
    for (const Service& service : m_services) {
        for (const std::uint32_t endpoint : service.endpoints) {
            selections[endpoint] = static_cast<std::uint8_t>(std::min(selections[endpoint] + 1, 2));
        }
    }
    for (Service& service : m_services) {
        service.sharesStations = std::any_of(
            service.endpoints.begin(), service.endpoints.end(),
            [&](std::uint32_t endpoint) { return selections[endpoint] > 1; });
    }
}

void TrafficModel::forgetChangedWalks() {
    for (Source& source : m_sources) {
        for (Source::Target& target : source.targets) {
            const bool changed =
                std::any_of(target.reaches.begin(), target.reaches.end(),
                            [this](std::uint32_t s) { return m_samplingChanged[s] != 0; });
            if (changed) {
                target.walks.clear();
            }
        }
    }
}

void TrafficModel::replayWalk(std::span<const WalkUpdate> walk, std::uint64_t weight) {
    for (const WalkUpdate& visit : walk) {
        if (!visit.succeeded) {
            visit.service->failedAggregate(weight);
            if (visit.version != nullptr && m_versionFollows[visit.serviceIndex] == 0) {
                visit.version->failedAggregate(weight);
            }
            continue;
        }
        visit.service->succeededAggregate(weight, visit.latency, visit.bucket);
        if (m_versionFollows[visit.serviceIndex] == 0) {
            visit.version->succeededAggregate(weight, visit.latency, visit.bucket);
        }
        m_latencySeconds[visit.serviceIndex] += static_cast<double>(weight) * visit.seconds;
        m_latencyWeight[visit.serviceIndex] += static_cast<double>(weight);
    }
}

void TrafficModel::sampleRequests() {
    forgetChangedWalks();
    // A sole version follows its Service this tick when the Service's window is empty, so that
    // after sampling it holds exactly this tick's additions.
    m_versionFollows.resize(m_services.size());
    for (std::size_t s = 0; s < m_services.size(); ++s) {
        const TrafficCounters& c = m_services[s].counters;
        m_versionFollows[s] = m_services[s].soleVersion != nullptr && c.windowArrivals == 0 &&
                                      c.windowErrors == 0 && c.windowLatency.count() == 0
                                  ? 1
                                  : 0;
    }
    std::fill(m_latencySeconds.begin(), m_latencySeconds.end(), 0.0);
    std::fill(m_latencyWeight.begin(), m_latencyWeight.end(), 0.0);
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        Source& source = m_sources[i];
        const double requests = m_sourceRequests[i]; // this second's, from propagateRates
        if (requests <= 0.0) {
            continue;
        }
        const double total = weightTotal(source);
        for (std::size_t c = 0; c < source.targets.size(); ++c) {
            Source::Target& target = source.targets[c];
            if (target.service == kNone) {
                continue;
            }
            const double exact = requests * source.weights[c] / total + source.carry[c];
            const auto count = static_cast<std::uint64_t>(std::floor(exact));
            source.carry[c] = exact - static_cast<double>(count);
            if (count == 0) {
                continue;
            }
            const std::uint64_t samples = std::min(count, kSamplesPerClass);
            WalkPool& pool = target.walks;
            const bool keeps = pool.capacity() > 0;
            // The newest kept walks first (they are all from earlier seconds), then new draws.
            const std::uint64_t drawn =
                keeps ? (samples + kSecondsPerWalk - 1) / kSecondsPerWalk : samples;
            const std::uint64_t replayed = std::min<std::uint64_t>(samples - drawn, pool.size());
            for (std::uint64_t k = 0; k < samples; ++k) {
                const std::uint64_t weight = count / samples + (k < count % samples ? 1 : 0);
                if (k < replayed) {
                    replayWalk(pool.walk(k), weight);
                    continue;
                }
                if (keeps) {
                    pool.beginWalk();
                    m_recording = &pool;
                }
                if (target.viaGateway) {
                    visitGatewayRoute(kNone, target.route, weight);
                } else {
                    visitService(target.service, kNone, weight);
                }
                if (keeps) {
                    pool.endWalk();
                }
                m_recording = nullptr;
            }
            m_samplingStats.replayedWalks += replayed;
            m_samplingStats.drawnWalks += samples - replayed;
        }
    }
    m_latencyBatch.apply();
    for (std::size_t s = 0; s < m_services.size(); ++s) {
        if (m_versionFollows[s] != 0) {
            m_services[s].soleVersion->addWindowOf(m_services[s].counters);
        }
    }
    // Requests in flight by Little's law: arrival rate × mean time at the Service.
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        const double mean =
            m_latencyWeight[s] > 0.0 ? m_latencySeconds[s] / m_latencyWeight[s] : 0.0;
        m_services[s].counters.inFlight = std::llround(m_serviceRate[s] * mean);
    }
}

TrafficModel::Visit TrafficModel::visitGatewayRoute(std::uint32_t callerNode, std::uint32_t route,
                                                    std::uint64_t weight) {
    // The gateway's own pod first: its CPU, then the route decides.
    const std::uint32_t gateway = *m_gatewayService;
    Service& service = m_services[gateway];
    Visit visit;
    if (service.endpoints.empty()) {
        service.counters.failedAggregate(weight);
        visit.code = 503;
        return visit;
    }
    const std::size_t pick = service.endpoints.size() == 1
                                 ? 0
                                 : service.stream.uniformIndex(service.endpoints.size());
    const EndpointState& pod = service.endpointStates[pick];
    TrafficCounters& version = *pod.version;
    visit.hop = nodeHopLatency(callerNode, pod.node);
    const auto fail = [&](int code, bool countRoute) {
        service.counters.failedAggregate(weight);
        version.failedAggregate(weight);
        if (countRoute) {
            m_routeCounters[route].failedAggregate(weight);
        }
        visit.code = code;
        return visit;
    };
    const FluidStation& fluid = m_fluidStates[pod.fluid];
    if (!pod.serving || service.stream.uniform01() < fluid.dropFraction()) {
        return fail(503, false);
    }
    double seconds =
        fluid.sampleSojourn(service.cpu.sampleSeconds(service.stream), service.stream);
    if (route == kNone) {
        return fail(404, false);
    }
    if (m_routeAdmit[route] < 1.0 && m_gatewayStream.uniform01() >= m_routeAdmit[route]) {
        return fail(429, true);
    }
    const auto backend = m_router->pickBackend(route, m_gatewayStream);
    if (!backend) {
        return fail(503, true);
    }
    const Visit child = visitService(*backend, pod.node, weight);
    if (child.code != 200) {
        return fail(child.code, true);
    }
    if (buggyAnswer(pod.errorRate)) {
        return fail(500, true);
    }
    seconds += (child.latency + child.hop + child.hop).toSeconds() +
               service.baseLatency.toSeconds();
    visit.latency = fromSeconds(seconds);
    const std::size_t bucket = LatencyHistogram::bucketOf(visit.latency);
    service.counters.succeededAggregate(weight, visit.latency, bucket, m_latencyBatch);
    version.succeededAggregate(weight, visit.latency, bucket, m_latencyBatch);
    // The route's latency is the whole request's: the entry hop costs nothing.
    m_routeCounters[route].succeededAggregate(weight, visit.latency, bucket, m_latencyBatch);
    m_latencySeconds[gateway] += static_cast<double>(weight) * seconds;
    m_latencyWeight[gateway] += static_cast<double>(weight);
    return visit;
}

TrafficModel::Visit TrafficModel::visitService(std::uint32_t s, std::uint32_t callerNode,
                                               std::uint64_t weight) {
    Service& service = m_services[s];
    Visit visit;
    if (service.endpoints.empty()) {
        service.counters.failedAggregate(weight);
        if (m_recording != nullptr) {
            m_recording->record(WalkUpdate{&service.counters, nullptr, {}, 0, s, 0.0, false});
        }
        visit.code = 503;
        return visit;
    }
    const std::size_t pick = service.endpoints.size() == 1
                                 ? 0
                                 : service.stream.uniformIndex(service.endpoints.size());
    const EndpointState& pod = service.endpointStates[pick];
    TrafficCounters& version = *pod.version;
    visit.hop = nodeHopLatency(callerNode, pod.node);
    const FluidStation& fluid = m_fluidStates[pod.fluid];
    if (!pod.serving || service.stream.uniform01() < fluid.dropFraction()) {
        visit.code = 503;
    }
    double seconds = 0.0;
    if (visit.code == 200) {
        seconds =
            fluid.sampleSojourn(service.cpu.sampleSeconds(service.stream), service.stream);
        int code = 200;
        seconds += downstreamLatency(s, pod.node, weight, code).toSeconds();
        if (code != 200 || buggyAnswer(pod.errorRate)) {
            visit.code = 500;
        }
    }
    const bool versionFollows = m_versionFollows[s] != 0;
    if (visit.code != 200) {
        service.counters.failedAggregate(weight);
        if (!versionFollows) {
            version.failedAggregate(weight);
        }
        if (m_recording != nullptr) {
            m_recording->record(WalkUpdate{&service.counters, &version, {}, 0, s, 0.0, false});
        }
        return visit;
    }
    seconds += service.baseLatency.toSeconds();
    visit.latency = fromSeconds(seconds);
    const std::size_t bucket = LatencyHistogram::bucketOf(visit.latency);
    service.counters.succeededAggregate(weight, visit.latency, bucket, m_latencyBatch);
    if (!versionFollows) {
        version.succeededAggregate(weight, visit.latency, bucket, m_latencyBatch);
    }
    m_latencySeconds[s] += static_cast<double>(weight) * seconds;
    m_latencyWeight[s] += static_cast<double>(weight);
    if (m_recording != nullptr) {
        m_recording->record(WalkUpdate{&service.counters, &version, visit.latency,
                                       static_cast<std::uint32_t>(bucket), s, seconds, true});
    }
    return visit;
}

SimTime TrafficModel::downstreamLatency(std::uint32_t s, std::uint32_t node,
                                        std::uint64_t weight, int& code) {
    Service& service = m_services[s];
    SimTime total;
    for (std::uint32_t k = 0; k < service.stepCount; ++k) {
        const Step& step = m_steps[service.firstStep + k];
        SimTime longest; // a parallel step lasts as long as its slowest call
        for (std::uint32_t c = 0; c < step.callCount; ++c) {
            const Call& call = m_calls[step.firstCall + c];
            if (call.probability < 1.0 && service.stream.uniform01() >= call.probability) {
                continue;
            }
            for (std::uint32_t copy = 0; copy < call.count; ++copy) {
                const Visit child = visitService(call.service, node, weight);
                if (child.code != 200) {
                    code = child.code;
                    return total;
                }
                const SimTime taken = child.latency + child.hop + child.hop;
                if (step.parallel) {
                    longest = std::max(longest, taken);
                } else {
                    total += taken;
                }
            }
        }
        total += longest;
    }
    return total;
}

} // namespace cnsim
