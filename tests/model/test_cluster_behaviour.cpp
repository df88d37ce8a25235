// The thin model's cluster behaviour: scheduling, start-up, replacement of lost pods,
// scaling, node failure and recovery, and the scheduler's explanations.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
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

    // A failed node, once the controller notices (after the 50 s grace period), carries the
    // unreachable taint; TaintToleration runs before NodeResourcesFit.
    Simulation tainted(test::loadScenarioText(test::webScenario(2, "1", 1, "2", 0)));
    QVERIFY(tainted.apply(FailNodeAction{"node-1"}).ok);
    tainted.advanceTo(SimTime::seconds(60));
    QCOMPARE(tainted.snapshot().pods[0].pendingReason,
             std::string("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated "
                         "taint {node.kubernetes.io/unreachable: }."));
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
    // Upstream timing (pkg/controller/nodelifecycle defaults, admission
    // DefaultTolerationSeconds): the kubelet renews its lease every 10 s; the controller checks
    // every 5 s and marks a node silent for more than 50 s NotReady with the unreachable
    // NoExecute taint; pods tolerate it for 300 s and are then evicted and replaced.
    Simulation sim(test::loadScenarioText(test::webScenario(3, "4", 6, "500m", 50, "10m")));
    sim.advanceTo(SimTime::seconds(30));
    int onNode2 = 0;
    for (const PodState& p : sim.snapshot().pods) {
        onNode2 += p.node == "node-2" ? 1 : 0;
    }
    QVERIFY(onNode2 > 0);
    QVERIFY(sim.apply(FailNodeAction{"node-2"}).ok); // last lease renewal was at 30 s

    ClusterSnapshot snap = sim.snapshot();
    QVERIFY(!snap.nodes[1].up);
    QVERIFY(snap.nodes[1].ready); // the control plane has not noticed yet

    sim.advanceTo(SimTime::seconds(90)); // silent for more than 50 s: seen at the 85 s check
    snap = sim.snapshot();
    QVERIFY(!snap.nodes[1].ready);
    const ClusterEvent* notReady = lastEvent(sim, EventReason::NodeNotReady);
    QVERIFY(notReady != nullptr);
    QCOMPARE(notReady->time, SimTime::seconds(85));
    for (const PodState& p : snap.pods) {
        QVERIFY(p.node != "node-2" || !p.ready);
    }
    QCOMPARE(static_cast<int>(snap.pods.size()), 6); // nothing replaced yet

    sim.advanceTo(SimTime::seconds(400)); // eviction at 85 + 300 s, replacements start
    const ClusterEvent* evicted = lastEvent(sim, EventReason::TaintManagerEviction);
    QVERIFY(evicted != nullptr);
    QCOMPARE(evicted->time, SimTime::seconds(385));
    QCOMPARE(evicted->arg("node"), std::string_view("node-2"));
    snap = sim.snapshot();
    int running = 0;
    int terminatingOnNode2 = 0;
    for (const PodState& p : snap.pods) {
        running += p.phase == PodPhase::Running ? 1 : 0;
        QVERIFY(p.phase != PodPhase::Running || p.node != "node-2");
        // The dead node cannot confirm the deletion: its pods stay Terminating.
        terminatingOnNode2 += p.node == "node-2" && p.phase == PodPhase::Terminating ? 1 : 0;
    }
    QCOMPARE(running, 6);
    QCOMPARE(terminatingOnNode2, onNode2);
}

void TestClusterBehaviour::recoveredNodeTakesPendingPods() {
    // Two nodes of 1 core and two 1-core pods. node-2 crashes before its pod starts: the
    // pod is stuck until eviction, its replacement cannot fit on node-1, and only the
    // recovered node-2 can take it.
    Simulation sim(test::loadScenarioText(test::webScenario(2, "1", 2, "1", 0, "10m")));
    QVERIFY(sim.apply(FailNodeAction{"node-2"}).ok);
    sim.advanceTo(SimTime::seconds(400)); // NotReady at 55 s, evicted at 355 s
    ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 1);
    QCOMPARE(countPhase(snap, PodPhase::Pending), 1);
    QVERIFY(sim.apply(RecoverNodeAction{"node-2"}).ok);
    sim.advanceTo(SimTime::seconds(420));
    snap = sim.snapshot();
    QCOMPARE(countPhase(snap, PodPhase::Running), 2);
    QCOMPARE(snap.nodes[1].podCount, 1); // the evicted pod is gone, the new one runs there
    QVERIFY(snap.nodes[1].ready);
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
