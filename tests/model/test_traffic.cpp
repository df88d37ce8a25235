// The traffic model against theory and against what a user relies on: a pod with one worker
// behaves as an M/D/1 queue, the default pod (no worker limit) as M/D/1 processor sharing,
// requests need a running endpoint, metrics report what happened. The queueing checks of the
// per-request runtime proper are in tests/traffic/test_queueing.cpp.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenariotext.h"

#include <cmath>
#include <numeric>
#endif

using namespace cnsim;

class TestTraffic : public QObject {
    Q_OBJECT

private slots:
    void singlePodMatchesMd1_data();
    void singlePodMatchesMd1();
    void defaultPodIsProcessorSharing();
    void requestsBeforePodsRunAreErrors();
    void constantSourceIsExact();
    void metricsSampledEverySecond();
    void nodeCpuMatchesUtilisation();
};

void TestTraffic::singlePodMatchesMd1_data() {
    QTest::addColumn<double>("rate");
    QTest::newRow("rho 0.5") << 20.0;
    QTest::newRow("rho 0.8") << 32.0;
}

void TestTraffic::singlePodMatchesMd1() {
    // One pod with a 1-core limit and one worker; a request holds the worker for its 20 ms of
    // CPU and its 5 ms base latency: deterministic service D = 0.025 s, Poisson arrivals at λ.
    // Pollaczek–Khinchine for M/D/1: Wq = ρ·D / (2(1 − ρ)), so mean latency = Wq + D.
    QFETCH(double, rate);
    const double service = 0.025;
    const double rho = rate * service;
    const double expectedMs = (rho * service / (2.0 * (1.0 - rho)) + service) * 1e3;

    Scenario scenario = test::loadScenarioText(test::webScenario(1, "4", 1, "1", rate, "2h"));
    scenario.simulation.traffic[0].start = SimTime::seconds(10); // after the pod is up
    scenario.simulation.services[0].workers = 1;                 // first come, first served
    // Independent seeds; the mean of their means has a small, known spread. At ρ = 0.8 one
    // 2-hour run (~288,000 requests) pins the mean within about ±2% (95%); over 4 seeds ±1%.
    double sum = 0.0;
    const int seeds = 4;
    for (int s = 0; s < seeds; ++s) {
        Simulation sim(scenario, SimulationOptions{std::uint64_t(1000 + s), std::nullopt});
        sim.runToEnd();
        const ServiceSummary& web = sim.summary().services.at(0);
        QCOMPARE(web.errors, std::uint64_t{0});
        sum += web.meanLatencyMs;
    }
    const double mean = sum / seeds;
    QVERIFY2(
        std::abs(mean - expectedMs) / expectedMs < 0.03,
        qPrintable(
            QStringLiteral("mean latency %1 ms, M/D/1 gives %2 ms").arg(mean).arg(expectedMs)));
}

void TestTraffic::defaultPodIsProcessorSharing() {
    // Without a worker limit the pod's requests share its CPU: M/D/1-PS, whose mean response
    // is D / (1 − ρ) whatever the service distribution (Kleinrock vol. 2, §4.4), + 5 ms base.
    const double rate = 40.0;
    const double service = 0.020;
    const double rho = rate * service;
    const double expectedMs = (service / (1.0 - rho) + 0.005) * 1e3;
    Scenario scenario = test::loadScenarioText(test::webScenario(1, "4", 1, "1", rate, "2h"));
    scenario.simulation.traffic[0].start = SimTime::seconds(10);
    double sum = 0.0;
    const int seeds = 4;
    for (int s = 0; s < seeds; ++s) {
        Simulation sim(scenario, SimulationOptions{std::uint64_t(2000 + s), std::nullopt});
        sim.runToEnd();
        sum += sim.summary().services.at(0).meanLatencyMs;
    }
    const double mean = sum / seeds;
    QVERIFY2(std::abs(mean - expectedMs) / expectedMs < 0.03,
             qPrintable(QStringLiteral("mean latency %1 ms, M/D/1-PS gives %2 ms")
                            .arg(mean)
                            .arg(expectedMs)));
}

void TestTraffic::requestsBeforePodsRunAreErrors() {
    // Traffic from t = 0 while pods need 3 s to start: every request in those 3 s fails.
    Simulation sim(test::loadScenarioText(test::webScenario(1, "4", 2, "1", 100, "10s")));
    sim.advanceTo(SimTime::seconds(3));
    const ServiceSummary early = sim.summary().services.at(0);
    QVERIFY(early.requests > 200);
    QCOMPARE(early.errors, early.requests);
    sim.runToEnd();
    const ServiceSummary late = sim.summary().services.at(0);
    QCOMPARE(late.errors, early.errors); // none once pods run (ρ = 1.0 per pod is not reached)
    QVERIFY(late.completed > 500);
}

void TestTraffic::constantSourceIsExact() {
    Scenario scenario = test::loadScenarioText(test::webScenario(1, "4", 1, "1", 10, "70s"));
    scenario.simulation.traffic[0].type = "constant";
    scenario.simulation.traffic[0].start = SimTime::seconds(10);
    scenario.simulation.traffic[0].stop = SimTime::seconds(60);
    Simulation sim(scenario);
    sim.runToEnd();
    const ServiceSummary web = sim.summary().services.at(0);
    QCOMPARE(web.requests, std::uint64_t{500}); // 50 s × 10/s, the arrival at 60 s excluded
    QCOMPARE(web.completed, std::uint64_t{500});
    // No queueing with evenly spaced arrivals: every latency is 20 ms CPU + 5 ms base.
    QVERIFY(std::abs(web.p99LatencyMs - 25.0) < 0.25);
}

void TestTraffic::metricsSampledEverySecond() {
    Simulation sim(test::loadScenarioText(test::webScenario(2, "4", 3, "1", 60, "2m")));
    sim.runToEnd();
    const TimeSeries* rate = sim.metrics().find("service/web/request_rate");
    QVERIFY(rate != nullptr);
    QCOMPARE(rate->values.size(), std::size_t{120});
    QCOMPARE(rate->times.front(), SimTime::seconds(1));
    QCOMPARE(rate->times.back(), SimTime::seconds(120));
    const double mean = std::accumulate(rate->values.begin(), rate->values.end(), 0.0) /
                        static_cast<double>(rate->values.size());
    QVERIFY2(std::abs(mean - 60.0) < 3.0, qPrintable(QString::number(mean)));
    const TimeSeries* running = sim.metrics().find("deployment/web/pods_running");
    QVERIFY(running != nullptr);
    QCOMPARE(running->values.front(), 0.0); // still starting at 1 s
    QCOMPARE(running->values.back(), 3.0);
    const TimeSeries* p95 = sim.metrics().find("service/web/latency_p95_ms");
    QVERIFY(p95 != nullptr && p95->values.back() >= 25.0 * 0.99);
}

void TestTraffic::nodeCpuMatchesUtilisation() {
    // One pod at ρ = 0.5 with a 1-core limit keeps its node's CPU busy half the time.
    Scenario scenario = test::loadScenarioText(test::webScenario(1, "4", 1, "1", 25, "30m"));
    scenario.simulation.traffic[0].start = SimTime::seconds(10);
    Simulation sim(scenario);
    sim.runToEnd();
    const double busy = sim.summary().nodes.at(0).meanCpuUsedCores;
    const double expected = 0.5 * (1800.0 - 10.0) / 1800.0;
    QVERIFY2(std::abs(busy - expected) < 0.02, qPrintable(QString::number(busy)));
}

QTEST_GUILESS_MAIN(TestTraffic)
#include "test_traffic.moc"
