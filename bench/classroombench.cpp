// cnsim-bench-classroom: the large classroom scenario of issue 5 (docs/benchmarks.md,
// "Classroom"): everything at once, at the scale a course's biggest lab would use.
//
//  - 1,000 nodes in 4 zones: 960 fixed, plus 4 cluster-autoscaled node groups of 10 (up to 60).
//  - 100 Services, each a Deployment of 100 pods (10,000 pods), in 20 call chains of depth 5;
//    the 20 entry Services have HPAs (60 % CPU, 50–200 replicas).
//  - Traffic: 1,000 requests/s on average into the 20 entry Services, with a burst to 5,000
//    requests/s for a minute every 20 minutes; each request visits 5 Services.
//  - A node failure every 10 minutes (each node back after 2 minutes).
//
// Figures: building the cluster (constructing the Simulation until every pod is bound), one
// simulated hour in per-request mode (wall, events, peak memory), 24 simulated hours in
// aggregate mode (wall). Targets: ≤ 1 s, ≤ 60 s and ≤ 1 GiB, ≤ 60 s. The baseline, measured in
// the same process, is the engine's bare event loop (events per second), so the per-request
// hour's events per second read as a ratio of the cheapest possible model.

#include "engine/engine.h"
#include "engine/random.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

using namespace cnsim;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kZones = 4;
constexpr int kFixedNodesPerZone = 240;
constexpr int kGroupNodes = 10; // per zone at the start
constexpr int kServices = 100;
constexpr int kChainLength = 5;
constexpr int kReplicas = 100;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double peakMemoryMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

std::string classroomYaml(int hours, bool aggregate) {
    std::string y = "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: classroom\n"
                    "  title:\n    en: Classroom\nseed: 1\nduration: " +
                    std::to_string(hours) + "h\ncluster:\n  nodePools:\n";
    for (int z = 0; z < kZones; ++z) {
        y += "    - name: z" + std::to_string(z) + "\n      zone: zone-" + std::to_string(z) +
             "\n      count: " + std::to_string(kFixedNodesPerZone) +
             "\n      cpu: \"8\"\n      memory: 32Gi\n      pricePerHour: 0.384\n";
    }
    y += "  nodeGroups:\n";
    for (int z = 0; z < kZones; ++z) {
        y += "    - name: burst-" + std::to_string(z) + "\n      zone: zone-" + std::to_string(z) +
             "\n      minSize: " + std::to_string(kGroupNodes) +
             "\n      maxSize: 60\n      cpu: \"8\"\n      memory: 32Gi\n"
             "      machine:\n        kind: virtualMachine\n        bootTime: 45s\n"
             "      pricePerHour: 0.384\n";
    }
    y += "workloads:\n";
    for (int s = 0; s < kServices; ++s) {
        const std::string name = "svc-" + std::to_string(s);
        y += "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: " + name +
             "\n    spec:\n      replicas: " + std::to_string(kReplicas) +
             "\n      selector:\n        matchLabels:\n          app: " + name +
             "\n      template:\n        metadata:\n          labels:\n            app: " + name +
             "\n        spec:\n          containers:\n            - name: app\n"
             "              image: class/app:1\n              resources:\n"
             "                requests:\n                  cpu: 200m\n                  memory: 256Mi\n"
             "                limits:\n                  cpu: \"1\"\n                  memory: 512Mi\n";
        y += "  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: " + name +
             "\n    spec:\n      selector:\n        app: " + name + "\n      ports:\n        - port: 80\n";
        if (s % kChainLength == 0) {
            y += "  - apiVersion: autoscaling/v2\n    kind: HorizontalPodAutoscaler\n"
                 "    metadata:\n      name: " + name +
                 "\n    spec:\n      scaleTargetRef:\n        apiVersion: apps/v1\n"
                 "        kind: Deployment\n        name: " + name +
                 "\n      minReplicas: 50\n      maxReplicas: 200\n      metrics:\n"
                 "        - type: Resource\n          resource:\n            name: cpu\n"
                 "            target:\n              type: Utilization\n"
                 "              averageUtilization: 60\n";
        }
    }
    y += "simulation:\n";
    if (aggregate) {
        y += "  trafficMode: aggregate\n";
    }
    y += "  images:\n    - name: class/app:1\n      startupTime: 3s\n      idleCpu: 5m\n";
    y += "  services:\n";
    for (int s = 0; s < kServices; ++s) {
        y += "    - name: svc-" + std::to_string(s) +
             "\n      cpuPerRequest: {distribution: exponential, mean: 4ms}\n";
        if (s % kChainLength != kChainLength - 1) {
            y += "      calls:\n        - service: svc-" + std::to_string(s + 1) + "\n";
        }
    }
    // 1,000 requests/s spread over the 20 chains, and a one-minute burst to 5,000 every 20 min.
    const auto classes = [&] {
        std::string c = "      classes:\n";
        for (int s = 0; s < kServices; s += kChainLength) {
            c += "        - name: to-" + std::to_string(s) + "\n          service: svc-" +
                 std::to_string(s) + "\n";
        }
        return c;
    };
    y += "  traffic:\n    - name: students\n      type: poisson\n      requestsPerSecond: 1000\n" +
         classes();
    for (int minute = 15; minute < hours * 60; minute += 20) {
        y += "    - name: burst-" + std::to_string(minute) +
             "\n      type: spike\n      requestsPerSecond: 0\n"
             "      spikeRequestsPerSecond: 4000\n      spikeAt: " +
             std::to_string(minute) + "m\n      spikeDuration: 1m\n      rampTime: 10s\n" + classes();
    }
    y += "  faults:\n";
    for (int minute = 10, i = 0; minute < hours * 60; minute += 10, ++i) {
        y += "    - at: " + std::to_string(minute) + "m\n      type: failNode\n      node: z" +
             std::to_string(i % kZones) + "-" + std::to_string(1 + i % kFixedNodesPerZone) +
             "\n      duration: 2m\n";
    }
    return y;
}

Scenario load(const std::string& yaml) {
    ScenarioLoadResult result = readScenario(yaml, "classroom.yaml");
    if (!result.scenario) {
        for (const Diagnostic& d : result.diagnostics) {
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        }
        std::exit(1);
    }
    return *result.scenario;
}

// The bare engine: one pending event per "customer", each scheduling the next at now + Exp(1).
double bareEventsPerSecond(std::uint64_t events) {
    Engine engine;
    RandomStream random(1, "bench");
    std::uint64_t fired = 0;
    std::function<void()> tick = [&] {
        if (++fired < events) {
            engine.schedule(SimTime::fromSeconds(random.exponential(1000.0)), tick);
        }
    };
    for (int i = 0; i < 1000; ++i) {
        engine.schedule(SimTime::fromSeconds(random.exponential(1000.0)), tick);
    }
    const auto start = Clock::now();
    while (engine.step()) {
    }
    return static_cast<double>(fired) / secondsSince(start);
}

std::size_t boundPods(const Simulation& simulation) {
    std::size_t bound = 0;
    for (const auto& [key, pod] : simulation.api().pods()) {
        bound += pod.nodeName.empty() ? 0U : 1U;
    }
    return bound;
}

} // namespace

int main(int argc, char** argv) {
    const bool skipAggregate = argc > 1 && std::string(argv[1]) == "--per-request-only";
    const bool aggregateOnly = argc > 1 && std::string(argv[1]) == "--aggregate-only";
    // `--aggregate-only H`: H simulated hours instead of 24, for profiling.
    const int aggregateHours = aggregateOnly && argc > 2 ? std::max(1, std::atoi(argv[2])) : 24;
    const double baseline = bareEventsPerSecond(5'000'000);
    std::printf("baseline: bare engine loop, %.2f M events/s\n", baseline / 1e6);

    if (!aggregateOnly) {
        const Scenario hour = load(classroomYaml(1, false));
        const auto built = Clock::now();
        Simulation sim(hour);
        sim.setMetricsRetention(600);
        // Build: every pod created and bound (kube-scheduler's cycles at t = 0 included).
        while (boundPods(sim) < static_cast<std::size_t>(kServices * kReplicas) &&
               sim.now() < SimTime::seconds(1)) {
            sim.advanceTo(sim.now() + SimTime::milliseconds(100), 200'000);
        }
        const double buildWall = secondsSince(built);
        const std::size_t bound = boundPods(sim);
        const auto started = Clock::now();
        sim.runToEnd();
        const double wall = secondsSince(started) + buildWall;
        const RunSummary summary = sim.summary();
        std::uint64_t requests = 0;
        std::uint64_t errors = 0;
        for (const ServiceSummary& s : summary.services) {
            requests += s.requests;
            errors += s.errors;
        }
        const double eventsPerSecond = static_cast<double>(sim.engineEventCount()) / wall;
        std::printf("classroom, per-request mode, 1 simulated hour (1,000 nodes, 10,000 pods, "
                    "100 Services, 20 HPAs, cluster autoscaler, node failure every 10 min)\n");
        std::printf("  build: %zu pods bound in %.2f s wall (target <= 1 s) %s\n", bound,
                    buildWall, buildWall <= 1.0 ? "PASS" : "ABOVE TARGET");
        std::printf("  1 h: %.1f s wall (target <= 60 s) %s, %.0fx real time\n", wall,
                    wall <= 60.0 ? "PASS" : "ABOVE TARGET", 3600.0 / wall);
        std::printf("  %llu pod visits (%llu errors), %llu engine events, %.2f M events/s "
                    "(%.3f of the bare loop), %zu cluster events\n",
                    static_cast<unsigned long long>(requests),
                    static_cast<unsigned long long>(errors),
                    static_cast<unsigned long long>(sim.engineEventCount()),
                    eventsPerSecond / 1e6, eventsPerSecond / baseline, sim.events().size());
        std::printf("  peak memory %.0f MiB (target <= 1024 MiB) %s; fingerprint %s\n",
                    peakMemoryMiB(), peakMemoryMiB() <= 1024.0 ? "PASS" : "ABOVE TARGET",
                    sim.fingerprintHex().c_str());
    }
    if (!skipAggregate) {
        const Scenario day = load(classroomYaml(aggregateHours, true));
        const auto started = Clock::now();
        Simulation sim(day);
        sim.setMetricsRetention(600);
        sim.runToEnd();
        const double wall = secondsSince(started);
        std::uint64_t requests = 0;
        for (const ServiceSummary& s : sim.summary().services) {
            requests += s.requests;
        }
        const double target = 60.0 * aggregateHours / 24.0;
        std::printf("classroom, aggregate mode, %d simulated hours: %.1f s wall (target <= %.1f s) "
                    "%s, %.0fx real time\n",
                    aggregateHours, wall, target, wall <= target ? "PASS" : "ABOVE TARGET",
                    3600.0 * aggregateHours / wall);
        std::printf("  %llu pod visits, %llu engine events, %zu cluster events; peak memory "
                    "%.0f MiB; fingerprint %s\n",
                    static_cast<unsigned long long>(requests),
                    static_cast<unsigned long long>(sim.engineEventCount()), sim.events().size(),
                    peakMemoryMiB(), sim.fingerprintHex().c_str());
        const AggregateSamplingStats& sampling = sim.aggregateSampling();
        std::printf("  sampled requests: %llu drawn, %llu kept walks counted again\n",
                    static_cast<unsigned long long>(sampling.drawnWalks),
                    static_cast<unsigned long long>(sampling.replayedWalks));
    }
    return 0;
}
