#include "scenario/trafficresiliencereader.h"

#include "scenario/editdistance.h"

#include <algorithm>
#include <map>

namespace cnsim {

namespace {

constexpr SimTime kLongestTimeout = SimTime::hours(1);
constexpr SimTime kLongestWait = SimTime::minutes(10);
constexpr SimTime kLongestBudgetWindow = SimTime::seconds(60);

RetryBudgetSpec readBudget(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("retry budget", {"ratio", "minRetriesPerSecond", "ttl"});
    RetryBudgetSpec budget;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* ratio = map.find("ratio")) {
        budget.ratio = readNumber(sink, *ratio, 0.0, 1000.0).value_or(budget.ratio);
    }
    if (const YamlEntry* floor = map.find("minRetriesPerSecond")) {
        budget.minRetriesPerSecond =
            readNumber(sink, *floor, 0.0, 1'000'000.0).value_or(budget.minRetriesPerSecond);
    }
    if (const YamlEntry* ttl = map.find("ttl")) {
        budget.ttl = readDuration(sink, *ttl, SimTime::seconds(1), kLongestBudgetWindow)
                         .value_or(budget.ttl);
    }
    return budget;
}

RetrySpec readRetry(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields(
        "retry", {"maxAttempts", "waitDuration", "exponentialBackoffMultiplier", "budget"});
    RetrySpec retry;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* attempts = map.find("maxAttempts")) {
        retry.maxAttempts =
            static_cast<int>(readInteger(sink, *attempts, 1, 100).value_or(retry.maxAttempts));
    }
    if (const YamlEntry* wait = map.find("waitDuration")) {
        retry.waitDuration =
            readDuration(sink, *wait, SimTime::zero(), kLongestWait).value_or(retry.waitDuration);
    }
    if (const YamlEntry* multiplier = map.find("exponentialBackoffMultiplier")) {
        retry.exponentialBackoffMultiplier =
            readNumber(sink, *multiplier, 1.0, 100.0).value_or(retry.exponentialBackoffMultiplier);
    }
    if (const YamlEntry* budget = map.find("budget")) {
        retry.budget = readBudget(sink, *budget);
    }
    return retry;
}

// "'a', 'b'", or "no Service".
std::string quotedList(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        text += (text.empty() ? "'" : ", '") + name + "'";
    }
    return text.empty() ? std::string("no Service") : text;
}

// Resilience4j's CircuitBreakerConfig keys, with its bounds: rates in (0, 100] percent, counts
// at least 1, durations at least 1ms (upstream rejects shorter waits).
CircuitBreakerConfig readCircuitBreaker(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table =
        cnsimFields("circuitBreaker",
                    {"failureRateThreshold", "slowCallRateThreshold", "slowCallDurationThreshold",
                     "slidingWindowType", "slidingWindowSize", "minimumNumberOfCalls",
                     "waitDurationInOpenState", "permittedNumberOfCallsInHalfOpenState"});
    CircuitBreakerConfig config;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    const auto rate = [&](std::string_view key, double& value) {
        if (const YamlEntry* found = map.find(key)) {
            if (const auto read = readNumber(sink, *found, 0.0, 100.0)) {
                if (*read == 0.0) {
                    sink.error(found->value.Mark(), "below-minimum",
                               {found->key, found->value.Scalar(), "0 (exclusive)"},
                               found->key + " 0 must be above 0 percent");
                } else {
                    value = *read;
                }
            }
        }
    };
    const auto count = [&](std::string_view key, int& value) {
        if (const YamlEntry* found = map.find(key)) {
            value = static_cast<int>(readInteger(sink, *found, 1, 10'000).value_or(value));
        }
    };
    const auto duration = [&](std::string_view key, SimTime& value) {
        if (const YamlEntry* found = map.find(key)) {
            value = readDuration(sink, *found, SimTime::milliseconds(1), SimTime::hours(24))
                        .value_or(value);
        }
    };
    rate("failureRateThreshold", config.failureRateThreshold);
    rate("slowCallRateThreshold", config.slowCallRateThreshold);
    duration("slowCallDurationThreshold", config.slowCallDurationThreshold);
    if (const YamlEntry* type = map.find("slidingWindowType")) {
        // Only COUNT_BASED (upstream's default) is modelled.
        readEnum(sink, *type, {"COUNT_BASED"});
    }
    count("slidingWindowSize", config.slidingWindowSize);
    count("minimumNumberOfCalls", config.minimumNumberOfCalls);
    duration("waitDurationInOpenState", config.waitDurationInOpenState);
    count("permittedNumberOfCallsInHalfOpenState", config.permittedNumberOfCallsInHalfOpenState);
    return config;
}

} // namespace

ResilienceSpec readResilience(DiagnosticSink& sink, const YamlEntry& entry,
                              const std::vector<CallStepSpec>& calls) {
    static const FieldTable table = cnsimFields("resilience", {"calls"});
    static const FieldTable callTable =
        cnsimFields("resilience call", {"service", "timeout", "retry", "circuitBreaker"});
    ResilienceSpec resilience;
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    const YamlEntry* list = map.find("calls");
    if (list == nullptr) {
        return resilience;
    }
    std::vector<std::string> called;
    for (const CallStepSpec& step : calls) {
        for (const DownstreamCallSpec& call : step.calls) {
            if (!call.service.empty() &&
                std::find(called.begin(), called.end(), call.service) == called.end()) {
                called.push_back(call.service);
            }
        }
    }
    std::map<std::string, int> firstLine;
    for (const YAML::Node& item : readList(sink, *list)) {
        MapCursor callMap(sink, item, item.Mark(), callTable);
        CallResilienceSpec spec;
        if (const YamlEntry* service = callMap.require("service")) {
            spec.service = readString(sink, *service).value_or("");
            const YAML::Mark at = service->value.Mark();
            if (spec.service.empty()) {
                // readString reported it, or the value is empty text
            } else if (std::find(called.begin(), called.end(), spec.service) == called.end()) {
                sink.error(at, "not-called", {spec.service},
                           "resilience for Service '" + spec.service +
                               "', which this Service does not call (it calls " +
                               quotedList(called) + ")" + didYouMean(spec.service, called));
            } else if (const auto it = firstLine.find(spec.service); it != firstLine.end()) {
                sink.error(at, "duplicate-name", {"resilience call", spec.service},
                           "resilience for Service '" + spec.service +
                               "' is given twice (first on line " + std::to_string(it->second) +
                               ")");
            } else {
                firstLine.emplace(spec.service, at.line + 1);
            }
        }
        if (const YamlEntry* timeout = callMap.find("timeout")) {
            spec.timeout = readDuration(sink, *timeout, SimTime::microseconds(1), kLongestTimeout);
        }
        if (const YamlEntry* retry = callMap.find("retry")) {
            spec.retry = readRetry(sink, *retry);
        }
        if (const YamlEntry* breaker = callMap.find("circuitBreaker")) {
            spec.circuitBreaker = readCircuitBreaker(sink, *breaker);
        }
        resilience.calls.push_back(std::move(spec));
    }
    return resilience;
}

} // namespace cnsim
