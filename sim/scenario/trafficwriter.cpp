#include "scenario/trafficwriter.h"

#include "scenario/quantity.h"
#include "traffic/kinds.h"

namespace cnsim {

namespace {

void writeAttributeValue(YamlWriter& w, const std::string& name, const AttributeValue& value) {
    if (const double* number = std::get_if<double>(&value)) {
        w.number(name, *number);
    } else if (const SimTime* duration = std::get_if<SimTime>(&value)) {
        w.field(name, formatDuration(*duration));
    } else {
        w.field(name, std::get<std::string>(value));
    }
}

// In the schema's order, so the file reads like the documentation; values of a kind the
// registry does not know (built in code) in name order.
void writeAttributes(YamlWriter& w, const KindDescriptor* kind, const AttributeMap& values) {
    if (kind == nullptr) {
        for (const auto& [name, value] : values) {
            writeAttributeValue(w, name, value);
        }
        return;
    }
    for (const AttributeSchema& schema : kind->attributes) {
        if (const auto it = values.find(schema.name); it != values.end()) {
            writeAttributeValue(w, it->first, it->second);
        }
    }
}

void writeCall(YamlWriter& w, const DownstreamCallSpec& call) {
    w.beginMap();
    w.field("service", call.service);
    if (call.probability != 1.0) {
        w.number("probability", call.probability);
    }
    if (call.count != 1) {
        w.integer("count", call.count);
    }
    w.endMap();
}

void writeCalls(YamlWriter& w, const std::vector<CallStepSpec>& steps) {
    w.key("calls");
    w.beginSeq();
    for (const CallStepSpec& step : steps) {
        if (!step.parallel) {
            // One call per sequential step; more (only possible when built in code) keep
            // their meaning as consecutive steps.
            for (const DownstreamCallSpec& call : step.calls) {
                writeCall(w, call);
            }
            continue;
        }
        w.beginMap();
        w.key("parallel");
        w.beginSeq();
        for (const DownstreamCallSpec& call : step.calls) {
            writeCall(w, call);
        }
        w.endSeq();
        w.endMap();
    }
    w.endSeq();
}

void writeLoadBalancer(YamlWriter& w, const LoadBalancerSpec& spec) {
    if (spec.attributes.empty()) {
        w.field("loadBalancer", spec.type);
        return;
    }
    w.key("loadBalancer");
    w.beginMap();
    w.field("type", spec.type);
    writeAttributes(w, findKind(loadBalancerKinds(), spec.type), spec.attributes);
    w.endMap();
}

// Resilience4j's keys, those that differ from its defaults (`circuitBreaker: {}` for none).
void writeCircuitBreaker(YamlWriter& w, const CircuitBreakerConfig& config) {
    const CircuitBreakerConfig d;
    w.key("circuitBreaker");
    w.beginMap();
    if (config.failureRateThreshold != d.failureRateThreshold) {
        w.number("failureRateThreshold", config.failureRateThreshold);
    }
    if (config.slowCallRateThreshold != d.slowCallRateThreshold) {
        w.number("slowCallRateThreshold", config.slowCallRateThreshold);
    }
    if (config.slowCallDurationThreshold != d.slowCallDurationThreshold) {
        w.field("slowCallDurationThreshold", formatDuration(config.slowCallDurationThreshold));
    }
    if (config.slidingWindowSize != d.slidingWindowSize) {
        w.integer("slidingWindowSize", config.slidingWindowSize);
    }
    if (config.minimumNumberOfCalls != d.minimumNumberOfCalls) {
        w.integer("minimumNumberOfCalls", config.minimumNumberOfCalls);
    }
    if (config.waitDurationInOpenState != d.waitDurationInOpenState) {
        w.field("waitDurationInOpenState", formatDuration(config.waitDurationInOpenState));
    }
    if (config.permittedNumberOfCallsInHalfOpenState != d.permittedNumberOfCallsInHalfOpenState) {
        w.integer("permittedNumberOfCallsInHalfOpenState",
                  config.permittedNumberOfCallsInHalfOpenState);
    }
    w.endMap();
}

// Defaults are left out except a retry's maxAttempts, which says what the block does.
void writeResilience(YamlWriter& w, const ResilienceSpec& resilience) {
    w.key("resilience");
    w.beginMap();
    w.key("calls");
    w.beginSeq();
    for (const CallResilienceSpec& call : resilience.calls) {
        w.beginMap();
        w.field("service", call.service);
        if (call.timeout) {
            w.field("timeout", formatDuration(*call.timeout));
        }
        if (call.retry) {
            const RetrySpec& retry = *call.retry;
            w.key("retry");
            w.beginMap();
            w.integer("maxAttempts", retry.maxAttempts);
            if (retry.waitDuration != RetrySpec{}.waitDuration) {
                w.field("waitDuration", formatDuration(retry.waitDuration));
            }
            if (retry.exponentialBackoffMultiplier != RetrySpec{}.exponentialBackoffMultiplier) {
                w.number("exponentialBackoffMultiplier", retry.exponentialBackoffMultiplier);
            }
            if (retry.budget) {
                const RetryBudgetSpec& budget = *retry.budget;
                w.key("budget");
                w.beginMap();
                w.number("ratio", budget.ratio);
                w.number("minRetriesPerSecond", budget.minRetriesPerSecond);
                w.field("ttl", formatDuration(budget.ttl));
                w.endMap();
            }
            w.endMap();
        }
        if (call.circuitBreaker) {
            writeCircuitBreaker(w, *call.circuitBreaker);
        }
        w.endMap();
    }
    w.endSeq();
    w.endMap();
}

void writeHeaderMap(YamlWriter& w, const std::map<std::string, std::string>& headers) {
    w.key("headers");
    w.beginMap();
    for (const auto& [name, value] : headers) {
        w.out() << YAML::Key;
        w.text(name);
        w.out() << YAML::Value;
        w.text(value);
    }
    w.endMap();
}

// A request class's target; `service` wins, as the reader allows only one of the forms.
void writeTarget(YamlWriter& w, const RequestClassSpec& spec) {
    if (!spec.queue.empty()) {
        w.field("queue", spec.queue);
        return;
    }
    if (!spec.service.empty()) {
        w.field("service", spec.service);
        return;
    }
    if (!spec.host.empty()) {
        w.field("host", spec.host);
    }
    w.field("path", spec.path);
    if (!spec.headers.empty()) {
        writeHeaderMap(w, spec.headers);
    }
}

void writeRoute(YamlWriter& w, const GatewayRouteSpec& route) {
    w.beginMap();
    w.field("name", route.name);
    if (!route.hostnames.empty()) {
        w.key("hostnames");
        w.beginSeq();
        for (const std::string& host : route.hostnames) {
            w.text(host);
        }
        w.endSeq();
    }
    if (!route.matches.empty()) {
        w.key("matches");
        w.beginSeq();
        for (const RouteMatchSpec& match : route.matches) {
            w.beginMap();
            w.key("path");
            w.beginMap();
            w.field("type", "PathPrefix");
            w.field("value", match.pathPrefix);
            w.endMap();
            if (!match.headers.empty()) {
                w.key("headers");
                w.beginSeq();
                for (const auto& [name, value] : match.headers) {
                    w.beginMap();
                    w.field("name", name);
                    w.field("value", value);
                    w.endMap();
                }
                w.endSeq();
            }
            w.endMap();
        }
        w.endSeq();
    }
    w.key("backendRefs");
    w.beginSeq();
    for (const RouteBackendSpec& backend : route.backends) {
        w.beginMap();
        w.field("name", backend.service);
        w.integer("weight", backend.weight);
        w.endMap();
    }
    w.endSeq();
    if (route.rateLimit) {
        w.key("rateLimit");
        w.beginMap();
        w.number("requestsPerSecond", route.rateLimit->requestsPerSecond);
        w.integer("burst", route.rateLimit->burst);
        w.endMap();
    }
    w.endMap();
}

} // namespace

void writeDistribution(YamlWriter& w, const char* name, const DurationDistributionSpec& spec) {
    if (spec.type == DistributionType::Constant) {
        w.field(name, formatDuration(spec.mean));
        return;
    }
    w.key(name);
    w.beginMap();
    switch (spec.type) {
    case DistributionType::Constant:
        break;
    case DistributionType::Exponential:
        w.field("distribution", "exponential");
        w.field("mean", formatDuration(spec.mean));
        break;
    case DistributionType::LogNormal:
        w.field("distribution", "lognormal");
        w.field("mean", formatDuration(spec.mean));
        w.field("stddev", formatDuration(spec.stddev));
        break;
    case DistributionType::Uniform:
        w.field("distribution", "uniform");
        w.field("min", formatDuration(spec.min));
        w.field("max", formatDuration(spec.max));
        break;
    }
    w.endMap();
}

void writeServiceBehaviours(YamlWriter& w, const std::vector<ServiceBehaviourSpec>& services) {
    w.key("services");
    w.beginSeq();
    for (const ServiceBehaviourSpec& behaviour : services) {
        w.beginMap();
        w.field("name", behaviour.service);
        writeDistribution(w, "cpuPerRequest", behaviour.cpuPerRequest);
        w.field("baseLatency", formatDuration(behaviour.baseLatency));
        if (behaviour.workers) {
            w.integer("workers", *behaviour.workers);
        }
        if (behaviour.queueCapacity != ServiceBehaviourSpec{}.queueCapacity) {
            w.integer("queueCapacity", behaviour.queueCapacity);
        }
        if (behaviour.memoryPerRequest != Bytes{}) {
            w.field("memoryPerRequest", formatMemory(behaviour.memoryPerRequest));
        }
        if (behaviour.oomKill) {
            w.boolean("oomKill", true);
        }
        if (behaviour.loadBalancer != LoadBalancerSpec{}) {
            writeLoadBalancer(w, behaviour.loadBalancer);
        }
        if (!behaviour.calls.empty()) {
            writeCalls(w, behaviour.calls);
        }
        if (!behaviour.resilience.empty()) {
            writeResilience(w, behaviour.resilience);
        }
        w.endMap();
    }
    w.endSeq();
}

void writeNetwork(YamlWriter& w, const NetworkSpec& network) {
    w.key("network");
    w.beginMap();
    w.field("sameZoneLatency", formatDuration(network.sameZoneLatency));
    w.field("crossZoneLatency", formatDuration(network.crossZoneLatency));
    w.endMap();
}

void writeGateway(YamlWriter& w, const GatewaySpec& gateway) {
    w.key("gateway");
    w.beginMap();
    w.field("service", gateway.service);
    if (!gateway.routes.empty()) {
        w.key("routes");
        w.beginSeq();
        for (const GatewayRouteSpec& route : gateway.routes) {
            writeRoute(w, route);
        }
        w.endSeq();
    }
    w.endMap();
}

void writeDurationDistribution(YamlWriter& w, const char* name,
                               const DurationDistributionSpec& spec) {
    writeDistribution(w, name, spec);
}

void writeTrafficSources(YamlWriter& w, const std::vector<TrafficSourceSpec>& sources) {
    w.key("traffic");
    w.beginSeq();
    for (const TrafficSourceSpec& source : sources) {
        w.beginMap();
        w.field("name", source.name);
        const bool inlineTarget = source.classes.size() == 1 &&
                                  source.classes.front().name == source.name &&
                                  source.classes.front().weight == 1.0;
        if (inlineTarget) {
            writeTarget(w, source.classes.front());
        }
        w.field("type", source.type);
        writeAttributes(w, findKind(trafficShapeKinds(), source.type), source.attributes);
        if (source.start != SimTime::zero()) {
            w.field("start", formatDuration(source.start));
        }
        if (source.stop) {
            w.field("stop", formatDuration(*source.stop));
        }
        if (source.clients != TrafficSourceSpec{}.clients) {
            w.integer("clients", source.clients);
        }
        if (!inlineTarget && !source.classes.empty()) {
            w.key("classes");
            w.beginSeq();
            for (const RequestClassSpec& requestClass : source.classes) {
                w.beginMap();
                w.field("name", requestClass.name);
                w.number("weight", requestClass.weight);
                writeTarget(w, requestClass);
                w.endMap();
            }
            w.endSeq();
        }
        w.endMap();
    }
    w.endSeq();
}

void writeTracing(YamlWriter& w, const TracingSpec& tracing) {
    w.key("tracing");
    w.beginMap();
    w.number("sampleRate", tracing.sampleRate);
    w.integer("maxTraces", tracing.maxTraces);
    w.endMap();
}

} // namespace cnsim
