// Writing scenario files (sim/scenario/scenariowriter.h): load → save → load gives an
// equal Scenario, saving twice gives identical bytes, Kubernetes fields cnsim does not
// model survive a save, and the file is replaced atomically.

#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sstream>

using namespace cnsim;

namespace {

QString describe(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + "\n";
    }
    return out;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

class TestScenarioWriter : public QObject {
    Q_OBJECT

private slots:
    void roundTrips_data();
    void roundTrips();
    void preservesUnmodelledFields();
    void writesCanonicalText_data();
    void writesCanonicalText();
    void writesEveryFaultType();
    void writesTrafficShorthands();
    void writesCallsAsSteps();
    void writesOnlyWhatWasSet();
    void quotesTextYamlWouldMisread();
    void writesFileAtomically();
    void reportsUnwritablePath();
};

void TestScenarioWriter::roundTrips_data() {
    QTest::addColumn<QString>("path");
    // Every shipped scenario, so a new one is covered the day it is added.
    const QDir shipped(QStringLiteral(CNSIM_SCENARIO_DIR));
    for (const QString& file :
         shipped.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(file)) << shipped.filePath(file);
    }
    QTest::newRow("unmodelled fields") << CNSIM_TEST_DATA_DIR "/unmodelled-fields.yaml";
    QTest::newRow("base") << CNSIM_TEST_DATA_DIR "/base.yaml";
    QTest::newRow("control plane") << CNSIM_TEST_DATA_DIR "/control-plane.yaml";
    QTest::newRow("traffic") << CNSIM_TEST_DATA_DIR "/traffic.yaml";
}

void TestScenarioWriter::roundTrips() {
    QFETCH(QString, path);
    const ScenarioLoadResult first = readScenarioFile(path.toStdString());
    QVERIFY2(first.scenario.has_value(), qPrintable(describe(first.diagnostics)));
    const std::string saved = writeScenario(*first.scenario);
    // Read as if saved over the original, so relative trace files resolve the same way.
    const ScenarioLoadResult second = readScenario(saved, path.toStdString());
    QVERIFY2(second.scenario.has_value(), qPrintable(describe(second.diagnostics)));
    QVERIFY(*second.scenario == *first.scenario);
    // The same warnings (unmodelled fields), no new problems.
    QCOMPARE(second.diagnostics.size(), first.diagnostics.size());
    QCOMPARE(writeScenario(*second.scenario), saved);
}

void TestScenarioWriter::preservesUnmodelledFields() {
    const ScenarioLoadResult loaded =
        readScenarioFile(CNSIM_TEST_DATA_DIR "/unmodelled-fields.yaml");
    QVERIFY(loaded.scenario.has_value());
    const std::string saved = writeScenario(*loaded.scenario);
    // Each kept field is back in its own mapping, with its quoting.
    const std::vector<std::string> expected{
        "      annotations:\n        deployment.kubernetes.io/revision: \"3\"\n",
        "      strategy:\n        type: RollingUpdate\n        rollingUpdate:\n          "
        "maxSurge: 1\n          maxUnavailable: 0\n",
        "              livenessProbe:\n                httpGet: {path: /healthz, port: 8080}\n",
        "          tolerations:\n            - key: dedicated\n              operator: Equal\n"
        "              value: api\n              effect: NoSchedule\n",
        "              env:\n                - name: MODE\n                  value: \"on\"\n",
        "                - containerPort: 8080\n                  name: http\n                  "
        "hostPort: 8080\n",
        "                  memory: 123Mi\n                  nvidia.com/gpu: 1\n",
        "          nodeSelector:\n            disktype: ssd\n",
        "      clusterIP: 10.0.0.12\n      type: ClusterIP\n",
        "          targetPort: http\n",
        "            version: \"1.0\"\n",
        "    zh_CN: 粘贴的清单\n",
    };
    for (const std::string& fragment : expected) {
        QVERIFY2(saved.find(fragment) != std::string::npos,
                 qPrintable(QString::fromStdString("missing:\n" + fragment + "\nin:\n" + saved)));
    }
}

void TestScenarioWriter::writesCanonicalText_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("golden");
    QTest::newRow("base") << CNSIM_TEST_DATA_DIR "/base.yaml"
                          << CNSIM_TEST_DATA_DIR "/base.canonical.yaml";
    QTest::newRow("control plane") << CNSIM_TEST_DATA_DIR "/control-plane.yaml"
                                   << CNSIM_TEST_DATA_DIR "/control-plane.canonical.yaml";
    QTest::newRow("traffic") << CNSIM_TEST_DATA_DIR "/traffic.yaml"
                             << CNSIM_TEST_DATA_DIR "/traffic.canonical.yaml";
}

void TestScenarioWriter::writesCanonicalText() {
    // Golden file: fixed key order, defaults written out, quantities and durations in
    // canonical form, whole-core CPU quoted so YAML reads it as the string Kubernetes wants.
    QFETCH(QString, input);
    QFETCH(QString, golden);
    const ScenarioLoadResult loaded = readScenarioFile(input.toStdString());
    QVERIFY2(loaded.scenario.has_value(), qPrintable(describe(loaded.diagnostics)));
    QCOMPARE(writeScenario(*loaded.scenario), readText(golden.toStdString()));
}

void TestScenarioWriter::writesEveryFaultType() {
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_TEST_DATA_DIR "/control-plane.yaml");
    QVERIFY(loaded.scenario.has_value());
    Scenario scenario = *loaded.scenario;
    // Built in code, so a FaultType the writer forgets cannot hide behind the test file.
    std::vector<FaultSpec>& faults = scenario.simulation.faults;
    faults.clear();
    const auto add = [&](FaultType type, auto fill) {
        FaultSpec fault;
        fault.at = SimTime::seconds(static_cast<std::int64_t>(faults.size()));
        fault.type = type;
        fill(fault);
        faults.push_back(fault);
    };
    const auto node = [](FaultSpec& f) { f.node = "metal-2"; };
    const auto zone = [](FaultSpec& f) { f.zone = "zone-a"; };
    const auto nothing = [](FaultSpec&) {};
    const auto lasting = [](FaultSpec& f) { f.duration = SimTime::minutes(3); };
    add(FaultType::FailNode, [&](FaultSpec& f) { node(f), lasting(f); });
    add(FaultType::RecoverNode, node);
    add(FaultType::StopKubelet, node);
    add(FaultType::StartKubelet, node);
    add(FaultType::PartitionNode, node);
    add(FaultType::HealPartition, node);
    add(FaultType::ZoneOutage, [&](FaultSpec& f) { zone(f), lasting(f); });
    add(FaultType::ZoneRecover, zone);
    add(FaultType::PodKill, [](FaultSpec& f) { f.pod = "web-1"; });
    add(FaultType::ContainerKill, [](FaultSpec& f) {
        f.deployment = "web";
        f.container = "web";
    });
    add(FaultType::RegistryOutage, lasting);
    add(FaultType::RegistryRecover, nothing);
    add(FaultType::ControlPlaneOutage,
        [](FaultSpec& f) { f.component = ControlPlaneComponent::ControllerManager; });
    add(FaultType::ControlPlaneRecover,
        [](FaultSpec& f) { f.component = ControlPlaneComponent::ControllerManager; });
    const std::string saved = writeScenario(scenario);
    const ScenarioLoadResult reread = readScenario(saved, "saved.yaml");
    QVERIFY2(reread.scenario.has_value(), qPrintable(describe(reread.diagnostics)));
    QVERIFY(reread.scenario->simulation.faults == faults);
    QVERIFY(saved.find("    - at: 12s\n      type: controlPlaneOutage\n      component: "
                       "controllerManager\n") != std::string::npos);
    QVERIFY(saved.find("    - at: 11s\n      type: registryRecover\n    - at: 12s") !=
            std::string::npos);
}

void TestScenarioWriter::writesTrafficShorthands() {
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_TEST_DATA_DIR "/traffic.yaml");
    QVERIFY2(loaded.scenario.has_value(), qPrintable(describe(loaded.diagnostics)));
    Scenario scenario = *loaded.scenario;
    SimulationSpec& sim = scenario.simulation;
    // A constant distribution and a load balancer without attributes in their short forms;
    // the default load balancer left out.
    sim.services[1].cpuPerRequest = DurationDistributionSpec{};
    sim.services[1].cpuPerRequest.mean = SimTime::milliseconds(7);
    sim.services[1].loadBalancer = LoadBalancerSpec{};
    sim.services[3].loadBalancer = LoadBalancerSpec{"ring-hash", {}};
    // One class named after its source with weight 1 is written inline; renamed, it is not.
    sim.traffic[0].classes.resize(1);
    sim.traffic[0].classes[0].name = "shoppers";
    sim.traffic[0].classes[0].weight = 1.0;
    sim.traffic[3].classes[0].name = "early";
    const std::string saved = writeScenario(scenario);
    const auto contains = [&](const std::string& fragment) {
        return saved.find(fragment) != std::string::npos;
    };
    QVERIFY(contains("    - name: frontend\n      cpuPerRequest: 7ms\n      baseLatency: 2ms\n"
                     "      workers: 8\n      queueCapacity: 200\n      memoryPerRequest: 4Mi\n"
                     "      oomKill: true\n      calls:\n"));
    QVERIFY(contains("      loadBalancer: ring-hash\n"));
    QVERIFY(contains("    - name: shoppers\n      host: shop.example.com\n      path: /products\n"
                     "      type: poisson\n"));
    QVERIFY(contains("    - name: morning\n      type: ramp\n      requestsPerSecond: 5\n"
                     "      rampTo: 50\n      rampDuration: 2m\n      classes:\n"
                     "        - name: early\n          weight: 1\n          service: frontend\n"));
    // A trace source keeps its file name; the rows stay in the file.
    QVERIFY(contains("    - name: replay\n      service: frontend\n      type: trace\n"
                     "      file: traffic.csv\n      scale: 2\n    - name: morning\n"));
    QVERIFY(!contains("25.5"));
    const ScenarioLoadResult reread = readScenario(saved, CNSIM_TEST_DATA_DIR "/saved.yaml");
    QVERIFY2(reread.scenario.has_value(), qPrintable(describe(reread.diagnostics)));
    QVERIFY(*reread.scenario == scenario);
}

void TestScenarioWriter::writesCallsAsSteps() {
    // Built in code: a parallel group of one call stays a group; a sequential step given
    // several calls (not a form the reader makes) keeps its meaning as consecutive steps.
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_TEST_DATA_DIR "/traffic.yaml");
    QVERIFY(loaded.scenario.has_value());
    Scenario scenario = *loaded.scenario;
    std::vector<CallStepSpec>& calls = scenario.simulation.services[2].calls;
    calls = {CallStepSpec{true, {{"database", 0.25, 3}}},
             CallStepSpec{false, {{"database", 1.0, 1}, {"database", 0.5, 2}}}};
    const std::string saved = writeScenario(scenario);
    QVERIFY(saved.find("      calls:\n        - parallel:\n            - service: database\n"
                       "              probability: 0.25\n              count: 3\n"
                       "        - service: database\n        - service: database\n"
                       "          probability: 0.5\n          count: 2\n") != std::string::npos);
    const ScenarioLoadResult reread = readScenario(saved, CNSIM_TEST_DATA_DIR "/saved.yaml");
    QVERIFY2(reread.scenario.has_value(), qPrintable(describe(reread.diagnostics)));
    const std::vector<CallStepSpec> expected{CallStepSpec{true, {{"database", 0.25, 3}}},
                                             CallStepSpec{false, {{"database", 1.0, 1}}},
                                             CallStepSpec{false, {{"database", 0.5, 2}}}};
    QVERIFY(reread.scenario->simulation.services[2].calls == expected);
}

void TestScenarioWriter::writesOnlyWhatWasSet() {
    // A Deployment with no rollout, probe or scheduling fields gets none written back, and
    // the cnsim sections at their defaults stay out of the file.
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_TEST_DATA_DIR "/base.yaml");
    QVERIFY(loaded.scenario.has_value());
    const std::string saved = writeScenario(*loaded.scenario);
    for (const char* key : {"strategy",        "minReadySeconds", "Probe",
                            "imagePullPolicy", "schedulerName",   "tolerations",
                            "affinity",        "restartPolicy",   "terminationGracePeriodSeconds",
                            "taints",          "machine",         "unschedulable",
                            "images",          "registry",        "scheduler:",
                            "workers",         "queueCapacity",   "memoryPerRequest",
                            "oomKill",         "loadBalancer",    "calls",
                            "network",         "gateway",         "clients",
                            "classes",         "tracing"}) {
        QVERIFY2(saved.find(key) == std::string::npos, key);
    }
    // Set one optional and only that appears.
    Scenario scenario = *loaded.scenario;
    std::get<DeploymentSpec>(scenario.workloads.at(0)).strategy =
        DeploymentStrategy{DeploymentStrategyType::Recreate, {}, {}};
    const std::string withStrategy = writeScenario(scenario);
    QVERIFY(withStrategy.find("      strategy:\n        type: Recreate\n      template:") !=
            std::string::npos);
}

void TestScenarioWriter::quotesTextYamlWouldMisread() {
    ScenarioLoadResult loaded = readScenarioFile(CNSIM_TEST_DATA_DIR "/base.yaml");
    QVERIFY(loaded.scenario.has_value());
    Scenario scenario = *loaded.scenario;
    auto& web = std::get<DeploymentSpec>(scenario.workloads.at(0));
    web.podLabels["enabled"] = "true";
    web.podLabels["version"] = "1.10";
    web.podLabels["answer"] = "no";
    web.podSpec.containers.at(0).image = "registry:5000/app:1";
    scenario.metadata.title.en = "Key: value # not a comment";
    scenario.metadata.description.en = "two\nlines";
    scenario.simulation.traffic.at(0).attributes["requestsPerSecond"] = 12.5;
    const std::string saved = writeScenario(scenario);
    QVERIFY(saved.find("enabled: \"true\"") != std::string::npos);
    QVERIFY(saved.find("version: \"1.10\"") != std::string::npos);
    QVERIFY(saved.find("answer: \"no\"") != std::string::npos);
    const ScenarioLoadResult reread = readScenario(saved, "saved.yaml");
    QVERIFY2(reread.scenario.has_value(), qPrintable(describe(reread.diagnostics)));
    QVERIFY(*reread.scenario == scenario);
}

void TestScenarioWriter::writesFileAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("saved.yaml").toStdString();
    {
        std::ofstream old(path);
        old << "old content that must be replaced whole\n";
    }
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");
    QVERIFY(loaded.scenario.has_value());
    QCOMPARE(writeScenarioFile(*loaded.scenario, path), std::string());
    QCOMPARE(readText(path), writeScenario(*loaded.scenario));
    QVERIFY(!QFile::exists(QString::fromStdString(path + ".cnsim-save.tmp")));
    const ScenarioLoadResult reread = readScenarioFile(path);
    QVERIFY(reread.scenario.has_value());
    QVERIFY(*reread.scenario == *loaded.scenario);
}

void TestScenarioWriter::reportsUnwritablePath() {
    const ScenarioLoadResult loaded = readScenarioFile(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");
    QVERIFY(loaded.scenario.has_value());
    const std::string error = writeScenarioFile(*loaded.scenario, "/nonexistent/dir/x.yaml");
    QVERIFY(!error.empty());
}

QTEST_GUILESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
