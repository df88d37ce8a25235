// VM auto-scaling groups (vmGroups, model/vmautoscalinggroup.h): an instance's life (launch →
// boot → application start → the load balancer's health checks → in service), the target
// tracking policy's scale-out and scale-in timing, deregistration draining requests, billing,
// determinism, and the file format's errors and round trip.
//
// Sources for the rules (docs/vms.md): EC2 Auto Scaling target tracking (the AlarmHigh alarm
// it creates: 3 datapoints of 1 minute above the target; AlarmLow: 15 below 90 % of it;
// default instance warm-up 300 s), Application Load Balancer target groups
// (HealthCheckIntervalSeconds 30, HealthyThresholdCount 5, deregistration delay 300 s,
// deregistration ends early once the target has no in-flight requests).

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <algorithm>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

struct VmCase {
    std::string sizes = "    minSize: 1\n    maxSize: 3\n";
    std::string policy = "    targetTracking:\n      targetCpuUtilization: 50\n";
    std::string extraGroup;
    std::string behaviour = "      cpuPerRequest: 10ms\n";
    std::string traffic = R"(    - name: users
      service: shop-vm
      type: poisson
      requestsPerSecond: 80
)";
    std::string duration = "10m";
};

// One fixed node (a cluster is required), and a group "app" of 1-core VMs serving "shop-vm":
// boot 60 s, application start 20 s, ALB defaults, $0.10/h.
std::string vmScenario(const VmCase& c) {
    return R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: vms
  title:
    en: VMs
seed: 3
duration: )" +
           c.duration + R"(
cluster:
  nodes:
    - name: n1
      zone: zone-a
      cpu: "2"
      memory: 4Gi
simulation:
  services:
    - name: shop-vm
)" + c.behaviour +
           "  traffic:\n" + c.traffic + R"(vmGroups:
  - name: app
    zone: zone-a
    service: shop-vm
    cpu: "1"
    memory: 2Gi
    bootTime: 60s
    appStartupTime: 20s
    pricePerHour: 0.1
)" + c.sizes +
           c.policy + c.extraGroup;
}

std::vector<const ClusterEvent*> eventsOf(const Simulation& sim, EventReason reason) {
    std::vector<const ClusterEvent*> found;
    for (const ClusterEvent& e : sim.events()) {
        if (e.reason == reason) {
            found.push_back(&e);
        }
    }
    return found;
}

std::vector<std::string> errorsOf(const std::string& yaml) {
    std::vector<std::string> errors;
    for (const Diagnostic& d : readScenario(yaml, "vms.yaml").diagnostics) {
        if (d.severity == Severity::Error) {
            errors.push_back(d.toString());
        }
    }
    return errors;
}

bool anyContains(const std::vector<std::string>& texts, const std::string& part) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

} // namespace

class TestVmGroups : public QObject {
    Q_OBJECT

private slots:
    // 80 % CPU on the one instance from the start: datapoints for the minutes ending at 1, 2
    // and 3 min are seen 1 min later; the third above the target (at 4:00) sets the desired
    // capacity to ceil(1 × 80 / 50) = 2. The new instance boots at 5:00, its application
    // serves at 5:20, health checks at 5:30 … 7:30 pass five times in a row: in service at
    // 7:30, and then gets requests. The datapoints of the minutes ending 6, 7 and 8 (80, 80,
    // ~60 %, seen at 9:00) keep AlarmHigh in ALARM, but they averaged over one instance:
    // ceil(1 × 60 / 50) = 2, no further launch although the second is warm by then.
    void scaleOutAndLifecycleTiming() {
        Simulation sim(test::loadScenarioText(vmScenario({})));
        sim.runToEnd();
        const auto desired = eventsOf(sim, EventReason::SetDesiredCapacity);
        QVERIFY(!desired.empty());
        QCOMPARE(desired.front()->time, SimTime::minutes(4));
        QCOMPARE(std::string(desired.front()->arg("from")), std::string("1"));
        QCOMPARE(std::string(desired.front()->arg("to")), std::string("2"));
        QCOMPARE(std::string(desired.front()->arg("alarm")), std::string("AlarmHigh"));
        const auto launches = eventsOf(sim, EventReason::LaunchingInstance);
        QCOMPARE(launches.size(), std::size_t{2}); // the initial instance and the new one
        QCOMPARE(launches[1]->time, SimTime::minutes(4));
        QCOMPARE(std::string(launches[1]->arg("instance")), std::string("app-2"));
        const auto inService = eventsOf(sim, EventReason::InstanceInService);
        QCOMPARE(inService.size(), std::size_t{1});
        QCOMPARE(inService.front()->time, SimTime::seconds(7 * 60 + 30));
        // No further scale-out, and no scale-in before 15 datapoints below 45 %.
        QCOMPARE(desired.size(), std::size_t{1});
        const TimeSeries* instances = sim.metrics().find("vmgroup/app/instances");
        QVERIFY(instances != nullptr);
        const auto at = [&](SimTime t) {
            const auto it = std::find(instances->times.begin(), instances->times.end(), t);
            return instances->values[static_cast<std::size_t>(it - instances->times.begin())];
        };
        QCOMPARE(at(SimTime::seconds(7 * 60 + 29)), 1.0);
        QCOMPARE(at(SimTime::seconds(7 * 60 + 30)), 2.0);
        // The new instance takes requests: the last minute's CPU is split.
        const TimeSeries* cpu = sim.metrics().find("vmgroup/app/cpu_utilization");
        QVERIFY(cpu != nullptr);
        const auto mean = [&](std::size_t from, std::size_t to) {
            double sum = 0;
            for (std::size_t i = from; i < to; ++i) {
                sum += cpu->values[i];
            }
            return sum / static_cast<double>(to - from);
        };
        QVERIFY(mean(120, 240) > 70.0); // 2:00-4:00, one instance at ~80 %
        QVERIFY(mean(cpu->values.size() - 60, cpu->values.size()) < 50.0); // two at ~40 %
    }

    // The warm-up: launched instances count toward the capacity without their load, so a
    // metric that stays high during the warm-up does not launch again unless the proposal
    // (from the warm instances) exceeds the desired capacity.
    void noRepeatScaleOutDuringWarmup() {
        VmCase c;
        c.traffic = R"(    - name: users
      service: shop-vm
      type: poisson
      requestsPerSecond: 95
)";
        c.sizes = "    minSize: 1\n    maxSize: 10\n";
        Simulation sim(test::loadScenarioText(vmScenario(c)));
        sim.advanceTo(SimTime::minutes(7));
        const auto desired = eventsOf(sim, EventReason::SetDesiredCapacity);
        // 95 % at 1 instance → 2 at 4:00; the datapoints of 4, 5 and 6 min (seen at 5, 6 and
        // 7) are still ~95 % from the one warm instance: AlarmHigh stays in ALARM but the
        // proposal stays 2.
        QCOMPARE(desired.size(), std::size_t{1});
        QCOMPARE(std::string(desired.front()->arg("to")), std::string("2"));
    }

    // Light load on two instances: AlarmLow needs 15 datapoints below 45 %: the minutes
    // ending at 1 … 15 min, the last seen at 16:00, lowering the desired capacity to
    // ceil(2 × ~5 / 50) = 1 (minSize 1). The newest instance is deregistered and, with no
    // request left in it, terminated at the next second.
    void scaleInAfterFifteenDatapoints() {
        VmCase c;
        c.sizes = "    minSize: 1\n    maxSize: 3\n    desiredCapacity: 2\n";
        c.traffic = R"(    - name: users
      service: shop-vm
      type: poisson
      requestsPerSecond: 10
)";
        c.duration = "20m";
        Simulation sim(test::loadScenarioText(vmScenario(c)));
        sim.runToEnd();
        const auto desired = eventsOf(sim, EventReason::SetDesiredCapacity);
        QCOMPARE(desired.size(), std::size_t{1});
        QCOMPARE(desired.front()->time, SimTime::minutes(16));
        QCOMPARE(std::string(desired.front()->arg("alarm")), std::string("AlarmLow"));
        QCOMPARE(std::string(desired.front()->arg("to")), std::string("1"));
        const auto deregistered = eventsOf(sim, EventReason::DeregisteringInstance);
        QCOMPARE(deregistered.size(), std::size_t{1});
        QCOMPARE(std::string(deregistered.front()->arg("instance")), std::string("app-2"));
        const auto terminated = eventsOf(sim, EventReason::TerminatingInstance);
        QCOMPARE(terminated.size(), std::size_t{1});
        QVERIFY(terminated.front()->time <= SimTime::minutes(16) + SimTime::seconds(1));
        const RunSummary summary = sim.summary();
        QCOMPARE(summary.vmGroups.size(), std::size_t{1});
        QCOMPARE(summary.vmGroups.front().inServiceAtEnd, 1);
        QCOMPARE(summary.vmGroups.front().scaleIns, 1);
    }

    // Deregistration drains: requests holding a worker for 20 s finish on the leaving
    // instance (no errors) with the default 300 s delay; with a 5 s delay the instance is
    // terminated with requests in it and they fail.
    void deregistrationDrainsRequests_data() {
        QTest::addColumn<QString>("delay");
        QTest::addColumn<bool>("errorsExpected");
        QTest::newRow("300s default") << QString() << false;
        QTest::newRow("5s") << QStringLiteral("5s") << true;
    }
    void deregistrationDrainsRequests() {
        QFETCH(QString, delay);
        QFETCH(bool, errorsExpected);
        VmCase c;
        c.sizes = "    minSize: 1\n    maxSize: 3\n    desiredCapacity: 2\n";
        c.behaviour = "      cpuPerRequest: 1ms\n      baseLatency: 20s\n";
        c.traffic = R"(    - name: users
      service: shop-vm
      type: poisson
      requestsPerSecond: 2
)";
        c.duration = "18m";
        if (!delay.isEmpty()) {
            c.extraGroup =
                "    targetGroup:\n      deregistrationDelay: " + delay.toStdString() + "\n";
        }
        Simulation sim(test::loadScenarioText(vmScenario(c)));
        sim.runToEnd();
        const auto deregistered = eventsOf(sim, EventReason::DeregisteringInstance);
        const auto terminated = eventsOf(sim, EventReason::TerminatingInstance);
        QCOMPARE(deregistered.size(), std::size_t{1});
        QCOMPARE(terminated.size(), std::size_t{1});
        const SimTime drained = terminated.front()->time - deregistered.front()->time;
        const RunSummary summary = sim.summary();
        const auto service =
            std::find_if(summary.services.begin(), summary.services.end(),
                         [](const ServiceSummary& s) { return s.name == "shop-vm"; });
        QVERIFY(service != summary.services.end());
        QVERIFY(service->completed > 1500);
        if (errorsExpected) {
            QCOMPARE(drained, SimTime::seconds(5));
            QVERIFY(service->errors > 0);
        } else {
            // The last request it held ends within 20 s (plus the second's sample).
            QVERIFY(drained > SimTime::seconds(10));
            QVERIFY(drained <= SimTime::seconds(21));
            QCOMPARE(service->errors, std::uint64_t{0});
        }
    }

    // Billing: instances cost their price per hour from launch to termination, through the
    // same cloud as nodes (cost/cluster/dollars).
    void costArithmetic() {
        VmCase c;
        c.sizes = "    minSize: 3\n    maxSize: 3\n";
        c.policy.clear(); // a fixed group: standalone, one application per VM
        c.duration = "30m";
        Simulation sim(test::loadScenarioText(vmScenario(c)));
        sim.runToEnd();
        const RunSummary summary = sim.summary();
        QCOMPARE(summary.vmGroups.size(), std::size_t{1});
        QCOMPARE(summary.vmGroups.front().instanceHours, 1.5);
        QVERIFY(qAbs(summary.vmGroups.front().dollars - 0.15) < 1e-12);
        QVERIFY(summary.cost.priced);
        QVERIFY(qAbs(summary.cost.dollars - 0.15) < 1e-12);
        QCOMPARE(summary.vmGroups.front().launches, 3);
        QVERIFY(eventsOf(sim, EventReason::SetDesiredCapacity).empty());
        // A scale-out's instance is billed from its launch (4:00) to the end (10:00).
        Simulation scaled(test::loadScenarioText(vmScenario({})));
        scaled.runToEnd();
        QVERIFY(qAbs(scaled.summary().cost.dollars - 0.1 * (10.0 + 6.0) / 60.0) < 1e-12);
    }

    void deterministic() {
        const Scenario scenario = test::loadScenarioText(vmScenario({}));
        Simulation a(scenario);
        Simulation b(scenario);
        a.runToEnd();
        b.runToEnd();
        QCOMPARE(a.fingerprintHex(), b.fingerprintHex());
        QCOMPARE(a.events().size(), b.events().size());
        Simulation other(scenario, SimulationOptions{std::uint64_t{99}, std::nullopt});
        other.runToEnd();
        QVERIFY(other.fingerprintHex() != a.fingerprintHex());
    }

    void roundTrip() {
        VmCase c;
        c.extraGroup = "    targetGroup:\n      healthCheckInterval: 10s\n      healthyThreshold: "
                       "3\n      deregistrationDelay: 60s\n";
        c.policy = "    targetTracking:\n      targetCpuUtilization: 60\n      "
                   "instanceWarmup: 120s\n      disableScaleIn: true\n";
        const Scenario scenario = test::loadScenarioText(vmScenario(c));
        QCOMPARE(scenario.vmGroups.size(), std::size_t{1});
        QCOMPARE(scenario.vmGroups.front().targetGroup.healthyThreshold, 3);
        QVERIFY(scenario.vmGroups.front().targetTracking->disableScaleIn);
        const std::string text = writeScenario(scenario);
        const ScenarioLoadResult again = readScenario(text, "again.yaml");
        QVERIFY(again.scenario.has_value());
        QVERIFY(*again.scenario == scenario);
        QCOMPARE(writeScenario(*again.scenario), text);
    }

    void badInput_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("min above max")
            << "    minSize: 1\n    maxSize: 3\n"
            << "    minSize: 4\n    maxSize: 3\n"
            << "error: minSize 4 is above maxSize 3; make minSize <= maxSize";
        QTest::newRow("desired out of range")
            << "    maxSize: 3\n"
            << "    maxSize: 3\n    desiredCapacity: 7\n"
            << "desiredCapacity 7 must be between minSize 1 and maxSize 3";
        QTest::newRow("misspelled key") << "    bootTime: 60s\n"
                                        << "    bootTme: 60s\n"
                                        << "did you mean 'bootTime'";
        QTest::newRow("overhead eats the cpu") << "    memory: 2Gi\n"
                                               << "    memory: 2Gi\n    overheadCpu: \"1\"\n"
                                               << "leaves the application no CPU";
        QTest::newRow("name taken by a Service")
            << "    service: shop-vm\n    cpu"
            << "    service: web\n    cpu"
            << "which a Service in workloads or another vm group already is";
        QTest::newRow("aggregate mode") << "  traffic:\n"
                                        << "  trafficMode: aggregate\n  traffic:\n"
                                        << "vmGroups need trafficMode: perRequest";
        QTest::newRow("target out of range") << "      targetCpuUtilization: 50\n"
                                             << "      targetCpuUtilization: 0\n"
                                             << "targetCpuUtilization";
    }
    void badInput() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        VmCase c;
        c.sizes = "    minSize: 1\n    maxSize: 3\n";
        std::string yaml = vmScenario(c);
        // A Service "web" for the name clash.
        yaml.replace(yaml.find("simulation:\n"), 12,
                     "workloads:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      "
                     "name: web\n    spec:\n      selector:\n        app: web\n      ports:\n  "
                     "      - port: 80\nsimulation:\n");
        const std::string fromText = from.toStdString();
        const auto at = yaml.find(fromText);
        QVERIFY2(at != std::string::npos, qPrintable(from));
        yaml.replace(at, fromText.size(), to.toStdString());
        const std::vector<std::string> errors = errorsOf(yaml);
        QVERIFY2(anyContains(errors, expected.toStdString()),
                 errors.empty() ? "no error" : errors.front().c_str());
        for (const std::string& e : errors) {
            QVERIFY2(e.rfind("vms.yaml:", 0) == 0, e.c_str()); // file:line:column first
        }
    }
};

QTEST_GUILESS_MAIN(TestVmGroups)
#include "test_vm_groups.moc"
