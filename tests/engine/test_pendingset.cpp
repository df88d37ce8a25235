// Every pending-event set, and the engine loop over each of them, against one randomized
// reference: pop order must equal a sorted copy of what went in (time, priority, sequence).
// Adding a set to kSets below is all it takes to test a new implementation.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the engine headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "engine/enginecore.h"
#include "engine/pairingheap.h"
#include "engine/pendingeventset.h"
#include "engine/random.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>
#endif

using namespace cnsim;

namespace {

using Key = std::tuple<std::int64_t, std::uint64_t, std::uint32_t>;

Key keyOf(const PendingEvent& e) {
    return {e.time, e.key, e.slot};
}

// Small time and priority ranges force many ties, which is where order bugs hide.
PendingEvent randomEvent(RandomStream& random, std::uint64_t sequence, std::int64_t base,
                         std::uint64_t timeRange) {
    const auto priority = static_cast<std::uint8_t>(random.uniformIndex(4) * 64);
    return PendingEvent{base + static_cast<std::int64_t>(random.uniformIndex(timeRange)),
                        makeEventKey(priority, sequence), static_cast<std::uint32_t>(sequence), 1};
}

template <PendingEventSet Set>
void checkSortedDrain(std::uint64_t seed, int size, std::uint64_t timeRange) {
    RandomStream random(seed, "drain");
    Set set;
    std::vector<Key> reference;
    for (int i = 0; i < size; ++i) {
        const PendingEvent e = randomEvent(random, static_cast<std::uint64_t>(i), 0, timeRange);
        set.push(e);
        reference.push_back(keyOf(e));
    }
    QCOMPARE(set.size(), static_cast<std::size_t>(size));
    std::sort(reference.begin(), reference.end());
    for (const Key& expected : reference) {
        QVERIFY(!set.empty());
        QCOMPARE(keyOf(set.top()), expected);
        QCOMPARE(keyOf(set.pop()), expected);
    }
    QVERIFY(set.empty());
}

template <PendingEventSet Set>
void checkInterleaved(std::uint64_t seed, int operations, std::uint64_t timeRange) {
    // A hold-like mix: pushes never go below the last popped time, as in a simulation.
    RandomStream random(seed, "interleaved");
    Set set;
    std::set<Key> reference;
    std::uint64_t sequence = 0;
    std::int64_t now = 0;
    for (int i = 0; i < operations; ++i) {
        if (reference.empty() || random.uniform01() < 0.55) {
            const PendingEvent e = randomEvent(random, sequence++, now, timeRange);
            set.push(e);
            reference.insert(keyOf(e));
        } else {
            const Key expected = *reference.begin();
            reference.erase(reference.begin());
            const PendingEvent got = set.pop();
            QCOMPARE(keyOf(got), expected);
            now = got.time;
        }
        QCOMPARE(set.size(), reference.size());
    }
    while (!reference.empty()) {
        QCOMPARE(keyOf(set.pop()), *reference.begin());
        reference.erase(reference.begin());
    }
    QVERIFY(set.empty());
}

template <PendingEventSet Set>
void checkRemoveIf(std::uint64_t seed, int size) {
    RandomStream random(seed, "remove");
    Set set;
    std::vector<Key> reference;
    for (int i = 0; i < size; ++i) {
        const PendingEvent e = randomEvent(random, static_cast<std::uint64_t>(i), 0, 50);
        set.push(e);
        if (e.slot % 3 != 0) {
            reference.push_back(keyOf(e));
        }
    }
    // Pop a few first so removeIf runs on a heap that has been reshaped.
    std::sort(reference.begin(), reference.end());
    const auto removed = set.removeIf([](const PendingEvent& e) { return e.slot % 3 == 0; });
    QCOMPARE(removed + reference.size(), static_cast<std::size_t>(size));
    QCOMPARE(set.size(), reference.size());
    for (const Key& expected : reference) {
        QCOMPARE(keyOf(set.pop()), expected);
    }
    QVERIFY(set.empty());
    set.push(PendingEvent{5, 1, 1, 1});
    set.clear();
    QVERIFY(set.empty());
}

template <PendingEventSet Set>
void checkEngineCore(std::uint64_t seed, int events) {
    // The full loop: random schedules (also from handlers) and random cancels; the run order
    // must be the sorted order of (time, priority, schedule order) of the surviving events.
    RandomStream random(seed, "engine");
    EngineCore<Set> engine;
    struct Planned {
        std::int64_t time;
        std::uint8_t priority;
        int order;
    };
    std::vector<Planned> planned;
    std::vector<std::uint64_t> ids;
    std::vector<bool> cancelled;
    std::vector<int> ran;
    auto add = [&](std::int64_t at, std::uint8_t priority) {
        const int order = static_cast<int>(planned.size());
        planned.push_back({at, priority, order});
        cancelled.push_back(false);
        ids.push_back(engine.scheduleAt(
            SimTime::microseconds(at), [&ran, order] { ran.push_back(order); }, priority));
    };
    for (int i = 0; i < events; ++i) {
        add(static_cast<std::int64_t>(random.uniformIndex(1000)),
            static_cast<std::uint8_t>(random.uniformIndex(3)));
    }
    for (int i = 0; i < events / 2; ++i) {
        const auto victim = random.uniformIndex(ids.size());
        const bool expected = !cancelled[victim];
        QCOMPARE(engine.cancel(ids[victim]), expected);
        cancelled[victim] = true;
    }
    std::size_t live = 0;
    for (const bool c : cancelled) {
        live += c ? 0 : 1;
    }
    QCOMPARE(engine.pendingCount(), live);
    engine.runUntil(SimTime::microseconds(2000));
    std::vector<Planned> expected;
    for (const Planned& p : planned) {
        if (!cancelled[static_cast<std::size_t>(p.order)]) {
            expected.push_back(p);
        }
    }
    std::sort(expected.begin(), expected.end(), [](const Planned& a, const Planned& b) {
        return std::tie(a.time, a.priority, a.order) < std::tie(b.time, b.priority, b.order);
    });
    QCOMPARE(ran.size(), expected.size());
    for (std::size_t i = 0; i < ran.size(); ++i) {
        QCOMPARE(ran[i], expected[i].order);
    }
    QCOMPARE(engine.eventCount(), static_cast<std::uint64_t>(expected.size()));
    QCOMPARE(engine.pendingCount(), std::size_t{0});
}

template <PendingEventSet Set>
void runAll(std::uint64_t seed, int size) {
    checkSortedDrain<Set>(seed, size, 100);
    checkSortedDrain<Set>(seed, size, 1'000'000'000);
    checkInterleaved<Set>(seed, size * 4, 100);
    checkRemoveIf<Set>(seed, size);
    checkEngineCore<Set>(seed, size);
}

} // namespace

class TestPendingSet : public QObject {
    Q_OBJECT

private slots:
    void againstReference_data() {
        QTest::addColumn<QString>("set");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("size");
        for (const char* set : {BinaryHeap::kName, QuaternaryHeap::kName, PairingHeap::kName}) {
            for (const int size : {1, 2, 3, 5, 17, 1000, 20'000}) {
                for (const quint64 seed : {quint64(1), quint64(77)}) {
                    QTest::addRow("%s n=%d seed=%llu", set, size,
                                  static_cast<unsigned long long>(seed))
                        << QString::fromLatin1(set) << seed << size;
                }
            }
        }
    }
    void againstReference() {
        QFETCH(QString, set);
        QFETCH(quint64, seed);
        QFETCH(int, size);
        if (set == QLatin1String(BinaryHeap::kName)) {
            runAll<BinaryHeap>(seed, size);
        } else if (set == QLatin1String(QuaternaryHeap::kName)) {
            runAll<QuaternaryHeap>(seed, size);
        } else if (set == QLatin1String(PairingHeap::kName)) {
            runAll<PairingHeap>(seed, size);
        } else {
            QFAIL("unknown set");
        }
    }
};

QTEST_GUILESS_MAIN(TestPendingSet)
#include "test_pendingset.moc"
