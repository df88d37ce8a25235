#include "scenario/trafficvalidator.h"

#include "scenario/editdistance.h"
#include "traffic/callgraph.h"
#include "traffic/gatewayrouter.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cnsim {

namespace {

void checkCallGraph(DiagnosticSink& sink, const SimulationSpec& simulation,
                    const ScenarioMarks& marks) {
    const CallGraph graph(simulation.services, simulation.gateway);
    if (const std::optional<CallGraph::Cycle> cycle = graph.findCycle()) {
        std::string path;
        for (const std::string& service : cycle->services) {
            path += service + " → ";
        }
        path += cycle->services.front();
        const CallGraph::EdgeSource& source = cycle->closingEdge.source;
        YAML::Mark at = marks.gateway.service;
        if (source.kind == CallGraph::EdgeSource::Kind::Call) {
            if (source.owner < marks.behaviours.size() &&
                source.step < marks.behaviours[source.owner].calls.size() &&
                source.item < marks.behaviours[source.owner].calls[source.step].size()) {
                at = marks.behaviours[source.owner].calls[source.step][source.item];
            }
        } else if (source.owner < marks.gateway.backends.size() &&
                   source.item < marks.gateway.backends[source.owner].size()) {
            at = marks.gateway.backends[source.owner][source.item];
        }
        sink.error(at, "call-cycle", {path},
                   "Services call each other in a cycle: " + path +
                       " (a request would never finish)");
        return; // fan-out is only defined without a cycle
    }
    // Report only the Services whose own calls pass the limit, not every caller above them.
    const std::vector<double> fanOuts = graph.worstCaseFanOuts();
    const auto fanOutOf = [&](const std::string& service) {
        const std::optional<std::size_t> v = graph.vertexOf(service);
        return v ? fanOuts[*v] : 0.0;
    };
    std::set<std::string> reported;
    for (std::size_t i = 0; i < simulation.services.size() && i < marks.behaviours.size(); ++i) {
        const ServiceBehaviourSpec& behaviour = simulation.services[i];
        const double fanOut = fanOutOf(behaviour.service);
        if (fanOut <= kMaxFanOut || reported.count(behaviour.service) != 0) {
            continue;
        }
        bool calleeTooLarge = false;
        for (const CallStepSpec& step : behaviour.calls) {
            for (const DownstreamCallSpec& call : step.calls) {
                calleeTooLarge = calleeTooLarge || fanOutOf(call.service) > kMaxFanOut;
            }
        }
        if (calleeTooLarge) {
            continue;
        }
        reported.insert(behaviour.service);
        const std::string shown =
            fanOut >= 1e15 ? std::string("more than 10^15")
                           : std::to_string(static_cast<long long>(std::llround(fanOut)));
        sink.error(marks.behaviours[i].name, "too-many-calls",
                   {behaviour.service, shown, std::to_string(static_cast<long long>(kMaxFanOut))},
                   "one request to '" + behaviour.service + "' can cause " + shown +
                       " downstream requests (counts multiply along the calls), above the "
                       "maximum of 100000");
    }
}

// Aggregate mode simulates rates, not requests (docs/traffic.md "Aggregate mode"): what
// needs individual requests is refused (resilience would silently do nothing) or warned about.
void checkAggregateMode(DiagnosticSink& sink, const SimulationSpec& simulation,
                        const ScenarioMarks& marks) {
    if (simulation.trafficMode != TrafficMode::Aggregate) {
        return;
    }
    for (std::size_t i = 0; i < simulation.services.size() && i < marks.behaviours.size(); ++i) {
        const ServiceBehaviourSpec& behaviour = simulation.services[i];
        if (!behaviour.resilience.calls.empty()) {
            sink.error(marks.behaviours[i].name, "aggregate-resilience", {behaviour.service},
                       "'" + behaviour.service +
                           "' has resilience settings (timeouts, retries, circuit breakers), "
                           "which need individual requests: use trafficMode: perRequest, or "
                           "remove them");
        }
        if (behaviour.oomKill) {
            sink.warning(marks.behaviours[i].name, "aggregate-no-oom", {behaviour.service},
                         "trafficMode: aggregate does not model memory per request: '" +
                             behaviour.service + "' is never OOMKilled");
        }
    }
    if (simulation.tracing.sampleRate > 0.0) {
        sink.warning(marks.trafficMode, "aggregate-no-traces", {},
                     "trafficMode: aggregate records no request traces (tracing is ignored)");
    }
}

} // namespace

void validateTraffic(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                     const std::vector<std::string>& serviceNames) {
    const SimulationSpec& simulation = scenario.simulation;
    // A file may name tens of thousands of Services and calls: look names up in a set, and
    // stop searching for suggestions once no more messages are listed.
    const std::set<std::string, std::less<>> known(serviceNames.begin(), serviceNames.end());
    const auto checkService = [&](const std::string& name, const YAML::Mark& at,
                                  const std::string& who) {
        if (name.empty() || known.count(name) != 0) {
            return true;
        }
        sink.error(at, "unknown-reference", {"Service", name},
                   who + " '" + name + "', but no Service of that name is in workloads" +
                       (sink.isFull() ? std::string() : didYouMean(name, serviceNames)));
        return false;
    };

    std::set<std::string> behaviourSeen;
    for (std::size_t i = 0; i < simulation.services.size() && i < marks.behaviours.size(); ++i) {
        const ServiceBehaviourSpec& behaviour = simulation.services[i];
        const BehaviourMarks& behaviourMarks = marks.behaviours[i];
        if (checkService(behaviour.service, behaviourMarks.name, "simulation.services names") &&
            !behaviour.service.empty() && !behaviourSeen.insert(behaviour.service).second) {
            sink.error(behaviourMarks.name, "duplicate-name",
                       {"simulation service", behaviour.service},
                       "Service '" + behaviour.service +
                           "' appears more than once in simulation.services");
        }
        for (std::size_t k = 0; k < behaviour.calls.size() && k < behaviourMarks.calls.size();
             ++k) {
            const CallStepSpec& step = behaviour.calls[k];
            for (std::size_t c = 0; c < step.calls.size() && c < behaviourMarks.calls[k].size();
                 ++c) {
                checkService(step.calls[c].service, behaviourMarks.calls[k][c],
                             "'" + behaviour.service + "' calls Service");
            }
        }
    }

    const GatewaySpec& gateway = simulation.gateway;
    checkService(gateway.service, marks.gateway.service, "the gateway is Service");
    for (std::size_t r = 0; r < gateway.routes.size() && r < marks.gateway.backends.size(); ++r) {
        const GatewayRouteSpec& route = gateway.routes[r];
        for (std::size_t b = 0; b < route.backends.size() && b < marks.gateway.backends[r].size();
             ++b) {
            checkService(route.backends[b].service, marks.gateway.backends[r][b],
                         "route '" + route.name + "' sends to Service");
        }
    }

    std::set<std::string> trafficSeen;
    for (std::size_t i = 0; i < simulation.traffic.size() && i < marks.traffic.size(); ++i) {
        const TrafficSourceSpec& traffic = simulation.traffic[i];
        const TrafficMarks& trafficMarks = marks.traffic[i];
        if (!traffic.name.empty() && !trafficSeen.insert(traffic.name).second) {
            sink.error(trafficMarks.name, "duplicate-name", {"traffic source", traffic.name},
                       "duplicate traffic source name '" + traffic.name + "'");
        }
        for (std::size_t c = 0; c < traffic.classes.size() && c < trafficMarks.classes.size();
             ++c) {
            const RequestClassSpec& requestClass = traffic.classes[c];
            const YAML::Mark& at = trafficMarks.classes[c].service;
            if (!requestClass.queue.empty()) {
                continue; // kedavalidator.cpp checks the queue
            }
            if (!requestClass.service.empty()) {
                checkService(requestClass.service, at, "traffic goes to Service");
            } else if (trafficMarks.classes[c].viaGateway && gateway.service.empty()) {
                sink.error(at, "no-gateway", {traffic.name, requestClass.name},
                           "requests of '" + requestClass.name +
                               "' go through the gateway (host, path or headers), but "
                               "simulation.gateway is not set");
            } else if (trafficMarks.classes[c].viaGateway &&
                       std::none_of(gateway.routes.begin(), gateway.routes.end(),
                                    [&](const GatewayRouteSpec& route) {
                                        return routeMatches(route, requestClass);
                                    })) {
                std::string routes;
                for (const GatewayRouteSpec& route : gateway.routes) {
                    routes += (routes.empty() ? "" : ", ") + route.name;
                }
                sink.warning(at, "no-route", {traffic.name, requestClass.name},
                             "requests of '" + requestClass.name + "' (host '" + requestClass.host +
                                 "', path '" + requestClass.path + "') match no gateway route" +
                                 (routes.empty() ? std::string() : " (routes: " + routes + ")") +
                                 ", so the gateway answers them 404");
            }
        }
        if (traffic.stop && *traffic.stop <= traffic.start) {
            sink.error(trafficMarks.stop, "stop-before-start",
                       {formatDuration(*traffic.stop), formatDuration(traffic.start)},
                       "traffic stop " + formatDuration(*traffic.stop) +
                           " must be after its start " + formatDuration(traffic.start));
        }
        if (traffic.start >= scenario.duration) {
            sink.warning(trafficMarks.start, "never-starts",
                         {formatDuration(traffic.start), formatDuration(scenario.duration)},
                         "traffic starts at " + formatDuration(traffic.start) +
                             ", not before the scenario ends at " +
                             formatDuration(scenario.duration) + ", so it sends nothing");
        }
    }

    checkCallGraph(sink, simulation, marks);
    checkAggregateMode(sink, simulation, marks);
}

} // namespace cnsim
