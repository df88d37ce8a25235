// Argo Rollouts' analysis rules: the condition language cnsim accepts, how one measurement is
// judged (utils/evaluate/evaluate.go EvaluateResult; evaluate_test.go TestEvaluateResult*),
// how failureLimit / inconclusiveLimit / consecutiveErrorLimit and count decide a metric
// (analysis/analysis.go assessMetricStatus; analysis_test.go TestAssessMetricStatus*), and
// how the metrics decide the run (assessRunStatus, utils/analysis IsWorse).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/rollouts/analysis.h"

#include <string>
#endif

using namespace cnsim;

namespace {

AnalysisConditionSpec condition(const std::string& text) {
    std::string error;
    const std::optional<AnalysisConditionSpec> c = parseAnalysisCondition(text, error);
    if (!c) {
        qFatal("condition %s: %s", text.c_str(), error.c_str());
    }
    return *c;
}

MetricCounters counters(std::initializer_list<AnalysisPhase> phases) {
    MetricCounters c;
    for (const AnalysisPhase p : phases) {
        c.add(p);
    }
    return c;
}

constexpr AnalysisPhase S = AnalysisPhase::Successful;
constexpr AnalysisPhase F = AnalysisPhase::Failed;
constexpr AnalysisPhase I = AnalysisPhase::Inconclusive;
constexpr AnalysisPhase E = AnalysisPhase::Error;

} // namespace

class TestRolloutsAnalysis : public QObject {
    Q_OBJECT

private slots:
    void acceptsTheConditionLanguage_data();
    void acceptsTheConditionLanguage();
    void rejectsEverythingElse_data();
    void rejectsEverythingElse();
    void evaluateMeasurement();
    void failureLimitCounts();
    void inconclusiveLimitCounts();
    void consecutiveErrorsDefaultToFour();
    void countReachedIsSuccessEvenWithToleratedFailures();
    void effectiveCount();
    void runTakesTheWorstCompletedPhase();
};

void TestRolloutsAnalysis::acceptsTheConditionLanguage_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("holds");
    QTest::newRow(">= holds") << "result >= 0.99" << 0.995 << true;
    QTest::newRow(">= fails") << "result >= 0.99" << 0.95 << false;
    QTest::newRow("prometheus vector") << "result[0] >= 0.95" << 0.96 << true;
    QTest::newRow("< with spaces") << "  result<200 " << 150.0 << true;
    QTest::newRow("<= boundary") << "result <= 0.01" << 0.01 << true;
    QTest::newRow("> fails at equal") << "result > 5" << 5.0 << false;
    QTest::newRow("== ") << "result == 1" << 1.0 << true;
    QTest::newRow("!=") << "result != 0" << 0.0 << false;
    QTest::newRow("exponent") << "result < 2e2" << 199.0 << true;
}

void TestRolloutsAnalysis::acceptsTheConditionLanguage() {
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(bool, holds);
    QCOMPARE(conditionHolds(condition(text.toStdString()), value), holds);
}

void TestRolloutsAnalysis::rejectsEverythingElse_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("not result") << "x >= 1";
    QTest::newRow("no operator") << "result 1";
    QTest::newRow("no number") << "result >= abc";
    QTest::newRow("trailing words") << "result >= 1 && result < 2";
    QTest::newRow("other index") << "result[1] >= 1";
    QTest::newRow("function") << "len(result) > 0";
    QTest::newRow("empty") << "";
}

void TestRolloutsAnalysis::rejectsEverythingElse() {
    QFETCH(QString, text);
    std::string error;
    QVERIFY(!parseAnalysisCondition(text.toStdString(), error));
    QVERIFY2(error.find("result OP number") != std::string::npos, error.c_str());
}

void TestRolloutsAnalysis::evaluateMeasurement() {
    AnalysisMetricSpec metric;
    // No condition at all: every measurement succeeds.
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.0), S);
    // Only a success condition: its negation is the failure condition.
    metric.successCondition = condition("result >= 0.99");
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.995), S);
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.9), F);
    // Only a failure condition: its negation is the success condition.
    metric.successCondition.reset();
    metric.failureCondition = condition("result < 0.9");
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.95), S);
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.5), F);
    // Both, and neither holds: inconclusive (evaluate_test.go TestEvaluateResultInconclusive).
    metric.successCondition = condition("result >= 0.99");
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.95), I);
    // Both hold: failure wins.
    metric.failureCondition = condition("result > 0.5");
    QCOMPARE(cnsim::evaluateMeasurement(metric, 0.995), F);
}

void TestRolloutsAnalysis::failureLimitCounts() {
    AnalysisMetricSpec metric;
    metric.interval = SimTime::seconds(10);
    // Default failureLimit 0: the first failure fails the metric.
    QCOMPARE(assessMetric(metric, counters({S, F}), false), F);
    // failureLimit 1: one failure is tolerated, the second fails it ("failed (2) >
    // failureLimit (1)").
    metric.failureLimit = 1;
    QCOMPARE(assessMetric(metric, counters({F}), false), AnalysisPhase::Running);
    QCOMPARE(assessMetric(metric, counters({F, S}), false), AnalysisPhase::Running);
    QCOMPARE(assessMetric(metric, counters({F, S, F}), false), F);
}

void TestRolloutsAnalysis::inconclusiveLimitCounts() {
    AnalysisMetricSpec metric;
    metric.interval = SimTime::seconds(10);
    QCOMPARE(assessMetric(metric, counters({I}), false), I);
    metric.inconclusiveLimit = 2;
    QCOMPARE(assessMetric(metric, counters({I, I}), false), AnalysisPhase::Running);
    QCOMPARE(assessMetric(metric, counters({I, I, I}), false), I);
}

void TestRolloutsAnalysis::consecutiveErrorsDefaultToFour() {
    AnalysisMetricSpec metric;
    metric.interval = SimTime::seconds(10);
    // utils/defaults DefaultConsecutiveErrorLimit = 4: the fifth error in a row is too many.
    QCOMPARE(assessMetric(metric, counters({E, E, E, E}), false), AnalysisPhase::Running);
    QCOMPARE(assessMetric(metric, counters({E, E, E, E, E}), false), E);
    // A good measurement resets the streak.
    QCOMPARE(assessMetric(metric, counters({E, E, E, E, S, E}), false), AnalysisPhase::Running);
    metric.consecutiveErrorLimit = 0;
    QCOMPARE(assessMetric(metric, counters({E}), false), E);
}

void TestRolloutsAnalysis::countReachedIsSuccessEvenWithToleratedFailures() {
    AnalysisMetricSpec metric;
    metric.interval = SimTime::seconds(10);
    metric.count = 3;
    metric.failureLimit = 1;
    QCOMPARE(assessMetric(metric, counters({S, F}), false), AnalysisPhase::Running);
    QCOMPARE(assessMetric(metric, counters({S, F, S}), false), S);
    // A run ending early (terminating) counts a measured metric as successful, an unmeasured
    // one too.
    QCOMPARE(assessMetric(metric, counters({S}), true), S);
    QCOMPARE(assessMetric(metric, counters({}), true), S);
    QCOMPARE(assessMetric(metric, counters({}), false), AnalysisPhase::Pending);
}

void TestRolloutsAnalysis::effectiveCount() {
    AnalysisMetricSpec metric;
    QCOMPARE(cnsim::effectiveCount(metric), std::optional<int>(1)); // no interval: one
    metric.interval = SimTime::minutes(1);
    QCOMPARE(cnsim::effectiveCount(metric), std::optional<int>()); // until terminated
    metric.count = 5;
    QCOMPARE(cnsim::effectiveCount(metric), std::optional<int>(5));
}

void TestRolloutsAnalysis::runTakesTheWorstCompletedPhase() {
    using P = AnalysisPhase;
    QCOMPARE(assessRun({S, S}), S);
    QCOMPARE(assessRun({S, P::Running}), P::Running);
    // Failed > Error > Inconclusive > Successful, and a bad metric ends the run at once.
    QCOMPARE(assessRun({F, P::Running}), F);
    QCOMPARE(assessRun({I, E}), E);
    QCOMPARE(assessRun({E, F}), F);
    QCOMPARE(assessRun({I, S}), I);
}

QTEST_GUILESS_MAIN(TestRolloutsAnalysis)
#include "test_rollouts_analysis.moc"
