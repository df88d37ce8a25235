// `cnsim` as a user runs it: exit codes, help, summaries, JSON, exports, validation messages
// with file:line:column, and the fingerprint table of every shipped scenario.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCnsim(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(CNSIM_CLI_PATH), args);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        return {};
    }
    return CliResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                     QString::fromUtf8(process.readAllStandardOutput()),
                     QString::fromUtf8(process.readAllStandardError())};
}

QString scenario(const char* name) {
    return QStringLiteral(CNSIM_SCENARIO_DIR "/") + QLatin1String(name);
}

QString fingerprintOf(const QString& out) {
    for (const QString& line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Fingerprint "))) {
            return line.mid(12).trimmed();
        }
    }
    return {};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void helpAndVersion();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void runPrintsSummary();
    void fingerprintIsReproducible();
    void jsonSummaryIsValidAndStable();
    void exportsWriteFiles();
    void unwritableExportFails();
    void validateReportsPlaces();
    void runOfBrokenFileSimulatesNothing();
    void missingFileIsClear();
    void fingerprintTable();
    void scenarioCommandsRunAtTheirTime();
    void execRunsKubectlAtItsTime();
    void execActsOnTheCluster();
    void execBadSpecIsUsageError_data();
    void execBadSpecIsUsageError();
    void explainPrintsSchedulingDecision();
    void explainErrors();
    void nodeGroupsAndCostInSummary();
};

void TestCli::helpAndVersion() {
    CliResult r = runCnsim({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("Usage: cnsim COMMAND")));
    r = runCnsim({QStringLiteral("run"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("--metrics-csv PATH")));
    r = runCnsim({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QLatin1String("cnsim ")));
    QVERIFY(r.out.contains(QLatin1String("(emulates Kubernetes 1.34)")));
}

void TestCli::usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString file = scenario("hello-cluster.yaml");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("missing command");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command 'fly'");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("run"), file, QStringLiteral("--sed"), QStringLiteral("3")}
        << QStringLiteral("unknown option '--sed'");
    QTest::newRow("bad seed") << QStringList{QStringLiteral("run"), file, QStringLiteral("--seed"),
                                             QStringLiteral("-4")}
                              << QStringLiteral("invalid --seed '-4'");
    QTest::newRow("bad until") << QStringList{QStringLiteral("run"), file,
                                              QStringLiteral("--until=soon")}
                               << QStringLiteral("invalid --until 'soon'");
    QTest::newRow("until too long")
        << QStringList{QStringLiteral("run"), file, QStringLiteral("--until"),
                       QStringLiteral("876000h")}
        << QStringLiteral("maximum of 30 days");
    QTest::newRow("bad traffic mode")
        << QStringList{QStringLiteral("run"), file, QStringLiteral("--traffic-mode"),
                       QStringLiteral("fluid")}
        << QStringLiteral("invalid --traffic-mode 'fluid': expected perRequest or aggregate");
    QTest::newRow("aggregate with resilience")
        << QStringList{QStringLiteral("run"), scenario("retry-storm.yaml"),
                       QStringLiteral("--traffic-mode=aggregate")}
        << QStringLiteral("has resilience settings");
    QTest::newRow("aggregate with a queue")
        << QStringList{QStringLiteral("run"), scenario("keda-queue-worker.yaml"),
                       QStringLiteral("--traffic-mode=aggregate")}
        << QStringLiteral("queue 'jobs' needs individual messages");
    QTest::newRow("run without file")
        << QStringList{QStringLiteral("run")} << QStringLiteral("needs a scenario file");
    QTest::newRow("validate without file")
        << QStringList{QStringLiteral("validate")} << QStringLiteral("needs at least one file");
}

void TestCli::usageErrorsExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runCnsim(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::runPrintsSummary() {
    const CliResult r = runCnsim({QStringLiteral("run"), scenario("hello-cluster.yaml")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("Scenario   hello-cluster — Hello, cluster")));
    QVERIFY(r.out.contains(QLatin1String("Simulated  00:05:00.000")));
    QVERIFY(r.out.contains(QLatin1String("kube-scheduler")));
    QVERIFY(r.out.contains(QLatin1String("Traffic    per request")));
    QVERIFY(r.err.isEmpty());
    // The same scenario as rates: the summary says so.
    const CliResult aggregate = runCnsim({QStringLiteral("run"), scenario("hello-cluster.yaml"),
                                          QStringLiteral("--traffic-mode"),
                                          QStringLiteral("aggregate")});
    QCOMPARE(aggregate.exitCode, 0);
    QVERIFY(aggregate.out.contains(QLatin1String("Traffic    aggregate: rates per pod and second")));
}

// The cluster autoscaler's node groups and the cost section, in text and in JSON.
void TestCli::nodeGroupsAndCostInSummary() {
    const QString file = scenario("flash-crowd-autoscaling.yaml");
    const CliResult text = runCnsim({QStringLiteral("run"), file});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QLatin1String("Node groups (cluster autoscaler)")));
    QVERIFY(text.out.contains(QLatin1String("burst  0    6    0     2     2          2")));
    QVERIFY(text.out.contains(QLatin1String("Per million successful requests")));
    QVERIFY(text.out.contains(QLatin1String("SLO frontend p95 <= 250 ms")));
    QVERIFY(text.out.contains(QLatin1String("TriggeredScaleUp")));
    const CliResult json = runCnsim({QStringLiteral("run"), file, QStringLiteral("--json")});
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject group = root.value(QLatin1String("nodeGroups")).toArray().at(0).toObject();
    QCOMPARE(group.value(QLatin1String("peakSize")).toInt(), 2);
    const QJsonObject cost = root.value(QLatin1String("cost")).toObject();
    QVERIFY(cost.value(QLatin1String("dollars")).toDouble() > 0.3);
    QVERIFY(cost.contains(QLatin1String("dollarsPerMillionRequests")));
    QVERIFY(
        cost.value(QLatin1String("slo")).toObject().contains(QLatin1String("violationMinutes")));
    // Scenarios without node groups or prices keep their JSON as it was.
    const CliResult plain =
        runCnsim({QStringLiteral("run"), scenario("hello-cluster.yaml"), QStringLiteral("--json")});
    QVERIFY(!plain.out.contains(QLatin1String("nodeGroups")));
    QVERIFY(!plain.out.contains(QLatin1String("\"cost\"")));
}

void TestCli::fingerprintIsReproducible() {
    const QStringList args{QStringLiteral("run"), scenario("node-failure.yaml"),
                           QStringLiteral("--fingerprint")};
    const QString first = fingerprintOf(runCnsim(args).out);
    const QString second = fingerprintOf(runCnsim(args).out);
    QCOMPARE(first.size(), 16);
    QCOMPARE(first, second);
    const QString reseeded = fingerprintOf(
        runCnsim(args + QStringList{QStringLiteral("--seed"), QStringLiteral("8")}).out);
    QCOMPARE(reseeded.size(), 16);
    QVERIFY(reseeded != first);
}

void TestCli::jsonSummaryIsValidAndStable() {
    const QStringList args{QStringLiteral("run"), scenario("node-failure.yaml"),
                           QStringLiteral("--json"), QStringLiteral("--until"),
                           QStringLiteral("2m")};
    const CliResult first = runCnsim(args);
    QCOMPARE(first.exitCode, 0);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(first.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QLatin1String("scenario")).toString(), QStringLiteral("node-failure"));
    QCOMPARE(root.value(QLatin1String("simulatedSeconds")).toDouble(), 120.0);
    const QJsonObject frontend = root.value(QLatin1String("services")).toArray().at(0).toObject();
    QVERIFY(frontend.value(QLatin1String("requests")).toInteger() > 18000);
    QCOMPARE(runCnsim(args).out, first.out); // byte-identical
}

void TestCli::exportsWriteFiles() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("metrics.csv"));
    const QString jsonl = dir.filePath(QStringLiteral("events.jsonl"));
    const CliResult r =
        runCnsim({QStringLiteral("run"), scenario("node-failure.yaml"),
                  QStringLiteral("--metrics-csv"), csv, QStringLiteral("--events-jsonl=") + jsonl});
    QCOMPARE(r.exitCode, 0);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csvFile.readAll().split('\n');
    QVERIFY(rows.at(0).startsWith("time_s,service/frontend/request_rate"));
    QCOMPARE(rows.size(), 600 + 2); // header, one row per second of 10 minutes, final newline
    QFile eventsFile(jsonl);
    QVERIFY(eventsFile.open(QIODevice::ReadOnly));
    bool sawNodeFailure = false;
    for (const QByteArray& line : eventsFile.readAll().split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        QVERIFY(event.contains(QLatin1String("time_s")));
        if (event.value(QLatin1String("reason")).toString() == QLatin1String("NodeFailed")) {
            sawNodeFailure = true;
            QCOMPARE(event.value(QLatin1String("time_s")).toDouble(), 60.0);
            QCOMPARE(event.value(QLatin1String("object")).toString(), QStringLiteral("pool-2"));
        }
    }
    QVERIFY(sawNodeFailure);
}

void TestCli::unwritableExportFails() {
    const CliResult r =
        runCnsim({QStringLiteral("run"), scenario("hello-cluster.yaml"),
                  QStringLiteral("--metrics-csv"), QStringLiteral("/nonexistent-folder/m.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("cannot write '/nonexistent-folder/m.csv'")),
             qPrintable(r.err));
}

void TestCli::validateReportsPlaces() {
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
    QFile source(scenario("hello-cluster.yaml"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    text.replace("      replicas: 4", "      replcas: 4");
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    const qsizetype line = text.left(text.indexOf("replcas")).count('\n') + 1;

    const CliResult r =
        runCnsim({QStringLiteral("validate"), scenario("hello-cluster.yaml"), broken});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(QLatin1String("hello-cluster.yaml: ok")));
    const QString place =
        broken + QLatin1Char(':') + QString::number(line) + QStringLiteral(":7: error:");
    QVERIFY2(r.err.contains(place), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("did you mean 'replicas'?")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("1 of 2 file(s) have errors")));

    const CliResult good = runCnsim({QStringLiteral("validate"), scenario("hello-cluster.yaml"),
                                     scenario("node-failure.yaml")});
    QCOMPARE(good.exitCode, 0);
}

void TestCli::runOfBrokenFileSimulatesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // The flow sequence never closes; yaml-cpp notices at the end of the file (4:1).
    file.write("apiVersion: cnsim/v1\nkind: Scenario\nduration: [1, 2\n");
    file.close();
    const CliResult r = runCnsim({QStringLiteral("run"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(path + QStringLiteral(":4:1: error: YAML syntax error")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("nothing was simulated")));
    QVERIFY(r.out.isEmpty());
}

void TestCli::missingFileIsClear() {
    const CliResult r = runCnsim({QStringLiteral("run"), QStringLiteral("/no/such/file.yaml")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("/no/such/file.yaml")), qPrintable(r.err));
}

// Every shipped scenario, seed and duration (and, in an optional fifth column, a traffic mode)
// → its expected fingerprint. A change in the model changes these on purpose; regenerate with
// CNSIM_UPDATE_GOLDEN=1 and say why in the commit.
void TestCli::fingerprintTable() {
    const QString tablePath = QStringLiteral(CNSIM_TEST_DATA_DIR "/fingerprints.tsv");
    QFile table(tablePath);
    QVERIFY(table.open(QIODevice::ReadOnly | QIODevice::Text));
    const bool update = qEnvironmentVariable("CNSIM_UPDATE_GOLDEN") == QLatin1String("1");
    QStringList rewritten;
    int rows = 0;
    for (const QString& raw : QString::fromUtf8(table.readAll()).split(QLatin1Char('\n'))) {
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('#'))) {
            rewritten << raw;
            continue;
        }
        const QStringList cells = raw.split(QLatin1Char('\t'));
        QVERIFY2(cells.size() == 4 || cells.size() == 5, qPrintable(raw));
        QStringList args{QStringLiteral("run"), QStringLiteral(CNSIM_SCENARIO_DIR "/") + cells[0],
                         QStringLiteral("--seed"),  cells[1],
                         QStringLiteral("--until"), cells[2],
                         QStringLiteral("--fingerprint")};
        if (cells.size() == 5) {
            args << QStringLiteral("--traffic-mode") << cells[4];
        }
        const CliResult r = runCnsim(args);
        QCOMPARE(r.exitCode, 0);
        const QString actual = fingerprintOf(r.out);
        ++rows;
        if (update) {
            QStringList row{cells[0], cells[1], cells[2], actual};
            row << cells.mid(4);
            rewritten << row.join(QLatin1Char('\t'));
        } else {
            QVERIFY2(actual == cells[3],
                     qPrintable(QStringLiteral("%1 seed %2 until %3 %4: %5, table says %6")
                                    .arg(cells[0], cells[1], cells[2], cells.mid(4).join(' '),
                                         actual, cells[3])));
        }
    }
    QVERIFY(rows >= 2);
    if (update) {
        table.close();
        QVERIFY(table.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text));
        table.write(rewritten.join(QLatin1Char('\n')).toUtf8());
    }
}

// --exec 'AT: COMMAND' prints kubectl's output under a "--- HH:MM:SS $ COMMAND" header at
// that simulated time, in time order, before the summary.
void TestCli::execRunsKubectlAtItsTime() {
    const CliResult r = runCnsim(
        {QStringLiteral("run"), scenario("hello-cluster.yaml"), QStringLiteral("--exec"),
         QStringLiteral("2m: kubectl get deploy"), QStringLiteral("--exec=5s: kubectl get pods"),
         QStringLiteral("--exec"), QStringLiteral("90s: get nodes")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const qsizetype first = r.out.indexOf(QLatin1String("--- 00:00:05 $ kubectl get pods\n"));
    const qsizetype second = r.out.indexOf(QLatin1String("--- 00:01:30 $ kubectl get nodes\n"));
    const qsizetype third = r.out.indexOf(QLatin1String("--- 00:02:00 $ kubectl get deploy\n"));
    QVERIFY2(first == 0 && first < second && second < third, qPrintable(r.out));
    // At 5 s the pods are 5 s old; at 2 m the deployment is 2 m old and all 4 are ready.
    const QString atFive = r.out.mid(first, second - first);
    QVERIFY2(atFive.contains(QLatin1String("NAME ")) && atFive.contains(QLatin1String("   5s\n")),
             qPrintable(atFive));
    const QString atTwo = r.out.mid(third);
    QVERIFY2(atTwo.contains(QLatin1String("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n"
                                          "web    4/4     4            4           2m\n")),
             qPrintable(atTwo));
    QVERIFY(r.out.indexOf(QLatin1String("--- end of run\n")) > third);
    QVERIFY(r.out.contains(QLatin1String("Scenario   hello-cluster")));
}

void TestCli::execActsOnTheCluster() {
    const CliResult r = runCnsim(
        {QStringLiteral("run"), scenario("hello-cluster.yaml"), QStringLiteral("--exec"),
         QStringLiteral("1m: kubectl scale deployment/web --replicas=6"), QStringLiteral("--exec"),
         QStringLiteral("2m: kubectl get deploy web --no-headers"), QStringLiteral("--exec"),
         QStringLiteral("2m: kubectl get pod nope")});
    QVERIFY2(r.out.contains(QLatin1String("deployment.apps/web scaled\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("web   6/6   6     6     2m\n")), qPrintable(r.out));
    // A failing command reports on stderr as kubectl does; the run completes and exits 1.
    QCOMPARE(r.err, QStringLiteral("Error from server (NotFound): pods \"nope\" not found\n"));
    QCOMPARE(r.exitCode, 1);
}

void TestCli::execBadSpecIsUsageError_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString file = scenario("hello-cluster.yaml");
    QTest::newRow("no time") << QStringList{QStringLiteral("run"), file, QStringLiteral("--exec"),
                                            QStringLiteral("kubectl get pods")}
                             << "invalid --exec 'kubectl get pods'";
    QTest::newRow("bad time") << QStringList{QStringLiteral("run"), file, QStringLiteral("--exec"),
                                             QStringLiteral("soon: kubectl get pods")}
                              << "expected 'AT: COMMAND'";
    QTest::newRow("no command") << QStringList{QStringLiteral("run"), file,
                                               QStringLiteral("--exec=5m:")}
                                << "invalid --exec '5m:'";
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("run"), file, QStringLiteral("--exec")}
        << "invalid --exec ''";
    QTest::newRow("after the end")
        << QStringList{QStringLiteral("run"), file, QStringLiteral("--exec"),
                       QStringLiteral("6m: kubectl get pods")}
        << "--exec at 6m is after the end of the run (5m)";
    QTest::newRow("with json") << QStringList{QStringLiteral("run"), file, QStringLiteral("--json"),
                                              QStringLiteral("--exec"),
                                              QStringLiteral("1m: kubectl get pods")}
                               << "--exec cannot be combined with --json";
}

void TestCli::execBadSpecIsUsageError() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = runCnsim(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(!r.out.contains(QLatin1String("---")), qPrintable(r.out));
}

void TestCli::explainPrintsSchedulingDecision() {
    // The pod and node of the first Scheduled event, then --explain for that pod.
    QTemporaryDir dir;
    const QString events = dir.filePath(QStringLiteral("events.jsonl"));
    const QString file = scenario("hello-cluster.yaml");
    QCOMPARE(runCnsim({QStringLiteral("run"), file, QStringLiteral("--until"),
                       QStringLiteral("10s"), QStringLiteral("--events-jsonl"), events})
                 .exitCode,
             0);
    QFile log(events);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QString pod;
    QString node;
    for (const QByteArray& line : log.readAll().split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(QLatin1String("reason")).toString() == QLatin1String("Scheduled")) {
            pod = event.value(QLatin1String("args"))
                      .toObject()
                      .value(QLatin1String("pod"))
                      .toString();
            node = event.value(QLatin1String("args"))
                       .toObject()
                       .value(QLatin1String("node"))
                       .toString();
            break;
        }
    }
    QVERIFY(!pod.isEmpty());

    const CliResult r = runCnsim({QStringLiteral("run"), file, QStringLiteral("--until"),
                                  QStringLiteral("10s"), QStringLiteral("--explain"), pod});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1); // the JSON replaces the summary
    QJsonParseError error;
    const QJsonObject decision = QJsonDocument::fromJson(lines[0].toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(decision.value(QLatin1String("pod")).toString(), pod);
    QCOMPARE(decision.value(QLatin1String("result")).toString(), QStringLiteral("Scheduled"));
    QCOMPARE(decision.value(QLatin1String("selectedNode")).toString(), node);
    QCOMPARE(decision.value(QLatin1String("filter")).toArray().size(), 3); // hello-cluster's nodes
    // Byte-identical on a second run: decisions are part of what a seed reproduces.
    QCOMPARE(runCnsim({QStringLiteral("run"), file, QStringLiteral("--until"),
                       QStringLiteral("10s"), QStringLiteral("--explain"), pod})
                 .out,
             r.out);
}

void TestCli::explainErrors() {
    const QString file = scenario("hello-cluster.yaml");
    const CliResult unknown =
        runCnsim({QStringLiteral("run"), file, QStringLiteral("--until"), QStringLiteral("5s"),
                  QStringLiteral("--explain"), QStringLiteral("no-such-pod")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(
        unknown.err.contains(QLatin1String("no scheduling decision for pod 'no-such-pod' at 5s")),
        qPrintable(unknown.err));
    const CliResult withJson = runCnsim({QStringLiteral("run"), file, QStringLiteral("--json"),
                                         QStringLiteral("--explain"), QStringLiteral("web")});
    QCOMPARE(withJson.exitCode, 2);
    QVERIFY2(withJson.err.contains(QLatin1String("--explain cannot be combined with --json")),
             qPrintable(withJson.err));
    const CliResult missing = runCnsim({QStringLiteral("run"), file, QStringLiteral("--explain")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QLatin1String("option --explain needs a pod name")),
             qPrintable(missing.err));
}

// A scenario's simulation.commands run by themselves: bad-release-rollback rolls out a
// release that never becomes ready at 1m and undoes it at 5m.
void TestCli::scenarioCommandsRunAtTheirTime() {
    const CliResult r = runCnsim({QStringLiteral("run"), scenario("bad-release-rollback.yaml"),
                                  QStringLiteral("--exec"), QStringLiteral("3m: kubectl get rs"),
                                  QStringLiteral("--exec"), QStringLiteral("7m: kubectl get rs")});
    QCOMPARE(r.exitCode, 0);
    const qsizetype rollout = r.out.indexOf(QStringLiteral(
        "--- 00:01:00 $ kubectl set image deployment/api api=shop/api:2.1   (scenario)\n"
        "deployment.apps/api image updated\n"));
    const qsizetype stalled = r.out.indexOf(QStringLiteral("--- 00:03:00 $ kubectl get rs"));
    const qsizetype undo = r.out.indexOf(
        QStringLiteral("--- 00:05:00 $ kubectl rollout undo deployment/api   (scenario)\n"
                       "deployment.apps/api rolled back\n"));
    QVERIFY2(rollout >= 0 && stalled > rollout && undo > stalled, qPrintable(r.out));
    // Stalled at 3m: 8 old pods ready, 5 new never ready (10 replicas, surge 3, unavailable 2).
    const QString atThree = r.out.mid(stalled, undo - stalled);
    QVERIFY2(atThree.contains(QRegularExpression(QStringLiteral("api-\\w+ +8 +8 +8 "))),
             qPrintable(atThree));
    QVERIFY2(atThree.contains(QRegularExpression(QStringLiteral("api-\\w+ +5 +5 +0 "))),
             qPrintable(atThree));
    const QString atSeven = r.out.mid(undo);
    QVERIFY2(atSeven.contains(QRegularExpression(QStringLiteral("api-\\w+ +10 +10 +10 "))),
             qPrintable(atSeven));

    // With --json, stdout stays a single JSON document.
    const CliResult json = runCnsim(
        {QStringLiteral("run"), scenario("bad-release-rollback.yaml"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).isObject(), true);
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
