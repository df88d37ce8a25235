// Node lifecycle timing and taint-based eviction (pkg/controller/nodelifecycle,
// pkg/controller/tainteviction and their tests; admission defaulttolerationseconds).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "control/workloads/nodelifecycle.h"
#include "control/workloads/tainteviction.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

Taint noExecute(std::string_view key) {
    return Taint{std::string(key), "", TaintEffect::NoExecute};
}

Toleration tolerate(const std::string& key, std::optional<std::int64_t> seconds) {
    Toleration t;
    t.key = key;
    t.op = TolerationOperator::Exists;
    t.effect = TaintEffect::NoExecute;
    t.tolerationSeconds = seconds;
    return t;
}

} // namespace

class TestWorkloadsNodeLifecycle : public QObject {
    Q_OBJECT

private slots:
    void readyAfterGracePeriod_data();
    void readyAfterGracePeriod();
    void conditionTaints();
    void zoneState_data();
    void zoneState();
    void zoneRates();
    void rateLimiter();
    void minTolerationTime_data();
    void minTolerationTime();
    void defaultTolerations();
    void rescheduledEvictionKeepsStart();
    void failoverTiming();
};

// node_lifecycle_controller.go tryUpdateNodeHealth: Unknown strictly after the grace period.
void TestWorkloadsNodeLifecycle::readyAfterGracePeriod_data() {
    QTest::addColumn<int>("silentFor");
    QTest::addColumn<bool>("everReady");
    QTest::addColumn<int>("expected");
    QTest::newRow("49 s silent") << 49 << true << int(NodeReady::True);
    QTest::newRow("exactly 50 s: not yet") << 50 << true << int(NodeReady::True);
    QTest::newRow("51 s") << 51 << true << int(NodeReady::Unknown);
    QTest::newRow("new node: 60 s startup grace") << 55 << false << int(NodeReady::True);
    QTest::newRow("new node: after 60 s") << 61 << false << int(NodeReady::Unknown);
}

void TestWorkloadsNodeLifecycle::readyAfterGracePeriod() {
    QFETCH(int, silentFor);
    QFETCH(bool, everReady);
    QFETCH(int, expected);
    const SimTime hb = SimTime::seconds(100);
    QCOMPARE(int(observedNodeReady(hb, true, everReady, hb + SimTime::seconds(silentFor))),
             expected);
}

// doNoScheduleTaintingPass / doNoExecuteTaintingPass.
void TestWorkloadsNodeLifecycle::conditionTaints() {
    QVERIFY(nodeConditionTaints(NodeReady::True, false).empty());
    const std::vector<Taint> unknown = nodeConditionTaints(NodeReady::Unknown, false);
    QCOMPARE(unknown.size(), std::size_t{2});
    QCOMPARE(QString::fromStdString(unknown[1].key),
             QStringLiteral("node.kubernetes.io/unreachable"));
    QCOMPARE(unknown[1].effect, TaintEffect::NoExecute);
    const std::vector<Taint> notReady = nodeConditionTaints(NodeReady::False, true);
    QCOMPARE(notReady.size(), std::size_t{3});
    QCOMPARE(QString::fromStdString(notReady[0].key),
             QStringLiteral("node.kubernetes.io/not-ready"));
    QCOMPARE(QString::fromStdString(notReady[2].key),
             QStringLiteral("node.kubernetes.io/unschedulable"));
}

// node_lifecycle_controller_test.go TestMonitorNodeHealthEvictPodsWithDisruption zone states.
void TestWorkloadsNodeLifecycle::zoneState_data() {
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("notReady");
    QTest::addColumn<int>("state");
    QTest::newRow("all ready") << 5 << 0 << int(ZoneState::Normal);
    QTest::newRow("none ready") << 0 << 2 << int(ZoneState::FullDisruption);
    QTest::newRow("2 of 3 not ready: needs more than 2") << 1 << 2 << int(ZoneState::Normal);
    QTest::newRow("3 of 5 not ready (60%)") << 2 << 3 << int(ZoneState::PartialDisruption);
    QTest::newRow("3 of 6 not ready (50%)") << 3 << 3 << int(ZoneState::Normal);
}

void TestWorkloadsNodeLifecycle::zoneState() {
    QFETCH(int, ready);
    QFETCH(int, notReady);
    QFETCH(int, state);
    QCOMPARE(int(computeZoneState(ready, notReady)), state);
}

// setLimiterInZone with ReducedQPSFunc / HealthyQPSFunc; handleDisruption's all-zones stop.
void TestWorkloadsNodeLifecycle::zoneRates() {
    QCOMPARE(zoneEvictionRate(ZoneState::Normal, 10, false), 0.1);
    QCOMPARE(zoneEvictionRate(ZoneState::FullDisruption, 10, false), 0.1);
    QCOMPARE(zoneEvictionRate(ZoneState::PartialDisruption, 10, false), 0.0);
    QCOMPARE(zoneEvictionRate(ZoneState::PartialDisruption, 51, false), 0.01);
    QCOMPARE(zoneEvictionRate(ZoneState::FullDisruption, 10, true), 0.0);
}

// rate_limited_queue.go with burst 1: one node per 10 s at 0.1/s; SwapLimiter drains.
void TestWorkloadsNodeLifecycle::rateLimiter() {
    EvictionRateLimiter l(0.1, SimTime::zero());
    QVERIFY(l.tryAccept(SimTime::zero()));
    QVERIFY(!l.tryAccept(SimTime::seconds(5)));
    QCOMPARE(l.nextTokenAt(SimTime::seconds(5)).value(), SimTime::seconds(10));
    QVERIFY(l.tryAccept(SimTime::seconds(10)));
    l.swap(0.01, SimTime::seconds(11)); // old bucket empty ⇒ new one starts empty
    QVERIFY(!l.tryAccept(SimTime::seconds(50)));
    QVERIFY(l.tryAccept(SimTime::seconds(111)));
    EvictionRateLimiter never(0.0);
    QVERIFY(!never.tryAccept(SimTime::hours(1)));
    QVERIFY(!never.nextTokenAt(SimTime::zero()));
}

// taint_eviction_test.go TestGetMinTolerationTime and processPodOnNode's rules.
void TestWorkloadsNodeLifecycle::minTolerationTime_data() {
    QTest::addColumn<QList<int>>("seconds"); // per toleration; -1: no tolerationSeconds
    QTest::addColumn<int>("deadline");       // -1: never
    QTest::newRow("no toleration: evict now") << QList<int>{} << 0;
    QTest::newRow("tolerationSeconds 0: now") << QList<int>{0} << 0;
    QTest::newRow("negative tolerationSeconds: now") << QList<int>{-5} << 0;
    QTest::newRow("no tolerationSeconds: never") << QList<int>{-1} << -1;
    QTest::newRow("300 s") << QList<int>{300} << 300;
}

void TestWorkloadsNodeLifecycle::minTolerationTime() {
    QFETCH(QList<int>, seconds);
    QFETCH(int, deadline);
    std::vector<Toleration> tolerations;
    for (int s : seconds) {
        tolerations.push_back(tolerate(std::string(k8s::kTaintUnreachable),
                                       s == -1 ? std::nullopt : std::optional<std::int64_t>(s)));
    }
    const SimTime now = SimTime::seconds(1000);
    const EvictionDeadline d =
        evictionDeadline(tolerations, {noExecute(k8s::kTaintUnreachable)}, now);
    if (deadline < 0) {
        QVERIFY(!d.at);
    } else {
        QCOMPARE(d.at.value(), now + SimTime::seconds(deadline));
    }
}

// defaulttolerationseconds admission_test.go: added only where the pod does not tolerate.
void TestWorkloadsNodeLifecycle::defaultTolerations() {
    QCOMPARE(withDefaultTolerations({}).size(), std::size_t{2});
    QCOMPARE(withDefaultTolerations({tolerate(std::string(k8s::kTaintNotReady), 60)}).size(),
             std::size_t{2});
    Toleration everything;
    everything.op = TolerationOperator::Exists;
    QCOMPARE(withDefaultTolerations({everything}).size(), std::size_t{1});
    const std::vector<Toleration> t = withDefaultTolerations({});
    QCOMPARE(t[1].tolerationSeconds.value(), std::int64_t{300});
    // A NoSchedule-only toleration does not count.
    Toleration noSchedule = tolerate(std::string(k8s::kTaintUnreachable), std::nullopt);
    noSchedule.effect = TaintEffect::NoSchedule;
    QCOMPARE(withDefaultTolerations({noSchedule}).size(), std::size_t{3});
}

// taint_eviction.go processPodOnNode: an eviction already scheduled earlier stays as it was.
void TestWorkloadsNodeLifecycle::rescheduledEvictionKeepsStart() {
    const std::vector<Toleration> t = withDefaultTolerations({});
    const EvictionDeadline first =
        evictionDeadline(t, {noExecute(k8s::kTaintUnreachable)}, SimTime::seconds(100));
    QCOMPARE(first.at.value(), SimTime::seconds(400));
    // Node goes from unreachable to not-ready: both tolerated for 300 s; original kept.
    const EvictionDeadline second =
        evictionDeadline(t, {noExecute(k8s::kTaintNotReady)}, SimTime::seconds(200), first);
    QCOMPARE(second.at.value(), SimTime::seconds(400));
}

// kubernetes-behaviour.md §4: a node whose kubelet dies is noticed after ≈ 50 s (the next
// 5 s monitor pass), tainted unreachable:NoExecute, and its pods deleted 300 s later.
void TestWorkloadsNodeLifecycle::failoverTiming() {
    const SimTime controllerStart = SimTime::seconds(3);
    const SimTime lastHeartbeat = SimTime::seconds(100);
    const SimTime observed = notReadyObservedAt(lastHeartbeat, controllerStart);
    QCOMPARE(observed, SimTime::seconds(153)); // first pass after 150 s: 153 (3 + 30 × 5)
    QCOMPARE(observedNodeReady(lastHeartbeat, true, true, observed), NodeReady::Unknown);
    EvictionRateLimiter zone(zoneEvictionRate(ZoneState::Normal, 3, false), SimTime::zero());
    QVERIFY(zone.tryAccept(observed));
    const EvictionDeadline d = evictionDeadline(
        withDefaultTolerations({}), nodeConditionTaints(NodeReady::Unknown, false), observed);
    const SimTime failover = d.at.value() - lastHeartbeat;
    QCOMPARE(failover, SimTime::seconds(353));
    QVERIFY(failover >= SimTime::seconds(350) && failover <= SimTime::seconds(355));
}

QTEST_GUILESS_MAIN(TestWorkloadsNodeLifecycle)
#include "test_workloads_nodelifecycle.moc"
