// Engine: event order, cancellation, run modes, time rules and the run fingerprint.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the engine headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "engine/engine.h"

#include <stdexcept>
#include <string>
#include <vector>
#endif

using cnsim::Engine;
using cnsim::EventId;
using cnsim::SimTime;

class TestEngine : public QObject {
    Q_OBJECT

private slots:
    void order_data() {
        // Each event: "time(us):priority"; expected: indices in run order.
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("by time") << QStringList{"30:128", "10:128", "20:128"}
                                 << QList<int>{1, 2, 0};
        QTest::newRow("priority at equal time")
            << QStringList{"10:200", "10:5", "10:128"} << QList<int>{1, 2, 0};
        QTest::newRow("fifo at equal time and priority")
            << QStringList{"10:7", "10:7", "10:7", "10:7"} << QList<int>{0, 1, 2, 3};
        QTest::newRow("time beats priority") << QStringList{"20:0", "10:255"} << QList<int>{1, 0};
        QTest::newRow("mixed") << QStringList{"5:1", "5:0", "0:9", "5:1", "5:0"}
                               << QList<int>{2, 1, 4, 0, 3};
    }
    void order() {
        QFETCH(QStringList, events);
        QFETCH(QList<int>, expected);
        Engine engine;
        QList<int> ran;
        for (int i = 0; i < events.size(); ++i) {
            const QStringList parts = events[i].split(QLatin1Char(':'));
            engine.scheduleAt(
                SimTime::microseconds(parts[0].toLongLong()), [&ran, i] { ran << i; },
                static_cast<cnsim::EventPriority>(parts[1].toUInt()));
        }
        while (engine.step()) {
        }
        QCOMPARE(ran, expected);
    }

    void fifoManyAtSameTime() {
        Engine engine;
        std::vector<int> ran;
        for (int i = 0; i < 5000; ++i) {
            engine.schedule(SimTime::seconds(1), [&ran, i] { ran.push_back(i); });
        }
        engine.runUntil(SimTime::seconds(1));
        QCOMPARE(ran.size(), std::size_t{5000});
        for (int i = 0; i < 5000; ++i) {
            QCOMPARE(ran[static_cast<std::size_t>(i)], i);
        }
    }

    void cancel() {
        Engine engine;
        bool ranA = false;
        bool ranB = false;
        const EventId a = engine.schedule(SimTime::seconds(1), [&] { ranA = true; });
        const EventId b = engine.schedule(SimTime::seconds(2), [&] { ranB = true; });
        QVERIFY(a.isValid());
        QVERIFY(a != b);
        QCOMPARE(engine.pendingCount(), std::size_t{2});
        QVERIFY(engine.cancel(a));
        QVERIFY(!engine.cancel(a)); // twice
        QCOMPARE(engine.pendingCount(), std::size_t{1});
        QCOMPARE(engine.peekNextTime(), std::optional(SimTime::seconds(2)));
        engine.runUntil(SimTime::seconds(10));
        QVERIFY(!ranA);
        QVERIFY(ranB);
        QVERIFY(!engine.cancel(b)); // after it ran
        QVERIFY(!engine.cancel(EventId{}));
        QVERIFY(!engine.cancel(EventId{0xdead'beef'0000'0005ULL}));
        QCOMPARE(engine.eventCount(), std::uint64_t{1});
        QCOMPARE(engine.pendingCount(), std::size_t{0});
    }

    void staleIdDoesNotCancelReusedSlot() {
        Engine engine;
        const EventId first = engine.schedule(SimTime::seconds(1), [] {});
        QVERIFY(engine.cancel(first));
        // The new event may reuse the freed slot; the old id must not reach it.
        bool ran = false;
        const EventId second = engine.schedule(SimTime::seconds(1), [&] { ran = true; });
        QVERIFY(first != second);
        QVERIFY(!engine.cancel(first));
        engine.runUntil(SimTime::seconds(2));
        QVERIFY(ran);
    }

    void cancelFromHandler() {
        Engine engine;
        bool ranLater = false;
        EventId later = engine.schedule(SimTime::seconds(2), [&] { ranLater = true; });
        engine.schedule(SimTime::seconds(1), [&] { QVERIFY(engine.cancel(later)); });
        engine.runUntil(SimTime::seconds(3));
        QVERIFY(!ranLater);
        QCOMPARE(engine.eventCount(), std::uint64_t{1});
    }

    void massCancelKeepsOrder() {
        // Cancelling most events triggers compaction of the pending set; survivors must still
        // run in order and the counters must stay exact.
        Engine engine;
        std::vector<EventId> ids;
        std::vector<int> ran;
        constexpr int kEvents = 20'000;
        for (int i = 0; i < kEvents; ++i) {
            // Times descend so the cancelled ones sit everywhere in the heap.
            ids.push_back(engine.scheduleAt(SimTime::microseconds(kEvents - i),
                                            [&ran, i] { ran.push_back(i); }));
        }
        int kept = 0;
        for (int i = 0; i < kEvents; ++i) {
            if (i % 10 != 3) {
                QVERIFY(engine.cancel(ids[static_cast<std::size_t>(i)]));
            } else {
                ++kept;
            }
        }
        QCOMPARE(engine.pendingCount(), static_cast<std::size_t>(kept));
        QCOMPARE(engine.peekNextTime(), std::optional(SimTime::microseconds(kEvents - 19'993)));
        engine.runUntil(SimTime::seconds(1));
        QCOMPARE(ran.size(), static_cast<std::size_t>(kept));
        for (std::size_t k = 0; k < ran.size(); ++k) {
            QCOMPARE(ran[k], kEvents - 7 - 10 * static_cast<int>(k));
        }
        QCOMPARE(engine.eventCount(), static_cast<std::uint64_t>(kept));
    }

    void runUntilSetsNow() {
        Engine engine;
        int ran = 0;
        engine.scheduleAt(SimTime::seconds(5), [&] { ++ran; });
        engine.scheduleAt(SimTime::seconds(10), [&] { ++ran; }); // exactly at the limit: runs
        engine.scheduleAt(SimTime::microseconds(10'000'001), [&] { ++ran; });
        engine.runUntil(SimTime::seconds(10));
        QCOMPARE(ran, 2);
        QCOMPARE(engine.now(), SimTime::seconds(10));
        QCOMPARE(engine.pendingCount(), std::size_t{1});
        engine.runUntil(SimTime::seconds(10)); // same time again is allowed
        Engine empty;
        empty.runUntil(SimTime::minutes(3));
        QCOMPARE(empty.now(), SimTime::minutes(3));
    }

    void runUntilIncludesEventsScheduledAtTheLimit() {
        Engine engine;
        int ran = 0;
        engine.scheduleAt(SimTime::seconds(1), [&] {
            ++ran;
            engine.schedule(SimTime::zero(), [&] { ++ran; });
        });
        engine.runUntil(SimTime::seconds(1));
        QCOMPARE(ran, 2);
    }

    void runEvents_data() {
        QTest::addColumn<int>("scheduled");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected");
        QTest::newRow("fewer than pending") << 10 << 4 << 4;
        QTest::newRow("more than pending") << 3 << 10 << 3;
        QTest::newRow("zero") << 5 << 0 << 0;
        QTest::newRow("empty") << 0 << 5 << 0;
    }
    void runEvents() {
        QFETCH(int, scheduled);
        QFETCH(int, requested);
        QFETCH(int, expected);
        Engine engine;
        for (int i = 0; i < scheduled; ++i) {
            engine.schedule(SimTime::seconds(i), [] {});
        }
        QCOMPARE(engine.runEvents(static_cast<std::uint64_t>(requested)),
                 static_cast<std::uint64_t>(expected));
        QCOMPARE(engine.eventCount(), static_cast<std::uint64_t>(expected));
        QCOMPARE(engine.pendingCount(), static_cast<std::size_t>(scheduled - expected));
    }

    void peekNextTime() {
        Engine engine;
        QVERIFY(!engine.peekNextTime().has_value());
        const EventId early = engine.schedule(SimTime::seconds(1), [] {});
        engine.schedule(SimTime::seconds(3), [] {});
        QCOMPARE(engine.peekNextTime(), std::optional(SimTime::seconds(1)));
        engine.cancel(early);
        QCOMPARE(engine.peekNextTime(), std::optional(SimTime::seconds(3)));
        QVERIFY(engine.step());
        QCOMPARE(engine.now(), SimTime::seconds(3));
        QVERIFY(!engine.peekNextTime().has_value());
        QVERIFY(!engine.step());
    }

    void schedulingInsideHandlers() {
        Engine engine;
        QStringList log;
        engine.scheduleAt(SimTime::seconds(1), [&] {
            log << QStringLiteral("a@%1").arg(engine.now().toSeconds());
            // Same time, higher priority than the pending "b": runs before it.
            engine.schedule(
                SimTime::zero(), [&] { log << QStringLiteral("urgent"); }, 0);
            // Same time and priority as "b": runs after it (FIFO).
            engine.schedule(SimTime::zero(), [&] { log << QStringLiteral("late"); });
            engine.schedule(SimTime::seconds(1),
                            [&] { log << QStringLiteral("c@%1").arg(engine.now().toSeconds()); });
        });
        engine.scheduleAt(SimTime::seconds(1), [&] { log << QStringLiteral("b"); });
        engine.runUntil(SimTime::seconds(5));
        QCOMPARE(log, (QStringList{"a@1", "urgent", "b", "late", "c@2"}));
        QCOMPARE(engine.eventCount(), std::uint64_t{5});
    }

    void pastIsRejected() {
        Engine engine;
        engine.runUntil(SimTime::seconds(10));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 engine.scheduleAt(SimTime::seconds(9), [] {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 engine.schedule(SimTime::milliseconds(-1), [] {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, engine.runUntil(SimTime::seconds(5)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 engine.scheduleAt(SimTime::seconds(11), Engine::Handler{}));
        try {
            engine.scheduleAt(SimTime::seconds(9), [] {});
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            // The message names both times so the author can find the bug.
            const std::string what = e.what();
            QVERIFY2(what.find("9s") != std::string::npos, e.what());
            QVERIFY2(what.find("10s") != std::string::npos, e.what());
        }
        // Nothing was scheduled and time did not move.
        QCOMPARE(engine.pendingCount(), std::size_t{0});
        QCOMPARE(engine.now(), SimTime::seconds(10));
        // Now itself is fine.
        engine.scheduleAt(SimTime::seconds(10), [] {});
        QCOMPARE(engine.pendingCount(), std::size_t{1});
    }

    void reenteringTheLoopThrows() {
        Engine engine;
        bool threw = false;
        engine.schedule(SimTime::seconds(1), [&] {
            try {
                engine.step();
            } catch (const std::logic_error&) {
                threw = true;
            }
        });
        engine.schedule(SimTime::seconds(2), [] {});
        engine.runUntil(SimTime::seconds(1));
        QVERIFY(threw);
        // A throwing handler leaves the engine usable.
        engine.schedule(SimTime::zero(), [] { throw std::runtime_error("model bug"); });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, engine.step());
        QVERIFY(engine.step());
        QCOMPARE(engine.now(), SimTime::seconds(2));
    }

    void fingerprint() {
        // Two events at the same time whose handlers record who they are, as model code does:
        // swapping their priorities swaps their run order, which must change the fingerprint;
        // the same schedule must reproduce it exactly.
        auto run = [](cnsim::EventPriority first, cnsim::EventPriority second, bool enabled) {
            Engine engine;
            engine.setFingerprinting(enabled);
            auto& fp = engine.fingerprint();
            engine.scheduleAt(
                SimTime::seconds(1), [&fp] { fp.addString("first"); }, first);
            engine.scheduleAt(
                SimTime::seconds(1), [&fp] { fp.addString("second"); }, second);
            engine.scheduleAt(SimTime::seconds(2), [] {});
            engine.runUntil(SimTime::seconds(3));
            return engine.fingerprint().value();
        };
        const auto base = run(1, 2, true);
        QCOMPARE(run(1, 2, true), base);
        QVERIFY(run(2, 1, true) != base);
        // The engine's own fold sees priorities: a different priority alone changes it.
        QVERIFY(run(1, 3, true) != base);

        // Disabled: only what handlers add goes in.
        cnsim::Fingerprint handlersOnly;
        handlersOnly.addString("first");
        handlersOnly.addString("second");
        QCOMPARE(run(1, 2, false), handlersOnly.value());

        // Time moves the fingerprint too.
        Engine a;
        a.setFingerprinting(true);
        a.scheduleAt(SimTime::seconds(1), [] {});
        a.runUntil(SimTime::seconds(5));
        Engine b;
        b.setFingerprinting(true);
        b.scheduleAt(SimTime::microseconds(1'000'001), [] {});
        b.runUntil(SimTime::seconds(5));
        QVERIFY(a.fingerprint().value() != b.fingerprint().value());

        // Exactly: FNV-1a over time (8 bytes, little-endian) then priority (1 byte).
        cnsim::Fingerprint expected;
        expected.addI64(1'000'000);
        const std::uint8_t priority = cnsim::kDefaultEventPriority;
        expected.addBytes(&priority, 1);
        QCOMPARE(a.fingerprint().value(), expected.value());
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "test_engine.moc"
