// latencyBucket (the table lookup every counted latency takes) against its definition,
// latencyBucketByLog: the same bucket for every microsecond up to 20 s, on both sides of
// every bucket's edge, and at the extremes. A difference would move latencies between
// histogram buckets, and with them percentiles and every run's fingerprint.

#include <QTest>

#ifndef Q_MOC_RUN
#include "metrics/latencybuckets.h"

#include <cmath>
#include <cstdint>
#include <limits>
#endif

using namespace cnsim;

class TestLatencyBuckets : public QObject {
    Q_OBJECT

private slots:
    void everyMicrosecondUpToTwentySeconds();
    void bothSidesOfEveryEdge();
    void extremes();
};

void TestLatencyBuckets::everyMicrosecondUpToTwentySeconds() {
    for (std::int64_t micros = 0; micros <= 20'000'000; ++micros) {
        if (latencyBucket(micros) != latencyBucketByLog(micros)) {
            QFAIL(qPrintable(QStringLiteral("%1 µs: bucket %2, by log %3")
                                 .arg(micros)
                                 .arg(latencyBucket(micros))
                                 .arg(latencyBucketByLog(micros))));
        }
    }
}

void TestLatencyBuckets::bothSidesOfEveryEdge() {
    for (std::size_t bucket = 1; bucket < kLatencyBucketCount; ++bucket) {
        const double edge = std::pow(kLatencyBucketGrowth, static_cast<double>(bucket));
        const auto centre = static_cast<std::int64_t>(edge);
        for (std::int64_t micros = centre - 3; micros <= centre + 3; ++micros) {
            QCOMPARE(latencyBucket(micros), latencyBucketByLog(micros));
        }
    }
}

void TestLatencyBuckets::extremes() {
    QCOMPARE(latencyBucket(-5), std::size_t{0});
    QCOMPARE(latencyBucket(1), std::size_t{0});
    QCOMPARE(latencyBucket(2), latencyBucketByLog(2));
    const std::int64_t largest = std::numeric_limits<std::int64_t>::max();
    QCOMPARE(latencyBucket(largest), kLatencyBucketCount - 1);
    QCOMPARE(latencyBucket(largest / 3), latencyBucketByLog(largest / 3));
}

QTEST_GUILESS_MAIN(TestLatencyBuckets)
#include "test_latencybuckets.moc"
