// cnsim-bench-cluster: the control plane at cluster scale, no traffic (docs/benchmarks.md).
//
// 1. A 1,000-node cluster (4 zones) running 10,000 pods (100 Deployments of 100) for one
//    simulated hour, with a node failure every 5 minutes (each node back after 2 minutes):
//    scheduling, kubelets, lease renewals, node lifecycle and taint eviction, replacements.
//    Targets: ≤ 5 s wall, ≤ 1 GiB peak memory.
// 2. Kubernetes' documented limits, 5,000 nodes and 150,000 pods, built and scheduled
//    (simulated t = 0 to 1 s). Target: ≤ 10 s.
// Baseline, same process: a bare std::priority_queue hold loop processing as many events
// as run 1 did, so the ratio says what the model costs per event over a bare event loop.

#include "engine/fingerprint.h"
#include "engine/random.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace cnsim;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double peakMemoryMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is KiB on Linux
}

std::string clusterYaml(int zones, int nodes, int deployments, int replicas,
                        const std::string& duration, int failures) {
    std::string yaml = "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: bench\n"
                       "  title:\n    en: Bench\nseed: 1\nduration: " +
                       duration + "\ncluster:\n  nodePools:\n";
    for (int z = 0; z < zones; ++z) {
        yaml += "    - name: z" + std::to_string(z) + "\n      zone: zone-" + std::to_string(z) +
                "\n      count: " + std::to_string(nodes / zones) +
                "\n      cpu: \"32\"\n      memory: 128Gi\n";
    }
    yaml += "workloads:\n";
    for (int d = 0; d < deployments; ++d) {
        const std::string name = "app-" + std::to_string(d);
        yaml +=
            "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: " + name +
            "\n    spec:\n      replicas: " + std::to_string(replicas) +
            "\n      selector:\n        matchLabels:\n          app: " + name +
            "\n      template:\n        metadata:\n          labels:\n            app: " + name +
            "\n        spec:\n          containers:\n            - name: app\n"
            "              image: demo/app-" +
            std::to_string(d % 10) +
            ":1\n              resources:\n                requests:\n"
            "                  cpu: 100m\n                  memory: 128Mi\n";
    }
    yaml += "simulation:\n  podStartupTime: 2s\n";
    if (failures > 0) {
        yaml += "  faults:\n";
        for (int i = 0; i < failures; ++i) {
            yaml += "    - at: " + std::to_string(5 * i + 1) +
                    "m\n      type: failNode\n      node: z" + std::to_string(i % zones) + "-" +
                    std::to_string(i + 1) + "\n      duration: 2m\n";
        }
    }
    return yaml;
}

Scenario load(const std::string& yaml) {
    ScenarioLoadResult result = readScenario(yaml, "bench.yaml");
    if (!result.scenario) {
        for (const Diagnostic& d : result.diagnostics) {
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        }
        std::exit(1);
    }
    return *result.scenario;
}

// Every pod's node, in pod-key order: equal across runs and versions for the same seed.
std::string placements(const Simulation& simulation) {
    Fingerprint f;
    for (const auto& [key, pod] : simulation.api().pods()) {
        f.addString(key);
        f.addString(pod.nodeName);
    }
    return f.hex();
}

// The bare loop: N pending events, each firing schedules one more at now + Exp(1).
double bareLoopEventsPerSecond(std::uint64_t events) {
    struct Entry {
        double time;
        std::uint64_t seq;
        bool operator>(const Entry& o) const {
            return time != o.time ? time > o.time : seq > o.seq;
        }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    RandomStream random(1, "bench");
    std::uint64_t seq = 0;
    for (int i = 0; i < 10'000; ++i) {
        queue.push({random.exponential(1.0), seq++});
    }
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < events; ++i) {
        const Entry next = queue.top();
        queue.pop();
        queue.push({next.time + random.exponential(1.0), seq++});
    }
    return static_cast<double>(events) / secondsSince(start);
}

void runHour() {
    const Scenario hour = load(clusterYaml(4, 1000, 100, 100, "1h", 12));
    const auto start = Clock::now();
    Simulation simulation(hour);
    simulation.runToEnd();
    const double wall = secondsSince(start);
    const double modelRate = static_cast<double>(simulation.engineEventCount()) / wall;
    const double bareRate = bareLoopEventsPerSecond(simulation.engineEventCount());
    std::printf("1,000 nodes, 10,000 pods, 1 simulated hour, a node failure every 5 min\n");
    std::printf("  wall %.2f s (target <= 5 s) %s, %.0fx real time\n", wall,
                wall <= 5.0 ? "PASS" : "ABOVE TARGET", 3600.0 / wall);
    std::printf("  engine events %llu, %.2f M/s; bare loop %.2f M/s; ratio %.3f\n",
                static_cast<unsigned long long>(simulation.engineEventCount()), modelRate / 1e6,
                bareRate / 1e6, modelRate / bareRate);
    std::printf("  cluster events %zu, run fingerprint %s\n", simulation.events().size(),
                simulation.fingerprintHex().c_str());
    std::printf("  peak memory so far %.0f MiB (target <= 1024 MiB) %s\n", peakMemoryMiB(),
                peakMemoryMiB() <= 1024.0 ? "PASS" : "ABOVE TARGET");
}

// `divisor` > 1 shrinks the case (nodes and Deployments) for profiling.
// Two figures, both from constructing the Simulation (nodes and Deployments created through
// the API, as a scenario file would): (a) until the last pod is bound (the scheduler's Scheduled
// event; the engine is stepped one event at a time and stops at that event), the target's
// measure; (b) until simulated t = 1 s, which adds the kubelets' reactions in that second
// (pods admitted, image pulls begun; with podStartupTime 2 s no container runs yet).
void runLimits(int divisor) {
    const int pods = 150000 / divisor;
    const Scenario limits = load(clusterYaml(5, 5000 / divisor, 1500 / divisor, 100, "10s", 0));
    const auto start = Clock::now();
    Simulation big(limits);
    const double buildWall = secondsSince(start);
    int bound = 0;
    std::size_t seen = 0;
    const SimTime second = SimTime::seconds(1);
    while (bound < pods) {
        const std::uint64_t before = big.engineEventCount();
        big.advanceTo(second, 1);
        const auto& events = big.events();
        for (; seen < events.size(); ++seen) {
            bound += events[seen].reason == EventReason::Scheduled ? 1 : 0;
        }
        if (big.engineEventCount() == before) {
            break; // nothing left before t = 1 s
        }
    }
    const double boundWall = secondsSince(start);
    const SimTime boundAt = big.now();
    big.advanceTo(second);
    const double secondWall = secondsSince(start);
    std::printf("Kubernetes' limits: %d nodes, %d pods (%d Deployments of 100)\n", 5000 / divisor,
                pods, 1500 / divisor);
    std::printf("  every pod bound: wall %.2f s (target <= 10 s) %s, at simulated %.3f s; "
                "of which building the Simulation %.2f s\n",
                boundWall, boundWall <= 10.0 ? "PASS" : "ABOVE TARGET", boundAt.toSeconds(),
                buildWall);
    std::printf("  until simulated t = 1 s (kubelets admitting pods, pulls begun): wall %.2f s\n",
                secondWall);
    std::printf("  peak memory %.0f MiB\n", peakMemoryMiB());
    int boundNow = 0;
    for (const auto& [key, pod] : big.api().pods()) {
        boundNow += pod.nodeName.empty() ? 0 : 1;
    }
    std::printf("  pods %zu, bound %d, cluster events %zu, placements %s\n",
                big.api().pods().size(), boundNow, big.events().size(), placements(big).c_str());
}

} // namespace

int main(int argc, char** argv) {
    bool hour = true;
    bool limits = true;
    int divisor = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--skip-limits") == 0) {
            limits = false;
        } else if (std::strcmp(argv[i], "--limits-only") == 0) {
            hour = false;
        } else if (std::strcmp(argv[i], "--scale-down") == 0 && i + 1 < argc) {
            divisor = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: cnsim-bench-cluster [--skip-limits | --limits-only] "
                                 "[--scale-down N]\n");
            return 2;
        }
    }
    if (hour) {
        runHour();
    }
    if (limits) {
        runLimits(divisor);
    }
    return 0;
}
