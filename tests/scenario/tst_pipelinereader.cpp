// Reading and writing `simulation.pipelines` (sim/scenario/pipelinereader.h, pipelinewriter.h,
// pipelinevalidator.h): the shipped pipeline scenario reads every field and writes back
// canonically; each mistake an instructor can make — a misspelled key, a negative or absurd
// duration, a probability outside [0, 1], an untagged image, commits out of order, too many
// stages, a target or container that does not exist — is reported at its line and column
// with the fix.

#include <QTest>

#ifndef Q_MOC_RUN
#include "scenario/pipelinereader.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

const char* const kScenario = "pipeline-three-versions.yaml";

} // namespace

class TestPipelineReader : public QObject {
    Q_OBJECT

private slots:
    void readsTheShippedScenario();
    void writesCanonically();
    void mistakes_data();
    void mistakes();
};

void TestPipelineReader::readsTheShippedScenario() {
    const ScenarioLoadResult result = readScenario(scenarioText(kScenario), kScenario);
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.scenario->simulation.pipelines.size(), std::size_t{1});
    const PipelineSpec& p = result.scenario->simulation.pipelines.front();
    QCOMPARE(p.name, std::string("web-ci"));
    QCOMPARE(p.targetKind, PipelineTargetKind::Rollout);
    QCOMPARE(p.target, std::string("web"));
    QCOMPARE(p.container, std::string("web"));
    QCOMPARE(p.stages.size(), std::size_t{4});
    QCOMPARE(p.stages[0].name, std::string("build"));
    QCOMPARE(p.stages[0].duration.type, DistributionType::LogNormal);
    QCOMPARE(p.stages[0].duration.mean, SimTime::minutes(4));
    QCOMPARE(p.stages[0].duration.stddev, SimTime::minutes(1));
    QCOMPARE(p.stages[0].failureProbability, 0.03);
    QCOMPARE(p.stages[1].duration.type, DistributionType::Uniform);
    QCOMPARE(p.stages[1].duration.min, SimTime::minutes(5));
    QCOMPARE(p.stages[1].duration.max, SimTime::minutes(9));
    QCOMPARE(p.stages[2].duration.type, DistributionType::Constant);
    QCOMPARE(p.stages[2].duration.mean, SimTime::seconds(45));
    QCOMPARE(p.stages[2].failureProbability, 0.0);
    QCOMPARE(p.commits.size(), std::size_t{3});
    QCOMPARE(p.commits[1].at, SimTime::minutes(105));
    QCOMPARE(p.commits[1].image, std::string("shop/web:3.0"));
}

void TestPipelineReader::writesCanonically() {
    const ScenarioLoadResult result = readScenario(scenarioText(kScenario), kScenario);
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const std::string saved = writeScenario(*result.scenario);
    // A constant duration is written as a plain duration, a zero probability left out, the
    // target as its three keys.
    QVERIFY2(saved.find("        - name: push\n          duration: 45s\n        - name: deploy") !=
                 std::string::npos,
             saved.c_str());
    QVERIFY(saved.find("      target:\n        kind: Rollout\n        name: web\n"
                       "        container: web\n") != std::string::npos);
    QVERIFY(saved.find("          failureProbability: 0.05\n") != std::string::npos);
    QVERIFY(saved.find("        - at: 1h45m\n          image: shop/web:3.0\n") !=
            std::string::npos);
    const ScenarioLoadResult again = readScenario(saved, kScenario);
    QVERIFY2(again.scenario, qPrintable(describe(again.diagnostics)));
    QVERIFY(again.scenario->simulation.pipelines == result.scenario->simulation.pipelines);
}

void TestPipelineReader::mistakes_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("lineOf");  // text of the reported line, in the edited file
    QTest::addColumn<QString>("message"); // part of the message

    QTest::newRow("misspelled stage key") << "          failureProbability: 0.05"
                                          << "          failureProbabilty: 0.05"
                                          << "unknown-key"
                                          << "failureProbabilty"
                                          << "did you mean 'failureProbability'";
    QTest::newRow("misspelled pipeline key") << "      commits:"
                                             << "      comits:"
                                             << "unknown-key"
                                             << "comits:"
                                             << "did you mean 'commits'";
    QTest::newRow("probability above 1") << "failureProbability: 0.05"
                                         << "failureProbability: 1.5"
                                         << "above-maximum"
                                         << "failureProbability: 1.5"
                                         << "1";
    QTest::newRow("negative probability") << "failureProbability: 0.05"
                                          << "failureProbability: -0.1"
                                          << "below-minimum"
                                          << "failureProbability: -0.1"
                                          << "0";
    QTest::newRow("negative duration") << "          duration: 45s"
                                       << "          duration: -45s"
                                       << "bad-duration"
                                       << "duration: -45s"
                                       << "";
    QTest::newRow("absurd duration") << "          duration: 45s"
                                     << "          duration: 400h"
                                     << "above-maximum"
                                     << "duration: 400h"
                                     << "6h";
    QTest::newRow("untagged image") << "image: shop/web:2.0"
                                    << "image: shop/web"
                                    << "bad-value"
                                    << "image: shop/web\n"
                                    << "tagged container image";
    QTest::newRow("commits out of order") << "        - at: 3h15m"
                                          << "        - at: 1h"
                                          << "bad-order"
                                          << "- at: 1h\n"
                                          << "time order";
    QTest::newRow("unknown target") << "        name: web\n        container: web"
                                    << "        name: wbe\n        container: web"
                                    << "unknown-reference"
                                    << "name: wbe"
                                    << "did you mean 'web'";
    QTest::newRow("wrong target kind") << "        kind: Rollout"
                                       << "        kind: Deployment"
                                       << "unknown-reference"
                                       << "        name: web\n        container: web"
                                       << "no Deployment named 'web'";
    QTest::newRow("unknown target kind") << "        kind: Rollout"
                                         << "        kind: StatefulSet"
                                         << "bad-value"
                                         << "kind: StatefulSet"
                                         << "Rollout";
    QTest::newRow("unknown container") << "        container: web"
                                       << "        container: wbe"
                                       << "unknown-reference"
                                       << "container: wbe"
                                       << "did you mean 'web'";
    QTest::newRow("duplicate stage") << "        - name: push"
                                     << "        - name: build"
                                     << "duplicate-name"
                                     << "        - name: build\n          duration: 45s"
                                     << "first given on line";
    QString manyStages = QStringLiteral("      stages:\n");
    for (int i = 0; i <= kMaxPipelineStages; ++i) {
        manyStages += QStringLiteral("        - name: s%1\n          duration: 1s\n").arg(i);
    }
    QTest::newRow("too many stages") << "      stages:\n"
                                     << manyStages << "above-maximum"
                                     << "        - name: s0\n"
                                     << "at most 20 stages";
    QTest::newRow("no stages") << "      stages:\n"
                               << "      stages: []\n      unused:\n"
                               << "empty-value"
                               << "      stages: []"
                               << "at least one stage";
}

void TestPipelineReader::mistakes() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, code);
    QFETCH(QString, lineOf);
    QFETCH(QString, message);
    expectMistake(scenarioText(kScenario), from, to, code, lineOf, message);
}

QTEST_GUILESS_MAIN(TestPipelineReader)
#include "tst_pipelinereader.moc"
