// The thin model's cluster behaviour: scheduling, start-up, replacement of lost pods,
// scaling, node failure and recovery, and the scheduler's explanations.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "model/scheduler.h"
#include "model/simulation.h"
#include "scenariotext.h"

#include <algorithm>
#include <map>
#endif

using namespace cnsim;

namespace {

int countPhase(const ClusterSnapshot& snap, PodPhase phase) {
    return static_cast<int>(std::count_if(snap.pods.begin(), snap.pods.end(),
                                          [&](const PodState& p) { return p.phase == phase; }));
}

const ClusterEvent* lastEvent(const Simulation& sim, EventReason reason) {
    const auto& events = sim.events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->reason == reason) {
            return &*it;
        }
    }
    return nullptr;
}

} // namespace

class TestClusterBehaviour : public QObject {
    Q_OBJECT

private slots:
    void podsStartAfterStartupTime();
    void schedulerRespectsCapacity();
    void unschedulableReasonInUpstreamWords();
    void leastAllocatedScore_data();
    void leastAllocatedScore();
    void deletedPodIsReplaced();
    void nodeFailureMovesPods();
    void recoveredNodeTakesPendingPods();
    void scaleUpAndDown();
    void badActionsAreRejected();
};

void TestClusterBehaviour::podsStartAfterStartupTime() {
    Simulation sim(test::loadScenarioText(test::webScenario(3, "4", 4, "500m", 0)));
    sim.advanceTo(SimTime::milliseconds(2999));
    ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Starting), 4);
    QCOMPARE(countPhase(snap, PodPhase::Running), 0);
    sim.advanceTo(SimTime::seconds(3));
    snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 4);
    for (const PodState& pod : snap.pods) {
        QVERIFY(!pod.node.empty());
        QVERIFY(QString::fromStdString(pod.name).startsWith(QLatin1String("web-")));
    }
}

void TestClusterBehaviour::schedulerRespectsCapacity() {
    // 2 nodes of 2 cores, pods of 1 core: 4 fit, the 5th and 6th stay Pending.
    Simulation sim(test::loadScenarioText(test::webScenario(2, "2", 6, "1", 0)));
    sim.advanceTo(SimTime::seconds(10));
    const ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 4);
    QCOMPARE(countPhase(snap, PodPhase::Pending), 2);
    for (const NodeState& node : snap.nodes) {
        QVERIFY(node.cpuRequested <= node.cpuCapacity);
        QCOMPARE(node.podCount, 2);
    }
}

void TestClusterBehaviour::unschedulableReasonInUpstreamWords() {
    Simulation sim(test::loadScenarioText(test::webScenario(3, "1", 1, "2", 0)));
    sim.advanceTo(SimTime::seconds(1));
    const ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(snap.pods.size(), std::size_t{1});
    // pkg/scheduler/schedule_one.go FitError: "0/N nodes are available: <count> <reason>."
    QCOMPARE(snap.pods[0].pendingReason,
             std::string("0/3 nodes are available: 3 Insufficient cpu."));
    const ClusterEvent* failed = lastEvent(sim, EventReason::FailedScheduling);
    QVERIFY(failed != nullptr);
    QCOMPARE(componentName(failed->component), std::string_view("kube-scheduler"));

    // A failed node carries the unreachable taint and is reported before resources.
    Simulation tainted(test::loadScenarioText(test::webScenario(2, "1", 1, "2", 0)));
    QVERIFY(tainted.apply(FailNodeAction{"node-1"}).ok);
    tainted.advanceTo(SimTime::seconds(1));
    QCOMPARE(tainted.snapshot().pods[0].pendingReason,
             std::string("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated "
                         "taint {node.kubernetes.io/unreachable: }."));
}

void TestClusterBehaviour::leastAllocatedScore_data() {
    QTest::addColumn<qint64>("nodeCpu");
    QTest::addColumn<qint64>("nodeMemory");
    QTest::addColumn<qint64>("podCpu");
    QTest::addColumn<qint64>("podMemory");
    QTest::addColumn<qint64>("expected");
    // pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go,
    // "nothing scheduled, resources requested, differently sized nodes":
    // cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50 → 37; and 50 on the
    // 6000m node.
    QTest::newRow("upstream node1")
        << qint64(4000) << qint64(10000) << qint64(3000) << qint64(5000) << qint64(37);
    QTest::newRow("upstream node2")
        << qint64(6000) << qint64(10000) << qint64(3000) << qint64(5000) << qint64(50);
    // An over-committed resource scores 0, not negative: cpu 0, memory (1024-512)*100/1024 = 50.
    QTest::newRow("overcommitted cpu")
        << qint64(1000) << qint64(1024) << qint64(2000) << qint64(512) << qint64(25);
    // A request-less pod counts as 100m / 200Mi for scoring (util/pod_resources.go):
    // cpu (1000-100)*100/1000 = 90, memory (1000Mi-200Mi)*100/1000Mi = 80 → 85.
    QTest::newRow("request-less defaults")
        << qint64(1000) << qint64(1000LL * 1024 * 1024) << qint64(0) << qint64(0) << qint64(85);
}

void TestClusterBehaviour::leastAllocatedScore() {
    QFETCH(qint64, nodeCpu);
    QFETCH(qint64, nodeMemory);
    QFETCH(qint64, podCpu);
    QFETCH(qint64, podMemory);
    QFETCH(qint64, expected);
    NodeRuntime node;
    node.spec.cpu = CpuMillis{nodeCpu};
    node.spec.memory = Bytes{nodeMemory};
    PodRuntime pod;
    pod.cpuRequest = CpuMillis{podCpu};
    pod.memoryRequest = Bytes{podMemory};
    QCOMPARE(Scheduler::leastAllocatedScore(node, pod), expected);
}

void TestClusterBehaviour::deletedPodIsReplaced() {
    Simulation sim(test::loadScenarioText(test::webScenario(3, "4", 3, "500m", 0)));
    sim.advanceTo(SimTime::seconds(5));
    const std::string victim = sim.snapshot().pods.front().name;
    QVERIFY(sim.apply(DeletePodAction{victim}).ok);
    ClusterSnapshot snap = sim.snapshot();
    const auto deleted = std::find_if(snap.pods.begin(), snap.pods.end(),
                                      [&](const PodState& p) { return p.name == victim; });
    QVERIFY(deleted != snap.pods.end());
    QCOMPARE(deleted->phase, PodPhase::Terminating);
    QCOMPARE(countPhase(snap, PodPhase::Starting), 1); // the replacement, already bound
    sim.advanceTo(SimTime::seconds(10));
    snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 3);
    QVERIFY(std::none_of(snap.pods.begin(), snap.pods.end(),
                         [&](const PodState& p) { return p.name == victim; }));
    QCOMPARE(sim.summary().deployments[0].podsCreated, 4);
}

void TestClusterBehaviour::nodeFailureMovesPods() {
    Simulation sim(test::loadScenarioText(test::webScenario(3, "4", 6, "500m", 50)));
    sim.advanceTo(SimTime::seconds(30));
    std::map<std::string, int> before;
    for (const PodState& p : sim.snapshot().pods) {
        ++before[p.node];
    }
    QVERIFY(before["node-2"] > 0);
    QVERIFY(sim.apply(FailNodeAction{"node-2"}).ok);
    ClusterSnapshot snap = sim.snapshot();
    QVERIFY(!snap.nodes[1].ready);
    QCOMPARE(snap.nodes[1].podCount, 0);
    QCOMPARE(static_cast<int>(snap.pods.size()), 6);
    for (const PodState& p : snap.pods) {
        QVERIFY(p.node != "node-2");
    }
    sim.advanceTo(SimTime::seconds(40));
    QCOMPARE(countPhase(sim.snapshot(), PodPhase::Running), 6);
    const ClusterEvent* lost = lastEvent(sim, EventReason::PodLost);
    QVERIFY(lost != nullptr);
    QCOMPARE(lost->arg("node"), std::string_view("node-2"));
}

void TestClusterBehaviour::recoveredNodeTakesPendingPods() {
    // One node of 1 core holds one 1-core pod; the second pod waits until node-2 returns.
    Simulation sim(test::loadScenarioText(test::webScenario(2, "1", 2, "1", 0)));
    QVERIFY(sim.apply(FailNodeAction{"node-2"}).ok);
    sim.advanceTo(SimTime::seconds(10));
    QCOMPARE(countPhase(sim.snapshot(), PodPhase::Pending), 1);
    QVERIFY(sim.apply(RecoverNodeAction{"node-2"}).ok);
    sim.advanceTo(SimTime::seconds(20));
    const ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 2);
    QCOMPARE(snap.nodes[1].podCount, 1);
}

void TestClusterBehaviour::scaleUpAndDown() {
    Simulation sim(test::loadScenarioText(test::webScenario(3, "4", 2, "500m", 0)));
    sim.advanceTo(SimTime::seconds(10));
    QVERIFY(sim.apply(ScaleDeploymentAction{"web", 5}).ok);
    sim.advanceTo(SimTime::seconds(20));
    QCOMPARE(countPhase(sim.snapshot(), PodPhase::Running), 5);
    QVERIFY(sim.apply(ScaleDeploymentAction{"web", 1}).ok);
    QCOMPARE(countPhase(sim.snapshot(), PodPhase::Terminating), 4);
    sim.advanceTo(SimTime::seconds(30));
    const ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(snap.pods.size(), std::size_t{1});
    QCOMPARE(snap.deployments[0].desiredReplicas, 1);
    // The survivor is the oldest pod: the newest go first (controller_utils.go ActivePods).
    QCOMPARE(snap.pods[0].createdAt, SimTime::zero());
}

void TestClusterBehaviour::badActionsAreRejected() {
    Simulation sim(test::loadScenarioText(test::webScenario(1, "4", 1, "500m", 0)));
    ActionResult r = sim.apply(FailNodeAction{"node-9"});
    QVERIFY(!r.ok);
    QCOMPARE(r.code, std::string("unknown-node"));
    r = sim.apply(ScaleDeploymentAction{"web", 1000000});
    QVERIFY(!r.ok);
    QCOMPARE(r.code, std::string("replicas-out-of-range"));
    r = sim.apply(ScaleDeploymentAction{"web", -1});
    QVERIFY(!r.ok);
    r = sim.apply(DeletePodAction{"nope"});
    QCOMPARE(r.code, std::string("unknown-pod"));
    QVERIFY(sim.events().size() == 0 || sim.events().back().component != Component::User);
}

QTEST_GUILESS_MAIN(TestClusterBehaviour)
#include "test_cluster_behaviour.moc"
