// PodNodeIndex, the pods bound to each node kept from the Pod watch (the node lifecycle
// controller's MarkPodsNotReady and taint evictions, the kubelet's catch-up): after any sequence
// of pods created, bound, moved, changed in status, terminating and removed, a node's keys must
// be exactly what a walk over the pods table finds on it, in the pods table's key order.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "cluster/apiserver.h"
#include "engine/random.h"
#include "model/podnodeindex.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

std::vector<std::string> byWalk(const ApiServer& api, const std::string& node) {
    std::vector<std::string> keys;
    for (const auto& [key, pod] : api.pods()) {
        if (pod.nodeName == node) {
            keys.push_back(key);
        }
    }
    return keys;
}

} // namespace

class TestPodNodeIndex : public QObject {
    Q_OBJECT

private slots:
    void findsWhatAWalkFinds() {
        ApiServer api(1);
        RandomStream random(5, "podnodeindex");
        const std::vector<std::string> nodes{"node-a", "node-b", "node-c"};
        const auto randomNode = [&] {
            return random.uniform01() < 0.25 ? std::string() // not bound (yet)
                                             : nodes[random.uniformIndex(nodes.size())];
        };
        std::vector<std::string> names;
        const auto createPod = [&] {
            PodObject pod;
            pod.meta.name = "pod-" + std::to_string(names.size());
            pod.meta.nameSpace = names.size() % 3 == 0 ? "other" : "default";
            pod.nodeName = randomNode();
            names.push_back(pod.meta.name);
            api.create(std::move(pod), SimTime::zero());
        };
        for (int i = 0; i < 20; ++i) {
            createPod(); // pods that exist before the index
        }
        PodNodeIndex index(api);
        for (int step = 0; step < 400; ++step) {
            const double u = random.uniform01();
            const std::size_t n = random.uniformIndex(names.size());
            PodObject* pod = api.pods().find(n % 3 == 0 ? "other" : "default", names[n]);
            if (u < 0.3) {
                createPod();
            } else if (u < 0.55 && pod != nullptr) { // bound, or moved (a recreated pod's name)
                pod->nodeName = randomNode();
                api.updated(ResourceKind::Pod, pod->meta);
            } else if (u < 0.8 && pod != nullptr) { // a status change only
                pod->podIp = "10.0.0." + std::to_string(step % 250);
                api.updated(ResourceKind::Pod, pod->meta);
            } else if (pod != nullptr) {
                api.remove(ResourceKind::Pod, pod->meta);
            }
            for (const std::string& node : nodes) {
                QCOMPARE(index.keysOn(node), byWalk(api, node));
            }
        }
        QVERIFY(!byWalk(api, "node-a").empty());
        QVERIFY(index.keysOn("no-such-node").empty());
    }
};

QTEST_GUILESS_MAIN(TestPodNodeIndex)
#include "test_pod_node_index.moc"
