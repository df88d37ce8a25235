// The request path end to end: gateway routing, weights, rate limit (429) and 404; call steps
// (sequential adds, parallel takes the longest, probability, copies); network latency by the
// zones of caller and callee; 503 when no endpoint is ready and when a pod's queue is full;
// OOMKilled through the kubelet; per-version counts; traces; determinism.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "model/simulation.h"
#include "trafficscenario.h"

#include <cmath>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

void pinToNode(Scenario& s, const std::string& deployment, const std::string& node) {
    for (Manifest& m : s.workloads) {
        if (auto* d = std::get_if<DeploymentSpec>(&m); d != nullptr && d->name == deployment) {
            d->podSpec.nodeSelector[std::string(k8s::kLabelHostname)] = node;
        }
    }
}

const ServiceSummary& service(const RunSummary& summary, const std::string& name) {
    for (const ServiceSummary& s : summary.services) {
        if (s.name == name) {
            return s;
        }
    }
    qFatal("no service %s", name.c_str());
}

TrafficSourceSpec& constantTo(Scenario& s, const std::string& target, double rate) {
    TrafficSourceSpec& source = poissonTo(s, target, rate);
    source.type = "constant";
    return source;
}

// A Deployment without its own Service (a second version behind a shared Service).
void addVersion(Scenario& s, const std::string& name, const std::string& app,
                const std::string& version, int replicas) {
    DeploymentSpec d;
    d.name = name;
    d.replicas = replicas;
    d.selector = {{"app", app}, {"version", version}};
    d.podLabels = {{"app", app}, {"version", version}};
    ContainerSpec c;
    c.name = app;
    c.image = "app:1.0";
    c.requests.cpu = CpuMillis{1000};
    c.limits.cpu = CpuMillis{1000};
    d.podSpec.containers.push_back(c);
    s.workloads.emplace_back(d);
}

} // namespace

class TestRequestFlow : public QObject {
    Q_OBJECT

private slots:
    void sequentialAndParallelSteps();
    void probabilityAndCopies();
    void networkLatencyByZone_data();
    void networkLatencyByZone();
    void gatewayRoutesWeightsLimitsAnd404();
    void noEndpointAndQueueFullAre503();
    void memoryOverLimitIsOomKilled();
    void versionsAreCountedApart();
    void tracesAreSpanTreesAndChangeNothing();
    void sameSeedSameRun();
};

void TestRequestFlow::sequentialAndParallelSteps() {
    // frontend (2 ms CPU) calls a (10 ms) and b (20 ms), all on one node (no network), at a
    // rate low enough for no queueing: sequential 2 + 10 + 20 = 32 ms, parallel 2 + 20 = 22.
    for (const bool parallel : {false, true}) {
        Scenario s = baseScenario(SimTime::seconds(40));
        addTier(s, tier("frontend"));
        addTier(s, tier("a"));
        addTier(s, tier("b"));
        behaviour(s, "frontend").cpuPerRequest = constantMs(2);
        behaviour(s, "a").cpuPerRequest = constantMs(10);
        behaviour(s, "b").cpuPerRequest = constantMs(20);
        ServiceBehaviourSpec& f = behaviour(s, "frontend");
        if (parallel) {
            f.calls = {CallStepSpec{true, {{"a", 1.0, 1}, {"b", 1.0, 1}}}};
        } else {
            f.calls = {CallStepSpec{false, {{"a", 1.0, 1}}}, CallStepSpec{false, {{"b", 1.0, 1}}}};
        }
        constantTo(s, "frontend", 5);
        Simulation sim(s);
        sim.runToEnd();
        const RunSummary summary = sim.summary();
        const ServiceSummary& front = service(summary, "frontend");
        QCOMPARE(front.errors, std::uint64_t{0});
        QCOMPARE(service(summary, "a").requests, front.completed);
        const double expected = parallel ? 22.0 : 32.0;
        QVERIFY2(std::abs(front.p50LatencyMs - expected) < 0.01 * expected,
                 qPrintable(QString::number(front.p50LatencyMs)));
        QVERIFY(std::abs(front.maxLatencyMs - expected) < 0.01);
    }
}

void TestRequestFlow::probabilityAndCopies() {
    // frontend calls `a` with probability 0.25 (decided once per request) and `b` three times
    // in a row; b's requests are exactly 3× frontend's, a's a binomial share of 1/4.
    Scenario s = baseScenario(SimTime::seconds(210));
    addTier(s, tier("frontend"));
    addTier(s, tier("a"));
    addTier(s, tier("b"));
    for (const char* name : {"frontend", "a", "b"}) {
        behaviour(s, name).cpuPerRequest = constantMs(1);
    }
    behaviour(s, "frontend").calls = {CallStepSpec{false, {{"a", 0.25, 2}}},
                                      CallStepSpec{false, {{"b", 1.0, 3}}}};
    poissonTo(s, "frontend", 100);
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const auto n = static_cast<double>(service(summary, "frontend").completed);
    QCOMPARE(service(summary, "b").requests, 3 * service(summary, "frontend").completed);
    // Two copies per request that makes the call: mean 2 · 0.25 · n, SD 2·√(n·p(1−p)).
    const auto a = static_cast<double>(service(summary, "a").requests);
    QVERIFY2(std::abs(a - 0.5 * n) < 4 * 2 * std::sqrt(n * 0.25 * 0.75),
             qPrintable(QStringLiteral("%1 of %2").arg(a).arg(n)));
    // b's three sequential 1 ms calls: frontend latency 1 + (2 × 1 with p) + 3 × 1 ms.
    QVERIFY(service(summary, "frontend").p50LatencyMs >= 4.0 * 0.99);
}

void TestRequestFlow::networkLatencyByZone_data() {
    QTest::addColumn<QString>("calleeNode");
    QTest::addColumn<double>("expectedMs");
    // Caller on zone-a-1. 2 ms + 2 ms CPU, plus a one-way latency each way.
    QTest::newRow("same node") << "zone-a-1" << 4.0;
    QTest::newRow("same zone") << "zone-a-2" << 4.5;  // 2 × 250 µs
    QTest::newRow("other zone") << "zone-b-1" << 6.0; // 2 × 1 ms
}

void TestRequestFlow::networkLatencyByZone() {
    QFETCH(QString, calleeNode);
    QFETCH(double, expectedMs);
    Scenario s = baseScenario(SimTime::seconds(30), {"zone-a", "zone-b"}, 2);
    addTier(s, tier("frontend"));
    addTier(s, tier("backend"));
    pinToNode(s, "frontend", "zone-a-1");
    pinToNode(s, "backend", calleeNode.toStdString());
    behaviour(s, "frontend").cpuPerRequest = constantMs(2);
    behaviour(s, "frontend").calls = {CallStepSpec{false, {{"backend", 1.0, 1}}}};
    behaviour(s, "backend").cpuPerRequest = constantMs(2);
    constantTo(s, "frontend", 10); // the entry hop from outside is free
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    QCOMPARE(front.errors, std::uint64_t{0});
    QVERIFY2(std::abs(front.maxLatencyMs - expectedMs) < 0.002,
             qPrintable(QString::number(front.maxLatencyMs)));
    // The backend measures its own time only.
    QVERIFY(std::abs(service(sim.summary(), "backend").maxLatencyMs - 2.0) < 0.002);
}

void TestRequestFlow::gatewayRoutesWeightsLimitsAnd404() {
    Scenario s = baseScenario(SimTime::seconds(110));
    addTier(s, tier("gateway"));
    addTier(s, tier("web"));
    addTier(s, tier("web-canary"));
    addTier(s, tier("api"));
    behaviour(s, "gateway").cpuPerRequest = constantMs(0.1);
    s.simulation.gateway.service = "gateway";
    GatewayRouteSpec api;
    api.name = "api";
    api.hostnames = {"shop.example.com"};
    RouteMatchSpec apiMatch;
    apiMatch.pathPrefix = "/api";
    api.matches = {apiMatch};
    api.backends = {{"api", 1}};
    api.rateLimit = RateLimitSpec{20.0, 1};
    GatewayRouteSpec web;
    web.name = "web";
    web.hostnames = {"shop.example.com"};
    web.backends = {{"web", 3}, {"web-canary", 1}};
    s.simulation.gateway.routes = {api, web};
    TrafficSourceSpec source;
    source.name = "users";
    source.type = "poisson";
    source.attributes["requestsPerSecond"] = 200.0;
    source.start = SimTime::seconds(10);
    RequestClassSpec pages{"pages", 6.0, "", "", "shop.example.com", "/products", {}};
    RequestClassSpec calls{"calls", 3.0, "", "", "shop.example.com", "/api/cart", {}};
    RequestClassSpec stray{"stray", 1.0, "", "", "other.example.com", "/", {}};
    source.classes = {pages, calls, stray};
    s.simulation.traffic.push_back(source);
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    QCOMPARE(summary.routes.size(), std::size_t(2));
    const RouteSummary& apiRoute = summary.routes[0];
    const RouteSummary& webRoute = summary.routes[1];
    const auto total = static_cast<double>(service(summary, "gateway").requests);
    // Classes by weight: 60% web, 30% api, 10% no route (404 at the gateway).
    QVERIFY(std::abs(static_cast<double>(webRoute.requests) - 0.6 * total) < 4 * std::sqrt(total * 0.24));
    QCOMPARE(webRoute.errors, std::uint64_t{0});
    // The api route's token bucket (20/s, burst 1) meets Poisson arrivals at λ = 60/s: after
    // each admission the bucket needs 1/20 s to hold a token again, then the next arrival
    // takes it after 1/λ on average: 1 / (1/20 + 1/60) = 15 admitted per second.
    QCOMPARE(service(summary, "api").requests, apiRoute.completed);
    QVERIFY2(std::abs(static_cast<double>(apiRoute.completed) - 15.0 * 100) < 60,
             qPrintable(QString::number(apiRoute.completed)));
    QCOMPARE(apiRoute.errors, apiRoute.requests - apiRoute.completed);
    const std::uint64_t notFound = service(summary, "gateway").requests - apiRoute.requests -
                                   webRoute.requests;
    QVERIFY(std::abs(static_cast<double>(notFound) - 0.1 * total) < 4 * std::sqrt(total * 0.09));
    QCOMPARE(service(summary, "gateway").errors, notFound + apiRoute.errors);
    // Backend weights 3 : 1.
    const auto canary = static_cast<double>(service(summary, "web-canary").requests);
    const auto w = static_cast<double>(webRoute.requests);
    QVERIFY(std::abs(canary - 0.25 * w) < 4 * std::sqrt(w * 0.25 * 0.75));
    QVERIFY(sim.metrics().find("route/api/request_rate") != nullptr);
}

void TestRequestFlow::noEndpointAndQueueFullAre503() {
    {
        Scenario s = baseScenario(SimTime::seconds(20));
        addTier(s, tier("web", 0));
        constantTo(s, "web", 10);
        Simulation sim(s);
        sim.runToEnd();
        const ServiceSummary& web = service(sim.summary(), "web");
        QCOMPARE(web.requests, std::uint64_t{101}); // 10 s … 20 s, the end included
        QCOMPARE(web.errors, std::uint64_t{101});
    }
    {
        // One worker, 100 ms per request, a queue of 2, 50 requests/s: the pod serves 10/s
        // and the rest overflow the queue.
        Scenario s = baseScenario(SimTime::seconds(30));
        addTier(s, tier("web"));
        behaviour(s, "web").cpuPerRequest = constantMs(100);
        behaviour(s, "web").workers = 1;
        behaviour(s, "web").queueCapacity = 2;
        constantTo(s, "web", 50);
        Simulation sim(s);
        sim.runToEnd();
        const ServiceSummary& web = service(sim.summary(), "web");
        QVERIFY2(web.completed >= 195 && web.completed <= 201, qPrintable(QString::number(web.completed)));
        QVERIFY(web.errors >= 790);
        QVERIFY(web.maxLatencyMs <= 300.0 + 0.01); // at most two ahead in the queue
    }
}

void TestRequestFlow::memoryOverLimitIsOomKilled() {
    // 100 Mi per request, a 512 Mi limit: with 1 s of base latency at 10/s about 10 requests
    // are in the pod, 1,000 Mi: the kernel kills the container (OOMKilled) and the kubelet
    // restarts it; the requests in it fail.
    Scenario s = baseScenario(SimTime::seconds(30));
    addTier(s, tier("web"));
    ServiceBehaviourSpec& b = behaviour(s, "web");
    b.baseLatency = SimTime::seconds(1);
    b.memoryPerRequest = Bytes::mebibytes(100);
    b.oomKill = true;
    constantTo(s, "web", 10);
    Simulation sim(s);
    sim.runToEnd();
    bool oomKilled = false;
    for (const auto& [key, pod] : sim.api().pods()) {
        for (const ContainerStatus& status : pod.containerStatuses) {
            oomKilled = oomKilled || (status.lastTerminated && status.lastTerminated->reason == "OOMKilled");
            QVERIFY(status.restartCount >= 1);
        }
    }
    QVERIFY(oomKilled);
    QVERIFY(service(sim.summary(), "web").errors > 0);
    // Without oomKill nothing is killed.
    behaviour(s, "web").oomKill = false;
    Simulation calm(s);
    calm.runToEnd();
    QCOMPARE(service(calm.summary(), "web").errors, std::uint64_t{0});
}

void TestRequestFlow::versionsAreCountedApart() {
    Scenario s = baseScenario(SimTime::seconds(60));
    addVersion(s, "web-v1", "web", "v1", 3);
    addVersion(s, "web-v2", "web", "v2", 1);
    ServiceSpec web;
    web.name = "web";
    web.selector = {{"app", "web"}};
    s.workloads.emplace_back(web);
    ImageSpec image;
    image.name = "app:1.0";
    s.simulation.images.push_back(image);
    behaviour(s, "web").loadBalancer.type = "round-robin";
    constantTo(s, "web", 40);
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    QCOMPARE(summary.versions.size(), std::size_t(2));
    std::map<std::string, std::uint64_t> perVersion;
    for (const VersionSummary& v : summary.versions) {
        QCOMPARE(v.service, std::string("web"));
        perVersion[v.name] = v.requests;
    }
    // Round-robin over 4 pods, 3 of them v1.
    QVERIFY(std::abs(static_cast<double>(perVersion["v1"]) - 3.0 * static_cast<double>(perVersion["v2"])) <= 3.0);
    QCOMPARE(perVersion["v1"] + perVersion["v2"], service(summary, "web").requests);
    QVERIFY(sim.metrics().find("version/web/v2/request_rate") != nullptr);
}

namespace {

Scenario chain() {
    Scenario s = baseScenario(SimTime::seconds(60));
    addTier(s, tier("gateway"));
    addTier(s, tier("frontend", 2));
    addTier(s, tier("db"));
    behaviour(s, "gateway").cpuPerRequest = constantMs(0.2);
    behaviour(s, "frontend").cpuPerRequest = exponentialMs(5);
    behaviour(s, "frontend").calls = {CallStepSpec{true, {{"db", 1.0, 2}}}};
    behaviour(s, "db").cpuPerRequest = exponentialMs(2);
    s.simulation.gateway.service = "gateway";
    GatewayRouteSpec all;
    all.name = "all";
    all.backends = {{"frontend", 1}};
    s.simulation.gateway.routes = {all};
    TrafficSourceSpec source;
    source.name = "users";
    source.type = "poisson";
    source.attributes["requestsPerSecond"] = 50.0;
    source.start = SimTime::seconds(5);
    source.classes = {RequestClassSpec{"all", 1.0, "", "", "shop", "/", {}}};
    s.simulation.traffic.push_back(source);
    return s;
}

} // namespace

void TestRequestFlow::tracesAreSpanTreesAndChangeNothing() {
    Scenario plain = chain();
    Scenario traced = chain();
    traced.simulation.tracing.sampleRate = 0.1;
    traced.simulation.tracing.maxTraces = 50;
    Simulation a(plain);
    a.runToEnd();
    Simulation b(traced);
    b.runToEnd();
    QCOMPARE(a.fingerprintHex(), b.fingerprintHex());
    QCOMPARE(a.summary().services.at(1).p99LatencyMs, b.summary().services.at(1).p99LatencyMs);
    QVERIFY(a.traces().empty());
    QCOMPARE(b.traces().size(), std::size_t(50));
    for (const RequestTrace& t : b.traces()) {
        QCOMPARE(t.code, 200);
        QCOMPARE(t.route, std::string("all"));
        // gateway → frontend → db × 2 in parallel.
        QCOMPARE(t.spans.size(), std::size_t(4));
        QCOMPARE(t.spans[0].service, std::string("gateway"));
        QCOMPARE(t.spans[0].parent, -1);
        QCOMPARE(t.spans[1].service, std::string("frontend"));
        QCOMPARE(t.spans[1].parent, 0);
        QCOMPARE(t.spans[2].parent, 1);
        QCOMPARE(t.spans[3].parent, 1);
        QVERIFY(t.spans[1].start >= t.spans[0].start && t.spans[1].end <= t.spans[0].end);
        QVERIFY(t.spans[2].end <= t.spans[1].end && t.spans[3].end <= t.spans[1].end);
        QCOMPARE(t.spans[0].start, t.start);
        QCOMPARE(t.spans[0].end, t.end);
        QVERIFY(!t.spans[1].pod.empty() && !t.spans[1].node.empty());
    }
}

void TestRequestFlow::sameSeedSameRun() {
    Simulation a(chain());
    a.runToEnd();
    Simulation b(chain());
    // In slices, as the studio advances.
    for (int t = 1; t <= 60; ++t) {
        b.advanceTo(SimTime::seconds(t), 1000);
    }
    b.runToEnd();
    QCOMPARE(a.fingerprintHex(), b.fingerprintHex());
    QCOMPARE(a.summary().services.at(2).requests, b.summary().services.at(2).requests);
    Simulation c(chain(), SimulationOptions{std::uint64_t(99), std::nullopt});
    c.runToEnd();
    QVERIFY(a.fingerprintHex() != c.fingerprintHex());
}

QTEST_GUILESS_MAIN(TestRequestFlow)
#include "test_requestflow.moc"
