// CircuitBreaker (sim/traffic/circuitbreaker.h) against Resilience4j's state machine
// (resilience4j-circuitbreaker CircuitBreakerStateMachineTest): defaults, COUNT_BASED window,
// minimumNumberOfCalls, failure and slow-call rates with ≥, lazy OPEN → HALF_OPEN after
// waitDurationInOpenState, the half-open trial calls deciding CLOSED or OPEN.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/circuitbreaker.h"
#endif

using namespace cnsim;

namespace {

using State = CircuitBreaker::State;

CircuitBreakerConfig small() {
    CircuitBreakerConfig c;
    c.slidingWindowSize = 10;
    c.minimumNumberOfCalls = 4;
    c.waitDurationInOpenState = SimTime::seconds(5);
    c.permittedNumberOfCallsInHalfOpenState = 2;
    return c;
}

void call(CircuitBreaker& cb, SimTime now, bool failed, SimTime took = SimTime::milliseconds(1)) {
    QVERIFY(cb.tryAcquirePermission(now));
    cb.onResult(now, failed, took);
}

} // namespace

class TestCircuitBreaker : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreResilience4js();
    void opensAtTheFailureRateOnceMinimumCallsAreIn();
    void openFailsFastThenHalfOpenTrials();
    void slowCallsOpenItToo();
    void countBasedWindowForgetsOldCalls();
};

void TestCircuitBreaker::defaultsAreResilience4js() {
    // CircuitBreakerConfig's DEFAULT_* constants.
    const CircuitBreakerConfig c;
    QCOMPARE(c.failureRateThreshold, 50.0);
    QCOMPARE(c.slowCallRateThreshold, 100.0);
    QCOMPARE(c.slowCallDurationThreshold, SimTime::seconds(60));
    QCOMPARE(c.slidingWindowSize, 100);
    QCOMPARE(c.minimumNumberOfCalls, 100);
    QCOMPARE(c.waitDurationInOpenState, SimTime::seconds(60));
    QCOMPARE(c.permittedNumberOfCallsInHalfOpenState, 10);
}

void TestCircuitBreaker::opensAtTheFailureRateOnceMinimumCallsAreIn() {
    CircuitBreaker cb(small());
    // Three failures: 100 % but below minimumNumberOfCalls (4): still closed.
    for (int i = 0; i < 3; ++i) {
        call(cb, SimTime::seconds(1), true);
    }
    QCOMPARE(cb.state(), State::Closed);
    // The fourth call succeeds: 3 of 4 = 75 % ≥ 50 %: open.
    call(cb, SimTime::seconds(1), false);
    QCOMPARE(cb.state(), State::Open);
    QCOMPARE(cb.transitions(), 1U);

    // Exactly 50 % opens it (≥), 1 of 4 = 25 % does not.
    CircuitBreaker half(small());
    call(half, SimTime::zero(), true);
    call(half, SimTime::zero(), false);
    call(half, SimTime::zero(), true);
    QCOMPARE(half.state(), State::Closed);
    call(half, SimTime::zero(), false);
    QCOMPARE(half.state(), State::Open);
    CircuitBreaker quarter(small());
    for (const bool failed : {true, false, false, false, false}) {
        call(quarter, SimTime::zero(), failed);
    }
    QCOMPARE(quarter.state(), State::Closed);
}

void TestCircuitBreaker::openFailsFastThenHalfOpenTrials() {
    CircuitBreaker cb(small());
    for (int i = 0; i < 4; ++i) {
        call(cb, SimTime::seconds(10), true);
    }
    QCOMPARE(cb.state(), State::Open);
    // Not permitted until waitDurationInOpenState (5 s) has passed since it opened.
    QVERIFY(!cb.tryAcquirePermission(SimTime::seconds(14)));
    QCOMPARE(cb.state(), State::Open);
    // Then the next call moves it to half-open; two trial calls are permitted, a third not.
    QVERIFY(cb.tryAcquirePermission(SimTime::seconds(15)));
    QCOMPARE(cb.state(), State::HalfOpen);
    QVERIFY(cb.tryAcquirePermission(SimTime::seconds(15)));
    QVERIFY(!cb.tryAcquirePermission(SimTime::seconds(15)));
    // One trial fails, one succeeds: 50 % ≥ 50 %: open again.
    cb.onResult(SimTime::seconds(15), true, SimTime::milliseconds(1));
    QCOMPARE(cb.state(), State::HalfOpen);
    cb.onResult(SimTime::seconds(15), false, SimTime::milliseconds(1));
    QCOMPARE(cb.state(), State::Open);
    // Five seconds later both trials succeed: closed, with a fresh window.
    call(cb, SimTime::seconds(20), false);
    QCOMPARE(cb.state(), State::HalfOpen);
    call(cb, SimTime::seconds(20), false);
    QCOMPARE(cb.state(), State::Closed);
    QCOMPARE(cb.failureRatePercent(), 0.0);
    QCOMPARE(cb.transitions(), 5U);
}

void TestCircuitBreaker::slowCallsOpenItToo() {
    CircuitBreakerConfig c = small();
    c.slowCallDurationThreshold = SimTime::milliseconds(100);
    c.slowCallRateThreshold = 50.0;
    CircuitBreaker cb(c);
    // Successful but slower than 100 ms (strictly): slow. Exactly 100 ms is not slow.
    call(cb, SimTime::zero(), false, SimTime::milliseconds(100));
    call(cb, SimTime::zero(), false, SimTime::milliseconds(100));
    call(cb, SimTime::zero(), false, SimTime::milliseconds(101));
    QCOMPARE(cb.state(), State::Closed);
    call(cb, SimTime::zero(), false, SimTime::milliseconds(500));
    QCOMPARE(cb.slowCallRatePercent(), 50.0);
    QCOMPARE(cb.state(), State::Open);
}

void TestCircuitBreaker::countBasedWindowForgetsOldCalls() {
    CircuitBreakerConfig c = small();
    c.slidingWindowSize = 4;
    c.failureRateThreshold = 75.0;
    CircuitBreaker cb(c);
    // F F S S: 50 %. Then F: window S? — the oldest F leaves: F S S F = 50 %. Then F: S S F F
    // = 50 %, then F: S F F F = 75 %: open.
    for (const bool failed : {true, true, false, false, true, true}) {
        call(cb, SimTime::zero(), failed);
        QCOMPARE(cb.state(), State::Closed);
    }
    call(cb, SimTime::zero(), true);
    QCOMPARE(cb.state(), State::Open);
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "test_circuitbreaker.moc"
