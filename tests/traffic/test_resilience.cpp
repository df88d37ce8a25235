// Resilience in the caller (services[].resilience, docs/traffic.md "Resilience"): each
// mechanism is checked against a run with it switched off, so each test fails when the
// mechanism does nothing. Timeouts cancel the caller's wait but not the callee's work;
// retries re-pick an endpoint after Resilience4j's back-off; a retry budget (Finagle /
// Linkerd) caps retries at ratio × requests + a floor; spans carry attempt numbers; a
// circuit breaker (Resilience4j) fails calls fast while open and spares the callee.

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "traffic/retrybudget.h"
#include "trafficresults.h"
#include "trafficscenario.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

CallResilienceSpec& policy(Scenario& s) {
    ResilienceSpec& r = behaviour(s, "frontend").resilience;
    if (r.calls.empty()) {
        CallResilienceSpec call;
        call.service = "backend";
        r.calls.push_back(call);
    }
    return r.calls.front();
}

} // namespace

class TestResilience : public QObject {
    Q_OBJECT

private slots:
    void retryBudgetAllowsRatioPlusFloor();
    void timeoutCancelsTheWaitNotTheWork();
    void retriesRepickAnEndpointAfterBackoff();
    void retryBudgetStopsARetryStorm();
    void circuitBreakerIsolatesASlowDependency();
    void sameSeedSameRun();
};

void TestResilience::retryBudgetAllowsRatioPlusFloor() {
    // Finagle's RetryBudget: 100 requests in the window, 20 % → 20, plus 10/s × 10 s = 100.
    RetryBudget budget(0.2, 10.0, SimTime::seconds(10));
    for (int i = 0; i < 100; ++i) {
        budget.deposit(SimTime::milliseconds(500));
    }
    int allowed = 0;
    while (budget.tryWithdraw(SimTime::seconds(3)) && allowed < 1000) {
        ++allowed;
    }
    QCOMPARE(allowed, 120);
    // Still inside the 10 s window: nothing more.
    QVERIFY(!budget.tryWithdraw(SimTime::seconds(9)));
    // The deposits of second 0 and the retries of second 3 leave the window at 10 s and
    // 13 s: afterwards only the floor is left, and it is free again.
    int later = 0;
    while (budget.tryWithdraw(SimTime::seconds(14)) && later < 1000) {
        ++later;
    }
    QCOMPARE(later, 100);
    // No floor, no requests: no retries.
    RetryBudget strict(0.5, 0.0, SimTime::seconds(1));
    QVERIFY(!strict.tryWithdraw(SimTime::seconds(1)));
    strict.deposit(SimTime::seconds(2));
    strict.deposit(SimTime::seconds(2));
    QVERIFY(strict.tryWithdraw(SimTime::seconds(2)));
    QVERIFY(!strict.tryWithdraw(SimTime::seconds(2)));
}

void TestResilience::timeoutCancelsTheWaitNotTheWork() {
    // The backend takes 200 ms (base latency); frontend gives up after 50 ms. Every
    // frontend request fails (500) after 1 ms CPU + 50 ms, every backend request still
    // finishes its 201 ms of work: the lesson is the wasted work.
    Scenario s = frontendAndBackend(SimTime::seconds(30), 10);
    behaviour(s, "backend").baseLatency = SimTime::milliseconds(200);
    policy(s).timeout = SimTime::milliseconds(50);
    s.simulation.tracing.sampleRate = 1.0;
    s.simulation.tracing.maxTraces = 20;
    Simulation sim(s);
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    const ServiceSummary& front = service(summary, "frontend");
    const ServiceSummary& back = service(summary, "backend");
    QCOMPARE(front.requests, std::uint64_t{190});
    QCOMPARE(front.errors, front.requests);
    QCOMPARE(back.requests, front.requests);
    QCOMPARE(back.errors, std::uint64_t{0});
    QCOMPARE(back.completed, front.requests);
    QCOMPARE(seriesSum(sim, "service/frontend/timeout_rate"), static_cast<double>(front.requests));
    QCOMPARE(seriesSum(sim, "service/frontend/retry_rate"), 0.0);
    for (const RequestTrace& t : sim.traces()) {
        QCOMPARE(t.code, 500);
        QCOMPARE(t.spans.size(), std::size_t{2});
        QCOMPARE(t.spans[0].end - t.spans[0].start, SimTime::milliseconds(51));
        QCOMPARE(t.spans[1].code, 200);
        QCOMPARE(t.spans[1].end - t.spans[1].start, SimTime::milliseconds(201));
    }

    // Switched off: the caller waits, nothing fails.
    behaviour(s, "frontend").resilience = {};
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "frontend").errors, std::uint64_t{0});
    QVERIFY(off.metrics().find("service/frontend/timeout_rate") == nullptr);
}

void TestResilience::retriesRepickAnEndpointAfterBackoff() {
    // One good backend pod and one broken (503 at once), picked at random: an attempt fails
    // with p = 1/2. Three attempts fail together with p = 1/8; without retries, 1/2.
    Scenario s = frontendAndBackend(SimTime::seconds(110), 20);
    addBrokenPods(s, "backend", 1);
    RetrySpec retry;
    retry.maxAttempts = 3;
    retry.waitDuration = SimTime::milliseconds(100);
    retry.exponentialBackoffMultiplier = 2;
    policy(s).retry = retry;
    s.simulation.tracing.sampleRate = 1.0;
    s.simulation.tracing.maxTraces = 400;
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const auto n = static_cast<double>(front.requests);
    const auto errors = static_cast<double>(front.errors);
    QVERIFY2(nearBinomial(errors, n, 0.125),
             qPrintable(QStringLiteral("%1 errors of %2").arg(errors).arg(n)));
    // Retries: one after a first failure (p 1/2), one more after a second (p 1/4).
    const double retries = seriesSum(sim, "service/frontend/retry_rate");
    QVERIFY2(std::abs(retries - 0.75 * n) < 4 * std::sqrt(n * 0.75),
             qPrintable(QString::number(retries)));
    QCOMPARE(static_cast<double>(service(sim.summary(), "backend").requests), n + retries);
    // In the traces: attempts numbered 1, 2, 3 under the frontend's span, the n-th retry
    // sent waitDuration × 2^(n−1) after the failed attempt answered (same node: no hops).
    int thirdAttempts = 0;
    for (const RequestTrace& t : sim.traces()) {
        QVERIFY(t.spans.size() >= 2);
        QCOMPARE(t.spans[1].attempt, 1);
        for (std::size_t i = 2; i < t.spans.size(); ++i) {
            const TraceSpan& previous = t.spans[i - 1];
            const TraceSpan& span = t.spans[i];
            QCOMPARE(span.parent, 0);
            QCOMPARE(span.attempt, previous.attempt + 1);
            QCOMPARE(previous.code, 503);
            const SimTime wait = SimTime::milliseconds(previous.attempt == 1 ? 100 : 200);
            QCOMPARE(span.start - previous.end, wait);
            thirdAttempts += span.attempt == 3 ? 1 : 0;
        }
        QCOMPARE(t.code, t.spans.back().code == 200 ? 200 : 500);
    }
    QVERIFY(thirdAttempts > 20);

    // Switched off: half the requests fail and nobody retries.
    behaviour(s, "frontend").resilience = {};
    Simulation off(s);
    off.runToEnd();
    const ServiceSummary& offFront = service(off.summary(), "frontend");
    const auto offN = static_cast<double>(offFront.requests);
    QVERIFY(std::abs(static_cast<double>(offFront.errors) - offN / 2) < 4 * std::sqrt(offN / 4));
    QCOMPARE(service(off.summary(), "backend").requests, offFront.requests);
}

void TestResilience::retryBudgetStopsARetryStorm() {
    // Every backend pod is broken: with 5 attempts each request costs the backend 5 calls.
    // A budget of 20 % plus 10 retries/s over 10 s lets through 0.2 × 100 + 10 = 30
    // retries per second once its window is full.
    Scenario s = frontendAndBackend(SimTime::seconds(110), 100);
    for (Manifest& m : s.workloads) {
        if (auto* d = std::get_if<DeploymentSpec>(&m); d != nullptr && d->name == "backend") {
            d->replicas = 0;
        }
    }
    addBrokenPods(s, "backend", 2);
    RetrySpec retry;
    retry.maxAttempts = 5;
    retry.waitDuration = SimTime::milliseconds(10);
    policy(s).retry = retry;

    Simulation storm(s);
    storm.runToEnd();
    const auto n = static_cast<double>(service(storm.summary(), "frontend").requests);
    QCOMPARE(static_cast<double>(service(storm.summary(), "backend").requests), 5 * n);
    QCOMPARE(service(storm.summary(), "frontend").completed, std::uint64_t{0});

    policy(s).retry->budget = RetryBudgetSpec{};
    Simulation budgeted(s);
    budgeted.runToEnd();
    const double retries = seriesSum(budgeted, "service/frontend/retry_rate");
    const double seconds = 100.0;
    // The first window (10 s) also has the floor's 100 retries up front; after that 30/s.
    QVERIFY2(retries <= 30 * seconds + 100 + 50 && retries >= 30 * seconds - 100,
             qPrintable(QString::number(retries)));
    QCOMPARE(static_cast<double>(service(budgeted.summary(), "backend").requests),
             static_cast<double>(service(budgeted.summary(), "frontend").requests) + retries);
}

void TestResilience::circuitBreakerIsolatesASlowDependency() {
    // The backend takes 2 s; frontend gives up after 200 ms. A circuit breaker (window 20,
    // 10 calls at least, 50 %, open for 5 s, 10 trial calls) opens after the first ten
    // timeouts: from then on most calls fail at once without reaching the backend, which
    // only sees the trial calls of each half-open period.
    Scenario s = frontendAndBackend(SimTime::seconds(70), 10);
    behaviour(s, "backend").baseLatency = SimTime::seconds(2);
    policy(s).timeout = SimTime::milliseconds(200);
    CircuitBreakerConfig breaker;
    breaker.slidingWindowSize = 20;
    breaker.minimumNumberOfCalls = 10;
    breaker.waitDurationInOpenState = SimTime::seconds(5);
    breaker.permittedNumberOfCallsInHalfOpenState = 10;
    policy(s).circuitBreaker = breaker;
    Simulation sim(s);
    sim.runToEnd();
    const ServiceSummary& front = service(sim.summary(), "frontend");
    const ServiceSummary& back = service(sim.summary(), "backend");
    QCOMPARE(front.errors, front.requests);
    // 59 s at 10/s = 590 calls; open 5 s after each of ten-call trials: the backend sees
    // about ten calls per 6 s, a sixth of them.
    const auto rejected = seriesSum(sim, "service/frontend/circuit_open_rate");
    QCOMPARE(static_cast<double>(back.requests) + rejected, static_cast<double>(front.requests));
    QVERIFY2(back.requests < front.requests / 4,
             qPrintable(QStringLiteral("%1 of %2").arg(back.requests).arg(front.requests)));
    // Refused calls fail fast: most frontend answers come after 1 ms, not 201 ms.
    const TimeSeries* state = sim.metrics().find("circuit/frontend/backend/state");
    QVERIFY(state != nullptr);
    const auto count = [&](double v) {
        return std::count(state->values.begin(), state->values.end(), v);
    };
    QVERIFY(count(1.0) > 30);
    QVERIFY(count(2.0) >= 5); // a half-open period spans a second boundary each time
    QCOMPARE(state->values.front(), 0.0);

    // Switched off: every call reaches the backend and waits its 200 ms.
    policy(s).circuitBreaker.reset();
    Simulation off(s);
    off.runToEnd();
    QCOMPARE(service(off.summary(), "backend").requests,
             service(off.summary(), "frontend").requests);
    QVERIFY(off.metrics().find("circuit/frontend/backend/state") == nullptr);
}

void TestResilience::sameSeedSameRun() {
    Scenario s = frontendAndBackend(SimTime::seconds(40), 50);
    addBrokenPods(s, "backend", 1);
    behaviour(s, "backend").cpuPerRequest = exponentialMs(5);
    policy(s).timeout = SimTime::milliseconds(8);
    policy(s).retry = RetrySpec{};
    policy(s).retry->budget = RetryBudgetSpec{};
    CircuitBreakerConfig breaker;
    breaker.slidingWindowSize = 10;
    breaker.minimumNumberOfCalls = 10;
    breaker.waitDurationInOpenState = SimTime::seconds(1);
    policy(s).circuitBreaker = breaker;
    Simulation a(s);
    a.runToEnd();
    Simulation b(s);
    for (int t = 1; t <= 40; ++t) {
        b.advanceTo(SimTime::seconds(t), 1000);
    }
    b.runToEnd();
    QCOMPARE(a.fingerprintHex(), b.fingerprintHex());
    QVERIFY(seriesSum(a, "service/frontend/timeout_rate") > 0);
    QVERIFY(seriesSum(a, "service/frontend/retry_rate") > 0);
    QVERIFY(seriesSum(a, "service/frontend/circuit_open_rate") > 0);
}

QTEST_GUILESS_MAIN(TestResilience)
#include "test_resilience.moc"
