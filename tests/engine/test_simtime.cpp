// SimTime: named constructors, parseDuration's accepted and rejected forms, and the
// formatDuration -> parseDuration round trip.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the engine headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "engine/simtime.h"
#endif

using cnsim::SimTime;

class TestSimTime : public QObject {
    Q_OBJECT

private slots:
    void namedConstructors_data() {
        QTest::addColumn<qint64>("actual");
        QTest::addColumn<qint64>("expectedUs");
        QTest::newRow("us") << qint64(SimTime::microseconds(7).toMicroseconds()) << qint64(7);
        QTest::newRow("ms") << qint64(SimTime::milliseconds(250).toMicroseconds())
                            << qint64(250'000);
        QTest::newRow("s") << qint64(SimTime::seconds(3).toMicroseconds()) << qint64(3'000'000);
        QTest::newRow("m") << qint64(SimTime::minutes(2).toMicroseconds()) << qint64(120'000'000);
        QTest::newRow("h") << qint64(SimTime::hours(1).toMicroseconds()) << qint64(3'600'000'000);
        QTest::newRow("zero") << qint64(SimTime::zero().toMicroseconds()) << qint64(0);
        QTest::newRow("fromSeconds rounds")
            << qint64(SimTime::fromSeconds(1.0000004).toMicroseconds()) << qint64(1'000'000);
        QTest::newRow("fromSeconds rounds up")
            << qint64(SimTime::fromSeconds(0.0000016).toMicroseconds()) << qint64(2);
    }
    void namedConstructors() {
        QFETCH(qint64, actual);
        QFETCH(qint64, expectedUs);
        QCOMPARE(actual, expectedUs);
    }

    void arithmetic() {
        const SimTime a = SimTime::seconds(90);
        QCOMPARE((a + SimTime::milliseconds(500)).toMicroseconds(), 90'500'000);
        QCOMPARE((a - SimTime::minutes(1)).toMicroseconds(), 30'000'000);
        QCOMPARE((a * 2).toMicroseconds(), 180'000'000);
        QCOMPARE(a / SimTime::seconds(30), 3);
        QVERIFY(SimTime::seconds(1) < SimTime::milliseconds(1001));
        QCOMPARE(SimTime::milliseconds(1500).toSeconds(), 1.5);
    }

    void parseValid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expectedUs");
        QTest::newRow("90s") << "90s" << qint64(90'000'000);
        QTest::newRow("5m") << "5m" << qint64(300'000'000);
        QTest::newRow("1h30m") << "1h30m" << qint64(5'400'000'000);
        QTest::newRow("250ms") << "250ms" << qint64(250'000);
        QTest::newRow("100us") << "100us" << qint64(100);
        QTest::newRow("1.5s") << "1.5s" << qint64(1'500'000);
        QTest::newRow("0") << "0" << qint64(0);
        QTest::newRow("0s") << "0s" << qint64(0);
        QTest::newRow("1m30s250ms") << "1m30s250ms" << qint64(90'250'000);
        QTest::newRow("0.5h") << "0.5h" << qint64(1'800'000'000);
        // 12 fractional digits of an hour: the product overflows 64 bits unless widened.
        QTest::newRow("0.999999999999h") << "0.999999999999h" << qint64(3'599'999'999);
        QTest::newRow("sub-us fraction truncates") << "1.0000005s" << qint64(1'000'000);
    }
    void parseValid() {
        QFETCH(QString, text);
        QFETCH(qint64, expectedUs);
        const auto parsed = cnsim::parseDuration(text.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toMicroseconds(), expectedUs);
    }

    void parseInvalid_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no unit") << "5";
        QTest::newRow("negative") << "-3s";
        QTest::newRow("bad unit") << "5x";
        QTest::newRow("trailing number") << "1h30";
        QTest::newRow("overflow") << "99999999999999h";
        QTest::newRow("unit only") << "s";
        QTest::newRow("space") << "5 s";
        QTest::newRow("dot only") << ".s";
        QTest::newRow("plus") << "+5s";
        QTest::newRow("sum overflow") << "1000000000h1000000000h";
    }
    void parseInvalid() {
        QFETCH(QString, text);
        QVERIFY(!cnsim::parseDuration(text.toStdString()).has_value());
    }

    void format_data() {
        QTest::addColumn<qint64>("us");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << "0s";
        QTest::newRow("1h30m") << qint64(5'400'000'000) << "1h30m";
        QTest::newRow("250ms") << qint64(250'000) << "250ms";
        QTest::newRow("90s") << qint64(90'000'000) << "1m30s";
        QTest::newRow("1us") << qint64(1) << "1us";
        QTest::newRow("1s500ms") << qint64(1'500'000) << "1s500ms";
        QTest::newRow("1500us") << qint64(1'500) << "1500us";
        QTest::newRow("25h") << qint64(90'000'000'000) << "25h";
    }
    void format() {
        QFETCH(qint64, us);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(cnsim::formatDuration(SimTime::microseconds(us))),
                 expected);
    }

    void formatRoundTrip_data() {
        QTest::addColumn<qint64>("us");
        for (const qint64 us : {qint64(0), qint64(1), qint64(999), qint64(1'000), qint64(1'001),
                                qint64(59'999'999), qint64(3'600'000'000), qint64(3'600'000'001),
                                qint64(123'456'789'012), qint64(4'000'000'000'000'000'000)}) {
            QTest::newRow(QByteArray::number(us).constData()) << us;
        }
    }
    void formatRoundTrip() {
        QFETCH(qint64, us);
        const std::string text = cnsim::formatDuration(SimTime::microseconds(us));
        const auto parsed = cnsim::parseDuration(text);
        QVERIFY2(parsed.has_value(), text.c_str());
        QCOMPARE(parsed->toMicroseconds(), us);
    }

    void formatClock() {
        QCOMPARE(QString::fromStdString(cnsim::formatClock(SimTime::microseconds(90'250'000))),
                 QStringLiteral("00:01:30.250"));
    }
};

QTEST_GUILESS_MAIN(TestSimTime)
#include "test_simtime.moc"
