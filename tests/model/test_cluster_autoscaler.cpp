// The cluster autoscaler wired into the running model: scale-up timing (an Unschedulable pod →
// TriggeredScaleUp at the next scan → the node registers after the provisioning delay → the
// pod is bound), scale-down timing (10 minutes unneeded, aligned to the scans, never within
// scale-down-delay-after-add of a scale-up), PodDisruptionBudgets and pods with nowhere to go
// keeping a node, the group's max size with NotTriggerScaleUp, the expanders, a scale-up that
// never registers (max-node-provision-time, then the group's backoff), cost, determinism, and
// the file format's errors and round trip.
//
// Upstream (kubernetes/autoscaler cluster-autoscaler): core/static_autoscaler.go RunOnce
// (scan-interval 10 s; no scale-down in a loop that scaled up; isScaleDownInCooldown),
// core/scaledown/unneeded/nodes.go RemovableAt (scale-down-unneeded-time 10 min),
// clusterstate/clusterstate.go (max-node-provision-time 15 min, then backoff 5 min from
// utils/backoff/exponential_backoff.go), processors/status/eventing_scale_up_processor.go
// (TriggeredScaleUp / NotTriggerScaleUp), config/autoscaling_options.go defaults.

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

struct CaCase {
    std::string groups = R"(    - name: burst
      zone: zone-a
      minSize: 0
      maxSize: 3
      cpu: "2"
      memory: 8Gi
      machine:
        kind: virtualMachine
        bootTime: 60s
      joinTime: 30s
      pricePerHour: 0.2
)";
    int replicas = 3;
    std::string podCpu = "900m";
    std::string extraWorkloads;
    std::string simulation;
    std::string duration = "40m";
};

// One fixed 2-core node "base-1", node group(s), and Deployment "web" whose pods request
// `podCpu` each: two fit on base-1, the rest need new nodes.
std::string caScenario(const CaCase& c) {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: ca
  title:
    en: CA
seed: 5
duration: )" +
           c.duration +
           R"(
cluster:
  nodePools:
    - name: base
      zone: zone-a
      count: 1
      cpu: "2"
      memory: 8Gi
      pricePerHour: 0.1
  nodeGroups:
)" + c.groups +
           R"(workloads:
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
              image: nginx:1.27
              resources:
                requests:
                  cpu: )" +
           c.podCpu + R"(
                  memory: 256Mi
)" + c.extraWorkloads +
           "simulation:\n  podStartupTime: 2s\n" + c.simulation;
}

std::vector<const ClusterEvent*> eventsOf(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> out;
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason == reason) {
            out.push_back(&e);
        }
    }
    return out;
}

double lastValue(const Simulation& sim, const std::string& series) {
    const TimeSeries* s = sim.metrics().find(series);
    return s == nullptr || s->values.empty() ? -1.0 : s->values.back();
}

double maxValue(const Simulation& sim, const std::string& series) {
    const TimeSeries* s = sim.metrics().find(series);
    return s == nullptr || s->values.empty()
               ? -1.0
               : *std::max_element(s->values.begin(), s->values.end());
}

std::vector<Diagnostic> errorsOf(const std::string& yaml) {
    std::vector<Diagnostic> out;
    for (Diagnostic& d : readScenario(yaml, "ca.yaml").diagnostics) {
        if (d.severity == Severity::Error) {
            out.push_back(std::move(d));
        }
    }
    return out;
}

bool hasError(const std::vector<Diagnostic>& errors, const std::string& text, int line = 0) {
    return std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
        return d.message.find(text) != std::string::npos && (line == 0 || d.line == line);
    });
}

} // namespace

class TestClusterAutoscaler : public QObject {
    Q_OBJECT

private slots:
    // The third pod does not fit base-1: the scheduler marks it Unschedulable at 0 s; the scan
    // at 10 s triggers a scale-up of one node; the VM boots (60 s) and joins (30 s), so burst-1
    // registers at 100 s and the scheduler binds the pod at once.
    void scaleUpTiming() {
        Simulation sim(test::loadScenarioText(caScenario({})));
        sim.advanceTo(SimTime::minutes(3));
        const auto triggered = eventsOf(sim, EventReason::TriggeredScaleUp);
        QCOMPARE(triggered.size(), std::size_t{1});
        QCOMPARE(triggered.front()->time, SimTime::seconds(10));
        QCOMPARE(std::string(triggered.front()->arg("group")), std::string("burst"));
        QCOMPARE(std::string(triggered.front()->arg("to")), std::string("1"));
        const auto registered = eventsOf(sim, EventReason::RegisteredNode);
        QCOMPARE(registered.size(), std::size_t{1});
        QCOMPARE(registered.front()->objectName, std::string("burst-1"));
        QCOMPARE(registered.front()->time, SimTime::seconds(100));
        const PodObject* pod = sim.api().pods().find("default", triggered.front()->objectName);
        QVERIFY(pod != nullptr);
        QCOMPARE(pod->nodeName, std::string("burst-1"));
        bool boundAt100 = false;
        for (const ClusterEvent* e : eventsOf(sim, EventReason::Scheduled)) {
            boundAt100 =
                boundAt100 || (e->objectName == pod->meta.name && e->time == SimTime::seconds(100));
        }
        QVERIFY(boundAt100);
        // kubectl get nodes lists the new node like any other.
        const KubectlResult nodes = runKubectl(sim, "get nodes");
        QVERIFY2(nodes.out.find("burst-1") != std::string::npos, nodes.out.c_str());
        // The decision is kept with its explanation, as the HPA's are.
        const std::optional<CaDecisionHistory> history = sim.clusterAutoscalerDecisions();
        QVERIFY(history.has_value());
        const auto first = std::find_if(
            history->records.begin(), history->records.end(),
            [](const CaDecisionRecord& r) { return r.scaleUp && r.scaleUp->scaledUp; });
        QVERIFY(first != history->records.end());
        QCOMPARE(first->time, SimTime::seconds(10));
        QVERIFY(first->scaleUp->explanation.has(ExplainCode::CaScaleUp));
        QVERIFY(first->scaleUp->explanation.has(ExplainCode::CaWasteScore)); // least-waste
        // While the node boots, the pod fits the upcoming node: no second scale-up.
        QCOMPARE(lastValue(sim, "nodegroup/burst/target_size"), 1.0);
        QCOMPARE(lastValue(sim, "nodegroup/burst/nodes"), 1.0);
    }

    // From 20:00 only one replica is wanted (kubectl scale): burst-1 is empty from the next scan
    // and is deleted at the first scan at least 10 minutes later (RemovableAt), not before.
    void scaleDownTiming() {
        Simulation sim(test::loadScenarioText(caScenario({})));
        sim.advanceTo(SimTime::minutes(20));
        QVERIFY(sim.apply(ScaleDeploymentAction{"web", 1}).ok);
        sim.runToEnd();
        const auto empty = eventsOf(sim, EventReason::ScaleDownEmpty);
        QCOMPARE(empty.size(), std::size_t{1});
        QCOMPARE(std::string(empty.front()->arg("node")), std::string("burst-1"));
        const SimTime at = empty.front()->time;
        QVERIFY2(at >= SimTime::minutes(30) && at <= SimTime::minutes(30) + SimTime::seconds(10),
                 formatDuration(at).c_str());
        QCOMPARE(at.toMicroseconds() % SimTime::seconds(10).toMicroseconds(), std::int64_t{0});
        QVERIFY(sim.api().nodes().find("", "burst-1") == nullptr);
        QCOMPARE(lastValue(sim, "nodegroup/burst/nodes"), 0.0);
        // Before 20:00 burst-1 was underutilized (0.9 of 2 cores) but its pod had no other
        // place: NoPlaceToMovePods kept it.
        const std::optional<CaDecisionHistory> history = sim.clusterAutoscalerDecisions();
        QVERIFY(history.has_value());
        // Billing: base-1 for 40 min at $0.1/h, burst-1 from 10 s to its deletion at $0.2/h.
        const RunSummary summary = sim.summary();
        const double expected =
            0.1 * 40.0 / 60.0 + 0.2 * (at - SimTime::seconds(10)).toSeconds() / 3600.0;
        QVERIFY(std::abs(summary.cost.dollars - expected) < 1e-9);
        QCOMPARE(summary.nodeGroups.front().scaleUps, 1);
        QCOMPARE(summary.nodeGroups.front().scaleDowns, 1);
        QCOMPARE(summary.nodeGroups.front().peakSize, 1);
    }

    void podWithNowhereToGoKeepsTheNode() {
        CaCase c;
        c.duration = "20m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        QVERIFY(eventsOf(sim, EventReason::ScaleDownEmpty).empty());
        QVERIFY(eventsOf(sim, EventReason::ScaleDownNode).empty());
        const std::optional<CaDecisionHistory> history = sim.clusterAutoscalerDecisions();
        QVERIFY(history && history->records.back().scaleDown);
        const auto& nodes = history->records.back().scaleDown->nodes;
        const auto burst = std::find_if(nodes.begin(), nodes.end(),
                                        [](const auto& n) { return n.node == "burst-1"; });
        QVERIFY(burst != nodes.end());
        QCOMPARE(burst->reason, CaUnremovableReason::NoPlaceToMovePods);
    }

    // static_autoscaler.go isScaleDownInCooldown: with scaleDownUnneededTime 1m the node is
    // removable at about 3:10, but scale-down-delay-after-add holds it until 10 s + 10 min.
    void noScaleDownWithinDelayAfterAdd() {
        CaCase c;
        c.simulation = "  clusterAutoscaler:\n    scaleDownUnneededTime: 1m\n";
        c.duration = "15m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.advanceTo(SimTime::minutes(2));
        QVERIFY(sim.apply(ScaleDeploymentAction{"web", 1}).ok);
        sim.runToEnd();
        const auto empty = eventsOf(sim, EventReason::ScaleDownEmpty);
        QCOMPARE(empty.size(), std::size_t{1});
        QCOMPARE(empty.front()->time, SimTime::seconds(10) + SimTime::minutes(10));
    }

    // The pod on burst-1 could move to base-1, but its PodDisruptionBudget allows no
    // disruption: the drain rules (NotEnoughPdb) keep the node. Without the budget the node
    // is drained: the pod is evicted and the node deleted.
    void pdbIsHonoured_data() {
        QTest::addColumn<bool>("withPdb");
        QTest::newRow("with a PDB") << true;
        QTest::newRow("without") << false;
    }
    void pdbIsHonoured() {
        QFETCH(bool, withPdb);
        CaCase c;
        c.groups = R"(    - name: burst
      zone: zone-a
      minSize: 0
      maxSize: 3
      initialSize: 1
      cpu: "2"
      memory: 8Gi
)";
        c.replicas = 2;
        c.podCpu = "300m";
        if (withPdb) {
            c.extraWorkloads = R"(  - apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      minAvailable: 2
      selector:
        matchLabels:
          app: web
)";
        }
        c.duration = "25m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        const bool removed = sim.api().nodes().find("", "burst-1") == nullptr;
        QCOMPARE(removed, !withPdb);
        QCOMPARE(eventsOf(sim, EventReason::ScaleDownNode).size(), std::size_t{withPdb ? 0u : 1u});
        if (withPdb) {
            const auto& nodes = sim.clusterAutoscalerDecisions()->records.back().scaleDown->nodes;
            const auto burst = std::find_if(nodes.begin(), nodes.end(),
                                            [](const auto& n) { return n.node == "burst-1"; });
            QCOMPARE(burst->reason, CaUnremovableReason::BlockedByPod);
            QCOMPARE(burst->blockingReason, CaBlockingPodReason::NotEnoughPdb);
        } else {
            // The evicted pod was recreated on base-1.
            int onBase = 0;
            for (const auto& [key, pod] : sim.api().pods()) {
                onBase += pod.nodeName == "base-1" ? 1 : 0;
            }
            QCOMPARE(onBase, 2);
        }
    }

    // maxSize 1: the first pending pod gets a node; the next cannot, and says why.
    void maxSizeRespected() {
        CaCase c;
        c.groups = R"(    - name: burst
      zone: zone-a
      maxSize: 1
      cpu: "2"
      memory: 8Gi
)";
        c.replicas = 3;
        c.podCpu = "1500m";
        c.duration = "5m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        QCOMPARE(maxValue(sim, "nodegroup/burst/target_size"), 1.0);
        const auto notTriggered = eventsOf(sim, EventReason::NotTriggerScaleUp);
        QVERIFY(!notTriggered.empty());
        QVERIFY2(std::string(notTriggered.back()->arg("message"))
                         .find("1 max node group size reached") != std::string::npos,
                 std::string(notTriggered.back()->arg("message")).c_str());
        // A pod hears again only when its reason changes, not at every scan (30 of them).
        QVERIFY(notTriggered.size() <= 2);
    }

    // Two groups could take three 1.5-core pods: three 2-core nodes or one 8-core node.
    // least-waste (the default) picks "small" (less idle CPU and memory); priority picks the
    // group with the higher priority.
    void expanderChoice_data() {
        QTest::addColumn<QString>("expander");
        QTest::addColumn<QString>("group");
        QTest::newRow("least-waste") << "least-waste"
                                     << "small";
        QTest::newRow("priority") << "priority"
                                  << "large";
        QTest::newRow("price") << "price"
                               << "small";
    }
    void expanderChoice() {
        QFETCH(QString, expander);
        QFETCH(QString, group);
        CaCase c;
        c.groups = R"(    - name: small
      zone: zone-a
      maxSize: 5
      cpu: "2"
      memory: 4Gi
      pricePerHour: 0.1
    - name: large
      zone: zone-a
      maxSize: 5
      cpu: "8"
      memory: 16Gi
      pricePerHour: 0.5
      priority: 10
)";
        c.replicas = 4;
        c.podCpu = "1500m";
        c.duration = "1m";
        c.simulation = "  clusterAutoscaler:\n    expander: " + expander.toStdString() + "\n";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        const auto scaled = eventsOf(sim, EventReason::ScaledUpGroup);
        QCOMPARE(scaled.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(std::string(scaled.front()->arg("group"))), group);
    }

    // The VM needs 20 minutes, more than max-node-provision-time (15 min): at the first scan
    // after 10 s + 15 min the request is given up (ScaleUpTimedOut), the machine is deleted,
    // and the group backs off for 5 minutes before the next scale-up.
    void failedProvisioning() {
        CaCase c;
        c.groups = R"(    - name: burst
      zone: zone-a
      maxSize: 3
      cpu: "2"
      memory: 8Gi
      machine:
        kind: virtualMachine
        bootTime: 20m
      pricePerHour: 1.0
)";
        c.duration = "21m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        const auto timedOut = eventsOf(sim, EventReason::ScaleUpTimedOut);
        QCOMPARE(timedOut.size(), std::size_t{1});
        QCOMPARE(timedOut.front()->time, SimTime::seconds(920));
        QVERIFY(eventsOf(sim, EventReason::RegisteredNode).empty());
        const auto scaled = eventsOf(sim, EventReason::ScaledUpGroup);
        QCOMPARE(scaled.size(), std::size_t{2});
        QCOMPARE(scaled[0]->time, SimTime::seconds(10));
        QCOMPARE(scaled[1]->time, SimTime::seconds(920) + SimTime::minutes(5));
        // The cloud billed the machine from its request until it was given up.
        const double expected = 0.1 * 21.0 / 60.0 + 1.0 * (910.0 + (1260.0 - 1220.0)) / 3600.0;
        QVERIFY2(std::abs(sim.summary().cost.dollars - expected) < 1e-9,
                 std::to_string(sim.summary().cost.dollars).c_str());
    }

    // The scenario's outcome: the HPA scales the frontend up, the cluster autoscaler adds
    // burst nodes, p95 returns under the 250 ms SLO within six minutes of the crowd's arrival
    // and stays there, the burst nodes are removed after the crowd leaves, and the cost is
    // reported.
    void flashCrowdOutcome() {
        Simulation sim(test::loadScenarioFile("flash-crowd-autoscaling.yaml"));
        sim.runToEnd();
        const RunSummary s = sim.summary();
        QVERIFY(s.autoscalers.front().peakReplicas >= 8);
        QCOMPARE(s.nodeGroups.size(), std::size_t{1});
        QVERIFY(s.nodeGroups.front().peakSize >= 2);
        QCOMPARE(s.nodeGroups.front().sizeAtEnd, 0);
        const TimeSeries* p95 = sim.metrics().find("service/frontend/latency_p95_ms");
        QVERIFY(p95 != nullptr);
        const auto minuteMean = [&](int minute) {
            double sum = 0;
            int n = 0;
            for (std::size_t i = 0; i < p95->times.size(); ++i) {
                if (p95->times[i] > SimTime::minutes(minute) &&
                    p95->times[i] <= SimTime::minutes(minute + 1)) {
                    sum += p95->values[i];
                    ++n;
                }
            }
            return n == 0 ? 0.0 : sum / n;
        };
        QVERIFY(minuteMean(4) > 1000.0); // the crowd hurts before new capacity arrives
        for (int minute = 9; minute < 11; ++minute) {
            QVERIFY2(minuteMean(minute) < 250.0, std::to_string(minuteMean(minute)).c_str());
        }
        QVERIFY(s.cost.priced);
        QVERIFY(s.cost.dollars > 0.3 && s.cost.dollars < 1.0);
        QVERIFY(s.cost.dollarsPerMillionRequests.has_value());
        QVERIFY(s.cost.sloViolationMinutes.has_value());
        QVERIFY(*s.cost.sloViolationMinutes > 1.0 && *s.cost.sloViolationMinutes < 8.0);
        QVERIFY(maxValue(sim, "cost/cluster/dollars_per_hour") >
                lastValue(sim, "cost/cluster/dollars_per_hour"));
    }

    // A spot group taken back often: each interruption notice is followed two minutes later
    // by the node's removal; the pod goes Pending again and the autoscaler replaces the node.
    void spotInterruptions_data() {
        QTest::addColumn<bool>("drainOnNotice");
        QTest::newRow("drained during the notice") << true;
        QTest::newRow("lost with the machine") << false;
    }

    void spotInterruptions() {
        QFETCH(bool, drainOnNotice);
        CaCase c;
        c.groups = R"(    - name: spot
      zone: zone-a
      maxSize: 3
      cpu: "2"
      memory: 8Gi
      pricePerHour: 0.06
      spot:
        interruptionsPerHour: 6
)";
        if (!drainOnNotice) {
            c.groups += "        drainOnNotice: false\n";
        }
        c.duration = "60m";
        Simulation sim(test::loadScenarioText(caScenario(c)));
        sim.runToEnd();
        // The node termination handler cordons the node and evicts its pods at the notice
        // (aws-node-termination-handler's default), so replacements start two minutes earlier.
        std::size_t evictedAtNotice = 0;
        for (const ClusterEvent* notice : eventsOf(sim, EventReason::SpotInterruption)) {
            bool cordoned = false;
            for (const ClusterEvent& e : sim.events()) {
                const bool byHandler = e.component == Component::NodeTerminationHandler;
                cordoned = cordoned || (byHandler && e.reason == EventReason::Cordoned &&
                                        e.objectName == notice->objectName &&
                                        e.time == notice->time);
                evictedAtNotice += byHandler && e.reason == EventReason::Evicted &&
                                   e.time == notice->time;
            }
            QCOMPARE(cordoned, drainOnNotice);
        }
        QCOMPARE(evictedAtNotice > 0, drainOnNotice);
        const auto notices = eventsOf(sim, EventReason::SpotInterruption);
        QVERIFY(notices.size() >= 2);
        for (const ClusterEvent* notice : notices) {
            bool removed = false;
            for (const ClusterEvent* e : eventsOf(sim, EventReason::RemovingNode)) {
                removed = removed || (e->objectName == notice->objectName &&
                                      e->time == notice->time + SimTime::minutes(2));
            }
            QVERIFY2(removed, notice->objectName.c_str());
        }
        QVERIFY(eventsOf(sim, EventReason::ScaledUpGroup).size() > notices.size() - 1);
        QCOMPARE(sim.summary().nodeGroups.front().spotInterruptions,
                 static_cast<int>(notices.size()));
    }

    void deterministic() {
        const Scenario scenario = test::loadScenarioFile("flash-crowd-autoscaling.yaml");
        SimulationOptions options;
        options.until = SimTime::minutes(12);
        Simulation a(scenario, options);
        Simulation b(scenario, options);
        a.runToEnd();
        b.advanceTo(SimTime::minutes(5));
        b.runToEnd();
        QCOMPARE(a.fingerprintHex(), b.fingerprintHex());
        QCOMPARE(a.events().size(), b.events().size());
    }

    void badInput_data() {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("simulation");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        const QString ok = "    - name: burst\n      maxSize: 3\n      cpu: \"2\"\n      memory: "
                           "8Gi\n";
        QTest::newRow("absurd maxSize")
            << "    - name: burst\n      maxSize: 1000000\n      cpu: \"2\"\n      memory: 8Gi\n"
            << ""
            << "above the maximum of 5000" << 19;
        QTest::newRow("min above max")
            << "    - name: burst\n      minSize: 4\n      maxSize: 3\n      cpu: \"2\"\n      "
               "memory: 8Gi\n"
            << ""
            << "minSize 4 is above maxSize 3" << 19;
        QTest::newRow("initial outside")
            << "    - name: burst\n      maxSize: 3\n      initialSize: 5\n      cpu: \"2\"\n"
               "      memory: 8Gi\n"
            << ""
            << "initialSize 5 must be between minSize 0 and maxSize 3" << 20;
        QTest::newRow("negative price")
            << "    - name: burst\n      maxSize: 3\n      cpu: \"2\"\n      memory: 8Gi\n"
               "      pricePerHour: -1\n"
            << ""
            << "below the minimum" << 22;
        QTest::newRow("misspelled key")
            << "    - name: burst\n      maxSzie: 3\n      cpu: \"2\"\n      memory: 8Gi\n"
            << ""
            << "did you mean 'maxSize'" << 19;
        QTest::newRow("unknown expander")
            << ok << "  clusterAutoscaler:\n    expander: least-wast\n"
            << "did you mean 'least-waste'" << 0;
        QTest::newRow("threshold above 1")
            << ok << "  clusterAutoscaler:\n    scaleDownUtilizationThreshold: 1.5\n"
            << "above the maximum" << 0;
        QTest::newRow("slo names no Service")
            << ok << "  slo:\n    service: frontnd\n    latencyP95: 200ms\n"
            << "not in workloads" << 0;
        QTest::newRow("group named like a pool")
            << "    - name: base\n      maxSize: 3\n      cpu: \"2\"\n      memory: 8Gi\n"
            << ""
            << "has the name of the node pool" << 18;
    }
    void badInput() {
        QFETCH(QString, group);
        QFETCH(QString, simulation);
        QFETCH(QString, message);
        QFETCH(int, line);
        CaCase c;
        c.groups = group.toStdString();
        c.simulation = simulation.toStdString();
        const std::vector<Diagnostic> errors = errorsOf(caScenario(c));
        std::string all;
        for (const Diagnostic& d : errors) {
            all += d.toString() + "\n";
        }
        QVERIFY2(hasError(errors, message.toStdString(), line), all.c_str());
    }

    void clusterAutoscalerNeedsGroups() {
        const std::string yaml = test::webScenario(1, "2", 1, "100m", 0, "1m",
                                                   "  clusterAutoscaler:\n    scanInterval: 20s\n");
        QVERIFY(hasError(errorsOf(yaml), "has no node group to scale"));
    }

    void roundTrip() {
        CaCase c;
        c.groups += R"(      spot:
        interruptionsPerHour: 0.5
        drainOnNotice: false
      priority: 3
      labels:
        pool: burst
)";
        c.simulation = R"(  clusterAutoscaler:
    expander: priority,least-waste
    scanInterval: 20s
    maxNodesTotal: 10
  slo:
    service: web
    latencyP95: 200ms
)";
        c.extraWorkloads = R"(  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
        - port: 80
)";
        const Scenario first = test::loadScenarioText(caScenario(c));
        const std::string saved = writeScenario(first);
        const Scenario second = test::loadScenarioText(saved);
        QVERIFY(first == second);
        QCOMPARE(writeScenario(second), saved);
        QCOMPARE(second.cluster.nodeGroups.front().spot->interruptionsPerHour, 0.5);
        QCOMPARE(second.cluster.nodeGroups.front().spot->drainOnNotice, false);
        QCOMPARE(second.simulation.clusterAutoscaler->expander.size(), std::size_t{2});
        QCOMPARE(second.cluster.nodePools.front().pricePerHour, 0.1);
    }
};

QTEST_GUILESS_MAIN(TestClusterAutoscaler)
#include "test_cluster_autoscaler.moc"
