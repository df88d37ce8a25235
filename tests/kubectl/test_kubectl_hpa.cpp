// kubectl for HorizontalPodAutoscalers against the shipped HPA scenarios: `get hpa` (TARGETS
// as printers.go formatHPAMetrics), -o wide|yaml|json, `describe hpa` in describe.go's layout,
// `top pods|nodes` from metrics-server's scrape, `apply -f` of an HPA manifest. Golden files
// under tests/kubectl/data/golden, rewritten only with CNSIM_UPDATE_GOLDEN=1.

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectltestutil.h"

#include <filesystem>
#include <fstream>
#endif

using namespace cnsim;

namespace {

std::unique_ptr<Simulation> scenarioAt(const std::string& file, SimTime t) {
    ScenarioLoadResult loaded = readScenarioFile(std::string(CNSIM_SCENARIO_DIR) + "/" + file);
    if (!loaded.scenario) {
        qFatal("%s failed to load", file.c_str());
    }
    auto sim = std::make_unique<Simulation>(*loaded.scenario);
    sim->advanceTo(t);
    return sim;
}

} // namespace

class TestKubectlHpa : public QObject {
    Q_OBJECT

private slots:
    void golden_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("golden");
        const QString ramp = QStringLiteral("hpa-traffic-ramp.yaml");
        const QString noRequest = QStringLiteral("hpa-no-cpu-request.yaml");
        QTest::newRow("get hpa at start") << ramp << 10 << "get hpa"
                                          << "get-hpa-start";
        QTest::newRow("get hpa") << ramp << 240 << "get hpa"
                                 << "get-hpa";
        QTest::newRow("get hpa wide") << ramp << 240 << "get hpa -o wide"
                                      << "get-hpa-wide";
        QTest::newRow("get hpa yaml") << ramp << 240 << "get hpa web -o yaml"
                                      << "get-hpa-yaml";
        QTest::newRow("describe hpa") << ramp << 360 << "describe hpa web"
                                      << "describe-hpa";
        QTest::newRow("top pods") << ramp << 240 << "top pods"
                                  << "top-pods-metrics-server";
        QTest::newRow("top nodes") << ramp << 240 << "top nodes"
                                   << "top-nodes-metrics-server";
        QTest::newRow("describe hpa without requests") << noRequest << 120 << "describe hpa api"
                                                       << "describe-hpa-no-request";
        QTest::newRow("get hpa without requests") << noRequest << 120 << "get hpa"
                                                  << "get-hpa-no-request";
    }
    void golden() {
        QFETCH(QString, scenario);
        QFETCH(int, seconds);
        QFETCH(QString, command);
        QFETCH(QString, golden);
        auto sim = scenarioAt(scenario.toStdString(), SimTime::seconds(seconds));
        const KubectlResult r = runKubectl(*sim, command.toStdString());
        QCOMPARE(r.exitCode, 0);
        const QByteArray diff = test::compareGolden(golden, r.out);
        QVERIFY2(diff.isEmpty(), diff.constData());
    }

    void applyHpaManifest() {
        auto sim = test::clusterAt(SimTime::seconds(30));
        const std::filesystem::path file =
            std::filesystem::temp_directory_path() / "cnsim-test-hpa.yaml";
        std::ofstream(file) << R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 5
)";
        const KubectlResult r = runKubectl(*sim, "apply -f " + file.string());
        QCOMPARE(r.out, std::string("horizontalpodautoscaler.autoscaling/web created\n"));
        sim->advanceTo(SimTime::seconds(31));
        const KubectlResult get = runKubectl(*sim, "get hpa");
        QVERIFY2(get.out.find("cpu: <unknown>/80%") != std::string::npos, get.out.c_str());
        std::filesystem::remove(file);
    }
};

QTEST_GUILESS_MAIN(TestKubectlHpa)
#include "test_kubectl_hpa.moc"
