#pragma once

// Scenarios for traffic tests, built in code: a cluster of nodes in zones, Deployments with
// one container each behind a Service of the same name, and the simulation section's
// behaviours and sources. Pods start in 1 s; traffic starts at `trafficStart` by default so
// every pod serves from its first request.

#include "scenario/scenario.h"

#include <string>
#include <vector>

namespace cnsim::test {

struct TierSpec {
    std::string name;
    int replicas = 1;
    CpuMillis cpu{1000}; // request and limit
    std::string image = "app:1.0";
    std::string version; // a `version` label when set
    Bytes memoryLimit = Bytes::mebibytes(512);
};

inline TierSpec tier(const std::string& name, int replicas = 1, int millicores = 1000) {
    TierSpec t;
    t.name = name;
    t.replicas = replicas;
    t.cpu = CpuMillis{millicores};
    return t;
}

inline DurationDistributionSpec exponentialMs(double meanMs) {
    DurationDistributionSpec d;
    d.type = DistributionType::Exponential;
    d.mean = SimTime::microseconds(static_cast<std::int64_t>(meanMs * 1000.0));
    return d;
}

inline DurationDistributionSpec constantMs(double ms) {
    DurationDistributionSpec d;
    d.mean = SimTime::microseconds(static_cast<std::int64_t>(ms * 1000.0));
    return d;
}

inline void addTier(Scenario& s, const TierSpec& tier) {
    DeploymentSpec d;
    d.name = tier.name;
    d.replicas = tier.replicas;
    d.selector = {{"app", tier.name}};
    d.podLabels = {{"app", tier.name}};
    if (!tier.version.empty()) {
        d.podLabels["version"] = tier.version;
    }
    ContainerSpec c;
    c.name = tier.name;
    c.image = tier.image;
    c.requests.cpu = tier.cpu;
    c.limits.cpu = tier.cpu;
    c.requests.memory = Bytes::mebibytes(64);
    c.limits.memory = tier.memoryLimit;
    d.podSpec.containers.push_back(c);
    s.workloads.emplace_back(d);
    ServiceSpec service;
    service.name = tier.name;
    service.selector = {{"app", tier.name}};
    ServicePortSpec port;
    port.port = 80;
    port.targetPort = 80;
    service.ports.push_back(port);
    s.workloads.emplace_back(service);
    bool known = false;
    for (const ImageSpec& image : s.simulation.images) {
        known = known || image.name == tier.image;
    }
    if (!known) {
        ImageSpec image;
        image.name = tier.image;
        image.size = Bytes::mebibytes(10);
        s.simulation.images.push_back(image);
    }
}

// `nodesPerZone` nodes of 16 cores in each zone.
inline Scenario baseScenario(SimTime duration, std::vector<std::string> zones = {"zone-a"},
                             int nodesPerZone = 1) {
    Scenario s;
    s.metadata.name = "traffic-test";
    s.seed = 7;
    s.duration = duration;
    for (const std::string& zone : zones) {
        NodePoolSpec pool;
        pool.name = zone;
        pool.zone = zone;
        pool.count = nodesPerZone;
        pool.cpu = CpuMillis{16000};
        pool.memory = Bytes::gibibytes(64);
        pool.maxPods = 110;
        s.cluster.nodePools.push_back(pool);
    }
    s.simulation.podStartupTime = SimTime::seconds(1);
    return s;
}

inline ServiceBehaviourSpec& behaviour(Scenario& s, const std::string& service) {
    for (ServiceBehaviourSpec& b : s.simulation.services) {
        if (b.service == service) {
            return b;
        }
    }
    ServiceBehaviourSpec b;
    b.service = service;
    s.simulation.services.push_back(b);
    return s.simulation.services.back();
}

inline TrafficSourceSpec& poissonTo(Scenario& s, const std::string& service, double rate,
                                    SimTime start = SimTime::seconds(10)) {
    TrafficSourceSpec source;
    source.name = "users-" + std::to_string(s.simulation.traffic.size());
    source.type = "poisson";
    source.attributes["requestsPerSecond"] = rate;
    source.start = start;
    RequestClassSpec c;
    c.name = source.name;
    c.service = service;
    source.classes.push_back(c);
    s.simulation.traffic.push_back(source);
    return s.simulation.traffic.back();
}

// More pods behind the Service `app` (which addTier made): a Deployment `name` whose pods carry
// `app` and `extraLabels`.
inline void addPodsBehind(Scenario& s, const std::string& app, const std::string& name,
                          const LabelMap& extraLabels, int replicas,
                          const std::string& image = "app:1.0") {
    DeploymentSpec d;
    d.name = name;
    d.replicas = replicas;
    d.selector = extraLabels;
    d.selector["app"] = app;
    d.podLabels = d.selector;
    ContainerSpec c;
    c.name = app;
    c.image = image;
    c.requests.cpu = CpuMillis{1000};
    c.limits.cpu = CpuMillis{1000};
    d.podSpec.containers.push_back(c);
    s.workloads.emplace_back(d);
}

// Pods behind `app` that never serve: Ready (no readiness probe) but their program answers
// 503 — a broken release behind a shared Service. They carry `label: broken`.
inline void addBrokenPods(Scenario& s, const std::string& app, int replicas,
                          const std::string& label = "track") {
    addPodsBehind(s, app, app + "-broken", {{label, "broken"}}, replicas, "broken:1.0");
    ImageSpec image;
    image.name = "broken:1.0";
    image.neverReady = true;
    s.simulation.images.push_back(image);
}

// frontend (1 ms) → backend (1 ms, its own image backend:1.0, so a test can make only it
// fail), at a constant `rate` from 10 s until a second before the end, so every request has
// finished when the run ends.
inline Scenario frontendAndBackend(SimTime duration, double rate) {
    Scenario s = baseScenario(duration);
    addTier(s, tier("frontend"));
    TierSpec backend = tier("backend");
    backend.image = "backend:1.0";
    addTier(s, backend);
    behaviour(s, "frontend").cpuPerRequest = constantMs(1);
    behaviour(s, "frontend").calls = {CallStepSpec{false, {{"backend", 1.0, 1}}}};
    behaviour(s, "backend").cpuPerRequest = constantMs(1);
    TrafficSourceSpec& source = poissonTo(s, "frontend", rate);
    source.type = "constant";
    source.stop = duration - SimTime::seconds(1);
    return s;
}

} // namespace cnsim::test
