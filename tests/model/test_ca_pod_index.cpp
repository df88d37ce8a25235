// CaPodIndex, the cluster autoscaler's view of the pods kept from watch events: each event
// must leave it as a full scan of the pods table would (core/static_autoscaler.go RunOnce lists
// unschedulable pods and each node's pods from the informer cache) — a pod that is bound,
// moves into termination or is removed leaves the lists it was on, and every node whose pods
// changed is reported once.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "cluster/apiserver.h"
#include "model/capodindex.h"

#include <set>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

PodObject pendingPod(const std::string& name) {
    PodObject pod;
    pod.meta.name = name;
    pod.meta.nameSpace = "default";
    setCondition(pod.conditions, "PodScheduled", ConditionStatus::False, SimTime::zero(),
                 "Unschedulable", "0/1 nodes are available");
    return pod;
}

std::string keyOf(const PodObject& pod) {
    return ObjectTable<PodObject>::key(pod.meta.nameSpace, pod.meta.name);
}

std::vector<std::string> names(const CaPodIndex::Pods& pods) {
    std::vector<std::string> out;
    for (const auto& [key, pod] : pods) {
        out.push_back(pod->meta.name);
    }
    return out;
}

using Names = std::vector<std::string>;
using NodeSet = std::set<std::string>;

} // namespace

class TestCaPodIndex : public QObject {
    Q_OBJECT

private slots:
    void followsPodLifecycle();
    void waitingForFirstAttemptIsNotUnschedulable();
};

void TestCaPodIndex::followsPodLifecycle() {
    CaPodIndex index;
    PodObject a = pendingPod("a");
    PodObject b = pendingPod("b");
    index.podChanged(keyOf(b), &b);
    index.podChanged(keyOf(a), &a);
    QCOMPARE(names(index.unschedulable()), (Names{"a", "b"})); // the pods table's order
    QCOMPARE(index.takeChangedNodes(), NodeSet{});

    // Bound: off the unschedulable list, onto its node.
    a.nodeName = "node-1";
    setCondition(a.conditions, "PodScheduled", ConditionStatus::True, SimTime::seconds(1));
    index.podChanged(keyOf(a), &a);
    QCOMPARE(names(index.unschedulable()), (Names{"b"}));
    QCOMPARE(names(index.podsOn("node-1")), (Names{"a"}));
    QCOMPARE(index.takeChangedNodes(), NodeSet{"node-1"});
    QCOMPARE(index.takeChangedNodes(), NodeSet{});

    // A status change on the node: the node's view must be made again.
    a.phase = PodPhaseK8s::Running;
    index.podChanged(keyOf(a), &a);
    QCOMPARE(index.takeChangedNodes(), NodeSet{"node-1"});

    // Terminating: it needs no new home, so it leaves the node's list.
    a.meta.deletionTimestamp = SimTime::seconds(5);
    index.podChanged(keyOf(a), &a);
    QVERIFY(index.podsOn("node-1").empty());
    QCOMPARE(index.takeChangedNodes(), NodeSet{"node-1"});

    // Removed: gone from every list.
    index.podChanged(keyOf(b), nullptr);
    index.podChanged(keyOf(a), nullptr);
    QVERIFY(index.unschedulable().empty());
    QCOMPARE(index.takeChangedNodes(), NodeSet{});
}

void TestCaPodIndex::waitingForFirstAttemptIsNotUnschedulable() {
    // A pod the scheduler has not tried yet (no PodScheduled condition) is not pending for
    // the autoscaler.
    CaPodIndex index;
    PodObject fresh;
    fresh.meta.name = "fresh";
    fresh.meta.nameSpace = "default";
    index.podChanged(keyOf(fresh), &fresh);
    QVERIFY(index.unschedulable().empty());
}

QTEST_GUILESS_MAIN(TestCaPodIndex)
#include "test_ca_pod_index.moc"
