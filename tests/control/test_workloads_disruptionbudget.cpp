// PodDisruptionBudget status and the eviction API (pkg/controller/disruption/disruption.go
// and disruption_test.go; pkg/registry/core/pod/storage/eviction.go and eviction_test.go).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/disruptionbudget.h"
#endif

using namespace cnsim;

class TestWorkloadsDisruptionBudget : public QObject {
    Q_OBJECT

private slots:
    void status_data();
    void status();
    void eviction();
    void drainMessage();
};

// disruption_test.go VerifyPdbStatus(disruptionsAllowed, currentHealthy, desiredHealthy,
// expectedPods) at the steps of each named test.
void TestWorkloadsDisruptionBudget::status_data() {
    QTest::addColumn<QString>("minAvailable"); // "" unset; "20%" or "3"
    QTest::addColumn<QString>("maxUnavailable");
    QTest::addColumn<int>("pods");
    QTest::addColumn<int>("healthy");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QList<int>>("expected"); // allowed, current, desired, expected
    QTest::newRow("TestReplicaSet 20% of 10, 1 pod")
        << "20%"
        << "" << 1 << 1 << 10 << QList<int>{0, 1, 2, 10};
    QTest::newRow("TestReplicationController 50% of 3, 2 pods")
        << "50%"
        << "" << 2 << 2 << 3 << QList<int>{0, 2, 2, 3};
    QTest::newRow("TestReplicationController 50% of 3, 3 pods")
        << "50%"
        << "" << 3 << 3 << 3 << QList<int>{1, 3, 2, 3};
    QTest::newRow("TestUnavailable minAvailable 3, 4 ready")
        << "3"
        << "" << 4 << 4 << 0 << QList<int>{1, 4, 3, 4};
    QTest::newRow("TestUnavailable minAvailable 3, one unready")
        << "3"
        << "" << 4 << 3 << 0 << QList<int>{0, 3, 3, 4};
    QTest::newRow("TestIntegerMaxUnavailableWithScaling 7")
        << ""
        << "2" << 1 << 1 << 7 << QList<int>{0, 1, 5, 7};
    QTest::newRow("TestIntegerMaxUnavailableWithScaling 5")
        << ""
        << "2" << 1 << 1 << 5 << QList<int>{0, 1, 3, 5};
    QTest::newRow("TestPercentageMaxUnavailableWithScaling 7")
        << ""
        << "30%" << 1 << 1 << 7 << QList<int>{0, 1, 4, 7};
    QTest::newRow("TestPercentageMaxUnavailableWithScaling 3")
        << ""
        << "30%" << 1 << 1 << 3 << QList<int>{0, 1, 2, 3};
    QTest::newRow("maxUnavailable 1 of 4 ready") << ""
                                                 << "1" << 4 << 4 << 4 << QList<int>{1, 4, 3, 4};
    QTest::newRow("no pods: nothing allowed") << ""
                                              << "1" << 0 << 0 << 0 << QList<int>{0, 0, 0, 0};
}

void TestWorkloadsDisruptionBudget::status() {
    QFETCH(QString, minAvailable);
    QFETCH(QString, maxUnavailable);
    QFETCH(int, pods);
    QFETCH(int, healthy);
    QFETCH(int, scale);
    QFETCH(QList<int>, expected);
    auto parse = [](const QString& s) -> std::optional<IntOrPercent> {
        if (s.isEmpty()) {
            return std::nullopt;
        }
        if (s.endsWith(QLatin1Char('%'))) {
            return IntOrPercent{s.chopped(1).toInt(), true};
        }
        return IntOrPercent{s.toInt(), false};
    };
    const PdbStatus st =
        pdbStatus(parse(minAvailable), parse(maxUnavailable), pods, healthy, scale);
    QCOMPARE(st.disruptionsAllowed, expected[0]);
    QCOMPARE(st.currentHealthy, expected[1]);
    QCOMPARE(st.desiredHealthy, expected[2]);
    QCOMPARE(st.expectedPods, expected[3]);
}

// eviction_test.go TestEviction: "matching pdbs with no disruptions allowed" → 429; pending /
// terminal pods bypass the budget; more than one PDB is an error.
void TestWorkloadsDisruptionBudget::eviction() {
    const PdbStatus blocked{4, 3, 3, 0};
    EvictionDecision d = decideEviction(EvictedPodPhase::Running, false, 1, "web", &blocked);
    QCOMPARE(d.verdict, EvictionVerdict::TooManyRequests);
    QCOMPARE(d.httpStatus, 429);
    QCOMPARE(QString::fromStdString(d.message),
             QStringLiteral("Cannot evict pod as it would violate the pod's disruption budget."));
    QCOMPARE(QString::fromStdString(d.cause),
             QStringLiteral("The disruption budget web needs 3 healthy pods and has 3 currently"));
    const PdbStatus open{4, 4, 3, 1};
    QCOMPARE(decideEviction(EvictedPodPhase::Running, false, 1, "web", &open).verdict,
             EvictionVerdict::Allowed);
    QCOMPARE(decideEviction(EvictedPodPhase::Pending, false, 1, "web", &blocked).verdict,
             EvictionVerdict::Allowed);
    QCOMPARE(decideEviction(EvictedPodPhase::Succeeded, false, 1, "web", &blocked).verdict,
             EvictionVerdict::Allowed);
    QCOMPARE(decideEviction(EvictedPodPhase::Running, true, 1, "web", &blocked).verdict,
             EvictionVerdict::Allowed);
    QCOMPARE(decideEviction(EvictedPodPhase::Running, false, 0, "", nullptr).verdict,
             EvictionVerdict::Allowed);
    QCOMPARE(decideEviction(EvictedPodPhase::Running, false, 2, "web", &open).httpStatus, 500);
}

// kubectl drain: a refused eviction is retried every 5 s.
void TestWorkloadsDisruptionBudget::drainMessage() {
    QCOMPARE(kDrainEvictionRetryInterval, SimTime::seconds(5));
    QCOMPARE(QString::fromStdString(drainRetryMessage(
                 "web-abc", "default",
                 "Cannot evict pod as it would violate the pod's disruption budget.")),
             QStringLiteral("error when evicting pods/\"web-abc\" -n \"default\" (will retry "
                            "after 5s): Cannot evict pod as it would violate the pod's "
                            "disruption budget."));
}

QTEST_GUILESS_MAIN(TestWorkloadsDisruptionBudget)
#include "test_workloads_disruptionbudget.moc"
