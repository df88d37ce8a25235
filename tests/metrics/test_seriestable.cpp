// SeriesTable: the per-pod series stored one row per sample (sim/metrics/seriestable.h). Each
// column must read back exactly as the series it would have been on its own, with retention
// keeping the last rows of the run.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "metrics/metricsstore.h"
#include "metrics/seriestable.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#endif

using cnsim::SeriesTable;
using cnsim::SimTime;
using cnsim::TimeSeries;

namespace {

std::vector<std::pair<double, double>> samples(const TimeSeries& s) {
    std::vector<std::pair<double, double>> out;
    for (std::size_t i = 0; i < s.times.size(); ++i) {
        out.emplace_back(s.times[i].toSeconds(), s.values[i]);
    }
    return out;
}

} // namespace

class TestSeriesTable : public QObject {
    Q_OBJECT

private slots:
    void columnsReadBackAsSeries() {
        SeriesTable table;
        const std::size_t a = table.column("pod/a/cpu_used_cores", "cores");
        table.beginRow(SimTime::seconds(1));
        table.set(a, 0.5);
        table.beginRow(SimTime::seconds(2));
        const std::size_t b = table.column("pod/b/cpu_used_cores", "cores"); // a pod started
        table.set(a, 0.25);
        table.set(b, 1.0);
        table.beginRow(SimTime::seconds(3));
        table.set(b, 2.0); // pod a is gone: no sample
        QCOMPARE(table.column("pod/a/cpu_used_cores", "cores"), a);
        QCOMPARE(table.name(b), std::string("pod/b/cpu_used_cores"));
        QCOMPARE(table.unit(b), std::string("cores"));
        using Samples = std::vector<std::pair<double, double>>;
        QCOMPARE(samples(table.series(a)), (Samples{{1.0, 0.5}, {2.0, 0.25}}));
        QCOMPARE(samples(table.series(b)), (Samples{{2.0, 1.0}, {3.0, 2.0}}));
        QCOMPARE(table.latest(a), std::optional<double>(0.25));
        QCOMPARE(table.latest(b), std::optional<double>(2.0));
        QCOMPARE(table.find("pod/c/cpu_used_cores"), std::optional<std::size_t>());
        const std::size_t never = table.column("pod/c/cpu_used_cores", "cores");
        QVERIFY(table.series(never).times.empty());
        QCOMPARE(table.latest(never), std::optional<double>());
    }

    void storeFindsTheLatestSampleOfEitherKind() {
        cnsim::MetricsStore store;
        store.append(store.indexOf("node/n/cpu_used_cores", "cores"), SimTime::seconds(1), 3.0);
        const std::size_t pod = store.table().column("pod/p/cpu_used_cores", "cores");
        store.table().beginRow(SimTime::seconds(1));
        store.table().set(pod, 0.75);
        QCOMPARE(store.latest("node/n/cpu_used_cores"), std::optional<double>(3.0));
        QCOMPARE(store.latest("pod/p/cpu_used_cores"), std::optional<double>(0.75));
        QCOMPARE(store.latest("pod/q/cpu_used_cores"), std::optional<double>());
        QCOMPARE(store.copyOf("pod/p/cpu_used_cores")->values, std::vector<double>{0.75});
        QCOMPARE(store.copyOf("node/n/cpu_used_cores")->values, std::vector<double>{3.0});
        QVERIFY(!store.copyOf("pod/q/cpu_used_cores"));
    }

    // Pods come and go for a long run under retention: every column must read back as the
    // samples it was given within the kept rows, and the rows must stay as wide as the pods
    // of the last rows, not every pod ever seen.
    void retentionKeepsTheLastRowsAndGivesUpEmptyColumns() {
        constexpr std::size_t kRetention = 50;
        SeriesTable table;
        table.setRetention(kRetention);
        cnsim::RandomStream random(7, "seriestable");
        std::map<std::size_t, std::vector<std::pair<double, double>>> given;
        std::vector<std::size_t> live;
        std::size_t nextPod = 0;
        std::optional<std::size_t> firstGone;
        constexpr int kRows = 1000;
        for (int row = 1; row <= kRows; ++row) {
            table.beginRow(SimTime::seconds(row));
            if (random.uniform01() < 0.3) { // a pod starts
                live.push_back(table.column("pod/p" + std::to_string(nextPod++) + "/cpu", "cores"));
            }
            if (!live.empty() && random.uniform01() < 0.25) { // a pod is gone for good
                const auto gone =
                    live.begin() + static_cast<std::ptrdiff_t>(random.uniformIndex(live.size()));
                firstGone = firstGone ? firstGone : *gone;
                live.erase(gone);
            }
            for (const std::size_t column : live) {
                if (random.uniform01() < 0.9) { // sometimes a pod skips a second
                    const double value = random.uniform01();
                    table.set(column, value);
                    given[column].emplace_back(static_cast<double>(row), value);
                }
            }
        }
        QVERIFY(table.times().size() >= kRetention);
        QVERIFY(table.times().size() <= 2 * kRetention);
        const double firstKept = table.times().front().toSeconds();
        QCOMPARE(table.times().back(), SimTime::seconds(kRows));
        for (std::size_t column = 0; column < table.columnCount(); ++column) {
            std::vector<std::pair<double, double>> expected;
            for (const auto& sample : given[column]) {
                if (sample.first >= firstKept) {
                    expected.push_back(sample);
                }
            }
            QCOMPARE(samples(table.series(column)), expected);
        }
        QVERIFY(nextPod > 200);
        QVERIFY(table.slotsInUse() < 2 * live.size() + 2 * kRetention);

        // A column given up (no sample kept) that is set again starts afresh.
        QVERIFY(firstGone);
        const std::size_t old = *firstGone;
        QVERIFY(table.series(old).times.empty());
        table.beginRow(SimTime::seconds(kRows + 1));
        table.set(old, 4.0);
        QCOMPARE(samples(table.series(old)),
                 (std::vector<std::pair<double, double>>{{kRows + 1.0, 4.0}}));
    }
};

QTEST_GUILESS_MAIN(TestSeriesTable)
#include "test_seriestable.moc"
