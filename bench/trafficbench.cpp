// cnsim-bench-traffic: the per-request data plane at shop scale (docs/benchmarks.md,
// "Traffic"). A three-tier shop built in code — gateway → frontend → catalog (→ database) and,
// for half the requests, cart (→ database) in parallel — at 5,000 requests/s through the
// gateway, for one simulated hour and for four (memory must stay flat). Reported: gateway
// requests per wall second, engine events per second and peak heap, each also as a ratio to
// a baseline measured in the same process: the engine running a bare M/M/1 queue (two
// events per customer, the cheapest complete model), customers per second.
//
// Memory is counted by heapcounter.h's operator new/delete: peak live heap bytes above the
// level before the run.

#include "heapcounter.h"

#include "engine/engine.h"
#include "engine/random.h"
#include "model/simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace cnsim;

namespace {

double wallSeconds(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Baseline: an M/M/1 queue on the engine, ρ = 0.8, `customers` arrivals.
double baselineCustomersPerSecond(std::uint64_t customers) {
    Engine engine;
    RandomStream stream(1, "baseline");
    std::uint64_t arrived = 0;
    std::uint64_t queue = 0;
    const double lambda = 800.0;
    const double mu = 1000.0;
    std::function<void()> arrival;
    std::function<void()> departure = [&] {
        --queue;
        if (queue > 0) {
            engine.schedule(SimTime::fromSeconds(stream.exponential(mu)), departure);
        }
    };
    arrival = [&] {
        ++arrived;
        if (++queue == 1) {
            engine.schedule(SimTime::fromSeconds(stream.exponential(mu)), departure);
        }
        if (arrived < customers) {
            engine.schedule(SimTime::fromSeconds(stream.exponential(lambda)), arrival);
        }
    };
    engine.schedule(SimTime::zero(), arrival);
    const auto start = std::chrono::steady_clock::now();
    while (engine.step()) {
    }
    return static_cast<double>(customers) / wallSeconds(start);
}

void addTier(Scenario& s, const std::string& name, int replicas, int millicores) {
    DeploymentSpec d;
    d.name = name;
    d.replicas = replicas;
    d.selector = {{"app", name}};
    d.podLabels = {{"app", name}, {"version", "v1"}};
    ContainerSpec c;
    c.name = name;
    c.image = "shop/" + name + ":1.0";
    c.requests.cpu = CpuMillis{millicores};
    c.limits.cpu = CpuMillis{millicores};
    c.requests.memory = Bytes::mebibytes(256);
    c.limits.memory = Bytes::mebibytes(512);
    d.podSpec.containers.push_back(c);
    s.workloads.emplace_back(d);
    ServiceSpec service;
    service.name = name;
    service.selector = {{"app", name}};
    ServicePortSpec port;
    port.port = 80;
    port.targetPort = 80;
    service.ports.push_back(port);
    s.workloads.emplace_back(service);
    ImageSpec image;
    image.name = c.image;
    image.size = Bytes::mebibytes(50);
    s.simulation.images.push_back(image);
}

DurationDistributionSpec distribution(DistributionType type, double meanMs, double sdMs = 0.0) {
    DurationDistributionSpec d;
    d.type = type;
    d.mean = SimTime::microseconds(static_cast<std::int64_t>(meanMs * 1000));
    d.stddev = SimTime::microseconds(static_cast<std::int64_t>(sdMs * 1000));
    return d;
}

// `scale` multiplies the nodes and every tier's replicas (the aggregate run at 10× the rate).
Scenario shop(SimTime duration, double rate, int scale = 1,
              TrafficMode mode = TrafficMode::PerRequest) {
    Scenario s;
    s.metadata.name = "shop-bench";
    s.seed = 1;
    s.duration = duration;
    for (const char* zone : {"zone-a", "zone-b", "zone-c"}) {
        NodePoolSpec pool;
        pool.name = zone;
        pool.zone = zone;
        pool.count = 4 * scale;
        pool.cpu = CpuMillis{16000};
        pool.memory = Bytes::gibibytes(64);
        s.cluster.nodePools.push_back(pool);
    }
    s.simulation.podStartupTime = SimTime::seconds(2);
    addTier(s, "gateway", 3 * scale, 2000);
    addTier(s, "frontend", 6 * scale, 2000);
    addTier(s, "catalog", 4 * scale, 2000);
    addTier(s, "cart", 4 * scale, 2000);
    addTier(s, "database", 3 * scale, 4000);
    s.simulation.trafficMode = mode;
    const auto behaviour = [&](const std::string& name, DurationDistributionSpec cpu,
                               SimTime base, std::vector<CallStepSpec> calls) {
        ServiceBehaviourSpec b;
        b.service = name;
        b.cpuPerRequest = cpu;
        b.baseLatency = base;
        b.calls = std::move(calls);
        s.simulation.services.push_back(b);
    };
    behaviour("gateway", distribution(DistributionType::Constant, 0.2), SimTime::zero(), {});
    behaviour("frontend", distribution(DistributionType::Exponential, 1.0), SimTime::zero(),
              {CallStepSpec{true, {{"catalog", 1.0, 1}, {"cart", 0.5, 1}}}});
    behaviour("catalog", distribution(DistributionType::LogNormal, 0.5, 0.3), SimTime::zero(),
              {CallStepSpec{false, {{"database", 1.0, 1}}}});
    behaviour("cart", distribution(DistributionType::Exponential, 0.5), SimTime::zero(),
              {CallStepSpec{false, {{"database", 1.0, 1}}}});
    behaviour("database", distribution(DistributionType::Exponential, 0.3),
              SimTime::microseconds(500), {});
    s.simulation.gateway.service = "gateway";
    GatewayRouteSpec route;
    route.name = "shop";
    route.backends = {{"frontend", 1}};
    s.simulation.gateway.routes = {route};
    TrafficSourceSpec users;
    users.name = "users";
    users.type = "poisson";
    users.attributes["requestsPerSecond"] = rate;
    users.start = SimTime::seconds(10);
    users.clients = 100'000;
    users.classes = {RequestClassSpec{"browse", 1.0, "", "", "shop.example.com", "/", {}}};
    s.simulation.traffic.push_back(users);
    return s;
}

struct ShopRun {
    double gatewayPerSecond = 0.0;
    double eventsPerSecond = 0.0;
    double wall = 0.0;
    std::uint64_t gatewayRequests = 0;
    std::uint64_t errors = 0;
    std::size_t peakBytes = 0;
    double p99Ms = 0.0;
};

ShopRun runShop(SimTime duration, double rate = 5000.0, int scale = 1,
                TrafficMode mode = TrafficMode::PerRequest) {
    const std::size_t before = bench::startPeakMeasurement();
    Simulation sim(shop(duration, rate, scale, mode));
    sim.setMetricsRetention(600); // the last ten minutes of per-second samples
    const auto start = std::chrono::steady_clock::now();
    sim.runToEnd();
    ShopRun r;
    r.wall = wallSeconds(start);
    const RunSummary summary = sim.summary();
    r.gatewayRequests = summary.services.at(0).requests;
    r.errors = summary.services.at(0).errors;
    r.p99Ms = summary.services.at(0).p99LatencyMs;
    r.gatewayPerSecond = static_cast<double>(r.gatewayRequests) / r.wall;
    r.eventsPerSecond = static_cast<double>(sim.engineEventCount()) / r.wall;
    r.peakBytes = bench::peakHeapBytes() - before;
    return r;
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
    const bool aggregateOnly = argc > 1 && std::string(argv[1]) == "--aggregate-only";
    const SimTime hour = quick ? SimTime::minutes(5) : SimTime::hours(1);
    const double baseline = baselineCustomersPerSecond(quick ? 1'000'000 : 5'000'000);
    std::printf("baseline: engine M/M/1 loop, %.2f M customers/s (2 events each)\n",
                baseline / 1e6);
    for (const int hours : {1, 4}) {
        if (aggregateOnly) {
            break;
        }
        const ShopRun r = runShop(hour * hours);
        std::printf("shop %d %s at 5,000 req/s: %llu gateway requests (%llu errors, p99 %.2f ms) "
                    "in %.2f s\n",
                    hours, quick ? "x 5 min" : "h", static_cast<unsigned long long>(r.gatewayRequests),
                    static_cast<unsigned long long>(r.errors), r.p99Ms, r.wall);
        std::printf("  gateway requests/s %.0f (target 200,000; %.3f of baseline customers/s)\n",
                    r.gatewayPerSecond, r.gatewayPerSecond / baseline);
        std::printf("  engine events/s %.2f M (%.3f of baseline events/s)\n",
                    r.eventsPerSecond / 1e6, r.eventsPerSecond / (2.0 * baseline));
        std::printf("  peak heap %.1f MiB\n", static_cast<double>(r.peakBytes) / (1024.0 * 1024.0));
    }
    // Aggregate mode (docs/traffic.md): the same shop with ten times the nodes and pods, at
    // ten times the rate; one tick per second, so the work no longer grows with the rate.
    const ShopRun a = runShop(hour, 50000.0, 10, TrafficMode::Aggregate);
    std::printf("shop %s aggregate at 50,000 req/s (10x nodes and pods): %llu gateway requests "
                "(%llu errors, p99 %.2f ms) in %.2f s (target < 5 s for 1 h)\n",
                quick ? "5 min" : "1 h", static_cast<unsigned long long>(a.gatewayRequests),
                static_cast<unsigned long long>(a.errors), a.p99Ms, a.wall);
    std::printf("  gateway requests/s %.0f (%.1f of baseline customers/s); peak heap %.1f MiB\n",
                a.gatewayPerSecond, a.gatewayPerSecond / baseline,
                static_cast<double>(a.peakBytes) / (1024.0 * 1024.0));
    return 0;
}
