#include "traffic/kinds.h"

namespace cnsim {

namespace {

constexpr double kMaxRate = 1'000'000.0; // requests per second, per source
constexpr double kSecond = 1e6;          // durations in the schema are microseconds
constexpr double kMaxDuration = 366.0 * 24 * 3600 * kSecond;

AttributeSchema rate(std::string_view name, bool required, std::string_view help) {
    return {name, AttributeKind::Rate, required, 0.0, 0.0, kMaxRate, help};
}

AttributeSchema duration(std::string_view name, bool required, double defaultSeconds,
                         double minimumSeconds, std::string_view help) {
    return {name,         AttributeKind::Duration, required, defaultSeconds * kSecond,
            minimumSeconds * kSecond, kMaxDuration, help};
}

void registerTrafficShapes(std::vector<KindDescriptor>& kinds) {
    const AttributeSchema base = rate("requestsPerSecond", true, "the request rate");
    kinds.push_back({"constant", "evenly spaced requests at a fixed rate", {base}});
    kinds.push_back({"poisson", "random (Poisson) arrivals at a fixed mean rate", {base}});
    kinds.push_back({"step",
                     "Poisson arrivals whose rate jumps once, at stepAt",
                     {rate("requestsPerSecond", true, "the rate before the step"),
                      duration("stepAt", true, 0.0, 0.0, "simulated time of the step"),
                      rate("stepTo", true, "the rate from the step on")}});
    kinds.push_back({"ramp",
                     "Poisson arrivals whose rate moves linearly from requestsPerSecond to "
                     "rampTo over rampDuration, from the source's start",
                     {rate("requestsPerSecond", true, "the rate at the start"),
                      rate("rampTo", true, "the rate at the end of the ramp and after it"),
                      duration("rampDuration", true, 0.0, 1e-6, "how long the ramp takes")}});
    kinds.push_back(
        {"spike",
         "a flash crowd: a base rate that rises to spikeRequestsPerSecond at spikeAt, holds "
         "for spikeDuration and falls back, rising and falling over rampTime",
         {rate("requestsPerSecond", true, "the base rate"),
          rate("spikeRequestsPerSecond", true, "the rate at the top of the spike"),
          duration("spikeAt", true, 0.0, 0.0, "simulated time the spike starts to rise"),
          duration("spikeDuration", true, 0.0, 1e-6, "how long the top of the spike lasts"),
          duration("rampTime", false, 10.0, 0.0, "rise time and fall time")}});
    kinds.push_back(
        {"diurnal",
         "a daily cycle: a sine around requestsPerSecond, highest at peakAt",
         {rate("requestsPerSecond", true, "the mean rate over a period"),
          {"amplitude", AttributeKind::Fraction, false, 0.5, 0.0, 1.0,
           "the swing as a fraction of the mean (0.5: from half to one and a half times)"},
          duration("period", false, 24.0 * 3600, 1.0, "the length of one cycle"),
          duration("peakAt", false, 14.0 * 3600, 0.0, "time of the peak within a cycle")}});
    kinds.push_back({"trace",
                     "replay of a CSV file of (time, requests per second) rows; the rate holds "
                     "from one row to the next",
                     {{"file", AttributeKind::Text, true, 0.0, 0.0, 0.0,
                       "CSV file, relative to the scenario: time in seconds or a duration, "
                       "rate"},
                      {"scale", AttributeKind::Number, false, 1.0, 0.0, 1000.0,
                       "multiplies every rate in the file"}}});
}

void registerLoadBalancers(std::vector<KindDescriptor>& kinds) {
    kinds.push_back({"random",
                     "a ready endpoint chosen uniformly at random, as kube-proxy's iptables "
                     "mode does",
                     {}});
    kinds.push_back({"round-robin",
                     "ready endpoints in turn, as kube-proxy's IPVS rr scheduler and Envoy's "
                     "ROUND_ROBIN do",
                     {}});
    kinds.push_back(
        {"least-request",
         "the endpoint with fewer requests in flight out of `choices` picked at random (power "
         "of two choices), as Envoy's LEAST_REQUEST does",
         {{"choices", AttributeKind::Count, false, 2.0, 2.0, 100.0,
           "how many random endpoints are compared"}}});
    kinds.push_back({"ring-hash",
                     "consistent hashing of the client onto a ring of endpoints (session "
                     "affinity), as Envoy's RING_HASH and Service sessionAffinity do",
                     {{"virtualNodes", AttributeKind::Count, false, 100.0, 1.0, 10'000.0,
                       "ring entries per endpoint"}}});
}

} // namespace

const std::vector<KindDescriptor>& trafficShapeKinds() {
    static const std::vector<KindDescriptor> kinds = [] {
        std::vector<KindDescriptor> registry;
        registerTrafficShapes(registry);
        return registry;
    }();
    return kinds;
}

const std::vector<KindDescriptor>& loadBalancerKinds() {
    static const std::vector<KindDescriptor> kinds = [] {
        std::vector<KindDescriptor> registry;
        registerLoadBalancers(registry);
        return registry;
    }();
    return kinds;
}

} // namespace cnsim
