// PodLabelIndex, the pods by label kept from the Pod watch (the HPA's pod selection): after
// any sequence of pods created, relabelled, changed in status and removed, selecting must give
// exactly what a walk over the pods table gives (the HPA's replica calculator lists the
// target's pods by its selector: pkg/controller/podautoscaler/replica_calculator.go,
// podLister.Pods(namespace).List(selector)), in the pods table's key order.

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "cluster/apiserver.h"
#include "engine/random.h"
#include "model/podlabelindex.h"

#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

std::vector<std::string> byWalk(const ApiServer& api, const std::string& nameSpace,
                                const LabelMap& selector) {
    std::vector<std::string> keys;
    for (const auto& [key, pod] : api.pods()) {
        if (pod.meta.nameSpace == nameSpace && matchesLabels(selector, pod.meta.labels)) {
            keys.push_back(key);
        }
    }
    return keys;
}

std::vector<std::string> byIndex(const PodLabelIndex& index, const std::string& nameSpace,
                                 const LabelMap& selector) {
    std::vector<std::string> keys;
    for (const auto& [key, pod] : index.select(nameSpace, selector)) {
        if (*key != ObjectTable<PodObject>::key(pod->meta.nameSpace, pod->meta.name)) {
            return {"key and pod disagree: " + *key};
        }
        keys.push_back(*key);
    }
    return keys;
}

LabelMap randomLabels(RandomStream& random) {
    static const std::vector<std::string> apps{"web", "api", "db"};
    LabelMap labels{{"app", apps[random.uniformIndex(apps.size())]}};
    if (random.uniform01() < 0.5) {
        labels["tier"] = random.uniform01() < 0.5 ? "front" : "back";
    }
    return labels;
}

} // namespace

class TestPodLabelIndex : public QObject {
    Q_OBJECT

private slots:
    void selectsWhatAWalkSelects() {
        ApiServer api(1);
        RandomStream random(11, "podlabelindex");
        std::vector<std::string> names;
        const auto createPod = [&](const std::string& nameSpace) {
            PodObject pod;
            pod.meta.name = "pod-" + std::to_string(names.size());
            pod.meta.nameSpace = nameSpace;
            pod.meta.labels = randomLabels(random);
            names.push_back(pod.meta.name);
            api.create(std::move(pod), SimTime::zero());
        };
        for (int i = 0; i < 20; ++i) {
            createPod(i % 4 == 0 ? "other" : "default"); // pods that exist before the index
        }
        PodLabelIndex index(api);
        const std::vector<LabelMap> selectors{
            {{"app", "web"}}, {{"app", "api"}, {"tier", "front"}}, {{"tier", "back"}}, {}};
        for (int step = 0; step < 400; ++step) {
            const double u = random.uniform01();
            const std::string name = names[random.uniformIndex(names.size())];
            PodObject* pod = api.pods().find("default", name);
            if (u < 0.3) {
                createPod(random.uniform01() < 0.2 ? "other" : "default");
            } else if (u < 0.55 && pod != nullptr) { // relabelled
                pod->meta.labels = randomLabels(random);
                api.updated(ResourceKind::Pod, pod->meta);
            } else if (u < 0.8 && pod != nullptr) { // a status change only
                pod->podIp = "10.0.0." + std::to_string(step % 250);
                api.updated(ResourceKind::Pod, pod->meta);
            } else if (pod != nullptr) {
                api.remove(ResourceKind::Pod, pod->meta);
            }
            for (const std::string nameSpace : {"default", "other"}) {
                for (const LabelMap& selector : selectors) {
                    QCOMPARE(byIndex(index, nameSpace, selector), byWalk(api, nameSpace, selector));
                }
            }
        }
        QVERIFY(!byWalk(api, "default", {{"app", "web"}}).empty());
    }
};

QTEST_GUILESS_MAIN(TestPodLabelIndex)
#include "test_pod_label_index.moc"
