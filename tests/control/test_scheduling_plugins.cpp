// TaintToleration, NodeAffinity, NodeUnschedulable, NodeName, ImageLocality and
// DefaultNormalizeScore against upstream's unit-test cases (file and case named per row).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/scheduling/imagelocality.h"
#include "control/scheduling/nodeplugins.h"
#include "schedulingtestutil.h"
#endif

using namespace cnsim;
using namespace cnsim::testing;

using Longs = QList<qint64>;
using Strings = QStringList;

namespace {

Longs toLongs(const std::vector<std::int64_t>& v) {
    Longs out;
    for (const auto x : v) {
        out.push_back(x);
    }
    return out;
}

// "key=value:Effect" → Taint; "key=value:Effect" or "key:Exists:Effect" → Toleration
// (an empty effect part means every effect).
TaintEffect effectOf(const std::string& s) {
    if (s == "NoSchedule") {
        return TaintEffect::NoSchedule;
    }
    if (s == "NoExecute") {
        return TaintEffect::NoExecute;
    }
    return TaintEffect::PreferNoSchedule;
}

std::vector<Taint> taints(const Strings& specs) {
    std::vector<Taint> out;
    for (const auto& q : specs) {
        const std::string s = q.toStdString();
        const auto eq = s.find('=');
        const auto colon = s.rfind(':');
        out.push_back(
            {s.substr(0, eq), s.substr(eq + 1, colon - eq - 1), effectOf(s.substr(colon + 1))});
    }
    return out;
}

std::vector<Toleration> tolerations(const Strings& specs) {
    std::vector<Toleration> out;
    for (const auto& q : specs) {
        const std::string s = q.toStdString();
        const auto colon = s.rfind(':');
        const std::string head = s.substr(0, colon);
        const std::string effect = s.substr(colon + 1);
        Toleration t;
        if (const auto ex = head.find(":Exists"); ex != std::string::npos) {
            t.key = head.substr(0, ex);
            t.op = TolerationOperator::Exists;
        } else {
            const auto eq = head.find('=');
            t.key = head.substr(0, eq);
            t.value = head.substr(eq + 1);
        }
        if (!effect.empty()) {
            t.effect = effectOf(effect);
        }
        out.push_back(t);
    }
    return out;
}

} // namespace

class TestSchedulingPlugins : public QObject {
    Q_OBJECT

private slots:
    void taintTolerationFilter_data();
    void taintTolerationFilter();
    void taintTolerationScore_data();
    void taintTolerationScore();
    void nodeAffinityFilter_data();
    void nodeAffinityFilter();
    void nodeAffinityScore_data();
    void nodeAffinityScore();
    void nodeUnschedulable_data();
    void nodeUnschedulable();
    void nodeName();
    void imageLocality_data();
    void imageLocality();
    void defaultNormalizeScore_data();
    void defaultNormalizeScore();
};

void TestSchedulingPlugins::taintTolerationFilter_data() {
    QTest::addColumn<Strings>("podTolerations");
    QTest::addColumn<Strings>("nodeTaints");
    QTest::addColumn<QString>("expected");
    // taint_toleration_test.go TestTaintTolerationFilter, case names verbatim.
    QTest::newRow("A pod having no tolerations can't be scheduled onto a node with nonempty taints")
        << Strings{} << Strings{"dedicated=user1:NoSchedule"}
        << QStringLiteral("node(s) had untolerated taint {dedicated: user1}");
    QTest::newRow("A pod which can be scheduled on a dedicated node assigned to user1 with effect "
                  "NoSchedule")
        << Strings{"dedicated=user1:NoSchedule"} << Strings{"dedicated=user1:NoSchedule"}
        << QString();
    QTest::newRow("A pod which can't be scheduled on a dedicated node assigned to user2 with "
                  "effect NoSchedule")
        << Strings{"dedicated=user2:NoSchedule"} << Strings{"dedicated=user1:NoSchedule"}
        << QStringLiteral("node(s) had untolerated taint {dedicated: user1}");
    QTest::newRow("A pod can be scheduled onto the node, with a toleration uses operator Exists "
                  "that tolerates the taints on the node")
        << Strings{"foo:Exists:NoSchedule"} << Strings{"foo=bar:NoSchedule"} << QString();
    QTest::newRow("A pod has multiple tolerations, node has multiple taints, all the taints are "
                  "tolerated, pod can be scheduled onto the node")
        << Strings{"dedicated=user2:NoSchedule", "foo:Exists:NoSchedule"}
        << Strings{"dedicated=user2:NoSchedule", "foo=bar:NoSchedule"} << QString();
    QTest::newRow("A pod has a toleration that keys and values match the taint on the node, but "
                  "(non-empty) effect doesn't match, can't be scheduled onto the node")
        << Strings{"foo=bar:PreferNoSchedule"} << Strings{"foo=bar:NoSchedule"}
        << QStringLiteral("node(s) had untolerated taint {foo: bar}");
    QTest::newRow("The pod has a toleration that keys and values match the taint on the node, the "
                  "effect of toleration is empty, and the effect of taint is NoSchedule. Pod can "
                  "be scheduled onto the node")
        << Strings{"foo=bar:"} << Strings{"foo=bar:NoSchedule"} << QString();
    QTest::newRow("The pod has a toleration that key and value don't match the taint on the node, "
                  "but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto "
                  "the node")
        << Strings{"dedicated=user2:NoSchedule"} << Strings{"dedicated=user1:PreferNoSchedule"}
        << QString();
    QTest::newRow("The pod has no toleration, but the effect of taint on node is PreferNoSchedule. "
                  "Pod can be scheduled onto the node")
        << Strings{} << Strings{"dedicated=user1:PreferNoSchedule"} << QString();
    // cnsim: the node lifecycle taint, as the FitError example shows it.
    QTest::newRow("cnsim: unreachable NoExecute taint")
        << Strings{} << Strings{"node.kubernetes.io/unreachable=:NoExecute"}
        << QStringLiteral("node(s) had untolerated taint {node.kubernetes.io/unreachable: }");
}

void TestSchedulingPlugins::taintTolerationFilter() {
    QFETCH(Strings, podTolerations);
    QFETCH(Strings, nodeTaints);
    QFETCH(QString, expected);
    PodFactory f;
    PodSpec spec;
    spec.tolerations = tolerations(podTolerations);
    const auto pod = f.withSpec("p", spec);
    SchedulerClusterView view;
    view.addNode(node("nodeA", 0, 0, {}, taints(nodeTaints)));
    TaintTolerationPlugin plugin;
    QCOMPARE(QString::fromStdString(runFilter(plugin, pod, view).front()), expected);
}

void TestSchedulingPlugins::taintTolerationScore_data() {
    QTest::addColumn<Strings>("podTolerations");
    QTest::addColumn<QList<Strings>>("nodeTaints");
    QTest::addColumn<Longs>("expected");
    // taint_toleration_test.go TestTaintTolerationScore, case names verbatim.
    QTest::newRow("node with taints tolerated by the pod, gets a higher score than those node "
                  "with intolerable taints")
        << Strings{"foo=bar:PreferNoSchedule"}
        << QList<Strings>{{"foo=bar:PreferNoSchedule"}, {"foo=blah:PreferNoSchedule"}}
        << Longs{100, 0};
    QTest::newRow("the nodes that all of their taints are tolerated by the pod, get the same "
                  "score, no matter how many tolerable taints a node has")
        << Strings{"cpu-type=arm64:PreferNoSchedule", "disk-type=ssd:PreferNoSchedule"}
        << QList<Strings>{{},
                          {"cpu-type=arm64:PreferNoSchedule"},
                          {"cpu-type=arm64:PreferNoSchedule", "disk-type=ssd:PreferNoSchedule"}}
        << Longs{100, 100, 100};
    QTest::newRow("the more intolerable taints a node has, the lower score it gets.")
        << Strings{"foo=bar:PreferNoSchedule"}
        << QList<Strings>{{},
                          {"cpu-type=arm64:PreferNoSchedule"},
                          {"cpu-type=arm64:PreferNoSchedule", "disk-type=ssd:PreferNoSchedule"}}
        << Longs{100, 50, 0};
    QTest::newRow("only taints and tolerations that have effect PreferNoSchedule are checked by "
                  "prioritize function")
        << Strings{"cpu-type=arm64:NoSchedule", "disk-type=ssd:NoSchedule"}
        << QList<Strings>{{},
                          {"cpu-type=arm64:NoSchedule"},
                          {"cpu-type=arm64:PreferNoSchedule", "disk-type=ssd:PreferNoSchedule"}}
        << Longs{100, 100, 0};
    QTest::newRow("Default behaviour No taints and tolerations")
        << Strings{} << QList<Strings>{{}, {"cpu-type=arm64:PreferNoSchedule"}} << Longs{100, 0};
}

void TestSchedulingPlugins::taintTolerationScore() {
    QFETCH(Strings, podTolerations);
    QFETCH(QList<Strings>, nodeTaints);
    QFETCH(Longs, expected);
    PodFactory f;
    PodSpec spec;
    spec.tolerations = tolerations(podTolerations);
    const auto pod = f.withSpec("p", spec);
    SchedulerClusterView view;
    for (qsizetype i = 0; i < nodeTaints.size(); ++i) {
        view.addNode(node("node" + std::to_string(i), 0, 0, {}, taints(nodeTaints[i])));
    }
    TaintTolerationPlugin plugin;
    QCOMPARE(toLongs(runScore(plugin, pod, view)), expected);
}

namespace {
SelectorRequirement req(std::string key, SelectorOperator op, std::vector<std::string> values) {
    return {std::move(key), op, std::move(values)};
}
} // namespace

void TestSchedulingPlugins::nodeAffinityFilter_data() {
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<bool>("fits");
    // node_affinity_test.go TestNodeAffinity, case names verbatim.
    QTest::newRow("missing labels") << 0 << false;
    QTest::newRow("same labels") << 1 << true;
    QTest::newRow("node labels are superset") << 2 << true;
    QTest::newRow("node labels are subset") << 3 << false;
    QTest::newRow("Pod with matchExpressions using In operator that matches the existing node")
        << 4 << true;
    QTest::newRow("Pod with matchExpressions using Gt operator that matches the existing node")
        << 5 << true;
    QTest::newRow("Pod with matchExpressions using NotIn operator that matches the existing node")
        << 6 << true;
    QTest::newRow("Pod with matchExpressions using Exists operator that matches the existing node")
        << 7 << true;
    QTest::newRow("Pod with affinity that don't match node's labels won't schedule onto the node")
        << 8 << false;
    QTest::newRow("Pod with empty MatchExpressions is not a valid value will match no objects and "
                  "won't schedule onto the node")
        << 9 << false;
    QTest::newRow("Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels "
                  "and will schedule onto the node")
        << 10 << true;
}

void TestSchedulingPlugins::nodeAffinityFilter() {
    QFETCH(int, caseIndex);
    QFETCH(bool, fits);
    PodSpec spec;
    LabelMap labels;
    auto required = [&](std::vector<NodeSelectorTerm> terms) {
        spec.affinity = Affinity{};
        spec.affinity->nodeAffinity = NodeAffinity{std::move(terms), {}};
    };
    switch (caseIndex) {
    case 0:
        spec.nodeSelector = {{"foo", "bar"}};
        break;
    case 1:
        spec.nodeSelector = {{"foo", "bar"}};
        labels = {{"foo", "bar"}};
        break;
    case 2:
        spec.nodeSelector = {{"foo", "bar"}};
        labels = {{"foo", "bar"}, {"baz", "blah"}};
        break;
    case 3:
        spec.nodeSelector = {{"foo", "bar"}, {"baz", "blah"}};
        labels = {{"foo", "bar"}};
        break;
    case 4:
        required({{{req("foo", SelectorOperator::In, {"bar", "value2"})}}});
        labels = {{"foo", "bar"}};
        break;
    case 5:
        required({{{req("kernel-version", SelectorOperator::Gt, {"0204"})}}});
        labels = {{"kernel-version", "0206"}};
        break;
    case 6:
        required({{{req("mem-type", SelectorOperator::NotIn, {"DDR", "DDR2"})}}});
        labels = {{"mem-type", "DDR3"}};
        break;
    case 7:
        required({{{req("GPU", SelectorOperator::Exists, {})}}});
        labels = {{"GPU", "NVIDIA-GRID-K1"}};
        break;
    case 8:
        required({{{req("foo", SelectorOperator::In, {"value1", "value2"})}}});
        labels = {{"foo", "bar"}};
        break;
    case 9:
        required({NodeSelectorTerm{}});
        labels = {{"foo", "bar"}};
        break;
    case 10:
        required({{{req("foo", SelectorOperator::In, {"bar", "value2"})}},
                  {{req("diffkey", SelectorOperator::In, {"wrong", "value2"})}}});
        labels = {{"foo", "bar"}};
        break;
    default:
        QFAIL("unknown case");
    }
    PodFactory f;
    const auto pod = f.withSpec("p", spec);
    SchedulerClusterView view;
    view.addNode(node("node1", 0, 0, labels));
    NodeAffinityPlugin plugin;
    const QString expected =
        fits ? QString() : QStringLiteral("node(s) didn't match Pod's node affinity/selector");
    QCOMPARE(QString::fromStdString(runFilter(plugin, pod, view).front()), expected);
}

void TestSchedulingPlugins::nodeAffinityScore_data() {
    QTest::addColumn<int>("affinity");
    QTest::addColumn<QList<int>>("nodeLabels");
    QTest::addColumn<Longs>("expected");
    // node_affinity_test.go TestNodeAffinityPriority: affinity1 = {2: foo In bar};
    // affinity2 = {2: foo In bar; 4: key In value; 5: foo In bar, key In value, az In az1};
    // label1 {foo: bar}, label2 {key: value}, label3 {az: az1}, label4 {abc: az11, def: az22},
    // label5 = label1 ∪ label2 ∪ label3.
    QTest::newRow("all nodes are same priority as NodeAffinity is nil")
        << 0 << QList<int>{1, 2, 3} << Longs{0, 0, 0};
    QTest::newRow("no node matches preferred scheduling requirements in NodeAffinity of pod so all "
                  "nodes' priority is zero")
        << 1 << QList<int>{4, 2, 3} << Longs{0, 0, 0};
    QTest::newRow("only node1 matches the preferred scheduling requirements of pod")
        << 1 << QList<int>{1, 2, 3} << Longs{100, 0, 0};
    // Raw 2, 11, 4 → 2·100/11 = 18, 100, 4·100/11 = 36.
    QTest::newRow("all nodes matches the preferred scheduling requirements of pod but with "
                  "different priorities ")
        << 2 << QList<int>{1, 5, 2} << Longs{18, 100, 36};
}

void TestSchedulingPlugins::nodeAffinityScore() {
    QFETCH(int, affinity);
    QFETCH(QList<int>, nodeLabels);
    QFETCH(Longs, expected);
    const std::vector<LabelMap> labelSets = {{},
                                             {{"foo", "bar"}},
                                             {{"key", "value"}},
                                             {{"az", "az1"}},
                                             {{"abc", "az11"}, {"def", "az22"}},
                                             {{"foo", "bar"}, {"key", "value"}, {"az", "az1"}}};
    PodSpec spec;
    if (affinity > 0) {
        NodeAffinity na;
        na.preferred.push_back({2, {{req("foo", SelectorOperator::In, {"bar"})}}});
        if (affinity == 2) {
            na.preferred.push_back({4, {{req("key", SelectorOperator::In, {"value"})}}});
            na.preferred.push_back({5,
                                    {{req("foo", SelectorOperator::In, {"bar"}),
                                      req("key", SelectorOperator::In, {"value"}),
                                      req("az", SelectorOperator::In, {"az1"})}}});
        }
        spec.affinity = Affinity{};
        spec.affinity->nodeAffinity = na;
    }
    PodFactory f;
    const auto pod = f.withSpec("p", spec);
    SchedulerClusterView view;
    for (qsizetype i = 0; i < nodeLabels.size(); ++i) {
        view.addNode(node("node" + std::to_string(i + 1), 0, 0,
                          labelSets[static_cast<std::size_t>(nodeLabels[i])]));
    }
    NodeAffinityPlugin plugin;
    QCOMPARE(toLongs(runScore(plugin, pod, view)), expected);
}

void TestSchedulingPlugins::nodeUnschedulable_data() {
    QTest::addColumn<bool>("unschedulable");
    QTest::addColumn<Strings>("podTolerations");
    QTest::addColumn<QString>("expected");
    // node_unschedulable_test.go TestNodeUnschedulable.
    QTest::newRow("Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)")
        << true << Strings{} << QStringLiteral("node(s) were unschedulable");
    QTest::newRow("Schedule pod to normal node") << false << Strings{} << QString();
    QTest::newRow("Schedule pod with toleration to unschedulable node "
                  "(node.Spec.Unschedulable==true)")
        << true << Strings{"node.kubernetes.io/unschedulable:Exists:NoSchedule"} << QString();
}

void TestSchedulingPlugins::nodeUnschedulable() {
    QFETCH(bool, unschedulable);
    QFETCH(Strings, podTolerations);
    QFETCH(QString, expected);
    PodSpec spec;
    spec.tolerations = tolerations(podTolerations);
    PodFactory f;
    const auto pod = f.withSpec("p", spec);
    SchedulerClusterView view;
    auto n = node("node1");
    n.unschedulable = unschedulable;
    view.addNode(n);
    NodeUnschedulablePlugin plugin;
    QCOMPARE(QString::fromStdString(runFilter(plugin, pod, view).front()), expected);
}

void TestSchedulingPlugins::nodeName() {
    // node_name_test.go TestNodeName: "no host specified", "host matches", "host doesn't match".
    PodFactory f;
    auto pod = f.withSpec("p", {});
    SchedulerClusterView view;
    view.addNode(node("foo"));
    view.addNode(node("bar"));
    NodeNamePlugin plugin;
    QCOMPARE(runFilter(plugin, pod, view), (std::vector<std::string>{"", ""}));
    pod.nodeName = "foo";
    QCOMPARE(runFilter(plugin, pod, view),
             (std::vector<std::string>{"", "node(s) didn't match the requested node name"}));
}

void TestSchedulingPlugins::imageLocality_data() {
    QTest::addColumn<Strings>("podImages");
    QTest::addColumn<Longs>("expected");
    // image_locality_test.go TestImageLocalityPriority. node403002000 holds gcr.io/40 (40 MB),
    // gcr.io/300 (300 MB), gcr.io/2000 (2000 MB); node25010 holds gcr.io/250 (250 MB),
    // gcr.io/10 (10 MB); each image is on 1 of 2 nodes, so its score is halved.
    // node1: 40·½ = 20 MB < 23 MB → 0; node2: 250·½ = 125 MB → 100·(125−23)/(2000−23) = 5.
    QTest::newRow("two images spread on two nodes, prefer the larger image one")
        << Strings{"gcr.io/40", "gcr.io/250"} << Longs{0, 5};
    // node1: (40 + 300)·½ = 170 MB → 100·(170−23)/(2000−23) = 7; node2: 0.
    QTest::newRow("two images on one node, prefer this node")
        << Strings{"gcr.io/40", "gcr.io/300"} << Longs{7, 0};
    // node1: 2000·½ = 1000 MB, below 1000 MB × 2 containers → 100·(1000−23)/1977 = 49;
    // node2: 10·½ = 5 MB → 0.
    QTest::newRow("cnsim: large image, two containers")
        << Strings{"gcr.io/2000", "gcr.io/10"} << Longs{49, 0};
    // One container: max threshold 1000 MB; 2000·½ = 1000 MB → 100.
    QTest::newRow("cnsim: one container at the max threshold")
        << Strings{"gcr.io/2000"} << Longs{100, 0};
}

void TestSchedulingPlugins::imageLocality() {
    QFETCH(Strings, podImages);
    QFETCH(Longs, expected);
    constexpr std::int64_t mb = 1024 * 1024;
    SchedulerClusterView view;
    view.addNode(node("node403002000"));
    view.addNode(node("node25010"));
    view.addImage("node403002000", "gcr.io/40:latest", Bytes{40 * mb});
    view.addImage("node403002000", "gcr.io/300:latest", Bytes{300 * mb});
    view.addImage("node403002000", "gcr.io/2000:latest", Bytes{2000 * mb});
    view.addImage("node25010", "gcr.io/250:latest", Bytes{250 * mb});
    view.addImage("node25010", "gcr.io/10:latest", Bytes{10 * mb});
    PodSpec spec;
    for (const auto& image : podImages) {
        ContainerSpec c;
        c.image = image.toStdString();
        spec.containers.push_back(c);
    }
    PodFactory f;
    const auto pod = f.withSpec("p", spec);
    ImageLocalityPlugin plugin;
    QCOMPARE(toLongs(runScore(plugin, pod, view)), expected);
}

void TestSchedulingPlugins::defaultNormalizeScore_data() {
    QTest::addColumn<bool>("reverse");
    QTest::addColumn<Longs>("scores");
    QTest::addColumn<Longs>("expected");
    // helper/normalize_score_test.go TestDefaultNormalizeScore.
    QTest::newRow("forward") << false << Longs{10, 20, 30} << Longs{33, 66, 100};
    QTest::newRow("reverse") << true << Longs{10, 20, 30} << Longs{67, 34, 0};
    QTest::newRow("forward, one large") << false << Longs{1000, 10, 20, 30} << Longs{100, 1, 2, 3};
    QTest::newRow("reverse, one large") << true << Longs{1000, 10, 20, 30} << Longs{0, 99, 98, 97};
    QTest::newRow("forward, equal") << false << Longs{1, 1, 1} << Longs{100, 100, 100};
    QTest::newRow("reverse, equal") << true << Longs{1, 1, 1} << Longs{0, 0, 0};
    QTest::newRow("forward, zeros") << false << Longs{0, 0, 0} << Longs{0, 0, 0};
    QTest::newRow("reverse, zeros") << true << Longs{0, 0, 0} << Longs{100, 100, 100};
}

void TestSchedulingPlugins::defaultNormalizeScore() {
    QFETCH(bool, reverse);
    QFETCH(Longs, scores);
    QFETCH(Longs, expected);
    std::vector<std::int64_t> v(scores.begin(), scores.end());
    cnsim::defaultNormalizeScore(100, reverse, v);
    QCOMPARE(toLongs(v), expected);
}

QTEST_GUILESS_MAIN(TestSchedulingPlugins)
#include "test_scheduling_plugins.moc"
