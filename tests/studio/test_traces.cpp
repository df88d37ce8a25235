// The "Traces" dock on the offscreen platform, on retry-storm (which samples 1% of requests):
// the list holds every sampled trace with its status and retry count, the filters keep only
// failed or slow requests, and the waterfall draws the selected trace's spans with callees
// indented under their caller and each retry labelled with its attempt. A scenario without
// tracing says how to turn it on.
#include <QTest>

#ifndef Q_MOC_RUN
#include "languagemanager.h"
#include "mainwindow.h"
#include "model/simulation.h"
#include "simulationcontroller.h"
#include "tracelistmodel.h"
#include "tracewaterfall.h"
#include "tracewidget.h"
#endif

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <algorithm>

namespace {

const QString retryStorm = QStringLiteral(CNSIM_SCENARIO_DIR "/retry-storm.yaml");

} // namespace

class TestTraces : public QObject {
    Q_OBJECT

private slots:
    void listsEverySampledTrace();
    void filtersFailedAndSlowRequests();
    void waterfallShowsRetriesUnderTheirCaller();
    void saysHowToTurnTracingOn();
};

void TestTraces::listsEverySampledTrace() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(retryStorm));
    window.runFor(cnsim::SimTime::seconds(100));
    TraceWidget* panel = window.traces();
    TraceListModel* model = panel->traces();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::vector<cnsim::RequestTrace>& traces = window.controller()->simulation()->traces();
    QVERIFY(traces.size() > 20);
    QCOMPARE(model->rowCount(), static_cast<int>(traces.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const cnsim::RequestTrace& t = traces[static_cast<std::size_t>(row)];
        QCOMPARE(model->index(row, TraceListModel::SpansColumn).data().toInt(),
                 static_cast<int>(t.spans.size()));
        if (t.code != 0) {
            QCOMPARE(model->index(row, TraceListModel::StatusColumn).data().toString(),
                     QString::number(t.code));
        }
    }
    // More traces arrive as the run goes on; the model follows without a reset.
    const int before = model->rowCount();
    window.runFor(cnsim::SimTime::seconds(20));
    QVERIFY(model->rowCount() > before);
    QCOMPARE(model->rowCount(), static_cast<int>(traces.size()));

    // Sorted by retries, the most retried request comes first (counts sort as numbers).
    int most = 0;
    for (const cnsim::RequestTrace& t : traces) {
        most = std::max(most, TraceListModel::retries(t));
    }
    QVERIFY(most >= 2);
    panel->listView()->sortByColumn(TraceListModel::RetriesColumn, Qt::DescendingOrder);
    QCOMPARE(panel->filterModel()->index(0, TraceListModel::RetriesColumn).data().toInt(), most);
    panel->listView()->sortByColumn(TraceListModel::TimeColumn, Qt::AscendingOrder);
    QCOMPARE(panel->filterModel()->index(0, TraceListModel::TimeColumn).data().toString(),
             model->index(0, TraceListModel::TimeColumn).data().toString());
}

void TestTraces::filtersFailedAndSlowRequests() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(retryStorm));
    // Past the burst: the catalog is overloaded and attempts time out.
    window.runFor(cnsim::SimTime::seconds(110));
    TraceWidget* panel = window.traces();
    const std::vector<cnsim::RequestTrace>& traces = window.controller()->simulation()->traces();
    const auto failed = std::count_if(traces.begin(), traces.end(), &TraceListModel::failed);
    QVERIFY(failed > 0);
    panel->filterCombo()->setCurrentIndex(static_cast<int>(TraceFilterModel::Filter::Errors));
    QCOMPARE(panel->filterModel()->rowCount(), static_cast<int>(failed));

    panel->filterCombo()->setCurrentIndex(static_cast<int>(TraceFilterModel::Filter::Slow));
    const int slow = panel->filterModel()->rowCount();
    QVERIFY(slow > 0);
    QVERIFY(slow < panel->traces()->rowCount());
    const double p95 = panel->traces()->durationQuantile(0.95);
    for (int row = 0; row < slow; ++row) {
        QVERIFY(panel->filterModel()->index(row, 0).data(TraceListModel::DurationRole).toDouble() >=
                p95);
    }
    panel->filterCombo()->setCurrentIndex(static_cast<int>(TraceFilterModel::Filter::All));
    QCOMPARE(panel->filterModel()->rowCount(), panel->traces()->rowCount());
}

void TestTraces::waterfallShowsRetriesUnderTheirCaller() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openScenarioFile(retryStorm));
    window.runFor(cnsim::SimTime::seconds(110));
    TraceWidget* panel = window.traces();
    // Unselected, the waterfall shows the slowest trace so far.
    QVERIFY(panel->shownTrace() >= 0);
    QVERIFY(panel->captionText().startsWith(QLatin1String("Slowest trace so far")));

    const std::vector<cnsim::RequestTrace>& traces = window.controller()->simulation()->traces();
    const auto retried = std::find_if(traces.begin(), traces.end(), [](const auto& t) {
        return t.code != 0 && TraceListModel::retries(t) > 0;
    });
    QVERIFY(retried != traces.end());
    const int row = static_cast<int>(retried - traces.begin());
    panel->listView()->selectionModel()->select(
        panel->filterModel()->mapFromSource(panel->traces()->index(row, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(panel->shownTrace(), row);
    QVERIFY(panel->captionText().startsWith(QStringLiteral("Trace %1 at").arg(retried->id)));

    const TraceWaterfall* waterfall = panel->waterfall();
    QCOMPARE(waterfall->rowCount(), static_cast<int>(retried->spans.size()));
    QCOMPARE(waterfall->depth(0), 0);
    QCOMPARE(waterfall->span(0).parent, -1);
    bool sawRetry = false;
    for (int r = 1; r < waterfall->rowCount(); ++r) {
        const cnsim::TraceSpan& s = waterfall->span(r);
        // A callee sits below its caller, one step further in.
        const cnsim::TraceSpan& parent = retried->spans[static_cast<std::size_t>(s.parent)];
        int parentRow = -1;
        for (int p = 0; p < r; ++p) {
            if (&waterfall->span(p) != &s && waterfall->span(p).start == parent.start &&
                waterfall->span(p).service == parent.service) {
                parentRow = p;
            }
        }
        QVERIFY(parentRow >= 0);
        QCOMPARE(waterfall->depth(r), waterfall->depth(parentRow) + 1);
        if (s.attempt > 1) {
            sawRetry = true;
            QVERIFY2(waterfall->rowLabel(r).contains(QStringLiteral("attempt %1").arg(s.attempt)),
                     qPrintable(waterfall->rowLabel(r)));
        }
    }
    QVERIFY(sawRetry);
    QVERIFY(TraceWaterfall::statusColour(200) != TraceWaterfall::statusColour(504));
    QVERIFY(TraceWaterfall::statusColour(429) != TraceWaterfall::statusColour(504));
}

void TestTraces::saysHowToTurnTracingOn() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    QVERIFY(window.openDefaultScenario());
    window.runFor(cnsim::SimTime::seconds(5));
    TraceWidget* panel = window.traces();
    QVERIFY(!panel->listView()->isVisibleTo(panel));
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("traceSummary"))
                ->text()
                .contains(QLatin1String("simulation.tracing")));
}

QTEST_MAIN(TestTraces)
#include "test_traces.moc"
