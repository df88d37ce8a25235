// TrafficModel: the sidecar service mesh (see trafficmodel.h and docs/traffic.md, "Service
// mesh"). Istio's behaviour and defaults, each with the upstream file it comes from:
//
//   - routing: a host's VirtualService routes are tried in order; the first whose match holds
//     for the request (headers, uri) wins, a weighted destination is drawn; a host with a
//     VirtualService but no matching route answers 404 (Envoy's "NR"). A host without one
//     goes to the whole Service.
//   - retries: the route's `retries`, else Istio's default policy (istio/istio
//     pilot/pkg/networking/core/route/retry/retry.go DefaultPolicy: 2 retries, retryOn
//     "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes", retriable
//     status 503). Back-off: Envoy's JitteredExponentialBackOffStrategy (envoy
//     source/common/common/backoff_strategy.cc) with base 25 ms and maximum 10 × base
//     (envoy api/envoy/config/route/v3/route_components.proto RetryPolicy.RetryBackOff): the
//     n-th retry waits a uniform draw below min(base × 2^(n−1), max).
//   - load balancing: the DestinationRule's `simple`, else LEAST_REQUEST (istio/api
//     networking/v1alpha3/destination_rule.proto: the default).
//   - connection pool: http2MaxRequests in flight per client sidecar and destination; beyond,
//     503 at once (Envoy's cluster circuit breaker, "UO").
//   - outlier detection (envoy source/extensions/clusters/common/outlier_detection_impl.cc):
//     `consecutive5xxErrors` 5xx in a row from one endpoint eject it at once, while the ejected
//     share stays within maxEjectionPercent (one may always be ejected); an ejected endpoint
//     returns at the first interval sweep after baseEjectionTime × times ejected (capped at
//     Envoy's max_ejection_time, 300 s, or the base if longer); each sweep a healthy endpoint's
//     multiplier goes down by one. cnsim keeps one view per Service for all client sidecars.

#include "cluster/objectmeta.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

namespace {

constexpr SimTime kMaxEjectionTime = SimTime::seconds(300); // Envoy's max_ejection_time

bool stringMatches(const MeshStringMatch& match, const std::string& value) {
    return match.prefix ? value.rfind(match.value, 0) == 0 : value == match.value;
}

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// HTTPMatchRequest against a request class: every header condition and the uri must hold.
bool matches(const MeshHttpMatch& match, const RequestClassSpec& cls) {
    for (const auto& [name, condition] : match.headers) {
        bool found = false;
        for (const auto& [header, value] : cls.headers) {
            if (lowerCase(header) == name) {
                found = stringMatches(condition, value);
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    return !match.uri || stringMatches(*match.uri, cls.path);
}

bool routeMatches(const MeshHttpRoute& route, const RequestClassSpec& cls) {
    return route.match.empty() ||
           std::any_of(route.match.begin(), route.match.end(),
                       [&](const MeshHttpMatch& m) { return matches(m, cls); });
}

LoadBalancerSpec balancerFor(const std::optional<MeshTrafficPolicy>& policy) {
    LoadBalancerSpec spec;
    spec.type = "least-request"; // Istio's default
    if (policy) {
        switch (policy->loadBalancer) {
        case MeshLoadBalancer::RoundRobin:
            spec.type = "round-robin";
            break;
        case MeshLoadBalancer::Random:
            spec.type = "random";
            break;
        case MeshLoadBalancer::LeastRequest:
        case MeshLoadBalancer::Unset:
            break;
        }
    }
    return spec;
}

} // namespace

std::uint32_t TrafficModel::addMeshPolicy(const std::optional<MeshRetrySpec>& retries) {
    const MeshRetrySpec spec = retries.value_or(MeshRetrySpec{});
    Policy policy;
    policy.envoy = true;
    policy.maxAttempts = static_cast<std::uint32_t>(spec.attempts) + 1;
    policy.timeout = spec.perTryTimeout.value_or(SimTime::zero());
    bool statusCodes = false;
    std::size_t start = 0;
    const std::string& text = spec.retryOn;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string token = text.substr(start, comma - start);
        if (token == "5xx") {
            policy.retry5xx = true;
        } else if (token == "gateway-error") {
            policy.retryGateway = true;
        } else if (token == "connect-failure" || token == "refused-stream" || token == "reset") {
            policy.retryConnect = true;
        } else if (token == "retriable-status-codes") {
            statusCodes = true;
        } else if (!token.empty() && std::isdigit(static_cast<unsigned char>(token.front()))) {
            policy.retriableCodes.push_back(std::stoi(token));
        }
        // "unavailable" and "cancelled" are gRPC statuses: cnsim's requests have none.
        start = comma + 1;
    }
    if (statusCodes && policy.retriableCodes.empty()) {
        policy.retriableCodes.push_back(503); // Istio's default retriable status code
    }
    m_policies.push_back(std::move(policy));
    return static_cast<std::uint32_t>(m_policies.size() - 1);
}

void TrafficModel::buildSubsets(Service& service, const DestinationRuleSpec& rule) {
    const LoadBalancerSpec balancer = balancerFor(rule.trafficPolicy);
    service.balancer = makeLoadBalancer(balancer);
    for (const MeshSubsetSpec& subset : rule.subsets) {
        Service::Subset entry;
        entry.labels = subset.labels;
        entry.balancer = makeLoadBalancer(balancer);
        service.subsets.push_back(std::move(entry));
    }
    if (rule.trafficPolicy) {
        if (rule.trafficPolicy->connectionPool &&
            rule.trafficPolicy->connectionPool->http2MaxRequests) {
            service.maxRequests =
                static_cast<std::uint32_t>(*rule.trafficPolicy->connectionPool->http2MaxRequests);
        }
        service.outlier = rule.trafficPolicy->outlierDetection;
    }
    service.endpointsDirty = true;
}

void TrafficModel::buildMesh() {
    const Scenario& scenario = m_model.scenario();
    const auto indexOf = [this](const std::string& name) -> std::uint32_t {
        const auto it = std::find(m_serviceNames.begin(), m_serviceNames.end(), name);
        return it == m_serviceNames.end() ? kNone
                                          : static_cast<std::uint32_t>(it - m_serviceNames.begin());
    };
    // The client sidecar balances: Istio's default unless a DestinationRule says otherwise.
    for (Service& service : m_services) {
        if (!service.vm) {
            service.balancer = makeLoadBalancer(balancerFor(std::nullopt));
            service.endpointsDirty = true;
        }
    }
    for (const DestinationRuleSpec& rule : scenario.destinationRules) {
        if (const std::uint32_t host = indexOf(rule.host); host != kNone) {
            buildSubsets(m_services[host], rule);
        }
    }
    const auto subsetOf = [&](std::uint32_t service, const std::string& name) -> std::uint32_t {
        if (name.empty()) {
            return kNone;
        }
        for (const DestinationRuleSpec& rule : scenario.destinationRules) {
            if (rule.host != m_serviceNames[service]) {
                continue;
            }
            for (std::uint32_t i = 0; i < rule.subsets.size(); ++i) {
                if (rule.subsets[i].name == name) {
                    return i;
                }
            }
        }
        return kNone; // the validator rejects unknown subsets
    };
    // Routes: one default route per Service (no VirtualService), then the VirtualServices'.
    std::vector<std::uint32_t> defaultRoute(m_services.size());
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        MeshRoute route;
        route.destinations.push_back(MeshDestination{s, kNone});
        route.weights.push_back(1.0);
        route.policy = addMeshPolicy(std::nullopt);
        defaultRoute[s] = static_cast<std::uint32_t>(m_meshRoutes.size());
        m_meshRoutes.push_back(std::move(route));
    }
    // For each host: its VirtualService's routes (first index and spec), if any.
    std::vector<const VirtualServiceSpec*> virtualService(m_services.size(), nullptr);
    std::vector<std::uint32_t> firstRoute(m_services.size(), kNone);
    for (const VirtualServiceSpec& vs : scenario.virtualServices) {
        const auto first = static_cast<std::uint32_t>(m_meshRoutes.size());
        for (const MeshHttpRoute& spec : vs.http) {
            MeshRoute route;
            for (const MeshRouteDestination& d : spec.route) {
                const std::uint32_t service = indexOf(d.host);
                if (service == kNone) {
                    continue;
                }
                route.destinations.push_back(MeshDestination{service, subsetOf(service, d.subset)});
                route.weights.push_back(static_cast<double>(d.weight.value_or(100)));
            }
            route.policy = addMeshPolicy(spec.retries);
            route.timeout = spec.timeout.value_or(SimTime::zero());
            route.fault = spec.fault.value_or(MeshFaultSpec{});
            m_meshRoutes.push_back(std::move(route));
        }
        for (const std::string& host : vs.hosts) {
            if (const std::uint32_t s = indexOf(host); s != kNone && virtualService[s] == nullptr) {
                virtualService[s] = &vs;
                firstRoute[s] = first;
            }
        }
    }
    // Request classes have fixed headers and paths: each (host, class) route is found once.
    m_meshClassBase.clear();
    m_meshClassCount = 0;
    for (const Source& source : m_sources) {
        m_meshClassBase.push_back(m_meshClassCount);
        m_meshClassCount += static_cast<std::uint32_t>(source.spec->classes.size());
    }
    m_meshRouteFor.assign(static_cast<std::size_t>(m_services.size()) * m_meshClassCount, kNone);
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        for (std::uint32_t src = 0; src < m_sources.size(); ++src) {
            const std::vector<RequestClassSpec>& classes = m_sources[src].spec->classes;
            for (std::uint32_t c = 0; c < classes.size(); ++c) {
                std::uint32_t route = defaultRoute[s];
                if (const VirtualServiceSpec* vs = virtualService[s]) {
                    route = kNone; // no match: 404
                    for (std::uint32_t r = 0; r < vs->http.size(); ++r) {
                        if (routeMatches(vs->http[r], classes[c]) &&
                            !m_meshRoutes[firstRoute[s] + r].destinations.empty()) {
                            route = firstRoute[s] + r;
                            break;
                        }
                    }
                }
                m_meshRouteFor[s * m_meshClassCount + m_meshClassBase[src] + c] = route;
            }
        }
    }
    // Callers' retry and timeout counters are meaningful now.
    for (Service& service : m_services) {
        service.resilient = service.resilient || service.stepCount > 0 ||
                            (m_gatewayService && &service == &m_services[*m_gatewayService]);
    }
    for (std::uint32_t s = 0; s < m_services.size(); ++s) {
        if (m_services[s].outlier) {
            m_engine.schedule(
                m_services[s].outlier->interval, [this, s] { outlierSweep(s); },
                priority::kTraffic);
        }
    }
}

void TrafficModel::refreshSubsets(Service& service) {
    for (Service::Subset& subset : service.subsets) {
        subset.endpoints.clear();
        subset.endpointVersions.clear();
        std::vector<std::string> names;
        for (std::size_t i = 0; i < service.endpoints.size(); ++i) {
            const Station& station = m_stations[service.endpoints[i]];
            const PodObject* pod = m_model.api().pods().find(service.nameSpace, station.podName);
            if (pod != nullptr && matchesLabels(subset.labels, pod->meta.labels)) {
                subset.endpoints.push_back(service.endpoints[i]);
                subset.endpointVersions.push_back(service.endpointVersions[i]);
                names.push_back(station.podName);
            }
        }
        subset.balancer->setEndpoints(names);
    }
}

void TrafficModel::meshSend(std::uint32_t parent, std::uint32_t host) {
    const Request& p = m_requests[parent];
    const std::uint32_t route =
        p.source == kNone
            ? kNone
            : m_meshRouteFor[host * m_meshClassCount + m_meshClassBase[p.source] + p.requestClass];
    if (route == kNone) {
        childReturned(parent, 404); // the host's VirtualService has no route for this request
        return;
    }
    const MeshRoute& r = m_meshRoutes[route];
    const std::size_t pick =
        r.destinations.size() == 1 ? 0 : m_meshStream.weightedChoice(r.weights);
    const MeshDestination& destination = r.destinations[pick];
    // Fault injection (Envoy's fault filter, before the router): delay, then abort.
    const bool delayed = r.fault.fixedDelay && r.fault.delayPercent > 0.0 &&
                         m_meshStream.uniform01() * 100.0 < r.fault.delayPercent;
    const bool aborted = r.fault.abortStatus && r.fault.abortPercent > 0.0 &&
                         m_meshStream.uniform01() * 100.0 < r.fault.abortPercent;
    if (aborted && !delayed) {
        childReturned(parent, *r.fault.abortStatus);
        return;
    }
    const SimTime start = m_engine.now() + (delayed ? *r.fault.fixedDelay : SimTime::zero());
    const SimTime deadline = r.timeout > SimTime::zero() ? start + r.timeout : SimTime::zero();
    if (delayed) {
        // Waits as a placeholder like a retry's back-off; retryNow sends the first attempt,
        // or answers with the abort status the placeholder carries.
        const std::uint32_t wi = allocRequest();
        Request& w = m_requests[wi];
        w.parent = parent;
        w.parentGen = m_requests[parent].gen;
        w.service = destination.service;
        w.policy = r.policy;
        w.attempt = 1;
        w.subset = destination.subset;
        w.deadline = deadline;
        w.code = aborted ? *r.fault.abortStatus : 200;
        w.phase = RequestPhase::Backoff;
        w.pending = m_engine.schedule(
            *r.fault.fixedDelay, [this, wi] { retryNow(wi); }, priority::kTraffic);
        return;
    }
    sendCall(parent, destination.service, r.policy, 1, destination.subset, deadline);
}

bool TrafficModel::meshRetriable(const Policy& policy, int code) const {
    if (policy.retry5xx && code >= 500) {
        return true;
    }
    if (policy.retryGateway && (code == 502 || code == 503 || code == 504)) {
        return true;
    }
    if (policy.retryConnect && code == 503) {
        return true;
    }
    return std::find(policy.retriableCodes.begin(), policy.retriableCodes.end(), code) !=
           policy.retriableCodes.end();
}

SimTime TrafficModel::meshBackoff(std::uint32_t retry) {
    // Envoy: the n-th back-off is random() % interval, the interval doubling from the base up
    // to the maximum.
    const Policy defaults;
    std::int64_t interval = defaults.backoffBase.toMicroseconds();
    for (std::uint32_t n = 1; n < retry && interval < defaults.backoffMax.toMicroseconds(); ++n) {
        interval *= 2;
    }
    interval = std::min(interval, defaults.backoffMax.toMicroseconds());
    return SimTime::microseconds(
        static_cast<std::int64_t>(m_meshStream.uniformIndex(static_cast<std::uint64_t>(interval))));
}

void TrafficModel::meshOutcome(std::uint32_t serviceIndex, std::uint32_t stationIndex, int code) {
    Service& service = m_services[serviceIndex];
    if (!service.outlier) {
        return;
    }
    Station& station = m_stations[stationIndex];
    if (code < 500) {
        station.consecutive5xx = 0;
        return;
    }
    if (++station.consecutive5xx <
            static_cast<std::uint32_t>(service.outlier->consecutive5xxErrors) ||
        station.ejected) {
        return;
    }
    const std::size_t ejected = service.ejectedStations.size();
    const std::size_t hosts = service.endpoints.size() + ejected;
    const bool withinLimit =
        100.0 * static_cast<double>(ejected + 1) <=
        static_cast<double>(service.outlier->maxEjectionPercent) * static_cast<double>(hosts);
    if (!withinLimit && ejected > 0) {
        return;
    }
    station.consecutive5xx = 0;
    station.ejected = true;
    ++station.ejections;
    const SimTime base = service.outlier->baseEjectionTime;
    const SimTime longest = std::max(base, kMaxEjectionTime);
    const SimTime time = SimTime::microseconds(
        std::min(base.toMicroseconds() * static_cast<std::int64_t>(station.ejections),
                 longest.toMicroseconds()));
    station.ejectedUntil = m_engine.now() + time;
    service.ejectedStations.push_back(stationIndex);
    service.endpointsDirty = true;
}

void TrafficModel::outlierSweep(std::uint32_t serviceIndex) {
    Service& service = m_services[serviceIndex];
    const SimTime now = m_engine.now();
    std::vector<std::uint32_t>& ejected = service.ejectedStations;
    const auto back = std::remove_if(ejected.begin(), ejected.end(), [&](std::uint32_t s) {
        Station& station = m_stations[s];
        if (station.ejectedUntil > now && m_hot[s].running) {
            return false;
        }
        station.ejected = false;
        station.consecutive5xx = 0;
        return true;
    });
    if (back != ejected.end()) {
        ejected.erase(back, ejected.end());
        service.endpointsDirty = true;
    }
    for (const std::uint32_t s : service.endpoints) {
        Station& station = m_stations[s];
        if (!station.ejected && station.ejections > 0) {
            --station.ejections;
        }
    }
    m_engine.schedule(
        service.outlier->interval, [this, serviceIndex] { outlierSweep(serviceIndex); },
        priority::kTraffic);
}

void TrafficModel::chargeSidecar(std::uint32_t index) {
    if (m_stations[index].vmService != kNone) {
        return; // a VM instance (vmGroups) runs outside Kubernetes: no sidecar is injected
    }
    StationHot& hot = m_hot[index];
    hot.cpuWindow += m_sidecarCpu;
    if (hot.node != kNone) {
        m_nodes[hot.node].cpuWindow += m_sidecarCpu;
        m_nodes[hot.node].cpuTotal += m_sidecarCpu;
    }
}

void TrafficModel::releasePool(Request& r) {
    if (r.poolStation != kNone) {
        --m_stations[r.poolStation].meshInFlight[r.service];
        r.poolStation = kNone;
    }
}

} // namespace cnsim
