// Traffic shapes: every registered kind has a runtime; each rate function has the value its
// definition gives; arrival counts over an interval match ∫λ(t)dt (a Poisson count N has
// SD √N, so a 4-SD band is used); `constant` is exactly evenly spaced.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/kinds.h"
#include "traffic/trafficshapes.h"

#include <cmath>
#include <numbers>
#endif

using namespace cnsim;

namespace {

TrafficSourceSpec source(const std::string& type, AttributeMap attributes) {
    TrafficSourceSpec s;
    s.name = "src";
    s.type = type;
    s.attributes = std::move(attributes);
    return s;
}

// Arrivals in [from, to) seconds, from a generator run to `to`.
int countArrivals(const TrafficSourceSpec& spec, double from, double to) {
    ArrivalGenerator generator(spec, RandomStream(3, "shape"));
    int count = 0;
    while (const auto t = generator.next(SimTime::fromSeconds(to))) {
        if (t->toSeconds() >= from && t->toSeconds() < to) {
            ++count;
        }
    }
    return count;
}

} // namespace

class TestTrafficShapes : public QObject {
    Q_OBJECT

private slots:
    void everyKindHasARuntime();
    void rates();
    void arrivalCounts_data();
    void arrivalCounts();
    void constantIsEvenlySpaced();
    void stopIsExclusive();
};

void TestTrafficShapes::everyKindHasARuntime() {
    std::vector<std::string_view> registered;
    for (const KindDescriptor& kind : trafficShapeKinds()) {
        registered.push_back(kind.name);
    }
    QCOMPARE(trafficShapeFactoryNames(), registered);
}

void TestTrafficShapes::rates() {
    const auto step = makeRateFunction(source(
        "step", {{"requestsPerSecond", 10.0}, {"stepAt", SimTime::seconds(60)}, {"stepTo", 30.0}}));
    QCOMPARE(step->rate(59.999), 10.0);
    QCOMPARE(step->rate(60.0), 30.0);
    QCOMPARE(step->maxRate(0, 61), 30.0);

    TrafficSourceSpec rampSpec = source(
        "ramp", {{"requestsPerSecond", 0.0}, {"rampTo", 100.0}, {"rampDuration", SimTime::seconds(100)}});
    rampSpec.start = SimTime::seconds(50);
    const auto ramp = makeRateFunction(rampSpec);
    QCOMPARE(ramp->rate(50), 0.0);
    QCOMPARE(ramp->rate(100), 50.0);
    QCOMPARE(ramp->rate(500), 100.0);

    const auto spike = makeRateFunction(source("spike", {{"requestsPerSecond", 10.0},
                                                         {"spikeRequestsPerSecond", 110.0},
                                                         {"spikeAt", SimTime::seconds(100)},
                                                         {"spikeDuration", SimTime::seconds(30)},
                                                         {"rampTime", SimTime::seconds(10)}}));
    QCOMPARE(spike->rate(99), 10.0);
    QCOMPARE(spike->rate(105), 60.0);  // half way up
    QCOMPARE(spike->rate(120), 110.0); // top
    QCOMPARE(spike->rate(145), 60.0);  // half way down
    QCOMPARE(spike->rate(151), 10.0);
    QCOMPARE(spike->maxRate(100, 101), 20.0);

    // λ(t) = m (1 + A cos(2π (t − peak)/period)).
    const auto diurnal = makeRateFunction(source("diurnal", {{"requestsPerSecond", 100.0},
                                                             {"amplitude", 0.5},
                                                             {"period", SimTime::seconds(1000)},
                                                             {"peakAt", SimTime::seconds(250)}}));
    QCOMPARE(diurnal->rate(250), 150.0);
    QVERIFY(std::abs(diurnal->rate(750) - 50.0) < 1e-9);
    QVERIFY(std::abs(diurnal->rate(500) - 100.0) < 1e-9);
    QCOMPARE(diurnal->maxRate(200, 300), 150.0);
    QCOMPARE(diurnal->maxRate(500, 600), diurnal->rate(500));

    TrafficSourceSpec traceSpec = source("trace", {{"file", std::string("rates.csv")}, {"scale", 2.0}});
    traceSpec.trace = {{SimTime::seconds(10), 5.0}, {SimTime::seconds(20), 1.0}};
    const auto trace = makeRateFunction(traceSpec);
    QCOMPARE(trace->rate(5), 0.0); // nothing before the first row
    QCOMPARE(trace->rate(10), 10.0);
    QCOMPARE(trace->rate(19.9), 10.0);
    QCOMPARE(trace->rate(25), 2.0);
}

void TestTrafficShapes::arrivalCounts_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("expected"); // ∫λ over [from, to)
    // poisson 200/s over 100 s; step 100 → 300 at 50 s; ramp 0 → 400 over 100 s (area 20,000);
    // spike: 100 base, 500 top at 20 s for 20 s, 10 s ramps: 100·60 + 400·(10/2 + 20 + 10/2);
    // diurnal over whole periods averages the mean.
    QTest::newRow("poisson") << "poisson" << 0.0 << 100.0 << 20000.0;
    QTest::newRow("step before") << "step" << 0.0 << 50.0 << 5000.0;
    QTest::newRow("step after") << "step" << 50.0 << 100.0 << 15000.0;
    QTest::newRow("ramp") << "ramp" << 0.0 << 100.0 << 20000.0;
    QTest::newRow("spike") << "spike" << 0.0 << 60.0 << 6000.0 + 400.0 * 30.0;
    QTest::newRow("diurnal") << "diurnal" << 0.0 << 200.0 << 20000.0;
}

void TestTrafficShapes::arrivalCounts() {
    QFETCH(QString, type);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, expected);
    const std::map<QString, AttributeMap> attributes{
        {"poisson", {{"requestsPerSecond", 200.0}}},
        {"step", {{"requestsPerSecond", 100.0}, {"stepAt", SimTime::seconds(50)}, {"stepTo", 300.0}}},
        {"ramp", {{"requestsPerSecond", 0.0}, {"rampTo", 400.0}, {"rampDuration", SimTime::seconds(100)}}},
        {"spike",
         {{"requestsPerSecond", 100.0},
          {"spikeRequestsPerSecond", 500.0},
          {"spikeAt", SimTime::seconds(20)},
          {"spikeDuration", SimTime::seconds(20)},
          {"rampTime", SimTime::seconds(10)}}},
        {"diurnal",
         {{"requestsPerSecond", 100.0},
          {"amplitude", 0.9},
          {"period", SimTime::seconds(50)},
          {"peakAt", SimTime::seconds(7)}}},
    };
    const int n = countArrivals(source(type.toStdString(), attributes.at(type)), from, to);
    QVERIFY2(std::abs(n - expected) < 4.0 * std::sqrt(expected),
             qPrintable(QStringLiteral("%1 arrivals, ∫λ = %2").arg(n).arg(expected)));
}

void TestTrafficShapes::constantIsEvenlySpaced() {
    TrafficSourceSpec spec = source("constant", {{"requestsPerSecond", 8.0}});
    spec.start = SimTime::seconds(3);
    ArrivalGenerator generator(spec, RandomStream(1, "c"));
    for (int k = 0; k < 100; ++k) {
        QCOMPARE(generator.next(SimTime::hours(1)), SimTime::seconds(3) + SimTime::milliseconds(125) * k);
    }
}

void TestTrafficShapes::stopIsExclusive() {
    TrafficSourceSpec spec = source("constant", {{"requestsPerSecond", 10.0}});
    spec.stop = SimTime::seconds(2);
    QCOMPARE(countArrivals(spec, 0.0, 100.0), 20);
}

QTEST_GUILESS_MAIN(TestTrafficShapes)
#include "test_trafficshapes.moc"
