// NodeResourcesFit (filter, LeastAllocated, MostAllocated) and
// NodeResourcesBalancedAllocation against upstream's own cases
// (pkg/scheduler/framework/plugins/noderesources/*_test.go). Upstream's "cpu": "4000" is
// 4000 cores; only ratios matter, so the rows use the same numbers as millicores.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "control/scheduling/noderesources.h"
#include "schedulingtestutil.h"
#endif

using namespace cnsim;
using namespace cnsim::testing;

using Longs = QList<qint64>;

namespace {

// nodes: cpu,memory pairs; existing: node,cpu,memory triples; pod: cpu,memory per container.
struct Setup {
    PodFactory pods;
    SchedulerClusterView view;
    SchedulerPodInfo pod;
};

void build(Setup& s, const Longs& nodes, const Longs& existing, const Longs& pod) {
    for (qsizetype i = 0; i + 1 < nodes.size(); i += 2) {
        s.view.addNode(node("node" + std::to_string(i / 2 + 1), nodes[i], nodes[i + 1]));
    }
    for (qsizetype i = 0; i + 2 < existing.size(); i += 3) {
        const auto n = static_cast<std::size_t>(existing[i]);
        const auto p = s.pods.pod("e" + std::to_string(i), {{existing[i + 1], existing[i + 2]}});
        s.view.addPod(s.view.nodes()[n].name, p);
    }
    std::vector<Req> containers;
    for (qsizetype i = 0; i + 1 < pod.size(); i += 2) {
        containers.push_back({pod[i], pod[i + 1]});
    }
    s.pod = s.pods.pod("p", containers);
}

Longs toLongs(const std::vector<std::int64_t>& v) {
    Longs out;
    for (const auto x : v) {
        out.push_back(x);
    }
    return out;
}

} // namespace

class TestSchedulingResources : public QObject {
    Q_OBJECT

private slots:
    void leastAllocated_data();
    void leastAllocated();
    void mostAllocated_data();
    void mostAllocated();
    void balancedAllocation_data();
    void balancedAllocation();
    void fitFilter_data();
    void fitFilter();
    void missingRequestsUseScoringDefaults();
};

void TestSchedulingResources::leastAllocated_data() {
    QTest::addColumn<Longs>("nodes");
    QTest::addColumn<Longs>("existing");
    QTest::addColumn<Longs>("pod");
    QTest::addColumn<Longs>("expected");
    // least_allocated_test.go TestLeastAllocatedScoringStrategy, case names verbatim.
    QTest::newRow("nothing scheduled, nothing requested")
        << Longs{4000, 10000, 4000, 10000} << Longs{} << Longs{} << Longs{100, 100};
    QTest::newRow("nothing scheduled, resources requested, differently sized nodes")
        << Longs{4000, 10000, 6000, 10000} << Longs{} << Longs{1000, 2000, 2000, 3000}
        << Longs{37, 50};
    QTest::newRow("no resources requested, pods scheduled with resources")
        << Longs{10000, 20000, 10000, 20000}
        << Longs{0, 3000, 0, 0, 3000, 0, 1, 3000, 0, 1, 3000, 5000} << Longs{} << Longs{70, 57};
    QTest::newRow("resources requested, pods scheduled with resources")
        << Longs{10000, 20000, 10000, 20000} << Longs{0, 3000, 0, 1, 3000, 5000}
        << Longs{1000, 2000, 2000, 3000} << Longs{57, 45};
    QTest::newRow("resources requested, pods scheduled with resources, differently sized nodes")
        << Longs{10000, 20000, 10000, 50000} << Longs{0, 3000, 0, 1, 3000, 5000}
        << Longs{1000, 2000, 2000, 3000} << Longs{57, 60};
    QTest::newRow("requested resources exceed node capacity")
        << Longs{4000, 10000, 4000, 10000} << Longs{0, 3000, 0, 1, 3000, 5000} << Longs{3000, 0}
        << Longs{50, 25};
    QTest::newRow("zero node resources, pods scheduled with resources")
        << Longs{0, 0, 0, 0} << Longs{0, 3000, 0, 1, 3000, 5000} << Longs{} << Longs{0, 0};
}

void TestSchedulingResources::leastAllocated() {
    QFETCH(Longs, nodes);
    QFETCH(Longs, existing);
    QFETCH(Longs, pod);
    QFETCH(Longs, expected);
    Setup s;
    build(s, nodes, existing, pod);
    NodeResourcesFitPlugin plugin(ScoringStrategy::LeastAllocated);
    QCOMPARE(toLongs(runScore(plugin, s.pod, s.view)), expected);
}

void TestSchedulingResources::mostAllocated_data() {
    QTest::addColumn<Longs>("nodes");
    QTest::addColumn<Longs>("existing");
    QTest::addColumn<Longs>("pod");
    QTest::addColumn<Longs>("expected");
    // most_allocated_test.go TestMostAllocatedScoringStrategy.
    QTest::newRow("nothing scheduled, nothing requested")
        << Longs{4000, 10000, 4000, 10000} << Longs{} << Longs{} << Longs{0, 0};
    // cpu 3000·100/4000 = 75, memory 5000·100/10000 = 50 → 62; node2 50, 50 → 50.
    QTest::newRow("nothing scheduled, resources requested, differently sized nodes")
        << Longs{4000, 10000, 6000, 10000} << Longs{} << Longs{1000, 2000, 2000, 3000}
        << Longs{62, 50};
    // node1: cpu 6000/10000 = 60, memory 5000/20000 = 25 → 42;
    // node2: cpu 60, memory 10000/20000 = 50 → 55.
    QTest::newRow("resources requested, pods scheduled with resources")
        << Longs{10000, 20000, 10000, 20000} << Longs{0, 3000, 0, 1, 3000, 5000}
        << Longs{1000, 2000, 2000, 3000} << Longs{42, 55};
    // cnsim case, most_allocated.go: requests above capacity clamp to it: cpu 6000/4000 → 100,
    // memory 5000/10000 = 50 → 75.
    QTest::newRow("cnsim: requested cpu above capacity clamps")
        << Longs{4000, 10000} << Longs{0, 3000, 0} << Longs{3000, 5000} << Longs{75};
}

void TestSchedulingResources::mostAllocated() {
    QFETCH(Longs, nodes);
    QFETCH(Longs, existing);
    QFETCH(Longs, pod);
    QFETCH(Longs, expected);
    Setup s;
    build(s, nodes, existing, pod);
    NodeResourcesFitPlugin plugin(ScoringStrategy::MostAllocated);
    QCOMPARE(toLongs(runScore(plugin, s.pod, s.view)), expected);
}

void TestSchedulingResources::balancedAllocation_data() {
    QTest::addColumn<Longs>("nodes");
    QTest::addColumn<Longs>("existing");
    QTest::addColumn<Longs>("pod");
    QTest::addColumn<Longs>("expected");
    // balanced_allocation_test.go TestNodeResourcesBalancedAllocation (pre-1.36 formula).
    // Best-effort pods are skipped by PreScore: every node scores 0.
    QTest::newRow("nothing scheduled, nothing requested (best effort: skipped)")
        << Longs{4000, 10000, 4000, 10000} << Longs{} << Longs{} << Longs{0, 0};
    // node1 fractions 3000/4000 = 0.75, 5000/10000 = 0.5 → std 0.125 → 87; node2 0.5/0.5 → 100.
    QTest::newRow("nothing scheduled, resources requested, differently sized nodes")
        << Longs{4000, 10000, 6000, 10000} << Longs{} << Longs{1000, 2000, 2000, 3000}
        << Longs{87, 100};
    // cnsim case, balanced_allocation.go formula: node1 cpu 6000/10000 = 0.6, memory 0 →
    // std 0.3 → 70; node2 cpu 0.6, memory 5000/20000 = 0.25 → std 0.175 → 82.
    QTest::newRow("cnsim: existing pods with resources")
        << Longs{10000, 20000, 10000, 20000} << Longs{0, 3000, 0, 1, 3000, 5000} << Longs{3000, 0}
        << Longs{70, 82};
    // cnsim case: fractions above 1 are capped: cpu 6000/4000 → 1, memory 0 → std 0.5 → 50.
    QTest::newRow("cnsim: requested cpu above capacity")
        << Longs{4000, 10000} << Longs{0, 3000, 0} << Longs{3000, 0} << Longs{50};
}

void TestSchedulingResources::balancedAllocation() {
    QFETCH(Longs, nodes);
    QFETCH(Longs, existing);
    QFETCH(Longs, pod);
    QFETCH(Longs, expected);
    Setup s;
    build(s, nodes, existing, pod);
    BalancedAllocationPlugin plugin;
    QCOMPARE(toLongs(runScore(plugin, s.pod, s.view)), expected);
}

void TestSchedulingResources::fitFilter_data() {
    QTest::addColumn<Longs>("nodes");
    QTest::addColumn<Longs>("existing");
    QTest::addColumn<Longs>("pod");
    QTest::addColumn<int>("maxPods");
    QTest::addColumn<QString>("expected");
    // fit_test.go TestEnoughRequests, cases named as upstream (node 10 cpu / 20 memory).
    QTest::newRow("no resources requested always fits")
        << Longs{10, 20} << Longs{0, 10, 20} << Longs{} << 32 << QString();
    QTest::newRow("too many resources fails")
        << Longs{10, 20} << Longs{0, 10, 20} << Longs{1, 1} << 32
        << QStringLiteral("Insufficient cpu; Insufficient memory");
    QTest::newRow("both resources fit")
        << Longs{10, 20} << Longs{0, 5, 5} << Longs{1, 1} << 32 << QString();
    QTest::newRow("one resource memory fits") << Longs{10, 20} << Longs{0, 9, 5} << Longs{2, 1}
                                              << 32 << QStringLiteral("Insufficient cpu");
    QTest::newRow("one resource cpu fits") << Longs{10, 20} << Longs{0, 5, 19} << Longs{1, 2} << 32
                                           << QStringLiteral("Insufficient memory");
    QTest::newRow("equal edge case")
        << Longs{10, 20} << Longs{0, 5, 19} << Longs{5, 1} << 32 << QString();
    // fit_test.go TestPodFitsPodCount-style: allowed pod number 1, one pod already there.
    QTest::newRow("even without specified resources, predicate fails when there's no space for "
                  "additional pod")
        << Longs{10, 20} << Longs{0, 10, 20} << Longs{} << 1 << QStringLiteral("Too many pods");
    QTest::newRow("even if both resources fit, predicate fails when there's no space for "
                  "additional pod")
        << Longs{10, 20} << Longs{0, 5, 5} << Longs{1, 1} << 1 << QStringLiteral("Too many pods");
}

void TestSchedulingResources::fitFilter() {
    QFETCH(Longs, nodes);
    QFETCH(Longs, existing);
    QFETCH(Longs, pod);
    QFETCH(int, maxPods);
    QFETCH(QString, expected);
    Setup s;
    SchedulerNodeSpec n = node("node1", nodes[0], nodes[1]);
    n.allocatablePods = maxPods;
    s.view.addNode(n);
    build(s, {}, existing, pod);
    NodeResourcesFitPlugin plugin(ScoringStrategy::LeastAllocated);
    QCOMPARE(QString::fromStdString(runFilter(plugin, s.pod, s.view).front()), expected);
}

void TestSchedulingResources::missingRequestsUseScoringDefaults() {
    // pkg/scheduler/util/pod_resources.go: a container without requests counts 100m / 200Mi
    // for scoring but 0 for the fit filter; an explicit 0 stays 0; a missing request takes
    // the container's limit (API defaulting).
    PodSpec spec;
    ContainerSpec noRequests;
    noRequests.image = "nginx";
    ContainerSpec zero;
    zero.image = "busybox:1.36";
    zero.requests.cpu = CpuMillis{0};
    zero.requests.memory = Bytes{0};
    ContainerSpec limitOnly;
    limitOnly.image = "registry:5000/app";
    limitOnly.limits.cpu = CpuMillis{250};
    spec.containers = {noRequests, zero, limitOnly};
    const SchedulerPodInfo pod = makeSchedulerPodInfo("p", "default", {}, spec);
    QCOMPARE(pod.requests.cpu.value, 250);
    QCOMPARE(pod.requests.memory.value, 0);
    QCOMPARE(pod.nonZeroRequests.cpu.value, 100 + 0 + 250);
    QCOMPARE(pod.nonZeroRequests.memory.value, 2 * 200LL * 1024 * 1024);
    QCOMPARE(pod.images, (std::vector<std::string>{"nginx:latest", "busybox:1.36",
                                                   "registry:5000/app:latest"}));
}

QTEST_GUILESS_MAIN(TestSchedulingResources)
#include "test_scheduling_resources.moc"
