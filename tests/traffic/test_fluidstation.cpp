// FluidStation (aggregate mode's pod) against the exact results it claims (docs/traffic.md,
// "Aggregate mode"): the stationary M/M/1, M/M/c (Erlang C) and M/M/1/K chains (Kleinrock,
// Queueing Systems vol. 1, §3.2–3.7), the M/M/1-PS mean sojourn E[S]/(1 − ρ) (vol. 2, §4.4),
// and the fluid queue's arithmetic when the offered load exceeds capacity.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "traffic/fluidstation.h"

#include <algorithm>
#include <cmath>
#include <vector>
#endif

using namespace cnsim;

namespace {

// Erlang C: mean number present in M/M/c, L = a + P(wait)·ρ/(1 − ρ).
double mmcMeanPresent(int c, double lambda, double mu) {
    const double a = lambda / mu;
    const double rho = a / c;
    double sum = 0.0;
    double term = 1.0;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term / (1.0 - rho);
    const double pWait = top / (sum + top);
    return a + pWait * rho / (1.0 - rho);
}

double sampledMeanSojourn(const FluidStation& station, double work, int samples) {
    RandomStream stream(11, "fluid");
    double sum = 0.0;
    for (int i = 0; i < samples; ++i) {
        sum += station.sampleSojourn(stream.exponential(1.0 / work), stream);
    }
    return sum / samples;
}

} // namespace

class TestFluidStation : public QObject {
    Q_OBJECT

private slots:
    void mm1StableState();
    void mmcMatchesErlangC_data();
    void mmcMatchesErlangC();
    void fullQueueTurnsAwayLikeMm1K();
    void overloadBuildsABacklogThenDrains();
    void noWorkNeverWaits();
};

void TestFluidStation::mm1StableState() {
    // ρ = 0.5: L = ρ/(1 − ρ) = 1, half a core busy, nothing turned away; the sampled
    // sojourn keeps processor sharing's mean E[S]/(1 − ρ) = 2 ms.
    FluidStation station(1.0, 0, 1000);
    station.step(500.0, 0.001, 1.0);
    QVERIFY(!station.saturated());
    QCOMPARE(station.dropFraction(), 0.0);
    QVERIFY(std::abs(station.meanPresent() - 1.0) < 1e-9);
    QVERIFY(std::abs(station.busyCores() - 0.5) < 1e-12);
    const double mean = sampledMeanSojourn(station, 0.001, 200000);
    QVERIFY2(std::abs(mean - 0.002) < 0.002 * 0.02, qPrintable(QString::number(mean)));
}

void TestFluidStation::mmcMatchesErlangC_data() {
    QTest::addColumn<int>("cores");
    QTest::addColumn<double>("lambda");
    QTest::newRow("c=2, rho 0.5") << 2 << 1000.0;
    QTest::newRow("c=4, rho 0.75") << 4 << 3000.0;
    QTest::newRow("c=8, rho 0.9") << 8 << 7200.0;
}

void TestFluidStation::mmcMatchesErlangC() {
    QFETCH(int, cores);
    QFETCH(double, lambda);
    FluidStation station(cores, 0, 1000);
    station.step(lambda, 0.001, 1.0);
    const double exact = mmcMeanPresent(cores, lambda, 1000.0);
    QVERIFY2(std::abs(station.meanPresent() - exact) < exact * 1e-9,
             qPrintable(QStringLiteral("L %1, exact %2").arg(station.meanPresent()).arg(exact)));
    QVERIFY(std::abs(station.busyCores() - lambda * 0.001) < 1e-9);
}

void TestFluidStation::fullQueueTurnsAwayLikeMm1K() {
    // One worker and a queue of 4: K = 5. P(n = K) = (1 − ρ)ρ^K / (1 − ρ^(K+1)).
    const double rho = 0.9;
    FluidStation station(1.0, 1, 4);
    station.step(900.0, 0.001, 1.0);
    const double exactDrop = (1.0 - rho) * std::pow(rho, 5) / (1.0 - std::pow(rho, 6));
    QVERIFY2(std::abs(station.dropFraction() - exactDrop) < 1e-12,
             qPrintable(QString::number(station.dropFraction())));
    // Queued: Σ_{k=2..5} (k − 1)·p_k, p_k = (1 − ρ)ρ^k / (1 − ρ^6).
    double queued = 0.0;
    for (int k = 2; k <= 5; ++k) {
        queued += (k - 1) * (1.0 - rho) * std::pow(rho, k) / (1.0 - std::pow(rho, 6));
    }
    QVERIFY(std::abs(station.meanQueued() - queued) < 1e-12);
    QVERIFY(std::abs(station.busyCores() - 900.0 * (1.0 - exactDrop) * 0.001) < 1e-12);
}

void TestFluidStation::overloadBuildsABacklogThenDrains() {
    // 10 workers, a queue of 100 (K = 110), 1 core, 1 ms per request: 1,000 requests/s at most.
    FluidStation station(1.0, 10, 100);
    station.step(2000.0, 0.001, 1.0); // 1,000 too many: 110 stay, 890 are turned away
    QVERIFY(station.saturated());
    QVERIFY(std::abs(station.backlog() - 110.0) < 1e-9);
    QVERIFY(std::abs(station.dropFraction() - 890.0 / 2000.0) < 1e-12);
    QVERIFY(std::abs(station.busyCores() - 1.0) < 1e-12);
    // While it stays full, an arrival finds 110 present: 10 at work, 100 queued ahead of it,
    // then itself queued (101 ahead at 1,000/s), then 1 ms of CPU shared by 10: 0.111 s.
    station.step(2000.0, 0.001, 1.0);
    QVERIFY(std::abs(station.dropFraction() - 0.5) < 1e-12);
    RandomStream stream(3, "fluid");
    const double waited = station.sampleSojourn(0.001, stream);
    QVERIFY2(std::abs(waited - 0.111) < 1e-9, qPrintable(QString::number(waited)));

    station.step(500.0, 0.001, 1.0); // the backlog drains within the second
    QVERIFY(!station.saturated() || station.backlog() == 0.0);
    QCOMPARE(station.backlog(), 0.0);
    QCOMPARE(station.dropFraction(), 0.0);
    QVERIFY(std::abs(station.busyCores() - (500.0 + 110.0) * 0.001) < 1e-12);

    station.step(500.0, 0.001, 1.0); // and the station is stable again
    QVERIFY(!station.saturated());
    QVERIFY(std::abs(station.meanPresent() - 1.0) < 0.01); // ρ = 0.5, 10 workers ≈ M/M/1
}

void TestFluidStation::noWorkNeverWaits() {
    FluidStation station(1.0, 0, 1000);
    station.step(1e6, 0.0, 1.0);
    QCOMPARE(station.busyCores(), 0.0);
    RandomStream stream(5, "fluid");
    QCOMPARE(station.sampleSojourn(0.0, stream), 0.0);
}

QTEST_GUILESS_MAIN(TestFluidStation)
#include "test_fluidstation.moc"
