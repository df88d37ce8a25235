// Rolling-update arithmetic, Recreate, proportional scaling, rollout status and revisions,
// checked against upstream's own cases. Each row names the upstream test it comes from
// (kubernetes/kubernetes pkg/controller/deployment/...).

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "control/workloads/deploymentutil.h"
#include "control/workloads/intorpercent.h"
#include "control/workloads/rollout.h"
#include "control/workloads/rolloutstatus.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// IntOrString text as upstream's tests write it: "3" an int, "25%" a percent, "" unset.
std::optional<IntOrPercent> ios(const QString& text) {
    if (text.isEmpty()) {
        return std::nullopt;
    }
    if (text.endsWith(QLatin1Char('%'))) {
        return parsePercentString(text.toStdString());
    }
    return IntOrPercent{text.toInt(), false};
}

DeploymentParams rolling(int replicas, const QString& surge, const QString& unavailable) {
    DeploymentParams d;
    d.name = "foo";
    d.replicas = replicas;
    d.maxSurge = ios(surge);
    d.maxUnavailable = ios(unavailable);
    d.progressDeadlineSeconds = 600;
    d.revisionHistoryLimit = 10;
    return d;
}

RsCounts rs(const std::string& name, int spec, int available, SimTime createdAt, int revision) {
    RsCounts r;
    r.name = name;
    r.specReplicas = spec;
    r.replicas = spec;
    r.readyReplicas = available;
    r.availableReplicas = available;
    r.createdAt = createdAt;
    r.revision = revision;
    return r;
}

} // namespace

class TestWorkloadsRollout : public QObject {
    Q_OBJECT

private slots:
    void resolveFenceposts_data();
    void resolveFenceposts();
    void defaultFenceposts_data();
    void defaultFenceposts();
    void maxUnavailable_data();
    void maxUnavailable();
    void newRsNewReplicas_data();
    void newRsNewReplicas();
    void reconcileNewReplicaSet_data();
    void reconcileNewReplicaSet();
    void reconcileOldReplicaSets_data();
    void reconcileOldReplicaSets();
    void cleanupUnhealthyReplicas_data();
    void cleanupUnhealthyReplicas();
    void scaleDownOldReplicaSets_data();
    void scaleDownOldReplicaSets();
    void oldestReplicaSetScaledDownFirst();
    void proportionalScaling_data();
    void proportionalScaling();
    void cleanupDeployment_data();
    void cleanupDeployment();
    void rollingUpdateToCompletion();
    void rolloutFreezesWhenNewPodsNeverBecomeAvailable();
    void recreateWaitsForOldPods();
    void rollbackChoosesRevision();
    void defaultsFromSpec();
};

// deployment_util_test.go TestResolveFenceposts (all rows; strings as the test writes them).
void TestWorkloadsRollout::resolveFenceposts_data() {
    QTest::addColumn<QString>("maxSurge"); // "<nil>" for a nil pointer
    QTest::addColumn<QString>("maxUnavailable");
    QTest::addColumn<int>("desired");
    QTest::addColumn<bool>("expectError");
    QTest::addColumn<int>("surge");
    QTest::addColumn<int>("unavailable");
    QTest::newRow("TestResolveFenceposts#0 0%/0% of 0") << "0%"
                                                        << "0%" << 0 << false << 0 << 1;
    QTest::newRow("TestResolveFenceposts#1 39%/39% of 10") << "39%"
                                                           << "39%" << 10 << false << 4 << 3;
    QTest::newRow("TestResolveFenceposts#2 oops") << "oops"
                                                  << "39%" << 10 << true << 0 << 0;
    QTest::newRow("TestResolveFenceposts#3 urg") << "55%"
                                                 << "urg" << 10 << true << 0 << 0;
    QTest::newRow("TestResolveFenceposts#4 string 5 is not a percent")
        << "5"
        << "1" << 7 << true << 0 << 0;
    QTest::newRow("TestResolveFenceposts#5 nil surge") << "<nil>"
                                                       << "39%" << 10 << false << 0 << 3;
    QTest::newRow("TestResolveFenceposts#6 nil unavailable") << "39%"
                                                             << "<nil>" << 10 << false << 4 << 0;
    QTest::newRow("TestResolveFenceposts#7 both nil") << "<nil>"
                                                      << "<nil>" << 10 << false << 0 << 1;
}

void TestWorkloadsRollout::resolveFenceposts() {
    QFETCH(QString, maxSurge);
    QFETCH(QString, maxUnavailable);
    QFETCH(int, desired);
    QFETCH(bool, expectError);
    QFETCH(int, surge);
    QFETCH(int, unavailable);
    auto text = [](const QString& s) -> std::optional<std::string> {
        if (s == QLatin1String("<nil>")) {
            return std::nullopt;
        }
        return s.toStdString();
    };
    const std::optional<Fenceposts> f =
        resolveFencepostsText(text(maxSurge), text(maxUnavailable), desired);
    QCOMPARE(!f.has_value(), expectError);
    if (f) {
        QCOMPARE(f->surge, surge);
        QCOMPARE(f->unavailable, unavailable);
    }
}

// kubernetes-behaviour.md §3.2: the 25%/25% defaults at three sizes.
void TestWorkloadsRollout::defaultFenceposts_data() {
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("surge");
    QTest::addColumn<int>("unavailable");
    QTest::newRow("1 replica: surge rounds up, unavailable down") << 1 << 1 << 0;
    QTest::newRow("4 replicas") << 4 << 1 << 1;
    QTest::newRow("10 replicas") << 10 << 3 << 2;
    // deployment_util_test.go TestResolveFenceposts (newer table): 25% of 8 is 2 and 2.
    QTest::newRow("8 replicas") << 8 << 2 << 2;
}

void TestWorkloadsRollout::defaultFenceposts() {
    QFETCH(int, replicas);
    QFETCH(int, surge);
    QFETCH(int, unavailable);
    DeploymentSpec spec;
    spec.name = "web";
    spec.replicas = replicas;
    const DeploymentParams d = DeploymentParams::fromSpec(spec);
    QCOMPARE(cnsim::maxSurge(d), surge);
    QCOMPARE(cnsim::maxUnavailable(d), unavailable);
}

// deployment_util_test.go TestMaxUnavailable (maxSurge 1 in every row).
void TestWorkloadsRollout::maxUnavailable_data() {
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QString>("maxUnavailable");
    QTest::addColumn<bool>("recreate");
    QTest::addColumn<int>("expected");
    QTest::newRow("maxUnavailable less than replicas") << 10 << "5" << false << 5;
    QTest::newRow("maxUnavailable equal replicas") << 10 << "10" << false << 10;
    QTest::newRow("maxUnavailable greater than replicas") << 5 << "10" << false << 5;
    QTest::newRow("maxUnavailable with replicas is 0") << 0 << "10" << false << 0;
    QTest::newRow("maxUnavailable with Recreate deployment strategy") << 1 << "" << true << 0;
    QTest::newRow("maxUnavailable less than replicas with percents") << 10 << "50%" << false << 5;
    QTest::newRow("maxUnavailable equal replicas with percents") << 10 << "100%" << false << 10;
    QTest::newRow("maxUnavailable greater than replicas with percents")
        << 5 << "100%" << false << 5;
}

void TestWorkloadsRollout::maxUnavailable() {
    QFETCH(int, replicas);
    QFETCH(QString, maxUnavailable);
    QFETCH(bool, recreate);
    QFETCH(int, expected);
    DeploymentParams d = rolling(replicas, "1", maxUnavailable);
    if (recreate) {
        d.strategy = DeploymentStrategyType::Recreate;
    }
    QCOMPARE(cnsim::maxUnavailable(d), expected);
}

// deployment_util_test.go TestNewRSNewReplicas: one other RS with 5 replicas.
void TestWorkloadsRollout::newRsNewReplicas_data() {
    QTest::addColumn<bool>("recreate");
    QTest::addColumn<int>("depReplicas");
    QTest::addColumn<int>("newRsReplicas");
    QTest::addColumn<int>("maxSurge");
    QTest::addColumn<int>("expected");
    QTest::newRow("can not scale up - to newRSReplicas") << false << 1 << 5 << 1 << 5;
    QTest::newRow("scale up - to depReplicas") << false << 6 << 2 << 10 << 6;
    QTest::newRow("recreate - to depReplicas") << true << 3 << 1 << 1 << 3;
}

void TestWorkloadsRollout::newRsNewReplicas() {
    QFETCH(bool, recreate);
    QFETCH(int, depReplicas);
    QFETCH(int, newRsReplicas);
    QFETCH(int, maxSurge);
    QFETCH(int, expected);
    DeploymentParams d = rolling(depReplicas, QString::number(maxSurge), "1");
    if (recreate) {
        d.strategy = DeploymentStrategyType::Recreate;
    }
    const RsCounts other = rs("rs5", 5, 5, SimTime::zero(), 1);
    const RsCounts newRs = rs("new", newRsReplicas, 0, SimTime::zero(), 2);
    // Upstream passes only rs5 as allRSs.
    QCOMPARE(cnsim::newRsNewReplicas(d, {other}, newRs), expected);
}

// rolling_test.go TestDeploymentController_reconcileNewReplicaSet (maxUnavailable 0).
void TestWorkloadsRollout::reconcileNewReplicaSet_data() {
    QTest::addColumn<int>("deploymentReplicas");
    QTest::addColumn<int>("maxSurge");
    QTest::addColumn<int>("oldReplicas");
    QTest::addColumn<int>("newReplicas");
    QTest::addColumn<int>("expectedNewReplicas"); // unchanged: no scale expected
    QTest::newRow("reconcileNewReplicaSet#0 should not scale up") << 10 << 0 << 10 << 0 << 0;
    QTest::newRow("reconcileNewReplicaSet#1") << 10 << 2 << 10 << 0 << 2;
    QTest::newRow("reconcileNewReplicaSet#2") << 10 << 2 << 5 << 0 << 7;
    QTest::newRow("reconcileNewReplicaSet#3") << 10 << 2 << 10 << 2 << 2;
    QTest::newRow("reconcileNewReplicaSet#4 should scale down") << 10 << 2 << 2 << 11 << 10;
}

void TestWorkloadsRollout::reconcileNewReplicaSet() {
    QFETCH(int, deploymentReplicas);
    QFETCH(int, maxSurge);
    QFETCH(int, oldReplicas);
    QFETCH(int, newReplicas);
    QFETCH(int, expectedNewReplicas);
    DeploymentSyncInput in;
    in.deployment = rolling(deploymentReplicas, QString::number(maxSurge), "0");
    // Old pods are not available, so the scale-down stage cannot act after scale-up.
    in.oldRss = {rs("foo-v1", oldReplicas, 0, SimTime::zero(), 1)};
    in.newRs = rs("foo-v2", newReplicas, 0, SimTime::seconds(1), 2);
    const DeploymentSyncResult r = rolloutRolling(in);
    QCOMPARE(r.newRs->specReplicas, expectedNewReplicas);
}

// rolling_test.go TestDeploymentController_reconcileOldReplicaSets (maxSurge 0).
void TestWorkloadsRollout::reconcileOldReplicaSets_data() {
    QTest::addColumn<int>("deploymentReplicas");
    QTest::addColumn<int>("maxUnavailable");
    QTest::addColumn<int>("oldReplicas");
    QTest::addColumn<int>("newReplicas");
    QTest::addColumn<int>("readyPodsFromOldRS");
    QTest::addColumn<int>("readyPodsFromNewRS");
    QTest::addColumn<bool>("scaleExpected");
    QTest::addColumn<int>("expectedOldReplicas");
    QTest::newRow("reconcileOldReplicaSets#0") << 10 << 0 << 10 << 0 << 10 << 0 << true << 9;
    QTest::newRow("reconcileOldReplicaSets#1") << 10 << 2 << 10 << 0 << 10 << 0 << true << 8;
    QTest::newRow("reconcileOldReplicaSets#2 unhealthy old cleaned up")
        << 10 << 2 << 10 << 0 << 8 << 0 << true << 8;
    QTest::newRow("reconcileOldReplicaSets#3 1 unhealthy + 1 ready scaled down")
        << 10 << 2 << 10 << 0 << 9 << 0 << true << 8;
    QTest::newRow("reconcileOldReplicaSets#4 unavailable new pods block scale-down")
        << 10 << 2 << 8 << 2 << 8 << 0 << false << 8;
}

void TestWorkloadsRollout::reconcileOldReplicaSets() {
    QFETCH(int, deploymentReplicas);
    QFETCH(int, maxUnavailable);
    QFETCH(int, oldReplicas);
    QFETCH(int, newReplicas);
    QFETCH(int, readyPodsFromOldRS);
    QFETCH(int, readyPodsFromNewRS);
    QFETCH(bool, scaleExpected);
    QFETCH(int, expectedOldReplicas);
    const DeploymentParams d = rolling(deploymentReplicas, "0", QString::number(maxUnavailable));
    std::vector<RsCounts> old = {
        rs("foo-old", oldReplicas, readyPodsFromOldRS, SimTime::zero(), 1)};
    const RsCounts newRs = rs("foo-new", newReplicas, readyPodsFromNewRS, SimTime::seconds(1), 2);
    std::vector<RsScaleAction> scaled;
    const int total = cnsim::reconcileOldReplicaSets(old, newRs, d, &scaled);
    QCOMPARE(total > 0, scaleExpected);
    QCOMPARE(old.front().specReplicas, expectedOldReplicas);
}

// rolling_test.go TestDeploymentController_cleanupUnhealthyReplicas.
void TestWorkloadsRollout::cleanupUnhealthyReplicas_data() {
    QTest::addColumn<int>("oldReplicas");
    QTest::addColumn<int>("readyPods");
    QTest::addColumn<int>("maxCleanupCount");
    QTest::addColumn<int>("cleanupCountExpected");
    QTest::newRow("cleanupUnhealthyReplicas#0") << 10 << 8 << 1 << 1;
    QTest::newRow("cleanupUnhealthyReplicas#1") << 10 << 8 << 3 << 2;
    QTest::newRow("cleanupUnhealthyReplicas#2") << 10 << 8 << 0 << 0;
    QTest::newRow("cleanupUnhealthyReplicas#3") << 10 << 10 << 3 << 0;
}

void TestWorkloadsRollout::cleanupUnhealthyReplicas() {
    QFETCH(int, oldReplicas);
    QFETCH(int, readyPods);
    QFETCH(int, maxCleanupCount);
    QFETCH(int, cleanupCountExpected);
    const DeploymentParams d = rolling(10, "2", "2");
    std::vector<RsCounts> old = {rs("foo-v2", oldReplicas, readyPods, SimTime::zero(), 1)};
    QCOMPARE(cnsim::cleanupUnhealthyReplicas(old, d, maxCleanupCount, nullptr),
             cleanupCountExpected);
    QCOMPARE(old.front().specReplicas, oldReplicas - cleanupCountExpected);
}

// rolling_test.go TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (the old RS
// is also the only RS: upstream passes it as allRSs, so the "new" RS here is empty).
void TestWorkloadsRollout::scaleDownOldReplicaSets_data() {
    QTest::addColumn<int>("deploymentReplicas");
    QTest::addColumn<int>("maxUnavailable");
    QTest::addColumn<int>("readyPods");
    QTest::addColumn<int>("oldReplicas");
    QTest::addColumn<bool>("scaleExpected");
    QTest::addColumn<int>("expectedOldReplicas");
    QTest::newRow("scaleDownOldReplicaSetsForRollingUpdate#0") << 10 << 0 << 10 << 10 << true << 9;
    QTest::newRow("scaleDownOldReplicaSetsForRollingUpdate#1") << 10 << 2 << 10 << 10 << true << 8;
    QTest::newRow("scaleDownOldReplicaSetsForRollingUpdate#2") << 10 << 2 << 8 << 10 << false << 10;
    QTest::newRow("scaleDownOldReplicaSetsForRollingUpdate#3") << 10 << 2 << 10 << 0 << false << 0;
    QTest::newRow("scaleDownOldReplicaSetsForRollingUpdate#4") << 10 << 2 << 1 << 10 << false << 10;
}

void TestWorkloadsRollout::scaleDownOldReplicaSets() {
    QFETCH(int, deploymentReplicas);
    QFETCH(int, maxUnavailable);
    QFETCH(int, readyPods);
    QFETCH(int, oldReplicas);
    QFETCH(bool, scaleExpected);
    QFETCH(int, expectedOldReplicas);
    const DeploymentParams d = rolling(deploymentReplicas, "0", QString::number(maxUnavailable));
    std::vector<RsCounts> old = {rs("foo-v2", oldReplicas, readyPods, SimTime::zero(), 1)};
    const RsCounts none = rs("none", 0, 0, SimTime::zero(), 2);
    const int scaled = scaleDownOldReplicaSetsForRollingUpdate(old, none, d, nullptr);
    QCOMPARE(scaled > 0, scaleExpected);
    QCOMPARE(old.front().specReplicas, expectedOldReplicas);
}

// kubernetes-behaviour.md §3.3: unhealthy replicas first, then healthy ones, oldest RS first.
void TestWorkloadsRollout::oldestReplicaSetScaledDownFirst() {
    const DeploymentParams d = rolling(10, "0", "3");
    std::vector<RsCounts> old = {rs("v2", 4, 3, SimTime::seconds(20), 2),
                                 rs("v1", 4, 4, SimTime::seconds(10), 1)};
    const RsCounts newRs = rs("v3", 2, 2, SimTime::seconds(30), 3);
    std::vector<RsScaleAction> scaled;
    // all 10 spec, minAvailable 7, new RS fully available ⇒ maxScaledDown 3; v2 has 1
    // unhealthy (cleanup), then available 9 > 7 lets 2 healthy go, from v1 (oldest).
    QCOMPARE(cnsim::reconcileOldReplicaSets(old, newRs, d, &scaled), 3);
    QCOMPARE(scaled.size(), std::size_t{2});
    QCOMPARE(scaled[0], (RsScaleAction{"v2", 4, 3}));
    QCOMPARE(scaled[1], (RsScaleAction{"v1", 4, 2}));
    QCOMPARE(qs(scalingEventMessage(scaled[1])),
             QStringLiteral("Scaled down replica set v1 from 4 to 2"));
}

// sync_test.go TestScale: deployments built with maxSurge 0 unless said; every RS carries
// the annotations the old deployment size stamped.
void TestWorkloadsRollout::proportionalScaling_data() {
    QTest::addColumn<int>("oldSize");
    QTest::addColumn<int>("oldSurge");
    QTest::addColumn<int>("newSize");
    QTest::addColumn<int>("newSurge");
    QTest::addColumn<QList<int>>("sizes"); // newest first; -1 first: no new RS
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("TestScale normal scaling event: 10 -> 12")
        << 10 << 0 << 12 << 0 << QList<int>{10} << QList<int>{12};
    QTest::newRow("TestScale normal scaling event: 10 -> 5")
        << 10 << 0 << 5 << 0 << QList<int>{10} << QList<int>{5};
    QTest::newRow("TestScale proportional scaling: 5 -> 10")
        << 5 << 0 << 10 << 0 << QList<int>{2, 3} << QList<int>{4, 6};
    QTest::newRow("TestScale proportional scaling: 5 -> 3")
        << 5 << 0 << 3 << 0 << QList<int>{2, 3} << QList<int>{1, 2};
    QTest::newRow("TestScale proportional scaling: 9 -> 4")
        << 9 << 0 << 4 << 0 << QList<int>{8, 1} << QList<int>{4, 0};
    QTest::newRow("TestScale proportional scaling: 7 -> 10")
        << 7 << 0 << 10 << 0 << QList<int>{2, 3, 2} << QList<int>{3, 4, 3};
    QTest::newRow("TestScale proportional scaling: 13 -> 8")
        << 13 << 0 << 8 << 0 << QList<int>{2, 8, 3} << QList<int>{1, 5, 2};
    QTest::newRow("TestScale leftover distribution: 3 -> 4")
        << 3 << 0 << 4 << 0 << QList<int>{1, 1, 1} << QList<int>{2, 1, 1};
    QTest::newRow("TestScale leftover distribution: 3 -> 2")
        << 3 << 0 << 2 << 0 << QList<int>{1, 1, 1} << QList<int>{1, 1, 0};
    QTest::newRow("TestScale proportional scaling (no new rs): 4 -> 5")
        << 4 << 0 << 5 << 0 << QList<int>{-1, 2, 2} << QList<int>{-1, 3, 2};
    QTest::newRow("TestScale proportional scaling: 6 -> 0")
        << 6 << 0 << 0 << 0 << QList<int>{3, 2, 1} << QList<int>{0, 0, 0};
    QTest::newRow("TestScale proportional scaling: 0 -> 6")
        << 6 << 0 << 6 << 0 << QList<int>{0, 0, 0} << QList<int>{6, 0, 0};
    QTest::newRow("TestScale deployment with surge pods")
        << 10 << 2 << 20 << 2 << QList<int>{6, 6} << QList<int>{11, 11};
    QTest::newRow("TestScale change both surge and size")
        << 10 << 3 << 50 << 6 << QList<int>{5, 8} << QList<int>{22, 34};
    QTest::newRow("TestScale change both size and template")
        << 10 << 0 << 14 << 0 << QList<int>{-1, 7, 3} << QList<int>{-1, 10, 4};
}

void TestWorkloadsRollout::proportionalScaling() {
    QFETCH(int, oldSize);
    QFETCH(int, oldSurge);
    QFETCH(int, newSize);
    QFETCH(int, newSurge);
    QFETCH(QList<int>, sizes);
    QFETCH(QList<int>, expected);
    const DeploymentParams before = rolling(oldSize, QString::number(oldSurge), "0");
    DeploymentSyncInput in;
    in.deployment = rolling(newSize, QString::number(newSurge), "0");
    in.previousStatus.replicas = oldSize;
    const int n = static_cast<int>(sizes.size());
    for (int i = 0; i < n; ++i) {
        const int size = sizes[i];
        if (size < 0) {
            continue;
        }
        // Newest first: the first RS was created last.
        RsCounts r =
            rs("foo-v" + std::to_string(n - i), size, size, SimTime::seconds(100 - i), n - i);
        stampReplicasAnnotations(r, before);
        if (i == 0) {
            in.newRs = r;
        } else {
            in.oldRss.push_back(r);
        }
    }
    const DeploymentSyncResult r = scaleDeployment(in);
    if (expected[0] >= 0) {
        QCOMPARE(r.newRs->specReplicas, expected[0]);
    }
    for (int i = 1; i < n; ++i) {
        QCOMPARE(r.oldRss[static_cast<std::size_t>(i - 1)].specReplicas, expected[i]);
    }
}

// sync_test.go TestDeploymentController_cleanupDeployment: (spec, status) replicas per RS.
void TestWorkloadsRollout::cleanupDeployment_data() {
    QTest::addColumn<QList<int>>("spec");
    QTest::addColumn<QList<int>>("status");
    QTest::addColumn<int>("limit"); // -1: unlimited
    QTest::addColumn<int>("expectedDeletions");
    QTest::newRow("cleanupDeployment#0") << QList<int>{0, 0, 0} << QList<int>{0, 0, 0} << 1 << 2;
    QTest::newRow("cleanupDeployment#1 only spec=status=0")
        << QList<int>{0, 0, 1, 1} << QList<int>{0, 1, 0, 1} << 0 << 1;
    QTest::newRow("cleanupDeployment#2") << QList<int>{0, 0} << QList<int>{0, 0} << 0 << 2;
    QTest::newRow("cleanupDeployment#3") << QList<int>{1, 1} << QList<int>{1, 1} << 0 << 0;
    QTest::newRow("cleanupDeployment#5 unlimited")
        << QList<int>{0, 0, 0} << QList<int>{0, 0, 0} << -1 << 0;
}

void TestWorkloadsRollout::cleanupDeployment() {
    QFETCH(QList<int>, spec);
    QFETCH(QList<int>, status);
    QFETCH(int, limit);
    QFETCH(int, expectedDeletions);
    std::vector<RsCounts> old;
    for (int i = 0; i < spec.size(); ++i) {
        RsCounts r = rs("foo-" + std::to_string(i + 1), spec[i], 0, SimTime::seconds(i), i + 1);
        r.replicas = status[i];
        old.push_back(r);
    }
    const std::optional<int> l = limit < 0 ? std::nullopt : std::optional<int>(limit);
    QCOMPARE(static_cast<int>(historyToDelete(old, l).size()), expectedDeletions);
}

namespace {

// A tiny world for whole rollouts: every pod the ReplicaSets ask for exists at once, and a
// pod of a "good" RS is available at the next sync.
struct World {
    DeploymentSyncInput in;
    std::vector<std::string> messages;
    std::vector<RsScaleAction> scaled;

    void sync(bool newPodsBecomeAvailable) {
        const DeploymentSyncResult r = syncDeployment(in);
        scaled.insert(scaled.end(), r.scaled.begin(), r.scaled.end());
        in.oldRss = r.oldRss;
        in.newRs = r.newRs;
        in.previousStatus = r.status;
        messages.push_back(rolloutStatusMessage(in.deployment, r.status).text);
        // The ReplicaSet controller and kubelets act before the next sync.
        for (RsCounts& old : in.oldRss) {
            old.replicas = old.specReplicas;
            old.readyReplicas = std::min(old.readyReplicas, old.specReplicas);
            old.availableReplicas = std::min(old.availableReplicas, old.specReplicas);
        }
        in.newRs->replicas = in.newRs->specReplicas;
        if (newPodsBecomeAvailable) {
            in.newRs->readyReplicas = in.newRs->specReplicas;
            in.newRs->availableReplicas = in.newRs->specReplicas;
        }
        in.now += SimTime::seconds(10);
    }
};

World steadyWorld(int replicas) {
    World w;
    w.in.deployment = rolling(replicas, "25%", "25%");
    w.in.deployment.name = "web";
    RsCounts v1 = rs("web-v1", replicas, replicas, SimTime::zero(), 1);
    stampReplicasAnnotations(v1, w.in.deployment);
    w.in.oldRss = {v1};
    w.in.newRsName = "web-v2";
    w.in.now = SimTime::minutes(1);
    w.in.previousStatus.replicas = replicas;
    w.in.previousStatus.updatedReplicas = replicas;
    w.in.previousStatus.availableReplicas = replicas;
    w.in.previousStatus.readyReplicas = replicas;
    return w;
}

} // namespace

void TestWorkloadsRollout::rollingUpdateToCompletion() {
    World w = steadyWorld(4); // surge 1, unavailable 1
    for (int i = 0; i < 8; ++i) {
        w.sync(true);
    }
    QCOMPARE(w.in.newRs->specReplicas, 4);
    QCOMPARE(w.in.newRs->revision, 2);
    QCOMPARE(w.in.oldRss.front().specReplicas, 0);
    // Created with 1 (4 + 1 surge − 4), and at most 5 pods / at least 3 available throughout.
    QCOMPARE(w.scaled.front(), (RsScaleAction{"web-v2", 0, 1}));
    QCOMPARE(qs(w.messages.front()),
             QStringLiteral("Waiting for deployment \"web\" rollout to finish: "
                            "0 out of 4 new replicas have been updated..."));
    QVERIFY(std::find(w.messages.begin(), w.messages.end(),
                      "Waiting for deployment \"web\" rollout to finish: 2 out of 4 new replicas "
                      "have been updated...") != w.messages.end());
    QCOMPARE(qs(w.messages.back()), QStringLiteral("deployment \"web\" successfully rolled out"));
    QCOMPARE(w.in.previousStatus.progressing->reason,
             DeploymentConditionReason::NewReplicaSetAvailable);
    QCOMPARE(qs(w.in.previousStatus.progressing->message),
             QStringLiteral("ReplicaSet \"web-v2\" has successfully progressed."));
    QCOMPARE(w.in.previousStatus.available->reason,
             DeploymentConditionReason::MinimumReplicasAvailable);
}

// kubernetes-behaviour.md §3.3 / §7.8: new pods that never become available freeze the
// rollout with maxUnavailable still honoured, and the deadline marks it failed.
void TestWorkloadsRollout::rolloutFreezesWhenNewPodsNeverBecomeAvailable() {
    World w = steadyWorld(4);
    w.in.deployment.progressDeadlineSeconds = 60;
    for (int i = 0; i < 12; ++i) {
        w.sync(false);
    }
    // 1 surge pod, 1 old pod removed (maxUnavailable 1), then nothing more: 3 old + 2 new.
    QCOMPARE(w.in.oldRss.front().specReplicas, 3);
    QCOMPARE(w.in.newRs->specReplicas, 2);
    QCOMPARE(w.in.previousStatus.availableReplicas, 3);
    QCOMPARE(w.in.previousStatus.progressing->status, ConditionStatus::False);
    QCOMPARE(w.in.previousStatus.progressing->reason,
             DeploymentConditionReason::ProgressDeadlineExceeded);
    const RolloutStatusMessage m = rolloutStatusMessage(w.in.deployment, w.in.previousStatus);
    QVERIFY(m.isError);
    QCOMPARE(qs(m.text),
             QStringLiteral("error: deployment \"web\" exceeded its progress deadline"));
    // Still Available: 3 ≥ 4 − 1.
    QCOMPARE(w.in.previousStatus.available->status, ConditionStatus::True);
}

void TestWorkloadsRollout::recreateWaitsForOldPods() {
    DeploymentSyncInput in;
    in.deployment = rolling(3, "", "");
    in.deployment.strategy = DeploymentStrategyType::Recreate;
    in.oldRss = {rs("web-v1", 3, 3, SimTime::zero(), 1)};
    in.newRsName = "web-v2";
    DeploymentSyncResult r = syncDeployment(in);
    QVERIFY(!r.newRs);
    QCOMPARE(r.oldRss.front().specReplicas, 0);
    // The old ReplicaSet still reports pods: nothing new yet.
    in.oldRss = r.oldRss;
    r = syncDeployment(in);
    QVERIFY(!r.newRs);
    QVERIFY(r.scaled.empty());
    // Pods gone but one still not terminated (terminating): still waiting.
    in.oldRss.front().replicas = 0;
    in.oldPodsNotTerminated = 1;
    r = syncDeployment(in);
    QVERIFY(!r.newRs);
    in.oldPodsNotTerminated = 0;
    r = syncDeployment(in);
    QVERIFY(r.createdNewRs);
    QCOMPARE(r.newRs->specReplicas, 3);
    QCOMPARE(r.newRs->revision, 2);
    QCOMPARE(r.scaled.back(), (RsScaleAction{"web-v2", 0, 3}));
}

// kubectl rollback.go deploymentRevision, and the controller moving the restored template
// to a new revision.
void TestWorkloadsRollout::rollbackChoosesRevision() {
    const std::vector<RsCounts> all = {rs("web-a", 0, 0, SimTime::seconds(1), 1),
                                       rs("web-b", 0, 0, SimTime::seconds(2), 2),
                                       rs("web-c", 4, 4, SimTime::seconds(3), 3)};
    QCOMPARE(qs(rollbackTarget("web", all, 0).rs->name), QStringLiteral("web-b"));
    QCOMPARE(qs(rollbackTarget("web", all, 1).rs->name), QStringLiteral("web-a"));
    QCOMPARE(qs(rollbackTarget("web", all, 7).error),
             QStringLiteral("unable to find specified revision 7 in history"));
    QCOMPARE(qs(rollbackTarget("web", {all[2]}, 0).error),
             QStringLiteral("no rollout history found for deployment \"web\""));
    // Rolling back to web-b makes it the new RS again, with revision 4.
    DeploymentSyncInput in;
    in.deployment = rolling(4, "25%", "25%");
    in.oldRss = {all[0], all[2]};
    in.newRs = all[1];
    const DeploymentSyncResult r = syncDeployment(in);
    QCOMPARE(r.newRs->revision, 4);
    QVERIFY(!r.createdNewRs);
    QCOMPARE(r.newRs->specReplicas, 1); // 4 + 1 surge − 4 existing
}

void TestWorkloadsRollout::defaultsFromSpec() {
    DeploymentSpec spec;
    spec.name = "web";
    spec.replicas = 3;
    const DeploymentParams d = DeploymentParams::fromSpec(spec);
    QCOMPARE(d.progressDeadlineSeconds.value_or(0), 600);
    QCOMPARE(d.revisionHistoryLimit.value_or(0), 10);
    QCOMPARE(d.minReadySeconds, 0);
    QVERIFY(d.maxSurge == (IntOrPercent{25, true}));
    spec.strategy =
        DeploymentStrategy{DeploymentStrategyType::Recreate, std::nullopt, std::nullopt};
    QVERIFY(!DeploymentParams::fromSpec(spec).maxSurge);
}

QTEST_GUILESS_MAIN(TestWorkloadsRollout)
#include "test_workloads_rollout.moc"
