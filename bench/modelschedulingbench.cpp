// cnsim-bench-model-scheduling: kube-scheduler in the running model at Kubernetes' scale.
//
// A scenario of 1,000 nodes (10 pools of 100, three zones) and 50 Deployments of 200
// replicas (10,000 pods) starts at t = 0: the ReplicaSet controllers create every pod and the
// KubeScheduler component binds them one per engine event, with the default profile and
// upstream's adaptive percentage of nodes to score. Measured: wall time from building the
// Simulation until every pod is bound (all at simulated t = 0, together with the kubelets'
// reactions in that instant), pods per second. Baseline, same process, same nodes and pod
// specs: the scheduling library alone (Scheduler::schedule + view.addPod in a loop), so the
// ratio is what the model around it costs (watches, queue, API updates, events, decisions).

#include "control/scheduling/scheduler.h"
#include "engine/fingerprint.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace cnsim;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr int kPools = 10;
constexpr int kNodesPerPool = 100;
constexpr int kDeployments = 50;
constexpr int kReplicas = 200;

std::string scenarioYaml() {
    std::string yaml = "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: bench\n"
                       "  title:\n    en: Bench\nseed: 1\nduration: 1m\ncluster:\n  nodePools:\n";
    static const char* zones[] = {"zone-a", "zone-b", "zone-c"};
    for (int p = 0; p < kPools; ++p) {
        yaml += "    - name: pool" + std::to_string(p) + "\n      zone: " + zones[p % 3] +
                "\n      count: " + std::to_string(kNodesPerPool) + "\n      cpu: \"" +
                std::to_string(4 + 4 * (p % 2)) + "\"\n      memory: 16Gi\n";
    }
    yaml += "workloads:\n";
    for (int d = 0; d < kDeployments; ++d) {
        const std::string name = "app" + std::to_string(d);
        yaml +=
            "  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: " + name +
            "\n    spec:\n      replicas: " + std::to_string(kReplicas) +
            "\n      selector:\n        matchLabels:\n          app: " + name +
            "\n      template:\n        metadata:\n          labels:\n            app: " + name +
            "\n        spec:\n          containers:\n            - name: main\n"
            "              image: nginx:1.27\n              resources:\n"
            "                requests:\n                  cpu: 100m\n"
            "                  memory: 128Mi\n";
    }
    return yaml;
}

// Every pod's node, in pod-key order: equal across runs and versions for the same seed.
std::string placements(const Simulation& simulation) {
    Fingerprint f;
    for (const auto& [key, pod] : simulation.api().pods()) {
        f.addString(key);
        f.addString(pod.nodeName);
    }
    return f.hex();
}

int boundPods(const Simulation& simulation) {
    int bound = 0;
    for (const auto& [key, pod] : simulation.api().pods()) {
        bound += pod.nodeName.empty() ? 0 : 1;
    }
    return bound;
}

} // namespace

int main() {
    ScenarioLoadResult loaded = readScenario(scenarioYaml(), "bench.yaml");
    if (!loaded.scenario) {
        for (const Diagnostic& d : loaded.diagnostics) {
            std::fprintf(stderr, "%s\n", d.toString().c_str());
        }
        return 1;
    }
    const int pods = kDeployments * kReplicas;

    // The model: from construction to every pod bound.
    const auto modelStart = Clock::now();
    Simulation simulation(*loaded.scenario);
    simulation.advanceTo(SimTime::microseconds(1));
    const double modelSeconds = secondsSince(modelStart);
    const int bound = boundPods(simulation);

    // The library alone, on the same nodes and pod specs, in the model's pod order.
    SchedulerClusterView view;
    for (const auto& [key, node] : simulation.api().nodes()) {
        SchedulerNodeSpec spec;
        spec.name = node.meta.name;
        spec.labels = node.meta.labels;
        spec.allocatable = {node.allocatableCpu, node.allocatableMemory};
        spec.allocatablePods = node.capacityPods;
        view.addNode(spec);
    }
    std::vector<SchedulerPodInfo> infos;
    for (const auto& [key, pod] : simulation.api().pods()) {
        SchedulerPodInfo info =
            makeSchedulerPodInfo(pod.meta.name, pod.meta.nameSpace, pod.meta.labels, pod.spec);
        LabelSelector selector;
        selector.matchLabels = pod.meta.labels; // the ReplicaSet's selector is the pod's labels
        info.defaultSpreadSelector = selector;
        infos.push_back(std::move(info));
    }
    Scheduler scheduler = Scheduler::fromSpec({});
    RandomStream random(1, "scheduler");
    const auto libraryStart = Clock::now();
    int libraryBound = 0;
    for (const SchedulerPodInfo& info : infos) {
        const SchedulingRecord d = scheduler.attempt(info, view, random);
        if (d.result == SchedulingResult::Scheduled) {
            view.addPod(Scheduler::selectedNode(d), info);
            ++libraryBound;
        }
    }
    const double librarySeconds = secondsSince(libraryStart);

    std::printf("Model scheduling: %d nodes, %d pods (default profile, adaptive %%)\n",
                kPools * kNodesPerPool, pods);
    std::printf("  model   (Simulation, t=0 until all bound) %8.3f s  %9.0f pods/s  bound %d  "
                "[placements %s]\n",
                modelSeconds, bound / modelSeconds, bound, placements(simulation).c_str());
    std::printf("  library (schedule + addPod loop, baseline) %7.3f s  %9.0f pods/s  bound %d\n",
                librarySeconds, libraryBound / librarySeconds, libraryBound);
    std::printf("  ratio model / library                      %7.2fx\n",
                modelSeconds / librarySeconds);
    std::printf("  target: 10,000 pods in under 1 s; real kube-scheduler ~100-300 pods/s\n");
    return bound == pods ? 0 : 2;
}
