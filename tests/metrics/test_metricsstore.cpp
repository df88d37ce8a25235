// MetricsStore (sim/metrics/metricsstore.h): samples appended in any order of series, read back
// at any moment through any accessor, must be exactly the series appended one by one, with
// retention keeping between `samples` and 2 × `samples` of each.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "metrics/metricsstore.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#endif

using cnsim::MetricsStore;
using cnsim::SimTime;
using cnsim::TimeSeries;

namespace {

// A series as documented: every sample appended at once, the older half dropped on reaching
// twice the retention.
struct ReferenceSeries {
    std::vector<SimTime> times;
    std::vector<double> values;

    void append(SimTime time, double value, std::size_t retention) {
        if (retention > 0 && times.size() >= 2 * retention) {
            const auto drop = static_cast<std::ptrdiff_t>(times.size() - retention);
            times.erase(times.begin(), times.begin() + drop);
            values.erase(values.begin(), values.begin() + drop);
        }
        times.push_back(time);
        values.push_back(value);
    }
};

} // namespace

class TestMetricsStore : public QObject {
    Q_OBJECT

private slots:
    void matchesTheReferenceUnderRandomOperations_data() {
        QTest::addColumn<int>("retention");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<double>("readProbability");
        QTest::newRow("no retention, reads often") << 0 << 300 << 0.2;
        QTest::newRow("retention 7, reads often") << 7 << 300 << 0.2;
        QTest::newRow("retention 25, reads rarely") << 25 << 300 << 0.01;
        // Enough samples between reads that the store writes full batches on its own.
        QTest::newRow("retention 600, long unread stretches") << 600 << 3000 << 0.002;
    }

    void matchesTheReferenceUnderRandomOperations() {
        QFETCH(int, retention);
        QFETCH(int, seconds);
        QFETCH(double, readProbability);
        const auto kept = static_cast<std::size_t>(retention);
        MetricsStore store;
        store.setRetention(kept);
        std::vector<ReferenceSeries> reference;
        std::vector<std::size_t> indexes;
        cnsim::RandomStream random(11, "metricsstore-reference");
        const auto name = [](std::size_t i) { return "s/" + std::to_string(i) + "/v"; };
        const auto check = [&](std::size_t i) {
            const TimeSeries* s = store.find(name(i));
            QVERIFY(s != nullptr);
            QCOMPARE(s->times, reference[i].times);
            QCOMPARE(s->values, reference[i].values);
        };
        for (int second = 1; second <= seconds; ++second) {
            if (reference.size() < 10 || random.uniform01() < 0.05) { // series appear
                indexes.push_back(store.indexOf(name(reference.size()), "u"));
                reference.emplace_back();
            }
            // Most series every second, some now and then, one sometimes twice.
            for (std::size_t i = 0; i < reference.size(); ++i) {
                const int times = i % 7 == 3 ? (random.uniform01() < 0.2 ? 1 : 0)
                                             : (random.uniform01() < 0.05 ? 2 : 1);
                for (int k = 0; k < times; ++k) {
                    const double value = random.uniform01();
                    store.append(indexes[i], SimTime::seconds(second), value);
                    reference[i].append(SimTime::seconds(second), value, kept);
                }
            }
            if (random.uniform01() < readProbability) {
                const std::size_t i = random.uniformIndex(reference.size());
                switch (random.uniformIndex(4)) {
                case 0:
                    check(i);
                    break;
                case 1:
                    QCOMPARE(store.all().at(indexes[i]).values, reference[i].values);
                    break;
                case 2:
                    QCOMPARE(store.latest(name(i)),
                             std::optional<double>(reference[i].values.back()));
                    break;
                default:
                    QCOMPARE(store.copyOf(name(i))->times, reference[i].times);
                    break;
                }
            }
        }
        QCOMPARE(store.all().size(), reference.size());
        for (std::size_t i = 0; i < reference.size(); ++i) {
            check(i);
        }
    }

    // A series handed out for writing (series()) sees the samples appended before.
    void seriesForWritingComesAfterTheAppendedSamples() {
        MetricsStore store;
        const std::size_t index = store.indexOf("a", "u");
        store.append(index, SimTime::seconds(1), 1.0);
        TimeSeries& s = store.series("a", "u");
        s.times.push_back(SimTime::seconds(2));
        s.values.push_back(2.0);
        store.append(index, SimTime::seconds(3), 3.0);
        QCOMPARE(store.find("a")->values, (std::vector<double>{1.0, 2.0, 3.0}));
    }

    void appendToAnUnknownSeriesThrows() {
        MetricsStore store;
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, store.append(0, SimTime::seconds(1), 1.0));
    }
};

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "test_metricsstore.moc"
