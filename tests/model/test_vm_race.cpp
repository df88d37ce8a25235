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
        const auto show = [](const char* what, const ServiceOutcome& o) {
            qInfo("%s: %.2f SLO minutes, overloaded from %.0f s, absorbed at %.0f s, $%.4f", what,
                  o.violationMinutes, o.firstViolationSeconds.value_or(-1),
                  o.recoveredSeconds.value_or(-1), o.dollars);
        };
        show("pods", pods);
        show("vms", vms);
        // Neither copy violates the SLO before the spike (5:00); both do once it comes.
        QVERIFY(pods.firstViolationSeconds.has_value() && vms.firstViolationSeconds.has_value());
        QVERIFY(*pods.firstViolationSeconds >= 300.0 && *vms.firstViolationSeconds >= 300.0);
        QVERIFY(pods.recoveredSeconds.has_value() && vms.recoveredSeconds.has_value());
        const double podsTook = *pods.recoveredSeconds - *pods.firstViolationSeconds;
        const double vmsTook = *vms.recoveredSeconds - *vms.firstViolationSeconds;
        // Pods absorb the spike within 4 minutes; the VMs do not before it ends (15:00 + the
        // 30 s ramp): they take at least 5 minutes longer and lose at least 5 more SLO minutes.
        QVERIFY(podsTook <= 240.0);
        QVERIFY(*vms.recoveredSeconds >= 900.0);
        QVERIFY(vmsTook - podsTook >= 300.0);
        QVERIFY(vms.violationMinutes - pods.violationMinutes >= 5.0);
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
