// MetricsStore (sim/metrics/metricsstore.h): samples appended in any order of series, or set in
// dense rows, read back at any moment through any accessor, must be exactly the series appended
// one by one, with retention keeping between `samples` and 2 × `samples` of each.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "metrics/metricsstore.h"

#include <bit>
#include <cstdint>
#include <limits>
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
        // Enough samples between reads that the store writes full batches (and, without a
        // retention, its dense rows) on its own.
        QTest::newRow("no retention, long unread stretches") << 0 << 3000 << 0.002;
        QTest::newRow("retention 600, long unread stretches") << 600 << 3000 << 0.002;
        QTest::newRow("retention 1, reads rarely") << 1 << 300 << 0.01;
    }

    // Series of both kinds appear over the run: ordinary ones sampled at any time (most every
    // second, some now and then, one sometimes twice), dense ones (some made mid-row, some names
    // asked for twice, some samples NaN) set in every row in any order.
    void matchesTheReferenceUnderRandomOperations() {
        QFETCH(int, retention);
        QFETCH(int, seconds);
        QFETCH(double, readProbability);
        const auto kept = static_cast<std::size_t>(retention);
        MetricsStore store;
        store.setRetention(kept);
        std::vector<std::string> names;          // per series, in creation order
        std::vector<ReferenceSeries> reference;  // per series
        std::vector<std::size_t> sparse;         // the ordinary series (their store index)
        struct Column {
            std::size_t column;
            std::size_t series;
        };
        std::vector<Column> dense; // in the order made
        cnsim::RandomStream random(11, "metricsstore-reference");
        const auto addDense = [&] {
            if (!dense.empty() && random.uniform01() < 0.1) { // a name asked for again
                const std::size_t series = dense[random.uniformIndex(dense.size())].series;
                dense.push_back(Column{store.denseColumn(names[series], "u"), series});
                return;
            }
            names.push_back("d/" + std::to_string(names.size()) + "/v");
            reference.emplace_back();
            dense.push_back(Column{store.denseColumn(names.back(), "u"), names.size() - 1});
        };
        const auto check = [&](std::size_t i) {
            const TimeSeries* s = store.find(names[i]);
            QVERIFY(s != nullptr);
            QCOMPARE(s->times, reference[i].times);
            // NaN is a sample too, and NaN != NaN: compare the bits.
            QCOMPARE(s->values.size(), reference[i].values.size());
            for (std::size_t k = 0; k < s->values.size(); ++k) {
                QCOMPARE(std::bit_cast<std::uint64_t>(s->values[k]),
                         std::bit_cast<std::uint64_t>(reference[i].values[k]));
            }
        };
        for (int second = 1; second <= seconds; ++second) {
            const SimTime now = SimTime::seconds(second);
            if (sparse.size() < 10 || random.uniform01() < 0.05) {
                names.push_back("s/" + std::to_string(names.size()) + "/v");
                reference.emplace_back();
                sparse.push_back(store.indexOf(names.back(), "u"));
                QCOMPARE(sparse.back(), names.size() - 1);
            }
            if (dense.size() < 10 || random.uniform01() < 0.05) {
                addDense(); // between rows: from the next row on
            }
            store.beginDenseRow(now);
            if (random.uniform01() < 0.05) {
                addDense(); // in an open row: from this row on
            }
            std::vector<double> values(dense.size());
            for (double& value : values) {
                value = random.uniform01() < 0.05 ? std::numeric_limits<double>::quiet_NaN()
                                                  : random.uniform01();
            }
            // Set in any order; a series asked for twice takes its columns' samples in the
            // order the columns were made.
            std::vector<std::size_t> order(dense.size());
            for (std::size_t k = 0; k < order.size(); ++k) {
                order[k] = k;
            }
            for (std::size_t k = order.size(); k > 1; --k) {
                std::swap(order[k - 1], order[random.uniformIndex(k)]);
            }
            for (const std::size_t k : order) {
                store.setDense(dense[k].column, values[k]);
            }
            for (std::size_t k = 0; k < dense.size(); ++k) {
                reference[dense[k].series].append(now, values[k], kept);
            }
            store.endDenseRow();
            for (const std::size_t i : sparse) {
                const int times = i % 7 == 3 ? (random.uniform01() < 0.2 ? 1 : 0)
                                             : (random.uniform01() < 0.05 ? 2 : 1);
                for (int k = 0; k < times; ++k) {
                    const double value = random.uniform01();
                    store.append(i, now, value);
                    reference[i].append(now, value, kept);
                }
            }
            if (random.uniform01() < readProbability) {
                const std::size_t i = random.uniformIndex(reference.size());
                switch (random.uniformIndex(4)) {
                case 0:
                    check(i);
                    break;
                case 1:
                    QCOMPARE(store.all().at(i).times, reference[i].times);
                    break;
                case 2: {
                    const std::optional<double> latest = store.latest(names[i]);
                    QCOMPARE(latest.has_value(), !reference[i].values.empty());
                    if (latest) {
                        QCOMPARE(std::bit_cast<std::uint64_t>(*latest),
                                 std::bit_cast<std::uint64_t>(reference[i].values.back()));
                    }
                    break;
                }
                default:
                    QCOMPARE(store.copyOf(names[i])->times, reference[i].times);
                    break;
                }
            }
        }
        QCOMPARE(store.all().size(), reference.size());
        for (std::size_t i = 0; i < reference.size(); ++i) {
            QCOMPARE(store.all()[i].name, names[i]);
            check(i);
        }
    }

    // A dense series made while a row is open has its first sample in that row; one made
    // before the first row, an empty series until then.
    void denseSeriesStartAtTheRowOpenOrNext() {
        MetricsStore store;
        const std::size_t early = store.denseColumn("early", "u");
        QVERIFY(store.find("early") != nullptr);
        QVERIFY(store.find("early")->times.empty());
        store.beginDenseRow(SimTime::seconds(1));
        store.setDense(early, 1.0);
        const std::size_t late = store.denseColumn("late", "u");
        store.setDense(late, 10.0);
        store.endDenseRow();
        const std::size_t next = store.denseColumn("next", "u");
        store.beginDenseRow(SimTime::seconds(2));
        store.setDense(next, 200.0);
        store.setDense(late, 20.0);
        store.setDense(early, 2.0);
        store.endDenseRow();
        QCOMPARE(store.find("early")->values, (std::vector<double>{1.0, 2.0}));
        QCOMPARE(store.find("late")->values, (std::vector<double>{10.0, 20.0}));
        QCOMPARE(store.find("next")->times, std::vector<SimTime>{SimTime::seconds(2)});
        QCOMPARE(store.latest("next"), std::optional<double>(200.0));
    }

    void aRowWithAnUnsetDenseSeriesThrows() {
        MetricsStore store;
        const std::size_t a = store.denseColumn("a", "u");
        store.denseColumn("b", "u");
        store.beginDenseRow(SimTime::seconds(1));
        store.setDense(a, 1.0);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, store.endDenseRow());
    }

    void aNameIsEitherDenseOrNot() {
        MetricsStore store;
        store.denseColumn("dense", "u");
        store.indexOf("sparse", "u");
        QVERIFY_THROWS_EXCEPTION(std::logic_error, store.indexOf("dense", "u"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, store.denseColumn("sparse", "u"));
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
