// MetricsServer::podEntriesVersion, which lets a reader (the HPA controller) keep pointers to
// the pod-metrics entries it found: while the version stays the same, the scrape's entries must
// be exactly the ones a fresh look at pods() finds, at the same addresses. Pods come and go at
// random (deletions, scaling, node failures and recoveries) while the simulation runs second by
// second, and every second is compared against the previous one.

#include <QTest>

#ifndef Q_MOC_RUN
#include "engine/random.h"
#include "model/action.h"
#include "model/metricsserver.h"
#include "model/simulation.h"
#include "scenariotext.h"

#include <map>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

// Three nodes, Deployment "web" with an HPA (which starts metrics-server) and steady traffic.
const char* kScenario = R"(apiVersion: cnsim/v1
kind: Scenario
metadata:
  name: metrics-entries
  title:
    en: Metrics entries
seed: 5
duration: 20m
cluster:
  nodePools:
    - name: node
      zone: zone-a
      count: 3
      cpu: "8"
      memory: 16Gi
workloads:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 4
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: web:1
              resources:
                requests:
                  cpu: 500m
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
        - port: 80
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata:
      name: web
    spec:
      scaleTargetRef:
        apiVersion: apps/v1
        kind: Deployment
        name: web
      minReplicas: 1
      maxReplicas: 10
simulation:
  images:
    - name: web:1
      startupTime: 1s
  services:
    - name: web
      cpuPerRequest: 10ms
  traffic:
    - name: load
      service: web
      type: constant
      requestsPerSecond: 100
)";

using Entries = std::map<std::string, const MetricsServer::PodMetrics*>;

Entries entriesOf(const MetricsServer& server) {
    Entries entries;
    for (const auto& [key, metrics] : server.pods()) {
        entries.emplace(key, &metrics);
    }
    return entries;
}

// Deletes a random pod, scales the Deployment, or fails or recovers a node.
void randomChange(Simulation& sim, RandomStream& random) {
    switch (random.uniformIndex(4)) {
    case 0: {
        std::vector<std::string> pods;
        for (const auto& [key, pod] : sim.api().pods()) {
            pods.push_back(pod.meta.name);
        }
        if (!pods.empty()) {
            sim.apply(DeletePodAction{pods[random.uniformIndex(pods.size())]});
        }
        break;
    }
    case 1:
        sim.apply(ScaleDeploymentAction{"web", static_cast<int>(1 + random.uniformIndex(8))});
        break;
    case 2:
        sim.apply(FailNodeAction{"node-" + std::to_string(1 + random.uniformIndex(3))});
        break;
    default:
        sim.apply(RecoverNodeAction{"node-" + std::to_string(1 + random.uniformIndex(3))});
        break;
    }
}

} // namespace

class TestMetricsServerEntries : public QObject {
    Q_OBJECT

private slots:
    void sameVersionMeansSameEntries();
};

void TestMetricsServerEntries::sameVersionMeansSameEntries() {
    Simulation sim(test::loadScenarioText(kScenario));
    RandomStream random(11, "test-changes");
    const MetricsServer& server = sim.metricsServer();
    Entries before = entriesOf(server);
    std::uint64_t versionBefore = server.podEntriesVersion();
    int versionChanges = 0;
    int unchangedSteps = 0;
    for (int second = 1; second <= 20 * 60; ++second) {
        if (random.uniform01() < 0.03) {
            randomChange(sim, random);
        }
        sim.advanceTo(SimTime::seconds(second));
        const Entries now = entriesOf(server);
        if (server.podEntriesVersion() == versionBefore) {
            QCOMPARE(now, before);
            ++unchangedSteps;
        } else {
            ++versionChanges;
        }
        before = now;
        versionBefore = server.podEntriesVersion();
    }
    // The run must have exercised both sides: entries coming and going, and quiet stretches.
    QVERIFY(versionChanges > 20);
    QVERIFY(unchangedSteps > 600);
}

QTEST_GUILESS_MAIN(TestMetricsServerEntries)
#include "test_metrics_server_entries.moc"
