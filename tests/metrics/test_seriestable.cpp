// SeriesTable: the per-pod series stored one row per sample (sim/metrics/seriestable.h). Each
// column must read back exactly as the series it would have been on its own, with retention
// keeping the last rows of the run.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "metrics/metricsstore.h"
#include "metrics/seriestable.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
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

// The table as documented, kept the simplest way: every row a map from column to value.
class ReferenceTable {
public:
    explicit ReferenceTable(std::size_t retention) : m_retention(retention) {}

    void beginRow(SimTime time) {
        if (m_retention > 0 && m_rows.size() >= 2 * m_retention) {
            m_rows.erase(m_rows.begin(),
                         m_rows.begin() + static_cast<std::ptrdiff_t>(m_rows.size() - m_retention));
            // Columns without a sample in the kept rows give up their slots.
            for (auto it = m_withSlot.begin(); it != m_withSlot.end();) {
                it = hasSample(*it) ? std::next(it) : m_withSlot.erase(it);
            }
        }
        m_rows.push_back(Row{time, {}});
    }
    void set(std::size_t column, double value) {
        m_rows.back().cells[column] = value;
        m_withSlot.insert(column);
    }
    std::vector<std::pair<double, double>> samples(std::size_t column) const {
        std::vector<std::pair<double, double>> out;
        for (const Row& row : m_rows) {
            const auto it = row.cells.find(column);
            if (it != row.cells.end() && !std::isnan(it->second)) {
                out.emplace_back(row.time.toSeconds(), it->second);
            }
        }
        return out;
    }
    std::vector<SimTime> times() const {
        std::vector<SimTime> out;
        for (const Row& row : m_rows) {
            out.push_back(row.time);
        }
        return out;
    }
    std::size_t slotsInUse() const { return m_withSlot.size(); }

private:
    struct Row {
        SimTime time;
        std::map<std::size_t, double> cells;
    };
    bool hasSample(std::size_t column) const {
        for (const Row& row : m_rows) {
            const auto it = row.cells.find(column);
            if (it != row.cells.end() && !std::isnan(it->second)) {
                return true;
            }
        }
        return false;
    }

    std::size_t m_retention;
    std::vector<Row> m_rows;
    std::set<std::size_t> m_withSlot;
};

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

    void matchesTheReferenceUnderRandomOperations_data() {
        QTest::addColumn<int>("retention");
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("rowWriter"); // cells set through a SeriesTable::RowWriter
        QTest::newRow("no retention") << 0 << 1 << false;
        QTest::newRow("retention 1") << 1 << 2 << false;
        QTest::newRow("retention 3") << 3 << 3 << false;
        QTest::newRow("retention 17") << 17 << 4 << false;
        QTest::newRow("retention 17, other seed") << 17 << 5 << false;
        QTest::newRow("row writer, no retention") << 0 << 6 << true;
        QTest::newRow("row writer, retention 1") << 1 << 7 << true;
        QTest::newRow("row writer, retention 17") << 17 << 8 << true;
    }

    // Columns appear, skip seconds, stop and come back, are set twice in a row or to NaN, and
    // the table is read between rows: it must answer as the reference at every step.
    void matchesTheReferenceUnderRandomOperations() {
        QFETCH(int, retention);
        QFETCH(int, seed);
        QFETCH(bool, rowWriter);
        SeriesTable table;
        table.setRetention(static_cast<std::size_t>(retention));
        ReferenceTable reference(static_cast<std::size_t>(retention));
        cnsim::RandomStream random(static_cast<std::uint64_t>(seed), "seriestable-reference");
        std::vector<std::size_t> columns;
        std::vector<double> setProbability;
        constexpr int kRows = 400;
        for (int row = 1; row <= kRows; ++row) {
            table.beginRow(SimTime::seconds(row));
            reference.beginRow(SimTime::seconds(row));
            const auto added = random.uniformIndex(4);
            for (std::uint64_t i = 0; i < added; ++i) {
                columns.push_back(table.column("c" + std::to_string(columns.size()), "u"));
                setProbability.push_back(random.uniform01() < 0.3 ? 0.05 : 0.9);
            }
            {
                std::optional<SeriesTable::RowWriter> writer;
                if (rowWriter) {
                    writer.emplace(table);
                }
                const auto set = [&](std::size_t column, double value) {
                    if (writer) {
                        writer->set(column, value);
                    } else {
                        table.set(column, value);
                    }
                    reference.set(column, value);
                };
                for (std::size_t c = 0; c < columns.size(); ++c) {
                    if (random.uniform01() >= setProbability[c]) {
                        continue;
                    }
                    const double value = random.uniform01() < 0.05
                                             ? std::numeric_limits<double>::quiet_NaN()
                                             : random.uniform01();
                    set(columns[c], value);
                    if (random.uniform01() < 0.05) { // set again: the later value counts
                        set(columns[c], 2.0 + value);
                    }
                }
            }                               // the writer's bits reach the table
            if (random.uniform01() < 0.1) { // a column's pattern changes: gone or back
                const std::size_t c = random.uniformIndex(columns.size() + 1);
                if (c < columns.size()) {
                    setProbability[c] = setProbability[c] > 0.5 ? 0.0 : 0.9;
                }
            }
            QCOMPARE(table.times(), reference.times());
            QCOMPARE(table.slotsInUse(), reference.slotsInUse());
            const std::size_t probe = random.uniformIndex(columns.size() + 1);
            if (probe < columns.size()) {
                const auto expected = reference.samples(columns[probe]);
                QCOMPARE(samples(table.series(columns[probe])), expected);
                QCOMPARE(table.latest(columns[probe]),
                         expected.empty() ? std::optional<double>()
                                          : std::optional<double>(expected.back().second));
            }
        }
        for (const std::size_t column : columns) {
            QCOMPARE(samples(table.series(column)), reference.samples(column));
        }
    }
};

QTEST_GUILESS_MAIN(TestSeriesTable)
#include "test_seriestable.moc"
