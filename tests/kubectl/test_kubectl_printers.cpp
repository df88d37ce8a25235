// The building blocks of kubectl's output and input: HumanDuration ages (worked cases from
// k8s.io/apimachinery/pkg/util/duration/duration_test.go), tabwriter columns
// (k8s.io/cli-runtime/pkg/printers/tabwriter.go), YAML scalar quoting (go-yaml v2 as
// sigs.k8s.io/yaml uses it), timestamps, label selectors, the command-line splitter and
// tab completion.

#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/commandparser.h"
#include "kubectl/completion.h"
#include "kubectl/labelselector.h"
#include "kubectl/objectvalue.h"
#include "kubectl/tableprinter.h"
#include "kubectltestutil.h"
#endif

using namespace cnsim;

class TestKubectlPrinters : public QObject {
    Q_OBJECT

private slots:
    void humanDuration_data();
    void humanDuration();
    void ageTruncatesCreationToSeconds();
    void tableColumns();
    void tabwriterBlocks();
    void timestamps();
    void yamlScalars_data();
    void yamlScalars();
    void jsonEscapes();
    void labelQuery_data();
    void labelQuery();
    void splitCommandLine();
    void completion_data();
    void completion();
};

void TestKubectlPrinters::humanDuration_data() {
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    // duration_test.go TestHumanDuration
    QTest::newRow("0s") << qint64(0) << "0s";
    QTest::newRow("1s") << qint64(1) << "1s";
    QTest::newRow("59s") << qint64(59) << "59s";
    QTest::newRow("119s") << qint64(119) << "119s";
    QTest::newRow("2m") << qint64(120) << "2m";
    QTest::newRow("3m2s") << qint64(182) << "3m2s";
    QTest::newRow("9m59s") << qint64(599) << "9m59s";
    QTest::newRow("10m") << qint64(600) << "10m";
    QTest::newRow("179m") << qint64(179 * 60 + 59) << "179m";
    QTest::newRow("3h") << qint64(3 * 3600) << "3h";
    QTest::newRow("5h10m") << qint64(5 * 3600 + 600) << "5h10m";
    QTest::newRow("8h") << qint64(8 * 3600) << "8h";
    QTest::newRow("47h") << qint64(47 * 3600 + 3599) << "47h";
    QTest::newRow("2d") << qint64(48 * 3600) << "2d";
    QTest::newRow("2d3h") << qint64(51 * 3600) << "2d3h";
    QTest::newRow("7d23h") << qint64((7 * 24 + 23) * 3600) << "7d23h";
    QTest::newRow("8d") << qint64(8 * 24 * 3600) << "8d";
    QTest::newRow("729d") << qint64(729LL * 24 * 3600) << "729d";
    QTest::newRow("2y") << qint64(730LL * 24 * 3600) << "2y";
    QTest::newRow("3y120d") << qint64((3 * 365 + 120) * 24LL * 3600) << "3y120d";
    QTest::newRow("8y") << qint64(8 * 365 * 24LL * 3600) << "8y";
}

void TestKubectlPrinters::humanDuration() {
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(cnsim::humanDuration(SimTime::seconds(seconds))), expected);
}

void TestKubectlPrinters::ageTruncatesCreationToSeconds() {
    // Created at 0.9 s, seen at 60.5 s: the API server stored 0 s, so the age is 60 s.
    QCOMPARE(formatAge(SimTime::milliseconds(60'500), SimTime::milliseconds(900)),
             std::string("60s"));
    QCOMPARE(formatAge(SimTime::seconds(5), SimTime::seconds(10)), std::string("<invalid>"));
}

void TestKubectlPrinters::tableColumns() {
    Table t;
    t.headers = {"NAME", "READY", "STATUS", "AGE"};
    t.rows = {{"a", "1/1", "Running", "5m"}, {"longer-name", "0/1", "Pending", "45s"}};
    QCOMPARE(renderTable(t), std::string("NAME          READY   STATUS    AGE\n"
                                         "a             1/1     Running   5m\n"
                                         "longer-name   0/1     Pending   45s\n"));
    // minwidth 6: a short column is still six wide.
    Table narrow;
    narrow.headers = {"A", "B"};
    narrow.rows = {{"x", "y"}};
    QCOMPARE(renderTable(narrow, true), std::string("x     y\n"));
}

void TestKubectlPrinters::tabwriterBlocks() {
    // A line without a cell in a column ends that column's block (describe's "IPs:" line).
    const std::string text =
        "Name:\tweb\nIP:\t10.0.0.1\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tRS/web\n";
    QCOMPARE(tabwrite(text, 0, 2), std::string("Name:  web\n"
                                               "IP:    10.0.0.1\n"
                                               "IPs:\n"
                                               "  IP:           10.0.0.1\n"
                                               "Controlled By:  RS/web\n"));
}

void TestKubectlPrinters::timestamps() {
    QCOMPARE(formatTimestamp(SimTime::zero()), std::string("2025-01-01T00:00:00Z"));
    QCOMPARE(formatTimestamp(SimTime::seconds(303) + SimTime::milliseconds(999)),
             std::string("2025-01-01T00:05:03Z"));
    QCOMPARE(formatTimestamp(SimTime::hours(24 * 59)), std::string("2025-03-01T00:00:00Z"));
    QCOMPARE(formatDescribeTime(SimTime::seconds(303)),
             std::string("Wed, 01 Jan 2025 00:05:03 +0000"));
    QCOMPARE(formatDescribeTime(SimTime::hours(24 * 4)),
             std::string("Sun, 05 Jan 2025 00:00:00 +0000"));
}

void TestKubectlPrinters::yamlScalars_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("yaml");
    QTest::newRow("plain") << "web"
                           << "web\n";
    QTest::newRow("quantity") << "250m"
                              << "250m\n";
    QTest::newRow("ip") << "10.244.0.3"
                        << "10.244.0.3\n";
    QTest::newRow("hash") << "65cf47c848"
                          << "65cf47c848\n";
    QTest::newRow("integer") << "78"
                             << "\"78\"\n";
    QTest::newRow("float") << "1.5"
                           << "\"1.5\"\n";
    QTest::newRow("exponent") << "1e3"
                              << "\"1e3\"\n";
    QTest::newRow("hex") << "0x1F"
                         << "\"0x1F\"\n";
    QTest::newRow("bool") << "true"
                          << "\"true\"\n";
    QTest::newRow("yes") << "yes"
                         << "\"yes\"\n";
    QTest::newRow("null") << "null"
                          << "\"null\"\n";
    QTest::newRow("empty") << ""
                           << "\"\"\n";
    QTest::newRow("timestamp") << "2025-01-01T00:00:00Z"
                               << "\"2025-01-01T00:00:00Z\"\n";
    QTest::newRow("indicator") << "<none>"
                               << "<none>\n";
    QTest::newRow("leading dash") << "-x"
                                  << "\"-x\"\n";
    QTest::newRow("colon space") << "a: b"
                                 << "\"a: b\"\n";
}

void TestKubectlPrinters::yamlScalars() {
    QFETCH(QString, value);
    QFETCH(QString, yaml);
    QCOMPARE(QString::fromStdString(toYaml(ObjectValue(value.toStdString()))), yaml);
}

void TestKubectlPrinters::jsonEscapes() {
    ObjectValue v;
    v["b"] = "<none> & \"q\"";
    v["a"] = ObjectValue::emptyList();
    v["c"] = 3;
    QCOMPARE(toJson(v), std::string("{\n    \"a\": [],\n    \"b\": \"\\u003cnone\\u003e \\u0026 "
                                    "\\\"q\\\"\",\n    \"c\": 3\n}\n"));
}

void TestKubectlPrinters::labelQuery_data() {
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("matches"); // against {app: web, tier: frontend}
    QTest::newRow("equals") << "app=web" << true << true;
    QTest::newRow("not equals") << "app!=web" << true << false;
    QTest::newRow("missing key not equals") << "zone!=a" << true << true;
    QTest::newRow("and") << "app=web,tier=backend" << true << false;
    QTest::newRow("exists") << "tier" << true << true;
    QTest::newRow("not exists") << "!tier" << true << false;
    QTest::newRow("in") << "tier in (frontend,backend)" << true << true;
    QTest::newRow("notin") << "tier notin (frontend)" << true << false;
    QTest::newRow("bad key") << "a b=c" << false << false;
    QTest::newRow("bad operator") << "tier within (x)" << false << false;
}

void TestKubectlPrinters::labelQuery() {
    QFETCH(QString, selector);
    QFETCH(bool, valid);
    QFETCH(bool, matches);
    std::string error;
    const std::optional<LabelQuery> q = parseLabelQuery(selector.toStdString(), error);
    QCOMPARE(q.has_value(), valid);
    if (q) {
        QCOMPARE(q->matches({{"app", "web"}, {"tier", "frontend"}}), matches);
    } else {
        QVERIFY(!error.empty());
    }
}

void TestKubectlPrinters::splitCommandLine() {
    QCOMPARE(cnsim::splitCommandLine("get pods -l 'tier in (a, b)'  -o\twide"),
             (std::vector<std::string>{"get", "pods", "-l", "tier in (a, b)", "-o", "wide"}));
    QCOMPARE(cnsim::splitCommandLine(R"(a "b c" d\ e)"),
             (std::vector<std::string>{"a", "b c", "d e"}));
}

void TestKubectlPrinters::completion_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("command") << "kubectl ge" << QStringList{"get"};
    QTest::newRow("bare command") << "des" << QStringList{"describe"};
    QTest::newRow("first word") << "ku" << QStringList{"kubectl"};
    QTest::newRow("resource type") << "kubectl get dep" << QStringList{"deploy", "deployments"};
    QTest::newRow("node names") << "kubectl cordon node-"
                                << QStringList{"node-1", "node-2", "node-3"};
    QTest::newRow("object names") << "kubectl describe deploy w" << QStringList{"web", "worker"};
    QTest::newRow("slash form") << "kubectl get deploy/we" << QStringList{"deploy/web"};
    QTest::newRow("rollout verbs")
        << "kubectl rollout " << QStringList{"history", "restart", "status", "undo"};
    QTest::newRow("rollout target")
        << "kubectl rollout undo deployment/wo" << QStringList{"deployment/worker"};
    QTest::newRow("output formats")
        << "kubectl get pods -o " << QStringList{"json", "name", "wide", "yaml"};
    QTest::newRow("flags") << "kubectl drain node-1 --i" << QStringList{"--ignore-daemonsets"};
    QTest::newRow("top") << "kubectl top n" << QStringList{"nodes"};
}

void TestKubectlPrinters::completion() {
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    static auto sim = test::clusterAt(SimTime::seconds(30));
    QStringList actual;
    for (const std::string& c : kubectlCompletions(*sim, line.toStdString())) {
        actual << QString::fromStdString(c);
    }
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestKubectlPrinters)
#include "test_kubectl_printers.moc"
