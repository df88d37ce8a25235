// The Vertical Pod Autoscaler's recommender (sim/control/autoscaling/vparecommender.h) against
// numbers computed by hand from the upstream formulas (kubernetes/autoscaler
// vertical-pod-autoscaler): pkg/recommender/util/histogram.go (exponential buckets, percentile =
// end of the bucket), decaying_histogram.go (half-life 24 h), model/aggregations_config.go
// (0.01 core / 10 MB first buckets, 5 % growth, epsilon 0.0001), model/container.go (memory:
// one peak per 24 h interval), logic/recommender.go and logic/estimator.go (p90 / p50 / p95,
// margin 15 %, confidence multipliers, 25m / 250Mi per pod), pkg/utils/vpa/capping.go.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/autoscaling/vparecommender.h"
#endif

using namespace cnsim;

namespace {

// One sample a minute (the recommender's 1-minute loop) for `minutes`, from `from`.
void feedCpu(VpaContainerRecommender& r, double cores, int minutes, SimTime from = SimTime{}) {
    for (int m = 0; m < minutes; ++m) {
        r.addCpuSample(cores, 1.0, from + SimTime::minutes(m));
    }
}

} // namespace

class TestVpaRecommender : public QObject {
    Q_OBJECT

private slots:
    // NewExponentialHistogramOptions(1000, 0.01, 1.05): ceil(log_1.05(1000 × 0.05 / 0.01 + 1))
    // + 1 = 176 buckets; 0.5 core is in bucket int(log_1.05(0.5 × 0.05 / 0.01 + 1)) = 25,
    // which ends at 0.01 × (1.05^26 − 1) / 0.05 = 0.51113 cores.
    void buckets() {
        const DecayingHistogram cpu = DecayingHistogram::cpu();
        QCOMPARE(cpu.bucketCount(), std::size_t{176});
        QCOMPARE(cpu.findBucket(0.5), std::size_t{25});
        QCOMPARE(cpu.findBucket(0.005), std::size_t{0});
        QCOMPARE(cpu.findBucket(5000.0), std::size_t{175});
        QVERIFY(std::abs(cpu.bucketStart(26) - 0.5111345) < 1e-6);
        QCOMPARE(DecayingHistogram::memory().bucketCount(), std::size_t{176});
    }

    // A day of 0.5 cores and 300Mi, one sample a minute. CPU: p90 = p50 = p95 = 0.51113 →
    // 511m, × 1.15 = 587m. Confidence = min(1439 min in days, 1440 / 1440) = 0.99931: upper
    // 587 × (1 + 1 / 0.99931) = 1174m, lower 587 × (1 + 0.001 / 0.99931)^−2 = 585m. Memory:
    // 314572800 B is in bucket 19, which ends at 330659541 B; × 1.15 = 380258472 B.
    void steadyUsage() {
        VpaContainerRecommender r;
        feedCpu(r, 0.5, 1440);
        for (int m = 0; m < 1440; ++m) {
            r.addMemorySample(300.0 * 1024 * 1024, SimTime::minutes(m));
        }
        const VpaRecommendation rec = r.recommend(1, std::nullopt, std::nullopt);
        QCOMPARE(rec.target.cpuMilli, std::int64_t{587});
        QCOMPARE(rec.lowerBound.cpuMilli, std::int64_t{585});
        QCOMPARE(rec.upperBound.cpuMilli, std::int64_t{1174});
        QCOMPARE(rec.target.memoryBytes, std::int64_t{380258472});
        QCOMPARE(rec.uncappedTarget, rec.target);
    }

    // Decay: a day at 0.2 cores then a day at 1.0 core. Weights double per day of age, so the
    // first day is a third of the total weight: even the median (lower bound) is in 1.0's
    // bucket (ends at 1.01628 → 1016m, × 1.15 = 1168m, × (1 + 0.001 / 1.99931)^−2 = 1166m).
    // Without decay the median would be the 0.2 bucket (247m).
    void recentSamplesWeighMore() {
        VpaContainerRecommender r;
        feedCpu(r, 0.2, 1440);
        feedCpu(r, 1.0, 1440, SimTime::hours(24));
        const VpaRecommendation rec = r.recommend(1, std::nullopt, std::nullopt);
        QCOMPARE(rec.target.cpuMilli, std::int64_t{1168});
        QCOMPARE(rec.lowerBound.cpuMilli, std::int64_t{1166});
    }

    // Memory counts the peak of each 24 h interval (container.go addMemorySample): a spike to
    // 1 GiB for one minute sets the whole day's peak.
    void memoryPeakPerInterval() {
        VpaContainerRecommender r;
        feedCpu(r, 0.1, 1440);
        for (int m = 0; m < 1440; ++m) {
            const double bytes = m == 600 ? 1024.0 * 1024 * 1024 : 200.0 * 1024 * 1024;
            r.addMemorySample(bytes, SimTime::minutes(m));
        }
        const VpaRecommendation rec = r.recommend(1, std::nullopt, std::nullopt);
        QVERIFY(rec.target.memoryBytes > static_cast<std::int64_t>(1.15 * 1024 * 1024 * 1024));
        QVERIFY(rec.lowerBound.memoryBytes > static_cast<std::int64_t>(1024 * 1024 * 1024));
    }

    // podMinCPUMillicores 25 and podMinMemoryMb 250, shared by the pod's containers.
    void podMinimums_data() {
        QTest::addColumn<int>("containers");
        QTest::addColumn<qint64>("cpuMilli");
        QTest::addColumn<qint64>("memoryBytes");
        QTest::newRow("one container") << 1 << qint64{25} << qint64{262144000};
        QTest::newRow("two containers") << 2 << qint64{12} << qint64{131072000};
    }
    void podMinimums() {
        QFETCH(int, containers);
        QFETCH(qint64, cpuMilli);
        QFETCH(qint64, memoryBytes);
        VpaContainerRecommender r;
        feedCpu(r, 0.001, 120);
        r.addMemorySample(1024.0 * 1024, SimTime{});
        const VpaRecommendation rec = r.recommend(containers, std::nullopt, std::nullopt);
        QCOMPARE(rec.target.cpuMilli, std::int64_t{cpuMilli});
        QCOMPARE(rec.target.memoryBytes, std::int64_t{memoryBytes});
    }

    // No history: confidence 0, so the upper bound is "infinite" (model.MaxResourceAmount) and
    // the lower bound 0, raised to the pod minimum.
    void noHistory() {
        VpaContainerRecommender r;
        r.addCpuSample(0.5, 1.0, SimTime{});
        QCOMPARE(r.confidence(), 0.0);
        const VpaRecommendation rec = r.recommend(1, std::nullopt, std::nullopt);
        QCOMPARE(rec.upperBound.cpuMilli, std::int64_t{100'000'000'000'000});
        QCOMPARE(rec.lowerBound.cpuMilli, std::int64_t{25});
    }

    // resourcePolicy.containerPolicies maxAllowed / minAllowed cap target and bounds (min first,
    // then max, as capping.go); the uncapped target keeps the estimate. Memory without samples
    // is the pod minimum, 250Mi, raised to minAllowed 512Mi.
    void capping() {
        VpaContainerRecommender r;
        feedCpu(r, 0.5, 1440);
        const VpaRecommendation rec =
            r.recommend(1, VpaResources{100, 512LL * 1024 * 1024}, VpaResources{300, 1LL << 40});
        QCOMPARE(rec.uncappedTarget.cpuMilli, std::int64_t{587});
        QCOMPARE(rec.target.cpuMilli, std::int64_t{300});
        QCOMPARE(rec.upperBound.cpuMilli, std::int64_t{300});
        QCOMPARE(rec.target.memoryBytes, std::int64_t{512LL * 1024 * 1024});
    }
};

QTEST_GUILESS_MAIN(TestVpaRecommender)
#include "test_autoscaling_vparecommender.moc"
