// SchedulingQueue against upstream's rules (pkg/scheduler/backend/queue): PrioritySort order,
// back-off 1 s doubling to 10 s by attempts (backoff_queue_test.go
// TestBackoffQueue_calculateBackoffDuration), requeue on cluster events, the 5-minute flush
// of unschedulable pods (scheduling_queue_test.go TestPriorityQueue_*).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/scheduling/schedulingqueue.h"
#endif

using namespace cnsim;

class TestSchedulingQueue : public QObject {
    Q_OBJECT

private slots:
    void backoffDuration_data();
    void backoffDuration();
    void prioritySortOrder();
    void failedPodWaitsForEventThenBackoff();
    void moveRequestDuringAttemptGoesToBackoff();
    void unrelatedEventLeavesPodUnschedulable();
    void unschedulableFlushAfterFiveMinutes();
    void removeFromEveryQueue();
};

void TestSchedulingQueue::backoffDuration_data() {
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("seconds");
    // backoff_queue_test.go TestBackoffQueue_calculateBackoffDuration with the defaults
    // (initial 1 s, max 10 s): "no backoff" for 0 attempts, then 1, 2, 4, 8, capped at 10.
    QTest::newRow("0 attempts") << 0 << qint64{0};
    QTest::newRow("1 attempt") << 1 << qint64{1};
    QTest::newRow("2 attempts") << 2 << qint64{2};
    QTest::newRow("3 attempts") << 3 << qint64{4};
    QTest::newRow("4 attempts") << 4 << qint64{8};
    QTest::newRow("5 attempts") << 5 << qint64{10};
    QTest::newRow("overflow guard") << 200 << qint64{10};
}

void TestSchedulingQueue::backoffDuration() {
    QFETCH(int, attempts);
    QFETCH(qint64, seconds);
    SchedulingQueue q;
    QCOMPARE(q.backoffDuration(attempts), SimTime::seconds(seconds));
}

void TestSchedulingQueue::prioritySortOrder() {
    // queuesort/priority_sort.go Less: higher priority first, then earlier timestamp.
    SchedulingQueue q;
    q.add("default/low-early", 0, SimTime::seconds(1));
    q.add("default/high", 10, SimTime::seconds(3));
    q.add("default/low-late", 0, SimTime::seconds(2));
    QCOMPARE(q.pop(SimTime::seconds(4))->key, std::string("default/high"));
    QCOMPARE(q.pop(SimTime::seconds(4))->key, std::string("default/low-early"));
    QCOMPARE(q.pop(SimTime::seconds(4))->key, std::string("default/low-late"));
    QVERIFY(!q.pop(SimTime::seconds(4)));
}

void TestSchedulingQueue::failedPodWaitsForEventThenBackoff() {
    SchedulingQueue q;
    q.add("default/p", 0, SimTime::zero());
    auto pod = q.pop(SimTime::zero());
    QCOMPARE(pod->attempts, 1);
    q.addUnschedulable(*pod, {"NodeResourcesFit"}, SimTime::seconds(1));
    QCOMPARE(q.unschedulableCount(), std::size_t{1});
    QVERIFY(!q.pop(SimTime::seconds(100))); // nothing changed: it stays unschedulable
    // A node is added long after the back-off (1 s) ran out: straight to activeQ.
    q.moveAllToActiveOrBackoff(ClusterEventKind::NodeAdd, SimTime::seconds(100));
    pod = q.pop(SimTime::seconds(100));
    QCOMPARE(pod->attempts, 2);
    // Second failure at t=100 s: back-off 2 s. An event at 101 s moves it to backoffQ.
    q.addUnschedulable(*pod, {"NodeResourcesFit"}, SimTime::seconds(100));
    q.moveAllToActiveOrBackoff(ClusterEventKind::AssignedPodDelete, SimTime::seconds(101));
    QCOMPARE(q.backoffCount(), std::size_t{1});
    QCOMPARE(q.nextBackoffExpiry(), std::optional<SimTime>(SimTime::seconds(102)));
    QVERIFY(!q.pop(SimTime::milliseconds(101999)));
    QCOMPARE(q.pop(SimTime::seconds(102))->attempts, 3);
}

void TestSchedulingQueue::moveRequestDuringAttemptGoesToBackoff() {
    // scheduling_queue.go AddUnschedulableIfNotPresent: moveRequestCycle >= the pod's cycle
    // sends it to backoffQ, not unschedulablePods.
    SchedulingQueue q;
    q.add("default/p", 0, SimTime::zero());
    auto pod = q.pop(SimTime::zero());
    q.moveAllToActiveOrBackoff(ClusterEventKind::NodeAdd, SimTime::milliseconds(500));
    q.addUnschedulable(*pod, {"NodeResourcesFit"}, SimTime::seconds(1));
    QCOMPARE(q.unschedulableCount(), std::size_t{0});
    QCOMPARE(q.backoffCount(), std::size_t{1});
    QVERIFY(!q.pop(SimTime::milliseconds(1999)));
    QVERIFY(q.pop(SimTime::seconds(2)));
}

void TestSchedulingQueue::unrelatedEventLeavesPodUnschedulable() {
    // A taint-rejected pod is not helped by a pod deletion (TaintToleration's EventsToRegister).
    SchedulingQueue q;
    q.add("default/p", 0, SimTime::zero());
    q.addUnschedulable(*q.pop(SimTime::zero()), {"TaintToleration"}, SimTime::zero());
    q.moveAllToActiveOrBackoff(ClusterEventKind::AssignedPodDelete, SimTime::seconds(5));
    QCOMPARE(q.unschedulableCount(), std::size_t{1});
    q.moveAllToActiveOrBackoff(ClusterEventKind::NodeUpdate, SimTime::seconds(6));
    QCOMPARE(q.unschedulableCount(), std::size_t{0});
    QCOMPARE(q.activeCount(), std::size_t{1});
}

void TestSchedulingQueue::unschedulableFlushAfterFiveMinutes() {
    // flushUnschedulablePodsLeftover: only pods in unschedulablePods for more than
    // podMaxInUnschedulablePodsDuration (5 min) move.
    SchedulingQueue q;
    q.add("default/p", 0, SimTime::zero());
    q.addUnschedulable(*q.pop(SimTime::zero()), {"NodeResourcesFit"}, SimTime::seconds(10));
    q.flushUnschedulableLeftover(SimTime::seconds(10) + SimTime::minutes(5));
    QCOMPARE(q.unschedulableCount(), std::size_t{1});
    q.flushUnschedulableLeftover(SimTime::seconds(10) + SimTime::minutes(5) +
                                 SimTime::microseconds(1));
    QCOMPARE(q.unschedulableCount(), std::size_t{0});
    QCOMPARE(q.activeCount(), std::size_t{1});
}

void TestSchedulingQueue::removeFromEveryQueue() {
    SchedulingQueue q;
    q.add("default/a", 0, SimTime::zero());
    q.add("default/b", 0, SimTime::zero());
    QVERIFY(!q.add("default/a", 0, SimTime::zero()));
    auto a = q.pop(SimTime::zero());
    q.addUnschedulable(*a, {}, SimTime::zero());
    QVERIFY(q.remove("default/a"));
    QVERIFY(q.remove("default/b"));
    QVERIFY(!q.contains("default/a"));
    QCOMPARE(q.activeCount() + q.backoffCount() + q.unschedulableCount(), std::size_t{0});
    // A pod removed while in flight is dropped when its failure is reported.
    q.add("default/c", 0, SimTime::zero());
    auto c = q.pop(SimTime::zero());
    QVERIFY(q.remove("default/c"));
    q.addUnschedulable(*c, {}, SimTime::zero());
    QVERIFY(!q.contains("default/c"));
}

QTEST_GUILESS_MAIN(TestSchedulingQueue)
#include "test_scheduling_queue.moc"
