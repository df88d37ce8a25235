// kubectl commands that change the cluster: each maps to the right simulation Action, prints
// kubectl's success line, and the change shows in a later `get` (after simulated time
// passes). Messages as k8s.io/kubectl/pkg/cmd/{scale,drain,delete,rollout,set,apply} print
// them.

#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "kubectltestutil.h"
#include "model/simulation.h"

#include <fstream>
#endif

using namespace cnsim;

namespace {

// The READY column of `kubectl get deploy NAME`.
std::string deploymentReady(Simulation& sim, const std::string& name) {
    const KubectlResult r = runKubectl(sim, "get deploy " + name + " --no-headers");
    const std::size_t start = r.out.find_first_not_of(' ', r.out.find(' '));
    return r.out.substr(start, r.out.find(' ', start) - start);
}

} // namespace

class TestKubectlActions : public QObject {
    Q_OBJECT

private slots:
    void scaleThenGet_data();
    void scaleThenGet();
    void scaleErrors();
    void cordonUncordon();
    void drainEvictsPods();
    void deletePod();
    void setImageAndRollout();
    void applyManifest();
    void applyErrors();
};

void TestKubectlActions::scaleThenGet_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("replicas");
    QTest::newRow("slash form") << "kubectl scale deployment/web --replicas=5" << 5;
    QTest::newRow("type and name") << "kubectl scale deploy web --replicas 1" << 1;
    QTest::newRow("qualified type") << "scale deployments.apps/web --replicas=4" << 4;
}

void TestKubectlActions::scaleThenGet() {
    QFETCH(QString, command);
    QFETCH(int, replicas);
    auto sim = test::clusterAt(SimTime::minutes(1));
    const KubectlResult r = runKubectl(*sim, command.toStdString());
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(QString::fromStdString(r.out), QStringLiteral("deployment.apps/web scaled\n"));
    QCOMPARE(r.exitCode, 0);
    // The spec changes at once; the pods follow in simulated time.
    QCOMPARE(QString::fromStdString(deploymentReady(*sim, "web")).section(QLatin1Char('/'), 1),
             QString::number(replicas));
    sim->advanceTo(SimTime::minutes(2));
    QCOMPARE(deploymentReady(*sim, "web"),
             std::to_string(replicas) + "/" + std::to_string(replicas));
}

void TestKubectlActions::scaleErrors() {
    auto sim = test::clusterAt(SimTime::minutes(1));
    KubectlResult r = runKubectl(*sim, "kubectl scale deployment/nope --replicas=2");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err,
             std::string("Error from server (NotFound): deployments.apps \"nope\" not found\n"));
    r = runKubectl(*sim, "kubectl scale svc/web --replicas=2");
    QCOMPARE(r.exitCode, 1);
    r = runKubectl(*sim, "kubectl scale deploy/web --replicas=-1");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.starts_with("error: invalid argument \"-1\" for \"--replicas\" flag"));
}

void TestKubectlActions::cordonUncordon() {
    auto sim = test::clusterAt(SimTime::minutes(1));
    KubectlResult r = runKubectl(*sim, "kubectl cordon node-2");
    QCOMPARE(r.out, std::string("node/node-2 cordoned\n"));
    QCOMPARE(r.exitCode, 0);
    sim->advanceTo(SimTime::minutes(1) + SimTime::seconds(1));
    r = runKubectl(*sim, "kubectl get node node-2 --no-headers");
    QVERIFY2(r.out.find("Ready,SchedulingDisabled") != std::string::npos, r.out.c_str());
    r = runKubectl(*sim, "kubectl cordon node-2");
    QCOMPARE(r.out, std::string("node/node-2 already cordoned\n"));
    r = runKubectl(*sim, "kubectl uncordon node/node-2");
    QCOMPARE(r.out, std::string("node/node-2 uncordoned\n"));
    sim->advanceTo(SimTime::minutes(1) + SimTime::seconds(2));
    r = runKubectl(*sim, "kubectl uncordon node-2");
    QCOMPARE(r.out, std::string("node/node-2 already uncordoned\n"));
    r = runKubectl(*sim, "kubectl cordon node-9");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, std::string("Error from server (NotFound): nodes \"node-9\" not found\n"));
}

void TestKubectlActions::drainEvictsPods() {
    auto sim = test::clusterAt(SimTime::minutes(1));
    const KubectlResult pods = runKubectl(*sim, "kubectl get pods -o wide --no-headers");
    int onNode1 = 0;
    for (const QString& line : QString::fromStdString(pods.out).split(QLatin1Char('\n'))) {
        onNode1 += line.contains(QLatin1String(" node-1 ")) ? 1 : 0;
    }
    const KubectlResult r =
        runKubectl(*sim, "kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.starts_with("node/node-1 cordoned\n"));
    QCOMPARE(static_cast<int>(
                 QString::fromStdString(r.out).count(QLatin1String("evicting pod default/"))),
             onNode1);
    sim->advanceTo(SimTime::minutes(3));
    const KubectlResult after = runKubectl(*sim, "kubectl get pods -o wide --no-headers");
    QVERIFY2(after.out.find(" node-1 ") == std::string::npos, after.out.c_str());
    QCOMPARE(runKubectl(*sim, "drain node-1 --foo").err,
             std::string("error: unknown flag: --foo\nSee 'kubectl drain --help' for usage.\n"));
}

void TestKubectlActions::deletePod() {
    auto sim = test::clusterAt(SimTime::minutes(1));
    const KubectlResult names = runKubectl(*sim, "kubectl get pods -l app=worker -o name");
    const std::string pod = names.out.substr(4, names.out.size() - 5); // "pod/<name>\n"
    KubectlResult r = runKubectl(*sim, "kubectl delete pod " + pod);
    QCOMPARE(r.out, "pod \"" + pod + "\" deleted\n");
    QCOMPARE(r.exitCode, 0);
    r = runKubectl(*sim, "kubectl delete pod nope");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, std::string("Error from server (NotFound): pods \"nope\" not found\n"));
    sim->advanceTo(SimTime::minutes(2));
    r = runKubectl(*sim, "kubectl get pod " + pod);
    QCOMPARE(r.exitCode, 1); // gone, and the ReplicaSet made a new one
    QCOMPARE(runKubectl(*sim, "kubectl get pods -l app=worker --no-headers").out.empty(), false);
}

void TestKubectlActions::setImageAndRollout() {
    auto sim = test::clusterAt(SimTime::minutes(1));
    KubectlResult r = runKubectl(*sim, "kubectl set image deployment/web web=shop/web:1.1");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.out, std::string("deployment.apps/web image updated\n"));
    r = runKubectl(*sim, "kubectl set image deployment/web nope=shop/web:1.1");
    QCOMPARE(r.err, std::string("error: unable to find container named \"nope\"\n"));
    sim->advanceTo(SimTime::minutes(1) + SimTime::seconds(1));
    r = runKubectl(*sim, "kubectl rollout status deployment/web");
    QVERIFY2(r.out.starts_with("Waiting for deployment \"web\" rollout to finish: "),
             r.out.c_str());
    sim->advanceTo(SimTime::minutes(4));
    r = runKubectl(*sim, "kubectl rollout status deployment/web");
    QCOMPARE(r.out, std::string("deployment \"web\" successfully rolled out\n"));
    r = runKubectl(*sim, "kubectl rollout history deployment/web");
    QCOMPARE(r.out, std::string("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n"
                                "2         <none>\n\n"));
    r = runKubectl(*sim, "kubectl rollout history deployment/web --revision=2");
    QVERIFY2(r.out.find("Image:\tshop/web:1.1") != std::string::npos ||
                 r.out.find("shop/web:1.1") != std::string::npos,
             r.out.c_str());
    r = runKubectl(*sim, "kubectl rollout undo deployment/web");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.out, std::string("deployment.apps/web rolled back\n"));
    sim->advanceTo(SimTime::minutes(7));
    r = runKubectl(*sim, "kubectl get deploy web -o wide --no-headers");
    QVERIFY2(r.out.find("shop/web:1.0") != std::string::npos, r.out.c_str());
    r = runKubectl(*sim, "kubectl rollout restart deploy/web");
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.out, std::string("deployment.apps/web restarted\n"));
    r = runKubectl(*sim, "kubectl rollout undo deployment/nope");
    QCOMPARE(r.err,
             std::string("Error from server (NotFound): deployments.apps \"nope\" not found\n"));
}

void TestKubectlActions::applyManifest() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("api.yaml")).toStdString();
    std::ofstream(path) << "apiVersion: apps/v1\n"
                           "kind: Deployment\n"
                           "metadata:\n"
                           "  name: api\n"
                           "spec:\n"
                           "  replicas: 2\n"
                           "  selector:\n"
                           "    matchLabels:\n"
                           "      app: api\n"
                           "  template:\n"
                           "    metadata:\n"
                           "      labels:\n"
                           "        app: api\n"
                           "    spec:\n"
                           "      containers:\n"
                           "        - name: api\n"
                           "          image: shop/web:1.0\n";
    auto sim = test::clusterAt(SimTime::minutes(1));
    KubectlResult r = runKubectl(*sim, "kubectl apply -f " + path);
    QCOMPARE(QString::fromStdString(r.err), QString());
    QCOMPARE(r.out, std::string("deployment.apps/api created\n"));
    sim->advanceTo(SimTime::minutes(2));
    QCOMPARE(deploymentReady(*sim, "api"), std::string("2/2"));
    // Relative to the working directory the caller gives.
    KubectlOptions options;
    options.workingDirectory = dir.path().toStdString();
    r = runKubectl(*sim, "kubectl apply -f api.yaml", options);
    QCOMPARE(r.out, std::string("deployment.apps/api configured\n"));
}

void TestKubectlActions::applyErrors() {
    QTemporaryDir dir;
    const std::string bad = dir.filePath(QStringLiteral("bad.yaml")).toStdString();
    std::ofstream(bad)
        << "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  portz: []\n";
    auto sim = test::clusterAt(SimTime::seconds(10));
    KubectlResult r = runKubectl(*sim, "kubectl apply -f " + bad);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find(bad + ":6:3: error:") != std::string::npos, r.err.c_str());
    r = runKubectl(*sim, "kubectl apply -f /no/such/file.yaml");
    QCOMPARE(r.err, std::string("error: the path \"/no/such/file.yaml\" does not exist\n"));
    r = runKubectl(*sim, "kubectl apply");
    QCOMPARE(r.err, std::string("error: must specify one of -f and -k\n"));
}

QTEST_GUILESS_MAIN(TestKubectlActions)
#include "test_kubectl_actions.moc"
