// LatencyBatch (aggregate mode's deferred window additions) against adding at once: the
// histograms a batch fills must answer every query exactly as histograms filled directly,
// whatever the order and spread of the additions, and a batch applies each addition once.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "traffic/latencybatch.h"

#include <array>
#include <vector>
#endif

using namespace cnsim;

class TestLatencyBatch : public QObject {
    Q_OBJECT

private slots:
    void batchedHistogramsAnswerLikeDirectOnes();
    void applyForgetsWhatItMade();
};

namespace {

void compareHistograms(const LatencyHistogram& batched, const LatencyHistogram& direct) {
    QCOMPARE(batched.count(), direct.count());
    QCOMPARE(batched.meanMs(), direct.meanMs());
    QCOMPARE(batched.maxMs(), direct.maxMs());
    static constexpr std::array<double, 7> kQs{0.0, 0.01, 0.5, 0.9, 0.95, 0.99, 1.0};
    std::array<double, 7> a{};
    std::array<double, 7> b{};
    batched.quantilesMs(kQs, a);
    direct.quantilesMs(kQs, b);
    for (std::size_t i = 0; i < kQs.size(); ++i) {
        QCOMPARE(a[i], b[i]);
    }
}

} // namespace

void TestLatencyBatch::batchedHistogramsAnswerLikeDirectOnes() {
    constexpr std::size_t kHistograms = 40;
    RandomStream random(11, "latency-batch-test");
    std::vector<LatencyHistogram> batched(kHistograms);
    std::vector<LatencyHistogram> direct(kHistograms);
    LatencyBatch batch;
    for (int second = 0; second < 50; ++second) {
        const int additions = static_cast<int>(random.uniformIndex(3000));
        for (int i = 0; i < additions; ++i) {
            const std::size_t h = random.uniformIndex(kHistograms);
            // From a microsecond to minutes, so the buckets used spread wide.
            const SimTime latency = SimTime::microseconds(
                static_cast<std::int64_t>(random.exponential(1.0) * 1e3 * static_cast<double>(1 + h * h * 10)));
            const std::uint64_t count = 1 + random.uniformIndex(5);
            const std::size_t bucket = LatencyHistogram::bucketOf(latency);
            batch.add(batched[h], bucket, latency, count);
            direct[h].addToBucket(bucket, latency, count);
        }
        batch.apply();
        for (std::size_t h = 0; h < kHistograms; ++h) {
            compareHistograms(batched[h], direct[h]);
        }
    }
}

void TestLatencyBatch::applyForgetsWhatItMade() {
    LatencyHistogram histogram;
    LatencyBatch batch;
    const SimTime latency = SimTime::milliseconds(12);
    batch.add(histogram, LatencyHistogram::bucketOf(latency), latency, 3);
    QVERIFY(!batch.empty());
    QCOMPARE(histogram.count(), std::uint64_t{0}); // noted, not made yet
    batch.apply();
    QVERIFY(batch.empty());
    QCOMPARE(histogram.count(), std::uint64_t{3});
    batch.apply(); // nothing left to make
    QCOMPARE(histogram.count(), std::uint64_t{3});
}

QTEST_APPLESS_MAIN(TestLatencyBatch)
#include "test_latencybatch.moc"
