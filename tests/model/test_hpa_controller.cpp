// The HorizontalPodAutoscaler wired into the running model: the metrics pipeline's lag, the
// controller's sync period, scale-up under CPU load, downscale stabilization with and without
// spec.behavior, a target without CPU requests, min/max limits, a controller-manager outage,
// determinism, and the manifest's reading, checks and round trip.
//
// Upstream: pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler, 15 s resync,
// events and conditions), replica_calculator.go (utilization of the request, ready pods),
// pkg/apis/autoscaling/validation/validation.go; metrics-server --metric-resolution 15 s.

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <string>
#endif

using namespace cnsim;

namespace {

struct HpaCase {
    std::string podResources = "requests:\n                  cpu: 500m\n";
    std::string hpaSpec = "      minReplicas: 1\n      maxReplicas: 10\n";
    std::string metrics = R"(      metrics:
        - type: Resource
          resource:
            name: cpu
            target:
              type: Utilization
              averageUtilization: 50
)";
    std::string traffic = R"(    - name: load
      service: web
      type: constant
      requestsPerSecond: 150
)";
    std::string faults;
    int replicas = 2;
    std::string duration = "6m";
};

// Two 8-core nodes, Deployment "web" (10 ms of CPU per request, limit 1 core), Service "web",
// HPA "web" on it.
std::string hpaScenario(const HpaCase& c) {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: hpa
  title:
    en: HPA
seed: 3
duration: )" +
           c.duration +
           R"(
cluster:
  nodePools:
    - name: node
      zone: zone-a
      count: 2
      cpu: "8"
      memory: 16Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: )" +
           std::to_string(c.replicas) + R"(
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
              image: web:1
              resources:
                )" +
           c.podResources +
           R"(                limits:
                  cpu: "1"
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
        - port: 80
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata:
      name: web
    spec:
      scaleTargetRef:
        apiVersion: apps/v1
        kind: Deployment
        name: web
)" + c.hpaSpec +
           c.metrics + R"(simulation:
  podStartupTime: 2s
  images:
    - name: web:1
      size: 10Mi
      startupTime: 1s
  services:
    - name: web
      cpuPerRequest: 10ms
      workers: 64
  traffic:
)" + c.traffic +
           (c.faults.empty() ? std::string() : "  faults:\n" + c.faults);
}

int replicasAt(Simulation& sim, SimTime t) {
    sim.advanceTo(t);
    const DeploymentObject* web = sim.api().deployments().find("default", "web");
    return web == nullptr ? -1 : web->spec.replicas;
}

std::vector<const ClusterEvent*> hpaEvents(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.component == Component::HorizontalPodAutoscaler && e.reason == reason) {
            out.push_back(&e);
        }
    }
    return out;
}

const HpaCondition* condition(const HorizontalPodAutoscalerObject& hpa, HpaConditionType type) {
    for (const HpaCondition& c : hpa.conditions) {
        if (c.type == type) {
            return &c;
        }
    }
    return nullptr;
}

const HorizontalPodAutoscalerObject& hpaObject(const Simulation& sim) {
    return *sim.api().horizontalPodAutoscalers().find("default", "web");
}

} // namespace

class TestHpaController : public QObject {
    Q_OBJECT

private slots:
    // 150 requests/s × 10 ms = 1.5 cores; at 50 % of 500m each pod may use 250m, so the HPA
    // settles at ceil(1.5 / 0.25) = 6. Without behavior the first step is capped at
    // max(2 × 2, 4) = 4 (ScaleUpLimit). Syncs happen every 15 s; metrics need two scrapes
    // of two kubelet points, so the first rescale cannot come before 30 s.
    void scaleUpUnderCpuLoad() {
        Simulation sim(test::loadScenarioText(hpaScenario(HpaCase{})));
        QCOMPARE(replicasAt(sim, SimTime::minutes(5)), 6);
        const auto rescales = hpaEvents(sim, EventReason::SuccessfulRescale);
        QVERIFY(rescales.size() >= 2);
        QVERIFY(rescales.front()->time >= SimTime::seconds(30));
        QCOMPARE(rescales.front()->time.toMicroseconds() % SimTime::seconds(15).toMicroseconds(),
                 std::int64_t{0});
        QCOMPARE(std::string(rescales.front()->arg("replicas")), std::string("4"));
        QCOMPARE(std::string(rescales.front()->arg("message")),
                 std::string("New size: 4; reason: cpu resource utilization (percentage of "
                             "request) above target"));
        const std::optional<HpaDecisionHistory> history = sim.hpaDecision("web");
        QVERIFY(history && !history->records.empty());
        const auto first =
            std::find_if(history->records.begin(), history->records.end(),
                         [](const HpaDecisionRecord& r) { return r.decision.rescale; });
        QVERIFY(first != history->records.end());
        const bool limited = std::any_of(
            first->decision.conditions.begin(), first->decision.conditions.end(),
            [](const HpaCondition& c) { return c.reason == "ScaleUpLimit" && c.status; });
        QVERIFY(limited);
        QVERIFY(first->decision.explanation.has(ExplainCode::HpaResourceUtilization));
        const HorizontalPodAutoscalerObject& hpa = hpaObject(sim);
        QCOMPARE(hpa.currentReplicas, 6);
        QVERIFY(hpa.lastScaleTime.has_value());
        QVERIFY(hpa.currentMetrics.front().averageUtilization.has_value());
        QVERIFY(sim.metrics().find("hpa/web/current_replicas") != nullptr);
        QVERIFY(sim.metrics().find("hpa/web/cpu_utilization_current") != nullptr);
    }

    // horizontal.go stabilizeRecommendation: after the load drops, the highest recommendation
    // of the last 5 minutes holds; with behavior.scaleDown.stabilizationWindowSeconds 60 the
    // scale-down comes within about a minute and a half.
    void downscaleStabilization_data() {
        QTest::addColumn<QString>("behavior");
        QTest::addColumn<int>("holdSeconds");
        QTest::newRow("default 5 min window") << QString() << 300;
        QTest::newRow("behavior window 60 s")
            << QStringLiteral("      behavior:\n        scaleDown:\n"
                              "          stabilizationWindowSeconds: 60\n")
            << 60;
    }
    void downscaleStabilization() {
        QFETCH(QString, behavior);
        QFETCH(int, holdSeconds);
        HpaCase c;
        c.metrics += behavior.toStdString();
        c.traffic = R"(    - name: load
      service: web
      type: constant
      requestsPerSecond: 150
      stop: 3m
)";
        c.duration = "12m";
        Simulation sim(test::loadScenarioText(hpaScenario(c)));
        QCOMPARE(replicasAt(sim, SimTime::minutes(3)), 6);
        // The drop is seen by metrics within about 30 s; the window starts then.
        QCOMPARE(replicasAt(sim, SimTime::minutes(3) + SimTime::seconds(holdSeconds)), 6);
        QVERIFY(replicasAt(sim, SimTime::minutes(3) + SimTime::seconds(holdSeconds + 90)) < 6);
        QCOMPARE(replicasAt(sim, SimTime::minutes(12)), 1);
    }

    // replica_calculator.go calculateRequests: utilization needs every container's CPU
    // request; the HPA reports it and never scales.
    void noCpuRequestCannotScale() {
        HpaCase c;
        c.podResources = "requests:\n                  memory: 64Mi\n";
        Simulation sim(test::loadScenarioText(hpaScenario(c)));
        QCOMPARE(replicasAt(sim, SimTime::minutes(3)), 2);
        QVERIFY(hpaEvents(sim, EventReason::SuccessfulRescale).empty());
        const auto failures = hpaEvents(sim, EventReason::FailedGetResourceMetric);
        QVERIFY(!failures.empty());
        QVERIFY(std::string(failures.back()->arg("message")).find("missing request for cpu") !=
                std::string::npos);
        const HpaCondition* active = condition(hpaObject(sim), HpaConditionType::ScalingActive);
        QVERIFY(active != nullptr);
        QVERIFY(!active->status);
        QCOMPARE(active->reason, std::string("FailedGetResourceMetric"));
        const KubectlResult get = runKubectl(sim, "get hpa web");
        QVERIFY2(get.out.find("cpu: <unknown>/50%") != std::string::npos, get.out.c_str());
        const KubectlResult describe = runKubectl(sim, "describe hpa web");
        QVERIFY(describe.out.find("missing request for cpu in container web") != std::string::npos);
    }

    // horizontal.go convertDesiredReplicasWithRules: TooManyReplicas caps at maxReplicas;
    // below minReplicas the HPA scales up without reading metrics.
    void minAndMaxReplicas() {
        HpaCase c;
        c.hpaSpec = "      minReplicas: 1\n      maxReplicas: 3\n";
        Simulation sim(test::loadScenarioText(hpaScenario(c)));
        QCOMPARE(replicasAt(sim, SimTime::minutes(4)), 3);
        const HpaCondition* limited = condition(hpaObject(sim), HpaConditionType::ScalingLimited);
        QVERIFY(limited != nullptr && limited->status);
        QCOMPARE(limited->reason, std::string("TooManyReplicas"));

        HpaCase idle;
        idle.hpaSpec = "      minReplicas: 3\n      maxReplicas: 5\n";
        idle.replicas = 1;
        idle.traffic = "    - name: load\n      service: web\n      type: constant\n"
                       "      requestsPerSecond: 1\n";
        Simulation low(test::loadScenarioText(hpaScenario(idle)));
        QCOMPARE(replicasAt(low, SimTime::seconds(1)), 3);
        const auto rescales = hpaEvents(low, EventReason::SuccessfulRescale);
        QCOMPARE(rescales.size(), std::size_t{1});
        QCOMPARE(std::string(rescales.front()->arg("message")),
                 std::string("New size: 3; reason: Current number of replicas below "
                             "Spec.MinReplicas"));
    }

    // The HPA controller runs in kube-controller-manager: while it is down nothing scales.
    void outagePausesScaling() {
        HpaCase c;
        c.faults = "    - at: 10s\n      type: controlPlaneOutage\n"
                   "      component: controllerManager\n      duration: 2m\n";
        Simulation sim(test::loadScenarioText(hpaScenario(c)));
        QCOMPARE(replicasAt(sim, SimTime::minutes(2)), 2);
        for (const ClusterEvent& e : sim.events()) {
            QVERIFY(e.component != Component::HorizontalPodAutoscaler ||
                    e.time < SimTime::seconds(10));
        }
        QVERIFY(replicasAt(sim, SimTime::minutes(2) + SimTime::seconds(30)) > 2);
    }

    void deterministic() {
        const Scenario scenario = test::loadScenarioText(hpaScenario(HpaCase{}));
        Simulation a(scenario);
        Simulation b(scenario);
        a.runToEnd();
        b.advanceTo(SimTime::seconds(97));
        b.runToEnd();
        QCOMPARE(a.fingerprint(), b.fingerprint());
        QCOMPARE(a.events().size(), b.events().size());
    }

    // Reading: canonical writing round-trips; validation as the API server's.
    void manifestRoundTrip() {
        HpaCase c;
        c.metrics = R"(      metrics:
        - type: Resource
          resource:
            name: memory
            target:
              type: AverageValue
              averageValue: 100Mi
        - type: Pods
          pods:
            metric:
              name: requests_in_flight
            target:
              type: AverageValue
              averageValue: 500m
        - type: Object
          object:
            describedObject:
              apiVersion: v1
              kind: Service
              name: web
            metric:
              name: requests_per_second
            target:
              type: Value
              value: "100"
        - type: External
          external:
            metric:
              name: queue_length
              selector:
                matchLabels:
                  service: web
            target:
              type: AverageValue
              averageValue: "5"
      behavior:
        scaleUp:
          stabilizationWindowSeconds: 30
          selectPolicy: Min
          policies:
            - type: Pods
              value: 2
              periodSeconds: 60
        scaleDown:
          policies:
            - type: Percent
              value: 50
              periodSeconds: 30
)";
        const Scenario first = test::loadScenarioText(hpaScenario(c));
        const std::string written = writeScenario(first);
        const ScenarioLoadResult again = readScenario(written, "again.yaml");
        QVERIFY(again.scenario.has_value());
        QVERIFY(*again.scenario == first);
        QCOMPARE(writeScenario(*again.scenario), written);
        const auto& hpa = std::get<HorizontalPodAutoscalerSpec>(first.workloads.at(2));
        QCOMPARE(hpa.metrics.size(), std::size_t{4});
        QCOMPARE(hpa.metrics[0].metric.averageValueMilli, std::int64_t{100} * 1024 * 1024 * 1000);
        QCOMPARE(hpa.behavior->scaleUp->selectPolicy, std::optional(HpaSelectPolicy::Min));
    }

    void manifestErrors_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown target")
            << "        name: web\n"
            << "        name: wbe\n"
            << "scales Deployment 'wbe', which is not in workloads (namespace default) — did "
               "you mean 'web'?";
        QTest::newRow("max zero") << "maxReplicas: 10"
                                  << "maxReplicas: 0"
                                  << "maxReplicas 0 is below the minimum of 1";
        QTest::newRow("max below min")
            << "minReplicas: 1\n      maxReplicas: 10"
            << "minReplicas: 5\n      maxReplicas: 3"
            << "maxReplicas 3 must be greater than or equal to minReplicas 5";
        QTest::newRow("utilization on pods metric") << "type: Resource\n          resource:"
                                                    << "type: Pods\n          pods:"
                                                    << "missing required field 'metric'";
        QTest::newRow("typo") << "averageUtilization: 50"
                              << "averageUtilisation: 50"
                              << "did you mean 'averageUtilization'?";
        QTest::newRow("wrong kind") << "kind: HorizontalPodAutoscaler"
                                    << "kind: HorizontalPodAutoscalar"
                                    << "did you mean 'HorizontalPodAutoscaler'?";
    }
    void manifestErrors() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        std::string yaml = hpaScenario(HpaCase{});
        const std::string f = from.toStdString();
        // Replace the occurrence inside the HPA (the last one).
        const std::size_t at = yaml.rfind(f);
        QVERIFY(at != std::string::npos);
        yaml.replace(at, f.size(), to.toStdString());
        const ScenarioLoadResult result = readScenario(yaml, "bad.yaml");
        QVERIFY(!result.scenario.has_value());
        std::string all;
        for (const Diagnostic& d : result.diagnostics) {
            all += d.toString() + "\n";
        }
        QVERIFY2(all.find(expected.toStdString()) != std::string::npos, all.c_str());
        QVERIFY2(all.find("bad.yaml:") != std::string::npos, all.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHpaController)
#include "test_hpa_controller.moc"
