// Event-driven scaling in the running model: simulation.queues and KEDA's ScaledObject.
// Activation from zero within one pollingInterval of the first message and the cold start
// after it, scale-out of KEDA's HPA to ceil(messages / value), deactivation to zero only
// after cooldownPeriod since the last active poll, activationValue, and the shipped scenario's
// outcome.
//
// Upstream (kedacore/keda): pkg/scaling/executor/scale_scaledobjects.go (RequestScale,
// scaleFromZeroOrIdle, scaleToZeroOrIdle), pkg/scaling/scale_handler.go (startScaleLoop:
// a check at once, then every pollingInterval), controllers/keda/hpa.go (the keda-hpa-<name>
// HPA, External metric, AverageValue target), apis/keda/v1alpha1/scaledobject_types.go
// (defaults 30 s, 300 s, 0, 100), pkg/scalers/rabbitmq_scaler.go (QueueLength, value,
// activationValue). The HPA itself: kubernetes pkg/controller/podautoscaler/horizontal.go
// (ScalingDisabled at zero replicas) and replica_calculator.go (GetExternalPerPodMetricReplicas:
// ceil(total / target)).

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "model/simulation.h"
#include "scenariotext.h"

#include <cmath>
#include <string>
#endif

using namespace cnsim;

namespace {

struct KedaCase {
    std::string scaledObjectSpec = "      pollingInterval: 30\n      cooldownPeriod: 120\n"
                                   "      maxReplicaCount: 20\n";
    std::string triggerMetadata = "            queueName: jobs\n            value: \"10\"\n";
    std::string traffic = R"(    - name: batch
      queue: jobs
      type: constant
      requestsPerSecond: 10
      start: 40s
      stop: 70s
)";
    std::string processingTime = "500ms";
    int concurrency = 1;
    std::string duration = "12m";
};

std::string kedaScenario(const KedaCase& c) {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: keda
  title:
    en: KEDA
seed: 5
duration: )" +
           c.duration +
           R"(
cluster:
  nodePools:
    - name: node
      zone: zone-a
      count: 4
      cpu: "8"
      memory: 16Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: worker
    spec:
      replicas: 0
      selector:
        matchLabels:
          app: worker
      template:
        metadata:
          labels:
            app: worker
        spec:
          containers:
            - name: worker
              image: worker:1
              resources:
                requests:
                  cpu: 100m
  - apiVersion: keda.sh/v1alpha1
    kind: ScaledObject
    metadata:
      name: worker
    spec:
      scaleTargetRef:
        name: worker
)" + c.scaledObjectSpec +
           R"(      triggers:
        - type: rabbitmq
          metadata:
)" + c.triggerMetadata +
           R"(simulation:
  podStartupTime: 2s
  images:
    - name: worker:1
      size: 10Mi
      startupTime: 5s
  traffic:
)" + c.traffic +
           R"(  queues:
    - name: jobs
      consumer:
        deployment: worker
        concurrency: )" +
           std::to_string(c.concurrency) + R"(
        processingTime: )" +
           c.processingTime + "\n";
}

std::vector<const ClusterEvent*> kedaEvents(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.component == Component::KedaOperator && e.reason == reason) {
            out.push_back(&e);
        }
    }
    return out;
}

int workerReplicas(const Simulation& sim) {
    const DeploymentObject* worker = sim.api().deployments().find("default", "worker");
    return worker == nullptr ? -1 : worker->spec.replicas;
}

// The per-second value of series `name` at second `t`, or NaN.
double seriesAt(const Simulation& sim, const std::string& name, SimTime t) {
    const TimeSeries* s = sim.metrics().find(name);
    if (s == nullptr) {
        return std::nan("");
    }
    for (std::size_t i = 0; i < s->times.size(); ++i) {
        if (s->times[i] == t) {
            return s->values[i];
        }
    }
    return std::nan("");
}

} // namespace

class TestKeda : public QObject {
    Q_OBJECT

private slots:
    // Messages from 40 s; polls at 0, 30, 60 s: the 60 s poll activates 0 → 1, within one
    // pollingInterval of the first message. Before that the HPA cannot help (ScalingDisabled
    // at zero replicas): without the operator's activation the worker would stay at zero.
    // Then the cold start: the first message waits for the poll, scheduling, the 2 s pod
    // start and the image's 5 s startup.
    void activatesFromZeroWithinPollingInterval() {
        Simulation sim(test::loadScenarioText(kedaScenario(KedaCase{})));
        sim.advanceTo(SimTime::seconds(59));
        QCOMPARE(workerReplicas(sim), 0);
        QVERIFY(seriesAt(sim, "queue/jobs/length", SimTime::seconds(59)) > 150.0);
        const HorizontalPodAutoscalerObject* hpa =
            sim.api().horizontalPodAutoscalers().find("default", "keda-hpa-worker");
        QVERIFY(hpa != nullptr);
        const auto disabled =
            std::find_if(hpa->conditions.begin(), hpa->conditions.end(), [](const HpaCondition& c) {
                return c.type == HpaConditionType::ScalingActive && !c.status &&
                       c.reason == "ScalingDisabled";
            });
        QVERIFY(disabled != hpa->conditions.end());
        QVERIFY(kedaEvents(sim, EventReason::KEDAScaleTargetActivated).empty());

        sim.advanceTo(SimTime::seconds(60));
        const auto activated = kedaEvents(sim, EventReason::KEDAScaleTargetActivated);
        QCOMPARE(activated.size(), std::size_t{1});
        QCOMPARE(activated.front()->time, SimTime::seconds(60));
        QCOMPARE(std::string(activated.front()->arg("from")), std::string("0"));
        QCOMPARE(std::string(activated.front()->arg("to")), std::string("1"));
        QCOMPARE(std::string(activated.front()->arg("message")),
                 std::string("Scaled deployments.apps default/worker from 0 to 1"));
        // The HPA's sync in the same instant may already raise it further.
        QVERIFY(workerReplicas(sim) >= 1);

        sim.runToEnd();
        const RunSummary summary = sim.summary();
        QCOMPARE(summary.queues.size(), std::size_t{1});
        const QueueSummary& q = summary.queues.front();
        QCOMPARE(q.enqueued, std::uint64_t{300});
        QCOMPARE(q.processed, std::uint64_t{300});
        QVERIFY(q.firstMessageWaitSeconds.has_value());
        // Published at 40 s, activation at 60 s, then at least 7 s of pod start.
        QVERIFY2(*q.firstMessageWaitSeconds >= 27.0,
                 std::to_string(*q.firstMessageWaitSeconds).c_str());
        QVERIFY(*q.firstMessageWaitSeconds < 40.0);
        QVERIFY(q.peakOldestAgeSeconds >= *q.firstMessageWaitSeconds);
    }

    // GetExternalPerPodMetricReplicas: replicas = ceil(messages / value). 600 messages that
    // each take a minute stay in the queue (ready or unacknowledged) and only a few dozen are
    // done in the run: about 600 / 100 → 6 pods,
    // reached through HPA scale-up steps from the 1 KEDA activated.
    void scalesOutToMessagesOverValue() {
        KedaCase c;
        c.triggerMetadata = "            queueName: jobs\n            value: \"100\"\n";
        c.traffic = R"(    - name: batch
      queue: jobs
      type: constant
      requestsPerSecond: 60
      start: 5s
      stop: 15s
)";
        c.processingTime = "1m";
        c.duration = "5m";
        Simulation sim(test::loadScenarioText(kedaScenario(c)));
        sim.runToEnd();
        QCOMPARE(workerReplicas(sim), 6);
        const HorizontalPodAutoscalerObject* hpa =
            sim.api().horizontalPodAutoscalers().find("default", "keda-hpa-worker");
        QVERIFY(hpa != nullptr);
        QCOMPARE(hpa->spec.minReplicas.value_or(0), 1);
        QCOMPARE(hpa->spec.maxReplicas, 20);
        QCOMPARE(hpa->spec.metrics.size(), std::size_t{1});
        QCOMPARE(hpa->spec.metrics.front().metric.name, std::string("s0-rabbitmq-jobs"));
        QCOMPARE(hpa->spec.metrics.front().metric.averageValueMilli, std::int64_t{100'000});
        QCOMPARE(hpa->desiredReplicas, 6);
        const KubectlResult get = runKubectl(sim, "get hpa keda-hpa-worker");
        // About 600 / 6 per pod against the target of 100 (a few messages are done by then).
        QVERIFY2(get.out.find("keda-hpa-worker   Deployment/worker   9") != std::string::npos &&
                     get.out.find("/100 (avg)   1         20        6 ") != std::string::npos,
                 get.out.c_str());
    }

    // scaleToZeroOrIdle: back to minReplicaCount 0 once the last poll that saw a message is
    // more than cooldownPeriod ago: never before, and at the first poll after.
    void deactivatesAfterCooldown_data() {
        QTest::addColumn<int>("cooldown");
        QTest::newRow("cooldownPeriod 120 s") << 120;
        QTest::newRow("default 300 s") << 300;
    }
    void deactivatesAfterCooldown() {
        QFETCH(int, cooldown);
        KedaCase c;
        c.scaledObjectSpec = "      maxReplicaCount: 20\n";
        if (cooldown != 300) {
            c.scaledObjectSpec += "      cooldownPeriod: " + std::to_string(cooldown) + "\n";
        }
        Simulation sim(test::loadScenarioText(kedaScenario(c)));
        sim.runToEnd();
        // The last poll (every 30 s from 0) with messages waiting or in flight.
        SimTime lastActive = SimTime::zero();
        for (SimTime t = SimTime::zero(); t <= SimTime::minutes(12); t += SimTime::seconds(30)) {
            const double messages =
                seriesAt(sim, "queue/jobs/length", t) + seriesAt(sim, "queue/jobs/in_flight", t);
            if (messages > 0) {
                lastActive = t;
            }
        }
        QVERIFY(lastActive >= SimTime::seconds(60));
        const auto deactivated = kedaEvents(sim, EventReason::KEDAScaleTargetDeactivated);
        QCOMPARE(deactivated.size(), std::size_t{1});
        const SimTime at = deactivated.front()->time;
        QVERIFY(at > lastActive + SimTime::seconds(cooldown));
        QVERIFY(at <= lastActive + SimTime::seconds(cooldown + 30));
        QCOMPARE(std::string(deactivated.front()->arg("to")), std::string("0"));
        QCOMPARE(workerReplicas(sim), 0);
        QCOMPARE(sim.summary().scaledObjects.front().deactivations, 1);
        QCOMPARE(seriesAt(sim, "queue/jobs/consumers", SimTime::minutes(12)), 0.0);
    }

    // rabbitmq_scaler.go activationValue: active only while the queue holds more messages
    // than it. 30 messages under an activation value of 50 never wake the worker.
    void activationValue_data() {
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("activates");
        QTest::newRow("30 messages, below 50") << 3.0 << false;
        QTest::newRow("80 messages, above 50") << 8.0 << true;
    }
    void activationValue() {
        QFETCH(double, rate);
        QFETCH(bool, activates);
        KedaCase c;
        c.triggerMetadata = "            queueName: jobs\n            value: \"10\"\n"
                            "            activationValue: \"50\"\n";
        c.traffic = "    - name: batch\n      queue: jobs\n      type: constant\n"
                    "      requestsPerSecond: " +
                    std::to_string(rate) + "\n      start: 5s\n      stop: 15s\n";
        c.duration = "3m";
        Simulation sim(test::loadScenarioText(kedaScenario(c)));
        sim.runToEnd();
        QCOMPARE(kedaEvents(sim, EventReason::KEDAScaleTargetActivated).size(),
                 std::size_t{activates ? 1u : 0u});
        const QueueSummary q = sim.summary().queues.front();
        QCOMPARE(q.processed == q.enqueued, activates);
        QCOMPARE(q.remaining, activates ? std::uint64_t{0} : q.enqueued);
    }

    // rabbitmq_scaler.go MessageRate mode: the metric is the publish rate, so 30 messages per
    // second against a value of 10 per replica ask for 3 pods however fast they drain.
    void messageRateMode() {
        KedaCase c;
        c.triggerMetadata = "            queueName: jobs\n            mode: MessageRate\n"
                            "            value: \"10\"\n";
        c.traffic = "    - name: stream\n      queue: jobs\n      type: constant\n"
                    "      requestsPerSecond: 30\n      start: 5s\n";
        c.processingTime = "10ms";
        c.duration = "4m";
        Simulation sim(test::loadScenarioText(kedaScenario(c)));
        sim.runToEnd();
        QCOMPARE(workerReplicas(sim), 3);
        // No backlog: what is left at the end is at most what the pods hold.
        QVERIFY(sim.summary().queues.front().remaining <= 3);
    }

    // keda-operator is its own Deployment: a kube-controller-manager outage does not stop the
    // activation (the HPA, in kube-controller-manager, waits), a kube-apiserver outage does:
    // the poll at 60 s is skipped and the 90 s poll activates.
    void operatorNeedsOnlyTheApiServer_data() {
        QTest::addColumn<QString>("component");
        QTest::addColumn<int>("activatedAt");
        QTest::newRow("controller-manager down") << QStringLiteral("controllerManager") << 60;
        QTest::newRow("apiserver down") << QStringLiteral("apiServer") << 90;
    }
    void operatorNeedsOnlyTheApiServer() {
        QFETCH(QString, component);
        QFETCH(int, activatedAt);
        KedaCase c;
        c.traffic += "  faults:\n    - at: 50s\n      type: controlPlaneOutage\n"
                     "      component: " +
                     component.toStdString() + "\n      duration: 30s\n";
        c.duration = "3m";
        Simulation sim(test::loadScenarioText(kedaScenario(c)));
        sim.runToEnd();
        const auto activated = kedaEvents(sim, EventReason::KEDAScaleTargetActivated);
        QCOMPARE(activated.size(), std::size_t{1});
        QCOMPARE(activated.front()->time, SimTime::seconds(activatedAt));
    }

    // kubectl get scaledobjects: the CRD's printer columns.
    void kubectlGetScaledObject() {
        Simulation sim(test::loadScenarioText(kedaScenario(KedaCase{})));
        sim.advanceTo(SimTime::seconds(90));
        const KubectlResult get = runKubectl(sim, "get so");
        QCOMPARE(get.exitCode, 0);
        QVERIFY2(get.out.find("NAME     SCALETARGETKIND      SCALETARGETNAME   MIN   MAX   READY   "
                              "ACTIVE   FALLBACK   PAUSED   TRIGGERS   AUTHENTICATIONS   AGE\n"
                              "worker   apps/v1.Deployment   worker            0     20    True    "
                              "True     False      False    rabbitmq") == 0,
                 get.out.c_str());
        const KubectlResult yaml = runKubectl(sim, "get scaledobject worker -o yaml");
        QVERIFY2(yaml.out.find("hpaName: keda-hpa-worker") != std::string::npos, yaml.out.c_str());
        const KubectlResult describe = runKubectl(sim, "describe so worker");
        QVERIFY2(describe.out.find("  Hpa Name:                keda-hpa-worker\n") !=
                         std::string::npos &&
                     describe.out.find("KEDAScaleTargetActivated") != std::string::npos,
                 describe.out.c_str());
    }

    // scenarios/keda-queue-worker.yaml: the outcome docs/autoscaling.md reports.
    void shippedScenarioOutcome() {
        Simulation sim(test::loadScenarioFile("keda-queue-worker.yaml"));
        sim.runToEnd();
        const RunSummary summary = sim.summary();
        const QueueSummary& q = summary.queues.front();
        QCOMPARE(q.enqueued, std::uint64_t{1500});
        QCOMPARE(q.processed, std::uint64_t{1500});
        QCOMPARE(q.peakLength, std::uint64_t{852});
        // Published at 1:10, activated at the 1:30 poll, then the cold start.
        QVERIFY(q.firstMessageWaitSeconds.has_value());
        QVERIFY2(std::abs(*q.firstMessageWaitSeconds - 33.0) < 0.05,
                 std::to_string(*q.firstMessageWaitSeconds).c_str());
        const ScaledObjectSummary& so = summary.scaledObjects.front();
        QCOMPARE(so.activations, 2);
        QCOMPARE(so.deactivations, 2);
        QCOMPARE(so.replicasAtEnd, 0);
        int peak = 0;
        for (const HpaSummary& h : summary.autoscalers) {
            if (h.name == "keda-hpa-worker") {
                peak = h.peakReplicas;
            }
        }
        QCOMPARE(peak, 10);
    }
};

QTEST_GUILESS_MAIN(TestKeda)
#include "test_keda.moc"
