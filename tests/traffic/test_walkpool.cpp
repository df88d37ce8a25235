// WalkPool (sim/traffic/walkpool.h): aggregate mode's kept walks, newest first, the oldest
// evicted when full, each walk's visits kept apart.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/walkpool.h"
#endif

using namespace cnsim;

namespace {

// A walk of `visits` visits, each marked with `id` in its bucket.
void addWalk(WalkPool& pool, std::uint32_t id, int visits) {
    pool.beginWalk();
    for (int v = 0; v < visits; ++v) {
        WalkUpdate update;
        update.bucket = id;
        update.serviceIndex = static_cast<std::uint32_t>(v);
        pool.record(update);
    }
    pool.endWalk();
}

std::uint32_t idOf(std::span<const WalkUpdate> walk) {
    return walk.empty() ? 0xffffffffu : walk.front().bucket;
}

} // namespace

class TestWalkPool : public QObject {
    Q_OBJECT

private slots:
    void newestFirst();
    void evictsTheOldestWhenFull();
    void clearForgetsEveryWalk();
    void dropsAWalkTooLongToKeep();
};

void TestWalkPool::newestFirst() {
    WalkPool pool(4);
    QCOMPARE(pool.size(), std::size_t{0});
    addWalk(pool, 1, 3);
    addWalk(pool, 2, 1);
    addWalk(pool, 3, 2);
    QCOMPARE(pool.size(), std::size_t{3});
    QCOMPARE(idOf(pool.walk(0)), 3u);
    QCOMPARE(idOf(pool.walk(1)), 2u);
    QCOMPARE(idOf(pool.walk(2)), 1u);
    QCOMPARE(pool.walk(0).size(), std::size_t{2});
    QCOMPARE(pool.walk(1).size(), std::size_t{1});
    QCOMPARE(pool.walk(2).size(), std::size_t{3});
    QCOMPARE(pool.walk(2)[2].serviceIndex, 2u); // visits in the order recorded
}

void TestWalkPool::evictsTheOldestWhenFull() {
    WalkPool pool(3);
    for (std::uint32_t id = 1; id <= 7; ++id) {
        addWalk(pool, id, static_cast<int>(id));
    }
    QCOMPARE(pool.size(), std::size_t{3});
    QCOMPARE(idOf(pool.walk(0)), 7u);
    QCOMPARE(idOf(pool.walk(1)), 6u);
    QCOMPARE(idOf(pool.walk(2)), 5u);
    // A reused slot holds only its new walk's visits.
    QCOMPARE(pool.walk(0).size(), std::size_t{7});
    QCOMPARE(pool.walk(2).size(), std::size_t{5});
}

void TestWalkPool::clearForgetsEveryWalk() {
    WalkPool pool(2);
    addWalk(pool, 1, 2);
    addWalk(pool, 2, 2);
    pool.clear();
    QCOMPARE(pool.size(), std::size_t{0});
    addWalk(pool, 3, 1);
    QCOMPARE(pool.size(), std::size_t{1});
    QCOMPARE(idOf(pool.walk(0)), 3u);
    QCOMPARE(pool.walk(0).size(), std::size_t{1});
}

void TestWalkPool::dropsAWalkTooLongToKeep() {
    // A fan-out of more than kMaxVisits visits is not kept: the pool's memory stays bounded.
    constexpr int kTooLong = static_cast<int>(WalkPool::kMaxVisits) + 1;
    WalkPool pool(3);
    addWalk(pool, 1, 2);
    addWalk(pool, 2, kTooLong);
    QCOMPARE(pool.size(), std::size_t{1});
    QCOMPARE(idOf(pool.walk(0)), 1u);
    addWalk(pool, 3, 1);
    addWalk(pool, 4, 1);
    addWalk(pool, 5, kTooLong); // in place of the oldest, which is gone either way
    QCOMPARE(pool.size(), std::size_t{2});
    QCOMPARE(idOf(pool.walk(0)), 4u);
    QCOMPARE(idOf(pool.walk(1)), 3u);
    addWalk(pool, 6, static_cast<int>(WalkPool::kMaxVisits)); // just short enough
    QCOMPARE(pool.size(), std::size_t{3});
    QCOMPARE(pool.walk(0).size(), WalkPool::kMaxVisits);
}

QTEST_GUILESS_MAIN(TestWalkPool)
#include "test_walkpool.moc"
