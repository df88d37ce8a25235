// SchedulerClusterView's incremental indexes against a brute-force count over the same pods:
// the per-(namespace, selector) pod counts per node (live and all), the per-domain totals
// PodTopologySpread reads, and the interned label columns, through every kind of change the
// model makes (pods bound, terminating and deleted; nodes added, relabelled and removed).

#include <QTest>

#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "control/scheduling/clusterview.h"
#include "control/scheduling/labelmatching.h"
#include "engine/random.h"
#include "schedulingtestutil.h"
#endif

#include <string>
#include <vector>

using namespace cnsim;
using namespace cnsim::testing;

namespace {

const std::string kZone(k8s::kLabelZone);

LabelSelector matchLabels(LabelMap labels) {
    LabelSelector s;
    s.matchLabels = std::move(labels);
    return s;
}

LabelSelector appIn(std::vector<std::string> values) {
    LabelSelector s;
    s.matchExpressions.push_back({"app", SelectorOperator::In, std::move(values)});
    return s;
}

std::vector<int> bruteCounts(const SchedulerClusterView& view, const std::string& ns,
                             const LabelSelector& selector, bool live) {
    std::vector<int> out;
    for (const auto& node : view.nodes()) {
        int n = 0;
        for (const auto& p : node.pods) {
            if (p.nameSpace == ns && (!live || !p.terminating) &&
                matchesLabelSelector(selector, p.labels)) {
                ++n;
            }
        }
        out.push_back(n);
    }
    return out;
}

std::vector<std::int64_t> bruteDomains(const SchedulerClusterView& view, const std::string& ns,
                                       const LabelSelector& selector, const std::string& key) {
    const LabelColumn& column = view.labelColumn(key);
    const std::vector<int> live = bruteCounts(view, ns, selector, true);
    std::vector<std::int64_t> out(column.values.size(), 0);
    for (std::size_t i = 0; i < view.nodes().size(); ++i) {
        const auto label = view.nodes()[i].labels.find(key);
        if (label == view.nodes()[i].labels.end()) {
            continue;
        }
        for (std::size_t id = 0; id < column.values.size(); ++id) {
            if (column.values[id] == label->second) {
                out[id] += live[i];
            }
        }
    }
    return out;
}

} // namespace

class TestSchedulingClusterView : public QObject {
    Q_OBJECT
private slots:
    void labelColumnInternsValues();
    void countsFollowEveryChange();
};

void TestSchedulingClusterView::labelColumnInternsValues() {
    SchedulerClusterView view;
    view.addNode(node("a", 1000, 1000, {{kZone, "z1"}}));
    view.addNode(node("b", 1000, 1000, {}));
    view.addNode(node("c", 1000, 1000, {{kZone, ""}}));
    view.addNode(node("d", 1000, 1000, {{kZone, "z1"}}));
    const LabelColumn& column = view.labelColumn(kZone);
    QCOMPARE(column.values, (std::vector<std::string>{"z1", ""}));
    QCOMPARE(column.ids, (std::vector<std::int32_t>{0, LabelColumn::kMissing, 1, 0}));
    QCOMPARE(column.missing, std::size_t{1});
    QCOMPARE(column.emptyValue, 1);
    // Relabelling a node drops the column; the next read sees the new value.
    view.updateNode(node("b", 1000, 1000, {{kZone, "z2"}}));
    QCOMPARE(view.labelColumn(kZone).values, (std::vector<std::string>{"z1", "z2", ""}));
    QCOMPARE(view.labelColumn(kZone).missing, std::size_t{0});
}

void TestSchedulingClusterView::countsFollowEveryChange() {
    // Random changes, checked after each against a brute-force count, for selectors that are
    // indexed (matchLabels), unindexed (expressions only) and in another namespace.
    const std::vector<std::pair<std::string, LabelSelector>> selectors = {
        {"default", matchLabels({{"app", "a"}})},
        {"default", matchLabels({{"app", "b"}, {"tier", "web"}})},
        {"default", appIn({"a", "c"})},
        {"default", LabelSelector{}},
        {"other", matchLabels({{"app", "a"}})},
    };
    PodFactory pods;
    SchedulerClusterView view;
    RandomStream random(7, "clusterview-test");
    static const char* zones[] = {"z1", "z2", "z3"};
    int nextNode = 0;
    auto addNode = [&] {
        const std::string name = "n" + std::to_string(nextNode);
        view.addNode(node(name, 100000, 100000, {{kZone, zones[nextNode % 3]}}));
        ++nextNode;
    };
    for (int i = 0; i < 6; ++i) {
        addNode();
    }
    struct Bound {
        std::string node;
        std::string ns;
        std::string name;
        bool terminating = false;
    };
    std::vector<Bound> bound;
    static const char* apps[] = {"a", "b", "c"};
    static const char* tiers[] = {"web", "db"};
    for (int step = 0; step < 600; ++step) {
        // Ask for every memo early, so later changes must keep them current.
        if (step == 5) {
            for (const auto& [ns, selector] : selectors) {
                view.matchingPodCounts(ns, selector, true);
                view.liveDomainTotals(ns, selector, kZone);
            }
        }
        const std::uint64_t action = random.uniformIndex(10);
        if (action < 5 || bound.empty()) {
            const auto& target = view.nodes()[random.uniformIndex(view.nodes().size())];
            const std::string ns = random.uniformIndex(5) == 0 ? "other" : "default";
            const std::string name = "p" + std::to_string(step);
            SchedulerPodInfo pod = pods.pod(
                name, {{10, 10}},
                {{"app", apps[random.uniformIndex(3)]}, {"tier", tiers[random.uniformIndex(2)]}});
            pod.nameSpace = ns;
            const std::string nodeName = target.name;
            QVERIFY(view.addPod(nodeName, pod));
            bound.push_back({nodeName, ns, name, false});
        } else if (action < 7) {
            const std::size_t i = random.uniformIndex(bound.size());
            QVERIFY(view.removePod(bound[i].node, bound[i].ns, bound[i].name));
            bound.erase(bound.begin() + static_cast<std::ptrdiff_t>(i));
        } else if (action < 8) {
            Bound& b = bound[random.uniformIndex(bound.size())];
            b.terminating = !b.terminating;
            QVERIFY(view.setPodTerminating(b.node, b.ns, b.name, b.terminating));
        } else if (action < 9) {
            if (random.uniformIndex(3) == 0 && view.nodes().size() > 2) {
                const std::string gone =
                    view.nodes()[random.uniformIndex(view.nodes().size())].name;
                QVERIFY(view.removeNode(gone));
                std::erase_if(bound, [&](const Bound& b) { return b.node == gone; });
            } else {
                addNode();
            }
        } else {
            const auto& target = view.nodes()[random.uniformIndex(view.nodes().size())];
            view.updateNode(
                node(target.name, 100000, 100000, {{kZone, zones[random.uniformIndex(3)]}}));
        }
        for (const auto& [ns, selector] : selectors) {
            QCOMPARE(view.matchingPodCounts(ns, selector, true),
                     bruteCounts(view, ns, selector, true));
            QCOMPARE(view.matchingPodCounts(ns, selector, false),
                     bruteCounts(view, ns, selector, false));
            QCOMPARE(view.liveDomainTotals(ns, selector, kZone),
                     bruteDomains(view, ns, selector, kZone));
        }
        QCOMPARE(view.podCount(), bound.size());
    }
}

QTEST_GUILESS_MAIN(TestSchedulingClusterView)
#include "test_scheduling_clusterview.moc"
