// TrafficModel: a caller's calls to one downstream Service (see trafficmodel.h) — each
// attempt sent (through the caller's sidecar when the mesh is on, meshflow.cpp), its
// per-attempt timeout, and the retries a failed attempt earns (back-off, retry budget, the
// route's overall deadline). requestflow.cpp has the rest of a request's path.

#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace cnsim {

namespace {

using Phase = RequestPhase;

} // namespace

void TrafficModel::sendCall(std::uint32_t parent, std::uint32_t service, std::uint32_t policy,
                            std::uint32_t attempt, std::uint32_t subset, SimTime deadline) {
    if (m_mesh && policy == kNone) {
        meshSend(parent, service); // the sidecar routes, then calls back with its policy
        return;
    }
    if (policy != kNone) {
        Policy& pol = m_policies[policy];
        if (attempt == 1 && pol.budgeted) {
            pol.budget.deposit(m_engine.now());
        }
        if (pol.breaker && !pol.circuit.tryAcquirePermission(m_engine.now())) {
            // Open circuit: the call fails at once, nothing is sent (CallNotPermittedException).
            m_services[m_requests[parent].service].counters.rejectedByCircuit();
            attemptFailed(parent, service, policy, attempt, 503);
            return;
        }
    }
    std::uint32_t poolStation = kNone;
    if (m_mesh && m_services[service].maxRequests > 0) {
        // The caller's sidecar holds at most http2MaxRequests requests to this Service; one
        // more overflows at once with 503 (Envoy's circuit breaking, nothing is sent).
        poolStation = m_requests[parent].station;
        std::vector<std::uint32_t>& inFlight = m_stations[poolStation].meshInFlight;
        if (inFlight.size() <= service) {
            inFlight.resize(m_services.size(), 0);
        }
        if (inFlight[service] >= m_services[service].maxRequests) {
            m_services[m_requests[parent].service].counters.rejectedByCircuit();
            attemptFailed(parent, service, policy, attempt, 503, subset, deadline);
            return;
        }
        ++inFlight[service];
    }
    const std::uint32_t ci = allocRequest();
    Request& p = m_requests[parent];
    Request& c = m_requests[ci];
    c.parent = parent;
    c.parentGen = p.gen;
    c.service = service;
    c.client = p.client;
    c.sentAt = m_engine.now();
    c.trace = p.trace;
    c.span = p.span;
    c.source = p.source;
    c.requestClass = p.requestClass;
    c.subset = subset;
    c.poolStation = poolStation;
    c.deadline = deadline;
    if (policy != kNone) {
        c.policy = policy;
        c.attempt = attempt;
        const Policy& pol = m_policies[policy];
        SimTime limit = pol.timeout;
        if (deadline > SimTime::zero()) {
            // The route's timeout covers the whole call, retries included.
            const SimTime left = std::max(deadline - m_engine.now(), SimTime::microseconds(1));
            limit = limit > SimTime::zero() ? std::min(limit, left) : left;
        }
        if (limit > SimTime::zero()) {
            const std::uint32_t gen = c.gen;
            c.timeout = m_engine.schedule(
                limit, [this, ci, gen] { attemptTimedOut(ci, gen); }, priority::kTraffic);
        }
    }
    dispatch(ci, p.station);
}

void TrafficModel::attemptTimedOut(std::uint32_t ci, std::uint32_t gen) {
    Request& c = m_requests[ci];
    if (c.gen != gen) {
        return; // answered and freed; the slot may serve another request now
    }
    c.timeout = {};
    const Request& p = m_requests[c.parent];
    if (c.orphan || p.gen != c.parentGen || p.phase != Phase::Calling) {
        return; // nobody waits for this attempt any more
    }
    // The caller stops waiting; the callee does not know and keeps working (wasted work).
    c.orphan = true;
    m_services[p.service].counters.timedOut();
    if (Policy& pol = m_policies[c.policy]; pol.breaker) {
        pol.circuit.onResult(m_engine.now(), true, m_engine.now() - c.sentAt);
    }
    if (m_mesh) {
        // Envoy resets the upstream stream: its connection-pool slot is free again.
        releasePool(c);
        if (c.deadline > SimTime::zero() && m_engine.now() >= c.deadline) {
            childReturned(c.parent, 504); // the route's timeout: no further attempt
            return;
        }
        if (c.station != kNone) {
            meshOutcome(c.service, c.station, 504); // a per-try timeout counts as a 5xx
        }
    }
    attemptFailed(c.parent, c.service, c.policy, c.attempt, 504, c.subset, c.deadline);
}

void TrafficModel::attemptFailed(std::uint32_t parent, std::uint32_t service, std::uint32_t policy,
                                 std::uint32_t attempt, int code, std::uint32_t subset,
                                 SimTime deadline) {
    Policy& pol = m_policies[policy];
    Request& p = m_requests[parent];
    if (attempt < pol.maxAttempts && (!pol.envoy || meshRetriable(pol, code))) {
        TrafficCounters& counters = m_services[p.service].counters;
        if (!pol.budgeted || pol.budget.tryWithdraw(m_engine.now())) {
            counters.retried();
            // The next attempt waits as a placeholder; the call stays outstanding.
            const std::uint32_t wi = allocRequest();
            Request& w = m_requests[wi];
            w.parent = parent;
            w.parentGen = m_requests[parent].gen;
            w.service = service;
            w.policy = policy;
            w.attempt = attempt + 1;
            w.phase = Phase::Backoff;
            w.subset = subset;
            w.deadline = deadline;
            SimTime wait = pol.envoy ? meshBackoff(attempt) : pol.backoff[attempt - 1];
            if (deadline > SimTime::zero()) {
                wait = std::min(wait, std::max(deadline - m_engine.now(), SimTime::zero()));
            }
            m_requests[wi].pending = m_engine.schedule(
                wait, [this, wi] { retryNow(wi); }, priority::kTraffic);
            return;
        }
        ++counters.retriesDenied;
    }
    childReturned(parent, code);
}

void TrafficModel::retryNow(std::uint32_t wi) {
    const Request& w = m_requests[wi];
    const std::uint32_t parent = w.parent;
    const std::uint32_t service = w.service;
    const std::uint32_t policy = w.policy;
    const std::uint32_t attempt = w.attempt;
    const std::uint32_t subset = w.subset;
    const SimTime deadline = w.deadline;
    const int abortStatus = w.code; // a mesh fault's delayed abort; 200 otherwise
    const Request& p = m_requests[parent];
    const bool waited = p.gen == w.parentGen && p.phase == Phase::Calling;
    freeRequest(wi);
    if (!waited) {
        return;
    }
    if (abortStatus != 200) {
        childReturned(parent, abortStatus);
        return;
    }
    if (deadline > SimTime::zero() && m_engine.now() >= deadline) {
        // The route's timeout ran out during the back-off (Envoy answers 504).
        m_services[p.service].counters.timedOut();
        childReturned(parent, 504);
        return;
    }
    sendCall(parent, service, policy, attempt, subset, deadline);
}

} // namespace cnsim
