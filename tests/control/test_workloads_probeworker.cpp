// Kubelet probe workers (pkg/kubelet/prober/worker.go, worker_test.go).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/workloads/probeworker.h"
#endif

using namespace cnsim;

namespace {

ProbeTiming timing(int initialDelay, int period, int success, int failure) {
    ProbeTiming t;
    t.initialDelaySeconds = initialDelay;
    t.periodSeconds = period;
    t.successThreshold = success;
    t.failureThreshold = failure;
    return t;
}

} // namespace

class TestWorkloadsProbeWorker : public QObject {
    Q_OBJECT

private slots:
    void initialValues();
    void thresholds_data();
    void thresholds();
    void initialDelay();
    void livenessFailureHoldsUntilNewContainer();
    void ticksFromWorkerStart();
    void startupGatesReadiness();
    void defaultsFromProbe();
};

// worker_test.go TestInitialDelay / newTestWorker: readiness starts Failure, liveness Success,
// startup Unknown.
void TestWorkloadsProbeWorker::initialValues() {
    ProbeWorker r(ProbeKind::Readiness, timing(0, 10, 1, 3), SimTime::zero());
    ProbeWorker l(ProbeKind::Liveness, timing(0, 10, 1, 3), SimTime::zero());
    ProbeWorker s(ProbeKind::Startup, timing(0, 10, 1, 3), SimTime::zero());
    r.containerStarted(SimTime::zero());
    l.containerStarted(SimTime::zero());
    s.containerStarted(SimTime::zero());
    QCOMPARE(r.result(), ProbeResult::Failure);
    QCOMPARE(l.result(), ProbeResult::Success);
    QCOMPARE(s.result(), ProbeResult::Unknown);
}

// worker_test.go TestSuccessThreshold / TestFailureThreshold: the result changes only after
// the threshold of consecutive equal outcomes.
void TestWorkloadsProbeWorker::thresholds_data() {
    QTest::addColumn<int>("successThreshold");
    QTest::addColumn<int>("failureThreshold");
    QTest::addColumn<QString>("outcomes"); // S / F per probe
    QTest::addColumn<QString>("results");  // readiness result after each probe
    QTest::newRow("TestSuccessThreshold 3") << 3 << 1 << "SSSF"
                                            << "FFSF";
    QTest::newRow("TestFailureThreshold 3") << 1 << 3 << "SFFSFFF"
                                            << "SSSSSSF";
    QTest::newRow("interrupted run starts again") << 2 << 2 << "SFSSFF"
                                                  << "FFFSSF";
}

void TestWorkloadsProbeWorker::thresholds() {
    QFETCH(int, successThreshold);
    QFETCH(int, failureThreshold);
    QFETCH(QString, outcomes);
    QFETCH(QString, results);
    ProbeWorker w(ProbeKind::Readiness, timing(0, 1, successThreshold, failureThreshold),
                  SimTime::zero());
    w.containerStarted(SimTime::zero());
    for (int i = 0; i < outcomes.size(); ++i) {
        w.probe(SimTime::seconds(i), true, outcomes[i] == QLatin1Char('S'));
        const ProbeResult want =
            results[i] == QLatin1Char('S') ? ProbeResult::Success : ProbeResult::Failure;
        QCOMPARE(w.result(), want);
    }
}

// worker_test.go TestInitialDelay: no probe before initialDelaySeconds (truncated seconds).
void TestWorkloadsProbeWorker::initialDelay() {
    ProbeWorker w(ProbeKind::Readiness, timing(10, 1, 1, 3), SimTime::zero());
    w.containerStarted(SimTime::seconds(5));
    QVERIFY(!w.probe(SimTime::milliseconds(14'999), true, true).probed);
    QCOMPARE(w.result(), ProbeResult::Failure);
    QVERIFY(w.probe(SimTime::seconds(15), true, true).probed);
    QCOMPARE(w.result(), ProbeResult::Success);
}

// worker_test.go TestOnHoldOnLivenessOrStartupCheckFailure.
void TestWorkloadsProbeWorker::livenessFailureHoldsUntilNewContainer() {
    ProbeWorker w(ProbeKind::Liveness, timing(0, 10, 1, 1), SimTime::zero());
    w.containerStarted(SimTime::zero());
    const ProbeWorker::Outcome o = w.probe(SimTime::seconds(1), true, false);
    QVERIFY(o.restartContainer);
    QCOMPARE(w.result(), ProbeResult::Failure);
    QVERIFY(!w.probe(SimTime::seconds(2), true, true).probed); // on hold
    w.containerStarted(SimTime::seconds(3));
    QCOMPARE(w.result(), ProbeResult::Success);
    QVERIFY(w.probe(SimTime::seconds(4), true, true).probed);
}

// worker.go run: the ticker starts with the worker (pod added), not with the container.
void TestWorkloadsProbeWorker::ticksFromWorkerStart() {
    Probe readiness; // defaults: period 10, failure 3
    ContainerProbes probes(std::nullopt, std::nullopt, readiness, SimTime::seconds(100));
    QCOMPARE(probes.nextTick().value(), SimTime::seconds(100));
    probes.tick(SimTime::seconds(100), {}); // no container yet: nothing
    QCOMPARE(probes.nextTick().value(), SimTime::seconds(110));
    // The container starts at 103 s; the kubelet's status update triggers readiness at once.
    const ContainerProbes::Outcome o = probes.containerStarted(SimTime::seconds(103), {});
    QVERIFY(o.readyChanged);
    QVERIFY(probes.ready());
    // An image whose readiness never passes goes unready after 3 failed ticks: 110, 120, 130.
    ContainerProbes::Checks failing;
    failing.readiness = false;
    probes.tick(SimTime::seconds(110), failing);
    probes.tick(SimTime::seconds(120), failing);
    QVERIFY(probes.ready());
    probes.tick(SimTime::seconds(130), failing);
    QVERIFY(!probes.ready());
}

// prober_manager.go UpdatePodStatus: not Started (so not Ready) until the startup probe
// succeeds; liveness and readiness do not run before.
void TestWorkloadsProbeWorker::startupGatesReadiness() {
    Probe startup;
    startup.periodSeconds = 1;
    startup.failureThreshold = 30;
    Probe readiness;
    readiness.periodSeconds = 1;
    ContainerProbes probes(startup, std::nullopt, readiness, SimTime::zero());
    ContainerProbes::Checks checks;
    checks.startup = false;
    probes.containerStarted(SimTime::zero(), checks);
    QVERIFY(!probes.started());
    QVERIFY(!probes.ready());
    for (int s = 1; s <= 5; ++s) {
        probes.tick(SimTime::seconds(s), checks);
    }
    QVERIFY(!probes.started());
    checks.startup = true;
    probes.tick(SimTime::seconds(6), checks);
    QVERIFY(probes.started());
    QVERIFY(!probes.ready()); // readiness runs from the next tick
    probes.tick(SimTime::seconds(7), checks);
    QVERIFY(probes.ready());
}

void TestWorkloadsProbeWorker::defaultsFromProbe() {
    const ProbeTiming t = ProbeTiming::fromSpec(Probe{});
    QCOMPARE(t.initialDelaySeconds, 0);
    QCOMPARE(t.periodSeconds, 10);
    QCOMPARE(t.successThreshold, 1);
    QCOMPARE(t.failureThreshold, 3);
}

QTEST_GUILESS_MAIN(TestWorkloadsProbeWorker)
#include "test_workloads_probeworker.moc"
