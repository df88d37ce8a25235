// Deployment status and progress conditions, checked against
// pkg/controller/deployment/util/deployment_util_test.go.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/rolloutstatus.h"

#include <optional>
#endif

using namespace cnsim;

namespace {

DeploymentParams rolling(int replicas, int surge, int unavailable) {
    DeploymentParams d;
    d.name = "foo";
    d.replicas = replicas;
    d.maxSurge = IntOrPercent{surge, false};
    d.maxUnavailable = IntOrPercent{unavailable, false};
    d.progressDeadlineSeconds = 600;
    return d;
}

} // namespace

class TestWorkloadsRolloutStatus : public QObject {
    Q_OBJECT

private slots:
    void deploymentComplete_data();
    void deploymentComplete();
    void deploymentProgressing_data();
    void deploymentProgressing();
    void deploymentTimedOut_data();
    void deploymentTimedOut();
};

// deployment_util_test.go TestDeploymentComplete: (desired, current, updated, available).
void TestWorkloadsRolloutStatus::deploymentComplete_data() {
    QTest::addColumn<QList<int>>("d");
    QTest::addColumn<bool>("expected");
    QTest::newRow("not complete: min but not all pods become available")
        << QList<int>{5, 5, 5, 4} << false;
    QTest::newRow("not complete: min availability is not honored")
        << QList<int>{5, 5, 5, 3} << false;
    QTest::newRow("complete") << QList<int>{5, 5, 5, 5} << true;
    QTest::newRow("not complete: all pods are available but not updated")
        << QList<int>{5, 5, 4, 5} << false;
    QTest::newRow("not complete: still running old pods") << QList<int>{1, 2, 1, 1} << false;
    QTest::newRow("not complete: one replica deployment never comes up")
        << QList<int>{1, 1, 1, 0} << false;
}

void TestWorkloadsRolloutStatus::deploymentComplete() {
    QFETCH(QList<int>, d);
    QFETCH(bool, expected);
    DeploymentStatus s;
    s.replicas = d[1];
    s.updatedReplicas = d[2];
    s.availableReplicas = d[3];
    QCOMPARE(cnsim::deploymentComplete(rolling(d[0], 0, 1), s), expected);
}

// deployment_util_test.go TestDeploymentProgressing: (current, updated, ready, available).
void TestWorkloadsRolloutStatus::deploymentProgressing_data() {
    QTest::addColumn<QList<int>>("before");
    QTest::addColumn<QList<int>>("after");
    QTest::addColumn<bool>("expected");
    QTest::newRow("progressing: updated pods")
        << QList<int>{10, 4, 4, 4} << QList<int>{10, 6, 4, 4} << true;
    QTest::newRow("not progressing") << QList<int>{10, 4, 4, 4} << QList<int>{10, 4, 4, 4} << false;
    QTest::newRow("progressing: old pods removed")
        << QList<int>{10, 4, 6, 6} << QList<int>{8, 4, 6, 6} << true;
    QTest::newRow("not progressing: less new pods")
        << QList<int>{10, 7, 3, 3} << QList<int>{10, 6, 3, 3} << false;
    QTest::newRow("progressing: less overall but more new pods")
        << QList<int>{10, 4, 7, 7} << QList<int>{8, 8, 5, 5} << true;
    QTest::newRow("progressing: more ready pods")
        << QList<int>{10, 10, 9, 8} << QList<int>{10, 10, 10, 8} << true;
    QTest::newRow("progressing: more available pods")
        << QList<int>{10, 10, 10, 9} << QList<int>{10, 10, 10, 10} << true;
}

void TestWorkloadsRolloutStatus::deploymentProgressing() {
    QFETCH(QList<int>, before);
    QFETCH(QList<int>, after);
    QFETCH(bool, expected);
    auto status = [](const QList<int>& v) {
        DeploymentStatus s;
        s.replicas = v[0];
        s.updatedReplicas = v[1];
        s.readyReplicas = v[2];
        s.availableReplicas = v[3];
        return s;
    };
    QCOMPARE(cnsim::deploymentProgressing(status(before), status(after)), expected);
}

// deployment_util_test.go TestDeploymentTimedOut (times in seconds after 00:00).
void TestWorkloadsRolloutStatus::deploymentTimedOut_data() {
    QTest::addColumn<int>("deadline"); // -1: nil
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("now");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("expected");
    QTest::newRow("nil progressDeadlineSeconds specified - no timeout")
        << -1 << 69 << 80 << false << false;
    QTest::newRow("infinite progressDeadlineSeconds specified - no timeout")
        << 2147483647 << 69 << 80 << false << false;
    QTest::newRow("progressDeadlineSeconds: 10s, 00:01:20 - 00:01:09 => 11s")
        << 10 << 69 << 80 << false << true;
    QTest::newRow("progressDeadlineSeconds: 10s, 00:01:20 - 00:01:11 => 9s")
        << 10 << 71 << 80 << false << false;
    QTest::newRow("exactly the deadline is not yet a timeout (time.Before)")
        << 10 << 70 << 80 << false << false;
    QTest::newRow("previous status was a complete deployment") << 10 << 0 << 80 << true << false;
}

void TestWorkloadsRolloutStatus::deploymentTimedOut() {
    QFETCH(int, deadline);
    QFETCH(int, from);
    QFETCH(int, now);
    QFETCH(bool, complete);
    QFETCH(bool, expected);
    DeploymentParams d = rolling(1, 1, 0);
    d.progressDeadlineSeconds = deadline < 0 ? std::nullopt : std::optional<int>(deadline);
    DeploymentStatus s;
    s.progressing = DeploymentCondition{ConditionStatus::True,
                                        complete ? DeploymentConditionReason::NewReplicaSetAvailable
                                                 : DeploymentConditionReason::ReplicaSetUpdated,
                                        "", SimTime::seconds(from), SimTime::seconds(from)};
    QCOMPARE(cnsim::deploymentTimedOut(d, s, SimTime::seconds(now)), expected);
}

QTEST_GUILESS_MAIN(TestWorkloadsRolloutStatus)
#include "test_workloads_rolloutstatus.moc"
