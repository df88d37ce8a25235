// TrafficModel: the path of one request (see trafficmodel.h).
//
//   sourceArrival → dispatch (count, pick a ready endpoint, network hop) → arrive (admit:
//   worker, queue or 503) → CPU phase (processor sharing; one completion event per pod) →
//   cpuDone (gateway: route) → continueSteps / launchNext (downstream calls: sendCall →
//   dispatch …, callattempts.cpp; each child's response → childReturned) → finishHandler (base latency) →
//   answer (count, release the worker, trace) → respond (network hop) → deliver (to the caller
//   or, for an entry request, the end).
//
// Requests are indices into the pool; a Request& is never held across a call that can
// allocate a request (the pool is a deque, so it would stay valid, but phases change under
// it). Events capture `this` and one index.

#include "model/eventpriority.h"
#include "model/messagequeues.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

using Phase = RequestPhase;

bool holdsWorker(Phase phase) {
    return phase == Phase::Cpu || phase == Phase::Calling || phase == Phase::Waiting;
}

bool atStation(Phase phase) {
    return phase == Phase::Queued || holdsWorker(phase);
}

// The first whole microsecond at or after t seconds (a hair of tolerance for rounding).
SimTime ceilToMicros(double seconds) {
    return SimTime::microseconds(static_cast<std::int64_t>(std::ceil(seconds * 1e6 - 1e-6)));
}

} // namespace

std::uint32_t TrafficModel::allocRequest() {
    std::uint32_t index;
    if (m_freeRequests.empty()) {
        index = static_cast<std::uint32_t>(m_requests.size());
        m_requests.emplace_back();
    } else {
        index = m_freeRequests.back();
        m_freeRequests.pop_back();
    }
    Request& r = m_requests[index];
    const std::uint32_t gen = r.gen;
    r = Request{};
    r.gen = gen;
    return index;
}

void TrafficModel::freeRequest(std::uint32_t index) {
    Request& r = m_requests[index];
    r.phase = Phase::Free;
    ++r.gen;
    m_freeRequests.push_back(index);
}

void TrafficModel::sourceArrival(std::uint32_t index) {
    scheduleNextArrival(index);
    Source& source = m_sources[index];
    const std::size_t cls =
        source.weights.size() == 1 ? 0 : source.stream.weightedChoice(source.weights);
    const Source::Target& target = source.targets[cls];
    if (target.queue != kNone) {
        m_model.messageQueues().publish(target.queue);
        return;
    }
    const std::uint64_t client =
        source.clientSalt +
        source.stream.uniformIndex(static_cast<std::uint64_t>(std::max(source.spec->clients, 1)));

    const std::uint32_t ri = allocRequest();
    Request& r = m_requests[ri];
    r.source = index;
    r.requestClass = static_cast<std::uint32_t>(cls);
    r.service = target.service;
    r.viaGateway = target.viaGateway;
    r.route = target.route;
    r.client = client;
    r.sentAt = m_engine.now();
    const TracingSpec& tracing = m_model.scenario().simulation.tracing;
    if (tracing.sampleRate > 0.0 && m_traces.size() < static_cast<std::size_t>(tracing.maxTraces) &&
        m_tracingStream.uniform01() < tracing.sampleRate) {
        RequestTrace trace;
        trace.id = m_traces.size() + 1;
        trace.source = source.spec->name;
        trace.requestClass = source.spec->classes[cls].name;
        if (target.route != kNone) {
            trace.route = m_router->routeName(target.route);
        }
        trace.start = m_engine.now();
        trace.end = trace.start;
        r.trace = static_cast<std::uint32_t>(m_traces.size());
        m_traces.push_back(std::move(trace));
    }
    dispatch(ri, kNone);
}

void TrafficModel::dispatch(std::uint32_t ri, std::uint32_t callerStation) {
    Request& r = m_requests[ri];
    Service& service = m_services[r.service];
    service.counters.arrived();
    if (r.trace != kNone) {
        TraceSpan span;
        span.service = service.name;
        span.start = m_engine.now();
        span.end = span.start;
        span.parent = r.span; // the caller's span (set by sendCall), -1 for the entry
        span.attempt = static_cast<int>(r.attempt);
        r.span = static_cast<std::int32_t>(m_traces[r.trace].spans.size());
        m_traces[r.trace].spans.push_back(std::move(span));
    }
    if (service.endpointsDirty) {
        refreshEndpoints(r.service);
    }
    // A mesh route may name one subset of the Service's pods.
    Service::Subset* subset = r.subset == kNone ? nullptr : &service.subsets[r.subset];
    const std::vector<std::uint32_t>& endpoints =
        subset == nullptr ? service.endpoints : subset->endpoints;
    if (endpoints.empty()) {
        // Connection refused: no ready endpoint, answered at once by the client side.
        r.phase = Phase::AtStation;
        r.arrivedAt = m_engine.now();
        answer(ri, 503);
        return;
    }
    const StationLoad load(*this, endpoints);
    LoadBalancer& balancer = subset == nullptr ? *service.balancer : *subset->balancer;
    const std::size_t pick =
        endpoints.size() == 1 ? 0 : balancer.pick(endpoints.size(), r.client, service.stream, load);
    r.station = endpoints[pick];
    r.stationGen = m_stations[r.station].gen;
    r.version = (subset == nullptr ? service.endpointVersions : subset->endpointVersions)[pick];
    m_versions[r.version].counters.arrived();
    r.versionCounted = true;
    r.hop = hopLatency(callerStation, r.station);
    if (m_mesh) {
        // Through the caller's sidecar (if the request comes from a pod) and the callee's.
        r.hop += m_sidecarHop;
        chargeSidecar(r.station);
        if (callerStation != kNone) {
            chargeSidecar(callerStation);
        }
    }
    if (r.hop == SimTime::zero()) {
        arrive(ri);
        return;
    }
    r.phase = Phase::Travelling;
    r.pending = m_engine.schedule(
        r.hop, [this, ri] { arrive(ri); }, priority::kTraffic);
}

void TrafficModel::arrive(std::uint32_t ri) {
    Request& r = m_requests[ri];
    r.pending = {};
    r.arrivedAt = m_engine.now();
    r.phase = Phase::AtStation;
    Station& station = m_stations[r.station];
    const StationHot& hot = m_hot[r.station];
    if (r.trace != kNone) {
        TraceSpan& span = m_traces[r.trace].spans[static_cast<std::size_t>(r.span)];
        span.pod = station.podName;
        span.node = hot.node == kNone ? std::string() : m_nodes[hot.node].name;
        span.version = station.version;
        span.start = m_engine.now();
    }
    if (!hot.running || station.gen != r.stationGen || hot.neverReady ||
        m_engine.now() < hot.servingAt) {
        answer(ri, 503); // listed as ready, but no program answers (yet, or any more)
        return;
    }
    switch (station.server.admit(ri)) {
    case PodServer::Admission::Started:
        checkMemory(r.station);
        startCpu(ri);
        return;
    case PodServer::Admission::Queued:
        r.phase = Phase::Queued;
        ++m_services[r.service].counters.queued;
        ++m_versions[r.version].counters.queued;
        checkMemory(r.station);
        return;
    case PodServer::Admission::Rejected:
        answer(ri, 503); // the pod's queue is full
        return;
    }
}

void TrafficModel::startCpu(std::uint32_t ri) {
    Request& r = m_requests[ri];
    Service& service = m_services[r.service];
    const double work = service.cpu.sampleSeconds(service.stream);
    if (work <= 0.0) {
        r.phase = Phase::Cpu;
        cpuDone(ri);
        return;
    }
    r.phase = Phase::Cpu;
    m_stations[r.station].server.startCpu(m_engine.now().toSeconds(), ri, work);
    rescheduleCompletion(r.station);
}

void TrafficModel::rescheduleCompletion(std::uint32_t index) {
    Station& station = m_stations[index];
    const double next = station.server.nextCompletion();
    if (next == PodServer::kNever) {
        if (station.completion.isValid()) {
            m_engine.cancel(station.completion);
            station.completion = {};
        }
        return;
    }
    const SimTime at = std::max(ceilToMicros(next), m_engine.now());
    if (station.completion.isValid()) {
        if (station.completionAt == at) {
            return;
        }
        m_engine.cancel(station.completion);
    }
    station.completionAt = at;
    station.completion = m_engine.scheduleAt(
        at, [this, index] { stationCompletion(index); }, priority::kTraffic);
}

void TrafficModel::stationCompletion(std::uint32_t index) {
    Station& station = m_stations[index];
    station.completion = {};
    const double now = m_engine.now().toSeconds();
    m_scratch.clear();
    for (std::uint32_t ri = station.server.popCompleted(now); ri != PodServer::kNone;
         ri = station.server.popCompleted(now)) {
        m_scratch.push_back(ri);
    }
    rescheduleCompletion(index);
    // cpuDone never completes another CPU phase synchronously through this station's event,
    // so m_scratch is not reused while this loop runs.
    for (std::size_t i = 0; i < m_scratch.size(); ++i) {
        cpuDone(m_scratch[i]);
    }
}

void TrafficModel::cpuDone(std::uint32_t ri) {
    Request& r = m_requests[ri];
    r.phase = Phase::Calling;
    r.step = 0;
    r.stepStarted = false;
    if (r.viaGateway) {
        // The gateway's pod has done its work (TLS, parsing); now the route decides.
        if (r.route == kNone) {
            answer(ri, 404);
            return;
        }
        m_routeCounters[r.route].arrived();
        r.routeCounted = true;
        if (!m_router->admit(r.route, m_engine.now())) {
            answer(ri, 429);
            return;
        }
        const auto backend = m_router->pickBackend(r.route, m_gatewayStream);
        if (!backend) {
            answer(ri, 503);
            return;
        }
        r.backend = *backend;
    }
    continueSteps(ri);
}

bool TrafficModel::launchNext(std::uint32_t ri) {
    Request& r = m_requests[ri];
    if (r.viaGateway) {
        if (r.stepStarted) {
            return false;
        }
        r.stepStarted = true;
        ++r.outstanding;
        r.sending = true;
        sendCall(ri, r.backend, kNone, 1);
        m_requests[ri].sending = false;
        return true;
    }
    Service& service = m_services[r.service];
    while (r.step < service.stepCount) {
        const Step& step = m_steps[service.firstStep + r.step];
        if (!step.parallel) {
            const Call& call = m_calls[step.firstCall];
            if (!r.stepStarted) {
                r.stepStarted = true;
                // Whether this request makes the call is decided once; its copies run in turn.
                const bool made =
                    call.probability >= 1.0 || service.stream.uniform01() < call.probability;
                r.copiesLeft = made ? call.count : 0;
            }
            if (r.copiesLeft > 0) {
                --r.copiesLeft;
                ++r.outstanding;
                r.sending = true;
                sendCall(ri, call.service, call.policy, 1);
                m_requests[ri].sending = false;
                return true;
            }
            ++r.step;
            r.stepStarted = false;
            continue;
        }
        ++r.step;
        r.stepStarted = false;
        bool any = false;
        r.sending = true;
        for (std::uint32_t c = 0; c < step.callCount; ++c) {
            const Call& call = m_calls[step.firstCall + c];
            if (call.probability < 1.0 && service.stream.uniform01() >= call.probability) {
                continue;
            }
            for (std::uint32_t k = 0; k < call.count; ++k) {
                ++m_requests[ri].outstanding;
                sendCall(ri, call.service, call.policy, 1);
                any = true;
            }
        }
        m_requests[ri].sending = false;
        if (any) {
            return true;
        }
    }
    return false;
}

void TrafficModel::continueSteps(std::uint32_t ri) {
    for (;;) {
        if (!launchNext(ri)) {
            finishHandler(ri);
            return;
        }
        Request& r = m_requests[ri];
        if (r.childCode != 0) {
            // A call failed while the step was being sent (e.g. no endpoint).
            answer(ri, r.viaGateway ? r.childCode : 500);
            return;
        }
        if (r.outstanding > 0) {
            return; // childReturned continues
        }
    }
}

void TrafficModel::childReturned(std::uint32_t pi, int code) {
    Request& p = m_requests[pi];
    --p.outstanding;
    if (code != 200 && p.childCode == 0) {
        p.childCode = code;
    }
    if (p.sending) {
        return; // launchNext / continueSteps look at the outcome when the step is sent
    }
    if (p.childCode != 0) {
        // A downstream error fails the caller as soon as it returns; calls still out are
        // orphaned (their responses are dropped).
        answer(pi, p.viaGateway ? p.childCode : 500);
        return;
    }
    if (p.outstanding == 0) {
        continueSteps(pi);
    }
}

void TrafficModel::finishHandler(std::uint32_t ri) {
    Request& r = m_requests[ri];
    // A buggy release (images[].errorRate) does the same work and then answers 500. The draw
    // happens only for such images, so other runs draw exactly as before.
    const double errorRate = r.station != kNone ? m_hot[r.station].errorRate : 0.0;
    const int code = errorRate > 0.0 && m_errorStream.uniform01() < errorRate ? 500 : 200;
    const SimTime base = m_services[r.service].baseLatency;
    if (base <= SimTime::zero()) {
        answer(ri, code);
        return;
    }
    r.phase = Phase::Waiting;
    r.pending = m_engine.schedule(
        base,
        [this, ri, code] {
            m_requests[ri].pending = {};
            answer(ri, code);
        },
        priority::kTraffic);
}

void TrafficModel::answer(std::uint32_t ri, int code) {
    Request& r = m_requests[ri];
    if (r.pending.isValid()) {
        m_engine.cancel(r.pending);
        r.pending = {};
    }
    const Phase phase = r.phase;
    const SimTime now = m_engine.now();
    const SimTime latency = now - r.arrivedAt;
    r.code = code;
    Service& service = m_services[r.service];
    const bool ok = code == 200;
    const std::size_t bucket = ok ? LatencyHistogram::bucketOf(latency) : 0;
    if (ok) {
        service.counters.succeeded(bucket, latency);
    } else {
        service.counters.failed();
    }
    if (r.versionCounted) {
        TrafficCounters& version = m_versions[r.version].counters;
        ok ? version.succeeded(bucket, latency) : version.failed();
    }
    if (r.trace != kNone) {
        TraceSpan& span = m_traces[r.trace].spans[static_cast<std::size_t>(r.span)];
        span.end = now;
        span.code = code;
    }
    r.phase = Phase::Responding;
    if (holdsWorker(phase) && r.station != kNone) {
        Station& station = m_stations[r.station];
        if (m_hot[r.station].running && station.gen == r.stationGen) {
            const std::uint32_t next = station.server.releaseWorker();
            if (next != PodServer::kNone) {
                Request& n = m_requests[next];
                --m_services[n.service].counters.queued;
                --m_versions[n.version].counters.queued;
                startCpu(next);
            }
        }
    }
    respond(ri);
}

void TrafficModel::respond(std::uint32_t ri) {
    Request& r = m_requests[ri];
    if (r.hop == SimTime::zero()) {
        deliver(ri);
        return;
    }
    r.pending = m_engine.schedule(
        r.hop, [this, ri] { deliver(ri); }, priority::kTraffic);
}

void TrafficModel::deliver(std::uint32_t ri) {
    Request& r = m_requests[ri];
    r.pending = {};
    if (r.parent == kNone) {
        // The response leaves the cluster: the entry request is done.
        if (r.routeCounted) {
            TrafficCounters& route = m_routeCounters[r.route];
            if (r.code == 200) {
                const SimTime latency = m_engine.now() - r.sentAt;
                route.succeeded(LatencyHistogram::bucketOf(latency), latency);
            } else {
                route.failed();
            }
        }
        if (r.trace != kNone) {
            RequestTrace& trace = m_traces[r.trace];
            trace.end = m_engine.now();
            trace.code = r.code;
        }
        freeRequest(ri);
        return;
    }
    if (r.timeout.isValid()) {
        m_engine.cancel(r.timeout);
    }
    const std::uint32_t parent = r.parent;
    const std::uint32_t parentGen = r.parentGen;
    const int code = r.code;
    const std::uint32_t policy = r.policy;
    const std::uint32_t service = r.service;
    const std::uint32_t attempt = r.attempt;
    const std::uint32_t subset = r.subset;
    const SimTime deadline = r.deadline;
    const bool orphan = r.orphan;
    if (m_mesh && !orphan) {
        releasePool(r);
        if (r.station != kNone) {
            meshOutcome(service, r.station, code);
        }
    }
    if (policy != kNone && !orphan) {
        // The circuit breaker records every call that ends, whether or not the caller is
        // still there to use the answer (a timed-out attempt was recorded when it timed out).
        if (Policy& pol = m_policies[policy]; pol.breaker) {
            pol.circuit.onResult(m_engine.now(), code != 200, m_engine.now() - r.sentAt);
        }
    }
    freeRequest(ri);
    const Request& p = m_requests[parent];
    if (orphan || p.gen != parentGen || p.phase != Phase::Calling) {
        return; // the caller stopped waiting or already answered: this response is dropped
    }
    if (code != 200 && policy != kNone) {
        attemptFailed(parent, service, policy, attempt, code, subset, deadline);
        return;
    }
    childReturned(parent, code);
}

void TrafficModel::failRequestsAt(std::uint32_t index, std::uint32_t stationGen) {
    // Every request the old process held fails: queued, in its CPU phase, waiting for
    // downstream calls or in its base latency. Collect first: failing one can answer others.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> lost; // (request, its generation)
    for (std::uint32_t i = 0; i < m_requests.size(); ++i) {
        const Request& r = m_requests[i];
        if (r.station == index && r.stationGen == stationGen && atStation(r.phase)) {
            lost.emplace_back(i, r.gen);
        }
    }
    m_stations[index].server.clear();
    for (const auto& [ri, gen] : lost) {
        Request& r = m_requests[ri];
        if (r.gen != gen || !atStation(r.phase)) {
            continue; // already answered as a consequence of another failure
        }
        if (r.phase == Phase::Queued) {
            --m_services[r.service].counters.queued;
            --m_versions[r.version].counters.queued;
        }
        r.phase = Phase::AtStation; // its worker went with the process
        answer(ri, 503);
    }
}

} // namespace cnsim
