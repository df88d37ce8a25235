// scenarios/vms-vs-containers-race.yaml: the same program and the same flash crowd (200 more
// requests per second from 5:00 to 15:00) served by an auto-scaling group of VMs and by pods
// with an HPA and the cluster autoscaler. Containers absorb the spike sooner, lose fewer SLO
// minutes, and the summary's outcome table says so.

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenariotext.h"

#include <algorithm>
#endif

using namespace cnsim;

class TestVmRace : public QObject {
    Q_OBJECT

private slots:
    void containersAbsorbTheSpikeSooner() {
        Simulation sim(test::loadScenarioFile("vms-vs-containers-race.yaml"));
        sim.runToEnd();
        const RunSummary summary = sim.summary();
        QCOMPARE(summary.outcomes.size(), std::size_t{2});
        const ServiceOutcome& pods = summary.outcomes[0];
        const ServiceOutcome& vms = summary.outcomes[1];
        QCOMPARE(pods.service, std::string("shop-pods"));
        QCOMPARE(pods.servedBy, std::string("pods"));
        QCOMPARE(vms.service, std::string("shop-vms"));
        QCOMPARE(vms.servedBy, std::string("vm group shop-asg"));
        qInfo("pods: %.2f SLO minutes, last violation %.0f s, $%.4f",
              pods.violationMinutes, pods.lastViolationSeconds.value_or(-1), pods.dollars);
        qInfo("vms:  %.2f SLO minutes, last violation %.0f s, $%.4f", vms.violationMinutes,
              vms.lastViolationSeconds.value_or(-1), vms.dollars);
        // The spike starts at 300 s; both are overloaded for a while.
        QVERIFY(vms.lastViolationSeconds.has_value());
        QVERIFY(*vms.lastViolationSeconds > 300.0);
        const double podsAbsorbed = pods.lastViolationSeconds.value_or(300.0);
        // Containers absorb it at least 3 minutes sooner and lose at least 3 fewer minutes.
        QVERIFY(*vms.lastViolationSeconds - podsAbsorbed >= 180.0);
        QVERIFY(vms.violationMinutes - pods.violationMinutes >= 3.0);
        // Both scaled: the group launched instances, the HPA added pods.
        QCOMPARE(summary.vmGroups.size(), std::size_t{1});
        QVERIFY(summary.vmGroups.front().peakInService >= 8);
        const auto hpa = std::find_if(summary.autoscalers.begin(), summary.autoscalers.end(),
                                      [](const HpaSummary& h) { return h.name == "shop-pods"; });
        QVERIFY(hpa != summary.autoscalers.end());
        QVERIFY(hpa->peakReplicas >= 8);
        QVERIFY(pods.dollars > 0.0);
        QVERIFY(vms.dollars > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestVmRace)
#include "test_vm_race.moc"
