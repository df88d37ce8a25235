// The sidecar service mesh (simulation.mesh, Istio's VirtualService and DestinationRule;
// docs/traffic.md "Service mesh"): each mechanism is checked against the same run with it
// switched off, so each test fails when the mechanism does nothing. Upstream sources:
// istio/api networking/v1alpha3/virtual_service.proto and destination_rule.proto (fields,
// defaults), istio/istio pilot/pkg/networking/core/route/retry/retry.go (the default retry
// policy), envoy source/common/common/backoff_strategy.cc (jittered back-off, 25 ms base) and
// source/extensions/clusters/common/outlier_detection_impl.cc (consecutive 5xx ejection).

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "trafficresults.h"
#include "trafficscenario.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

std::uint64_t versionRequests(const RunSummary& summary, const std::string& svc,
                              const std::string& version) {
    for (const VersionSummary& v : summary.versions) {
        if (v.service == svc && v.name == version) {
            return v.requests;
        }
    }
    return 0;
}

// Pods of `app` with a `version` label behind the Service `app`.
void addVersion(Scenario& s, const std::string& app, const std::string& version, int replicas) {
    addPodsBehind(s, app, app + "-" + version, {{"version", version}}, replicas);
}

void sidecars(Scenario& s) {
    s.simulation.mesh.mode = MeshMode::Sidecar;
}

VirtualServiceSpec& virtualService(Scenario& s, const std::string& host) {
    VirtualServiceSpec vs;
    vs.name = host;
    vs.hosts = {host};
    s.virtualServices.push_back(vs);
    return s.virtualServices.back();
}

DestinationRuleSpec& destinationRule(Scenario& s, const std::string& host) {
    DestinationRuleSpec rule;
    rule.name = host;
    rule.host = host;
    rule.trafficPolicy = MeshTrafficPolicy{};
    s.destinationRules.push_back(rule);
    return s.destinationRules.back();
}

MeshHttpRoute routeTo(const std::string& host, const std::string& subset = {},
                      std::optional<int> weight = std::nullopt) {
    MeshHttpRoute route;
    route.route.push_back(MeshRouteDestination{host, subset, weight});
    return route;
}

MeshRetrySpec noRetries() {
    MeshRetrySpec retries;
    retries.attempts = 0;
    return retries;
}

} // namespace

class TestMesh : public QObject {
    Q_OBJECT

private slots:
    void headerMatchRoutesToSubset();
    void weightsSplitBetweenServices();
    void defaultRetriesRecoverTransientErrors();
    void perTryTimeoutCutsSlowAttempts();
    void routeTimeoutBoundsTheWholeCall();
    void outlierDetectionEjectsAFailingEndpoint();
    void connectionPoolOverflowAnswers503();
    void sidecarsCostCpuAndLatency();
    void injectedSidecarsTakeSchedulingRoom();
    void faultInjectionAbortsAndDelays();
    void sameSeedSameRun();
};

void TestMesh::headerMatchRoutesToSubset() {
    // reviews v1 and v2 behind one Service; requests with `end-user: jason` go to v2, all
    // others to v1 (Istio's Bookinfo "request routing" task). The header travels from the
    // request class through frontend's call to reviews.
    Scenario s = baseScenario(SimTime::seconds(70));
    addTier(s, tier("frontend"));
    ServiceSpec reviews;
    reviews.name = "reviews";
    reviews.selector = {{"app", "reviews"}};
    ServicePortSpec port;
    port.port = 80;
    port.targetPort = 80;
    reviews.ports.push_back(port);
    s.workloads.emplace_back(reviews);
    addVersion(s, "reviews", "v1", 2);
    addVersion(s, "reviews", "v2", 2);
    behaviour(s, "frontend").cpuPerRequest = constantMs(1);
    behaviour(s, "frontend").calls = {CallStepSpec{false, {{"reviews", 1.0, 1}}}};
    behaviour(s, "reviews").cpuPerRequest = constantMs(1);
    TrafficSourceSpec& source = poissonTo(s, "frontend", 40);
    source.stop = SimTime::seconds(69);
    RequestClassSpec jason;
    jason.name = "jason";
    jason.service = "frontend";
    jason.weight = 1.0;
    jason.headers = {{"End-User", "jason"}}; // header names match case-insensitively
    source.classes.front().weight = 3.0;
    source.classes.push_back(jason);
    sidecars(s);
    DestinationRuleSpec& rule = destinationRule(s, "reviews");
    rule.subsets = {MeshSubsetSpec{"v1", {{"version", "v1"}}, std::nullopt},
                    MeshSubsetSpec{"v2", {{"version", "v2"}}, std::nullopt}};
    VirtualServiceSpec& vs = virtualService(s, "reviews");
    MeshHttpRoute toV2 = routeTo("reviews", "v2");
    MeshHttpMatch match;
    match.headers["end-user"] = MeshStringMatch{false, "jason"};
    toV2.match.push_back(match);
    vs.http = {toV2, routeTo("reviews", "v1")};

    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const std::uint64_t total = service(summary, "reviews").requests;
    const std::uint64_t v2 = versionRequests(summary, "reviews", "v2");
    QVERIFY(total > 1500);
    QCOMPARE(versionRequests(summary, "reviews", "v1") + v2, total);
    // About a quarter (the jason class's weight), and never a request of the other class.
    QVERIFY2(std::abs(static_cast<double>(v2) / static_cast<double>(total) - 0.25) < 0.04,
             qPrintable(QStringLiteral("%1 of %2").arg(v2).arg(total)));
    QCOMPARE(service(summary, "reviews").errors, std::uint64_t{0});

    // Switched off (no sidecars): the Service spreads both classes over all four pods.
    s.simulation.mesh.mode = MeshMode::None;
    Simulation off(s);
    off.runToEnd();
    const RunSummary offSummary = off.summary();
    const double offShare = static_cast<double>(versionRequests(offSummary, "reviews", "v2")) /
                            static_cast<double>(service(offSummary, "reviews").requests);
    QVERIFY2(std::abs(offShare - 0.5) < 0.05, qPrintable(QString::number(offShare)));
}

void TestMesh::weightsSplitBetweenServices() {
    // The frontend calls `backend`; its VirtualService sends 80 % there and 20 % to another
    // Service, backend-next: a canary between Services, outside the gateway.
    Scenario s = frontendAndBackend(SimTime::seconds(110), 40);
    addTier(s, tier("backend-next"));
    behaviour(s, "backend-next").cpuPerRequest = constantMs(1);
    sidecars(s);
    VirtualServiceSpec& vs = virtualService(s, "backend");
    MeshHttpRoute split = routeTo("backend", {}, 80);
    split.route.push_back(MeshRouteDestination{"backend-next", {}, 20});
    vs.http = {split};
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const auto next = static_cast<double>(service(summary, "backend-next").requests);
    const auto main = static_cast<double>(service(summary, "backend").requests);
    const double n = next + main;
    QCOMPARE(n, static_cast<double>(service(summary, "frontend").requests));
    QVERIFY2(std::abs(next / n - 0.2) < 0.02,
             qPrintable(QStringLiteral("%1 of %2").arg(next).arg(n)));

    // Without the VirtualService every call goes to `backend`.
    s.virtualServices.clear();
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "backend-next").requests, std::uint64_t{0});
}

void TestMesh::defaultRetriesRecoverTransientErrors() {
    // One good and one broken backend pod (503 at once), picked at random (RANDOM). Istio's
    // default policy retries a 503 twice: a call fails only when all three attempts hit the
    // broken pod, p = 1/8; without sidecars, 1/2.
    Scenario s = frontendAndBackend(SimTime::seconds(110), 20);
    addBrokenPods(s, "backend", 1, "version");
    sidecars(s);
    s.simulation.mesh.sidecarLatency = SimTime::milliseconds(2);
    destinationRule(s, "backend").trafficPolicy->loadBalancer = MeshLoadBalancer::Random;
    s.simulation.tracing.sampleRate = 1.0;
    s.simulation.tracing.maxTraces = 500;
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const auto n = static_cast<double>(front.requests);
    const auto errors = static_cast<double>(front.errors);
    QVERIFY2(nearBinomial(errors, n, 0.125),
             qPrintable(QStringLiteral("%1 errors of %2").arg(errors).arg(n)));
    QVERIFY(std::abs(seriesSum(sim, "service/frontend/retry_rate") - 0.75 * n) <
            4 * std::sqrt(n * 0.75));
    // Envoy's jittered back-off: the n-th retry leaves below 25 ms × 2^(n−1) after the failed
    // answer reached the caller (1 ms of sidecar latency each way, same node).
    int retries = 0;
    for (const RequestTrace& t : sim.traces()) {
        for (std::size_t i = 2; i < t.spans.size(); ++i) {
            const SimTime gap = t.spans[i].start - t.spans[i - 1].end - SimTime::milliseconds(2);
            const SimTime bound = SimTime::milliseconds(t.spans[i - 1].attempt == 1 ? 25 : 50);
            QVERIFY2(gap >= SimTime::zero() && gap < bound, formatDuration(gap).c_str());
            ++retries;
        }
    }
    QVERIFY(retries > 100);

    // A route with `retries: {attempts: 0}` switches the default off: half fail.
    VirtualServiceSpec& vs = virtualService(s, "backend");
    MeshHttpRoute route = routeTo("backend");
    route.retries = noRetries();
    vs.http = {route};
    Simulation off(s);
    off.runToEnd();
    const ServiceSummary& offFront = service(off.summary(), "frontend");
    const auto offN = static_cast<double>(offFront.requests);
    QVERIFY(std::abs(static_cast<double>(offFront.errors) - offN / 2) < 4 * std::sqrt(offN / 4));

    // Istio's default does not retry a 500 (retryOn has no 5xx): an image answering 500 for
    // 30 % of its requests fails 30 % of the calls; `retryOn: 5xx` recovers most of them.
    Scenario buggy = frontendAndBackend(SimTime::seconds(110), 20);
    for (ImageSpec& image : buggy.simulation.images) {
        image.errorRate = image.name == "backend:1.0" ? 0.3 : 0.0;
    }
    sidecars(buggy);
    Simulation defaults(buggy);
    defaults.runToEnd();
    const ServiceSummary& d = service(defaults.summary(), "backend");
    QVERIFY(std::abs(static_cast<double>(d.errors) / static_cast<double>(d.requests) - 0.3) < 0.05);
    MeshHttpRoute on5xx = routeTo("backend");
    on5xx.retries = MeshRetrySpec{};
    on5xx.retries->retryOn = "5xx";
    virtualService(buggy, "backend").http = {on5xx};
    Simulation retried(buggy);
    retried.runToEnd();
    const ServiceSummary& f = service(retried.summary(), "frontend");
    // 0.3³ = 2.7 % of calls fail.
    QVERIFY2(static_cast<double>(f.errors) < 0.06 * static_cast<double>(f.requests),
             qPrintable(QStringLiteral("%1 of %2").arg(f.errors).arg(f.requests)));
}

void TestMesh::perTryTimeoutCutsSlowAttempts() {
    // The backend takes 200 ms; each attempt may take 50 ms, one retry on 5xx (a per-try
    // timeout is a 504): every call makes two attempts and fails, the backend still does
    // the work of both.
    Scenario s = frontendAndBackend(SimTime::seconds(30), 10);
    behaviour(s, "backend").baseLatency = SimTime::milliseconds(200);
    sidecars(s);
    MeshHttpRoute route = routeTo("backend");
    route.retries = MeshRetrySpec{};
    route.retries->attempts = 1;
    route.retries->perTryTimeout = SimTime::milliseconds(50);
    route.retries->retryOn = "5xx";
    virtualService(s, "backend").http = {route};
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    QVERIFY(front.requests > 150);
    QCOMPARE(front.errors, front.requests);
    QCOMPARE(service(sim.summary(), "backend").requests, 2 * front.requests);
    QCOMPARE(seriesSum(sim, "service/frontend/timeout_rate"),
             2.0 * static_cast<double>(front.requests));

    // Without perTryTimeout the caller waits the 200 ms and nothing fails.
    s.virtualServices.clear();
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "frontend").errors, std::uint64_t{0});
    QVERIFY(service(off.summary(), "frontend").p50LatencyMs > 200.0);
}

void TestMesh::routeTimeoutBoundsTheWholeCall() {
    // Route timeout 120 ms over attempts of 50 ms (5 retries allowed): the call ends with 504
    // at 120 ms whatever is left of the retries.
    Scenario s = frontendAndBackend(SimTime::seconds(30), 10);
    behaviour(s, "backend").baseLatency = SimTime::milliseconds(200);
    sidecars(s);
    s.simulation.mesh.sidecarLatency = SimTime::zero();
    MeshHttpRoute route = routeTo("backend");
    route.timeout = SimTime::milliseconds(120);
    route.retries = MeshRetrySpec{};
    route.retries->attempts = 5;
    route.retries->perTryTimeout = SimTime::milliseconds(50);
    route.retries->retryOn = "5xx";
    virtualService(s, "backend").http = {route};
    s.simulation.tracing.sampleRate = 1.0;
    s.simulation.tracing.maxTraces = 50;
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    QCOMPARE(front.errors, front.requests);
    for (const RequestTrace& t : sim.traces()) {
        // frontend: 1 ms CPU, then the call for exactly 120 ms.
        QCOMPARE(t.spans.front().end - t.spans.front().start, SimTime::milliseconds(121));
        QVERIFY(t.spans.size() >= 3); // at least two attempts inside the 120 ms
    }
    // Without the route timeout all six attempts run: 6 × 50 ms plus back-offs.
    s.virtualServices.front().http.front().timeout.reset();
    Simulation off(s);
    off.runToEnd();
    for (const RequestTrace& t : off.traces()) {
        QVERIFY(t.spans.front().end - t.spans.front().start >= SimTime::milliseconds(301));
    }
}

void TestMesh::outlierDetectionEjectsAFailingEndpoint() {
    // Four good backend pods and one broken; no retries, RANDOM balancing: a fifth of the
    // calls fail. Outlier detection (5 consecutive 5xx, 1 s sweeps, 30 s base ejection, up to
    // 100 %) ejects the broken pod after its fifth error; it returns at the first sweep after
    // 30 s, fails five more times and is ejected again.
    Scenario s = frontendAndBackend(SimTime::seconds(130), 50);
    addBrokenPods(s, "backend", 1);
    s.workloads.erase(s.workloads.begin() + 2); // the backend Deployment of one pod …
    addVersion(s, "backend", "good", 4);        // … becomes four good pods
    sidecars(s);
    DestinationRuleSpec& rule = destinationRule(s, "backend");
    rule.trafficPolicy->loadBalancer = MeshLoadBalancer::Random;
    MeshOutlierDetectionSpec od;
    od.consecutive5xxErrors = 5;
    od.interval = SimTime::seconds(1);
    od.baseEjectionTime = SimTime::seconds(30);
    od.maxEjectionPercent = 100;
    rule.trafficPolicy->outlierDetection = od;
    MeshHttpRoute route = routeTo("backend");
    route.retries = noRetries();
    virtualService(s, "backend").http = {route};
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const auto n = static_cast<double>(service(summary, "frontend").requests);
    const auto errors = static_cast<double>(service(summary, "frontend").errors);
    // Ejected after 5 errors, three or four times in 120 s: a few dozen errors.
    QVERIFY2(errors >= 10 && errors <= 40, qPrintable(QString::number(errors)));
    // The series: errors in the first seconds, none for about 30 s, then again (it returned).
    const std::vector<double> perSecond = series(sim, "service/frontend/error_rate").values;
    std::size_t first = 0;
    while (first < perSecond.size() && perSecond[first] == 0.0) {
        ++first;
    }
    QVERIFY(first >= 10 && first <= 12);
    double quiet = 0.0;
    for (std::size_t t = first + 2; t < first + 29 && t < perSecond.size(); ++t) {
        quiet += perSecond[t];
    }
    QCOMPARE(quiet, 0.0);
    double back = 0.0;
    for (std::size_t t = first + 29; t < first + 34 && t < perSecond.size(); ++t) {
        back += perSecond[t];
    }
    QVERIFY2(back > 0.0, "the ejected pod returns after baseEjectionTime");

    // Switched off: a fifth of all calls fail.
    s.destinationRules.front().trafficPolicy->outlierDetection.reset();
    Simulation off(s);
    off.runToEnd();
    const ServiceSummary& offFront = service(off.summary(), "frontend");
    const auto offN = static_cast<double>(offFront.requests);
    QVERIFY(std::abs(static_cast<double>(offFront.errors) - offN / 5) < 4 * std::sqrt(offN * 0.16));
    QVERIFY(errors < 0.05 * n);
}

void TestMesh::connectionPoolOverflowAnswers503() {
    // The backend takes 100 ms per call; at 50 calls per second the frontend's sidecar has
    // about five in flight. http2MaxRequests: 2 turns the rest away at once with 503.
    Scenario s = frontendAndBackend(SimTime::seconds(40), 50);
    behaviour(s, "backend").baseLatency = SimTime::milliseconds(100);
    sidecars(s);
    MeshConnectionPoolSpec pool;
    pool.http2MaxRequests = 2;
    destinationRule(s, "backend").trafficPolicy->connectionPool = pool;
    MeshHttpRoute route = routeTo("backend");
    route.retries = noRetries();
    virtualService(s, "backend").http = {route};
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const ServiceSummary& back = service(sim.summary(), "backend");
    // Constant arrivals every 20 ms; a call holds its slot 1 ms CPU + 100 ms + 2.65 ms of
    // sidecars, so each slot takes the arrival 120 ms after its last: 2 of every 6 pass.
    const double passed = static_cast<double>(back.requests) / static_cast<double>(front.requests);
    QVERIFY2(std::abs(passed - 1.0 / 3.0) < 0.02, qPrintable(QString::number(passed)));
    QCOMPARE(front.errors, front.requests - back.requests);
    const std::vector<double> inFlight = series(sim, "service/backend/in_flight").values;
    QVERIFY(*std::max_element(inFlight.begin(), inFlight.end()) <= 2.0);

    // No limit: everything passes.
    s.destinationRules.front().trafficPolicy->connectionPool.reset();
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "frontend").errors, std::uint64_t{0});
}

void TestMesh::sidecarsCostCpuAndLatency() {
    // Constant 1 ms work, 100 requests per second, one pod each, no queueing. Sidecars of
    // 1 ms CPU per request and 4 ms latency per call: the frontend's latency (which includes
    // its call to the backend) grows by 4 ms; the node works 3 ms more per request (the
    // frontend's inbound and outbound sidecar, the backend's inbound one); the pods' CPU
    // utilization divides by the request including the proxy's 100m.
    Scenario s = frontendAndBackend(SimTime::seconds(40), 100);
    sidecars(s);
    s.simulation.mesh.sidecarCpuPerRequest = SimTime::milliseconds(1);
    s.simulation.mesh.sidecarLatency = SimTime::milliseconds(4);
    Simulation sim(s);
    sim.runToEnd();
    Scenario plain = s;
    plain.simulation.mesh.mode = MeshMode::None;
    Simulation off(plain);
    off.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const ServiceSummary& offFront = service(off.summary(), "frontend");
    QCOMPARE(front.requests, offFront.requests);
    QVERIFY2(std::abs(offFront.p50LatencyMs - 2.0) < 0.05,
             qPrintable(QString::number(offFront.p50LatencyMs)));
    QVERIFY2(std::abs(front.p50LatencyMs - 6.0) < 0.15,
             qPrintable(QString::number(front.p50LatencyMs)));
    const std::string node = sim.summary().nodes.front().name;
    const double extra = seriesSum(sim, "node/" + node + "/cpu_used_cores") -
                         seriesSum(off, "node/" + node + "/cpu_used_cores");
    const double expected = 3 * 0.001 * static_cast<double>(front.requests);
    QVERIFY2(std::abs(extra - expected) < 0.02 * expected,
             qPrintable(QStringLiteral("%1 vs %2").arg(extra).arg(expected)));
}

void TestMesh::injectedSidecarsTakeSchedulingRoom() {
    // Istio's injector adds istio-proxy (100m CPU, 128Mi requested) to every pod: on a node
    // of 16 cores, sixteen 1-core pods fit without sidecars, fourteen with them (14 × 1.1).
    Scenario s = baseScenario(SimTime::seconds(30));
    addTier(s, tier("web", 16, 1000));
    // (pods bound to a node, containers per pod, pods whose second container is istio-proxy
    // requesting 1.1 cores in all)
    const auto bound = [](const Simulation& sim) {
        int count = 0;
        int containers = 0;
        int proxies = 0;
        for (const auto& [key, pod] : sim.api().pods()) {
            count += pod.nodeName.empty() ? 0 : 1;
            containers = std::max(containers, static_cast<int>(pod.spec.containers.size()));
            proxies += pod.spec.containers.size() == 2 &&
                               pod.spec.containers.back().name == "istio-proxy" &&
                               pod.requestCpu == CpuMillis{1100}
                           ? 1
                           : 0;
        }
        return std::tuple{count, containers, proxies};
    };
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(bound(off), (std::tuple{16, 1, 0}));
    sidecars(s);
    Simulation sim(s);
    sim.runToEnd();
    QCOMPARE(bound(sim), (std::tuple{14, 2, 16}));
}

void TestMesh::faultInjectionAbortsAndDelays() {
    // A route's fault: 30 % of the calls are answered 503 by the caller's sidecar, nothing
    // sent — and not retried, although Istio's default policy retries 503 (Envoy's fault
    // filter runs before the router).
    Scenario s = frontendAndBackend(SimTime::seconds(110), 20);
    sidecars(s);
    MeshHttpRoute route = routeTo("backend");
    MeshFaultSpec abort;
    abort.abortStatus = 503;
    abort.abortPercent = 30.0;
    route.fault = abort;
    virtualService(s, "backend").http = {route};
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const auto n = static_cast<double>(front.requests);
    QVERIFY2(nearBinomial(static_cast<double>(front.errors), n, 0.3),
             qPrintable(QStringLiteral("%1 of %2").arg(front.errors).arg(n)));
    QCOMPARE(service(sim.summary(), "backend").requests, front.requests - front.errors);
    QCOMPARE(seriesSum(sim, "service/frontend/retry_rate"), 0.0);

    // 20 % of the calls wait 100 ms first: the median stays a few milliseconds, the p95 is
    // past 100 ms. Without the fault both are a few milliseconds and nothing fails.
    MeshFaultSpec delay;
    delay.fixedDelay = SimTime::milliseconds(100);
    delay.delayPercent = 20.0;
    s.virtualServices.front().http.front().fault = delay;
    Simulation slow(s);
    slow.runToEnd();
    const ServiceSummary& delayed = service(slow.summary(), "frontend");
    QCOMPARE(delayed.errors, std::uint64_t{0});
    QVERIFY2(delayed.p50LatencyMs < 10.0, qPrintable(QString::number(delayed.p50LatencyMs)));
    QVERIFY2(delayed.p95LatencyMs > 100.0, qPrintable(QString::number(delayed.p95LatencyMs)));
    s.virtualServices.front().http.front().fault.reset();
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "frontend").errors, std::uint64_t{0});
    QVERIFY(service(off.summary(), "frontend").p95LatencyMs < 10.0);
}

void TestMesh::sameSeedSameRun() {
    Scenario s = frontendAndBackend(SimTime::seconds(40), 50);
    addBrokenPods(s, "backend", 1, "version");
    sidecars(s);
    MeshOutlierDetectionSpec od;
    destinationRule(s, "backend").trafficPolicy->outlierDetection = od;
    Simulation a(s);
    a.runToEnd();
    Simulation b(s);
    b.runToEnd();
    QCOMPARE(a.fingerprint(), b.fingerprint());
    s.simulation.mesh.mode = MeshMode::None;
    Simulation c(s);
    c.runToEnd();
    QVERIFY(a.fingerprint() != c.fingerprint());
}

QTEST_GUILESS_MAIN(TestMesh)
#include "test_mesh.moc"
