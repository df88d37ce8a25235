// Reading scenario files (sim/scenario/scenarioreader.h): the shipped scenarios load clean;
// every error path reports the exact line and column, the message text and, for a typo,
// the nearest valid key; hostile input gives errors, never a crash or a hang.
//
// Most cases edit one line of data/base.yaml (a small valid scenario), so each row shows
// the mistake and where it must be reported.

#include "scenario/scenarioreader.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using namespace cnsim;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

QString describe(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + "\n";
    }
    return out;
}

const Diagnostic* findMessage(const std::vector<Diagnostic>& diagnostics,
                              const std::string& message) {
    for (const Diagnostic& d : diagnostics) {
        if (d.message == message) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace

class TestScenarioReader : public QObject {
    Q_OBJECT

private slots:
    void shippedScenariosLoadClean_data();
    void shippedScenariosLoadClean();
    void baseLoadsClean();
    void diagnostics_data();
    void diagnostics();
    void reportsEveryErrorInOneFile();
    void keepsUnmodelledFieldsWithWarnings();
    void poolNodesAreReferencedByName();
    void hostileInput_data();
    void hostileInput();
    void missingFileIsAnError();

private:
    const std::string m_base = readText(CNSIM_TEST_DATA_DIR "/base.yaml");
};

void TestScenarioReader::shippedScenariosLoadClean_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("hello-cluster") << "hello-cluster.yaml";
    QTest::newRow("node-failure") << "node-failure.yaml";
}

void TestScenarioReader::shippedScenariosLoadClean() {
    QFETCH(QString, file);
    const ScenarioLoadResult result =
        readScenarioFile(std::string(CNSIM_SCENARIO_DIR "/") + file.toStdString());
    QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.scenario.has_value());
    QVERIFY(!result.scenario->workloads.empty());
    QVERIFY(!result.scenario->cluster.expandedNodes().empty());
}

void TestScenarioReader::baseLoadsClean() {
    const ScenarioLoadResult result = readScenario(m_base, "base.yaml");
    QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.scenario.has_value());
    const Scenario& s = *result.scenario;
    QCOMPARE(s.duration, SimTime::minutes(1));
    QCOMPARE(s.cluster.nodes.at(0).cpu, CpuMillis{2000});
    QCOMPARE(s.cluster.nodes.at(0).memory, Bytes::gibibytes(4));
    const auto& web = std::get<DeploymentSpec>(s.workloads.at(0));
    QCOMPARE(web.replicas, 2);
    QCOMPARE(web.podSpec.containers.at(0).requests.cpu, std::optional(CpuMillis{100}));
    const auto& service = std::get<ServiceSpec>(s.workloads.at(1));
    QCOMPARE(service.ports.at(0).targetPort, 80); // defaults to port, as in Kubernetes
    QCOMPARE(s.simulation.traffic.at(0).pattern, TrafficPattern::Poisson);
    QCOMPARE(s.simulation.faults.at(0).at, SimTime::seconds(30));
}

void TestScenarioReader::diagnostics_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto error = [](const char* name, const char* from, const char* to, int line, int column,
                          const char* code, const char* message) {
        QTest::newRow(name) << from << to << line << column << true << code << message;
    };
    const auto warning = [](const char* name, const char* from, const char* to, int line,
                            int column, const char* code, const char* message) {
        QTest::newRow(name) << from << to << line << column << false << code << message;
    };

    // Keys.
    error("misspelled field", "replicas: 2", "replcas: 2", 19, 7, "unknown-key",
          "unknown field 'replcas' in Deployment spec — did you mean 'replicas'?");
    error("misspelled container field", "image: nginx\n",
          "imagee: nginx\n              image: nginx\n", 30, 15, "unknown-key",
          "unknown field 'imagee' in container — did you mean 'image'?");
    error("misspelled cnsim key", "duration: 1m\n", "duration: 1m\nsead: 3\n", 8, 1, "unknown-key",
          "unknown key 'sead' in scenario — did you mean 'seed'?");
    error("misspelled cluster key", "  nodes:", "  nodez:", 9, 3, "unknown-key",
          "unknown key 'nodez' in cluster — did you mean 'nodes'?");
    error("unknown field no suggestion", "replicas: 2", "replicas: 2\n      banana: 1", 20, 7,
          "unknown-key", "unknown field 'banana' in Deployment spec");
    error("duplicate key", "replicas: 2", "replicas: 2\n      replicas: 3", 20, 7, "duplicate-key",
          "duplicate field 'replicas' (first given on line 19)");
    error("missing selector", "      selector:\n        matchLabels:\n          app: web\n", "", 18,
          5, "missing-key", "missing required field 'selector' in Deployment spec");
    error("missing title", "  title:\n    en: T\n", "", 3, 1, "missing-key",
          "missing required key 'title' in scenario metadata");
    error("metadata not a mapping", "metadata:\n  name: t\n  title:\n    en: T\n",
          "metadata: [a]\n", 3, 11, "wrong-type",
          "scenario metadata must be a mapping of keys to values, got a list");

    // Types and bounds.
    error("replicas word", "replicas: 2", "replicas: three", 19, 17, "wrong-type",
          "'replicas' must be an integer, got 'three'");
    error("replicas quoted", "replicas: 2", "replicas: \"2\"", 19, 17, "wrong-type",
          "'replicas' must be an integer, got '2' (a quoted string; remove the quotes)");
    error("a million replicas", "replicas: 2", "replicas: 1000000", 19, 17, "above-maximum",
          "replicas 1000000 is above the maximum of 10000");
    error("negative replicas", "replicas: 2", "replicas: -1", 19, 17, "below-minimum",
          "replicas -1 is below the minimum of 0");
    error("negative cpu", "cpu: 100m", "cpu: -100m", 33, 24, "bad-quantity",
          "cpu '-100m' is not a valid quantity: negative values are not allowed");
    error("container cpu above bound", "cpu: 100m", "cpu: 2000", 33, 24, "above-maximum",
          "cpu 2000 is above the maximum of 1024 cores");
    error("sub-millicore cpu", "cpu: 100m", "cpu: 0.0001", 33, 24, "bad-quantity",
          "cpu '0.0001' is not a valid quantity: CPU finer than 1m (a thousandth of a core) "
          "cannot be expressed");
    error("request above limit", "                  memory: 64Mi\n",
          "                  memory: 64Mi\n                limits:\n                  cpu: 50m\n",
          33, 24, "request-above-limit",
          "cpu request 100m is above its limit 50m; requests must not exceed limits");
    error("node memory below bound", "memory: 4Gi", "memory: 512Ki", 12, 15, "below-minimum",
          "memory 512Ki is below the minimum of 1Mi");
    error("maxPods zero", "      memory: 4Gi\n", "      memory: 4Gi\n      maxPods: 0\n", 13, 16,
          "below-minimum", "maxPods 0 is below the minimum of 1");
    error("100 years as hours", "duration: 1m", "duration: 876000h", 7, 11, "above-maximum",
          "duration 876000h is above the maximum of 720h (30 days)");
    error("100 years as words", "duration: 1m", "duration: 100 years", 7, 11, "bad-duration",
          "'duration' must be a duration from 1s to 720h (30 days) such as 90s, 5m or 1h30m "
          "(units h, m, s, ms, us), got '100 years'");
    error("zero duration", "duration: 1m", "duration: 0s", 7, 11, "below-minimum",
          "duration 0s is below the minimum of 1s");
    error("negative seed", "duration: 1m\n", "duration: 1m\nseed: -1\n", 8, 7, "wrong-type",
          "'seed' must be an integer from 0 to 18446744073709551615, got '-1'");
    error("seed overflow", "duration: 1m\n", "duration: 1m\nseed: 18446744073709551616\n", 8, 7,
          "above-maximum",
          "'seed' must be an integer from 0 to 18446744073709551615, got "
          "'18446744073709551616'");
    error("rate above bound", "requestsPerSecond: 10", "requestsPerSecond: 200000", 51, 26,
          "above-maximum", "requestsPerSecond 200000 is above the maximum of 100000");
    error("cpuPerRequest zero", "cpuPerRequest: 10ms", "cpuPerRequest: 0s", 47, 22, "below-minimum",
          "cpuPerRequest 0s is below the minimum of 1us");
    error("baseLatency above bound", "cpuPerRequest: 10ms",
          "cpuPerRequest: 10ms\n      baseLatency: 2m", 48, 20, "above-maximum",
          "baseLatency 2m is above the maximum of 1m");
    error("podStartupTime above bound", "simulation:\n", "simulation:\n  podStartupTime: 2h\n", 45,
          19, "above-maximum", "podStartupTime 2h is above the maximum of 1h");
    error("service port above bound", "- port: 80", "- port: 70000", 43, 17, "above-maximum",
          "port 70000 is above the maximum of 65535");
    error("too many nodes", "cluster:\n",
          "cluster:\n  nodePools:\n    - name: p\n      count: 5000\n      cpu: 1\n      memory: "
          "1Gi\n",
          8, 1, "above-maximum", "the cluster has 5001 nodes in total, above the maximum of 5000");

    // Names and kinds.
    error("scenario name not a label", "  name: t", "  name: T", 4, 9, "bad-name",
          "name 'T' is invalid: a DNS-1123 label may contain only lower-case letters, digits "
          "and '-'");
    error("deployment name upper case", "      name: web\n    spec:\n      replicas",
          "      name: Web\n    spec:\n      replicas", 17, 13, "bad-name",
          "name 'Web' is invalid: a DNS-1123 subdomain may contain only lower-case letters, "
          "digits, '-' and '.'");
    error("unsupported kind", "kind: Deployment", "kind: StatefulSet", 15, 11, "unsupported-kind",
          "kind 'StatefulSet' is not supported in workloads; cnsim models Deployment (apps/v1), "
          "Service (v1) and PodDisruptionBudget (policy/v1)");
    error("misspelled kind", "kind: Deployment", "kind: Deploymnet", 15, 11, "unsupported-kind",
          "kind 'Deploymnet' is not supported in workloads; cnsim models Deployment (apps/v1), "
          "Service (v1) and PodDisruptionBudget (policy/v1) — did you mean 'Deployment'?");
    error("wrong apiVersion for kind", "apiVersion: apps/v1", "apiVersion: extensions/v1beta1", 14,
          17, "wrong-api-version", "a Deployment has apiVersion apps/v1, got 'extensions/v1beta1'");
    error("wrong scenario apiVersion", "apiVersion: cnsim/v1", "apiVersion: cnsim/v2", 1, 13,
          "bad-value", "'apiVersion' must be cnsim/v1, got 'cnsim/v2'");
    error("wrong scenario kind", "kind: Scenario", "kind: Lesson", 2, 7, "bad-value",
          "'kind' must be Scenario, got 'Lesson'");
    error("selector does not match template",
          "            app: web\n        spec:", "            app: other\n        spec:", 21, 9,
          "selector-mismatch",
          "selector does not match template labels: spec.template.metadata.labels must "
          "include app: web");

    // References between sections.
    error("traffic to unknown service", "service: web", "service: wbe", 50, 16, "unknown-reference",
          "traffic goes to Service 'wbe', but no Service of that name is in workloads — did "
          "you mean 'web'?");
    error("behaviour for unknown service", "    - name: web\n      cpuPerRequest",
          "    - name: api\n      cpuPerRequest", 46, 13, "unknown-reference",
          "simulation.services names 'api', but no Service of that name is in workloads");
    error("fault on unknown node", "node: n1", "node: n2", 55, 13, "unknown-reference",
          "no node named 'n2' in the cluster — did you mean 'n1'?");
    error("fault after the end", "at: 30s", "at: 2m", 53, 11, "above-maximum",
          "fault time 2m is after the end of the scenario (duration 1m)");
    error("fault type misspelled", "type: failNode", "type: failnode", 54, 13, "bad-value",
          "'type' must be one of failNode, recoverNode, stopKubelet, startKubelet, partitionNode, "
          "healPartition, zoneOutage, zoneRecover, podKill, containerKill, registryOutage, "
          "registryRecover, controlPlaneOutage, controlPlaneRecover, got 'failnode' — did you "
          "mean 'failNode'?");
    error("podKill of unknown deployment", "      type: failNode\n      node: n1",
          "      type: podKill\n      deployment: wbe", 55, 19, "unknown-reference",
          "no Deployment named 'wbe' in workloads — did you mean 'web'?");
    error("pod on a node fault", "      node: n1", "      node: n1\n      pod: web-1", 56, 7,
          "not-applicable", "'pod' does not apply to a failNode fault");

    // Warnings: the scenario still loads.
    warning("service selects nothing", "        app: web\n      ports",
            "        app: nothing\n      ports", 40, 7, "selects-nothing",
            "Service 'web' selects no pods: no Deployment's pod template has all of its "
            "selector labels");
    warning("unmodelled field", "replicas: 2", "replicas: 2\n      paused: false", 20, 7,
            "unmodelled-field",
            "field 'paused' in Deployment spec is valid Kubernetes but cnsim does not simulate "
            "it; it is kept when saving");
}

void TestScenarioReader::diagnostics() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(bool, isError);
    QFETCH(QString, code);
    QFETCH(QString, message);

    std::string text = m_base;
    const std::size_t at = text.find(from.toStdString());
    QVERIFY2(at != std::string::npos, "the row's 'from' text is not in base.yaml");
    text.replace(at, static_cast<std::size_t>(from.toUtf8().size()), to.toStdString());

    const ScenarioLoadResult result = readScenario(text, "case.yaml");
    const Diagnostic* d = findMessage(result.diagnostics, message.toStdString());
    QVERIFY2(d != nullptr,
             qPrintable("expected message not reported; got:\n" + describe(result.diagnostics)));
    QCOMPARE(d->line, line);
    QCOMPARE(d->column, column);
    QCOMPARE(QString::fromStdString(d->code), code);
    QCOMPARE(d->severity, isError ? Severity::Error : Severity::Warning);
    // The printed form carries the place, so a message can never lose it.
    const QString printed = QStringLiteral("case.yaml:%1:%2: %3: %4")
                                .arg(line)
                                .arg(column)
                                .arg(isError ? "error" : "warning", message);
    QCOMPARE(QString::fromStdString(d->toString()), printed);
    QCOMPARE(result.scenario.has_value(), !isError);
    QCOMPARE(hasErrors(result.diagnostics), isError);
    // Diagnostics come in file order.
    for (std::size_t i = 1; i < result.diagnostics.size(); ++i) {
        const Diagnostic& a = result.diagnostics[i - 1];
        const Diagnostic& b = result.diagnostics[i];
        QVERIFY(std::pair(a.line, a.column) <= std::pair(b.line, b.column));
    }
}

void TestScenarioReader::reportsEveryErrorInOneFile() {
    const ScenarioLoadResult result = readScenarioFile(CNSIM_TEST_DATA_DIR "/multiple-errors.yaml");
    QVERIFY(!result.scenario.has_value());
    const std::vector<std::tuple<int, int, std::string>> expected{
        {4, 9, "bad-name"},           {7, 1, "unknown-key"},        {8, 11, "bad-duration"},
        {12, 12, "bad-quantity"},     {20, 7, "unknown-key"},       {21, 17, "wrong-type"},
        {23, 9, "selector-mismatch"}, {34, 11, "unsupported-kind"}, {40, 16, "unknown-reference"},
        {41, 13, "bad-value"}};
    QCOMPARE(result.diagnostics.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Diagnostic& d = result.diagnostics[i];
        QCOMPARE(d.line, std::get<0>(expected[i]));
        QCOMPARE(d.column, std::get<1>(expected[i]));
        QCOMPARE(d.code, std::get<2>(expected[i]));
        QCOMPARE(d.severity, Severity::Error);
    }
    QCOMPARE(result.diagnostics[1].message,
             std::string("unknown key 'sead' in scenario — did you mean 'seed'?"));
    QCOMPARE(result.diagnostics[9].args.back(), std::string("poisson"));
}

void TestScenarioReader::keepsUnmodelledFieldsWithWarnings() {
    const ScenarioLoadResult result =
        readScenarioFile(CNSIM_TEST_DATA_DIR "/unmodelled-fields.yaml");
    QVERIFY2(result.scenario.has_value(), qPrintable(describe(result.diagnostics)));
    QVERIFY(!hasErrors(result.diagnostics));
    QStringList warned;
    for (const Diagnostic& d : result.diagnostics) {
        QCOMPARE(d.code, std::string("unmodelled-field"));
        warned << QString::fromStdString(d.args.at(0));
    }
    // strategy, nodeSelector, tolerations and livenessProbe are modelled: no warning.
    QCOMPARE(warned, QStringList({"annotations", "env", "hostPort", "nvidia.com/gpu",
                                  "securityContext", "type", "clusterIP"}));
    const auto& api = std::get<DeploymentSpec>(result.scenario->workloads.at(0));
    QCOMPARE(api.nameSpace, std::string("shop"));
    QCOMPARE(api.podSpec.containers.at(0).requests.cpu, std::optional(CpuMillis{250}));
    QCOMPARE(api.podSpec.containers.at(0).requests.memory, std::optional(Bytes{128974848}));
    QCOMPARE(api.podSpec.containers.at(0).limits.memory, std::optional(Bytes{129'000'000}));
    QCOMPARE(api.podLabels.at("version"), std::string("1.0"));
    // Sorted by path, so the list does not depend on the order of fields in the file.
    std::vector<std::string> paths;
    for (const PreservedField& field : api.preserved) {
        paths.push_back(field.path);
    }
    const std::vector<std::string> expectedPaths{
        "metadata.annotations", "spec.template.spec.containers[0].env",
        "spec.template.spec.containers[0].ports[0].hostPort",
        "spec.template.spec.containers[0].resources.requests[\"nvidia.com/gpu\"]",
        "spec.template.spec.containers[0].securityContext"};
    QCOMPARE(paths, expectedPaths);
    QCOMPARE(api.preserved.at(1).yaml, std::string("- name: MODE\n  value: \"on\""));
    // The formerly unmodelled fields, now read into the model.
    QCOMPARE(api.strategy, std::optional(DeploymentStrategy{DeploymentStrategyType::RollingUpdate,
                                                            IntOrPercent{1, false},
                                                            IntOrPercent{0, false}}));
    QCOMPARE(api.podSpec.nodeSelector, (LabelMap{{"disktype", "ssd"}}));
    QCOMPARE(api.podSpec.tolerations,
             (std::vector<Toleration>{
                 {"dedicated", TolerationOperator::Equal, "api", TaintEffect::NoSchedule, {}}}));
    const std::optional<Probe>& liveness = api.podSpec.containers.at(0).livenessProbe;
    QVERIFY(liveness.has_value());
    QCOMPARE(liveness->handler,
             (std::vector<PreservedField>{{"httpGet", "{path: /healthz, port: 8080}"}}));
    QVERIFY(!liveness->periodSeconds.has_value());
    const auto& service = std::get<ServiceSpec>(result.scenario->workloads.at(1));
    QCOMPARE(service.ports.at(0).targetPortName, std::string("http"));
    QCOMPARE(result.scenario->seed, std::numeric_limits<std::uint64_t>::max());
    QCOMPARE(result.scenario->cluster.nodePools.at(0).memory, Bytes{3758096384});
}

void TestScenarioReader::poolNodesAreReferencedByName() {
    const ScenarioLoadResult result = readScenarioFile(CNSIM_SCENARIO_DIR "/node-failure.yaml");
    QVERIFY(result.scenario.has_value());
    const std::vector<NodeSpec> nodes = result.scenario->cluster.expandedNodes();
    QCOMPARE(nodes.size(), std::size_t(3));
    QCOMPARE(nodes.at(0).name, std::string("pool-1"));
    QCOMPARE(nodes.at(2).name, std::string("pool-3"));
    QCOMPARE(nodes.at(1).memory, Bytes::gibibytes(16));
    QCOMPARE(result.scenario->simulation.faults.at(0).node, std::string("pool-2"));
}

void TestScenarioReader::hostileInput_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("empty") << QByteArray() << "empty-file" << 1 << 1;
    QTest::newRow("only a comment") << QByteArray("# nothing here\n") << "empty-file" << 1 << 1;
    QTest::newRow("list at top") << QByteArray("- a\n- b\n") << "wrong-type" << 1 << 1;
    QTest::newRow("plain text") << QByteArray("hello") << "wrong-type" << 1 << 1;
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\x00\x00",
                                          9)
                            << "not-text" << 1 << 1;
    QTest::newRow("latin-1") << QByteArray("apiVersion: cnsim/v1\nkind: Sc\xe9nario\n")
                             << "not-text" << 2 << 9;
    QTest::newRow("unclosed bracket")
        << QByteArray("apiVersion: cnsim/v1\nseed: [1, 2\n") << "yaml-syntax" << 3 << 1;
    QTest::newRow("two documents")
        << QByteArray("a: 1\n---\nb: 2\n") << "several-documents" << 3 << 1;
    QTest::newRow("deep flow nesting") << QByteArray(100000, '[') << "yaml-syntax" << 1 << 0;

    // Billion laughs: ten levels of ten aliases expand to 10^10 values.
    QByteArray bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 10; ++level) {
        const QByteArray previous = "*a" + QByteArray::number(level - 1);
        bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i) {
            bomb += (i == 0 ? "" : ", ") + previous;
        }
        bomb += "]\n";
    }
    QTest::newRow("alias bomb") << bomb << "too-many-nodes" << 1 << 1;
    QTest::newRow("too large") << QByteArray(17 * 1024 * 1024, '#') << "file-too-large" << 0 << 0;
}

void TestScenarioReader::hostileInput() {
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const ScenarioLoadResult result = readScenario(text.toStdString(), "hostile.yaml");
    QVERIFY(!result.scenario.has_value());
    QVERIFY2(!result.diagnostics.empty(), "no diagnostic for hostile input");
    const Diagnostic& d = result.diagnostics.front();
    QCOMPARE(QString::fromStdString(d.code), code);
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.line, line);
    if (column != 0) {
        QCOMPARE(d.column, column);
    }
    QVERIFY(!d.message.empty());
}

void TestScenarioReader::missingFileIsAnError() {
    const ScenarioLoadResult result = readScenarioFile("/nonexistent/dir/none.yaml");
    QVERIFY(!result.scenario.has_value());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QCOMPARE(result.diagnostics[0].code, std::string("cannot-open"));
    QCOMPARE(result.diagnostics[0].toString(),
             std::string("/nonexistent/dir/none.yaml: error: cannot open the file"));
}

QTEST_GUILESS_MAIN(TestScenarioReader)
#include "tst_scenarioreader.moc"
