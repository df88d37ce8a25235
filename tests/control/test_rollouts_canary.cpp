// Argo Rollouts' basic canary arithmetic (replica counts approximate the weight), checked
// against upstream: every integer-valued row of TestCalculateReplicaCountsForCanary
// (argoproj/argo-rollouts utils/replicaset/canary_test.go) for
// CalculateReplicaCountsForBasicCanary (utils/replicaset/canary.go), by name, and the
// 10-replica steps the scenarios use.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/rollouts/canaryreplicas.h"
#endif

using namespace cnsim;

namespace {

CanaryReplicaInput input(int replicas, int weight, int surge, int unavailable, int newSpec,
                         int newAvailable, int stableSpec, int stableAvailable) {
    CanaryReplicaInput in;
    in.replicas = replicas;
    in.weight = weight;
    in.maxSurge = IntOrPercent{surge, false};
    in.maxUnavailable = IntOrPercent{unavailable, false};
    in.newRs = RolloutRsCounts{newSpec, newAvailable, newSpec};
    in.stableRs = RolloutRsCounts{stableSpec, stableAvailable, stableSpec};
    return in;
}

} // namespace

class TestRolloutsCanary : public QObject {
    Q_OBJECT

private slots:
    void calculateCounts_data();
    void calculateCounts();
    void desiredCountsApproximateTheWeight_data();
    void desiredCountsApproximateTheWeight();
    void defaultsAreQuarterSurgeAndUnavailability();
    void olderReplicaSetsGoFirst();
    void abortScalesCanaryAwayWhateverItsAvailability();
    void trafficRoutingKeepsStableFull();
    void atDesiredNeedsAvailablePods();
};

void TestRolloutsCanary::calculateCounts_data() {
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("weight");
    QTest::addColumn<int>("surge");
    QTest::addColumn<int>("unavailable");
    QTest::addColumn<int>("newSpec");
    QTest::addColumn<int>("newAvailable");
    QTest::addColumn<int>("stableSpec");
    QTest::addColumn<int>("stableAvailable");
    QTest::addColumn<int>("older"); // an older ReplicaSet with this many pods, all available
    QTest::addColumn<int>("expectedNew");
    QTest::addColumn<int>("expectedStable");
    // Upstream's rows: replicas, setWeight, maxSurge, maxUnavailable, canary spec/available,
    // stable spec/available, older, then the expected canary and stable counts.
    QTest::newRow("Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas")
        << 10 << 100 << 3 << 0 << 6 << 3 << 7 << 8 << 0 << 6 << 7;
    QTest::newRow("Use max surge int to scale up canary")
        << 10 << 20 << 2 << 0 << 0 << 0 << 10 << 10 << 0 << 2 << 10;
    QTest::newRow("Do not go past max surge")
        << 10 << 30 << 2 << 0 << 0 << 0 << 10 << 10 << 0 << 2 << 10;
    QTest::newRow("Use max unavailable int to scale down stableRS")
        << 10 << 20 << 0 << 2 << 0 << 0 << 10 << 10 << 0 << 0 << 8;
    QTest::newRow("Do not go past max unavailable")
        << 10 << 30 << 0 << 2 << 0 << 0 << 10 << 10 << 0 << 0 << 8;
    QTest::newRow("Use Max Surge and Max Unavailable")
        << 10 << 50 << 2 << 1 << 0 << 0 << 10 << 10 << 0 << 2 << 9;
    QTest::newRow("Scale canaryRS to zero on setWeight of 0%")
        << 10 << 0 << 1 << 1 << 1 << 1 << 10 << 10 << 0 << 0 << 10;
    QTest::newRow("Scale stable to zero on setWeight of 100%")
        << 10 << 100 << 1 << 1 << 10 << 10 << 1 << 1 << 0 << 10 << 0;
    QTest::newRow("Do not scale canaryRS down to zero on non-zero weight")
        << 1 << 20 << 1 << 0 << 0 << 0 << 1 << 1 << 0 << 1 << 1;
    QTest::newRow("Do not scale canaryRS down to zero on non-100 weight")
        << 1 << 90 << 1 << 0 << 0 << 0 << 1 << 1 << 0 << 1 << 1;
    QTest::newRow("Scale canaryRS to zero on <50 weight without surge")
        << 1 << 49 << 0 << 1 << 0 << 0 << 1 << 1 << 0 << 0 << 1;
    QTest::newRow("Scale stableRS down to zero on >=50 weight without surge")
        << 1 << 51 << 0 << 1 << 0 << 0 << 1 << 1 << 0 << 0 << 0;
    QTest::newRow("Scale canaryRS to one on >=50 weight without surge and stable replicas")
        << 1 << 51 << 0 << 1 << 0 << 0 << 0 << 0 << 0 << 1 << 0;
    QTest::newRow("Scale up Stable before canaryRS")
        << 10 << 30 << 1 << 0 << 0 << 0 << 1 << 1 << 3 << 1 << 7;
    QTest::newRow("Scale down canaryRS and stable")
        << 10 << 30 << 0 << 3 << 4 << 4 << 8 << 5 << 0 << 3 << 7;
    QTest::newRow("Scale down stable and canary available")
        << 10 << 100 << 1 << 0 << 10 << 8 << 10 << 2 << 0 << 9 << 2;
    QTest::newRow("Do not scale down canaryRS or stable when older RS count >= scaleDownCount")
        << 10 << 30 << 0 << 1 << 4 << 2 << 8 << 6 << 3 << 4 << 8;
    QTest::newRow("Do not round past maxSurge with uneven setWeight divisor")
        << 10 << 5 << 0 << 1 << 0 << 0 << 10 << 10 << 0 << 0 << 9;
    QTest::newRow("Do not round past maxSurge with uneven setWeight divisor (part 2)")
        << 10 << 5 << 0 << 1 << 0 << 0 << 9 << 9 << 0 << 1 << 9;
    QTest::newRow("honor maxSurge during scale up when stableRS unavailable")
        << 4 << 100 << 1 << 0 << 0 << 0 << 4 << 1 << 0 << 1 << 4;
    QTest::newRow("scale down to maxunavailable without exceeding maxSurge")
        << 3 << 99 << 0 << 2 << 0 << 0 << 3 << 3 << 0 << 0 << 1;
    QTest::newRow("scale down to maxunavailable without exceeding maxSurge (part 2)")
        << 3 << 99 << 0 << 2 << 0 << 0 << 1 << 1 << 0 << 2 << 1;
    // The scenarios' walk, 10 replicas, surge 1, none unavailable: steady at 20 %, then 50 %
    // adds one canary pod per sync and the stable shrinks as canary pods become available.
    QTest::newRow("cnsim: steady at 20%") << 10 << 20 << 1 << 0 << 2 << 2 << 8 << 8 << 0 << 2 << 8;
    QTest::newRow("cnsim: 50% grows the canary within surge")
        << 10 << 50 << 1 << 0 << 2 << 2 << 8 << 8 << 0 << 3 << 8;
    QTest::newRow("cnsim: 50% shrinks the stable as canary pods are available")
        << 10 << 50 << 1 << 0 << 5 << 5 << 8 << 8 << 0 << 5 << 5;
}

void TestRolloutsCanary::calculateCounts() {
    QFETCH(int, replicas);
    QFETCH(int, weight);
    QFETCH(int, surge);
    QFETCH(int, unavailable);
    QFETCH(int, newSpec);
    QFETCH(int, newAvailable);
    QFETCH(int, stableSpec);
    QFETCH(int, stableAvailable);
    QFETCH(int, older);
    QFETCH(int, expectedNew);
    QFETCH(int, expectedStable);
    CanaryReplicaInput in = input(replicas, weight, surge, unavailable, newSpec, newAvailable,
                                  stableSpec, stableAvailable);
    if (older > 0) {
        in.olderRss.push_back(RolloutRsCounts{older, older, older});
    }
    const CanaryReplicaCounts counts = calculateCanaryCounts(in);
    QCOMPARE(counts.newRs, expectedNew);
    QCOMPARE(counts.stableRs, expectedStable);
}

void TestRolloutsCanary::desiredCountsApproximateTheWeight_data() {
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("weight");
    QTest::addColumn<int>("expectedNew");
    QTest::addColumn<int>("expectedStable");
    // approximateWeightedCanaryStableReplicaCounts with room to surge one pod: the closest
    // share; between 0 and 100 % neither side is 0; 25 % of 10 is 3 of 11.
    QTest::newRow("10 at 20%") << 10 << 20 << 2 << 8;
    QTest::newRow("10 at 50%") << 10 << 50 << 5 << 5;
    QTest::newRow("10 at 25%: 3 of 11 is closest") << 10 << 25 << 3 << 8;
    QTest::newRow("4 at 10%: never 0 canary pods") << 4 << 10 << 1 << 4;
    QTest::newRow("10 at 0%") << 10 << 0 << 0 << 10;
    QTest::newRow("10 at 100%") << 10 << 100 << 10 << 0;
}

void TestRolloutsCanary::desiredCountsApproximateTheWeight() {
    QFETCH(int, replicas);
    QFETCH(int, weight);
    QFETCH(int, expectedNew);
    QFETCH(int, expectedStable);
    const CanaryReplicaCounts desired =
        desiredCanaryCounts(input(replicas, weight, 1, 0, 0, 0, replicas, replicas));
    QCOMPARE(desired.newRs, expectedNew);
    QCOMPARE(desired.stableRs, expectedStable);
}

void TestRolloutsCanary::defaultsAreQuarterSurgeAndUnavailability() {
    // utils/defaults: maxSurge and maxUnavailable default to 25 %: surge rounds up (10 → 3),
    // unavailable down (10 → 2).
    CanaryReplicaInput in;
    in.replicas = 10;
    QCOMPARE(rolloutMaxSurge(in), 3);
    QCOMPARE(rolloutMaxUnavailable(in), 2);
    in.replicas = 1;
    QCOMPARE(rolloutMaxSurge(in), 1);
    QCOMPARE(rolloutMaxUnavailable(in), 0);
    // 10 at 20 % with the defaults: the canary gets its 2 pods and the stable goes to 8 at once
    // (2 unavailable allowed).
    in = CanaryReplicaInput{};
    in.replicas = 10;
    in.weight = 20;
    in.newRs = RolloutRsCounts{0, 0, 0};
    in.stableRs = RolloutRsCounts{10, 10, 10};
    QCOMPARE(calculateCanaryCounts(in), (CanaryReplicaCounts{2, 8}));
}

void TestRolloutsCanary::olderReplicaSetsGoFirst() {
    // "If any older ReplicaSets exist, we should scale those down first": no stable or canary
    // scale-down while an older set still has replicas.
    CanaryReplicaInput in = input(10, 20, 1, 1, 0, 0, 10, 10);
    in.olderRss.push_back(RolloutRsCounts{2, 2, 2});
    const CanaryReplicaCounts counts = calculateCanaryCounts(in);
    QCOMPARE(counts.stableRs, 10);
    QCOMPARE(counts.newRs, 0); // 10 + 2 already over 10 + surge 1
}

void TestRolloutsCanary::abortScalesCanaryAwayWhateverItsAvailability() {
    // An abort sets the weight to 0; shrinking ignores the canary's availability (its pods may be
    // crashing), so all of it goes within maxUnavailable of the stable's available pods.
    CanaryReplicaInput in = input(10, 0, 3, 2, 2, 0, 8, 8);
    const CanaryReplicaCounts counts = calculateCanaryCounts(in);
    QCOMPARE(counts.newRs, 0);
    QCOMPARE(counts.stableRs, 10);
}

void TestRolloutsCanary::trafficRoutingKeepsStableFull() {
    // With a traffic router the stable stays at spec.replicas until the end.
    CanaryReplicaInput in = input(10, 20, 1, 0, 0, 0, 10, 10);
    in.trafficRouting = true;
    QCOMPARE(calculateCanaryCounts(in), (CanaryReplicaCounts{2, 10}));
    QCOMPARE(desiredCanaryCounts(in), (CanaryReplicaCounts{2, 10}));
}

void TestRolloutsCanary::atDesiredNeedsAvailablePods() {
    QVERIFY(atDesiredCanaryCounts(input(10, 20, 1, 0, 2, 2, 8, 8)));
    QVERIFY(!atDesiredCanaryCounts(input(10, 20, 1, 0, 2, 1, 8, 8))); // a canary not available
    QVERIFY(!atDesiredCanaryCounts(input(10, 20, 1, 0, 2, 2, 9, 9))); // stable not scaled down
    CanaryReplicaInput older = input(10, 20, 1, 0, 2, 2, 8, 8);
    older.olderRss.push_back(RolloutRsCounts{0, 1, 1}); // an older pod still available
    QVERIFY(!atDesiredCanaryCounts(older));
}

QTEST_GUILESS_MAIN(TestRolloutsCanary)
#include "test_rollouts_canary.moc"
