// scenarios/hpa-flapping.yaml: the same bursty load on two Deployments. The HPA with
// behavior.scaleDown.stabilizationWindowSeconds: 0 scales down after every burst and up again
// at the next (flapping); the HPA with the default 300 s window scales down only to the highest
// recommendation of the last five minutes, which always holds the previous burst (bursts come
// every 150 s), so it never scales down while the bursts go on.
//
// Upstream: kubernetes pkg/controller/podautoscaler/horizontal.go stabilizeRecommendation /
// stabilizeRecommendationWithBehaviors, and DefaultHPAScaleDownStabilizationWindow (300 s) in
// pkg/apis/autoscaling/v2/defaults.go.

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenariotext.h"

#include <cstdlib>
#include <string>
#endif

using namespace cnsim;

namespace {

struct Rescales {
    int ups = 0;
    int downs = 0;
};

Rescales rescalesOf(const Simulation& sim, const std::string& hpa) {
    Rescales r;
    int previous = 2; // minReplicas, the Deployment's starting replicas
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason != EventReason::SuccessfulRescale || e.objectName != hpa) {
            continue;
        }
        const int replicas = std::atoi(std::string(e.arg("replicas")).c_str());
        (replicas > previous ? r.ups : r.downs) += 1;
        previous = replicas;
    }
    return r;
}

} // namespace

class TestHpaFlapping : public QObject {
    Q_OBJECT

private slots:
    void windowStopsFlapping() {
        Simulation sim(test::loadScenarioFile("hpa-flapping.yaml"));
        sim.runToEnd();
        const Rescales flappy = rescalesOf(sim, "flappy");
        const Rescales steady = rescalesOf(sim, "steady");
        // Without a window: down after each burst but the last, up at each.
        QVERIFY(flappy.downs >= 6);
        QVERIFY(flappy.ups >= 7);
        // With the default window: up to the burst's size once, never down while bursts come.
        QCOMPARE(steady.downs, 0);
        QVERIFY(steady.ups <= 3);
        // The run's numbers (docs/autoscaling.md): 2 → 6 → 8 at each burst and back to 2 after
        // it for the flappy HPA; 2 → 4 → 8 → 10 once for the steady one.
        QCOMPARE(flappy.ups, 16);
        QCOMPARE(flappy.downs, 8);
        QCOMPARE(steady.ups, 3);
        // What flapping costs: pods created again and again, and requests that find too few
        // pods at the start of each burst.
        const RunSummary summary = sim.summary();
        int flappyPods = 0;
        int steadyPods = 0;
        for (const DeploymentSummary& d : summary.deployments) {
            (d.name == "flappy" ? flappyPods : steadyPods) = d.podsCreated;
        }
        QCOMPARE(flappyPods, 50);
        QCOMPARE(steadyPods, 10);
        const ServiceSummary* flappySvc = nullptr;
        const ServiceSummary* steadySvc = nullptr;
        for (const ServiceSummary& sv : summary.services) {
            (sv.name == "flappy" ? flappySvc : steadySvc) = &sv;
        }
        QVERIFY(flappySvc != nullptr && steadySvc != nullptr);
        QVERIFY(flappySvc->p95LatencyMs > 2.0 * steadySvc->p95LatencyMs);
        QVERIFY(flappySvc->errors > 3 * steadySvc->errors);
    }
};

QTEST_GUILESS_MAIN(TestHpaFlapping)
#include "test_hpa_flapping.moc"
