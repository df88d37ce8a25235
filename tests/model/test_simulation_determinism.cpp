// Same scenario + same seed ⇒ bit-identical runs; another seed ⇒ another run. A run must not
// depend on how it is sliced (the studio advances in small time slices with event budgets)
// nor on whether anyone reads snapshots.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenariotext.h"
#endif

using namespace cnsim;

class TestSimulationDeterminism : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameFingerprint_data();
    void sameSeedSameFingerprint();
    void otherSeedOtherFingerprint();
    void slicedRunMatchesOneShot();
    void metricsAndEventsIdentical();
};

void TestSimulationDeterminism::sameSeedSameFingerprint_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("hello-cluster") << QStringLiteral("hello-cluster.yaml");
    QTest::newRow("node-failure") << QStringLiteral("node-failure.yaml");
}

void TestSimulationDeterminism::sameSeedSameFingerprint() {
    QFETCH(QString, file);
    const Scenario scenario = test::loadScenarioFile(file.toStdString());
    Simulation first(scenario);
    first.runToEnd();
    Simulation second(scenario);
    second.runToEnd();
    QCOMPARE(first.fingerprintHex(), second.fingerprintHex());
    QCOMPARE(first.engineEventCount(), second.engineEventCount());
    QVERIFY(first.engineEventCount() > 1000);
}

void TestSimulationDeterminism::otherSeedOtherFingerprint() {
    const Scenario scenario = test::loadScenarioFile("hello-cluster.yaml");
    Simulation base(scenario);
    base.runToEnd();
    Simulation reseeded(scenario, SimulationOptions{scenario.seed + 1, std::nullopt});
    reseeded.runToEnd();
    QVERIFY(base.fingerprint() != reseeded.fingerprint());
}

void TestSimulationDeterminism::slicedRunMatchesOneShot() {
    const Scenario scenario = test::loadScenarioFile("node-failure.yaml");
    Simulation oneShot(scenario);
    oneShot.runToEnd();

    Simulation sliced(scenario);
    SimTime target;
    int slices = 0;
    while (!sliced.finished()) {
        target += SimTime::milliseconds(33);
        // A budget of 5 events forces many slices to stop mid-instant.
        while (!sliced.advanceTo(target, 5)) {
            (void)sliced.snapshot();
            ++slices;
        }
        (void)sliced.snapshot();
    }
    QVERIFY(slices > 100);
    QCOMPARE(sliced.fingerprintHex(), oneShot.fingerprintHex());
    QCOMPARE(sliced.events().size(), oneShot.events().size());
}

void TestSimulationDeterminism::metricsAndEventsIdentical() {
    const Scenario scenario = test::loadScenarioFile("node-failure.yaml");
    Simulation a(scenario);
    a.runToEnd();
    Simulation b(scenario);
    b.runToEnd();
    QCOMPARE(a.metrics().all().size(), b.metrics().all().size());
    for (std::size_t i = 0; i < a.metrics().all().size(); ++i) {
        QCOMPARE(a.metrics().all()[i].values, b.metrics().all()[i].values);
    }
    const cnsim::SeriesTable& pods = a.metrics().table();
    QVERIFY(pods.columnCount() > 0); // the series per node and per pod
    QCOMPARE(pods.columnCount(), b.metrics().table().columnCount());
    for (std::size_t c = 0; c < pods.columnCount(); ++c) {
        QCOMPARE(pods.series(c).values, b.metrics().table().series(c).values);
    }
    QCOMPARE(a.events().size(), b.events().size());
    for (std::size_t i = 0; i < a.events().size(); ++i) {
        QCOMPARE(describeEvent(a.events()[i]), describeEvent(b.events()[i]));
        QCOMPARE(a.events()[i].time, b.events()[i].time);
    }
}

QTEST_GUILESS_MAIN(TestSimulationDeterminism)
#include "test_simulation_determinism.moc"
