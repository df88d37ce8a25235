// The Vertical Pod Autoscaler in recommendation mode, in the running model: the recommender
// (sim/model/vpacontroller.h) reads metrics-server every minute and writes
// status.recommendation; `kubectl get vpa` shows it; only updateMode "Off" loads; the manifest
// writes back as read. Numbers from the upstream formulas (kubernetes/autoscaler
// vertical-pod-autoscaler pkg/recommender/util/histogram.go, logic/recommender.go):
// a pod steadily using 0.25 core is in CPU bucket int(log_1.05(0.25 × 0.05 / 0.01 + 1)) = 16,
// which ends at 0.01 × (1.05^17 − 1) / 0.05 = 0.2584 core → 258m × 1.15 = 296m; its memory
// (no idle memory, no per-request memory) is below the pod minimum of 250Mi.

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <algorithm>
#include <string>
#endif

using namespace cnsim;

namespace {

std::string vpaScenario(const std::string& vpaSpec) {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: vpa
  title:
    en: VPA
seed: 9
duration: 30m
cluster:
  nodePools:
    - name: node
      zone: zone-a
      count: 1
      cpu: "4"
      memory: 8Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 1
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
                requests:
                  cpu: "1"
                  memory: 1Gi
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
        - port: 80
  - apiVersion: autoscaling.k8s.io/v1
    kind: VerticalPodAutoscaler
    metadata:
      name: web
    spec:
      targetRef:
        apiVersion: apps/v1
        kind: Deployment
        name: web
)" + vpaSpec +
           R"(simulation:
  images:
    - name: web:1
      size: 10Mi
  services:
    - name: web
      cpuPerRequest: 10ms
  traffic:
    - name: load
      service: web
      type: constant
      requestsPerSecond: 25
)";
}

const std::string kOff = "      updatePolicy:\n        updateMode: \"Off\"\n";

} // namespace

class TestVpa : public QObject {
    Q_OBJECT

private slots:
    // The request says 1 core and 1Gi; the recommendation says what the pod uses.
    void recommendsFromUsage() {
        Simulation sim(test::loadScenarioText(vpaScenario(kOff)));
        sim.advanceTo(SimTime::seconds(59));
        QVERIFY(sim.api().verticalPodAutoscalers().find("default", "web")->recommendations.empty());
        sim.runToEnd();
        const VerticalPodAutoscalerObject* vpa =
            sim.api().verticalPodAutoscalers().find("default", "web");
        QVERIFY(vpa != nullptr);
        QCOMPARE(vpa->recommendations.size(), std::size_t{1});
        const VpaContainerRecommendationStatus& r = vpa->recommendations.front();
        QCOMPARE(r.containerName, std::string("web"));
        QCOMPARE(r.targetCpuMilli, std::int64_t{296});
        QCOMPARE(r.targetMemory, std::int64_t{262144000});
        QVERIFY(r.lowerBoundCpuMilli <= r.targetCpuMilli);
        QVERIFY(r.upperBoundCpuMilli > r.targetCpuMilli);
        QCOMPARE(vpa->lastRecommendation, std::optional<SimTime>(SimTime::minutes(30)));
        const RunSummary summary = sim.summary();
        QCOMPARE(summary.verticalPodAutoscalers.size(), std::size_t{1});
        QCOMPARE(summary.verticalPodAutoscalers.front().targetCpuMilli, std::int64_t{296});
        QCOMPARE(summary.verticalPodAutoscalers.front().container, std::string("web"));
        // Recommendation mode: the pod keeps its request.
        QCOMPARE(sim.api()
                     .deployments()
                     .find("default", "web")
                     ->spec.podSpec.containers.front()
                     .requests.cpu->value,
                 std::int64_t{1000});
        const KubectlResult get = runKubectl(sim, "get vpa");
        QVERIFY2(get.out.find("NAME   MODE   CPU    MEM     PROVIDED   AGE\n"
                              "web    Off    296m   250Mi   True       30m\n") == 0,
                 get.out.c_str());
        const KubectlResult yaml = runKubectl(sim, "get vpa web -o yaml");
        QVERIFY2(yaml.out.find("uncappedTarget:") != std::string::npos, yaml.out.c_str());
        // describe.go's GenericDescriber: every field, smartLabelFor's labels.
        const KubectlResult describe = runKubectl(sim, "describe vpa web");
        QCOMPARE(describe.exitCode, 0);
        for (const char* line :
             {"Name:         web\n", "API Version:  autoscaling.k8s.io/v1\n",
              "Kind:         VerticalPodAutoscaler\n", "    Container Recommendations:\n",
              "      Container Name:  web\n", "      Target:\n        Cpu:     296m\n",
              "    Type:                  RecommendationProvided\n", "Events:"}) {
            QVERIFY2(describe.out.find(line) != std::string::npos,
                     (std::string(line) + " not in\n" + describe.out).c_str());
        }
    }

    // resourcePolicy maxAllowed caps the target; uncappedTarget keeps the estimate.
    void maxAllowedCaps() {
        Simulation sim(test::loadScenarioText(
            vpaScenario(kOff + "      resourcePolicy:\n        containerPolicies:\n"
                               "          - containerName: \"*\"\n            maxAllowed:\n"
                               "              cpu: 200m\n")));
        sim.runToEnd();
        const VpaContainerRecommendationStatus& r =
            sim.api().verticalPodAutoscalers().find("default", "web")->recommendations.front();
        QCOMPARE(r.targetCpuMilli, std::int64_t{200});
        QCOMPARE(r.uncappedTargetCpuMilli, std::int64_t{296});
    }

    // Only recommendation mode is simulated: any other updateMode is refused at its place.
    void onlyOffMode_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("Auto") << QStringLiteral("Auto");
        QTest::newRow("Recreate") << QStringLiteral("Recreate");
        QTest::newRow("Initial") << QStringLiteral("Initial");
    }
    void onlyOffMode() {
        QFETCH(QString, mode);
        const std::string text = vpaScenario("      updatePolicy:\n        updateMode: \"" +
                                             mode.toStdString() + "\"\n");
        const ScenarioLoadResult result = readScenario(text, "vpa.yaml");
        QVERIFY(!result.scenario);
        const int line =
            1 + static_cast<int>(std::count(
                    text.begin(), text.begin() + static_cast<long>(text.find("updateMode")), '\n'));
        bool found = false;
        for (const Diagnostic& d : result.diagnostics) {
            found = found || (d.code == "not-simulated" && d.line == line &&
                              d.message.find("use updateMode: \"Off\"") != std::string::npos);
        }
        QVERIFY(found);
    }

    void roundTrip() {
        const ScenarioLoadResult first = readScenario(
            vpaScenario(kOff + "      resourcePolicy:\n        containerPolicies:\n"
                               "          - containerName: web\n            minAllowed:\n"
                               "              memory: 300Mi\n            maxAllowed:\n"
                               "              cpu: \"2\"\n"),
            "a.yaml");
        QVERIFY(first.scenario);
        const std::string written = writeScenario(*first.scenario);
        const ScenarioLoadResult second = readScenario(written, "b.yaml");
        QVERIFY2(second.scenario, written.c_str());
        QVERIFY(*second.scenario == *first.scenario);
        QCOMPARE(writeScenario(*second.scenario), written);
        QVERIFY(written.find("kind: VerticalPodAutoscaler") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestVpa)
#include "test_vpa.moc"
