// Reading Argo Rollouts manifests (sim/scenario/rolloutreader.h and the Rollout checks of
// scenariovalidator.h): the shipped canary and blue-green scenarios read every field and
// write back canonically; each mistake an instructor can make — a field cnsim does not
// model, a weight over 100, a condition outside the language, a template or Service that
// does not exist, both strategies, another metrics provider — is reported at its line and
// column with the fix, never a crash. Rules cited from argo-rollouts
// pkg/apis/rollouts/validation/validation.go and utils/analysis/helpers.go ValidateMetric.

#include <QTest>

#ifndef Q_MOC_RUN
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <string>
#endif

using namespace cnsim;
using namespace cnsim::test;

class TestRolloutReader : public QObject {
    Q_OBJECT

private slots:
    void readsTheCanaryScenario();
    void readsTheBlueGreenScenario();
    void roundTrip_data();
    void roundTrip();
    void mistakes_data();
    void mistakes();
};

void TestRolloutReader::readsTheCanaryScenario() {
    const ScenarioLoadResult result =
        readScenario(scenarioText("canary-analysis-rollback.yaml"), "canary.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const auto* analysis = std::get_if<AnalysisTemplateSpec>(&result.scenario->workloads[0]);
    QVERIFY(analysis != nullptr);
    QCOMPARE(analysis->metrics.size(), std::size_t{1});
    const AnalysisMetricSpec& metric = analysis->metrics.front();
    QCOMPARE(metric.interval, std::optional<SimTime>(SimTime::seconds(10)));
    QCOMPARE(metric.count, std::optional<int>(5));
    QCOMPARE(metric.failureLimit, std::optional<int>(1));
    QVERIFY(metric.successCondition.has_value());
    QCOMPARE(metric.successCondition->op, ConditionOperator::GreaterEqual);
    QCOMPARE(metric.successCondition->threshold, 0.99);
    QCOMPARE(metric.provider.query, AnalysisQuery::SuccessRate);
    QCOMPARE(metric.provider.version, std::string("canary"));
    QCOMPARE(metric.provider.window, SimTime::seconds(30));
    const auto* rollout = std::get_if<RolloutSpec>(&result.scenario->workloads[1]);
    QVERIFY(rollout != nullptr && rollout->canary.has_value());
    QCOMPARE(rollout->replicas, 10);
    QCOMPARE(rollout->canary->steps.size(), std::size_t{5});
    QCOMPARE(rollout->canary->steps[0].type, CanaryStepType::SetWeight);
    QCOMPARE(rollout->canary->steps[0].setWeight, 20);
    QCOMPARE(rollout->canary->steps[1].pauseDuration, std::optional<SimTime>(SimTime::seconds(30)));
    QCOMPARE(rollout->canary->steps[2].analysis.templates,
             std::vector<std::string>{"success-rate"});
    QCOMPARE(rollout->canary->canaryService, std::string("api-canary"));
    // The bad release's behaviour: 8 % of its answers are errors.
    bool found = false;
    for (const ImageSpec& image : result.scenario->simulation.images) {
        if (image.name == "shop/api:2.0") {
            QCOMPARE(image.errorRate, 0.08);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestRolloutReader::readsTheBlueGreenScenario() {
    const ScenarioLoadResult result = readScenario(scenarioText("blue-green.yaml"), "bg.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const auto* rollout = std::get_if<RolloutSpec>(&result.scenario->workloads[0]);
    QVERIFY(rollout != nullptr && rollout->blueGreen.has_value());
    QCOMPARE(rollout->blueGreen->activeService, std::string("web-active"));
    QCOMPARE(rollout->blueGreen->previewService, std::string("web-preview"));
    QCOMPARE(rollout->blueGreen->autoPromotionEnabled, std::optional<bool>(false));
    QCOMPARE(rollout->blueGreen->scaleDownDelaySeconds, std::optional<int>(30));
}

void TestRolloutReader::roundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("canary") << "canary-analysis-rollback.yaml";
    QTest::newRow("blue-green") << "blue-green.yaml";
}

void TestRolloutReader::roundTrip() {
    QFETCH(QString, file);
    const QString problem = checkRoundTrip(scenarioText(qPrintable(file)));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestRolloutReader::mistakes_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("lineOf");  // text of the reported line, in the edited file
    QTest::addColumn<QString>("message"); // part of the message

    const QString canary = "canary-analysis-rollback.yaml";
    const QString bg = "blue-green.yaml";
    QTest::newRow("weight over 100") << canary << "- setWeight: 20"
                                     << "- setWeight: 120"
                                     << "above-maximum"
                                     << "- setWeight: 120"
                                     << "100";
    QTest::newRow("misspelled step field") << canary << "- setWeight: 20"
                                           << "- setWeigth: 20"
                                           << "unknown-key"
                                           << "- setWeigth: 20"
                                           << "did you mean 'setWeight'";
    QTest::newRow("step with two actions") << canary << "- setWeight: 20"
                                           << "- {setWeight: 20, pause: {}}"
                                           << "bad-step"
                                           << "- {setWeight: 20, pause: {}}"
                                           << "exactly one of setWeight, pause or analysis";
    QTest::newRow("condition outside the language")
        << canary << "successCondition: result >= 0.99"
        << "successCondition: result >= 0.99 && result < 2"
        << "bad-condition"
        << "successCondition: result"
        << "result OP number";
    QTest::newRow("unknown template") << canary << "- templateName: success-rate"
                                      << "- templateName: sucess-rate"
                                      << "unknown-reference"
                                      << "- templateName: sucess-rate"
                                      << "did you mean 'success-rate'";
    QTest::newRow("unknown canary Service") << canary << "canaryService: api-canary"
                                            << "canaryService: api-canry"
                                            << "unknown-reference"
                                            << "canaryService: api-canry"
                                            << "did you mean 'api-canary'";
    QTest::newRow("another metrics provider")
        << canary << "            cnsim:\n              query: success-rate"
        << "            prometheus:\n              query: success-rate"
        << "unknown-key"
        << "prometheus:"
        << "'prometheus'";
    QTest::newRow("unknown query") << canary << "query: success-rate"
                                   << "query: succes-rate"
                                   << "bad-value"
                                   << "query: succes-rate"
                                   << "success-rate";
    QTest::newRow("failureLimit above count") << canary << "failureLimit: 1"
                                              << "failureLimit: 9"
                                              << "bad-value"
                                              << "failureLimit: 9"
                                              << "above count 5";
    QTest::newRow("count without interval") << canary << "          interval: 10s\n"
                                            << ""
                                            << "missing-key"
                                            << "count: 5"
                                            << "needs an 'interval'";
    QTest::newRow("same stable and canary Service") << canary << "stableService: api-stable"
                                                    << "stableService: api-canary"
                                                    << "bad-value"
                                                    << "stableService: api-canary"
                                                    << "must be different";
    QTest::newRow("wrong apiVersion")
        << canary << "apiVersion: argoproj.io/v1alpha1\n    kind: Rollout"
        << "apiVersion: argoproj.io/v1\n    kind: Rollout"
        << "wrong-api-version"
        << "apiVersion: argoproj.io/v1\n"
        << "argoproj.io/v1alpha1";
    QTest::newRow("both strategies") << bg << "        blueGreen:"
                                     << "        canary: {steps: []}\n        blueGreen:"
                                     << "conflicting-keys"
                                     << "        blueGreen:"
                                     << "either 'canary' or 'blueGreen'";
    QTest::newRow("same active and preview Service") << bg << "previewService: web-preview"
                                                     << "previewService: web-active"
                                                     << "bad-value"
                                                     << "previewService: web-active"
                                                     << "must be different";
    QTest::newRow("negative scale-down delay") << bg << "scaleDownDelaySeconds: 30"
                                               << "scaleDownDelaySeconds: -1"
                                               << "below-minimum"
                                               << "scaleDownDelaySeconds: -1"
                                               << "";
    QTest::newRow("a field cnsim does not model")
        << bg << "          scaleDownDelaySeconds: 30"
        << "          scaleDownDelaySeconds: 30\n          antiAffinity: {}"
        << "unknown-key"
        << "antiAffinity"
        << "'antiAffinity'";
}

void TestRolloutReader::mistakes() {
    QFETCH(QString, file);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, code);
    QFETCH(QString, lineOf);
    QFETCH(QString, message);
    const QString problem =
        checkMistake(qPrintable(file), from.toStdString(), to.toStdString(), code.toStdString(),
                     lineOf.toStdString(), message.toStdString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestRolloutReader)
#include "tst_rolloutreader.moc"
