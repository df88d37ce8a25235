// cnsim-bench-scheduler: the kube-scheduler library on a cluster of Kubernetes' scale.
//
// 1. 10,000 pods onto 1,000 nodes (mixed sizes, 3 zones, some taints; pods with
//    tolerations, node affinity, spread constraints, anti-affinity) with the default profile
//    and upstream's adaptive percentage of nodes to score. Baseline, same process, same pods:
//    a naive loop that checks fit and scores every node with LeastAllocated only. The ratio
//    shows what the full plugin set and decision records cost over that floor.
// 2. Building the scheduler's view for Kubernetes' documented limits, 5,000 nodes and
//    150,000 pods (kubernetes.io/docs/setup/best-practices/cluster-large).
// Figures print with their targets; see docs/benchmarks.md.

#include "control/kubernetesdefaults.h"
#include "control/scheduling/noderesources.h"
#include "control/scheduling/scheduler.h"
#include "engine/fingerprint.h"
#include "engine/random.h"

#include <chrono>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

using namespace cnsim;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr int kNodes = 1000;
constexpr int kPods = 10000;
constexpr int kDeployments = 50;

SchedulerNodeSpec benchNode(int i) {
    static const std::int64_t cpus[] = {2000, 4000, 8000, 16000};
    static const std::int64_t gib[] = {8, 16, 32, 64};
    static const char* zones[] = {"zone-a", "zone-b", "zone-c"};
    SchedulerNodeSpec n;
    n.name = "node-" + std::to_string(i);
    const auto size = static_cast<std::size_t>(i % 4);
    n.allocatable = {CpuMillis{cpus[size]}, Bytes::gibibytes(gib[size])};
    n.labels[std::string(k8s::kLabelZone)] = zones[i % 3];
    n.labels["node.kubernetes.io/instance-type"] = "size-" + std::to_string(size);
    if (i % 20 == 0) {
        n.taints.push_back({"dedicated", "gpu", TaintEffect::NoSchedule});
    } else if (i % 20 == 1) {
        n.taints.push_back({"spot", "true", TaintEffect::PreferNoSchedule});
    }
    return n;
}

// One pod template per deployment; a tenth tolerate the GPU taint, some prefer a zone,
// some spread strictly over zones, some avoid each other per host.
std::deque<PodSpec> benchTemplates() {
    std::deque<PodSpec> specs;
    for (int d = 0; d < kDeployments; ++d) {
        PodSpec spec;
        ContainerSpec c;
        c.name = "app";
        c.image = "shop/service-" + std::to_string(d % 10) + ":1.0";
        c.requests.cpu = CpuMillis{100 + 50 * (d % 8)};
        c.requests.memory = Bytes::mebibytes(128 + 64 * (d % 6));
        spec.containers.push_back(c);
        if (d % 10 == 0) {
            spec.tolerations.push_back(
                {"dedicated", TolerationOperator::Equal, "gpu", TaintEffect::NoSchedule, {}});
        }
        if (d % 5 == 1) {
            NodeAffinity na;
            na.preferred.push_back(
                {10, {{{std::string(k8s::kLabelZone), SelectorOperator::In, {"zone-a"}}}}});
            spec.affinity = Affinity{};
            spec.affinity->nodeAffinity = na;
        }
        if (d % 7 == 2) {
            TopologySpreadConstraint t;
            t.maxSkew = 1;
            t.topologyKey = std::string(k8s::kLabelZone);
            t.labelSelector.matchLabels = {{"app", "d" + std::to_string(d)}};
            spec.topologySpreadConstraints.push_back(t);
        }
        if (d % 9 == 3) {
            PodAffinityTerm term;
            term.labelSelector.matchLabels = {{"app", "d" + std::to_string(d)}};
            term.topologyKey = std::string(k8s::kLabelHostname);
            spec.affinity = spec.affinity.value_or(Affinity{});
            spec.affinity->podAntiAffinity = PodAffinityRules{{}, {{50, term}}};
        }
        specs.push_back(spec);
    }
    return specs;
}

std::vector<SchedulerPodInfo> benchPods(const std::deque<PodSpec>& specs) {
    std::vector<SchedulerPodInfo> pods;
    pods.reserve(kPods);
    for (int i = 0; i < kPods; ++i) {
        const int d = i % kDeployments;
        const std::string app = "d" + std::to_string(d);
        SchedulerPodInfo p =
            makeSchedulerPodInfo(app + "-" + std::to_string(i), "default", {{"app", app}},
                                 specs[static_cast<std::size_t>(d)]);
        LabelSelector owner;
        owner.matchLabels = {{"app", app}};
        p.defaultSpreadSelector = owner;
        pods.push_back(std::move(p));
    }
    return pods;
}

SchedulerClusterView benchCluster() {
    SchedulerClusterView view;
    for (int i = 0; i < kNodes; ++i) {
        view.addNode(benchNode(i));
        if (i % 4 == 0) {
            view.addImage("node-" + std::to_string(i),
                          "shop/service-" + std::to_string(i % 10) + ":1.0", Bytes::mebibytes(300));
        }
    }
    return view;
}

struct RunResult {
    double seconds = 0.0;
    int scheduled = 0;
    std::uint64_t checksum = 0; // node names' lengths, so the work cannot be optimised away
    Fingerprint placements;     // every pod's node in order: equal across runs and versions
};

RunResult runScheduler(const std::vector<SchedulerPodInfo>& pods) {
    SchedulerClusterView view = benchCluster();
    Scheduler scheduler = Scheduler::fromSpec({});
    RandomStream random(42, "scheduler");
    RunResult r;
    const auto start = Clock::now();
    for (const auto& pod : pods) {
        // The compact record the model keeps (Scheduler::render expands it on demand).
        const SchedulingRecord d = scheduler.attempt(pod, view, random);
        const std::string& node = Scheduler::selectedNode(d);
        if (d.result == SchedulingResult::Scheduled) {
            view.addPod(node, pod);
            ++r.scheduled;
            r.checksum += node.size() + d.verdicts.size();
        }
        r.placements.addString(node);
    }
    r.seconds = secondsSince(start);
    return r;
}

RunResult runNaive(const std::vector<SchedulerPodInfo>& pods) {
    SchedulerClusterView view = benchCluster();
    RunResult r;
    const auto start = Clock::now();
    for (const auto& pod : pods) {
        const auto& nodes = view.nodes();
        std::size_t best = nodes.size();
        std::int64_t bestScore = -1;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const auto& n = nodes[i];
            if (static_cast<std::int64_t>(n.pods.size()) + 1 > n.allocatablePods ||
                pod.requests.cpu.value > n.allocatable.cpu.value - n.requested.cpu.value ||
                pod.requests.memory.value > n.allocatable.memory.value - n.requested.memory.value) {
                continue;
            }
            const ResourceAmounts req{n.nonZeroRequested.cpu + pod.nonZeroRequests.cpu,
                                      n.nonZeroRequested.memory + pod.nonZeroRequests.memory};
            const std::int64_t s =
                resourceAllocationScore(ScoringStrategy::LeastAllocated, req, n.allocatable);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        if (best < nodes.size()) {
            const std::string name = nodes[best].name;
            view.addPod(name, pod);
            ++r.scheduled;
            r.checksum += name.size() + nodes.size();
        }
    }
    r.seconds = secondsSince(start);
    return r;
}

void limitsBuild() {
    // 5,000 nodes, 150,000 pods: 30 per node, 100 deployments.
    constexpr int nodes = 5000;
    constexpr int podsPerNode = 30;
    PodSpec spec;
    ContainerSpec c;
    c.image = "shop/service:1.0";
    c.requests.cpu = CpuMillis{100};
    c.requests.memory = Bytes::mebibytes(128);
    spec.containers.push_back(c);
    std::vector<SchedulerPodInfo> templates;
    for (int d = 0; d < 100; ++d) {
        templates.push_back(
            makeSchedulerPodInfo("t", "default", {{"app", "d" + std::to_string(d)}}, spec));
    }
    const auto start = Clock::now();
    SchedulerClusterView view;
    int podIndex = 0;
    for (int i = 0; i < nodes; ++i) {
        SchedulerNodeSpec n = benchNode(i);
        n.allocatable = {CpuMillis{16000}, Bytes::gibibytes(64)};
        view.addNode(n);
        for (int k = 0; k < podsPerNode; ++k) {
            SchedulerPodInfo p = templates[static_cast<std::size_t>(podIndex % 100)];
            p.name = "pod-" + std::to_string(podIndex++);
            view.addPod(n.name, p);
        }
    }
    const double seconds = secondsSince(start);
    std::printf("build view: %d nodes, %zu pods in %.3f s (target <= 10 s)  %s\n", nodes,
                view.podCount(), seconds, seconds <= 10.0 ? "PASS" : "FAIL");
}

} // namespace

int main() {
    std::printf("cnsim scheduler benchmark: kube-scheduler %s default profile, ratios against a "
                "naive LeastAllocated-only loop in this process\n\n",
                std::string(k8s::kEmulatedVersion).c_str());
    const std::deque<PodSpec> specs = benchTemplates();
    const std::vector<SchedulerPodInfo> pods = benchPods(specs);
    std::printf("== %d pods onto %d nodes (3 zones, mixed sizes, taints; %d nodes scored per "
                "pod) ==\n",
                kPods, kNodes, numFeasibleNodesToFind(0, kNodes));
    const RunResult naive = runNaive(pods);
    const RunResult full = runScheduler(pods);
    std::printf("naive   %6.3f s  %9.0f pods/s  scheduled %d  [checksum %llu]\n", naive.seconds,
                kPods / naive.seconds, naive.scheduled,
                static_cast<unsigned long long>(naive.checksum));
    std::printf("cnsim   %6.3f s  %9.0f pods/s  scheduled %d  [checksum %llu, placements %s]\n",
                full.seconds, kPods / full.seconds, full.scheduled,
                static_cast<unsigned long long>(full.checksum), full.placements.hex().c_str());
    std::printf("total wall time %.3f s (target < 1 s)  %s;  time ratio cnsim / naive %.2f;  "
                "real kube-scheduler ~100-300 pods/s\n\n",
                full.seconds, full.seconds < 1.0 ? "PASS" : "FAIL", full.seconds / naive.seconds);
    std::printf("== Kubernetes' documented limits ==\n");
    limitsBuild();
    return 0;
}
