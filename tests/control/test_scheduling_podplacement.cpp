// PodTopologySpread and InterPodAffinity against upstream's cases
// (plugins/podtopologyspread/filtering_test.go, scoring_test.go;
// plugins/interpodaffinity/filtering_test.go, scoring_test.go).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "control/scheduling/interpodaffinity.h"
#include "control/scheduling/podtopologyspread.h"
#include "schedulingtestutil.h"
#endif

using namespace cnsim;
using namespace cnsim::testing;

using Longs = QList<qint64>;
using Ints = QList<int>;

namespace {

LabelSelector fooExists() {
    LabelSelector s;
    s.matchExpressions.push_back({"foo", SelectorOperator::Exists, {}});
    return s;
}

TopologySpreadConstraint constraint(int maxSkew, std::string key,
                                    UnsatisfiableConstraintAction action,
                                    std::optional<int> minDomains = std::nullopt) {
    TopologySpreadConstraint c;
    c.maxSkew = maxSkew;
    c.topologyKey = std::move(key);
    c.whenUnsatisfiable = action;
    c.labelSelector = fooExists();
    c.minDomains = minDomains;
    return c;
}

Longs toLongs(const std::vector<std::int64_t>& v) {
    return Longs(v.begin(), v.end());
}

// Nodes node-a, node-b (zone1), node-x, node-y (zone2) with hostname labels, and
// `perNode` pods labelled foo on each, as filtering_test.go builds them.
void spreadCluster(SchedulerClusterView& view, PodFactory& f, const Ints& perNode) {
    const char* names[] = {"node-a", "node-b", "node-x", "node-y"};
    const char* zones[] = {"zone1", "zone1", "zone2", "zone2"};
    for (int i = 0; i < 4; ++i) {
        view.addNode(node(names[i], 0, 0, {{"zone", zones[i]}}));
    }
    for (qsizetype i = 0; i < perNode.size(); ++i) {
        for (int k = 0; k < perNode[i]; ++k) {
            view.addPod(names[i],
                        f.pod(std::string(names[i]) + std::to_string(k), {}, {{"foo", ""}}));
        }
    }
}

PodAffinityTerm term(std::string key, std::vector<std::string> values, std::string topology) {
    PodAffinityTerm t;
    t.labelSelector.matchExpressions.push_back(
        {std::move(key), SelectorOperator::In, std::move(values)});
    t.topologyKey = std::move(topology);
    return t;
}

} // namespace

class TestSchedulingPodPlacement : public QObject {
    Q_OBJECT

private slots:
    void spreadFilter_data();
    void spreadFilter();
    void spreadFilterMissingLabel();
    void spreadScore_data();
    void spreadScore();
    void spreadSystemDefaults();
    void interPodAffinityFilter_data();
    void interPodAffinityFilter();
    void interPodAffinityScore_data();
    void interPodAffinityScore();
};

void TestSchedulingPodPlacement::spreadFilter_data() {
    QTest::addColumn<Ints>("perNode"); // matching pods on node-a, node-b, node-x, node-y
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("maxSkew");
    QTest::addColumn<int>("minDomains"); // 0: unset
    QTest::addColumn<QList<bool>>("fits");
    // filtering_test.go TestSingleConstraint, case names verbatim.
    QTest::newRow("no existing pods")
        << Ints{0, 0, 0, 0} << "zone" << 1 << 0 << QList<bool>{true, true, true, true};
    QTest::newRow("pods spread across nodes as 2/1/0/3, only node-x fits")
        << Ints{2, 1, 0, 3} << "kubernetes.io/hostname" << 1 << 0
        << QList<bool>{false, false, true, false};
    QTest::newRow("pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit")
        << Ints{2, 1, 0, 3} << "kubernetes.io/hostname" << 2 << 0
        << QList<bool>{false, true, true, false};
    // Upstream case name; cnsim's pod layout: zone1 holds 3, zone2 holds 3, so the skew is
    // 3 + 1 − 3 = 1 everywhere.
    QTest::newRow("pods spread across zones as 3/3, all nodes fit")
        << Ints{1, 2, 3, 0} << "zone" << 1 << 0 << QList<bool>{true, true, true, true};
    // cnsim cases for minDomains (filtering.go minMatchNum): 2 zones of 1 pod each; with
    // minDomains 3 the global minimum counts as 0, so 1 + 1 − 0 = 2 > 1 everywhere.
    QTest::newRow("cnsim: 1/1 across zones, no minDomains")
        << Ints{1, 0, 1, 0} << "zone" << 1 << 0 << QList<bool>{true, true, true, true};
    QTest::newRow("cnsim: 1/1 across zones, minDomains 3")
        << Ints{1, 0, 1, 0} << "zone" << 1 << 3 << QList<bool>{false, false, false, false};
}

void TestSchedulingPodPlacement::spreadFilter() {
    QFETCH(Ints, perNode);
    QFETCH(QString, key);
    QFETCH(int, maxSkew);
    QFETCH(int, minDomains);
    QFETCH(QList<bool>, fits);
    SchedulerClusterView view;
    PodFactory f;
    spreadCluster(view, f, perNode);
    PodSpec spec;
    spec.topologySpreadConstraints.push_back(
        constraint(maxSkew, key.toStdString(), UnsatisfiableConstraintAction::DoNotSchedule,
                   minDomains > 0 ? std::optional<int>(minDomains) : std::nullopt));
    const auto pod = f.withSpec("p", spec, {{"foo", ""}});
    PodTopologySpreadPlugin plugin;
    const auto verdicts = runFilter(plugin, pod, view);
    for (qsizetype i = 0; i < fits.size(); ++i) {
        const auto& v = verdicts[static_cast<std::size_t>(i)];
        QCOMPARE(v.empty(), fits[i]);
        if (!fits[i]) {
            QCOMPARE(v, std::string(reasons::kTopologySpread));
        }
    }
}

void TestSchedulingPodPlacement::spreadFilterMissingLabel() {
    // filtering.go Filter: a node without the topology key is UnschedulableAndUnresolvable.
    SchedulerClusterView view;
    view.addNode(node("node-a", 0, 0, {{"zone", "zone1"}}));
    view.addNode(node("node-b"));
    PodFactory f;
    PodSpec spec;
    spec.topologySpreadConstraints.push_back(
        constraint(1, "zone", UnsatisfiableConstraintAction::DoNotSchedule));
    PodTopologySpreadPlugin plugin;
    QCOMPARE(runFilter(plugin, f.withSpec("p", spec, {{"foo", ""}}), view),
             (std::vector<std::string>{"", std::string(reasons::kTopologySpreadMissingLabel)}));
}

void TestSchedulingPodPlacement::spreadScore_data() {
    QTest::addColumn<Ints>("perNode");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<Ints>("feasible");
    QTest::addColumn<Longs>("expected");
    // scoring_test.go TestPodTopologySpreadScore (hostname constraint, maxSkew 1,
    // ScheduleAnyway), case names verbatim.
    QTest::newRow("one constraint on node, no existing pods")
        << Ints{} << 2 << Ints{0, 1} << Longs{100, 100};
    QTest::newRow("one constraint on node, only one node is candidate")
        << Ints{} << 2 << Ints{0} << Longs{100};
    QTest::newRow("one constraint on node, all nodes have the same number of matching pods")
        << Ints{1, 1} << 2 << Ints{0, 1} << Longs{100, 100};
    // 2/1/0/3 with w = ln(4 + 2): raw 4, 2, 0, 5 → 100·(5 + 0 − s)/5.
    QTest::newRow("one constraint on node, all 4 nodes are candidates")
        << Ints{2, 1, 0, 3} << 4 << Ints{0, 1, 2, 3} << Longs{20, 60, 100, 0};
}

void TestSchedulingPodPlacement::spreadScore() {
    QFETCH(Ints, perNode);
    QFETCH(int, nodes);
    QFETCH(Ints, feasible);
    QFETCH(Longs, expected);
    SchedulerClusterView view;
    PodFactory f;
    for (int i = 0; i < nodes; ++i) {
        view.addNode(node(std::string("node-") + static_cast<char>('a' + i)));
    }
    for (qsizetype i = 0; i < perNode.size(); ++i) {
        for (int k = 0; k < perNode[i]; ++k) {
            view.addPod(view.nodes()[static_cast<std::size_t>(i)].name,
                        f.pod("e" + std::to_string(i) + std::to_string(k), {}, {{"foo", ""}}));
        }
    }
    PodSpec spec;
    spec.topologySpreadConstraints.push_back(constraint(
        1, std::string(k8s::kLabelHostname), UnsatisfiableConstraintAction::ScheduleAnyway));
    const auto pod = f.withSpec("p", spec, {{"foo", ""}});
    PodTopologySpreadPlugin plugin;
    std::vector<std::size_t> idx;
    for (const int i : feasible) {
        idx.push_back(static_cast<std::size_t>(i));
    }
    QCOMPARE(toLongs(runScore(plugin, pod, view, idx)), expected);
}

void TestSchedulingPodPlacement::spreadSystemDefaults() {
    // plugin.go system defaults (hostname maxSkew 3, zone maxSkew 5) apply to a pod with no
    // constraints whose owners give a selector. 3 nodes: a, b in zone1, c in zone2; 2
    // matching pods on a. Weights: hostname ln(3 + 2), zone ln(2 + 2).
    // raw a = round(2·1.609 + 2 + 2·1.386 + 4) = 12, b = round(0 + 2 + 2.773 + 4) = 9,
    // c = round(0 + 2 + 0 + 4) = 6 → 100·(12 + 6 − s)/12 = 50, 75, 100.
    SchedulerClusterView view;
    PodFactory f;
    view.addNode(node("a", 0, 0, {{std::string(k8s::kLabelZone), "zone1"}}));
    view.addNode(node("b", 0, 0, {{std::string(k8s::kLabelZone), "zone1"}}));
    view.addNode(node("c", 0, 0, {{std::string(k8s::kLabelZone), "zone2"}}));
    view.addPod("a", f.pod("a1", {}, {{"app", "web"}}));
    view.addPod("a", f.pod("a2", {}, {{"app", "web"}}));
    auto pod = f.withSpec("p", {}, {{"app", "web"}});
    PodTopologySpreadPlugin plugin;
    QCOMPARE(runScore(plugin, pod, view), (std::vector<std::int64_t>{0, 0, 0})); // no selector
    LabelSelector s;
    s.matchLabels = {{"app", "web"}};
    pod.defaultSpreadSelector = s;
    QCOMPARE(runScore(plugin, pod, view), (std::vector<std::int64_t>{50, 75, 100}));
}

void TestSchedulingPodPlacement::interPodAffinityFilter_data() {
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<QString>("expected");
    // interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode, case names verbatim.
    // Node labels {region: r1, zone: z11, kubernetes.io/hostname: machine1}; the existing
    // pod has labels {service: securityscan}.
    QTest::newRow("A pod that has no required pod affinity scheduling rules can schedule onto a "
                  "node with no existing pods")
        << 0 << QString();
    QTest::newRow("satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity "
                  "using In operator that matches the existing pod")
        << 1 << QString();
    QTest::newRow("Does not satisfy the PodAffinity with labelSelector because of diff Namespace")
        << 2 << QString::fromUtf8(reasons::kPodAffinity.data());
    QTest::newRow("Doesn't satisfy the PodAffinity because of unmatching labelSelector with the "
                  "existing pod")
        << 3 << QString::fromUtf8(reasons::kPodAffinity.data());
    QTest::newRow("satisfies the PodAntiAffinity with existing pod but doesn't satisfy "
                  "PodAntiAffinity symmetry with incoming pod")
        << 4 << QString::fromUtf8(reasons::kExistingPodsAntiAffinity.data());
    QTest::newRow("cnsim: the pod's anti-affinity matches the existing pod in its zone")
        << 5 << QString::fromUtf8(reasons::kPodAntiAffinity.data());
    QTest::newRow("cnsim: first pod of a self-affine group may land anywhere with the key")
        << 6 << QString();
}

void TestSchedulingPodPlacement::interPodAffinityFilter() {
    QFETCH(int, caseIndex);
    QFETCH(QString, expected);
    SchedulerClusterView view;
    PodFactory f;
    view.addNode(node("machine1", 0, 0, {{"region", "r1"}, {"zone", "z11"}}));
    PodSpec existingSpec;
    PodSpec spec;
    LabelMap podLabels;
    std::string existingNamespace = "default";
    spec.affinity = Affinity{};
    switch (caseIndex) {
    case 0:
        spec.affinity.reset();
        break;
    case 1:
        spec.affinity->podAffinity =
            PodAffinityRules{{term("service", {"securityscan", "value2"}, "region")}, {}};
        break;
    case 2:
        existingNamespace = "ns";
        spec.affinity->podAffinity =
            PodAffinityRules{{term("service", {"securityscan", "value2"}, "region")}, {}};
        break;
    case 3:
        spec.affinity->podAffinity =
            PodAffinityRules{{term("service", {"antivirusscan", "value2"}, "region")}, {}};
        break;
    case 4:
        // The incoming pod's own anti-affinity does not match the existing pod, but the
        // existing pod's anti-affinity matches the incoming pod's labels.
        spec.affinity->podAntiAffinity =
            PodAffinityRules{{term("service", {"antivirusscan", "value2"}, "zone")}, {}};
        podLabels = {{"security", "S1"}};
        existingSpec.affinity = Affinity{};
        existingSpec.affinity->podAntiAffinity =
            PodAffinityRules{{term("security", {"S1"}, "zone")}, {}};
        break;
    case 5:
        spec.affinity->podAntiAffinity =
            PodAffinityRules{{term("service", {"securityscan"}, "zone")}, {}};
        break;
    case 6:
        view.removePod("machine1", "default", "existing");
        spec.affinity->podAffinity = PodAffinityRules{{term("app", {"db"}, "zone")}, {}};
        podLabels = {{"app", "db"}};
        break;
    default:
        QFAIL("unknown case");
    }
    auto existing = f.withSpec("existing", existingSpec, {{"service", "securityscan"}});
    existing.nameSpace = existingNamespace;
    if (caseIndex != 6 && caseIndex != 0) {
        view.addPod("machine1", existing);
    }
    InterPodAffinityPlugin plugin(1);
    const auto verdicts = runFilter(plugin, f.withSpec("p", spec, podLabels), view);
    QCOMPARE(QString::fromStdString(verdicts.front()), expected);
}

void TestSchedulingPodPlacement::interPodAffinityScore_data() {
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<Longs>("expected");
    // interpodaffinity/scoring_test.go TestPreferredAffinity: machine1 {region: China},
    // machine2 {region: India}, machine3 {az: az1}; pods security=S1 on machine1 and
    // machine3, security=S2 on machine2.
    QTest::newRow("all nodes have same priority as affinity is nil") << 0 << Longs{0, 0, 0};
    QTest::newRow("Affinity: pod that matches topology key & pods in nodes will get high score "
                  "comparing to others which doesn't match either pods in nodes or in topology "
                  "key")
        << 1 << Longs{100, 0, 0};
    // Upstream case name on this node set: raw −5, 0, 0 (machine3 lacks the key) →
    // min–max → 0, 100, 100.
    QTest::newRow("Anti Affinity: pod that does not match existing pods in node will get high "
                  "score ")
        << 2 << Longs{0, 100, 100};
    // cnsim: symmetry — an existing pod on machine2 requires affinity to {security: S3} by
    // region; the incoming pod is S3: hardPodAffinityWeight 1 raises machine2 alone.
    QTest::newRow("cnsim: existing pod's required affinity counts for the incoming pod")
        << 3 << Longs{0, 100, 0};
}

void TestSchedulingPodPlacement::interPodAffinityScore() {
    QFETCH(int, caseIndex);
    QFETCH(Longs, expected);
    SchedulerClusterView view;
    PodFactory f;
    view.addNode(node("machine1", 0, 0, {{"region", "China"}}));
    view.addNode(node("machine2", 0, 0, {{"region", "India"}}));
    view.addNode(node("machine3", 0, 0, {{"az", "az1"}}));
    view.addPod("machine1", f.pod("pod1", {}, {{"security", "S1"}}));
    view.addPod("machine3", f.pod("pod3", {}, {{"security", "S1"}}));
    PodSpec existing2;
    PodSpec spec;
    LabelMap labels;
    if (caseIndex == 1) {
        spec.affinity = Affinity{};
        spec.affinity->podAffinity =
            PodAffinityRules{{}, {{5, term("security", {"S1"}, "region")}}};
    } else if (caseIndex == 2) {
        spec.affinity = Affinity{};
        spec.affinity->podAntiAffinity =
            PodAffinityRules{{}, {{5, term("security", {"S1"}, "region")}}};
    } else if (caseIndex == 3) {
        existing2.affinity = Affinity{};
        existing2.affinity->podAffinity =
            PodAffinityRules{{term("security", {"S3"}, "region")}, {}};
        labels = {{"security", "S3"}};
    }
    view.addPod("machine2", f.withSpec("pod2", existing2, {{"security", "S2"}}));
    InterPodAffinityPlugin plugin(1);
    QCOMPARE(toLongs(runScore(plugin, f.withSpec("p", spec, labels), view)), expected);
}

QTEST_GUILESS_MAIN(TestSchedulingPodPlacement)
#include "test_scheduling_podplacement.moc"
