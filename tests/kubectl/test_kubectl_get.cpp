// kubectl get / describe / top / rollout history against a fixed cluster at a fixed time:
// the exact text kubectl 1.34 would print (column names, tabwriter widths, ages, statuses),
// compared with golden files in data/golden (regenerate with CNSIM_UPDATE_GOLDEN=1 and
// review the diff). Column layouts follow k8s.io/kubernetes
// pkg/printers/internalversion/printers.go; describe follows k8s.io/kubectl/pkg/describe.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "kubectltestutil.h"
#include "model/simulation.h"

#include <memory>
#include <yaml-cpp/yaml.h>
#endif

namespace cnsim {
class Simulation;
}

using namespace cnsim;

class TestKubectlGet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void golden_data();
    void golden();
    void emptyAndNotFound_data();
    void emptyAndNotFound();
    void selectors_data();
    void selectors();
    void jsonParsesBack();
    void yamlParsesBack();
    void singleObjectIsNotAList();

private:
    KubectlResult run(const char* command) { return runKubectl(*m_sim, command); }
    std::unique_ptr<Simulation> m_sim;
};

void TestKubectlGet::initTestCase() {
    m_sim = test::clusterAt(SimTime::minutes(5));
}

void TestKubectlGet::cleanupTestCase() {
    m_sim.reset();
}

void TestKubectlGet::golden_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("command");
    const char* const rows[][2] = {
        {"get-pods", "kubectl get pods"},
        {"get-pods-wide", "kubectl get po -o wide"},
        {"get-pods-show-labels", "kubectl get pods --show-labels"},
        {"get-pods-all-namespaces", "kubectl get pods -A"},
        {"get-nodes", "kubectl get nodes"},
        {"get-nodes-wide", "kubectl get nodes -o wide"},
        {"get-deploy", "kubectl get deploy"},
        {"get-deploy-wide", "kubectl get deployments -o wide"},
        {"get-rs", "kubectl get rs"},
        {"get-svc", "kubectl get svc"},
        {"get-svc-wide", "kubectl get services -o wide"},
        {"get-ep", "kubectl get ep"},
        {"get-pdb", "kubectl get pdb"},
        {"get-events", "kubectl get events"},
        {"get-deploy-svc", "kubectl get deploy,svc"},
        {"get-name", "kubectl get deploy -o name"},
        {"get-worker-yaml", "kubectl get pods -l app=worker -o yaml"},
        {"get-web-deploy-yaml", "kubectl get deployment web -o yaml"},
        {"get-node-json", "kubectl get node/node-3 -o json"},
        {"describe-pod", "kubectl describe pods -l app=worker"},
        {"describe-node", "kubectl describe node node-1"},
        {"describe-deploy", "kubectl describe deployment web"},
        {"describe-svc", "kubectl describe svc web"},
        {"rollout-history", "kubectl rollout history deployment/web"},
        {"rollout-status", "kubectl rollout status deploy/web"},
        {"top-nodes", "kubectl top nodes"},
        {"top-pods", "kubectl top pods"},
    };
    for (const auto& row : rows) {
        QTest::newRow(row[0]) << QString::fromLatin1(row[0]) << QString::fromLatin1(row[1]);
    }
}

void TestKubectlGet::golden() {
    QFETCH(QString, name);
    QFETCH(QString, command);
    const KubectlResult r = runKubectl(*m_sim, command.toStdString());
    QCOMPARE(r.exitCode, 0);
    const QByteArray diff = test::compareGolden(name, r.out);
    QVERIFY2(diff.isEmpty(), diff.constData());
}

void TestKubectlGet::emptyAndNotFound_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("no pods in a namespace") << "kubectl get pods -n kube-system" << 0 << ""
                                            << "No resources found in kube-system namespace.\n";
    QTest::newRow("selector matches nothing") << "kubectl get pods -l app=nothing" << 0 << ""
                                              << "No resources found in default namespace.\n";
    QTest::newRow("cluster-scoped empty") << "kubectl get nodes -l disk=hdd" << 0 << ""
                                          << "No resources found\n";
    QTest::newRow("unknown pod") << "kubectl get pod x" << 1 << ""
                                 << "Error from server (NotFound): pods \"x\" not found\n";
    QTest::newRow("unknown deployment slash form")
        << "kubectl get deploy/nope" << 1 << ""
        << "Error from server (NotFound): deployments.apps \"nope\" not found\n";
    QTest::newRow("unknown node") << "kubectl get no node-9" << 1 << ""
                                  << "Error from server (NotFound): nodes \"node-9\" not found\n";
    QTest::newRow("unknown pdb") << "kubectl describe deploy nope" << 1 << ""
                                 << "Error from server (NotFound): deployments.apps \"nope\" "
                                    "not found\n";
    QTest::newRow("unknown pdb name") << "kubectl get pdb nope" << 1 << ""
                                      << "Error from server (NotFound): "
                                         "poddisruptionbudgets.policy \"nope\" not found\n";
    QTest::newRow("unknown command") << "kubectl foo" << 1 << ""
                                     << "error: unknown command \"foo\" for \"kubectl\"\n";
    QTest::newRow("unknown flag") << "kubectl get pods --foo" << 1 << ""
                                  << "error: unknown flag: --foo\nSee 'kubectl get --help' for "
                                     "usage.\n";
    QTest::newRow("unknown shorthand") << "kubectl get pods -z" << 1 << ""
                                       << "error: unknown shorthand flag: 'z' in -z\nSee "
                                          "'kubectl get --help' for usage.\n";
    QTest::newRow("unknown type") << "kubectl get bar" << 1 << ""
                                  << "error: the server doesn't have a resource type \"bar\"\n";
    QTest::newRow("unknown type slash form")
        << "kubectl describe bar/x" << 1 << ""
        << "error: the server doesn't have a resource type \"bar\"\n";
    QTest::newRow("flag without value") << "kubectl get pods -o" << 1 << ""
                                        << "error: flag needs an argument: 'o' in -o\nSee "
                                           "'kubectl get --help' for usage.\n";
    QTest::newRow("bad output format")
        << "kubectl get pods -o xml" << 1 << ""
        << "error: unable to match a printer suitable for the output format \"xml\", allowed "
           "formats are: json,name,wide,yaml\n";
    QTest::newRow("scale without replicas") << "kubectl scale deploy/web" << 1 << ""
                                            << "error: required flag(s) \"replicas\" not set\n";
    QTest::newRow("unknown rollout verb")
        << "kubectl rollout foo deploy/web" << 1 << ""
        << "error: unknown command \"foo\" for \"kubectl rollout\"\n";
    QTest::newRow("endpoints warn") << "kubectl get ep nope" << 1 << ""
                                    << "Warning: v1 Endpoints is deprecated in v1.33+; use "
                                       "discovery.k8s.io/v1 EndpointSlice\nError from server "
                                       "(NotFound): endpoints \"nope\" not found\n";
}

void TestKubectlGet::emptyAndNotFound() {
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const KubectlResult r = runKubectl(*m_sim, command.toStdString());
    QCOMPARE(QString::fromStdString(r.err), err);
    QCOMPARE(QString::fromStdString(r.out), out);
    QCOMPARE(r.exitCode, exitCode);
}

void TestKubectlGet::selectors_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("rows"); // table rows after the header
    QTest::newRow("equals") << "get pods -l app=web" << 3;
    QTest::newRow("double equals") << "get pods -l app==worker" << 1;
    QTest::newRow("not equals") << "get pods -l app!=web" << 1;
    QTest::newRow("and") << "get pods -l app=web,tier=frontend" << 3;
    QTest::newRow("and excludes") << "get pods -l app=web,tier!=frontend" << 0;
    QTest::newRow("exists") << "get pods -l tier" << 4;
    QTest::newRow("does not exist") << "get pods -l !tier" << 0;
    QTest::newRow("in") << "get pods -l 'tier in (backend, db)'" << 1;
    QTest::newRow("notin") << "get pods -l 'tier notin (backend)'" << 3;
    QTest::newRow("nodes by zone") << "get nodes -l topology.kubernetes.io/zone=zone-a" << 2;
    QTest::newRow("nodes by custom label") << "get no --selector=disk=ssd" << 1;
    QTest::newRow("deployments") << "get deploy -l app=worker" << 1;
}

void TestKubectlGet::selectors() {
    QFETCH(QString, command);
    QFETCH(int, rows);
    const KubectlResult r = runKubectl(*m_sim, command.toStdString());
    QCOMPARE(r.exitCode, 0);
    const QStringList lines =
        QString::fromStdString(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows == 0 ? 0 : rows + 1);
}

void TestKubectlGet::jsonParsesBack() {
    const KubectlResult r = run("kubectl get pods -l app=web -o json");
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject list = doc.object();
    QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("List"));
    const QJsonArray items = list.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 3);
    for (const QJsonValue& item : items) {
        const QJsonObject pod = item.toObject();
        QCOMPARE(pod.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
        QCOMPARE(pod.value(QStringLiteral("kind")).toString(), QStringLiteral("Pod"));
        const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
        QVERIFY(!meta.value(QStringLiteral("name")).toString().isEmpty());
        QCOMPARE(meta.value(QStringLiteral("namespace")).toString(), QStringLiteral("default"));
        QVERIFY(
            meta.value(QStringLiteral("creationTimestamp")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(meta.value(QStringLiteral("ownerReferences"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("kind")),
                 QJsonValue(QStringLiteral("ReplicaSet")));
        const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
        QVERIFY(!status.value(QStringLiteral("podIP")).toString().isEmpty());
        QVERIFY(!status.value(QStringLiteral("conditions")).toArray().isEmpty());
        const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
        QVERIFY(!spec.value(QStringLiteral("nodeName")).toString().isEmpty());
        QCOMPARE(spec.value(QStringLiteral("containers")).toArray().size(), 1);
    }
    // A deployment's JSON: numbers are numbers, percentages strings.
    const KubectlResult d = run("kubectl get deploy web -o json");
    const QJsonObject deploy = QJsonDocument::fromJson(QByteArray::fromStdString(d.out)).object();
    const QJsonObject spec = deploy.value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("replicas")).toInt(), 3);
    QCOMPARE(spec.value(QStringLiteral("strategy"))
                 .toObject()
                 .value(QStringLiteral("rollingUpdate"))
                 .toObject()
                 .value(QStringLiteral("maxSurge"))
                 .toString(),
             QStringLiteral("25%"));
    QCOMPARE(deploy.value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("readyReplicas"))
                 .toInt(),
             3);
}

void TestKubectlGet::yamlParsesBack() {
    const KubectlResult r = run("kubectl get deploy,svc,pdb,ep,nodes -o yaml");
    QCOMPARE(r.exitCode, 0);
    const YAML::Node doc = YAML::Load(r.out);
    QCOMPARE(doc["kind"].as<std::string>(), std::string("List"));
    const YAML::Node items = doc["items"];
    QCOMPARE(static_cast<int>(items.size()), 2 + 1 + 1 + 1 + 3);
    QCOMPARE(items[0]["apiVersion"].as<std::string>(), std::string("apps/v1"));
    QCOMPARE(items[0]["metadata"]["name"].as<std::string>(), std::string("web"));
    QCOMPARE(items[0]["spec"]["replicas"].as<int>(), 3);
    // Quoted so that it reads back as a string, as kubectl writes it.
    QCOMPARE(items[0]["metadata"]["resourceVersion"].Tag(), std::string("!"));
    QCOMPARE(items[2]["kind"].as<std::string>(), std::string("Service"));
    QCOMPARE(items[2]["spec"]["ports"][0]["targetPort"].as<int>(), 8080);
    QCOMPARE(items[3]["kind"].as<std::string>(), std::string("PodDisruptionBudget"));
    QCOMPARE(items[3]["spec"]["minAvailable"].as<int>(), 2);
    QCOMPARE(items[4]["kind"].as<std::string>(), std::string("Endpoints"));
    QCOMPARE(static_cast<int>(items[4]["subsets"][0]["addresses"].size()), 3);
    QCOMPARE(items[5]["kind"].as<std::string>(), std::string("Node"));
    QCOMPARE(items[5]["status"]["capacity"]["cpu"].as<std::string>(), std::string("4"));
    QCOMPARE(items[7]["status"]["capacity"]["memory"].as<std::string>(), std::string("4Gi"));
}

void TestKubectlGet::singleObjectIsNotAList() {
    const KubectlResult r = run("kubectl get svc web -o yaml");
    const YAML::Node doc = YAML::Load(r.out);
    QCOMPARE(doc["kind"].as<std::string>(), std::string("Service"));
    QCOMPARE(doc["spec"]["type"].as<std::string>(), std::string("ClusterIP"));
}

QTEST_GUILESS_MAIN(TestKubectlGet)
#include "test_kubectl_get.moc"
