// Cluster autoscaler: the binpacking estimator, the expanders, scale-up, scale-down and the
// provisioning timeout, against cases from kubernetes/autoscaler cluster-autoscaler's own tests
// (each names its file and test) and the flag defaults of config/flags/flags.go.

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/autoscaling/binpackingestimator.h"
#include "control/autoscaling/expander.h"
#include "control/autoscaling/scaledown.h"
#include "control/autoscaling/scaleup.h"
#include "engine/random.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

// utils/test BuildTestPod(name, cpu millis, memory bytes).
CaPod pod(std::string name, std::int64_t milliCpu, std::int64_t memory, std::string key = {}) {
    CaPod p;
    p.name = std::move(name);
    p.cpu = CpuMillis{milliCpu};
    p.memory = Bytes{memory};
    p.equivalenceKey = std::move(key);
    return p;
}

std::vector<CaPod> copies(const CaPod& p, int n) {
    std::vector<CaPod> out;
    for (int i = 0; i < n; ++i) {
        CaPod c = p;
        c.name = p.name + "-" + std::to_string(i);
        out.push_back(c);
    }
    return out;
}

std::vector<const CaPod*> ptrs(const std::vector<CaPod>& pods) {
    std::vector<const CaPod*> out;
    for (const CaPod& p : pods) {
        out.push_back(&p);
    }
    return out;
}

CaNodeGroup group(std::string name, std::int64_t milliCpu, Bytes memory, int maxPods = 10) {
    CaNodeGroup g;
    g.name = std::move(name);
    g.minSize = 0;
    g.maxSize = 1000;
    g.machine.cpu = CpuMillis{milliCpu};
    g.machine.memory = memory;
    g.machine.maxPods = maxPods;
    return g;
}

constexpr std::int64_t MiB = 1024 * 1024;

// utils/test BuildTestNode(name, cpu millis, memory bytes), in node group ng1.
CaNode node(std::string name, std::int64_t milliCpu, std::int64_t memory,
            std::vector<CaPod> pods = {}) {
    CaNode n;
    n.name = std::move(name);
    n.group = "ng1";
    n.allocatableCpu = CpuMillis{milliCpu};
    n.allocatableMemory = Bytes{memory};
    n.pods = std::move(pods);
    return n;
}

CaNodeGroup ng1(int size, int min = 1, int max = 10) {
    CaNodeGroup g = group("ng1", 1000, Bytes{1000 * MiB});
    g.minSize = min;
    g.maxSize = max;
    g.targetSize = size;
    return g;
}

std::vector<std::string> names(const std::vector<CaNodeScaleDownStatus>& st,
                               CaUnremovableReason reason) {
    std::vector<std::string> out;
    for (const CaNodeScaleDownStatus& s : st) {
        if (s.reason == reason) {
            out.push_back(s.node);
        }
    }
    return out;
}

const SimTime t0 = SimTime::hours(1);

} // namespace

class TestAutoscalingClusterAutoscaler : public QObject {
    Q_OBJECT

private slots:
    void binpackingEstimate();
    void binpackingWithPredicates();
    void leastWaste();
    void leastWasteTieIsRandom();
    void priorityExpander();
    void priceExpander();
    void scaleUpChoosesAndCaps();
    void scaleUpSkipsWhatCannotHelp();
    void filterOutUnremovable();
    void nodeRequestSumsMatchThePods();
    void drainabilityRules();
    void scaleDownUnneededTimeAndCooldown();
    void scaleDownBudgetsAndMinSize();
    void scaleDownSimulatesMovedPods();
    void provisioningTimeoutAndBackoff();
    void clusterHealth();
};

// estimator/binpacking_estimator_test.go TestBinpackingEstimate, the resource-driven cases.
void TestAutoscalingClusterAutoscaler::binpackingEstimate() {
    // "simple resource-based binpacking": 350m/1000Mi pods on 1000m/2000Mi nodes → 2 per node.
    {
        const std::vector<CaPod> pods = copies(pod("estimatee", 350, 1000 * MiB, "e"), 10);
        const CaEstimate e =
            caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                 group("g", 350 * 3 - 50, Bytes{2 * 1000 * MiB}), 0, {});
        QCOMPARE(e.nodeCount, 5);
        QCOMPARE(e.scheduled.size(), std::size_t{10});
    }
    // "pods-per-node bound binpacking": 10 pods per node at most.
    {
        const std::vector<CaPod> pods = copies(pod("estimatee", 10, 100 * MiB, "e"), 20);
        const CaEstimate e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                                  group("g", 10000, Bytes{20000 * MiB}), 0, {});
        QCOMPARE(e.nodeCount, 2);
        QCOMPARE(e.scheduled.size(), std::size_t{20});
    }
    // "limiter cuts binpacking": at most 5 new nodes.
    {
        const std::vector<CaPod> pods = copies(pod("estimatee", 500, 1000 * MiB, "e"), 20);
        const CaEstimate e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                                  group("g", 1000, Bytes{5000 * MiB}), 5, {});
        QCOMPARE(e.nodeCount, 5);
        QCOMPARE(e.scheduled.size(), std::size_t{10});
        QVERIFY(e.limited);
    }
    // "decreasing ordered pods are processed first": the big group fills the 5 nodes.
    {
        std::vector<CaPod> pods = copies(pod("small", 50, 1000 * MiB, "small"), 10);
        const std::vector<CaPod> big = copies(pod("big", 500, 1000 * MiB, "big"), 10);
        pods.insert(pods.end(), big.begin(), big.end());
        const CaEstimate e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                                  group("g", 1000, Bytes{5000 * MiB}), 5, {});
        QCOMPARE(e.nodeCount, 5);
        QCOMPARE(e.scheduled.size(), std::size_t{10});
        for (const CaPod* p : e.scheduled) {
            QCOMPARE(p->equivalenceKey, std::string("big"));
        }
    }
    // A pod bigger than the template never creates a node ("empty last node" rule).
    {
        const std::vector<CaPod> pods = {pod("huge", 5000, 1 * MiB)};
        const CaEstimate e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                                  group("g", 1000, Bytes{MiB}), 0, {});
        QCOMPARE(e.nodeCount, 0);
    }
}

// The same test's predicate-driven cases, with the scheduler's verdict given as a callback.
void TestAutoscalingClusterAutoscaler::binpackingWithPredicates() {
    // "hostport conflict forces pod-per-node": NodePorts rejects a second pod on a node.
    const CaPredicate hostPort = [](const CaPod& p, const CaSimNode& n) {
        return caResourcesFit(p, n) && n.pods.empty();
    };
    const std::vector<CaPod> pods = copies(pod("estimatee", 200, 1000 * MiB, "e"), 8);
    CaEstimate e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(pods)),
                                        group("g", 1000, Bytes{5000 * MiB}), 0, hostPort);
    QCOMPARE(e.nodeCount, 8);
    QCOMPARE(e.scheduled.size(), std::size_t{8});
    // "hostname topology spreading with maxSkew=2 forces 2 pods/node" (an existing node of
    // another zone holds none of them, so each new node may take two).
    const CaPredicate spread = [](const CaPod& p, const CaSimNode& n) {
        return caResourcesFit(p, n) && n.pods.size() < 2;
    };
    const std::vector<CaPod> spreadPods = copies(pod("estimatee", 200, 200 * MiB, "e"), 8);
    e = caBinpackingEstimate(caGroupEquivalentPods(ptrs(spreadPods)),
                             group("g", 1000, Bytes{5000 * MiB}), 0, spread);
    QCOMPARE(e.nodeCount, 4);
    QCOMPARE(e.scheduled.size(), std::size_t{8});
}

// expander/waste/waste_test.go TestLeastWaste.
void TestAutoscalingClusterAutoscaler::leastWaste() {
    const std::int64_t cpuPerPod = 500;
    const std::int64_t memoryPerPod = 1000 * MiB;
    const CaNodeGroup balanced = group("balanced", 16 * cpuPerPod, Bytes{16 * memoryPerPod}, 100);
    const CaNodeGroup highmem = group("highmem", 16 * cpuPerPod, Bytes{32 * memoryPerPod}, 100);
    const CaNodeGroup lowcpu = group("lowcpu", 8 * cpuPerPod, Bytes{16 * memoryPerPod}, 100);
    const CaPod p = pod("pod", cpuPerPod, memoryPerPod);

    // Without any pods, one option.
    std::vector<CaExpansionOption> options{{&balanced, 1, {}}};
    QCOMPARE(caChooseOption(options, CaExpanderConfig{}, 1, nullptr).chosen, std::size_t{0});
    // One pod, one option.
    options = {{&balanced, 1, {&p}}};
    QCOMPARE(caChooseOption(options, CaExpanderConfig{}, 1, nullptr).chosen, std::size_t{0});
    // Lots of RAM wastes more than less RAM.
    options = {{&balanced, 1, {&p}}, {&highmem, 1, {&p}}};
    QCOMPARE(caChooseOption(options, CaExpanderConfig{}, 1, nullptr).chosen, std::size_t{0});
    // Less CPU wastes least of the three.
    options = {{&balanced, 1, {&p}}, {&highmem, 1, {&p}}, {&lowcpu, 1, {&p}}};
    const CaExpanderChoice c = caChooseOption(options, CaExpanderConfig{}, 1, nullptr);
    QCOMPARE(c.chosen, std::size_t{2});
    QCOMPARE(c.decidedBy, std::string("least-waste"));
    const ExplainStep* score = c.explanation.find(ExplainCode::CaWasteScore);
    QVERIFY(score != nullptr);
    QCOMPARE(renderEnglish(*score),
             std::string("least-waste: balanced × 1 wastes 0.9375 of CPU and 0.9375 of memory, "
                         "score 1.875"));
}

// Equal waste falls through to random (factory/chain.go), drawn from the named stream only.
void TestAutoscalingClusterAutoscaler::leastWasteTieIsRandom() {
    const CaNodeGroup a = group("a", 1000, Bytes{1000 * MiB});
    const CaNodeGroup b = group("b", 1000, Bytes{1000 * MiB});
    const CaPod p = pod("pod", 500, 500 * MiB);
    const std::vector<CaExpansionOption> options{{&a, 1, {&p}}, {&b, 1, {&p}}};
    RandomStream r1(42, "cluster-autoscaler/expander");
    RandomStream r2(42, "cluster-autoscaler/expander");
    std::vector<std::size_t> first;
    std::vector<std::size_t> second;
    for (int i = 0; i < 20; ++i) {
        first.push_back(*caChooseOption(options, CaExpanderConfig{}, 1, &r1).chosen);
        second.push_back(*caChooseOption(options, CaExpanderConfig{}, 1, &r2).chosen);
    }
    QCOMPARE(first, second);
    QVERIFY(std::count(first.begin(), first.end(), 0) > 0);
    QVERIFY(std::count(first.begin(), first.end(), 1) > 0);
    const CaExpanderChoice c = caChooseOption(options, CaExpanderConfig{}, 1, &r1);
    QCOMPARE(c.decidedBy, std::string("random"));
}

// expander/priority/priority_test.go: its ConfigMap (5: t2.micro; 10: t2.large, t3.large;
// 50: m4.4xlarge) picks the highest matching priority, keeps ties, ignores unmatched groups,
// and falls back to every option when none matches.
void TestAutoscalingClusterAutoscaler::priorityExpander() {
    const std::map<int, std::vector<std::string>> priorities{
        {5, {".*t2\\.micro.*"}},
        {10, {".*t2\\.large.*", ".*t3\\.large.*"}},
        {50, {".*m4\\.4xlarge.*"}},
    };
    const CaNodeGroup micro = group("t2.micro", 1000, Bytes{MiB});
    const CaNodeGroup t2large = group("t2.large", 1000, Bytes{MiB});
    const CaNodeGroup t3large = group("t3.large", 1000, Bytes{MiB});
    const CaNodeGroup m4 = group("m4.4xlarge", 1000, Bytes{MiB});
    const CaNodeGroup other = group("other", 1000, Bytes{MiB});
    std::vector<CaExpansionOption> options{{&micro, 1, {}}, {&t2large, 1, {}}, {&m4, 1, {}}};
    QCOMPARE(caPriority(options, {0, 1, 2}, priorities, nullptr), (std::vector<std::size_t>{2}));
    options = {{&micro, 1, {}}, {&t2large, 1, {}}, {&t3large, 1, {}}};
    QCOMPARE(caPriority(options, {0, 1, 2}, priorities, nullptr), (std::vector<std::size_t>{1, 2}));
    options = {{&other, 1, {}}, {&micro, 1, {}}};
    QCOMPARE(caPriority(options, {0, 1}, priorities, nullptr), (std::vector<std::size_t>{1}));
    options = {{&other, 1, {}}};
    QCOMPARE(caPriority(options, {0}, priorities, nullptr), (std::vector<std::size_t>{0}));

    CaExpanderConfig config;
    config.chain = {CaExpanderKind::Priority, CaExpanderKind::LeastWaste};
    config.priorities = priorities;
    options = {{&micro, 1, {}}, {&m4, 1, {}}};
    const CaExpanderChoice c = caChooseOption(options, config, 1, nullptr);
    QCOMPARE(c.chosen, std::size_t{1});
    QCOMPARE(c.decidedBy, std::string("priority"));
}

// expander/price/price.go: (node price + stabilization) / (pod price + stabilization) times the
// suppressed unfitness against preferred.go's node size; a group that does not exist yet costs
// twice as much.
void TestAutoscalingClusterAutoscaler::priceExpander() {
    QCOMPARE(caPreferredNodeCpu(2).value, std::int64_t{1000});
    QCOMPARE(caPreferredNodeCpu(7).value, std::int64_t{4000});
    QCOMPARE(caPreferredNodeCpu(500).value, std::int64_t{32000});
    QCOMPARE(caNodeUnfitness(CpuMillis{4000}, CpuMillis{1000}), 4.0);
    QCOMPARE(caNodeUnfitness(CpuMillis{4000}, CpuMillis{8000}), 2.0);

    CaNodeGroup cheap = group("cheap", 4000, Bytes::gibibytes(16));
    cheap.pricePerHour = 0.10;
    CaNodeGroup dear = group("dear", 4000, Bytes::gibibytes(16));
    dear.pricePerHour = 0.40;
    const CaPod p = pod("pod", 1000, 1024 * MiB);
    std::vector<CaExpansionOption> options{{&dear, 1, {&p}}, {&cheap, 1, {&p}}};
    CaExpanderConfig config;
    config.chain = {CaExpanderKind::Price};
    QCOMPARE(caChooseOption(options, config, 10, nullptr).chosen, std::size_t{1});
    // The same machine, not yet created: notExistCoeficient doubles its score.
    cheap.exists = false;
    cheap.pricePerHour = 0.30;
    QCOMPARE(caChooseOption(options, config, 10, nullptr).chosen, std::size_t{0});
    // The score with the numbers: 0.4 + stabilization over pod + stabilization, unfitness 1.
    Explanation x;
    caPrice(options, {0}, config.pricing, 10, &x);
    const CaPricing pricing;
    const double stab = pricing.podPrice(CpuMillis{500}, Bytes::mebibytes(500));
    const double expected =
        (0.4 + stab) / (pricing.podPrice(CpuMillis{1000}, Bytes::gibibytes(1)) + stab);
    const auto* score = std::get_if<double>(&x.steps[0].param("score")->value.value);
    QVERIFY(score != nullptr);
    QVERIFY(std::abs(*score - expected) < 1e-12);
}

// core/scaleup/orchestrator/orchestrator_test.go, in miniature: the expander picks among the
// groups that help, the estimate stops at the group's max size and at --max-nodes-total.
void TestAutoscalingClusterAutoscaler::scaleUpChoosesAndCaps() {
    CaScaleUpInput in;
    CaNodeGroup small = group("ng-small", 1000, Bytes{2000 * MiB});
    small.maxSize = 3;
    small.targetSize = 1;
    CaNodeGroup large = group("ng-large", 2000, Bytes{5000 * MiB});
    large.maxSize = 10;
    large.targetSize = 1;
    in.groups = {small, large};
    in.pendingPods = copies(pod("web", 500, 1000 * MiB, "web"), 6);
    in.clusterNodeCount = 2;
    CaScaleUpResult r = caComputeScaleUp(in, nullptr);
    QVERIFY(r.scaledUp);
    QCOMPARE(r.options.size(), std::size_t{2});
    // ng-small may add 2 nodes (max 3), fitting 4 pods with no waste; ng-large would take all
    // 6 pods on 2 nodes but leave a quarter of the CPU and 40 % of the memory idle.
    QCOMPARE(r.options[0].nodeCount, 2);
    QCOMPARE(r.options[0].pods.size(), std::size_t{4});
    QCOMPARE(r.options[1].nodeCount, 2);
    QCOMPARE(r.options[1].pods.size(), std::size_t{6});
    QCOMPARE(r.group, std::string("ng-small"));
    QCOMPARE(r.expander, std::string("least-waste"));
    QCOMPARE(r.fromSize, 1);
    QCOMPARE(r.toSize, 3);
    QCOMPARE(r.helpedPods.size(), std::size_t{4});
    QCOMPARE(r.remainingPods.size(), std::size_t{2});
    QVERIFY(r.explanation.has(ExplainCode::CaScaleUp));

    // --max-nodes-total 3: one more node only.
    in.maxNodesTotal = 3;
    r = caComputeScaleUp(in, nullptr);
    QCOMPARE(r.toSize - r.fromSize, 1);
    QCOMPARE(r.remainingPods.size(), std::size_t{4});
    in.clusterNodeCount = 3;
    r = caComputeScaleUp(in, nullptr);
    QVERIFY(!r.scaledUp);
    QVERIFY(r.explanation.has(ExplainCode::CaMaxNodesTotalReached));
}

void TestAutoscalingClusterAutoscaler::scaleUpSkipsWhatCannotHelp() {
    CaScaleUpInput in;
    CaNodeGroup full = group("ng-full", 4000, Bytes{8000 * MiB});
    full.maxSize = 2;
    full.targetSize = 2;
    CaNodeGroup tiny = group("ng-tiny", 250, Bytes{500 * MiB});
    tiny.maxSize = 5;
    in.groups = {full, tiny};
    in.pendingPods = {pod("web", 500, 100 * MiB)};
    CaPod expendable = pod("batch", 100, 100 * MiB);
    expendable.priority = -100;
    in.pendingPods.push_back(expendable);
    const CaScaleUpResult r = caComputeScaleUp(in, nullptr);
    QVERIFY(!r.scaledUp);
    QVERIFY(r.explanation.has(ExplainCode::CaGroupAtMaxSize));
    QVERIFY(r.explanation.has(ExplainCode::CaNoPodFitsGroup));
    QVERIFY(r.explanation.has(ExplainCode::CaPodExpendable));
    QVERIFY(r.explanation.has(ExplainCode::CaPodNotHelped));
    QCOMPARE(r.remainingPods.size(), std::size_t{2});
}

// core/scaledown/eligibility/eligibility_test.go TestFilterOutUnremovable (threshold 0.5,
// BuildTestNode(name, 1000m, 10 bytes)).
void TestAutoscalingClusterAutoscaler::filterOutUnremovable() {
    CaScaleDownSettings s;
    CaPod bigPod = pod("bigPod", 600, 0);
    CaPod smallPod = pod("smallPod", 100, 0);
    CaPod dsPod = pod("dsPod", 500, 0);
    dsPod.owner = CaOwnerKind::DaemonSet;
    auto reason = [&](const CaNode& n) { return caEligibility(n, true, s, nullptr); };

    // "regular node stays"
    QCOMPARE(reason(node("regular", 1000, 10)), CaUnremovableReason::NoReason);
    // "recently deleted node is filtered out"
    CaNode justDeleted = node("justDeleted", 1000, 10);
    justDeleted.beingDeleted = true;
    QCOMPARE(reason(justDeleted), CaUnremovableReason::CurrentlyBeingDeleted);
    // "marked no scale down is filtered out"
    CaNode noScaleDown = node("noScaleDown", 1000, 10);
    noScaleDown.scaleDownDisabled = true;
    QCOMPARE(reason(noScaleDown), CaUnremovableReason::ScaleDownDisabledAnnotation);
    // "highly utilized node is filtered out"
    QCOMPARE(reason(node("regular", 1000, 10, {bigPod})), CaUnremovableReason::NotUnderutilized);
    // "underutilized node stays"
    QCOMPARE(reason(node("regular", 1000, 10, {smallPod})), CaUnremovableReason::NoReason);
    // "unready node stays" / "... filtered out when scale-down of unready is disabled"
    CaNode unready = node("unready", 1000, 10);
    unready.ready = false;
    QCOMPARE(reason(unready), CaUnremovableReason::NoReason);
    s.scaleDownUnreadyEnabled = false;
    QCOMPARE(reason(unready), CaUnremovableReason::ScaleDownUnreadyDisabled);
    s.scaleDownUnreadyEnabled = true;
    // "high utilization daemonsets node is filtered out" / "... stays" when ignored:
    // 600m of 1000m, or 100m of 1000m − 500m.
    const CaNode withDs = node("regular", 1000, 10, {smallPod, dsPod});
    QCOMPARE(reason(withDs), CaUnremovableReason::NotUnderutilized);
    s.ignoreDaemonSetsUtilization = true;
    QCOMPARE(reason(withDs), CaUnremovableReason::NoReason);
    CaUtilization u;
    caEligibility(withDs, true, s, &u);
    QCOMPARE(u.cpu, 0.2);
    QCOMPARE(u.resource, std::string("cpu"));
    s.ignoreDaemonSetsUtilization = false;
    // Exactly at the threshold is underutilized (the code rejects only "> threshold").
    QCOMPARE(reason(node("half", 1000, 10, {pod("p", 500, 0)})), CaUnremovableReason::NoReason);
    // Memory decides when it is the larger fraction.
    caEligibility(node("m", 1000, 1000, {pod("p", 100, 700)}), true, s, &u);
    QCOMPARE(u.resource, std::string("memory"));
    QCOMPARE(u.utilization, 0.7);
}

// simulator/utilization/info.go Calculate, pod by pod: what the sums CaNode::setPods keeps
// must give.
CaUtilization utilizationPodByPod(const CaNode& node, bool ignoreDaemonSets, bool ignoreMirror) {
    std::int64_t cpu = 0;
    std::int64_t memory = 0;
    std::int64_t skippedCpu = 0;
    std::int64_t skippedMemory = 0;
    for (const CaPod& p : node.pods) {
        if ((ignoreDaemonSets && p.owner == CaOwnerKind::DaemonSet) || (ignoreMirror && p.mirror)) {
            skippedCpu += p.cpu.value;
            skippedMemory += p.memory.value;
            continue;
        }
        if (p.longTerminating) {
            continue;
        }
        cpu += p.cpu.value;
        memory += p.memory.value;
    }
    const auto ratio = [](std::int64_t used, std::int64_t allocatable) {
        return allocatable <= 0 ? 0.0
                                : static_cast<double>(used) / static_cast<double>(allocatable);
    };
    CaUtilization u;
    u.cpu = ratio(cpu, node.allocatableCpu.value - skippedCpu);
    u.memory = ratio(memory, node.allocatableMemory.value - skippedMemory);
    u.utilization = std::max(u.cpu, u.memory);
    u.resource = u.cpu > u.memory ? "cpu" : "memory";
    return u;
}

// A scan reads each node's request sums, kept with its pods (CaNode::setPods), rather than every
// pod: after random pods are added, removed and moved between nodes, every node's utilization
// must be the pod-by-pod one, whichever kinds of pods are left out.
void TestAutoscalingClusterAutoscaler::nodeRequestSumsMatchThePods() {
    std::mt19937_64 random(20261128);
    const auto below = [&](std::uint64_t n) { return static_cast<std::size_t>(random() % n); };
    std::vector<CaNode> nodes;
    for (int i = 0; i < 6; ++i) {
        nodes.push_back(node("n" + std::to_string(i), 8000, 32000 * MiB));
        nodes.back().setPods({});
    }
    int made = 0;
    const auto randomPod = [&] {
        CaPod p = pod("p" + std::to_string(made++), static_cast<std::int64_t>(below(700)),
                      static_cast<std::int64_t>(below(900)) * MiB);
        p.owner = below(4) == 0 ? CaOwnerKind::DaemonSet : CaOwnerKind::ReplicaSet;
        p.mirror = below(5) == 0;
        p.longTerminating = below(6) == 0;
        return p;
    };
    for (int step = 0; step < 3000; ++step) {
        CaNode& from = nodes[below(nodes.size())];
        CaNode& to = nodes[below(nodes.size())];
        std::vector<CaPod> pods = from.pods;
        const std::size_t op = below(3);
        if (op == 0 || pods.empty()) {
            pods.push_back(randomPod());
            from.setPods(pods);
        } else {
            const std::size_t i = below(pods.size());
            const CaPod moved = pods[i];
            pods.erase(pods.begin() + static_cast<std::ptrdiff_t>(i));
            from.setPods(pods);
            if (op == 2 && &from != &to) {
                std::vector<CaPod> onTo = to.pods;
                onTo.push_back(moved);
                to.setPods(onTo);
            }
        }
        for (const CaNode& n : nodes) {
            QVERIFY(n.requests.has_value());
            for (const bool ds : {false, true}) {
                for (const bool mirror : {false, true}) {
                    const CaUtilization kept = caNodeUtilization(n, ds, mirror);
                    const CaUtilization walked = utilizationPodByPod(n, ds, mirror);
                    QCOMPARE(kept.cpu, walked.cpu);
                    QCOMPARE(kept.memory, walked.memory);
                    QCOMPARE(kept.utilization, walked.utilization);
                    QCOMPARE(kept.resource, walked.resource);
                }
            }
        }
    }
}

// simulator/drainability/rules: each rule in upstream's order.
void TestAutoscalingClusterAutoscaler::drainabilityRules() {
    const CaScaleDownSettings s;
    CaDrainCallbacks noPdb;
    using O = CaDrainOutcome;
    using R = CaBlockingPodReason;
    auto check = [&](const CaPod& p, const CaDrainCallbacks& cb) {
        return caDrainability(p, s, cb);
    };

    CaPod rs = pod("rs", 100, 0);
    QCOMPARE(check(rs, noPdb).outcome, O::Drain);
    CaPod bare = rs;
    bare.owner = CaOwnerKind::None;
    QCOMPARE(check(bare, noPdb).reason, R::NotReplicated);
    CaPod ds = rs;
    ds.owner = CaOwnerKind::DaemonSet;
    QCOMPARE(check(ds, noPdb).outcome, O::Skip);
    CaPod mirror = bare;
    mirror.mirror = true;
    QCOMPARE(check(mirror, noPdb).outcome, O::Skip);
    CaPod system = rs;
    system.nameSpace = "kube-system";
    QCOMPARE(check(system, noPdb).reason, R::UnmovableKubeSystemPod);
    CaDrainCallbacks withPdb;
    withPdb.hasPdb = [](const CaPod&) { return true; };
    withPdb.evictionAllowed = [](const CaPod&) { return true; };
    QCOMPARE(check(system, withPdb).outcome, O::Drain);
    CaDrainCallbacks exhausted = withPdb;
    exhausted.evictionAllowed = [](const CaPod&) { return false; };
    QCOMPARE(check(rs, exhausted).reason, R::NotEnoughPdb);
    CaPod local = rs;
    local.localStorage = true;
    QCOMPARE(check(local, noPdb).reason, R::LocalStorageRequested);
    local.safeToEvictLocalVolumes = true;
    QCOMPARE(check(local, noPdb).outcome, O::Drain);
    CaPod notSafe = rs;
    notSafe.safeToEvict = false;
    QCOMPARE(check(notSafe, noPdb).reason, R::NotSafeToEvictAnnotation);
    // safe-to-evict=true lets even a bare pod with local storage go.
    CaPod safe = bare;
    safe.localStorage = true;
    safe.safeToEvict = true;
    QCOMPARE(check(safe, noPdb).outcome, O::Drain);
    CaPod done = bare;
    done.terminal = true;
    QCOMPARE(check(done, noPdb).outcome, O::Skip);
}

// core/scaledown/unneeded: 10 minutes unneeded before removal; scale-down paused for
// scale-down-delay-after-add after a scale-up, while the timers keep running.
void TestAutoscalingClusterAutoscaler::scaleDownUnneededTimeAndCooldown() {
    CaScaleDownPlanner planner;
    CaScaleDownInput in;
    in.groups = {ng1(3)};
    in.nodes = {node("n1", 1000, 1000 * MiB, {pod("a", 300, 100 * MiB)}),
                node("n2", 1000, 1000 * MiB, {pod("b", 600, 100 * MiB)}),
                node("n3", 1000, 1000 * MiB, {pod("c", 100, 100 * MiB)})};
    planner.recordScaleUp(t0 - SimTime::minutes(5));
    in.now = t0;
    CaScaleDownResult r = planner.update(in);
    QVERIFY(r.inCooldown);
    QCOMPARE(r.cooldownReason, std::string("scaleDownDelayAfterAdd"));
    QCOMPARE(r.cooldownUntil, t0 + SimTime::minutes(5));
    QCOMPARE(names(r.nodes, CaUnremovableReason::NotUnderutilized), std::vector<std::string>{"n2"});
    QCOMPARE(*planner.unneededSince("n1"), t0);
    QCOMPARE(*planner.unneededSince("n3"), t0);

    in.now = t0 + SimTime::minutes(9);
    r = planner.update(in);
    QVERIFY(!r.inCooldown);
    QVERIFY(r.deleteEmpty.empty() && r.drain.empty());
    QCOMPARE(names(r.nodes, CaUnremovableReason::NotUnneededLongEnough),
             (std::vector<std::string>{"n1", "n3"}));

    in.now = t0 + SimTime::minutes(10);
    r = planner.update(in);
    // One drain at a time (max-drain-parallelism 1): the first unneeded in input order.
    QCOMPARE(r.drain, std::vector<std::string>{"n1"});
    QVERIFY(r.explanation.has(ExplainCode::CaBudgetExhausted));

    // A node that stops being unneeded loses its timer.
    in.nodes[0].pods.push_back(pod("d", 500, 100 * MiB));
    r = planner.update(in);
    QVERIFY(!planner.unneededSince("n1").has_value());
}

// budgets.go: empty nodes go together (up to max-scale-down-parallelism); the group keeps its
// minimum size.
void TestAutoscalingClusterAutoscaler::scaleDownBudgetsAndMinSize() {
    CaScaleDownPlanner planner;
    CaScaleDownInput in;
    in.groups = {ng1(4, 2)};
    CaPod ds = pod("ds", 50, 10 * MiB);
    ds.owner = CaOwnerKind::DaemonSet;
    in.nodes = {node("n1", 1000, 1000 * MiB, {ds}), node("n2", 1000, 1000 * MiB, {ds}),
                node("n3", 1000, 1000 * MiB, {ds}),
                node("n4", 1000, 1000 * MiB, {pod("web", 700, 100 * MiB)})};
    in.now = t0;
    planner.update(in);
    in.now = t0 + SimTime::minutes(10);
    CaScaleDownResult r = planner.update(in);
    // Four nodes, minimum two: two empty nodes go, the third is kept for the minimum.
    QCOMPARE(r.deleteEmpty, (std::vector<std::string>{"n1", "n2"}));
    QCOMPARE(names(r.nodes, CaUnremovableReason::NodeGroupMinSizeReached),
             std::vector<std::string>{"n3"});
    QVERIFY(r.nodes[0].empty);
    QVERIFY(r.explanation.has(ExplainCode::CaGroupMinSizeReached));

    // With the parallelism at one, only one empty node goes per scan.
    in.settings.maxScaleDownParallelism = 1;
    in.groups = {ng1(4, 0)};
    r = planner.update(in);
    QCOMPARE(r.deleteEmpty, std::vector<std::string>{"n1"});
}

// The removal simulation: pods need a place elsewhere, and a node found removable takes no
// pods (its own moved), so of two nodes 40 % full only one can go.
void TestAutoscalingClusterAutoscaler::scaleDownSimulatesMovedPods() {
    CaScaleDownPlanner planner;
    CaScaleDownInput in;
    in.groups = {ng1(2, 0)};
    in.nodes = {node("n1", 1000, 1000 * MiB, {pod("a", 400, 100 * MiB)}),
                node("n2", 1000, 1000 * MiB, {pod("b", 400, 100 * MiB)})};
    in.now = t0;
    CaScaleDownResult r = planner.update(in);
    QVERIFY(r.nodes[0].unneededSince.has_value());
    QCOMPARE(r.nodes[1].reason, CaUnremovableReason::NoPlaceToMovePods);
    QCOMPARE(r.nodes[1].blockingPod, std::string("b"));

    // A bare pod blocks its node.
    in.nodes[0].pods[0].owner = CaOwnerKind::None;
    r = planner.update(in);
    QCOMPARE(r.nodes[0].reason, CaUnremovableReason::BlockedByPod);
    QCOMPARE(r.nodes[0].blockingReason, CaBlockingPodReason::NotReplicated);
    QVERIFY(r.nodes[1].unneededSince.has_value());

    // The scheduler's verdict is a callback: a predicate that rejects every move keeps both.
    in.nodes[0].pods[0].owner = CaOwnerKind::ReplicaSet;
    in.predicate = [](const CaPod&, const CaSimNode&) { return false; };
    r = planner.update(in);
    QCOMPARE(names(r.nodes, CaUnremovableReason::NoPlaceToMovePods),
             (std::vector<std::string>{"n1", "n2"}));
}

// clusterstate.go: a scale-up whose nodes do not register within max-node-provision-time
// (15 min) is given up on and the group backs off 5 min, doubling on the next failure.
void TestAutoscalingClusterAutoscaler::provisioningTimeoutAndBackoff() {
    CaScaleUpTracker tracker;
    tracker.requested("ng1", 3, t0);
    tracker.registered("ng1", 2);
    QCOMPARE(tracker.upcomingNodes("ng1"), 1);
    QVERIFY(tracker.expire(t0 + SimTime::minutes(15), nullptr).empty());
    Explanation x;
    auto out = tracker.expire(t0 + SimTime::minutes(15) + SimTime::seconds(10), &x);
    QCOMPARE(out.size(), std::size_t{1});
    QCOMPARE(out[0].missingNodes, 1);
    QVERIFY(x.has(ExplainCode::CaScaleUpTimedOut));
    const SimTime failed = t0 + SimTime::minutes(15) + SimTime::seconds(10);
    QVERIFY(tracker.backedOff("ng1", failed + SimTime::minutes(4)));
    QVERIFY(!tracker.backedOff("ng1", failed + SimTime::minutes(5)));

    tracker.requested("ng1", 1, failed + SimTime::minutes(6));
    const SimTime second = failed + SimTime::minutes(6) + SimTime::minutes(16);
    out = tracker.expire(second, nullptr);
    QCOMPARE(out.size(), std::size_t{1});
    QVERIFY(tracker.backedOff("ng1", second + SimTime::minutes(9)));
    QVERIFY(!tracker.backedOff("ng1", second + SimTime::minutes(10)));
    QCOMPARE(tracker.backedOffGroups(second), std::set<std::string>{"ng1"});
}

// clusterstate.go IsClusterHealthy: more than max(3, 45 %) unready nodes stops the autoscaler.
void TestAutoscalingClusterAutoscaler::clusterHealth() {
    QVERIFY(caClusterHealthy(4, 3));
    QVERIFY(caClusterHealthy(20, 9));
    QVERIFY(!caClusterHealthy(20, 10));
    QVERIFY(!caClusterHealthy(5, 4));
}

QTEST_GUILESS_MAIN(TestAutoscalingClusterAutoscaler)
#include "test_autoscaling_clusterautoscaler.moc"
