// The per-request data plane against queueing theory (docs/traffic.md, "Checks against
// theory"). Exact values from the Erlang C formula (Kleinrock, Queueing Systems vol. 1,
// §3.5; see also /work/shared/reference/queueing-and-performance.md):
//   a = λ/μ, ρ = a/c, P(wait) = [aᶜ/c! · 1/(1−ρ)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)],
//   Wq = P(wait)/(cμ − λ), W = Wq + 1/μ; c = 1 gives M/M/1: Wq = ρ/(μ − λ), W = 1/(μ − λ).
// M/G/1 processor sharing: W = E[S]/(1 − ρ) whatever the service distribution (Kleinrock
// vol. 2, §4.4). Little's law: L = λW.
//
// Statistics: one long run per case, cut into 20 batches after a warm-up batch; the batch
// means give a 95% confidence interval (Student t, 19 degrees of freedom: 2.093). A test
// asserts the interval is narrower than the tolerance, so it can tell, and that the exact
// value is within 3% of the estimate.

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "trafficscenario.h"

#include <cmath>
#include <numeric>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

double erlangCWait(int c, double lambda, double mu) {
    const double a = lambda / mu;
    const double rho = a / c;
    double sum = 0.0;
    double term = 1.0; // a^k / k!
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term / (1.0 - rho); // a^c / c! / (1 − ρ)
    const double pWait = top / (sum + top);
    return pWait / (c * mu - lambda);
}

struct Estimate {
    double mean = 0.0;
    double halfWidth = 0.0; // 95%
    double meanInFlight = 0.0;
    double arrivalRate = 0.0;
};

// Runs `scenario` and returns batch-mean estimates of the mean latency (seconds) of the
// Service at index 0, plus the time-average requests in flight from the per-second samples.
Estimate batchMeans(const Scenario& scenario, SimTime warmUp, int batches) {
    Simulation sim(scenario);
    sim.advanceTo(warmUp);
    const auto totals = [&] {
        const ServiceSummary s = sim.summary().services.at(0);
        return std::pair<double, double>(static_cast<double>(s.completed),
                                         s.meanLatencyMs * static_cast<double>(s.completed));
    };
    auto [count0, sum0] = totals();
    const SimTime batch =
        SimTime::microseconds((scenario.duration - warmUp).toMicroseconds() / batches);
    std::vector<double> means;
    for (int b = 1; b <= batches; ++b) {
        sim.advanceTo(warmUp + batch * b);
        const auto [count, sum] = totals();
        means.push_back((sum - sum0) / (count - count0) / 1e3);
        count0 = count;
        sum0 = sum;
    }
    Estimate e;
    e.mean = std::accumulate(means.begin(), means.end(), 0.0) / batches;
    double ss = 0.0;
    for (const double m : means) {
        ss += (m - e.mean) * (m - e.mean);
    }
    e.halfWidth = 2.093 * std::sqrt(ss / (batches - 1) / batches);
    const TimeSeries* inFlight = sim.metrics().find("service/" + sim.summary().services.at(0).name +
                                                    "/in_flight");
    const auto firstSample = static_cast<std::size_t>(warmUp.toSeconds());
    double sumInFlight = 0.0;
    for (std::size_t i = firstSample; i < inFlight->values.size(); ++i) {
        sumInFlight += inFlight->values[i];
    }
    e.meanInFlight = sumInFlight / static_cast<double>(inFlight->values.size() - firstSample);
    const ServiceSummary s = sim.summary().services.at(0);
    e.arrivalRate = static_cast<double>(s.requests) / (scenario.duration - SimTime::seconds(10)).toSeconds();
    return e;
}

// One Deployment "api" with one pod; exponential CPU with mean 1/μ; Poisson arrivals.
Scenario station(double lambda, double mu, int cores, std::optional<int> workers,
                 SimTime duration) {
    Scenario s = baseScenario(duration);
    addTier(s, tier("api", 1, cores * 1000));
    ServiceBehaviourSpec& b = behaviour(s, "api");
    b.cpuPerRequest = exponentialMs(1000.0 / mu);
    b.workers = workers;
    b.queueCapacity = 1'000'000;
    poissonTo(s, "api", lambda);
    return s;
}

QString describe(const Estimate& e, double exact) {
    return QStringLiteral("estimate %1 ± %2 s, exact %3 s")
        .arg(e.mean, 0, 'g', 7)
        .arg(e.halfWidth, 0, 'g', 3)
        .arg(exact, 0, 'g', 7);
}

} // namespace

class TestQueueing : public QObject {
    Q_OBJECT

private slots:
    void mm1_data();
    void mm1();
    void mmc();
    void mg1ProcessorSharing_data();
    void mg1ProcessorSharing();
};

void TestQueueing::mm1_data() {
    QTest::addColumn<double>("rho");
    QTest::addColumn<int>("hours");
    // μ = 1000/s (1 ms of CPU). Longer runs where the queue relaxes slowly.
    QTest::newRow("rho 0.5") << 0.5 << 1;
    QTest::newRow("rho 0.8") << 0.8 << 2;
    QTest::newRow("rho 0.9") << 0.9 << 3;
}

void TestQueueing::mm1() {
    // One worker (FIFO) on a 1-core pod: M/M/1. Wq = ρ/(μ − λ), W = 1/(μ − λ).
    QFETCH(double, rho);
    QFETCH(int, hours);
    const double mu = 1000.0;
    const double lambda = rho * mu;
    const Estimate e =
        batchMeans(station(lambda, mu, 1, 1, SimTime::hours(hours)), SimTime::seconds(60), 20);
    const double w = 1.0 / (mu - lambda);
    const double wq = rho / (mu - lambda);
    qInfo("%s", qPrintable(describe(e, w)));
    QVERIFY2(e.halfWidth < 0.03 * w, qPrintable(describe(e, w)));
    QVERIFY2(std::abs(e.mean - w) < 0.03 * w, qPrintable(describe(e, w)));
    // Wq: the response minus the mean service time 1/μ.
    const double wqEstimate = e.mean - 1.0 / mu;
    QVERIFY2(std::abs(wqEstimate - wq) < 0.03 * wq,
             qPrintable(QStringLiteral("Wq %1 s, exact %2 s").arg(wqEstimate).arg(wq)));
    // Little's law on the station: L = λW (time average of the per-second in-flight samples).
    QVERIFY2(std::abs(e.meanInFlight - e.arrivalRate * e.mean) < 0.05 * e.arrivalRate * e.mean,
             qPrintable(QStringLiteral("L %1, λW %2").arg(e.meanInFlight).arg(e.arrivalRate * e.mean)));
}

void TestQueueing::mmc() {
    // Four workers on a 4-core pod: M/M/4. Worked value c = 4, λ = 3.6, μ = 1 (in ms here):
    // Wq = 1.969383, W = 2.969383.
    const double mu = 1000.0;
    const double lambda = 3600.0;
    const double wq = erlangCWait(4, lambda, mu);
    QVERIFY(std::abs(wq * 1000.0 - 1.969383) < 1e-6);
    const Estimate e =
        batchMeans(station(lambda, mu, 4, 4, SimTime::minutes(50)), SimTime::seconds(60), 20);
    const double w = wq + 1.0 / mu;
    qInfo("%s", qPrintable(describe(e, w)));
    QVERIFY2(e.halfWidth < 0.03 * w, qPrintable(describe(e, w)));
    QVERIFY2(std::abs(e.mean - w) < 0.03 * w, qPrintable(describe(e, w)));
    const double wqEstimate = e.mean - 1.0 / mu;
    QVERIFY2(std::abs(wqEstimate - wq) < 0.03 * wq,
             qPrintable(QStringLiteral("Wq %1 s, exact %2 s").arg(wqEstimate).arg(wq)));
    QVERIFY2(std::abs(e.meanInFlight - e.arrivalRate * e.mean) < 0.05 * e.arrivalRate * e.mean,
             qPrintable(QStringLiteral("L %1, λW %2").arg(e.meanInFlight).arg(e.arrivalRate * e.mean)));
}

void TestQueueing::mg1ProcessorSharing_data() {
    QTest::addColumn<bool>("exponential");
    QTest::newRow("M/M/1-PS") << true;
    QTest::newRow("M/D/1-PS") << false;
}

void TestQueueing::mg1ProcessorSharing() {
    // The default pod: no worker limit, processor sharing of a 1-core limit. Mean response
    // E[S]/(1 − ρ) = 1/(μ − λ) for any service distribution (insensitivity).
    QFETCH(bool, exponential);
    const double mu = 1000.0;
    const double lambda = 800.0;
    Scenario s = station(lambda, mu, 1, std::nullopt, SimTime::hours(1));
    if (!exponential) {
        behaviour(s, "api").cpuPerRequest = constantMs(1.0);
    }
    const Estimate e = batchMeans(s, SimTime::seconds(60), 20);
    const double w = 1.0 / (mu - lambda);
    qInfo("%s", qPrintable(describe(e, w)));
    QVERIFY2(e.halfWidth < 0.03 * w, qPrintable(describe(e, w)));
    QVERIFY2(std::abs(e.mean - w) < 0.03 * w, qPrintable(describe(e, w)));
    QVERIFY2(std::abs(e.meanInFlight - e.arrivalRate * e.mean) < 0.05 * e.arrivalRate * e.mean,
             qPrintable(QStringLiteral("L %1, λW %2").arg(e.meanInFlight).arg(e.arrivalRate * e.mean)));
}

QTEST_GUILESS_MAIN(TestQueueing)
#include "test_queueing.moc"
