// Reading scenario files (sim/scenario/scenarioreader.h): the shipped scenarios load clean;
// every error path reports the exact line and column, the message text and, for a typo,
// the nearest valid key; hostile input gives errors, never a crash or a hang.
//
// Most cases edit one line of data/base.yaml (a small valid scenario), so each row shows
// the mistake and where it must be reported.

#include "scenario/scenarioreader.h"
#include "scenariotext.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using namespace cnsim;
using namespace cnsim::test;

namespace {

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
    void readsControlPlaneFields();
    void controlPlaneDiagnostics_data();
    void controlPlaneDiagnostics();
    void readsEveryFaultType();
    void reportsEveryErrorInOneFile();
    void keepsUnmodelledFieldsWithWarnings();
    void poolNodesAreReferencedByName();
    void hostileInput_data();
    void hostileInput();
    void missingFileIsAnError();

private:
    // Applies the current row's edit to `base` and checks the diagnostic it must cause.
    void verifyDiagnostic(const std::string& base);

    const std::string m_base = readText(CNSIM_TEST_DATA_DIR "/base.yaml");
    const std::string m_controlPlane = readText(CNSIM_TEST_DATA_DIR "/control-plane.yaml");
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
    QCOMPARE(s.simulation.traffic.at(0).type, std::string("poisson"));
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
    error("rate above bound", "requestsPerSecond: 10", "requestsPerSecond: 2000000", 51, 26,
          "above-maximum", "requestsPerSecond 2000000 is above the maximum of 1000000");
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
          "Service (v1), PodDisruptionBudget (policy/v1), HorizontalPodAutoscaler "
          "(autoscaling/v2), Rollout and AnalysisTemplate (argoproj.io/v1alpha1), ScaledObject "
          "(keda.sh/v1alpha1), VerticalPodAutoscaler (autoscaling.k8s.io/v1)");
    error("misspelled kind", "kind: Deployment", "kind: Deploymnet", 15, 11, "unsupported-kind",
          "kind 'Deploymnet' is not supported in workloads; cnsim models Deployment (apps/v1), "
          "Service (v1), PodDisruptionBudget (policy/v1), HorizontalPodAutoscaler "
          "(autoscaling/v2), Rollout and AnalysisTemplate (argoproj.io/v1alpha1), ScaledObject "
          "(keda.sh/v1alpha1), VerticalPodAutoscaler (autoscaling.k8s.io/v1) — did you mean "
          "'Deployment'?");
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
    // Scheduled kubectl commands (simulation.commands).
    error("command that is not kubectl", "      node: n1",
          "      node: n1\n  commands:\n    - at: 10s\n      run: rm -rf /", 58, 12, "bad-value",
          "'run' must be a kubectl command (\"kubectl get pods\"), got 'rm -rf /'");
    error("command after the end", "      node: n1",
          "      node: n1\n  commands:\n    - at: 5m\n      run: kubectl get pods", 57, 11,
          "above-maximum", "command time 5m is after the end of the scenario (duration 1m)");
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
            "Service 'web' selects no pods: no Deployment's or Rollout's pod template has all "
            "of its selector labels");
    warning("unmodelled field", "replicas: 2", "replicas: 2\n      paused: false", 20, 7,
            "unmodelled-field",
            "field 'paused' in Deployment spec is valid Kubernetes but cnsim does not simulate "
            "it; it is kept when saving");
}

void TestScenarioReader::diagnostics() {
    verifyDiagnostic(m_base);
}

void TestScenarioReader::verifyDiagnostic(const std::string& base) {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(bool, isError);
    QFETCH(QString, code);
    QFETCH(QString, message);

    std::string text = base;
    const std::size_t at = text.find(from.toStdString());
    QVERIFY2(at != std::string::npos, "the row's 'from' text is not in the base file");
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

void TestScenarioReader::readsControlPlaneFields() {
    const ScenarioLoadResult result = readScenario(m_controlPlane, "control-plane.yaml");
    QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.scenario.has_value());
    const Scenario& s = *result.scenario;

    // Nodes and pools.
    const NodeSpec& vm = s.cluster.nodes.at(0);
    QCOMPARE(vm.labels, (LabelMap{{"disktype", "ssd"}}));
    QCOMPARE(vm.taints, (std::vector<Taint>{{"dedicated", "web", TaintEffect::NoSchedule}}));
    QVERIFY(vm.unschedulable);
    QCOMPARE(vm.machine, (MachineSpec{MachineKind::VirtualMachine, SimTime::seconds(45),
                                      CpuMillis{250}, Bytes::mebibytes(512)}));
    QCOMPARE(vm.cachedImages, std::vector<std::string>{"shop/web:1.0"});
    const NodePoolSpec& metal = s.cluster.nodePools.at(0);
    QCOMPARE(metal.labels, (LabelMap{{"tier", "batch"}}));
    QCOMPARE(metal.taints, (std::vector<Taint>{{"gpu", "", TaintEffect::NoExecute}}));
    QVERIFY(!metal.unschedulable);
    QCOMPARE(metal.machine, (MachineSpec{MachineKind::BareMetal, SimTime::minutes(3), {}, {}}));
    const std::vector<NodeSpec> expanded = s.cluster.expandedNodes();
    QCOMPARE(expanded.at(2).taints, metal.taints); // pool fields reach every pool node

    // Deployment.
    const auto& web = std::get<DeploymentSpec>(s.workloads.at(0));
    QVERIFY(web.preserved.empty());
    QCOMPARE(web.strategy,
             std::optional(DeploymentStrategy{DeploymentStrategyType::RollingUpdate,
                                              IntOrPercent{25, true}, IntOrPercent{1, false}}));
    QCOMPARE(web.minReadySeconds, std::optional(5));
    QCOMPARE(web.revisionHistoryLimit, std::optional(4));
    QCOMPARE(web.progressDeadlineSeconds, std::optional(120));
    const PodSpec& pod = web.podSpec;
    QCOMPARE(pod.schedulerName, std::string("bin-packer"));
    QCOMPARE(pod.nodeSelector, (LabelMap{{"disktype", "ssd"}}));
    QCOMPARE(pod.terminationGracePeriodSeconds, std::optional<std::int64_t>(45));
    QCOMPARE(pod.restartPolicy, std::optional(RestartPolicy::Always));

    QVERIFY(pod.affinity.has_value());
    const NodeAffinity expectedNode{
        {NodeSelectorTerm{
            {{"topology.kubernetes.io/zone", SelectorOperator::In, {"zone-a", "zone-b"}},
             {"cores", SelectorOperator::Gt, {"2"}}}}},
        {PreferredSchedulingTerm{
            50, NodeSelectorTerm{{{"tier", SelectorOperator::DoesNotExist, {}}}}}}};
    QCOMPARE(pod.affinity->nodeAffinity, std::optional(expectedNode));
    const PodAffinityRules expectedAffinity{
        {},
        {WeightedPodAffinityTerm{10, PodAffinityTerm{LabelSelector{{{"app", "cache"}}, {}},
                                                     "topology.kubernetes.io/zone"}}}};
    QCOMPARE(pod.affinity->podAffinity, std::optional(expectedAffinity));
    const PodAffinityRules expectedAnti{
        {PodAffinityTerm{LabelSelector{{}, {{"app", SelectorOperator::In, {"web"}}}},
                         "kubernetes.io/hostname"}},
        {}};
    QCOMPARE(pod.affinity->podAntiAffinity, std::optional(expectedAnti));

    const std::vector<Toleration> expectedTolerations{
        {"dedicated", TolerationOperator::Equal, "web", TaintEffect::NoSchedule, {}},
        {"gpu", TolerationOperator::Exists, "", TaintEffect::NoExecute, 60},
        {"", TolerationOperator::Exists, "", {}, {}}};
    QCOMPARE(pod.tolerations, expectedTolerations);
    const std::vector<TopologySpreadConstraint> expectedSpread{
        {1, "topology.kubernetes.io/zone", UnsatisfiableConstraintAction::DoNotSchedule,
         LabelSelector{{{"app", "web"}}, {}}, 2}};
    QCOMPARE(pod.topologySpreadConstraints, expectedSpread);

    const ContainerSpec& container = pod.containers.at(0);
    QCOMPARE(container.imagePullPolicy, std::optional(ImagePullPolicy::IfNotPresent));
    QCOMPARE(container.readinessProbe,
             std::optional(Probe{2, 5, 2, 2, 4, {{"httpGet", "path: /ready\nport: 8080"}}}));
    QCOMPARE(container.livenessProbe,
             std::optional(Probe{{}, 20, {}, {}, {}, {{"tcpSocket", "{port: 8080}"}}}));
    QCOMPARE(container.startupProbe,
             std::optional(Probe{{}, {}, {}, {}, 30, {{"exec", "command: [cat, /tmp/started]"}}}));
    QVERIFY(!pod.containers.at(1).imagePullPolicy.has_value());
    QVERIFY(!pod.containers.at(1).readinessProbe.has_value());

    // PodDisruptionBudgets.
    const auto& pdb = std::get<PodDisruptionBudgetSpec>(s.workloads.at(1));
    QCOMPARE(pdb.name, std::string("web-pdb"));
    QCOMPARE(pdb.selector, (LabelSelector{{{"app", "web"}}, {}}));
    QCOMPARE(pdb.minAvailable, std::optional(IntOrPercent{50, true}));
    QVERIFY(!pdb.maxUnavailable.has_value());
    const auto& pdbMax = std::get<PodDisruptionBudgetSpec>(s.workloads.at(2));
    QCOMPARE(pdbMax.selector.matchExpressions,
             (std::vector<SelectorRequirement>{{"app", SelectorOperator::In, {"web"}}}));
    QCOMPARE(pdbMax.maxUnavailable, std::optional(IntOrPercent{1, false}));
    QVERIFY(!pdbMax.minAvailable.has_value());

    // Simulation.
    const SimulationSpec& sim = s.simulation;
    QCOMPARE(sim.images.size(), std::size_t(2));
    QCOMPARE(sim.images.at(0), (ImageSpec{"shop/web:1.0",
                                          Bytes::mebibytes(120),
                                          SimTime::seconds(3),
                                          {},
                                          false,
                                          CpuMillis{50},
                                          Bytes::mebibytes(64),
                                          0.0}));
    QCOMPARE(sim.images.at(1), (ImageSpec{"shop/web:1.1-bad",
                                          Bytes::mebibytes(121),
                                          SimTime::seconds(3),
                                          SimTime::seconds(30),
                                          true,
                                          {},
                                          {},
                                          0.0}));
    QCOMPARE(sim.registry.bandwidthPerSecond, Bytes::mebibytes(50));
    QCOMPARE(sim.scheduler.profiles, (std::vector<SchedulerProfileSpec>{
                                         {"default-scheduler", ScoringStrategy::LeastAllocated},
                                         {"bin-packer", ScoringStrategy::MostAllocated}}));
    QCOMPARE(sim.scheduler.percentageOfNodesToScore, 50);
}

void TestScenarioReader::controlPlaneDiagnostics_data() {
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

    // Each row edits data/control-plane.yaml; Kubernetes' own rule is cited where it has one
    // (pkg/apis/core/validation, pkg/apis/apps/validation, apimachinery ValidateLabelSelector).
    error("toleration seconds without NoExecute",
          "              effect: NoExecute\n              tolerationSeconds: 60",
          "              effect: NoSchedule\n              tolerationSeconds: 60", 129, 15,
          "not-applicable",
          "'tolerationSeconds' applies only to effect NoExecute (only NoExecute taints evict "
          "running pods)");
    error("toleration without key needs Exists", "            - operator: Exists\n",
          "            - operator: Equal\n", 130, 15, "missing-key",
          "missing required field 'key' in toleration (only operator Exists may leave it out, to "
          "tolerate every taint)");
    error("toleration Exists with value",
          "              operator: Exists\n              effect: NoExecute",
          "              operator: Exists\n              value: x\n              effect: NoExecute",
          128, 15, "not-applicable",
          "'value' must be empty when operator is Exists (it matches any value)");
    error("toleration effect misspelled",
          "              effect: NoSchedule\n            - key: gpu",
          "              effect: NoSchedul\n            - key: gpu", 125, 23, "bad-value",
          "'effect' must be one of NoSchedule, PreferNoSchedule, NoExecute, got 'NoSchedul' — did "
          "you mean 'NoSchedule'?");
    error("Exists with values",
          "                      - key: tier\n                        operator: DoesNotExist",
          "                      - key: tier\n                        operator: DoesNotExist\n     "
          "                   values: [x]",
          105, 25, "not-applicable", "'values' must be empty when operator is DoesNotExist");
    error("In without values",
          "                        operator: In\n                        values: [zone-a, zone-b]",
          "                        operator: In", 93, 25, "missing-key",
          "missing required field 'values' in node selector requirement (operator In needs at "
          "least one value)");
    error("In with empty values", "values: [zone-a, zone-b]", "values: []", 95, 25, "empty-list",
          "'values' must list at least one value when operator is In");
    error("Gt two values", "values: [\"2\"]", "values: [\"2\", \"3\"]", 98, 25, "bad-value",
          "'values' must hold exactly one integer when operator is Gt");
    error("Gt not an integer", "values: [\"2\"]", "values: [two]", 98, 25, "bad-value",
          "'values' must hold exactly one integer when operator is Gt");
    error("Gt in a label selector",
          "                      - key: app\n                        operator: In",
          "                      - key: app\n                        operator: Gt", 118, 35,
          "bad-value", "'operator' must be one of In, NotIn, Exists, DoesNotExist, got 'Gt'");
    error("weight above 100", "- weight: 50", "- weight: 101", 100, 27, "above-maximum",
          "weight 101 is above the maximum of 100");
    error("weight zero", "- weight: 10", "- weight: 0", 107, 27, "below-minimum",
          "weight 0 is below the minimum of 1");
    error("empty nodeSelectorTerms",
          "                nodeSelectorTerms:\n                  - matchExpressions:\n             "
          "         - key: topology.kubernetes.io/zone\n                        operator: In\n     "
          "                   values: [zone-a, zone-b]\n                      - key: cores\n       "
          "                 operator: Gt\n                        values: [\"2\"]\n",
          "                nodeSelectorTerms: []\n", 91, 17, "empty-list",
          "'nodeSelectorTerms' must list at least one term");
    error("missing topologyKey", "                  topologyKey: kubernetes.io/hostname\n", "", 115,
          19, "missing-key", "missing required field 'topologyKey' in pod affinity term");
    error("maxSkew zero", "- maxSkew: 1", "- maxSkew: 0", 132, 24, "below-minimum",
          "maxSkew 0 is below the minimum of 1");
    error("whenUnsatisfiable misspelled", "whenUnsatisfiable: DoNotSchedule",
          "whenUnsatisfiable: DoNotSchedul", 134, 34, "bad-value",
          "'whenUnsatisfiable' must be one of DoNotSchedule, ScheduleAnyway, got 'DoNotSchedul' — "
          "did you mean 'DoNotSchedule'?");
    error("minDomains with ScheduleAnyway", "whenUnsatisfiable: DoNotSchedule",
          "whenUnsatisfiable: ScheduleAnyway", 138, 15, "not-applicable",
          "'minDomains' applies only when whenUnsatisfiable is DoNotSchedule");
    error("probe two handlers", "                tcpSocket: {port: 8080}\n",
          "                tcpSocket: {port: 8080}\n                httpGet: {port: 8080}\n", 77,
          17, "conflicting-keys",
          "a probe has exactly one handler; 'tcpSocket' conflicts with 'httpGet'");
    error(
        "probe no handler", "                tcpSocket: {port: 8080}\n", "", 76, 15, "missing-key",
        "missing handler in livenessProbe: a probe needs one of httpGet, tcpSocket, exec or grpc");
    error("liveness successThreshold", "                periodSeconds: 20\n",
          "                periodSeconds: 20\n                successThreshold: 2\n", 79, 35,
          "bad-value",
          "successThreshold must be 1 for a livenessProbe (a single success is enough to pass it)");
    error("probe period zero", "periodSeconds: 20", "periodSeconds: 0", 78, 32, "below-minimum",
          "periodSeconds 0 is below the minimum of 1");
    error("bad pull policy", "imagePullPolicy: IfNotPresent", "imagePullPolicy: IfNotPresnt", 66,
          32, "bad-value",
          "'imagePullPolicy' must be one of Always, IfNotPresent, Never, got 'IfNotPresnt' — did "
          "you mean 'IfNotPresent'?");
    error("restartPolicy OnFailure", "restartPolicy: Always", "restartPolicy: OnFailure", 140, 26,
          "bad-value",
          "restartPolicy must be Always in a Deployment's pod template, got 'OnFailure'");
    error("strategy percent without sign", "maxSurge: 25%", "maxSurge: \"25\"", 50, 21,
          "bad-percent",
          "maxSurge '25' is invalid: a percentage must be a whole number followed by '%' (e.g. "
          "'25%'); for a number of pods write 25 without quotes");
    error("maxUnavailable above 100%", "maxUnavailable: 1", "maxUnavailable: 150%", 51, 27,
          "above-maximum", "maxUnavailable 150% is above the maximum of 100%");
    error("Recreate with rollingUpdate", "type: RollingUpdate", "type: Recreate", 49, 9,
          "not-applicable", "'rollingUpdate' does not apply when the strategy type is Recreate");
    error("both zero", "          maxSurge: 25%\n          maxUnavailable: 1",
          "          maxSurge: 0\n          maxUnavailable: 0%", 51, 27, "bad-value",
          "maxUnavailable may not be 0 when maxSurge is 0: the rollout could never replace a pod");
    error("deadline not above minReady", "progressDeadlineSeconds: 120",
          "progressDeadlineSeconds: 5", 54, 32, "bad-value",
          "progressDeadlineSeconds 5 must be greater than minReadySeconds 5");
    error("unknown schedulerName", "schedulerName: bin-packer", "schedulerName: bin-packr", 85, 26,
          "unknown-reference",
          "schedulerName 'bin-packr' names no profile in simulation.scheduler.profiles — did you "
          "mean 'bin-packer'?");
    error("pdb both", "      minAvailable: 50%\n",
          "      minAvailable: 50%\n      maxUnavailable: 1\n", 147, 7, "conflicting-keys",
          "a PodDisruptionBudget sets either 'minAvailable' or 'maxUnavailable', not both");
    error("pdb neither", "      minAvailable: 50%\n", "", 145, 5, "missing-key",
          "missing required field 'minAvailable' or 'maxUnavailable' in PodDisruptionBudget spec");
    error("pdb empty selector",
          "      selector:\n        matchLabels:\n          app: web\n  - apiVersion: policy/v1",
          "      selector: {}\n  - apiVersion: policy/v1", 147, 7, "empty-selector",
          "the PodDisruptionBudget selector must have at least one label in matchLabels or one "
          "matchExpressions entry");
    error("pdb wrong apiVersion",
          "  - apiVersion: policy/v1\n    kind: PodDisruptionBudget\n    metadata:\n      name: "
          "web-pdb\n",
          "  - apiVersion: policy/v1beta1\n    kind: PodDisruptionBudget\n    metadata:\n      "
          "name: web-pdb\n",
          141, 17, "wrong-api-version",
          "a PodDisruptionBudget has apiVersion policy/v1, got 'policy/v1beta1'");
    warning("pdb selects nothing", "app: web\n  - apiVersion: policy/v1",
            "app: api\n  - apiVersion: policy/v1", 147, 7, "selects-nothing",
            "PodDisruptionBudget 'web-pdb' selects no pods: no Deployment's pod template matches "
            "its selector");
    error("node bootTime above 1h", "bootTime: 45s", "bootTime: 2h", 26, 19, "above-maximum",
          "bootTime 2h is above the maximum of 1h");
    error("overhead above capacity", "overheadCpu: 250m", "overheadCpu: 5", 27, 22, "above-maximum",
          "overheadCpu 5 is above the node's cpu 4");
    error("overhead on bare metal", "{kind: bareMetal, bootTime: 3m}",
          "{kind: bareMetal, overheadMemory: 1Gi}", 39, 34, "not-applicable",
          "'overheadMemory' does not apply to a bareMetal machine (it has no hypervisor)");
    error("machine kind misspelled", "kind: virtualMachine", "kind: virtualmachine", 25, 15,
          "bad-value",
          "'kind' must be one of bareMetal, virtualMachine, got 'virtualmachine' — did you mean "
          "'virtualMachine'?");
    error("unschedulable yes", "unschedulable: true", "unschedulable: yes", 23, 22, "wrong-type",
          "'unschedulable' must be true or false, got 'yes'");
    error("duplicate taint", "        - {key: gpu, effect: NoExecute}\n",
          "        - {key: gpu, effect: NoExecute}\n        - {key: gpu, value: a, effect: "
          "NoExecute}\n",
          39, 11, "duplicate-name",
          "duplicate taint 'gpu:NoExecute' (a node has at most one taint per key and effect)");
    error("reserved zone label", "        disktype: ssd\n      taints",
          "        disktype: ssd\n        topology.kubernetes.io/zone: zone-c\n      taints", 19, 9,
          "reserved-label",
          "label 'topology.kubernetes.io/zone' is set by cnsim from the node's 'zone'; remove it "
          "here");
    error("duplicate cached image", "[shop/web:1.0]", "[shop/web:1.0, shop/web:1.0]", 29, 36,
          "duplicate-name", "image 'shop/web:1.0' is listed twice in 'cachedImages'");
    error("image size above bound", "size: 120Mi", "size: 100Gi", 163, 13, "above-maximum",
          "size 100Gi is above the maximum of 64Gi");
    error("crashAfter zero", "crashAfter: 30s", "crashAfter: 0s", 170, 19, "below-minimum",
          "crashAfter 0s is below the minimum of 1s");
    error("duplicate image", "name: shop/web:1.1-bad", "name: shop/web:1.0", 167, 13,
          "duplicate-name", "duplicate image 'shop/web:1.0' (first given on line 162)");
    error("registry bandwidth zero", "bandwidthPerSecond: 50Mi", "bandwidthPerSecond: 0", 173, 25,
          "below-minimum", "bandwidthPerSecond 0 is below the minimum of 1");
    error("percentage above 100", "percentageOfNodesToScore: 50", "percentageOfNodesToScore: 101",
          179, 31, "above-maximum", "percentageOfNodesToScore 101 is above the maximum of 100");
    error("duplicate profile", "- schedulerName: bin-packer", "- schedulerName: default-scheduler",
          177, 24, "duplicate-name",
          "duplicate schedulerName 'default-scheduler' (first given on line 176)");
    error("zone fault unknown zone", "zone: zone-b, duration: 5m", "zone: zone-c, duration: 5m",
          187, 40, "unknown-reference", "no node is in zone 'zone-c' — did you mean 'zone-a'?");
    error("zone fault missing zone", "type: zoneRecover, zone: zone-b", "type: zoneRecover", 188, 7,
          "missing-key", "missing required key 'zone' in a zoneRecover fault");
    error("duration on a recovery", "type: recoverNode, node: metal-1",
          "type: recoverNode, node: metal-1, duration: 1m", 182, 50, "not-applicable",
          "'duration' does not apply to a recoverNode fault");
    error("duration too short", "node: metal-2, duration: 1m", "node: metal-2, duration: 500ms",
          185, 62, "below-minimum", "duration 500ms is below the minimum of 1s");
    error("container of unknown name", "container: sidecar", "container: sidecr", 191, 66,
          "unknown-reference",
          "Deployment 'web' has no container named 'sidecr' — did you mean 'sidecar'?");
    error("container on podKill", "type: podKill, deployment: web",
          "type: podKill, deployment: web, container: web", 189, 48, "not-applicable",
          "'container' does not apply to a podKill fault");
    error("component missing", "type: controlPlaneRecover, component: apiServer",
          "type: controlPlaneRecover", 195, 7, "missing-key",
          "missing required key 'component' in a controlPlaneRecover fault");
    error("component misspelled", "component: scheduler", "component: schedular", 194, 54,
          "bad-value",
          "'component' must be one of apiServer, scheduler, controllerManager, got 'schedular' — "
          "did you mean 'scheduler'?");
    error("node on registry fault", "type: registryRecover", "type: registryRecover, node: vm-1",
          193, 40, "not-applicable", "'node' does not apply to a registryRecover fault");
    error("kubelet fault unknown node", "type: startKubelet, node: metal-1",
          "type: startKubelet, node: metal-3", 184, 42, "unknown-reference",
          "no node named 'metal-3' in the cluster — did you mean 'metal-1'?");
}

void TestScenarioReader::controlPlaneDiagnostics() {
    verifyDiagnostic(m_controlPlane);
}

void TestScenarioReader::readsEveryFaultType() {
    const ScenarioLoadResult result = readScenario(m_controlPlane, "control-plane.yaml");
    QVERIFY(result.scenario.has_value());
    const std::vector<FaultSpec>& faults = result.scenario->simulation.faults;
    QCOMPARE(faults.size(), std::size_t(15));
    const std::vector<FaultType> types{
        FaultType::FailNode,        FaultType::RecoverNode,        FaultType::StopKubelet,
        FaultType::StartKubelet,    FaultType::PartitionNode,      FaultType::HealPartition,
        FaultType::ZoneOutage,      FaultType::ZoneRecover,        FaultType::PodKill,
        FaultType::PodKill,         FaultType::ContainerKill,      FaultType::RegistryOutage,
        FaultType::RegistryRecover, FaultType::ControlPlaneOutage, FaultType::ControlPlaneRecover};
    for (std::size_t i = 0; i < types.size(); ++i) {
        QCOMPARE(faults[i].type, types[i]);
        QCOMPARE(faults[i].at, SimTime::minutes(static_cast<std::int64_t>(i) + 1));
    }
    QCOMPARE(faults[0].node, std::string("vm-1"));
    QCOMPARE(faults[0].duration, std::optional(SimTime::minutes(2)));
    QVERIFY(!faults[1].duration.has_value());
    QCOMPARE(faults[6].zone, std::string("zone-b"));
    QCOMPARE(faults[6].duration, std::optional(SimTime::minutes(5)));
    QCOMPARE(faults[8].deployment, std::string("web"));
    QCOMPARE(faults[9].pod, std::string("web-abc12"));
    QCOMPARE(faults[10].container, std::string("sidecar"));
    QCOMPARE(faults[11].duration, std::optional(SimTime::minutes(10)));
    QVERIFY(faults[12].node.empty() && faults[12].zone.empty());
    QCOMPARE(faults[13].component, std::optional(ControlPlaneComponent::Scheduler));
    QCOMPARE(faults[14].component, std::optional(ControlPlaneComponent::ApiServer));
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
    QCOMPARE(api.strategy,
             std::optional(DeploymentStrategy{DeploymentStrategyType::RollingUpdate,
                                              IntOrPercent{1, false}, IntOrPercent{0, false}}));
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
