// Reading event-driven scaling (sim/scenario/kedareader.h, kedavalidator.h): the shipped
// keda-queue-worker scenario reads every ScaledObject and queue field and writes back the same
// file after one save; each mistake an instructor can make — a misspelled field, an absurd
// polling interval or replica count, a target value that is not a positive number, a trigger
// type cnsim cannot simulate, a queue or Deployment that does not exist, queues in aggregate
// traffic mode — is reported at its line and column with the fix. Rules cited from kedacore/keda
// apis/keda/v1alpha1/scaledobject_types.go (CheckReplicaCountBoundsAreValid) and
// pkg/scalers/rabbitmq_scaler.go (value, activationValue, mode).

#include <QTest>

#ifndef Q_MOC_RUN
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#endif

using namespace cnsim;

namespace {

const char* const kFile = "keda-queue-worker.yaml";

std::string shippedText() {
    std::ifstream in(std::string(CNSIM_SCENARIO_DIR) + "/" + kFile, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

QString listed(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + "\n";
    }
    return out;
}

} // namespace

class TestKedaReader : public QObject {
    Q_OBJECT

private slots:
    // Every field as written, KEDA's defaults where the file is silent.
    void readsTheShippedScenario() {
        const ScenarioLoadResult result = readScenario(shippedText(), kFile);
        QVERIFY2(result.scenario, qPrintable(listed(result.diagnostics)));
        const Scenario& s = *result.scenario;
        const ScaledObjectSpec* so = nullptr;
        for (const Manifest& m : s.workloads) {
            if (const auto* found = std::get_if<ScaledObjectSpec>(&m)) {
                so = found;
            }
        }
        QVERIFY(so != nullptr);
        QCOMPARE(so->scaleTargetName, std::string("worker"));
        QCOMPARE(so->effectivePollingInterval(), 30);
        QCOMPARE(so->effectiveCooldownPeriod(), 300);
        QCOMPARE(so->effectiveMinReplicaCount(), 0);
        QCOMPARE(so->effectiveMaxReplicaCount(), 10);
        QVERIFY(!so->idleReplicaCount);
        QCOMPARE(so->triggers.size(), std::size_t{1});
        QCOMPARE(so->triggers[0].queueName, std::string("jobs"));
        QCOMPARE(so->triggers[0].target, 20.0);
        QCOMPARE(so->triggers[0].activation, 0.0);
        // `host` is KEDA's and kept verbatim (with a warning), not simulated.
        QVERIFY(
            std::any_of(so->preserved.begin(), so->preserved.end(), [](const PreservedField& f) {
                return f.path == "spec.triggers[0].metadata.host";
            }));
        QCOMPARE(s.simulation.queues.size(), std::size_t{1});
        const QueueSpec& q = s.simulation.queues[0];
        QCOMPARE(q.consumer.deployment, std::string("worker"));
        QCOMPARE(q.consumer.concurrency, 2);
        QCOMPARE(q.consumer.processingTime.type, DistributionType::Exponential);
        QCOMPARE(s.simulation.traffic[0].classes[0].queue, std::string("jobs"));
    }

    // KEDA's defaults when the file gives only the target and a trigger, and an SQS trigger's
    // queue from its URL with aws_sqs_queue_scaler.go's default queueLength of 5.
    void defaultsAndSqs() {
        std::string text = shippedText();
        const std::string from = "      pollingInterval: 30\n      cooldownPeriod: 300\n"
                                 "      minReplicaCount: 0\n      maxReplicaCount: 10\n";
        text.replace(text.find(from), from.size(), "");
        const std::string trigger = "        - type: rabbitmq\n          metadata:\n"
                                    "            host: amqp://guest:guest@rabbitmq.default.svc:"
                                    "5672/\n            queueName: jobs\n"
                                    "            mode: QueueLength\n            value: \"20\"\n";
        QVERIFY(text.find(trigger) != std::string::npos);
        text.replace(text.find(trigger), trigger.size(),
                     "        - type: aws-sqs-queue\n          metadata:\n"
                     "            queueURL: https://sqs.eu-west-1.amazonaws.com/1234/jobs\n"
                     "            awsRegion: eu-west-1\n");
        const ScenarioLoadResult result = readScenario(text, "defaults.yaml");
        QVERIFY2(result.scenario, qPrintable(listed(result.diagnostics)));
        const auto& so = std::get<ScaledObjectSpec>(result.scenario->workloads[1]);
        QCOMPARE(so.effectivePollingInterval(), 30);
        QCOMPARE(so.effectiveCooldownPeriod(), 300);
        QCOMPARE(so.effectiveMinReplicaCount(), 0);
        QCOMPARE(so.effectiveMaxReplicaCount(), 100);
        QCOMPARE(so.triggers[0].queueName, std::string("jobs"));
        QCOMPARE(so.triggers[0].target, 5.0);
        const std::string written = writeScenario(*result.scenario);
        const ScenarioLoadResult again = readScenario(written, "again.yaml");
        QVERIFY2(again.scenario, qPrintable(listed(again.diagnostics)));
        QVERIFY(*again.scenario == *result.scenario);
        QVERIFY(written.find("pollingInterval") == std::string::npos);
    }

    // Save → reopen → save gives the same bytes, and the same Scenario.
    void roundTrip() {
        const ScenarioLoadResult first = readScenario(shippedText(), "a.yaml");
        QVERIFY2(first.scenario, qPrintable(listed(first.diagnostics)));
        const std::string written = writeScenario(*first.scenario);
        QVERIFY(written.find("kind: ScaledObject") != std::string::npos);
        QVERIFY(written.find("queue: jobs") != std::string::npos);
        QVERIFY(written.find("host: ") != std::string::npos);
        const ScenarioLoadResult second = readScenario(written, "b.yaml");
        QVERIFY2(second.scenario,
                 qPrintable(listed(second.diagnostics) + QString::fromStdString(written)));
        QVERIFY(*second.scenario == *first.scenario);
        QCOMPARE(writeScenario(*second.scenario), written);
    }

    void mistakes_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("lineOf");  // text of the reported line, in the edited file
        QTest::addColumn<QString>("message"); // part of the message

        QTest::newRow("misspelled spec field") << "pollingInterval: 30"
                                               << "pollingIntervall: 30"
                                               << "unknown-key"
                                               << "pollingIntervall: 30"
                                               << "did you mean 'pollingInterval'";
        QTest::newRow("zero polling interval") << "pollingInterval: 30"
                                               << "pollingInterval: 0"
                                               << "below-minimum"
                                               << "pollingInterval: 0"
                                               << "1";
        QTest::newRow("a million replicas") << "maxReplicaCount: 10"
                                            << "maxReplicaCount: 1000000"
                                            << "above-maximum"
                                            << "maxReplicaCount: 1000000"
                                            << "100000";
        QTest::newRow("negative cooldown") << "cooldownPeriod: 300"
                                           << "cooldownPeriod: -5"
                                           << "below-minimum"
                                           << "cooldownPeriod: -5"
                                           << "0";
        QTest::newRow("min above max") << "minReplicaCount: 0"
                                       << "minReplicaCount: 20"
                                       << "bad-value"
                                       << "maxReplicaCount: 10"
                                       << "MinReplicaCount=20 must be less than MaxReplicaCount=10";
        QTest::newRow("idle not below min")
            << "      minReplicaCount: 0\n"
            << "      idleReplicaCount: 0\n      minReplicaCount: 0\n"
            << "bad-value"
            << "idleReplicaCount: 0"
            << "must be less than MinReplicaCount=0";
        QTest::newRow("negative target") << "value: \"20\""
                                         << "value: \"-1\""
                                         << "out-of-range"
                                         << "value: \"-1\""
                                         << "above 0";
        QTest::newRow("target not a number") << "value: \"20\""
                                             << "value: \"lots\""
                                             << "bad-value"
                                             << "value: \"lots\""
                                             << "must be a number";
        QTest::newRow("misspelled mode") << "mode: QueueLength"
                                         << "mode: QueueLenght"
                                         << "bad-value"
                                         << "mode: QueueLenght"
                                         << "did you mean 'QueueLength'";
        QTest::newRow("misspelled metadata field") << "queueName: jobs"
                                                   << "queueNme: jobs"
                                                   << "unknown-key"
                                                   << "queueNme: jobs"
                                                   << "did you mean 'queueName'";
        QTest::newRow("trigger cnsim cannot simulate") << "type: rabbitmq"
                                                       << "type: rabbitmqq"
                                                       << "unsupported-trigger"
                                                       << "type: rabbitmqq"
                                                       << "did you mean 'rabbitmq'";
        QTest::newRow("unknown trigger queue") << "queueName: jobs"
                                               << "queueName: job"
                                               << "unknown-reference"
                                               << "queueName: job"
                                               << "did you mean 'jobs'";
        QTest::newRow("unknown consumer") << "deployment: worker"
                                          << "deployment: wroker"
                                          << "unknown-reference"
                                          << "deployment: wroker"
                                          << "did you mean 'worker'";
        QTest::newRow("publishing to an unknown queue")
            << "queue: jobs\n      type: constant\n      requestsPerSecond: 20"
            << "queue: jbos\n      type: constant\n      requestsPerSecond: 20"
            << "unknown-reference"
            << "queue: jbos"
            << "did you mean 'jobs'";
        QTest::newRow("queue and service in one class")
            << "queue: jobs\n      type: constant\n      requestsPerSecond: 20"
            << "queue: jobs\n      service: worker\n      type: constant\n"
               "      requestsPerSecond: 20"
            << "conflicting-keys"
            << "service: worker"
            << "conflicts with 'queue'";
        QTest::newRow("zero concurrency") << "concurrency: 2"
                                          << "concurrency: 0"
                                          << "below-minimum"
                                          << "concurrency: 0"
                                          << "1";
        QTest::newRow("queues in aggregate mode") << "simulation:\n"
                                                  << "simulation:\n  trafficMode: aggregate\n"
                                                  << "not-applicable"
                                                  << "- name: jobs"
                                                  << "trafficMode: perRequest";
        QTest::newRow("wrong apiVersion") << "apiVersion: keda.sh/v1alpha1"
                                          << "apiVersion: keda.sh/v1"
                                          << "wrong-api-version"
                                          << "apiVersion: keda.sh/v1"
                                          << "keda.sh/v1alpha1";
        QTest::newRow("a second autoscaler")
            << "simulation:\n"
            << "  - apiVersion: autoscaling/v2\n    kind: HorizontalPodAutoscaler\n"
               "    metadata:\n      name: worker\n    spec:\n      scaleTargetRef:\n"
               "        apiVersion: apps/v1\n        kind: Deployment\n        name: worker\n"
               "      maxReplicas: 3\nsimulation:\n"
            << "conflicting-autoscalers"
            << "        name: worker\n      pollingInterval"
            << "already scaled";
    }

    void mistakes() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, code);
        QFETCH(QString, lineOf);
        QFETCH(QString, message);
        std::string text = shippedText();
        const std::size_t at = text.find(from.toStdString());
        QVERIFY2(at != std::string::npos, qPrintable(from));
        text.replace(at, from.toStdString().size(), to.toStdString());
        const ScenarioLoadResult result = readScenario(text, "edited.yaml");
        QVERIFY2(!result.scenario, "the edited file must not load");
        const std::size_t where = text.find(lineOf.toStdString());
        QVERIFY2(where != std::string::npos, qPrintable(lineOf));
        const int line = 1 + static_cast<int>(std::count(
                                 text.begin(), text.begin() + static_cast<long>(where), '\n'));
        bool found = false;
        for (const Diagnostic& d : result.diagnostics) {
            found = found || (d.severity == Severity::Error && d.code == code.toStdString() &&
                              d.line == line && d.file == "edited.yaml" && d.column > 0 &&
                              d.message.find(message.toStdString()) != std::string::npos);
        }
        QVERIFY2(found,
                 qPrintable("expected " + code + " at line " + QString::number(line) +
                            " mentioning '" + message + "'; got:\n" + listed(result.diagnostics)));
    }
};

QTEST_GUILESS_MAIN(TestKedaReader)
#include "tst_kedareader.moc"
