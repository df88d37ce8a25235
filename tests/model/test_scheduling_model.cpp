// kube-scheduler in the running model: the KubeScheduler component drives the scheduling
// library from API watches and engine events. Each test builds a small cluster from YAML,
// runs it, and checks where pods landed (or why they did not), citing the upstream rule.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "control/kubernetesdefaults.h"
#include "model/kubescheduler.h"
#include "model/simulation.h"
#include "model/simulationmodel.h"
#include "scenariotext.h"

#include <algorithm>
#include <map>
#include <set>
#endif

using namespace cnsim;

namespace {

// A scenario with the given `nodes:` entries, `workloads:` entries and optional simulation
// section (all already indented as in the file).
std::string scenarioYaml(const std::string& nodes, const std::string& workloads,
                         const std::string& simulation = "") {
    std::string yaml = "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: test\n"
                       "  title:\n    en: Test\n    zh_CN: 测试\n"
                       "seed: 11\nduration: 10m\ncluster:\n  nodes:\n" +
                       nodes + "workloads:\n" + workloads;
    if (!simulation.empty()) {
        yaml += "simulation:\n" + simulation;
    }
    return yaml;
}

// One node entry; `extra` lines are indented to the node's keys (6 spaces).
std::string node(const std::string& name, const std::string& zone, const std::string& cpu,
                 const std::string& memory = "8Gi", const std::string& extra = "") {
    return "    - name: " + name + "\n      zone: " + zone + "\n      cpu: \"" + cpu +
           "\"\n      memory: " + memory + "\n" + extra;
}

// One Deployment whose pods carry app=<name>; `podSpec` lines are indented to the pod
// spec's keys (10 spaces).
std::string deployment(const std::string& name, int replicas, const std::string& cpu,
                       const std::string& memory = "128Mi", const std::string& podSpec = "") {
    return "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: " + name +
           "\n    spec:\n      replicas: " + std::to_string(replicas) +
           "\n      selector:\n        matchLabels:\n          app: " + name +
           "\n      template:\n        metadata:\n          labels:\n            app: " + name +
           "\n        spec:\n" + podSpec +
           "          containers:\n            - name: main\n              image: nginx:1.27\n"
           "              resources:\n                requests:\n                  cpu: \"" +
           cpu + "\"\n                  memory: " + memory + "\n";
}

struct Run {
    explicit Run(const std::string& yaml, std::uint64_t seed = 11)
        : model(test::loadScenarioText(yaml), seed, SimTime::minutes(30)) {}
    void until(SimTime t) { model.engine().runUntil(t); }

    // node → pods of `app` on it (bound, not terminating)
    std::map<std::string, int> placement(const std::string& app) const {
        std::map<std::string, int> out;
        for (const auto& [key, pod] : model.api().pods()) {
            const auto it = pod.meta.labels.find("app");
            if (it != pod.meta.labels.end() && it->second == app && !pod.nodeName.empty() &&
                !isPodTerminating(pod)) {
                ++out[pod.nodeName];
            }
        }
        return out;
    }
    std::vector<const PodObject*> pending() const {
        std::vector<const PodObject*> out;
        for (const auto& [key, pod] : model.api().pods()) {
            if (pod.nodeName.empty()) {
                out.push_back(&pod);
            }
        }
        return out;
    }
    int events(EventReason reason) const {
        return static_cast<int>(std::count_if(model.events().begin(), model.events().end(),
                                              [&](const ClusterEvent& e) {
                                                  return e.reason == reason;
                                              }));
    }
    const ClusterEvent* lastEvent(EventReason reason) const {
        const auto& all = model.events();
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            if (it->reason == reason) {
                return &*it;
            }
        }
        return nullptr;
    }

    SimulationModel model;
};

std::string pendingMessage(const PodObject& pod) {
    const Condition* c = findCondition(pod.conditions, "PodScheduled");
    return c == nullptr ? std::string() : c->message;
}

int total(const std::map<std::string, int>& placement) {
    int n = 0;
    for (const auto& [node, count] : placement) {
        n += count;
    }
    return n;
}

} // namespace

class TestSchedulingModel : public QObject {
    Q_OBJECT

private slots:
    void taintsAndTolerations();
    void nodeSelectorMismatchMessage();
    void requiredAntiAffinitySpreadsByHostname();
    void topologySpreadAcrossZones();
    void mostAllocatedProfilePacks();
    void uncordonRetriesUnschedulablePod();
    void addedNodeRetriesUnschedulablePod();
    void waitingPodRecordsOneEventPerMessage();
    void samePlacementForSameSeed();
    void decisionIsKeptAndDropped();
    void oldestDecisionsGoOverBudget();
};

void TestSchedulingModel::taintsAndTolerations() {
    // tainttoleration.go Filter: a NoSchedule taint keeps out every pod that does not
    // tolerate it; nodeSelector (nodeaffinity.go) then sends the tolerating pods there.
    const std::string taint = "      labels:\n        pool: gpu\n      taints:\n"
                              "        - key: dedicated\n          value: gpu\n"
                              "          effect: NoSchedule\n";
    const std::string gpuSpec = "          nodeSelector:\n            pool: gpu\n"
                                "          tolerations:\n            - key: dedicated\n"
                                "              operator: Equal\n              value: gpu\n"
                                "              effect: NoSchedule\n";
    Run run(scenarioYaml(node("gpu-1", "zone-a", "8", "8Gi", taint) +
                             node("gpu-2", "zone-a", "8", "8Gi", taint) +
                             node("plain-1", "zone-a", "8"),
                         deployment("web", 4, "500m") + deployment("train", 4, "500m", "128Mi",
                                                                   gpuSpec)));
    run.until(SimTime::seconds(1));
    QCOMPARE(run.placement("web"), (std::map<std::string, int>{{"plain-1", 4}}));
    const auto train = run.placement("train");
    QCOMPARE(total(train), 4);
    QCOMPARE(train.count("plain-1"), std::size_t{0});
}

void TestSchedulingModel::nodeSelectorMismatchMessage() {
    // types.go FitError over NodeAffinity's ErrReasonPod.
    Run run(scenarioYaml(node("node-1", "zone-a", "4") + node("node-2", "zone-a", "4"),
                         deployment("web", 1, "100m", "128Mi",
                                    "          nodeSelector:\n            disk: ssd\n")));
    run.until(SimTime::seconds(1));
    const auto pending = run.pending();
    QCOMPARE(pending.size(), std::size_t{1});
    QCOMPARE(pendingMessage(*pending[0]),
             std::string("0/2 nodes are available: 2 node(s) didn't match Pod's node "
                         "affinity/selector."));
    const ClusterEvent* failed = run.lastEvent(EventReason::FailedScheduling);
    QVERIFY(failed != nullptr);
    QCOMPARE(failed->arg("reason"), std::string_view(pendingMessage(*pending[0])));
}

void TestSchedulingModel::requiredAntiAffinitySpreadsByHostname() {
    // interpodaffinity/filtering.go: a required anti-affinity term on kubernetes.io/hostname
    // puts at most one replica per node; the fourth replica of three nodes waits.
    const std::string anti = "          affinity:\n            podAntiAffinity:\n"
                             "              requiredDuringSchedulingIgnoredDuringExecution:\n"
                             "                - labelSelector:\n                    matchLabels:\n"
                             "                      app: web\n"
                             "                  topologyKey: kubernetes.io/hostname\n";
    Run run(scenarioYaml(node("node-1", "zone-a", "8") + node("node-2", "zone-a", "8") +
                             node("node-3", "zone-b", "8"),
                         deployment("web", 4, "100m", "128Mi", anti)));
    run.until(SimTime::seconds(5));
    QCOMPARE(run.placement("web"),
             (std::map<std::string, int>{{"node-1", 1}, {"node-2", 1}, {"node-3", 1}}));
    const auto pending = run.pending();
    QCOMPARE(pending.size(), std::size_t{1});
    QCOMPARE(pendingMessage(*pending[0]),
             std::string("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity "
                         "rules."));
}

void TestSchedulingModel::topologySpreadAcrossZones() {
    // podtopologyspread/filtering.go: with maxSkew 1 on the zone key and DoNotSchedule, six
    // replicas over three zones land two per zone, whatever the zones' sizes.
    const std::string spread = "          topologySpreadConstraints:\n"
                               "            - maxSkew: 1\n"
                               "              topologyKey: topology.kubernetes.io/zone\n"
                               "              whenUnsatisfiable: DoNotSchedule\n"
                               "              labelSelector:\n                matchLabels:\n"
                               "                  app: web\n";
    Run run(scenarioYaml(node("a-1", "zone-a", "8") + node("a-2", "zone-a", "8") +
                             node("a-3", "zone-a", "8") + node("b-1", "zone-b", "8") +
                             node("c-1", "zone-c", "8"),
                         deployment("web", 6, "100m", "128Mi", spread)));
    run.until(SimTime::seconds(1));
    std::map<std::string, int> perZone;
    for (const auto& [nodeName, count] : run.placement("web")) {
        perZone[run.model.api().nodes().find("", nodeName)->zone] += count;
    }
    QCOMPARE(perZone, (std::map<std::string, int>{{"zone-a", 2}, {"zone-b", 2}, {"zone-c", 2}}));
}

void TestSchedulingModel::mostAllocatedProfilePacks() {
    // noderesources/most_allocated.go: the bin-packing profile prefers the fullest node that
    // fits; LeastAllocated (the default) the emptiest. Four one-replica workloads (so default
    // pod spreading does not apply between them) with cpu:memory in the nodes' ratio (so
    // BalancedAllocation is 100 everywhere).
    const std::string nodes = node("node-1", "zone-a", "4") + node("node-2", "zone-a", "4") +
                              node("node-3", "zone-a", "4") + node("node-4", "zone-a", "4");
    const auto workloads = [](const std::string& podSpec) {
        std::string out;
        for (const char* name : {"a", "b", "c", "d"}) {
            out += deployment(name, 1, "1", "2Gi", podSpec);
        }
        return out;
    };
    const auto nodesUsed = [](const Run& run) {
        std::set<std::string> used;
        for (const char* app : {"a", "b", "c", "d"}) {
            for (const auto& [nodeName, count] : run.placement(app)) {
                used.insert(nodeName);
            }
        }
        return used.size();
    };
    Run spread(scenarioYaml(nodes, workloads("")));
    spread.until(SimTime::seconds(1));
    QCOMPARE(nodesUsed(spread), std::size_t{4});

    Run packed(scenarioYaml(nodes, workloads("          schedulerName: bin-packing\n"),
                            "  scheduler:\n    profiles:\n"
                            "      - schedulerName: default-scheduler\n"
                            "      - schedulerName: bin-packing\n"
                            "        scoringStrategy: MostAllocated\n"));
    packed.until(SimTime::seconds(1));
    QCOMPARE(nodesUsed(packed), std::size_t{1});
    const std::optional<SchedulingDecision> last =
        packed.model.scheduler().decision(packed.model.api().pods().begin()->second.meta.name);
    QVERIFY(last.has_value());
    QCOMPARE(last->schedulerName, std::string("bin-packing"));
}

void TestSchedulingModel::uncordonRetriesUnschedulablePod() {
    // nodeunschedulable.go: a cordoned node takes no new pods. Uncordoning it is a Node
    // update NodeUnschedulable registered for, so the pod leaves unschedulablePods at once
    // (its 1 s back-off has long expired) and is bound at that instant.
    Run run(scenarioYaml(node("node-1", "zone-a", "4", "8Gi", "      unschedulable: true\n"),
                         deployment("web", 1, "100m")));
    run.until(SimTime::seconds(10));
    QCOMPARE(run.pending().size(), std::size_t{1});
    QCOMPARE(pendingMessage(*run.pending()[0]),
             std::string("0/1 nodes are available: 1 node(s) were unschedulable."));
    run.model.engine().scheduleAt(SimTime::seconds(12), [&run] {
        NodeObject* n = run.model.api().nodes().find("", "node-1");
        n->unschedulable = false; // kubectl uncordon: a PATCH of spec.unschedulable
        run.model.api().updated(ResourceKind::Node, n->meta);
    });
    run.until(SimTime::seconds(20));
    QCOMPARE(run.placement("web"), (std::map<std::string, int>{{"node-1", 1}}));
    QCOMPARE(run.lastEvent(EventReason::Scheduled)->time, SimTime::seconds(12));
}

void TestSchedulingModel::addedNodeRetriesUnschedulablePod() {
    // A new node is a NodeAdd event every filter plugin registered for.
    Run run(scenarioYaml(node("node-1", "zone-a", "1"), deployment("web", 2, "1")));
    run.until(SimTime::seconds(10));
    QCOMPARE(run.pending().size(), std::size_t{1});
    QCOMPARE(pendingMessage(*run.pending()[0]),
             std::string("0/1 nodes are available: 1 Insufficient cpu."));
    run.model.engine().scheduleAt(SimTime::seconds(15), [&run] {
        NodeObject added = *run.model.api().nodes().find("", "node-1");
        added.meta = ObjectMeta{};
        added.meta.name = "node-2";
        added.meta.nameSpace = ""; // cluster-scoped
        added.meta.labels = {{std::string(k8s::kLabelHostname), "node-2"},
                             {std::string(k8s::kLabelZone), "zone-a"}};
        run.model.api().create(std::move(added), run.model.now()); // the kubelet registers
    });
    run.until(SimTime::seconds(20));
    QCOMPARE(run.placement("web"), (std::map<std::string, int>{{"node-1", 1}, {"node-2", 1}}));
    QCOMPARE(run.lastEvent(EventReason::Scheduled)->time, SimTime::seconds(15));
}

void TestSchedulingModel::waitingPodRecordsOneEventPerMessage() {
    // A pod that keeps failing for the same reason is retried (back-off, the 30 s leftover
    // flush after 5 min in unschedulablePods) but reports FailedScheduling once per message.
    Run run(scenarioYaml(node("node-1", "zone-a", "1"), deployment("web", 2, "1")));
    run.until(SimTime::minutes(12));
    QCOMPARE(run.events(EventReason::FailedScheduling), 1);
    QCOMPARE(run.model.scheduler().queue().unschedulableCount(), std::size_t{1});
    // Retried at least at 5.5 and 11 minutes: the kept decision is the latest attempt.
    const PodObject* waiting = run.pending().at(0);
    QVERIFY(run.model.scheduler().decision(waiting->meta.name).has_value());
}

void TestSchedulingModel::samePlacementForSameSeed() {
    // Ties between equally good nodes are broken by the seeded "scheduler" stream: the same
    // seed gives the same placement, and some other seed a different one.
    const std::string yaml =
        scenarioYaml(node("node-1", "zone-a", "8") + node("node-2", "zone-a", "8") +
                         node("node-3", "zone-b", "8") + node("node-4", "zone-b", "8"),
                     deployment("web", 6, "250m") + deployment("api", 5, "500m"));
    const auto placementOf = [&](std::uint64_t seed) {
        Simulation sim(test::loadScenarioText(yaml), SimulationOptions{seed, SimTime::seconds(5)});
        sim.runToEnd();
        std::map<std::string, std::string> out;
        for (const PodState& pod : sim.snapshot().pods) {
            out[pod.name] = pod.node;
        }
        return std::pair(out, sim.fingerprint());
    };
    const auto first = placementOf(7);
    QCOMPARE(placementOf(7), first);
    bool someDiffer = false;
    for (std::uint64_t seed = 1; seed <= 6 && !someDiffer; ++seed) {
        const auto other = placementOf(seed);
        std::vector<std::string> a;
        std::vector<std::string> b;
        for (const auto& [pod, nodeName] : first.first) {
            a.push_back(nodeName);
        }
        for (const auto& [pod, nodeName] : other.first) {
            b.push_back(nodeName);
        }
        someDiffer = a != b;
    }
    QVERIFY(someDiffer);
}

void TestSchedulingModel::decisionIsKeptAndDropped() {
    Simulation sim(test::loadScenarioText(
        scenarioYaml(node("node-1", "zone-a", "4") + node("node-2", "zone-a", "4"),
                     deployment("web", 2, "500m"))));
    sim.advanceTo(SimTime::seconds(5));
    const PodState pod = sim.snapshot().pods.front();
    const std::optional<SchedulingDecision> decision = sim.schedulingDecision(pod.name);
    QVERIFY(decision.has_value());
    QCOMPARE(decision->result, SchedulingResult::Scheduled);
    QCOMPARE(decision->selectedNode, pod.node);
    QCOMPARE(decision->filter.size(), std::size_t{2});
    QVERIFY(!sim.schedulingDecision("no-such-pod").has_value());

    QVERIFY(sim.apply(DeletePodAction{pod.name}).ok);
    sim.advanceTo(SimTime::seconds(60)); // graceful stop done: the pod object is gone
    QVERIFY(!sim.schedulingDecision(pod.name).has_value());
}

void TestSchedulingModel::oldestDecisionsGoOverBudget() {
    // KubeScheduler keeps the latest attempts within its byte budget, dropping the oldest.
    Run run(scenarioYaml(node("node-1", "zone-a", "4") + node("node-2", "zone-a", "4"),
                         deployment("web", 10, "100m")));
    run.model.scheduler().setDecisionBudgetBytes(3000);
    run.until(SimTime::seconds(1));
    std::vector<std::string> scheduled; // in binding order
    for (const ClusterEvent& e : run.model.events()) {
        if (e.reason == EventReason::Scheduled) {
            scheduled.push_back(e.objectName);
        }
    }
    QCOMPARE(scheduled.size(), std::size_t{10});
    const KubeScheduler& scheduler = run.model.scheduler();
    QVERIFY(scheduler.keptDecisionCount() >= 1);
    QVERIFY(scheduler.keptDecisionCount() < 10);
    QVERIFY(scheduler.keptDecisionBytes() <= 3000);
    QVERIFY(!scheduler.decision(scheduled.front()).has_value());
    const std::optional<SchedulingDecision> last = scheduler.decision(scheduled.back());
    QVERIFY(last.has_value());
    QCOMPARE(last->pod, scheduled.back());
    QCOMPARE(last->filter.size(), std::size_t{2});
}

QTEST_GUILESS_MAIN(TestSchedulingModel)
#include "test_scheduling_model.moc"
