// PodServer: processor sharing by virtual time, worker limit, FIFO queue, rejection.
// PS definition: n requests in their CPU phase each get min(1, C/n) cores.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/podserver.h"

#include <cmath>
#endif

using namespace cnsim;

class TestPodServer : public QObject {
    Q_OBJECT

private slots:
    void sharesOneCore();
    void neverMoreThanOneCorePerRequest();
    void workersAndQueue();
    void accountsCpu();
};

void TestPodServer::sharesOneCore() {
    // Two requests of 1 and 2 core-seconds start together on one core: each runs at 1/2, so
    // the first ends at 2 s; the second then runs alone and ends at 3 s.
    PodServer s(1.0, 0, 10);
    QCOMPARE(s.admit(1), PodServer::Admission::Started);
    QCOMPARE(s.admit(2), PodServer::Admission::Started);
    s.startCpu(0.0, 1, 1.0);
    s.startCpu(0.0, 2, 2.0);
    QVERIFY(std::abs(s.nextCompletion() - 2.0) < 1e-12);
    QCOMPARE(s.popCompleted(2.0), 1u);
    QCOMPARE(s.popCompleted(2.0), PodServer::kNone);
    QVERIFY(std::abs(s.nextCompletion() - 3.0) < 1e-12);
    // A third arrives at 2.5 s with 0.25 s of work: both run at 1/2 from then on; the third
    // needs 0.5 s (ends at 3.0), the second has 0.5 left, at 1/2 until 3.0 then alone: 3.25.
    s.startCpu(2.5, 3, 0.25);
    QVERIFY(std::abs(s.nextCompletion() - 3.0) < 1e-12);
    QCOMPARE(s.popCompleted(3.0), 3u);
    QVERIFY(std::abs(s.nextCompletion() - 3.25) < 1e-12);
    QCOMPARE(s.popCompleted(3.25), 2u);
    QCOMPARE(s.nextCompletion(), PodServer::kNever);
}

void TestPodServer::neverMoreThanOneCorePerRequest() {
    // Four cores, two requests: each at one core (not two).
    PodServer s(4.0, 0, 10);
    s.admit(1);
    s.admit(2);
    s.startCpu(0.0, 1, 1.0);
    s.startCpu(0.0, 2, 1.0);
    QVERIFY(std::abs(s.nextCompletion() - 1.0) < 1e-12);
}

void TestPodServer::workersAndQueue() {
    PodServer s(1.0, 2, 1);
    QCOMPARE(s.admit(1), PodServer::Admission::Started);
    QCOMPARE(s.admit(2), PodServer::Admission::Started);
    QCOMPARE(s.admit(3), PodServer::Admission::Queued);
    QCOMPARE(s.admit(4), PodServer::Admission::Rejected); // queue of one is full
    QCOMPARE(s.requestsPresent(), std::size_t(3));
    QCOMPARE(s.releaseWorker(), 3u); // the worker passes to the queued request
    QCOMPARE(s.releaseWorker(), PodServer::kNone);
    QCOMPARE(s.workersBusy(), 1);
    QCOMPARE(s.queueLength(), std::size_t(0));
}

void TestPodServer::accountsCpu() {
    PodServer s(2.0, 0, 10);
    s.admit(1);
    s.admit(2);
    s.admit(3);
    s.startCpu(0.0, 1, 10.0);
    s.startCpu(0.0, 2, 10.0);
    s.startCpu(0.0, 3, 10.0);
    s.advance(1.5);
    // Three requests on two cores use both cores fully.
    QVERIFY(std::abs(s.takeBusyCoreSeconds() - 3.0) < 1e-12);
}

QTEST_GUILESS_MAIN(TestPodServer)
#include "test_podserver.moc"
