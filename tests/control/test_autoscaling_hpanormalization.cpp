// HPA normalization (stabilization, rate limits, min/max, scale-event history) and one whole
// reconcile, against upstream's own cases in kubernetes/kubernetes
// pkg/controller/podautoscaler/horizontal_test.go. Each row names its upstream test; times are
// relative to a fixed `now`, as upstream's are relative to time.Now().

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/autoscaling/hpanormalization.h"
#include "control/autoscaling/hpareconcile.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

const SimTime kNow = SimTime::hours(10);

SimTime ago(std::int64_t seconds) {
    return kNow - SimTime::seconds(seconds);
}

using Recs = std::vector<HpaTimestampedRecommendation>;
using Events = std::vector<HpaTimestampedScaleEvent>;

// generateScalingRules(pods, podsPeriod, percent, percentPeriod, stabilizationWindow).
HpaScalingRules rules(std::int32_t pods, std::int32_t podsPeriod, std::int32_t percent,
                      std::int32_t percentPeriod, std::int32_t window) {
    HpaScalingRules r;
    r.stabilizationWindowSeconds = window;
    r.selectPolicy = HpaSelectPolicy::Max;
    std::vector<HpaScalingPolicy> policies;
    if (pods != 0) {
        policies.push_back({HpaScalingPolicyType::Pods, pods, podsPeriod});
    }
    if (percent != 0) {
        policies.push_back({HpaScalingPolicyType::Percent, percent, percentPeriod});
    }
    r.policies = policies;
    return r;
}

// generateEventsUniformDistribution: events centred in equal segments of the last period;
// the segment boundary is truncated to whole seconds as the Go expression truncates it.
Events uniform(std::vector<int> raw, int periodSeconds) {
    Events events;
    const double segment = static_cast<double>(periodSeconds) / static_cast<double>(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const double boundary = static_cast<double>(periodSeconds) -
                                segment * static_cast<double>(i + 1) + segment / 2.0;
        events.push_back({raw[i], ago(static_cast<std::int64_t>(boundary)), false});
    }
    return events;
}

struct RulesCase {
    Events scaleUpEvents;
    Events scaleDownEvents;
    std::int32_t specMinReplicas = 0;
    std::int32_t specMaxReplicas = 0;
    std::optional<HpaScalingRules> scaleUpRules;
    std::optional<HpaScalingRules> scaleDownRules;
    std::int32_t currentReplicas = 0;
    std::int32_t prenormalizedDesiredReplicas = 0;
    std::int32_t expectedReplicas = 0;
    std::string expectedCondition;
};

struct BehaviorStabilizationCase {
    Recs recommendations;
    std::int32_t currentReplicas = 0;
    std::int32_t prenormalizedDesiredReplicas = 0;
    std::int32_t expectedStabilizedReplicas = 0;
    std::vector<std::int32_t> expectedRecommendations; // empty: not checked
    std::int32_t scaleUpWindow = 0;
    std::int32_t scaleDownWindow = 0;
};

struct StoreCase {
    std::int32_t replicaChange = 0;
    Events prevScaleEvents;
    Events newScaleEvents; // replicaChange and outdated are compared
    std::optional<HpaScalingRules> scalingRules;
    std::int32_t expectedReplicasChange = 0;
};

// horizontal_test.go's testCase fixture: one container per pod with the given CPU request,
// Running, Ready, started 3 minutes ago (past the initialization period).
HpaReconcileInput cpuInput(std::int32_t minReplicas, std::int32_t maxReplicas,
                           std::int32_t replicas, std::int32_t cpuTarget,
                           std::vector<std::int64_t> levels, std::vector<std::int64_t> requests) {
    HpaReconcileInput in;
    in.spec.minReplicas = minReplicas;
    in.spec.maxReplicas = maxReplicas;
    HpaMetricSpec cpu = defaultHpaCpuMetric();
    cpu.averageUtilization = cpuTarget;
    in.spec.metrics = {cpu};
    in.specReplicas = replicas;
    in.statusReplicas = replicas;
    in.now = kNow;
    HpaMetricValues values;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        HpaPod p;
        p.name = "test-pod-" + std::to_string(i);
        p.startTime = kNow - SimTime::minutes(3);
        p.readyCondition = true;
        p.readyLastTransition = kNow - SimTime::minutes(3);
        p.containers = {HpaContainer{"container", {{"cpu", requests[i]}}, false}};
        in.pods.push_back(p);
    }
    for (std::size_t i = 0; i < levels.size(); ++i) {
        values.podSamples["test-pod-" + std::to_string(i)] =
            HpaPodSample{levels[i], kNow - SimTime::seconds(30), SimTime::minutes(1)};
    }
    in.metricValues = {values};
    return in;
}

HpaHistory emptyHistory() {
    HpaHistory h;
    h.recommendationsInitialized =
        true; // the test's recommendations: []timestampedRecommendation{}
    return h;
}

const HpaCondition* lastCondition(const HpaDecision& d, HpaConditionType type) {
    const HpaCondition* found = nullptr;
    for (const HpaCondition& c : d.conditions) {
        if (c.type == type) {
            found = &c;
        }
    }
    return found;
}

} // namespace

Q_DECLARE_METATYPE(RulesCase)
Q_DECLARE_METATYPE(BehaviorStabilizationCase)
Q_DECLARE_METATYPE(StoreCase)

class TestAutoscalingHpaNormalization : public QObject {
    Q_OBJECT

private slots:
    void normalizeDesiredReplicas_data();
    void normalizeDesiredReplicas();
    void convertDesiredReplicasWithRules_data();
    void convertDesiredReplicasWithRules();
    void normalizeDesiredReplicasWithBehavior_data();
    void normalizeDesiredReplicasWithBehavior();
    void scalingWithRules_data();
    void scalingWithRules();
    void calculateLimitsWithMinPolicy();
    void storeScaleEvents_data();
    void storeScaleEvents();
    void defaultBehavior();
    void reconcileScaleUp();
    void reconcileScaleDown();
    void reconcileScaleDownStabilizeInitialSize();
    void reconcileOutsideMinMax();
    void reconcileLimits();
    void reconcileInvalidMetrics();
    void reconcileScalingDisabled();
    void reconcileWithBehaviorOverTime();
    void conditionTransitionTimes();
};

// TestNormalizeDesiredReplicas: stabilizeRecommendation with the 5-minute window.
void TestAutoscalingHpaNormalization::normalizeDesiredReplicas_data() {
    QTest::addColumn<Recs>("recommendations");
    QTest::addColumn<int>("prenormalized");
    QTest::addColumn<int>("expectedStabilized");
    QTest::addColumn<int>("expectedLogLength");
    QTest::newRow("TestNormalizeDesiredReplicas empty log") << Recs{} << 5 << 5 << 1;
    QTest::newRow("TestNormalizeDesiredReplicas stabilize")
        << Recs{{4, ago(120)}, {5, ago(60)}} << 3 << 5 << 3;
    QTest::newRow("TestNormalizeDesiredReplicas no stabilize")
        << Recs{{1, ago(120)}, {2, ago(60)}} << 3 << 3 << 3;
    QTest::newRow("TestNormalizeDesiredReplicas no stabilize - old recommendations")
        << Recs{{10, ago(600)}, {9, ago(540)}} << 3 << 3 << 2;
    QTest::newRow("TestNormalizeDesiredReplicas stabilize - old recommendations")
        << Recs{{10, ago(600)}, {4, ago(60)}, {5, ago(120)}, {9, ago(540)}} << 3 << 5 << 4;
}

void TestAutoscalingHpaNormalization::normalizeDesiredReplicas() {
    QFETCH(Recs, recommendations);
    QFETCH(int, prenormalized);
    QFETCH(int, expectedStabilized);
    QFETCH(int, expectedLogLength);
    const std::int32_t r =
        stabilizeRecommendation(recommendations, prenormalized, SimTime::minutes(5), kNow);
    QCOMPARE(r, expectedStabilized);
    QCOMPARE(static_cast<int>(recommendations.size()), expectedLogLength);
}

// TestConvertDesiredReplicasWithRules.
void TestAutoscalingHpaNormalization::convertDesiredReplicasWithRules_data() {
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("desired");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("condition");
    QTest::newRow("prenormalized desired replicas within range")
        << 5 << 7 << 3 << 8 << 7 << "DesiredWithinRange";
    QTest::newRow("prenormalized desired replicas < minReplicas")
        << 3 << 1 << 2 << 8 << 2 << "TooFewReplicas";
    QTest::newRow("prenormalized desired zeroed replicas within range")
        << 1 << 0 << 0 << 10 << 0 << "DesiredWithinRange";
    QTest::newRow("maxReplicas is the limit because maxReplicas < scaleUpLimit")
        << 20 << 1000 << 1 << 10 << 10 << "TooManyReplicas";
    QTest::newRow("scaleUpLimit is the limit because scaleUpLimit < maxReplicas")
        << 3 << 1000 << 1 << 2000 << 6 << "ScaleUpLimit";
}

void TestAutoscalingHpaNormalization::convertDesiredReplicasWithRules() {
    QFETCH(int, current);
    QFETCH(int, desired);
    QFETCH(int, min);
    QFETCH(int, max);
    QFETCH(int, expected);
    QFETCH(QString, condition);
    const HpaLimitResult r = cnsim::convertDesiredReplicasWithRules(current, desired, min, max);
    QCOMPARE(r.replicas, expected);
    QCOMPARE(QString::fromStdString(r.reason), condition);
    QCOMPARE(calculateScaleUpLimit(3), 6);
    QCOMPARE(calculateScaleUpLimit(1), 4);
}

// TestNormalizeDesiredReplicasWithBehavior: stabilizeRecommendationWithBehaviors.
void TestAutoscalingHpaNormalization::normalizeDesiredReplicasWithBehavior_data() {
    QTest::addColumn<BehaviorStabilizationCase>("tc");
    QTest::newRow("empty recommendations for scaling down")
        << BehaviorStabilizationCase{{}, 100, 5, 5, {5}, 0, 0};
    QTest::newRow("simple scale down stabilization")
        << BehaviorStabilizationCase{{{4, ago(120)}, {5, ago(60)}}, 100, 3, 5, {4, 5, 3}, 0, 180};
    QTest::newRow("simple scale up stabilization")
        << BehaviorStabilizationCase{{{4, ago(120)}, {5, ago(60)}}, 1, 7, 4, {4, 5, 7}, 300, 0};
    QTest::newRow("no scale down stabilization")
        << BehaviorStabilizationCase{{{1, ago(120)}, {2, ago(60)}}, 100, 3, 3, {1, 2, 3}, 300, 0};
    QTest::newRow("no scale up stabilization")
        << BehaviorStabilizationCase{{{4, ago(120)}, {5, ago(60)}}, 1, 3, 3, {4, 5, 3}, 0, 300};
    QTest::newRow("no scale down stabilization, reuse recommendation element")
        << BehaviorStabilizationCase{{{10, ago(600)}, {9, ago(540)}}, 100, 3, 3, {10, 3}, 0, 0};
    QTest::newRow("no scale up stabilization, reuse recommendation element")
        << BehaviorStabilizationCase{{{10, ago(600)}, {9, ago(540)}}, 1, 100, 100, {10, 100}, 0, 0};
    QTest::newRow("scale down stabilization, reuse one of obsolete recommendation element")
        << BehaviorStabilizationCase{{{10, ago(600)}, {4, ago(60)}, {5, ago(120)}, {9, ago(540)}},
                                     100,
                                     3,
                                     5,
                                     {10, 4, 5, 3},
                                     0,
                                     180};
    QTest::newRow("scale up stabilization, reuse one of obsolete recommendation element")
        << BehaviorStabilizationCase{{{10, ago(6000)}, {6, ago(60)}, {5, ago(120)}, {9, ago(180)}},
                                     1,
                                     100,
                                     5,
                                     {100, 6, 5, 9},
                                     300,
                                     0};
    QTest::newRow("scale up and down stabilization, do not scale up when prenormalized rec goes "
                  "down")
        << BehaviorStabilizationCase{{{2, ago(6000)}, {3, ago(180)}}, 2, 1, 2, {}, 300, 300};
    QTest::newRow("scale up and down stabilization, do not scale down when prenormalized rec "
                  "goes up")
        << BehaviorStabilizationCase{{{2, ago(6000)}, {1, ago(180)}}, 2, 3, 2, {}, 300, 300};
}

void TestAutoscalingHpaNormalization::normalizeDesiredReplicasWithBehavior() {
    QFETCH(BehaviorStabilizationCase, tc);
    HpaNormalizationArg arg;
    arg.currentReplicas = tc.currentReplicas;
    arg.desiredReplicas = tc.prenormalizedDesiredReplicas;
    arg.scaleUp.stabilizationWindowSeconds = tc.scaleUpWindow;
    arg.scaleDown.stabilizationWindowSeconds = tc.scaleDownWindow;
    Recs recs = tc.recommendations;
    const HpaStabilizeResult r = stabilizeRecommendationWithBehaviors(recs, arg, kNow);
    QCOMPARE(r.replicas, tc.expectedStabilizedReplicas);
    if (!tc.expectedRecommendations.empty()) {
        QCOMPARE(recs.size(), tc.expectedRecommendations.size());
        for (std::size_t i = 0; i < recs.size(); ++i) {
            QCOMPARE(recs[i].recommendation, tc.expectedRecommendations[i]);
        }
    }
}

// TestScalingWithRules: convertDesiredReplicasWithBehaviorRate with rules defaulted by
// GenerateHPAScaleUpRules / GenerateHPAScaleDownRules.
void TestAutoscalingHpaNormalization::scalingWithRules_data() {
    QTest::addColumn<RulesCase>("tc");
    const auto none = std::nullopt;
    auto row = [](const char* name) -> QTestData& { return QTest::newRow(name); };
    row("prenormalized desired replicas within range")
        << RulesCase{{}, {}, 3, 8, none, none, 5, 7, 7, "DesiredWithinRange"};
    row("prenormalized desired replicas < minReplicas")
        << RulesCase{{}, {}, 2, 8, none, none, 3, 1, 2, "TooFewReplicas"};
    row("prenormalized desired replicas within range when minReplicas is 0")
        << RulesCase{{}, {}, 0, 10, none, none, 1, 0, 0, "DesiredWithinRange"};
    row("maxReplicas is the limit because maxReplicas < scaleUpLimit")
        << RulesCase{{}, {}, 1, 10, none, none, 20, 1000, 10, "TooManyReplicas"};
    row("desired replica count is more than the maximum replica count")
        << RulesCase{{}, {}, 100, 150, none, none, 100, 1000, 150, "TooManyReplicas"};
    row("scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies")
        << RulesCase{{}, {}, 1, 2000, rules(0, 0, 1, 60, 0), none, 3, 1000, 4, "ScaleUpLimit"};
    row("scaleDownLimit is the limit because scaleDownLimit > minReplicas with user defined "
        "policies (skipped upstream by testThis)")
        << RulesCase{{}, {}, 3, 2000, none, rules(20, 60, 0, 0, 0), 1000, 3, 980, "ScaleDownLimit"};
    row("scaleUp with default behavior")
        << RulesCase{{}, {}, 1, 1000, none, none, 10, 50, 20, "ScaleUpLimit"};
    row("scaleUp with pods policy larger than percent policy") << RulesCase{
        {}, {}, 1, 1000, rules(100, 60, 100, 60, 0), none, 10, 500, 110, "ScaleUpLimit"};
    row("scaleUp with percent policy larger than pods policy")
        << RulesCase{{}, {}, 1, 1000, rules(2, 60, 100, 60, 0), none, 10, 500, 20, "ScaleUpLimit"};
    row("scaleUp with spec MaxReplicas limitation with large pod policy") << RulesCase{
        {}, {}, 1, 1000, rules(100, 60, 0, 0, 0), none, 10, 50, 50, "DesiredWithinRange"};
    row("scaleUp with spec MaxReplicas limitation with large percent policy") << RulesCase{
        {}, {}, 1, 1000, rules(10000, 60, 0, 0, 0), none, 10, 50, 50, "DesiredWithinRange"};
    row("scaleUp with pod policy limitation")
        << RulesCase{{}, {}, 1, 1000, rules(30, 60, 0, 0, 0), none, 10, 50, 40, "ScaleUpLimit"};
    row("scaleUp with percent policy limitation")
        << RulesCase{{}, {}, 1, 1000, rules(0, 0, 200, 60, 0), none, 10, 50, 30, "ScaleUpLimit"};
    row("scaleDown with percent policy larger than pod policy") << RulesCase{
        {}, {}, 1, 1000, none, rules(20, 60, 1, 60, 300), 100, 2, 80, "ScaleDownLimit"};
    row("scaleDown with pod policy larger than percent policy")
        << RulesCase{{}, {}, 1, 1000, none, rules(2, 60, 1, 60, 300), 100, 2, 98, "ScaleDownLimit"};
    row("scaleDown with spec MinReplicas=nil limitation with large pod policy")
        << RulesCase{{}, {}, 1, 1000, none, rules(100, 60, 0, 0, 300), 10, 0, 1, "TooFewReplicas"};
    row("scaleDown with spec MinReplicas limitation with large percent policy")
        << RulesCase{{}, {}, 5, 1000, none, rules(0, 0, 100, 60, 300), 10, 2, 5, "TooFewReplicas"};
    row("scaleDown with pod policy limitation")
        << RulesCase{{}, {}, 1, 1000, none, rules(5, 60, 0, 0, 300), 10, 2, 5, "ScaleDownLimit"};
    row("scaleDown with percent policy limitation") << RulesCase{
        {}, {}, 1, 1000, none, rules(0, 0, 50, 60, 300), 10, 5, 5, "DesiredWithinRange"};
    row("scaleUp with spec MaxReplicas limitation with large pod policy and events") << RulesCase{
        uniform({1, 5, 9}, 120), {}, 1, 200, rules(300, 60, 0, 0, 0), none, 100, 500, 200,
        "TooManyReplicas"};
    row("scaleUp with spec MaxReplicas limitation with large percent policy and events")
        << RulesCase{
               uniform({1, 5, 9}, 120), {}, 1, 200, rules(0, 0, 10000, 60, 0), none, 100, 500, 200,
               "TooManyReplicas"};
    row("scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent "
        "scale up events")
        << RulesCase{
               uniform({1, 5, 9}, 120), {}, 1, 1000, rules(5, 120, 0, 0, 0), none, 100, 500, 100,
               "ScaleUpLimit"};
    row("scaleUp with pod policy and previous scale up events") << RulesCase{
        uniform({1, 5, 9}, 120), {}, 1, 1000, rules(150, 120, 0, 0, 0), none, 100, 500, 235,
        "ScaleUpLimit"};
    row("scaleUp with percent policy and previous scale up events") << RulesCase{
        uniform({1, 5, 9}, 120), {}, 1, 1000, rules(0, 0, 200, 120, 0), none, 100, 500, 255,
        "ScaleUpLimit"};
    row("scaleUp with percent policy and previous scale up and down events") << RulesCase{
        uniform({4}, 120), uniform({2}, 120), 1, 1000, rules(0, 0, 300, 300, 0), none, 6, 24, 16,
        "ScaleUpLimit"};
    row("scaleDown with default policy and previous events") << RulesCase{
        {}, uniform({1, 5, 9}, 120), 1, 1000, none, none, 10, 5, 5, "DesiredWithinRange"};
    row("scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events")
        << RulesCase{{}, uniform({1, 5, 9}, 120), 1, 1000, none, rules(115, 120, 0, 0, 300), 100, 0,
                     1,  "TooFewReplicas"};
    row("scaleDown with spec MinReplicas limitation with large pod policy and previous events")
        << RulesCase{{}, uniform({1, 5, 9}, 120), 5, 1000, none, rules(130, 120, 0, 0, 300), 100, 0,
                     5,  "TooFewReplicas"};
    row("scaleDown with spec MinReplicas limitation with large percent policy and previous "
        "events")
        << RulesCase{{}, uniform({1, 5, 9}, 120), 5, 1000, none, rules(0, 0, 100, 120, 300), 100, 2,
                     5,  "TooFewReplicas"};
    row("scaleDown with pod policy limitation and previous events")
        << RulesCase{{},  uniform({1, 5, 9}, 120), 1, 1000, none, rules(5, 120, 0, 0, 300), 100, 2,
                     100, "ScaleDownLimit"};
    row("scaleDown with percent policy limitation and previous events")
        << RulesCase{{}, uniform({2, 4, 6}, 120), 1, 1000, none, rules(0, 0, 50, 120, 300), 100, 0,
                     56, "ScaleDownLimit"};
    row("scaleDown with percent policy and previous scale up and down events") << RulesCase{
        uniform({2}, 120), uniform({4}, 120), 1, 1000, none, rules(0, 0, 50, 180, 0), 10, 1, 6,
        "ScaleDownLimit"};
    row("scaleDown with previous events preventing further scale down")
        << RulesCase{{},   uniform({10, 10, 10}, 120),
                     1,    1000,
                     none, rules(0, 0, 10, 120, 300),
                     100,  0,
                     100,  "ScaleDownLimit"};
    row("scaleDown with with previous events still allowing more scale down") << RulesCase{
        {}, uniform({10, 10, 10}, 120), 1, 1000, none, rules(0, 0, 1000, 120, 300), 10, 5,
        5,  "DesiredWithinRange"};
    row("check 'outdated' flag for events for one behavior for up") << RulesCase{
        uniform({8, 12, 9, 11}, 120), {}, 1, 1000, rules(1000, 60, 0, 0, 0), none, 100, 200, 200,
        "DesiredWithinRange"};
    row("check that events were not marked 'outdated' for two different policies in the "
        "behavior for up")
        << RulesCase{uniform({8, 12, 9, 11}, 120),
                     {},
                     1,
                     1000,
                     rules(1000, 120, 100, 60, 0),
                     none,
                     100,
                     200,
                     200,
                     "DesiredWithinRange"};
    row("check that events were marked 'outdated' for two different policies in the behavior "
        "for up")
        << RulesCase{uniform({8, 12, 9, 11}, 120),
                     {},
                     1,
                     1000,
                     rules(1000, 30, 100, 60, 0),
                     none,
                     100,
                     200,
                     200,
                     "DesiredWithinRange"};
    row("check 'outdated' flag for events for one behavior for down") << RulesCase{
        {}, uniform({8, 12, 9, 11}, 120), 1, 1000, none, rules(1000, 60, 0, 0, 300), 100, 5,
        5,  "DesiredWithinRange"};
    row("check that events were not marked 'outdated' for two different policies in the "
        "behavior for down")
        << RulesCase{{},   uniform({8, 12, 9, 11}, 120),
                     1,    1000,
                     none, rules(1000, 120, 100, 60, 300),
                     100,  5,
                     5,    "DesiredWithinRange"};
    row("check that events were marked 'outdated' for two different policies in the behavior "
        "for down")
        << RulesCase{{},   uniform({8, 12, 9, 11}, 120),  1,   1000,
                     none, rules(1000, 30, 100, 60, 300), 100, 5,
                     5,    "DesiredWithinRange"};
}

void TestAutoscalingHpaNormalization::scalingWithRules() {
    QFETCH(RulesCase, tc);
    HpaHistory history;
    history.scaleUpEvents = tc.scaleUpEvents;
    history.scaleDownEvents = tc.scaleDownEvents;
    HpaNormalizationArg arg;
    arg.scaleUp = generateHpaScaleUpRules(tc.scaleUpRules);
    arg.scaleDown = generateHpaScaleDownRules(tc.scaleDownRules);
    arg.minReplicas = tc.specMinReplicas;
    arg.maxReplicas = tc.specMaxReplicas;
    arg.currentReplicas = tc.currentReplicas;
    arg.desiredReplicas = tc.prenormalizedDesiredReplicas;
    Explanation x;
    const HpaLimitResult r = convertDesiredReplicasWithBehaviorRate(arg, history, kNow, &x);
    QCOMPARE(r.replicas, tc.expectedReplicas);
    QCOMPARE(r.reason, tc.expectedCondition);
    if (tc.currentReplicas != tc.prenormalizedDesiredReplicas) {
        QVERIFY(x.has(ExplainCode::HpaSelectedLimit));
    }
}

// TestCalculateScaleUpLimitWithScalingRules and TestCalculateScaleDownLimitWithBehaviors:
// selectPolicy Min picks the policy allowing the smallest change.
void TestAutoscalingHpaNormalization::calculateLimitsWithMinPolicy() {
    HpaScalingRules r;
    r.stabilizationWindowSeconds = 300;
    r.selectPolicy = HpaSelectPolicy::Min;
    r.policies = std::vector<HpaScalingPolicy>{{HpaScalingPolicyType::Pods, 2, 60},
                                               {HpaScalingPolicyType::Percent, 50, 60}};
    QCOMPARE(calculateScaleUpLimitWithScalingRules(1, {}, {}, r, kNow), 2);
    QCOMPARE(calculateScaleDownLimitWithBehaviors(5, {}, {}, r, kNow), 3);
    r.selectPolicy = HpaSelectPolicy::Disabled;
    QCOMPARE(calculateScaleUpLimitWithScalingRules(7, {}, {}, r, kNow), 7);
    QCOMPARE(calculateScaleDownLimitWithBehaviors(7, {}, {}, r, kNow), 7);
}

// TestStoreScaleEvents: getReplicasChangePerPeriod(60) before, the stored list after.
void TestAutoscalingHpaNormalization::storeScaleEvents_data() {
    QTest::addColumn<StoreCase>("tc");
    QTest::newRow("empty entries with default behavior") << StoreCase{5, {}, {}, std::nullopt, 0};
    QTest::newRow("empty entries with two-policy-behavior")
        << StoreCase{5, {}, {{5, kNow, false}}, rules(10, 60, 100, 60, 0), 0};
    QTest::newRow("one outdated entry to be kept untouched without behavior")
        << StoreCase{5, {{7, ago(61), false}}, {{7, kNow, false}}, std::nullopt, 0};
    QTest::newRow("one outdated entry to be replaced with behavior")
        << StoreCase{5, {{7, ago(61), false}}, {{5, kNow, false}}, rules(10, 60, 100, 60, 0), 0};
    QTest::newRow("one actual entry to be not touched with behavior")
        << StoreCase{5,
                     {{7, ago(58), false}},
                     {{7, kNow, false}, {5, kNow, false}},
                     rules(10, 60, 100, 60, 0),
                     7};
    QTest::newRow("two entries, one of them to be replaced")
        << StoreCase{5,
                     {{7, ago(61), false}, {6, ago(59), false}},
                     {{5, kNow, false}, {6, kNow, false}},
                     rules(10, 60, 0, 0, 0),
                     6};
    QTest::newRow("replace one entry, use policies with different periods") << StoreCase{
        5,
        {{8, ago(29), false}, {6, ago(59), false}, {7, ago(61), false}, {9, ago(61), false}},
        {{8, kNow, false}, {6, kNow, false}, {7, kNow, true}, {5, kNow, false}},
        rules(10, 60, 100, 30, 0),
        14};
    QTest::newRow("two entries, both actual")
        << StoreCase{5,
                     {{7, ago(58), false}, {6, ago(59), false}},
                     {{7, kNow, false}, {6, kNow, false}, {5, kNow, false}},
                     rules(10, 120, 100, 30, 0),
                     13};
}

void TestAutoscalingHpaNormalization::storeScaleEvents() {
    QFETCH(StoreCase, tc);
    for (const bool up : {true, false}) {
        HpaHistory h;
        (up ? h.scaleUpEvents : h.scaleDownEvents) = tc.prevScaleEvents;
        QCOMPARE(getReplicasChangePerPeriod(60, up ? h.scaleUpEvents : h.scaleDownEvents, kNow),
                 tc.expectedReplicasChange);
        std::optional<HpaBehavior> behavior;
        if (tc.scalingRules) {
            behavior = HpaBehavior{};
            (up ? behavior->scaleUp : behavior->scaleDown) = tc.scalingRules;
        }
        storeScaleEvent(h, behavior ? &*behavior : nullptr, 10,
                        up ? 10 + tc.replicaChange : 10 - tc.replicaChange, kNow);
        const Events& got = up ? h.scaleUpEvents : h.scaleDownEvents;
        QCOMPARE(got.size(), tc.newScaleEvents.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].replicaChange, tc.newScaleEvents[i].replicaChange);
            QCOMPARE(got[i].outdated, tc.newScaleEvents[i].outdated);
        }
    }
}

// pkg/apis/autoscaling/v2/defaults.go: defaults per field, scale-down window left to the flag.
void TestAutoscalingHpaNormalization::defaultBehavior() {
    const HpaScalingRules up = generateHpaScaleUpRules(std::nullopt);
    QCOMPARE(*up.stabilizationWindowSeconds, 0);
    QCOMPARE(*up.selectPolicy, HpaSelectPolicy::Max);
    QCOMPARE(up.policies->size(), std::size_t{2});
    QCOMPARE((*up.policies)[0], (HpaScalingPolicy{HpaScalingPolicyType::Pods, 4, 15}));
    QCOMPARE((*up.policies)[1], (HpaScalingPolicy{HpaScalingPolicyType::Percent, 100, 15}));
    const HpaScalingRules down = generateHpaScaleDownRules(std::nullopt);
    QVERIFY(!down.stabilizationWindowSeconds.has_value());
    QCOMPARE(down.policies->size(), std::size_t{1});
    QCOMPARE((*down.policies)[0], (HpaScalingPolicy{HpaScalingPolicyType::Percent, 100, 15}));
    // Only the user's window is set: the default policies stay.
    HpaScalingRules user;
    user.stabilizationWindowSeconds = 60;
    const HpaScalingRules merged = generateHpaScaleDownRules(user);
    QCOMPARE(*merged.stabilizationWindowSeconds, 60);
    QCOMPARE(merged.policies->size(), std::size_t{1});
    const HpaNormalizationArg arg =
        makeNormalizationArg(HpaBehavior{}, SimTime::minutes(5), 1, 10, 5, 5);
    QCOMPARE(*arg.scaleDown.stabilizationWindowSeconds, 300);
}

// horizontal_test.go TestScaleUp: CPU 30 % target, usage 300/500/700 of 1 core → 5.
void TestAutoscalingHpaNormalization::reconcileScaleUp() {
    HpaHistory h = emptyHistory();
    const HpaReconcileInput in = cpuInput(2, 6, 3, 30, {300, 500, 700}, {1000, 1000, 1000});
    const HpaDecision d = reconcileHpa(in, h);
    QVERIFY(d.rescale);
    QCOMPARE(d.desiredReplicas, 5);
    QCOMPARE(d.rescaleReason,
             std::string("cpu resource utilization (percentage of request) above target"));
    QCOMPARE(d.events.back().message,
             std::string("New size: 5; reason: cpu resource utilization (percentage of request) "
                         "above target"));
    QCOMPARE(lastCondition(d, HpaConditionType::AbleToScale)->reason,
             std::string("SucceededRescale"));
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingActive)->reason,
             std::string("ValidMetricFound"));
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingLimited)->reason,
             std::string("DesiredWithinRange"));
    QCOMPARE(*d.metrics[0].currentAverageUtilization, 50);
    QVERIFY(d.explanation.has(ExplainCode::HpaRescale));
}

// horizontal_test.go TestScaleDown: 28 % of a 50 % target → 3, with no earlier recommendations.
void TestAutoscalingHpaNormalization::reconcileScaleDown() {
    HpaHistory h = emptyHistory();
    const HpaReconcileInput in =
        cpuInput(2, 6, 5, 50, {100, 300, 500, 250, 250}, {1000, 1000, 1000, 1000, 1000});
    const HpaDecision d = reconcileHpa(in, h);
    QCOMPARE(d.desiredReplicas, 3);
    QCOMPARE(d.rescaleReason, std::string("All metrics below target"));
}

// horizontal_test.go TestScaleDownStabilizeInitialSize: a fresh controller records the current
// size first, so the same metrics do not scale down for the 5-minute window.
void TestAutoscalingHpaNormalization::reconcileScaleDownStabilizeInitialSize() {
    HpaHistory h; // nothing recorded yet
    HpaReconcileInput in =
        cpuInput(2, 6, 5, 50, {100, 300, 500, 250, 250}, {1000, 1000, 1000, 1000, 1000});
    HpaDecision d = reconcileHpa(in, h);
    QVERIFY(!d.rescale);
    QCOMPARE(d.desiredReplicas, 5);
    QCOMPARE(lastCondition(d, HpaConditionType::AbleToScale)->reason,
             std::string("ScaleDownStabilized"));
    QVERIFY(d.explanation.has(ExplainCode::HpaStabilizedDown));
    // Five minutes and one sync later the initial recommendation has expired.
    in.now = kNow + SimTime::minutes(5) + SimTime::seconds(15);
    d = reconcileHpa(in, h);
    QCOMPARE(d.desiredReplicas, 3);
}

// TestScaleUpRCImmediately / TestScaleDownRCImmediately: outside [min, max] the metrics are not
// consulted.
void TestAutoscalingHpaNormalization::reconcileOutsideMinMax() {
    HpaHistory h = emptyHistory();
    HpaReconcileInput in = cpuInput(2, 6, 1, 80, {0, 0, 0, 0}, {1000, 1000, 1000, 1000});
    HpaDecision d = reconcileHpa(in, h);
    QCOMPARE(d.desiredReplicas, 2);
    QCOMPARE(d.rescaleReason, std::string("Current number of replicas below Spec.MinReplicas"));
    QVERIFY(d.metrics.empty());

    HpaHistory h2 = emptyHistory();
    in = cpuInput(2, 5, 6, 50, {8000, 9500, 1000}, {900, 1000, 1100});
    d = reconcileHpa(in, h2);
    QCOMPARE(d.desiredReplicas, 5);
    QCOMPARE(d.rescaleReason, std::string("Current number of replicas above Spec.MaxReplicas"));
}

// TestMinReplicas and TestMaxReplicas, then TestSuperfluousMetrics' samples (more samples than
// pods) with maxReplicas 6: the ScalingLimited reasons.
void TestAutoscalingHpaNormalization::reconcileLimits() {
    HpaHistory h = emptyHistory();
    HpaDecision d = reconcileHpa(cpuInput(2, 5, 3, 90, {10, 95, 10}, {900, 1000, 1100}), h);
    QCOMPARE(d.desiredReplicas, 2);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingLimited)->reason,
             std::string("TooFewReplicas"));
    QVERIFY(lastCondition(d, HpaConditionType::ScalingLimited)->status);

    h = emptyHistory();
    d = reconcileHpa(cpuInput(2, 5, 3, 90, {8000, 9500, 1000}, {900, 1000, 1100}), h);
    QCOMPARE(d.desiredReplicas, 5);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingLimited)->reason,
             std::string("TooManyReplicas"));

    h = emptyHistory();
    d = reconcileHpa(
        cpuInput(2, 6, 4, 100, {4000, 9500, 3000, 7000, 3200, 2000}, {1000, 1000, 1000, 1000}), h);
    QCOMPARE(d.desiredReplicas, 6);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingLimited)->reason,
             std::string("TooManyReplicas"));

    // Without behavior the 2×/4 rule caps a big jump: 3 → 6 (max is far away).
    h = emptyHistory();
    d = reconcileHpa(cpuInput(1, 100, 3, 10, {900, 900, 900}, {1000, 1000, 1000}), h);
    QCOMPARE(d.desiredReplicas, 6);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingLimited)->reason,
             std::string("ScaleUpLimit"));
}

// TestScaleUpOneMetricEmpty: an invalid metric does not block a scale-up.
// TestNoScaleDownOneMetricEmpty: it does block a scale-down (ScalingActive False).
void TestAutoscalingHpaNormalization::reconcileInvalidMetrics() {
    HpaMetricSpec external;
    external.type = HpaMetricSourceType::External;
    external.name = "qps";
    external.targetType = HpaMetricTargetType::Value;
    external.valueMilli = 100;
    HpaMetricValues broken;
    broken.fetchError = "something went wrong";

    HpaHistory h = emptyHistory();
    HpaReconcileInput in = cpuInput(2, 6, 3, 30, {300, 400, 500}, {1000, 1000, 1000});
    in.spec.metrics.push_back(external);
    in.metricValues.push_back(broken);
    HpaDecision d = reconcileHpa(in, h);
    QCOMPARE(d.desiredReplicas, 4);
    QVERIFY(d.rescale);
    QVERIFY(!d.error.empty()); // reported, but scaling went ahead
    QCOMPARE(d.events.front().reason, std::string("FailedGetExternalMetric"));

    h = emptyHistory();
    in = cpuInput(2, 6, 5, 50, {100, 300, 500, 250, 250}, {1000, 1000, 1000, 1000, 1000});
    external.valueMilli = 1000;
    in.spec.metrics.push_back(external);
    in.metricValues.push_back(broken);
    d = reconcileHpa(in, h);
    QVERIFY(!d.rescale);
    QVERIFY(d.metricsFailed);
    QCOMPARE(d.desiredReplicas, 5);
    const HpaCondition* active = lastCondition(d, HpaConditionType::ScalingActive);
    QVERIFY(!active->status);
    QCOMPARE(active->reason, std::string("FailedGetExternalMetric"));
    QCOMPARE(d.events.back().reason, std::string("FailedComputeMetricsReplicas"));
    QVERIFY(d.explanation.has(ExplainCode::HpaInvalidMetricsHold));

    // TestReplicaCalcEmptyMetrics' error surfaces as a FailedGetResourceMetric condition.
    h = emptyHistory();
    in = cpuInput(2, 6, 4, 100, {}, {1000, 1000, 1000});
    in.metricValues[0].fetchError = "no metrics returned from resource metrics API";
    d = reconcileHpa(in, h);
    QVERIFY(d.metricsFailed);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingActive)->message,
             std::string("the HPA was unable to compute the replica count: failed to get cpu "
                         "resource metric value: failed to get cpu utilization: unable to get "
                         "metrics for resource cpu: no metrics returned from resource metrics "
                         "API"));
}

// reconcileAutoscaler: replicas 0 with minReplicas ≠ 0 disables autoscaling.
void TestAutoscalingHpaNormalization::reconcileScalingDisabled() {
    HpaHistory h = emptyHistory();
    const HpaDecision d = reconcileHpa(cpuInput(1, 5, 0, 50, {}, {}), h);
    QVERIFY(!d.rescale);
    QCOMPARE(lastCondition(d, HpaConditionType::ScalingActive)->reason,
             std::string("ScalingDisabled"));
}

// With spec.behavior (defaults): syncs 15 s apart under a constant 4× load go 2 → 6 → 12 → 24
// → 48, the larger of +4 pods and +100 % each time. An event exactly 15 s old no longer
// counts, and events older than the longest period are reused.
void TestAutoscalingHpaNormalization::reconcileWithBehaviorOverTime() {
    HpaHistory h = emptyHistory();
    HpaBehavior behavior;
    std::int32_t replicas = 2;
    std::vector<std::int32_t> sizes;
    for (int sync = 0; sync < 4; ++sync) {
        std::vector<std::int64_t> levels(static_cast<std::size_t>(replicas), 2000);
        std::vector<std::int64_t> requests(static_cast<std::size_t>(replicas), 1000);
        HpaReconcileInput in = cpuInput(1, 100, replicas, 50, levels, requests);
        in.spec.behavior = behavior;
        in.now = kNow + SimTime::seconds(15 * sync + 1);
        const HpaDecision d = reconcileHpa(in, h);
        replicas = d.desiredReplicas;
        sizes.push_back(replicas);
    }
    QCOMPARE(sizes, (std::vector<std::int32_t>{6, 12, 24, 48}));
    QCOMPARE(h.scaleUpEvents.size(), std::size_t{2});
}

// setCondition keeps lastTransitionTime while the status is unchanged.
void TestAutoscalingHpaNormalization::conditionTransitionTimes() {
    std::vector<HpaCondition> conds;
    setHpaCondition(
        conds, HpaCondition{HpaConditionType::ScalingActive, true, "ValidMetricFound", "m", {}},
        SimTime::seconds(1));
    setHpaCondition(
        conds, HpaCondition{HpaConditionType::ScalingActive, true, "ValidMetricFound", "m2", {}},
        SimTime::seconds(2));
    QCOMPARE(conds.size(), std::size_t{1});
    QCOMPARE(conds[0].lastTransitionTime, SimTime::seconds(1));
    QCOMPARE(conds[0].message, std::string("m2"));
    setHpaCondition(
        conds, HpaCondition{HpaConditionType::ScalingActive, false, "ScalingDisabled", "m3", {}},
        SimTime::seconds(3));
    QCOMPARE(conds[0].lastTransitionTime, SimTime::seconds(3));
}

QTEST_GUILESS_MAIN(TestAutoscalingHpaNormalization)
#include "test_autoscaling_hpanormalization.moc"
