// Which pods a ReplicaSet deletes first, and slow-start batches
// (pkg/controller/controller_utils.go ActivePodsWithRanks, replica_set.go slowStartBatch).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/replicasetordering.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

const SimTime kNow = SimTime::hours(10);

RankedPod runningReady(const std::string& uid, SimTime readySince) {
    RankedPod p;
    p.uid = uid;
    p.nodeName = "node-1";
    p.phase = PodPhaseForRanking::Running;
    p.readySince = readySince;
    p.createdAt = readySince - SimTime::seconds(5);
    return p;
}

} // namespace

class TestWorkloadsReplicaSetOrdering : public QObject {
    Q_OBJECT

private slots:
    void pairwise_data();
    void pairwise();
    void sortingActivePods();
    void slowStartBatch_data();
    void slowStartBatch();
    void slowStartStopsAfterFailedBatch();
};

// Each rule of ActivePodsWithRanks.Less in isolation, as controller_utils_test.go
// TestSortingActivePodsWithRanks builds its pairs: `first` must sort before `second`.
void TestWorkloadsReplicaSetOrdering::pairwise_data() {
    QTest::addColumn<int>("rule");
    QTest::newRow("1 unassigned < assigned") << 1;
    QTest::newRow("2 Pending < Unknown") << 2;
    QTest::newRow("2 Unknown < Running") << 3;
    QTest::newRow("3 not ready < ready") << 4;
    QTest::newRow("4 lower pod-deletion-cost < higher") << 5;
    QTest::newRow("5 doubled up < not doubled up") << 6;
    QTest::newRow("6 ready for 1m < ready for 1h") << 7;
    QTest::newRow("6 same log2 bucket of ready time: uid decides") << 8;
    QTest::newRow("7 more restarts < fewer") << 9;
    QTest::newRow("8 newer < older") << 10;
    QTest::newRow("8 same log2 bucket of age: uid decides") << 11;
}

void TestWorkloadsReplicaSetOrdering::pairwise() {
    QFETCH(int, rule);
    RankedPod first = runningReady("b", kNow - SimTime::hours(1));
    RankedPod second = runningReady("a", kNow - SimTime::hours(1));
    switch (rule) {
    case 1:
        first.nodeName.clear();
        first.phase = second.phase = PodPhaseForRanking::Pending;
        break;
    case 2:
        first.phase = PodPhaseForRanking::Pending;
        second.phase = PodPhaseForRanking::Unknown;
        break;
    case 3:
        first.phase = PodPhaseForRanking::Unknown;
        break;
    case 4:
        first.readySince.reset();
        break;
    case 5:
        first.deletionCost = -10;
        break;
    case 6:
        first.colocatedRelatedPods = 3;
        second.colocatedRelatedPods = 1;
        break;
    case 7:
        first.readySince = kNow - SimTime::minutes(1);
        break;
    case 8:
        first = runningReady("a", kNow - SimTime::seconds(10));
        second = runningReady("b", kNow - SimTime::seconds(12)); // both 2^33 ns buckets
        break;
    case 9:
        first.maxContainerRestarts = 3;
        break;
    case 10:
        first.createdAt = kNow - SimTime::minutes(5);
        break;
    case 11:
        first.uid = "a";
        second.uid = "b";
        first.createdAt = kNow - SimTime::seconds(10);
        second.createdAt = kNow - SimTime::seconds(12);
        break;
    default:
        QFAIL("unknown rule");
    }
    QVERIFY(deleteBefore(first, second, kNow));
    QVERIFY(!deleteBefore(second, first, kNow));
}

// controller_utils_test.go TestSortingActivePods: a list in the order upstream expects.
void TestWorkloadsReplicaSetOrdering::sortingActivePods() {
    std::vector<RankedPod> expected;
    RankedPod unscheduled;
    unscheduled.uid = "unscheduled";
    expected.push_back(unscheduled);
    RankedPod scheduledButPending = unscheduled;
    scheduledButPending.uid = "scheduledButPending";
    scheduledButPending.nodeName = "bar";
    expected.push_back(scheduledButPending);
    RankedPod unknownPhase = scheduledButPending;
    unknownPhase.uid = "unknownPhase";
    unknownPhase.phase = PodPhaseForRanking::Unknown;
    expected.push_back(unknownPhase);
    RankedPod runningButNotReady = scheduledButPending;
    runningButNotReady.uid = "runningButNotReady";
    runningButNotReady.phase = PodPhaseForRanking::Running;
    expected.push_back(runningButNotReady);
    RankedPod runningReadyRecently = runningReady("runningWithLastTransitionTime", kNow);
    expected.push_back(runningReadyRecently);
    RankedPod runningLongerTime = runningReady("runningLongerTime", kNow - SimTime::hours(720));
    runningLongerTime.maxContainerRestarts = 3;
    expected.push_back(runningLongerTime);
    RankedPod oldest = runningReady("oldest", kNow - SimTime::hours(720));
    oldest.createdAt = kNow - SimTime::hours(721);
    oldest.maxContainerRestarts = 0;
    expected.push_back(oldest);

    std::vector<RankedPod> shuffled(expected.rbegin(), expected.rend());
    const std::vector<std::string> order =
        podsToDelete(shuffled, static_cast<int>(shuffled.size()), kNow);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(QString::fromStdString(order[i]), QString::fromStdString(expected[i].uid));
    }
}

// replica_set_test.go TestSlowStartBatch counts: 1, 2, 4, 8 … until all are created.
void TestWorkloadsReplicaSetOrdering::slowStartBatch_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("0") << 0 << QList<int>{};
    QTest::newRow("1") << 1 << QList<int>{1};
    QTest::newRow("10") << 10 << QList<int>{1, 2, 4, 3};
    QTest::newRow("15") << 15 << QList<int>{1, 2, 4, 8};
}

void TestWorkloadsReplicaSetOrdering::slowStartBatch() {
    QFETCH(int, count);
    QFETCH(QList<int>, sizes);
    const std::vector<int> got = slowStartBatchSizes(count);
    QCOMPARE(QList<int>(got.begin(), got.end()), sizes);
}

// replica_set_test.go TestSlowStartBatch: "callCnt" stops after the batch holding the error.
void TestWorkloadsReplicaSetOrdering::slowStartStopsAfterFailedBatch() {
    QCOMPARE(slowStartAttempted(10, 100), 10); // no failure
    QCOMPARE(slowStartAttempted(10, 0), 1);    // the first call fails
    QCOMPARE(slowStartAttempted(10, 2), 3);    // fails in the 2nd batch (calls 2–3)
    QCOMPARE(slowStartAttempted(10, 5), 7);    // fails in the 3rd batch (calls 4–7)
}

QTEST_GUILESS_MAIN(TestWorkloadsReplicaSetOrdering)
#include "test_workloads_replicasetordering.moc"
