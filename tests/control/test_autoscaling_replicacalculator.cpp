// The HPA replica calculator against upstream's own cases. Each row names its test in
// kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go, reproduced with
// that file's fixtures: two containers per pod with the same request, one sample per container
// (makePodMetricLevels), metrics window 1 min, tolerance 0.1, CPU initialization period 2 min,
// initial readiness delay 10 s, "hot" pods started now and "cool" ones 3 min ago, and zero
// times (start, Ready transition, sample timestamp) standing for Go's zero time.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/autoscaling/replicacalculator.h"

#include <optional>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

enum class Start { Zero, Hot, Cool };

struct ResourceCase {
    std::int32_t currentReplicas = 0;
    std::int32_t expectedReplicas = 0;
    std::vector<bool> readiness;        // default Ready=True
    std::vector<Start> startTimes;      // default zero time
    std::vector<HpaPodPhase> phases;    // default Running; may list more pods than replicas
    std::vector<bool> deleting;         // default false
    std::vector<std::int64_t> requests; // per container, milli; fewer than pods: none
    std::vector<std::vector<std::int64_t>> levels; // per pod, per container
    std::vector<std::string> podNames;             // names of the samples, if not test-pod-i
    std::int32_t targetUtilization = 0;
    std::int32_t expectedUtilization = 0;
    std::int64_t expectedValue = 0;
    std::string container;
    std::string expectedError; // substring; empty: success expected
};

const SimTime kNow = SimTime::hours(10);

HpaControllerSettings testSettings() {
    HpaControllerSettings s;
    s.cpuInitializationPeriod = SimTime::minutes(2); // defaultTestingCPUInitializationPeriod
    s.delayOfInitialReadinessStatus =
        SimTime::seconds(10); // defaultTestingDelayOfInitialReadinessStatus
    return s;
}

std::vector<std::vector<std::int64_t>> levels(std::initializer_list<std::int64_t> perContainer) {
    std::vector<std::vector<std::int64_t>> out;
    for (const std::int64_t v : perContainer) {
        out.push_back({v, v}); // makePodMetricLevels: the same level in both containers
    }
    return out;
}

std::vector<std::int64_t> cpus(int n, std::int64_t milli = 1000) {
    return std::vector<std::int64_t>(static_cast<std::size_t>(n), milli);
}

std::string podName(std::size_t i) {
    return "test-pod-" + std::to_string(i);
}

// prepareTestClientSet: the pods the lister returns.
std::vector<HpaPod> makePods(std::int32_t currentReplicas, const std::vector<bool>& readiness,
                             const std::vector<Start>& startTimes,
                             const std::vector<HpaPodPhase>& phases,
                             const std::vector<bool>& deleting,
                             const std::vector<std::int64_t>& requests,
                             const std::string& resource) {
    std::size_t count = static_cast<std::size_t>(currentReplicas);
    count = std::max(count, phases.size());
    std::vector<HpaPod> pods;
    for (std::size_t i = 0; i < count; ++i) {
        HpaPod p;
        p.name = podName(i);
        p.readyCondition = i < readiness.size() ? readiness[i] : true;
        p.readyLastTransition = SimTime::zero();
        const Start s = i < startTimes.size() ? startTimes[i] : Start::Zero;
        p.startTime = s == Start::Hot    ? kNow
                      : s == Start::Cool ? kNow - SimTime::minutes(3)
                                         : SimTime::zero();
        p.phase = i < phases.size() ? phases[i] : HpaPodPhase::Running;
        p.deleting = i < deleting.size() && deleting[i];
        for (const char* c : {"container1", "container2"}) {
            HpaContainer container;
            container.name = c;
            if (i < requests.size()) {
                container.requestsMilli[resource] = requests[i];
            }
            p.containers.push_back(container);
        }
        pods.push_back(p);
    }
    return pods;
}

// prepareTestMetricsClient: one sample per pod, the sum of its containers' usage, or the named
// container's usage (a pod whose metrics lack that container has no sample).
HpaPodSamples makeSamples(const std::vector<std::vector<std::int64_t>>& levelsPerPod,
                          const std::vector<std::string>& names, const std::string& container) {
    HpaPodSamples samples;
    for (std::size_t i = 0; i < levelsPerPod.size(); ++i) {
        const std::string name = i < names.size() ? names[i] : podName(i);
        std::int64_t value = 0;
        if (container.empty()) {
            for (const std::int64_t v : levelsPerPod[i]) {
                value += v;
            }
        } else {
            const std::size_t index = container == "container1" ? 0 : 1;
            if (index >= levelsPerPod[i].size()) {
                continue;
            }
            value = levelsPerPod[i][index];
        }
        samples[name] = HpaPodSample{value, SimTime::zero(), SimTime::minutes(1)};
    }
    return samples;
}

struct PlainCase {
    std::int32_t currentReplicas = 0;
    std::int32_t expectedReplicas = 0;
    std::vector<bool> readiness;
    std::vector<Start> startTimes;
    std::vector<HpaPodPhase> phases;
    std::vector<std::int64_t> levels;
    std::int64_t targetUsage = 0;
    std::int64_t expectedUsage = 0;
};

enum class ObjectKind { ObjectValue, ObjectPerPod, ExternalValue, ExternalPerPod };

struct ObjectCase {
    ObjectKind kind = ObjectKind::ObjectValue;
    std::int32_t currentReplicas = 0;
    std::int32_t expectedReplicas = 0;
    std::vector<bool> readiness;
    std::int64_t level = 0;
    std::int64_t target = 0;
    std::int64_t expectedUsage = 0;
};

} // namespace

Q_DECLARE_METATYPE(ResourceCase)
Q_DECLARE_METATYPE(PlainCase)
Q_DECLARE_METATYPE(ObjectCase)

class TestAutoscalingReplicaCalculator : public QObject {
    Q_OBJECT

private slots:
    void resourceReplicas_data();
    void resourceReplicas();
    void computedToleranceAlgImplementation();
    void plainMetricReplicas_data();
    void plainMetricReplicas();
    void objectAndExternalReplicas_data();
    void objectAndExternalReplicas();
    void groupPodsClasses();
    void calculatePodRequests();
    void perDirectionTolerance();
    void explanationNamesTheNumbers();
};

void TestAutoscalingReplicaCalculator::resourceReplicas_data() {
    QTest::addColumn<ResourceCase>("tc");
    using P = HpaPodPhase;
    const bool T = true;
    const bool F = false;

    QTest::newRow("TestReplicaCalcScaleUp") << ResourceCase{
        3, 5, {}, {}, {}, {}, cpus(3), levels({300, 500, 700}), {}, 30, 50, 2 * 500, "", ""};
    QTest::newRow("TestReplicaCalcContainerScaleUp") << ResourceCase{
        3,  5,  {}, {},  {},           {}, cpus(3), {{1000, 300}, {1000, 500}, {1000, 700}},
        {}, 30, 50, 500, "container2", ""};
    QTest::newRow("TestReplicaCalcScaleUpUnreadyLessScale") << ResourceCase{
        3, 4, {F, T, T}, {}, {}, {}, cpus(3), levels({300, 500, 700}), {}, 30, 60, 2 * 600, "", ""};
    QTest::newRow("TestReplicaCalcScaleUpHotCpuLessScale")
        << ResourceCase{3,  4,  {},      {Start::Hot, Start::Cool, Start::Cool},
                        {}, {}, cpus(3), levels({300, 500, 700}),
                        {}, 30, 60,      2 * 600,
                        "", ""};
    QTest::newRow("TestReplicaCalcScaleUpContainerHotCpuLessScale")
        << ResourceCase{3,
                        4,
                        {},
                        {Start::Hot, Start::Cool, Start::Cool},
                        {},
                        {},
                        cpus(3),
                        {{0, 300}, {0, 500}, {0, 700}},
                        {},
                        30,
                        60,
                        600,
                        "container2",
                        ""};
    QTest::newRow("TestReplicaCalcScaleUpUnreadyNoScale") << ResourceCase{
        3, 3, {T, F, F}, {}, {}, {}, cpus(3), levels({400, 500, 700}), {}, 30, 40, 2 * 400, "", ""};
    QTest::newRow("TestReplicaCalcScaleHotCpuNoScale")
        << ResourceCase{3,  3,  {T, F, F}, {Start::Cool, Start::Hot, Start::Hot},
                        {}, {}, cpus(3),   levels({400, 500, 700}),
                        {}, 30, 40,        2 * 400,
                        "", ""};
    QTest::newRow("TestReplicaCalcScaleUpIgnoresFailedPods")
        << ResourceCase{2,
                        4,
                        {T, T, F, F},
                        {},
                        {P::Running, P::Running, P::Failed, P::Failed},
                        {},
                        cpus(4),
                        levels({500, 700}),
                        {},
                        30,
                        60,
                        2 * 600,
                        "",
                        ""};
    QTest::newRow("TestReplicaCalcMissingContainerMetricScaleUpIgnoresFailedPods")
        << ResourceCase{2,
                        4,
                        {T, T, F, F},
                        {},
                        {P::Running, P::Running, P::Failed, P::Failed},
                        {},
                        cpus(4),
                        {{1000, 500}, {9000, 700}, {1000}, {9000}},
                        {},
                        30,
                        60,
                        600,
                        "container2",
                        ""};
    QTest::newRow("TestReplicaCalcScaleUpIgnoresDeletionPods")
        << ResourceCase{2,
                        4,
                        {T, T, F, F},
                        {},
                        {P::Running, P::Running, P::Running, P::Running},
                        {F, F, T, T},
                        cpus(4),
                        levels({500, 700}),
                        {},
                        30,
                        60,
                        2 * 600,
                        "",
                        ""};
    QTest::newRow("TestReplicaCalcScaleDown")
        << ResourceCase{5,  3,  {}, {},      {}, {}, cpus(5), levels({100, 300, 500, 250, 250}),
                        {}, 50, 28, 2 * 280, "", ""};
    QTest::newRow("TestReplicaCalcContainerScaleDown")
        << ResourceCase{5,
                        3,
                        {},
                        {},
                        {},
                        {},
                        cpus(5),
                        {{1000, 100}, {1000, 300}, {1000, 500}, {1000, 250}, {1000, 250}},
                        {},
                        50,
                        28,
                        280,
                        "container2",
                        ""};
    QTest::newRow("TestReplicaCalcScaleDownExcludeUnreadyPods") << ResourceCase{
        5,  2,  {T, T, T, F, F}, {}, {}, {}, cpus(5), levels({100, 300, 500, 250, 250}), {},
        50, 30, 2 * 300,         "", ""};
    QTest::newRow("TestReplicaCalcScaleDownExcludeUnscheduledPods")
        << ResourceCase{5,
                        1,
                        {T, F, F, F, F},
                        {},
                        {P::Running, P::Pending, P::Pending, P::Pending, P::Pending},
                        {},
                        cpus(5),
                        levels({100}),
                        {},
                        50,
                        10,
                        2 * 100,
                        "",
                        ""};
    QTest::newRow("TestReplicaCalcScaleDownIgnoreHotCpuPods") << ResourceCase{
        5,  2,  {},      {Start::Cool, Start::Cool, Start::Cool, Start::Hot, Start::Hot},
        {}, {}, cpus(5), levels({100, 300, 500, 250, 250}),
        {}, 50, 30,      2 * 300,
        "", ""};
    QTest::newRow("TestReplicaCalcScaleDownIgnoresFailedPods") << ResourceCase{
        5,
        3,
        {T, T, T, T, T, F, F},
        {},
        {P::Running, P::Running, P::Running, P::Running, P::Running, P::Failed, P::Failed},
        {},
        cpus(7),
        levels({100, 300, 500, 250, 250}),
        {},
        50,
        28,
        2 * 280,
        "",
        ""};
    QTest::newRow("TestReplicaCalcScaleDownIgnoresDeletionPods")
        << ResourceCase{5,
                        3,
                        {T, T, T, T, T, F, F},
                        {},
                        std::vector<P>(7, P::Running),
                        {F, F, F, F, F, T, T},
                        cpus(7),
                        levels({100, 300, 500, 250, 250}),
                        {},
                        50,
                        28,
                        2 * 280,
                        "",
                        ""};
    QTest::newRow("TestReplicaCalcTolerance") << ResourceCase{
        3,  3,   {},  {},       {}, {}, {900, 1000, 1100}, levels({1010, 1030, 1020}),
        {}, 100, 102, 2 * 1020, "", ""};
    QTest::newRow("TestReplicaCalcSuperfluousMetrics") << ResourceCase{
        4,  24,  {},  {},       {}, {}, cpus(4), levels({4000, 9500, 3000, 7000, 3200, 2000}),
        {}, 100, 587, 2 * 5875, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetrics")
        << ResourceCase{4, 3, {}, {}, {}, {}, cpus(4), levels({400, 95}), {}, 100, 24, 495, "", ""};
    QTest::newRow("TestReplicaCalcEmptyCPURequest") << ResourceCase{
        1, 0, {}, {}, {}, {}, {}, levels({200}), {}, 100, 0, 0, "", "missing request for"};
    QTest::newRow("TestReplicaCalcDisjointResourcesMetrics")
        << ResourceCase{1,
                        0,
                        {},
                        {},
                        {},
                        {},
                        cpus(1),
                        levels({100}),
                        {"an-older-pod-name"},
                        100,
                        0,
                        0,
                        "",
                        "no metrics returned matched known pods"};
    QTest::newRow("TestReplicaCalcMissingMetricsNoChangeEq") << ResourceCase{
        2, 2, {}, {}, {}, {}, cpus(2), levels({1000}), {}, 100, 100, 2 * 1000, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsNoChangeGt") << ResourceCase{
        2, 2, {}, {}, {}, {}, cpus(2), levels({1900}), {}, 100, 190, 2 * 1900, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsNoChangeLt")
        << ResourceCase{2, 2, {}, {}, {}, {}, cpus(2), levels({600}), {}, 100, 60, 2 * 600, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsUnreadyChange") << ResourceCase{
        3, 3, {F, T, T}, {}, {}, {}, cpus(3), levels({100, 450}), {}, 50, 45, 2 * 450, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsHotCpuNoChange")
        << ResourceCase{3,  3,  {},      {Start::Hot, Start::Cool, Start::Cool},
                        {}, {}, cpus(3), levels({100, 450}),
                        {}, 50, 45,      2 * 450,
                        "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsUnreadyScaleUp") << ResourceCase{
        3, 4, {F, T, T}, {}, {}, {}, cpus(3), levels({100, 2000}), {}, 50, 200, 2 * 2000, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsHotCpuScaleUp")
        << ResourceCase{3,  4,  {F, T, T}, {Start::Hot, Start::Cool, Start::Cool},
                        {}, {}, cpus(3),   levels({100, 2000}),
                        {}, 50, 200,       2 * 2000,
                        "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsUnreadyScaleDown")
        << ResourceCase{4,  3,  {F, T, T, T}, {},      {}, {}, cpus(4), levels({100, 100, 100}),
                        {}, 50, 10,           2 * 100, "", ""};
    QTest::newRow("TestReplicaCalcMissingMetricsScaleDownTargetOver100") << ResourceCase{
        4,   2, {F, T, T, T}, {}, {}, {}, {1000, 1000, 2000, 2000}, levels({200, 100, 100}), {},
        300, 6, 2 * 100,      "", ""};
    QTest::newRow("TestReplicaCalcDuringRollingUpdateWithMaxSurge")
        << ResourceCase{2,
                        2,
                        {},
                        {},
                        {P::Running, P::Running, P::Running},
                        {},
                        cpus(3),
                        levels({100, 100}),
                        {},
                        50,
                        10,
                        2 * 100,
                        "",
                        ""};
}

void TestAutoscalingReplicaCalculator::resourceReplicas() {
    QFETCH(ResourceCase, tc);
    const std::vector<HpaPod> pods = makePods(tc.currentReplicas, tc.readiness, tc.startTimes,
                                              tc.phases, tc.deleting, tc.requests, "cpu");
    const HpaPodSamples samples = makeSamples(tc.levels, tc.podNames, tc.container);
    const HpaReplicaProposal p =
        getResourceReplicas(tc.currentReplicas, tc.targetUtilization, "cpu", HpaTolerances{}, pods,
                            samples, tc.container, testSettings(), kNow);
    if (!tc.expectedError.empty()) {
        QVERIFY(!p.ok());
        QVERIFY2(p.message.find(tc.expectedError) != std::string::npos, p.message.c_str());
        return;
    }
    QVERIFY2(p.ok(), p.message.c_str());
    QCOMPARE(p.replicas, tc.expectedReplicas);
    QCOMPARE(p.utilization, tc.expectedUtilization);
    QCOMPARE(p.usage, tc.expectedValue);
}

// TestReplicaCalcComputedToleranceAlgImplementation: targets just past and just inside the
// tolerance band computed from the test's own formula (56 % → 9 replicas, 55 % → stay at 10).
void TestAutoscalingReplicaCalculator::computedToleranceAlgImplementation() {
    const std::int32_t startPods = 10;
    const std::int64_t totalUsed = startPods * 150;
    const std::int32_t totalRequested = static_cast<std::int32_t>(2 * totalUsed);
    const double requestedToUsed =
        static_cast<double>(totalRequested / static_cast<std::int32_t>(totalUsed));
    const std::int32_t perPod = totalRequested / startPods;
    const std::vector<std::int64_t> requests{perPod + 100, perPod - 100, perPod + 10, perPod - 10,
                                             perPod + 2,   perPod - 2,   perPod + 1,  perPod - 1,
                                             perPod,       perPod};
    const std::vector<HpaPod> pods = makePods(startPods, {}, {}, {}, {}, requests, "cpu");
    std::vector<std::vector<std::int64_t>> lv(10, {totalUsed / 10, totalUsed / 10});
    const HpaPodSamples samples = makeSamples(lv, {}, "");

    double target = std::abs(1 / (requestedToUsed * (1 - 0.1))) + .01;
    std::int32_t finalTarget = static_cast<std::int32_t>(target * 100);
    const double usedRatio =
        static_cast<double>(totalUsed) / (static_cast<double>(totalRequested) * target);
    const std::int32_t finalPods =
        static_cast<std::int32_t>(std::ceil(usedRatio * static_cast<double>(startPods)));
    HpaReplicaProposal p = getResourceReplicas(startPods, finalTarget, "cpu", HpaTolerances{}, pods,
                                               samples, "", testSettings(), kNow);
    QCOMPARE(finalTarget, 56);
    QCOMPARE(p.replicas, finalPods);
    QCOMPARE(p.replicas, 9);
    QCOMPARE(p.utilization, static_cast<std::int32_t>(totalUsed * 100 / totalRequested));
    QCOMPARE(p.usage, 2 * totalUsed / 10);

    target = std::abs(1 / (requestedToUsed * (1 - 0.1))) + .004;
    finalTarget = static_cast<std::int32_t>(target * 100);
    p = getResourceReplicas(startPods, finalTarget, "cpu", HpaTolerances{}, pods, samples, "",
                            testSettings(), kNow);
    QCOMPARE(p.replicas, startPods);
}

void TestAutoscalingReplicaCalculator::plainMetricReplicas_data() {
    QTest::addColumn<PlainCase>("tc");
    using P = HpaPodPhase;
    const bool T = true;
    const bool F = false;
    QTest::newRow("TestReplicaCalcScaleUpCM")
        << PlainCase{3, 4, {}, {}, {}, {20000, 10000, 30000}, 15000, 20000};
    QTest::newRow("TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale") << PlainCase{
        3,     6,    {T, T, F}, {Start::Cool, Start::Cool, Start::Hot}, {}, {50000, 10000, 30000},
        15000, 30000};
    QTest::newRow("TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown") << PlainCase{
        3,     7,    {F, T, F}, {Start::Hot, Start::Cool, Start::Hot}, {}, {50000, 15000, 30000},
        15000, 31666};
    QTest::newRow("TestReplicaCalcScaleUpCMExternal (pods metric)")
        << PlainCase{1, 2, {}, {}, {}, {8600}, 4400, 8600};
    QTest::newRow("TestReplicaCalcScaleDownCM")
        << PlainCase{5, 3, {}, {}, {}, {12000, 12000, 12000, 12000, 12000}, 20000, 12000};
    QTest::newRow("TestReplicaCalcToleranceCM")
        << PlainCase{3, 3, {}, {}, {}, {20000, 21000, 21000}, 20000, 20666};
    QTest::newRow("TestPlainMetricReplicaCalcMissingMetricsNoChangeEq")
        << PlainCase{5, 5, {}, {}, {}, {20000, 19000, 21000}, 20000, 20000};
    QTest::newRow("TestReplicaCalcDuringRollingUpdateWithMaxSurgeCM") << PlainCase{
        2, 2, {}, {}, {P::Running, P::Running, P::Running}, {10000, 10000}, 17000, 10000};
}

void TestAutoscalingReplicaCalculator::plainMetricReplicas() {
    QFETCH(PlainCase, tc);
    const std::vector<HpaPod> pods =
        makePods(tc.currentReplicas, tc.readiness, tc.startTimes, tc.phases, {}, {}, "cpu");
    HpaPodSamples samples;
    for (std::size_t i = 0; i < tc.levels.size(); ++i) {
        samples[podName(i)] = HpaPodSample{tc.levels[i], SimTime::zero(), SimTime::minutes(1)};
    }
    const HpaReplicaProposal p =
        getMetricReplicas(tc.currentReplicas, tc.targetUsage, "qps", HpaTolerances{}, pods, samples,
                          testSettings(), kNow);
    QVERIFY2(p.ok(), p.message.c_str());
    QCOMPARE(p.replicas, tc.expectedReplicas);
    QCOMPARE(p.usage, tc.expectedUsage);
}

void TestAutoscalingReplicaCalculator::objectAndExternalReplicas_data() {
    QTest::addColumn<ObjectCase>("tc");
    using K = ObjectKind;
    const bool T = true;
    const bool F = false;
    QTest::newRow("TestReplicaCalcScaleUpCMObject")
        << ObjectCase{K::ObjectValue, 3, 4, {}, 20000, 15000, 20000};
    QTest::newRow("TestReplicaCalcScaleUpCMPerPodObject")
        << ObjectCase{K::ObjectPerPod, 3, 4, {}, 20000, 5000, 6667};
    QTest::newRow("TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods")
        << ObjectCase{K::ObjectValue, 3, 5, {F, T, F}, 50000, 10000, 50000};
    QTest::newRow("TestReplicaCalcScaleUpCMExternalIgnoresUnreadyPods")
        << ObjectCase{K::ExternalValue, 3, 2, {F, T, F}, 8600, 4400, 8600};
    QTest::newRow("TestReplicaCalcScaleUpPerPodCMExternal")
        << ObjectCase{K::ExternalPerPod, 3, 4, {}, 8600, 2150, 2867};
    QTest::newRow("TestReplicaCalcScaleDownPerPodCMObject")
        << ObjectCase{K::ObjectPerPod, 5, 3, {}, 6000, 2000, 1200};
    QTest::newRow("TestReplicaCalcScaleDownCMObject")
        << ObjectCase{K::ObjectValue, 5, 3, {}, 12000, 20000, 12000};
    QTest::newRow("TestReplicaCalcScaleDownCMExternal")
        << ObjectCase{K::ExternalValue, 5, 3, {}, 8600, 14334, 8600};
    QTest::newRow("TestReplicaCalcScaleDownPerPodCMExternal")
        << ObjectCase{K::ExternalPerPod, 5, 3, {}, 8600, 2867, 1720};
    QTest::newRow("TestReplicaCalcToleranceCMObject")
        << ObjectCase{K::ObjectValue, 3, 3, {}, 20666, 20000, 20666};
    QTest::newRow("TestReplicaCalcTolerancePerPodCMObject")
        << ObjectCase{K::ObjectPerPod, 4, 4, {}, 20166, 5000, 5042};
    QTest::newRow("TestReplicaCalcToleranceCMExternal")
        << ObjectCase{K::ExternalValue, 3, 3, {}, 8600, 8888, 8600};
    QTest::newRow("TestReplicaCalcTolerancePerPodCMExternal")
        << ObjectCase{K::ExternalPerPod, 3, 3, {}, 8600, 2900, 2867};
}

void TestAutoscalingReplicaCalculator::objectAndExternalReplicas() {
    QFETCH(ObjectCase, tc);
    const std::vector<HpaPod> pods = makePods(tc.currentReplicas, tc.readiness, {}, {}, {}, {}, "");
    HpaReplicaProposal p;
    switch (tc.kind) {
    case ObjectKind::ObjectValue:
        p = getObjectMetricReplicas(tc.currentReplicas, tc.target, tc.level, "qps", HpaTolerances{},
                                    pods);
        break;
    case ObjectKind::ObjectPerPod:
        p = getObjectPerPodMetricReplicas(tc.currentReplicas, tc.target, tc.level, "qps",
                                          HpaTolerances{});
        break;
    case ObjectKind::ExternalValue:
        p = getExternalMetricReplicas(tc.currentReplicas, tc.target, {tc.level}, "qps",
                                      HpaTolerances{}, pods);
        break;
    case ObjectKind::ExternalPerPod:
        p = getExternalPerPodMetricReplicas(tc.currentReplicas, tc.target, {tc.level}, "qps",
                                            HpaTolerances{});
        break;
    }
    QVERIFY2(p.ok(), p.message.c_str());
    QCOMPARE(p.replicas, tc.expectedReplicas);
    QCOMPARE(p.usage, tc.expectedUsage);
}

// TestGroupPods (replica_calculator_test.go): the cases that do not depend on wall-clock drift.
void TestAutoscalingReplicaCalculator::groupPodsClasses() {
    const SimTime cpuInit = SimTime::minutes(2);
    const SimTime delay = SimTime::seconds(10);
    auto pod = [](const char* name, HpaPodPhase phase, std::optional<SimTime> start,
                  std::optional<bool> ready, SimTime transition) {
        HpaPod p;
        p.name = name;
        p.phase = phase;
        p.startTime = start;
        p.readyCondition = ready;
        p.readyLastTransition = transition;
        return p;
    };
    const SimTime now = kNow;
    const auto S = HpaPodPhase::Succeeded;

    // "count in a ready pod - memory"
    HpaPodGroups g =
        groupPods({pod("bentham", S, std::nullopt, std::nullopt, {})},
                  {{"bentham", {1, now, SimTime::minutes(1)}}}, "memory", cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 1);
    // "unready a pod without ready condition - CPU"
    g = groupPods({pod("lucretius", S, now, std::nullopt, {})}, {{"lucretius", {1, {}, {}}}}, "cpu",
                  cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 0);
    QCOMPARE(g.unready, std::set<std::string>{"lucretius"});
    // "count in a ready pod with fresh metrics during initialization period - CPU"
    g = groupPods({pod("bentham", S, now - SimTime::minutes(1), true, now - SimTime::seconds(30))},
                  {{"bentham", {1, now, SimTime::seconds(30)}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 1);
    // "unready a ready pod without fresh metrics during initialization period - CPU"
    g = groupPods({pod("bentham", S, now - SimTime::minutes(1), true, now - SimTime::seconds(30))},
                  {{"bentham", {1, now, SimTime::seconds(60)}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.unready, std::set<std::string>{"bentham"});
    // "unready an unready pod during initialization period - CPU"
    g = groupPods({pod("lucretius", S, now - SimTime::minutes(10), false,
                       now - SimTime::minutes(9) - SimTime::seconds(54))},
                  {{"lucretius", {1, {}, {}}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.unready, std::set<std::string>{"lucretius"});
    // "count in a ready pod without fresh metrics after initialization period - CPU"
    g = groupPods({pod("bentham", S, now - SimTime::minutes(3), true, now - SimTime::minutes(3))},
                  {{"bentham", {1, now - SimTime::minutes(2), SimTime::minutes(1)}}}, "cpu",
                  cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 1);
    // "count in an unready pod that was ready after initialization period - CPU"
    g = groupPods(
        {pod("lucretius", S, now - SimTime::minutes(10), false, now - SimTime::minutes(9))},
        {{"lucretius", {1, {}, {}}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 1);
    // "unready pod that has never been ready after initialization period - CPU"
    g = groupPods({pod("lucretius", S, now - SimTime::minutes(10), false,
                       now - SimTime::minutes(9) - SimTime::seconds(50))},
                  {{"lucretius", {1, {}, {}}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.readyPodCount, 1);
    // "a missing pod"
    g = groupPods({pod("epicurus", S, now - SimTime::minutes(3), std::nullopt, {})}, {}, "cpu",
                  cpuInit, delay, now);
    QCOMPARE(g.missing, std::set<std::string>{"epicurus"});
    // "several pods"
    g = groupPods({pod("lucretius", S, now, std::nullopt, {}),
                   pod("niccolo", S, now - SimTime::minutes(3), true, now - SimTime::minutes(3)),
                   pod("epicurus", S, now - SimTime::minutes(3), std::nullopt, {})},
                  {{"lucretius", {1, {}, {}}}, {"niccolo", {1, {}, {}}}}, "cpu", cpuInit, delay,
                  now);
    QCOMPARE(g.readyPodCount, 1);
    QCOMPARE(g.unready, std::set<std::string>{"lucretius"});
    QCOMPARE(g.missing, std::set<std::string>{"epicurus"});
    // "pending pods are unreadied"
    g = groupPods({pod("unscheduled", HpaPodPhase::Pending, std::nullopt, std::nullopt, {})}, {},
                  "cpu", cpuInit, delay, now);
    QCOMPARE(g.unready, std::set<std::string>{"unscheduled"});
    // "ignore pods with deletion timestamps"
    HpaPod deleted = pod("deleted", HpaPodPhase::Pending, std::nullopt, std::nullopt, {});
    deleted.deleting = true;
    g = groupPods({deleted}, {{"deleted", {1, {}, {}}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.ignored, std::set<std::string>{"deleted"});
    // "ignore pods in a failed state"
    g = groupPods({pod("failed", HpaPodPhase::Failed, std::nullopt, std::nullopt, {})},
                  {{"failed", {1, {}, {}}}}, "cpu", cpuInit, delay, now);
    QCOMPARE(g.ignored, std::set<std::string>{"failed"});
}

// TestCalculatePodRequests (replica_calculator_test.go).
void TestAutoscalingReplicaCalculator::calculatePodRequests() {
    HpaPod pod;
    pod.name = "test-pod";
    pod.containers = {HpaContainer{"container1", {{"cpu", 100}}, false},
                      HpaContainer{"container2", {{"cpu", 50}}, false}};
    // "pod with regular containers"
    QCOMPARE(calculateRequests({pod}, "", "cpu").byPod.at("test-pod"), std::int64_t{150});
    // "calculate requests with special container"
    QCOMPARE(calculateRequests({pod}, "container1", "cpu").byPod.at("test-pod"), std::int64_t{100});
    // "container missing requests"
    HpaPod bare;
    bare.name = "test-pod";
    bare.containers = {HpaContainer{"container1", {}, false}};
    const HpaRequests missing = calculateRequests({bare}, "", "cpu");
    QCOMPARE(missing.error, HpaCalcError::MissingRequest);
    QCOMPARE(missing.message,
             std::string("missing request for cpu in container container1 of Pod test-pod"));
    // "pod with restartable init containers": the plain init container does not count.
    HpaPod sidecar;
    sidecar.name = "test-pod";
    sidecar.containers = {HpaContainer{"container1", {{"cpu", 100}}, false},
                          HpaContainer{"restartable-container1", {{"cpu", 50}}, true}};
    QCOMPARE(calculateRequests({sidecar}, "", "cpu").byPod.at("test-pod"), std::int64_t{150});
    // A named container that does not exist.
    QCOMPARE(calculateRequests({pod}, "nope", "cpu").error, HpaCalcError::ContainerNotFound);
}

// KEP-4951 (behavior.scale{Up,Down}.tolerance): the band is [1 − down, 1 + up], inclusive.
// TestReplicaCalcScaleUp's ratio 50 / 30 = 1.667 scales with the default 0.1 but not with a
// scale-up tolerance of 0.7; a 0.0 scale-down tolerance makes 0.95 scale down.
void TestAutoscalingReplicaCalculator::perDirectionTolerance() {
    const std::vector<HpaPod> pods = makePods(3, {}, {}, {}, {}, cpus(3), "cpu");
    const HpaPodSamples samples = makeSamples(levels({300, 500, 700}), {}, "");
    HpaTolerances wide;
    wide.scaleUp = 0.7;
    QCOMPARE(
        getResourceReplicas(3, 30, "cpu", wide, pods, samples, "", testSettings(), kNow).replicas,
        3);
    QCOMPARE(
        getResourceReplicas(3, 30, "cpu", HpaTolerances{}, pods, samples, "", testSettings(), kNow)
            .replicas,
        5);
    HpaTolerances strictDown;
    strictDown.scaleDown = 0.0;
    QVERIFY(!strictDown.isWithin(0.95));
    QVERIFY(HpaTolerances{}.isWithin(0.9));
    QVERIFY(HpaTolerances{}.isWithin(1.1));
    QVERIFY(!HpaTolerances{}.isWithin(1.1000001));
}

// The explanation carries the truncated utilization and the ceil with its operands.
void TestAutoscalingReplicaCalculator::explanationNamesTheNumbers() {
    const std::vector<HpaPod> pods = makePods(5, {}, {}, {}, {}, cpus(5), "cpu");
    const HpaPodSamples samples = makeSamples(levels({100, 300, 500, 250, 250}), {}, "");
    const HpaReplicaProposal p =
        getResourceReplicas(5, 50, "cpu", HpaTolerances{}, pods, samples, "", testSettings(), kNow);
    const ExplainStep* util = p.explanation.find(ExplainCode::HpaResourceUtilization);
    QVERIFY(util != nullptr);
    QCOMPARE(renderEnglish(*util),
             std::string("cpu utilization = floor(100 × 2800m used / 10000m requested) = 28% of "
                         "request; target 50%, ratio 0.56"));
    const ExplainStep* proposal = p.explanation.find(ExplainCode::HpaProposalFromReady);
    QVERIFY(proposal != nullptr);
    QCOMPARE(renderEnglish(*proposal), std::string("desired = ceil(0.56 × 5 ready pods) = 3"));
    QCOMPARE(explainCodeName(ExplainCode::HpaResourceUtilization),
             std::string_view("hpa.resourceUtilization"));
}

QTEST_GUILESS_MAIN(TestAutoscalingReplicaCalculator)
#include "test_autoscaling_replicacalculator.moc"
