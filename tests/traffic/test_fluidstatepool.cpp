// FluidStatePool (aggregate mode's shared pod states) against a copy per pod: pods stepped
// the way TrafficModel::stepStations steps them — alike ones following the last step, the
// others stepping, some restarting — must each see exactly the state its own copy reaches,
// while the pool holds each state once and reuses the slots of states nobody holds.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "traffic/fluidstatepool.h"

#include <set>
#include <vector>
#endif

using namespace cnsim;

class TestFluidStatePool : public QObject {
    Q_OBJECT

private slots:
    void sharedStatesMatchACopyPerPod();
    void aLoneHolderStepsInPlace();
};

void TestFluidStatePool::sharedStatesMatchACopyPerPod() {
    constexpr std::size_t kPods = 60;
    constexpr double kMeanWork = 0.004;
    RandomStream random(7, "pool-test");
    const FluidStation fresh(1.0, 4, 20);
    FluidStatePool pool;
    std::vector<FluidStatePool::Id> held;
    std::vector<FluidStation> copies(kPods, fresh);
    for (std::size_t p = 0; p < kPods; ++p) {
        held.push_back(pool.add(fresh));
    }
    for (int second = 0; second < 400; ++second) {
        // A few rates a second (pods of a Service share one; some get none, like pods that do
        // not serve yet), with overloads now and then so that backlogs differ between pods.
        const double busy = random.uniform01() < 0.2 ? 1500.0 : 150.0;
        FluidStatePool::Id stepped = FluidStatePool::Id(-1);
        FluidStation::StepKey steppedKey{};
        for (std::size_t p = 0; p < kPods; ++p) {
            if (random.uniform01() < 0.01) { // restarted: a fresh state of its own
                pool.release(held[p]);
                held[p] = pool.add(fresh);
                copies[p] = fresh;
            }
            const double rate = random.uniform01() < 0.1 ? 0.0 : busy;
            const FluidStation::StepKey key = pool[held[p]].stepKey(rate, kMeanWork, 1.0);
            copies[p].step(rate, kMeanWork, 1.0);
            if (stepped != FluidStatePool::Id(-1) && key == steppedKey) {
                held[p] = pool.follow(held[p], stepped);
            } else {
                held[p] = pool.step(held[p], rate, kMeanWork, 1.0);
                stepped = held[p];
                steppedKey = key;
            }
        }
        std::set<FluidStatePool::Id> distinct(held.begin(), held.end());
        for (std::size_t p = 0; p < kPods; ++p) {
            QVERIFY2(pool[held[p]] == copies[p],
                     qPrintable(QStringLiteral("second %1, pod %2").arg(second).arg(p)));
        }
        std::size_t holders = 0;
        for (const FluidStatePool::Id id : distinct) {
            holders += pool.holders(id);
        }
        QCOMPARE(holders, kPods);
        QCOMPARE(pool.live(), distinct.size());
        QVERIFY(pool.capacity() <= kPods + 1);
    }
    // Pods stepped alike share: far fewer states than pods.
    QVERIFY(pool.live() < kPods / 4);
}

void TestFluidStatePool::aLoneHolderStepsInPlace() {
    FluidStatePool pool;
    const FluidStatePool::Id a = pool.add(FluidStation(2.0, 0, 100));
    QCOMPARE(pool.step(a, 100.0, 0.01, 1.0), a);
    const FluidStatePool::Id b = pool.follow(pool.add(FluidStation()), a);
    QCOMPARE(b, a);
    QCOMPARE(pool.holders(a), std::size_t{2});
    QCOMPARE(pool.live(), std::size_t{1}); // the other state was dropped
    const FluidStatePool::Id c = pool.step(a, 50.0, 0.01, 1.0);
    QVERIFY(c != a);               // a second holder: the step gets a state of its own
    QCOMPARE(pool.capacity(), std::size_t{2}); // in the slot the dropped state left
    QCOMPARE(pool.holders(a), std::size_t{1});
}

QTEST_GUILESS_MAIN(TestFluidStatePool)
#include "test_fluidstatepool.moc"
