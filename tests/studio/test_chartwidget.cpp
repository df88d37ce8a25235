// The Metrics chart's time axis on the offscreen platform: minutes and seconds for the first
// hour, hours and minutes past it (a day-long run would otherwise read "540:00"), and back
// to minutes when a new run starts — the same format the Autoscaling chart uses.
#include <QTest>

#ifndef Q_MOC_RUN
#include "chartwidget.h"
#include "metrics/metricsstore.h"
#endif

#include <qcustomplot.h>

class TestChartWidget : public QObject {
    Q_OBJECT

private slots:
    void timeAxisReadsHoursPastAnHour_data();
    void timeAxisReadsHoursPastAnHour();
    void timeAxisStartsOverWithANewRun();
};

namespace {

// The bottom plot's time axis: the only one with tick labels.
QCPAxis* timeAxis(const ChartWidget& chart) {
    return chart.plot()->axisRects().back()->axis(QCPAxis::atBottom);
}

// The time ticker's format; empty when the axis has no time ticker.
QString format(const QCPAxis* axis) {
    const QSharedPointer<QCPAxisTickerTime> time = axis->ticker().dynamicCast<QCPAxisTickerTime>();
    return time.isNull() ? QString() : time->timeFormat();
}

} // namespace

void TestChartWidget::timeAxisReadsHoursPastAnHour_data() {
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("label");
    QTest::newRow("30 min") << qint64{30 * 60} << QStringLiteral("%m:%s")
                            << QStringLiteral("Simulated time (min:s)");
    QTest::newRow("exactly 1 h") << qint64{3600} << QStringLiteral("%m:%s")
                                 << QStringLiteral("Simulated time (min:s)");
    QTest::newRow("9 h of a day") << qint64{9 * 3600} << QStringLiteral("%h:%m")
                                  << QStringLiteral("Simulated time (h:min)");
}

void TestChartWidget::timeAxisReadsHoursPastAnHour() {
    QFETCH(qint64, seconds);
    QFETCH(QString, format);
    QFETCH(QString, label);
    ChartWidget chart;
    const cnsim::MetricsStore metrics;
    chart.sync(metrics, cnsim::SimTime::seconds(seconds));
    QCOMPARE(::format(timeAxis(chart)), format);
    QCOMPARE(timeAxis(chart)->label(), label);
    // The plots above share the ticker, so their grid lines stay under the labelled ticks.
    for (QCPAxisRect* rect : chart.plot()->axisRects()) {
        QCOMPARE(::format(rect->axis(QCPAxis::atBottom)), format);
    }
}

void TestChartWidget::timeAxisStartsOverWithANewRun() {
    ChartWidget chart;
    const cnsim::MetricsStore metrics;
    chart.sync(metrics, cnsim::SimTime::hours(24));
    QCOMPARE(format(timeAxis(chart)), QStringLiteral("%h:%m"));
    chart.clear();
    QCOMPARE(format(timeAxis(chart)), QStringLiteral("%m:%s"));
    QCOMPARE(timeAxis(chart)->label(), QStringLiteral("Simulated time (min:s)"));
}

QTEST_MAIN(TestChartWidget)
#include "test_chartwidget.moc"
