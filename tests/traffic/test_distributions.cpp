// DurationSampler against the definitions of its distributions: sample mean and standard
// deviation of 200,000 draws within 1% / 2% (standard error of the mean ≈ SD/√n ≈ 0.2%).
// Lognormal from the duration's own mean m and SD s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/distributions.h"

#include <cmath>
#endif

using namespace cnsim;

class TestDistributions : public QObject {
    Q_OBJECT

private slots:
    void moments_data();
    void moments();
    void constantDrawsNothing();
};

void TestDistributions::moments_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    // Exponential: SD = mean. Uniform [10, 30] ms: mean 20, SD = 20/√12.
    QTest::newRow("exponential") << int(DistributionType::Exponential) << 0.020 << 0.020;
    QTest::newRow("lognormal") << int(DistributionType::LogNormal) << 0.020 << 0.010;
    QTest::newRow("uniform") << int(DistributionType::Uniform) << 0.020 << 0.020 / std::sqrt(12.0);
}

void TestDistributions::moments() {
    QFETCH(int, type);
    QFETCH(double, mean);
    QFETCH(double, sd);
    DurationDistributionSpec spec;
    spec.type = static_cast<DistributionType>(type);
    spec.mean = SimTime::milliseconds(20);
    spec.stddev = SimTime::milliseconds(10);
    spec.min = SimTime::milliseconds(10);
    spec.max = SimTime::milliseconds(30);
    const DurationSampler sampler(spec);
    QCOMPARE(sampler.meanSeconds(), mean);
    RandomStream stream(1, "test");
    const int n = 200'000;
    double sum = 0.0;
    double sumSq = 0.0;
    for (int i = 0; i < n; ++i) {
        const double x = sampler.sampleSeconds(stream);
        QVERIFY(x >= 0.0);
        sum += x;
        sumSq += x * x;
    }
    const double m = sum / n;
    const double s = std::sqrt(sumSq / n - m * m);
    QVERIFY2(std::abs(m - mean) < 0.01 * mean, qPrintable(QString::number(m)));
    QVERIFY2(std::abs(s - sd) < 0.02 * sd, qPrintable(QString::number(s)));
}

void TestDistributions::constantDrawsNothing() {
    DurationDistributionSpec spec;
    spec.mean = SimTime::milliseconds(7);
    const DurationSampler sampler(spec);
    RandomStream a(1, "x");
    RandomStream b(1, "x");
    QCOMPARE(sampler.sampleSeconds(a), 0.007);
    QCOMPARE(a.nextU64(), b.nextU64()); // the stream did not move
}

QTEST_GUILESS_MAIN(TestDistributions)
#include "test_distributions.moc"
