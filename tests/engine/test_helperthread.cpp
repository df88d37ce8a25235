// HelperThread: every task handed over runs once, on another thread, and is finished when
// wait() returns — whether the owner waits at once or long after, for thousands of tasks in
// a row; a task's exception reaches the owner; a misuse is refused.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/helperthread.h"

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>
#endif

using namespace cnsim;

class TestHelperThread : public QObject {
    Q_OBJECT

private slots:
    void runsEachTaskOnceOnAnotherThread();
    void sharesWorkWithItsOwner();
    void passesAFailureOn();
    void refusesATaskBeforeTheLastWasWaitedFor();
};

void TestHelperThread::runsEachTaskOnceOnAnotherThread() {
    HelperThread helper;
    std::vector<int> ran(5000, 0);
    std::thread::id where;
    for (std::size_t i = 0; i < ran.size(); ++i) {
        helper.start([&, i] {
            ++ran[i];
            where = std::this_thread::get_id();
        });
        if (i % 1000 == 0) { // sometimes the helper has gone to sleep before the next task
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        helper.wait();
        QCOMPARE(ran[i], 1);
        QVERIFY(where != std::this_thread::get_id());
    }
}

void TestHelperThread::sharesWorkWithItsOwner() {
    // The way the traffic model uses it: each side fills its own half, then the owner reads
    // both.
    HelperThread helper;
    std::vector<long> values(2000, 0);
    for (int round = 1; round <= 200; ++round) {
        helper.start([&, round] {
            for (std::size_t i = 1000; i < 2000; ++i) {
                values[i] = round * static_cast<long>(i);
            }
        });
        for (std::size_t i = 0; i < 1000; ++i) {
            values[i] = round * static_cast<long>(i);
        }
        helper.wait();
        long sum = 0;
        for (const long v : values) {
            sum += v;
        }
        QCOMPARE(sum, round * 1999L * 2000L / 2);
    }
}

void TestHelperThread::passesAFailureOn() {
    HelperThread helper;
    helper.start([] { throw std::runtime_error("boom"); });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, helper.wait());
    int ran = 0;
    helper.start([&] { ++ran; }); // still usable afterwards
    helper.wait();
    QCOMPARE(ran, 1);
}

void TestHelperThread::refusesATaskBeforeTheLastWasWaitedFor() {
    HelperThread helper;
    helper.start([] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); });
    QVERIFY_THROWS_EXCEPTION(std::logic_error, helper.start([] {}));
    helper.wait();
}

QTEST_APPLESS_MAIN(TestHelperThread)
#include "test_helperthread.moc"
