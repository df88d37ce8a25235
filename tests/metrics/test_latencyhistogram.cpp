// LatencyHistogram (sim/metrics/latencyhistogram.h): quantiles by nearest rank, each reported
// as its bucket's geometric middle capped at the largest latency, checked against every
// latency kept and sorted; merge and clear keep the answers of the histograms combined.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "metrics/latencyhistogram.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>
#endif

using cnsim::LatencyHistogram;
using cnsim::SimTime;

namespace {

// The documented answer from the latencies themselves: the ceil(q · n)-th smallest, as its
// bucket's middle 1.02^(i + 0.5) µs (bucket 0: 1 µs), never above the largest latency.
double referenceQuantileMs(std::vector<std::int64_t> micros, double q) {
    if (micros.empty()) {
        return 0.0;
    }
    std::sort(micros.begin(), micros.end());
    const auto n = static_cast<double>(micros.size());
    const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(q * n)));
    const std::int64_t value = micros[std::min(rank, micros.size()) - 1];
    const double maxMicros = static_cast<double>(std::max<std::int64_t>(micros.back(), 0));
    const std::size_t bucket = LatencyHistogram::bucketOf(SimTime::microseconds(value));
    if (bucket == 0) {
        return std::min(0.001, maxMicros / 1e3);
    }
    return std::min(std::pow(1.02, static_cast<double>(bucket) + 0.5), maxMicros) / 1e3;
}

std::int64_t randomLatencyMicros(cnsim::RandomStream& random) {
    const double u = random.uniform01();
    if (u < 0.05) {
        return static_cast<std::int64_t>(random.uniformIndex(3)); // 0–2 µs: the first bucket
    }
    return static_cast<std::int64_t>(random.lognormal(u < 0.5 ? 8.0 : 11.0, 1.0));
}

// Bit for bit: QCOMPARE on doubles forgives the last bits, which a fingerprint does not.
std::uint64_t bits(double value) {
    return std::bit_cast<std::uint64_t>(value);
}

constexpr std::array<double, 7> kQuantiles{0.0, 0.01, 0.5, 0.9, 0.95, 0.99, 1.0};

void compareWithReference(const LatencyHistogram& h, const std::vector<std::int64_t>& micros) {
    std::array<double, kQuantiles.size()> all{};
    h.quantilesMs(kQuantiles, all);
    for (std::size_t k = 0; k < kQuantiles.size(); ++k) {
        const double expected = referenceQuantileMs(micros, kQuantiles[k]);
        QCOMPARE(bits(all[k]), bits(expected));
        QCOMPARE(bits(h.quantileMs(kQuantiles[k])), bits(expected));
    }
    QCOMPARE(h.count(), static_cast<std::uint64_t>(micros.size()));
}

} // namespace

class TestLatencyHistogram : public QObject {
    Q_OBJECT

private slots:
    // bucketOf's definition is floor(ln(µs) / ln(1.02)), capped at the last bucket, 0 up to
    // 1 µs; its faster lookup must give that bit for bit: every latency up to 2 s, around
    // every bucket edge, and random ones up to days and beyond the last bucket.
    void bucketOfIsTheLogFormula() {
        const double logGrowth = std::log(1.02);
        const auto byFormula = [&](std::int64_t micros) -> std::size_t {
            if (micros <= 1) {
                return 0;
            }
            const auto index =
                static_cast<std::size_t>(std::log(static_cast<double>(micros)) / logGrowth);
            return std::min<std::size_t>(index, 1199);
        };
        const auto check = [&](std::int64_t micros) {
            const std::size_t got = LatencyHistogram::bucketOf(SimTime::microseconds(micros));
            if (got != byFormula(micros)) {
                QFAIL(qPrintable(QStringLiteral("%1 µs: bucket %2, formula %3")
                                     .arg(micros)
                                     .arg(got)
                                     .arg(byFormula(micros))));
            }
        };
        for (std::int64_t micros = -3; micros <= 2'000'000; ++micros) {
            check(micros);
        }
        for (int i = 0; i <= 1210; ++i) {
            const auto edge = static_cast<std::int64_t>(std::llround(std::pow(1.02, i)));
            for (std::int64_t d = -3; d <= 3; ++d) {
                check(edge + d);
            }
        }
        cnsim::RandomStream random(6, "latencyhistogram-buckets");
        for (int i = 0; i < 200'000; ++i) {
            check(static_cast<std::int64_t>(random.lognormal(12.0, 4.0)));
        }
        check(std::numeric_limits<std::int64_t>::max() / 2);
    }

    // Every bucket reachable by a latency of whole µs reports the C library's pow(1.02, i + 0.5)
    // to the last bit, as the quantiles were always reported (a table the compiler fills with
    // its own arithmetic differs for some buckets).
    void bucketMiddlesAreTheLibrarysPow() {
        static volatile double growthRead = 1.02; // keeps the reference pow at run time too
        const double growth = growthRead;
        std::size_t checked = 0;
        for (std::size_t i = 35; i < 1200; ++i) {
            const double middle = std::pow(growth, static_cast<double>(i) + 0.5);
            const auto micros = static_cast<std::int64_t>(middle);
            if (LatencyHistogram::bucketOf(SimTime::microseconds(micros)) != i) {
                continue; // below ~50 µs, buckets narrower than a µs that no latency reaches
            }
            ++checked;
            LatencyHistogram h;
            h.add(SimTime::microseconds(micros));
            h.add(SimTime::hours(24 * 365)); // so the largest latency caps nothing
            QCOMPARE(bits(h.quantileMs(0.0)), bits(middle / 1e3));
        }
        QVERIFY(checked > 1000);
    }

    void quantilesMatchTheSortedLatencies() {
        cnsim::RandomStream random(3, "latencyhistogram");
        for (int trial = 0; trial < 200; ++trial) {
            LatencyHistogram h;
            std::vector<std::int64_t> micros;
            const auto n = random.uniformIndex(trial < 20 ? 3 : 500);
            for (std::uint64_t i = 0; i < n; ++i) {
                micros.push_back(randomLatencyMicros(random));
                h.add(SimTime::microseconds(micros.back()));
            }
            compareWithReference(h, micros);
        }
    }

    // A second's window merged into the run's histogram and cleared, second after second, as
    // TrafficCounters::closeWindow does; weighted adds as in aggregate mode.
    void mergeAndClearKeepTheAnswers() {
        cnsim::RandomStream random(4, "latencyhistogram-windows");
        LatencyHistogram run;
        LatencyHistogram window;
        std::vector<std::int64_t> runMicros;
        for (int second = 0; second < 100; ++second) {
            std::vector<std::int64_t> windowMicros;
            const auto n = random.uniformIndex(second % 10 == 0 ? 1 : 30);
            for (std::uint64_t i = 0; i < n; ++i) {
                const std::int64_t micros = randomLatencyMicros(random);
                const auto count = 1 + random.uniformIndex(3);
                const SimTime latency = SimTime::microseconds(micros);
                window.addToBucket(LatencyHistogram::bucketOf(latency), latency, count);
                windowMicros.insert(windowMicros.end(), count, micros);
            }
            compareWithReference(window, windowMicros);
            run.merge(window);
            window.clear();
            runMicros.insert(runMicros.end(), windowMicros.begin(), windowMicros.end());
            compareWithReference(run, runMicros);
            compareWithReference(window, {});
        }
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "test_latencyhistogram.moc"
