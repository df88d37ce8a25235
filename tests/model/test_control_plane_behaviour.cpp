// The control plane through the running model: rolling updates and their arithmetic, a bad
// release that stalls and is rolled back, CrashLoopBackOff timing, drain with a
// PodDisruptionBudget, and the outages (control plane, registry) a lesson scripts.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenariotext.h"

#include <algorithm>
#include <string>
#endif

using namespace cnsim;

namespace {

// 2 nodes of 4 cores, Deployment "web" (4 replicas, 500m, image web:1) behind Service "web";
// images web:1 (good), web:2 (good), web:bad (never ready), web:crash (exits after 5 s).
std::string rolloutScenario(const std::string& extraPodSpec = "",
                            const std::string& extraDeploymentSpec = "",
                            const std::string& extraWorkloads = "",
                            const std::string& extraSimulation = "") {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: rollout
  title:
    en: Rollout
seed: 5
duration: 20m
cluster:
  nodePools:
    - name: node
      zone: zone-a
      count: 2
      cpu: "4"
      memory: 8Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 4
)" + extraDeploymentSpec +
           R"(      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: web:1
              resources:
                requests:
                  cpu: 500m
                  memory: 128Mi
)" + extraPodSpec +
           R"(  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
        - port: 80
)" + extraWorkloads +
           R"(simulation:
  podStartupTime: 1s
  images:
    - name: web:1
      size: 10Mi
      startupTime: 2s
    - name: web:2
      size: 10Mi
      startupTime: 2s
    - name: web:bad
      size: 10Mi
      startupTime: 2s
      neverReady: true
    - name: web:crash
      size: 10Mi
      startupTime: 1s
      crashAfter: 5s
)" + extraSimulation;
}

const std::string kReadinessProbe = R"(              readinessProbe:
                httpGet:
                  path: /healthz
                  port: 80
                periodSeconds: 2
)";

int countReady(const ClusterSnapshot& snap) {
    return static_cast<int>(std::count_if(snap.pods.begin(), snap.pods.end(),
                                          [](const PodState& p) { return p.ready; }));
}

const ReplicaSetObject* replicaSetWithImage(const Simulation& sim, const std::string& image) {
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        if (rs.templateSpec.containers.front().image == image) {
            return &rs;
        }
    }
    return nullptr;
}

std::vector<const ClusterEvent*> eventsWith(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason == reason) {
            out.push_back(&e);
        }
    }
    return out;
}

} // namespace

class TestControlPlaneBehaviour : public QObject {
    Q_OBJECT

private slots:
    void rollingUpdateKeepsSurgeAndAvailability();
    void badReleaseStallsAndRollsBack();
    void crashLoopBackOffDelays();
    void drainRespectsDisruptionBudget();
    void schedulerOutageLeavesPodsPending();
    void registryOutageBacksOffPulls();
    void scriptedCommandsRunAtTheirTime();
    void zoneDisruptionLimitsEvictions();
};

void TestControlPlaneBehaviour::rollingUpdateKeepsSurgeAndAvailability() {
    // Defaults 25% / 25% of 4 replicas: maxSurge 1 (rounded up), maxUnavailable 1 (rounded
    // down) — deployment_util.go ResolveFenceposts. At no instant more than 5 pods exist or
    // fewer than 3 are ready.
    Simulation sim(test::loadScenarioText(rolloutScenario(kReadinessProbe)));
    sim.advanceTo(SimTime::seconds(30));
    QCOMPARE(countReady(sim.snapshot()), 4);
    QVERIFY(sim.apply(SetImageAction{"web", "web", "web:2"}).ok);
    int maxPods = 0;
    int minReady = 4;
    for (SimTime t = SimTime::seconds(30); t <= SimTime::seconds(120);
         t += SimTime::milliseconds(100)) {
        sim.advanceTo(t);
        const ClusterSnapshot snap = sim.snapshot();
        int alive = 0;
        for (const PodState& p : snap.pods) {
            alive += p.phase != PodPhase::Terminating ? 1 : 0;
        }
        maxPods = std::max(maxPods, alive);
        minReady = std::min(minReady, countReady(snap));
    }
    QCOMPARE(maxPods, 5);
    QCOMPARE(minReady, 3);
    const ReplicaSetObject* next = replicaSetWithImage(sim, "web:2");
    const ReplicaSetObject* previous = replicaSetWithImage(sim, "web:1");
    QVERIFY(next != nullptr && previous != nullptr);
    QCOMPARE(next->replicas, 4);
    QCOMPARE(next->availableReplicas, 4);
    QCOMPARE(previous->replicas, 0);
    QCOMPARE(replicaSetRevision(*next), std::int64_t{2});
    const DeploymentObject* d = sim.api().deployments().find("default", "web");
    QCOMPARE(d->updatedReplicas, 4);
    const Condition* progressing = findCondition(d->conditions, "Progressing");
    QVERIFY(progressing != nullptr);
    QCOMPARE(progressing->reason, std::string("NewReplicaSetAvailable"));
}

void TestControlPlaneBehaviour::badReleaseStallsAndRollsBack() {
    // A release whose pods never become ready freezes the rollout at 3 old + 2 new
    // (rolling.go reconcileOldReplicaSets cannot scale down further), the Progressing
    // condition turns False after progressDeadlineSeconds, and rollout undo restores it.
    Simulation sim(test::loadScenarioText(
        rolloutScenario(kReadinessProbe, "      progressDeadlineSeconds: 60\n")));
    sim.advanceTo(SimTime::seconds(30));
    QVERIFY(sim.apply(SetImageAction{"web", "web", "web:bad"}).ok);
    sim.advanceTo(SimTime::seconds(80));
    const ReplicaSetObject* bad = replicaSetWithImage(sim, "web:bad");
    const ReplicaSetObject* good = replicaSetWithImage(sim, "web:1");
    QVERIFY(bad != nullptr && good != nullptr);
    QCOMPARE(bad->replicas, 2);
    QCOMPARE(bad->readyReplicas, 0);
    QCOMPARE(good->replicas, 3);
    QCOMPARE(countReady(sim.snapshot()), 3);

    sim.advanceTo(SimTime::seconds(120));
    const Condition* progressing =
        findCondition(sim.api().deployments().find("default", "web")->conditions, "Progressing");
    QVERIFY(progressing != nullptr);
    QCOMPARE(progressing->status, ConditionStatus::False);
    QCOMPARE(progressing->reason, std::string("ProgressDeadlineExceeded"));

    QVERIFY(sim.apply(RolloutUndoAction{"web", 0}).ok);
    sim.advanceTo(SimTime::seconds(160));
    good = replicaSetWithImage(sim, "web:1");
    bad = replicaSetWithImage(sim, "web:bad");
    QCOMPARE(good->replicas, 4);
    QCOMPARE(good->readyReplicas, 4);
    QCOMPARE(bad->replicas, 0);
    QCOMPARE(replicaSetRevision(*good), std::int64_t{3}); // the old template, newest revision
    QVERIFY(!sim.apply(RolloutUndoAction{"web", 7}).ok);  // no such revision
}

void TestControlPlaneBehaviour::crashLoopBackOffDelays() {
    // A container that exits 5 s after each start restarts at once the first time, then after
    // 10, 20, 40 s of back-off (kuberuntime_manager.go doBackOff, flowcontrol backoff.go).
    std::string yaml = rolloutScenario();
    yaml.replace(yaml.find("image: web:1"), 12, "image: web:crash");
    yaml.replace(yaml.find("replicas: 4"), 11, "replicas: 1");
    Simulation sim(test::loadScenarioText(yaml));
    sim.advanceTo(SimTime::seconds(200));
    std::vector<SimTime> starts;
    for (const ClusterEvent* e : eventsWith(sim, EventReason::Started)) {
        starts.push_back(e->time);
    }
    QVERIFY(starts.size() >= 5);
    // Each run lasts 1 s (podStartupTime) + 5 s; the waits between exit and restart are
    // 0, 10, 20, 40 s.
    const std::vector<std::int64_t> expectedGaps{6, 16, 26, 46};
    for (std::size_t i = 0; i < expectedGaps.size(); ++i) {
        QCOMPARE((starts[i + 1] - starts[i]).toMicroseconds() / 1'000'000, expectedGaps[i]);
    }
    const PodState pod = sim.snapshot().pods.front();
    QVERIFY(pod.restarts >= 4);
    QVERIFY(!eventsWith(sim, EventReason::BackOff).empty());
}

void TestControlPlaneBehaviour::drainRespectsDisruptionBudget() {
    // minAvailable 3 of 4 replicas: drain may evict one pod at a time and must wait until its
    // replacement is ready elsewhere (disruption.go, eviction.go, kubectl drain retries 5 s).
    const std::string pdb = R"(  - apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      minAvailable: 3
      selector:
        matchLabels:
          app: web
)";
    Simulation sim(test::loadScenarioText(rolloutScenario(kReadinessProbe, "", pdb)));
    sim.advanceTo(SimTime::seconds(30));
    int onNode1 = 0;
    for (const PodState& p : sim.snapshot().pods) {
        onNode1 += p.node == "node-1" ? 1 : 0;
    }
    QVERIFY(onNode1 >= 2);
    QVERIFY(sim.apply(DrainNodeAction{"node-1"}).ok);
    int minReady = 4;
    for (SimTime t = SimTime::seconds(30); t <= SimTime::seconds(120);
         t += SimTime::milliseconds(200)) {
        sim.advanceTo(t);
        minReady = std::min(minReady, countReady(sim.snapshot()));
    }
    QVERIFY(minReady >= 3);
    QVERIFY(!eventsWith(sim, EventReason::EvictionBlocked).empty());
    QCOMPARE(eventsWith(sim, EventReason::Drained).size(), std::size_t{1});
    const ClusterSnapshot snap = sim.snapshot();
    for (const PodState& p : snap.pods) {
        QVERIFY(p.node != "node-1");
    }
    QCOMPARE(countReady(snap), 4);
    QVERIFY(sim.api().nodes().find("", "node-1")->unschedulable);
}

void TestControlPlaneBehaviour::schedulerOutageLeavesPodsPending() {
    const std::string outage = R"(  faults:
    - at: 20s
      type: controlPlaneOutage
      component: scheduler
      duration: 30s
)";
    Simulation sim(test::loadScenarioText(rolloutScenario("", "", "", outage)));
    sim.advanceTo(SimTime::seconds(25));
    QVERIFY(sim.apply(ScaleDeploymentAction{"web", 6}).ok);
    sim.advanceTo(SimTime::seconds(45));
    ClusterSnapshot snap = sim.snapshot();
    QCOMPARE(static_cast<int>(
                 std::count_if(snap.pods.begin(), snap.pods.end(),
                               [](const PodState& p) { return p.phase == PodPhase::Pending; })),
             2);
    QCOMPARE(countReady(snap), 4); // running pods keep serving
    sim.advanceTo(SimTime::seconds(60));
    QCOMPARE(countReady(sim.snapshot()), 6);
}

void TestControlPlaneBehaviour::registryOutageBacksOffPulls() {
    const std::string outage = R"(  faults:
    - at: 0s
      type: registryOutage
      duration: 45s
)";
    Simulation sim(test::loadScenarioText(rolloutScenario("", "", "", outage)));
    sim.advanceTo(SimTime::seconds(30));
    const ClusterSnapshot during = sim.snapshot();
    QCOMPARE(countReady(during), 0);
    QVERIFY(std::any_of(during.pods.begin(), during.pods.end(), [](const PodState& p) {
        return p.status == "ImagePullBackOff" || p.status == "ErrImagePull";
    }));
    QVERIFY(!eventsWith(sim, EventReason::Failed).empty());
    sim.advanceTo(SimTime::minutes(3));
    QCOMPARE(countReady(sim.snapshot()), 4);
}

void TestControlPlaneBehaviour::scriptedCommandsRunAtTheirTime() {
    const std::string commands = R"(  commands:
    - at: 40s
      run: kubectl scale deployment/web --replicas=2
)";
    Simulation sim(test::loadScenarioText(rolloutScenario("", "", "", commands)));
    std::vector<std::pair<SimTime, std::string>> seen;
    sim.setCommandHandler([&seen](Simulation& s, const ScheduledCommand& command) {
        seen.emplace_back(s.now(), command.run);
        // What the kubectl handler does for this command: an action, from inside the event.
        QVERIFY(s.apply(ScaleDeploymentAction{"web", 2}).ok);
    });
    sim.advanceTo(SimTime::seconds(39));
    QCOMPARE(sim.snapshot().deployments.front().desiredReplicas, 4);
    sim.advanceTo(SimTime::seconds(60));
    QCOMPARE(seen.size(), std::size_t{1});
    QCOMPARE(seen.front().first, SimTime::seconds(40));
    QCOMPARE(seen.front().second, std::string("kubectl scale deployment/web --replicas=2"));
    QCOMPARE(sim.snapshot().deployments.front().desiredReplicas, 2);
    QCOMPARE(countReady(sim.snapshot()), 2);
}

void TestControlPlaneBehaviour::zoneDisruptionLimitsEvictions() {
    // node_lifecycle_controller.go handleDisruption: a zone with more than 2 nodes and at least
    // 55% of them not ready is PartiallyDisrupted; in a cluster under 50 nodes its eviction
    // rate is 0, so the pods wait for their nodes instead of crowding the survivors. A zone
    // that is wholly down (FullDisruption, other zones healthy) is tainted at the healthy rate
    // of 0.1 node/s: one node every 10 s.
    const auto scenarioWith = [](const std::string& faults) {
        return std::string(R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: zones
  title:
    en: Zones
seed: 2
duration: 10m
cluster:
  nodePools:
    - name: a
      zone: zone-a
      count: 5
      cpu: "4"
      memory: 8Gi
    - name: b
      zone: zone-b
      count: 3
      cpu: "4"
      memory: 8Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 16
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  cpu: 100m
simulation:
  faults:
)") + faults;
    };
    const std::string partial = R"(    - at: 30s
      type: failNode
      node: a-1
    - at: 30s
      type: failNode
      node: a-2
    - at: 30s
      type: failNode
      node: a-3
)";
    Simulation partialSim(test::loadScenarioText(scenarioWith(partial)));
    partialSim.runToEnd();
    QCOMPARE(eventsWith(partialSim, EventReason::NodeNotReady).size(), std::size_t{3});
    QVERIFY(eventsWith(partialSim, EventReason::TaintManagerEviction).empty());

    const std::string fullZone = R"(    - at: 30s
      type: zoneOutage
      zone: zone-b
)";
    Simulation fullSim(test::loadScenarioText(scenarioWith(fullZone)));
    fullSim.runToEnd();
    std::vector<SimTime> evictions;
    for (const ClusterEvent* e : eventsWith(fullSim, EventReason::TaintManagerEviction)) {
        if (evictions.empty() || evictions.back() != e->time) {
            evictions.push_back(e->time);
        }
    }
    // The outage at 30 s comes before that instant's lease renewal, so the last one was at
    // 20 s: NotReady at 75 s; NoExecute taints at 75, 85, 95 s; evictions 300 s after each.
    QCOMPARE(evictions.size(), std::size_t{3});
    QCOMPARE(evictions[0], SimTime::seconds(375));
    QCOMPARE(evictions[1], SimTime::seconds(385));
    QCOMPARE(evictions[2], SimTime::seconds(395));
}

QTEST_GUILESS_MAIN(TestControlPlaneBehaviour)
#include "test_control_plane_behaviour.moc"
