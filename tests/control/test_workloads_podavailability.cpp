// Pod availability (pkg/api/v1/pod/util.go IsPodAvailable and its test in util_test.go).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/podavailability.h"
#endif

using namespace cnsim;

class TestWorkloadsPodAvailability : public QObject {
    Q_OBJECT

private slots:
    void isPodAvailable_data();
    void isPodAvailable();
    void availableAt();
};

// util_test.go TestIsPodAvailable: (ready, readySince, minReadySeconds, now) in seconds.
void TestWorkloadsPodAvailability::isPodAvailable_data() {
    QTest::addColumn<bool>("ready");
    QTest::addColumn<int>("readySince");
    QTest::addColumn<int>("minReadySeconds");
    QTest::addColumn<int>("now");
    QTest::addColumn<bool>("expected");
    QTest::newRow("TestIsPodAvailable not ready") << false << 0 << 0 << 10 << false;
    QTest::newRow("TestIsPodAvailable ready, minReadySeconds 0") << true << 0 << 0 << 0 << true;
    QTest::newRow("TestIsPodAvailable ready 1s ago, minReadySeconds 1 (boundary)")
        << true << 9 << 1 << 10 << false;
    QTest::newRow("TestIsPodAvailable ready 2s ago, minReadySeconds 1")
        << true << 8 << 1 << 10 << true;
    QTest::newRow("ready 5s, minReadySeconds 10") << true << 0 << 10 << 5 << false;
}

void TestWorkloadsPodAvailability::isPodAvailable() {
    QFETCH(bool, ready);
    QFETCH(int, readySince);
    QFETCH(int, minReadySeconds);
    QFETCH(int, now);
    QFETCH(bool, expected);
    const std::optional<SimTime> since =
        ready ? std::optional<SimTime>(SimTime::seconds(readySince)) : std::nullopt;
    QCOMPARE(cnsim::isPodAvailable(since, minReadySeconds, SimTime::seconds(now)), expected);
}

void TestWorkloadsPodAvailability::availableAt() {
    const SimTime since = SimTime::seconds(30);
    QCOMPARE(podAvailableAt(since, 0), since);
    const SimTime at = podAvailableAt(since, 10);
    QVERIFY(cnsim::isPodAvailable(since, 10, at));
    QVERIFY(!cnsim::isPodAvailable(since, 10, at - SimTime::microseconds(1)));
}

QTEST_GUILESS_MAIN(TestWorkloadsPodAvailability)
#include "test_workloads_podavailability.moc"
