// Exponential back-off (client-go flowcontrol/backoff.go) and its kubelet uses: container
// restarts (CrashLoopBackOff) and image pulls. Rows cite
// staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go where upstream has the case.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "control/workloads/backoff.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
const SimTime kStep = SimTime::seconds(1);
} // namespace

class TestWorkloadsBackoff : public QObject {
    Q_OBJECT

private slots:
    void slowBackoff();
    void backoffReset();
    void backoffHighWaterMark();
    void backoffGc();
    void isInBackOffSinceUpdate_data();
    void isInBackOffSinceUpdate();
    void crashLoopSequence();
    void crashLoopResetsAfterTenQuietMinutes_data();
    void crashLoopResetsAfterTenQuietMinutes();
    void crashLoopMessage();
    void imagePullBackoff();
    void goDuration_data();
    void goDuration();
};

// backoff_test.go TestSlowBackoff: 1 s step, 50 s cap.
void TestWorkloadsBackoff::slowBackoff() {
    Backoff b(kStep, kStep * 50);
    const std::string id = "_idSlow";
    SimTime now;
    const std::vector<int> cases = {0, 1, 2, 4, 8, 16, 32, 50, 50, 50};
    for (int c : cases) {
        now += kStep;
        QCOMPARE(b.get(id), kStep * c);
        b.next(id, now, now);
    }
    b.next(id, now, now);
    b.reset(id);
    QCOMPARE(b.get(id), SimTime::zero());
}

// backoff_test.go TestBackoffReset.
void TestWorkloadsBackoff::backoffReset() {
    Backoff b(kStep, kStep * 5);
    const std::string id = "_idReset";
    SimTime now;
    for (int i = 0; i <= 5; ++i) {
        now += kStep;
        b.next(id, now, now);
    }
    QVERIFY(b.isInBackOffSince(id, now, now));
    const SimTime lastUpdate = now;
    now += kStep * 11; // more than 2 × max
    QVERIFY(!b.isInBackOffSince(id, lastUpdate, now));
    // Judged at an event 11 s after the last update, the entry has expired.
    QVERIFY(!b.isInBackOffSince(id, now, now));
}

// backoff_test.go TestBackoffHighWaterMark: within 2 × max the delay stays at max.
void TestWorkloadsBackoff::backoffHighWaterMark() {
    Backoff b(kStep, kStep * 5);
    const std::string id = "_idHiWaterMark";
    SimTime now;
    for (int i = 0; i <= 5; ++i) {
        now += kStep;
        b.next(id, now, now);
    }
    now += kStep * 6;
    b.next(id, now, now);
    QCOMPARE(b.get(id), kStep * 5);
}

// backoff_test.go TestBackoffGC.
void TestWorkloadsBackoff::backoffGc() {
    Backoff b(kStep, kStep * 5);
    const std::string id = "_idGC";
    SimTime now;
    for (int i = 0; i <= 5; ++i) {
        now += kStep;
        b.next(id, now, now);
    }
    now += kStep * 6;
    b.gc(now);
    QVERIFY(b.has(id));
    now += kStep * 6;
    b.gc(now);
    QVERIFY(!b.has(id));
}

// backoff_test.go TestIsInBackOffSinceUpdate (1 s step, 10 s cap): the first 17 ticks.
void TestWorkloadsBackoff::isInBackOffSinceUpdate_data() {
    QTest::addColumn<QList<int>>("ticks");
    QTest::addColumn<QList<int>>("inBackOff");
    QTest::addColumn<QList<int>>("values");
    QTest::newRow("TestIsInBackOffSinceUpdate")
        << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
        << QList<int>{0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1}
        << QList<int>{0, 1, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 8, 8, 8, 8, 10};
}

void TestWorkloadsBackoff::isInBackOffSinceUpdate() {
    QFETCH(QList<int>, ticks);
    QFETCH(QList<int>, inBackOff);
    QFETCH(QList<int>, values);
    Backoff b(kStep, kStep * 10);
    const std::string id = "_idIsInBackOffSinceUpdate";
    for (int i = 0; i < ticks.size(); ++i) {
        const SimTime now = kStep * ticks[i];
        QCOMPARE(b.isInBackOffSinceUpdate(id, now), inBackOff[i] != 0);
        if (inBackOff[i] != 0) {
            QCOMPARE(b.get(id), kStep * values[i]);
        } else {
            b.next(id, now, now);
        }
    }
}

// kubernetes-behaviour.md §5: a container that crashes 5 s after every start waits 0, 10,
// 20, 40, 80, 160, 300, 300 s before each restart.
void TestWorkloadsBackoff::crashLoopSequence() {
    CrashLoopBackoff backoff;
    const std::string key = containerBackoffKey("web-abc", "default", "uid", "web", "h");
    SimTime now = SimTime::zero();
    std::vector<std::int64_t> waits;
    for (int crash = 0; crash < 8; ++crash) {
        now += SimTime::seconds(5); // runs 5 s, then exits
        const SimTime finishedAt = now;
        RestartDecision d = backoff.decide(key, finishedAt, now, "web", "web-abc_default(uid)");
        if (!d.restartNow) {
            now = d.retryAt; // the kubelet's next sync after the back-off
            d = backoff.decide(key, finishedAt, now, "web", "web-abc_default(uid)");
        }
        QVERIFY(d.restartNow);
        waits.push_back((now - finishedAt) / SimTime::seconds(1));
    }
    QCOMPARE(waits, (std::vector<std::int64_t>{0, 10, 20, 40, 80, 160, 300, 300}));
}

// §5: reset only when the new failure comes more than 2 × 300 s after the last restart.
void TestWorkloadsBackoff::crashLoopResetsAfterTenQuietMinutes_data() {
    QTest::addColumn<int>("runSeconds");
    QTest::addColumn<bool>("restartsAtOnce");
    QTest::newRow("ran 601 s: fresh entry, immediate restart") << 601 << true;
    QTest::newRow("ran exactly 600 s: still backing off") << 600 << false;
    QTest::newRow("ran 60 s: still backing off") << 60 << false;
}

void TestWorkloadsBackoff::crashLoopResetsAfterTenQuietMinutes() {
    QFETCH(int, runSeconds);
    QFETCH(bool, restartsAtOnce);
    CrashLoopBackoff backoff;
    const std::string key = "k";
    SimTime now;
    // Crash several times to reach the cap.
    for (int i = 0; i < 8; ++i) {
        now += SimTime::seconds(1);
        RestartDecision d = backoff.decide(key, now, now, "web", "p");
        if (!d.restartNow) {
            const SimTime finishedAt = now;
            now = d.retryAt;
            backoff.decide(key, finishedAt, now, "web", "p");
        }
    }
    QCOMPARE(backoff.backoff().get(key), k8s::kCrashLoopMaxBackoff);
    now += SimTime::seconds(runSeconds);
    const RestartDecision d = backoff.decide(key, now, now, "web", "p");
    QCOMPARE(d.restartNow, restartsAtOnce);
    if (restartsAtOnce) {
        // The next crash waits the initial 10 s again.
        now += SimTime::seconds(5);
        const RestartDecision next = backoff.decide(key, now, now, "web", "p");
        QVERIFY(!next.restartNow);
        QCOMPARE(next.retryAt - now, k8s::kCrashLoopInitialBackoff);
    }
}

// kuberuntime_manager.go doBackOff: the Waiting message kubectl describe shows.
void TestWorkloadsBackoff::crashLoopMessage() {
    CrashLoopBackoff backoff;
    const std::string pod = formatPodForKubelet("web-abc", "default", "uid");
    QCOMPARE(qs(pod), QStringLiteral("web-abc_default(uid)"));
    SimTime now = SimTime::seconds(5);
    QVERIFY(backoff.decide("k", now, now, "web", pod).restartNow);
    now += SimTime::seconds(5);
    RestartDecision d = backoff.decide("k", now, now, "web", pod);
    QCOMPARE(
        qs(d.message),
        QStringLiteral("back-off 10s restarting failed container=web pod=web-abc_default(uid)"));
    const SimTime finishedAt = now;
    backoff.decide("k", finishedAt, d.retryAt, "web", pod);
    now = d.retryAt + SimTime::seconds(5);
    d = backoff.decide("k", now, now, "web", pod);
    QCOMPARE(
        qs(d.message),
        QStringLiteral("back-off 20s restarting failed container=web pod=web-abc_default(uid)"));
}

// image_manager.go: ErrImagePull on failure, then ImagePullBackOff until the delay passes;
// delays 10, 20, 40 … s counted from each failed attempt.
void TestWorkloadsBackoff::imagePullBackoff() {
    ImagePullBackoff backoff;
    const std::string key = ImagePullBackoff::key("uid", "shop/web:bad");
    SimTime now = SimTime::seconds(3);
    QCOMPARE(backoff.beforePull(key, "shop/web:bad", now).state, ImagePullState::Pulling);
    ImagePullDecision d = backoff.pullFailed(key, "registry unavailable", now);
    QCOMPARE(d.state, ImagePullState::ErrImagePull);
    QCOMPARE(d.retryAt, SimTime::seconds(13));
    d = backoff.beforePull(key, "shop/web:bad", SimTime::seconds(8));
    QCOMPARE(d.state, ImagePullState::ImagePullBackOff);
    QCOMPARE(d.retryAt, SimTime::seconds(13));
    QCOMPARE(qs(d.message), QStringLiteral("Back-off pulling image \"shop/web:bad\""));
    QCOMPARE(backoff.beforePull(key, "shop/web:bad", SimTime::seconds(13)).state,
             ImagePullState::Pulling);
    d = backoff.pullFailed(key, "registry unavailable", SimTime::seconds(13));
    QCOMPARE(d.retryAt, SimTime::seconds(33));
}

void TestWorkloadsBackoff::goDuration_data() {
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << "0s";
    QTest::newRow("10s") << qint64(10'000'000) << "10s";
    QTest::newRow("2m40s") << qint64(160'000'000) << "2m40s";
    QTest::newRow("5m0s") << qint64(300'000'000) << "5m0s";
    QTest::newRow("1h0m0s") << qint64(3'600'000'000) << "1h0m0s";
    QTest::newRow("1.5s") << qint64(1'500'000) << "1.5s";
    QTest::newRow("250ms") << qint64(250'000) << "250ms";
}

void TestWorkloadsBackoff::goDuration() {
    QFETCH(qint64, micros);
    QFETCH(QString, text);
    QCOMPARE(qs(formatGoDuration(SimTime::microseconds(micros))), text);
}

QTEST_GUILESS_MAIN(TestWorkloadsBackoff)
#include "test_workloads_backoff.moc"
