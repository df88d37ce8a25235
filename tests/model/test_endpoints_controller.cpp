// The endpoints controller in the running model: it syncs only the Services a watch event
// touched, so after every kind of change each Endpoints object must still be what the
// definition gives when computed from scratch — a pod whose labels stop matching, or that is
// deleted, leaves its Services; a pod whose labels start matching, or a Service whose
// selector changes, is picked up.
//
// Upstream: pkg/controller/endpoint/endpoints_controller.go (syncService lists the pods the
// selector matches; updatePod queues the Services of the pod's old and new labels,
// endpointsliceutil.GetServicesToUpdateOnPodChange; terminating pods are left out).

#include <QTest>

// moc (Qt 6.4) cannot parse libstdc++ 12's <compare>/<concepts>, which the sim headers
// pull in; moc only needs the test class, so it skips them.
#ifndef Q_MOC_RUN
#include "model/simulationmodel.h"
#include "scenariotext.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>
#endif

using namespace cnsim;

namespace {

// Deployments "web" (3 pods, app=web) and "api" (2 pods, app=api); Services "web" and
// "frontend" both select app=web, Service "api" selects app=api.
std::string endpointsScenario() {
    std::string yaml = "apiVersion: cnsim/v1\nkind: Scenario\nmetadata:\n  name: endpoints\n"
                       "  title:\n    en: Endpoints\nseed: 3\nduration: 10m\ncluster:\n"
                       "  nodePools:\n    - name: node\n      zone: zone-a\n      count: 2\n"
                       "      cpu: \"4\"\n      memory: 8Gi\nworkloads:\n";
    for (const auto& [name, replicas] : {std::pair{"web", 3}, std::pair{"api", 2}}) {
        yaml += std::string("  - apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n") +
                "      name: " + name + "\n    spec:\n      replicas: " + std::to_string(replicas) +
                "\n      selector:\n        matchLabels:\n" + "          app: " + name +
                "\n      template:\n        metadata:\n" +
                "          labels:\n            app: " + name + "\n        spec:\n" +
                "          containers:\n            - name: main\n" +
                "              image: nginx:1.27\n              resources:\n" +
                "                requests:\n                  cpu: 100m\n" +
                "                  memory: 64Mi\n";
    }
    for (const auto& [name, app] :
         {std::pair{"web", "web"}, std::pair{"frontend", "web"}, std::pair{"api", "api"}}) {
        yaml += std::string("  - apiVersion: v1\n    kind: Service\n    metadata:\n") +
                "      name: " + name + "\n    spec:\n      selector:\n        app: " + app +
                "\n      ports:\n        - port: 80\n";
    }
    return yaml;
}

struct Addresses {
    std::vector<std::string> ready;
    std::vector<std::string> notReady;
    bool operator==(const Addresses&) const = default;
};

// The definition, from scratch: the pods in the Service's namespace that its selector
// matches, with an IP and not terminating, in the pods table's order.
Addresses expectedAddresses(const ApiServer& api, const ServiceObject& service) {
    Addresses out;
    for (const auto& [key, pod] : api.pods()) {
        if (pod.meta.nameSpace == service.meta.nameSpace && !pod.podIp.empty() &&
            !isPodTerminating(pod) && matchesLabels(service.spec.selector, pod.meta.labels)) {
            (isPodReady(pod) ? out.ready : out.notReady).push_back(pod.meta.name);
        }
    }
    return out;
}

Addresses actualAddresses(const ApiServer& api, const ServiceObject& service) {
    Addresses out;
    const EndpointsObject* endpoints =
        api.endpoints().find(service.meta.nameSpace, service.meta.name);
    if (endpoints != nullptr) {
        for (const EndpointAddress& a : endpoints->ready) {
            out.ready.push_back(a.podName);
        }
        for (const EndpointAddress& a : endpoints->notReady) {
            out.notReady.push_back(a.podName);
        }
    }
    return out;
}

void verifyEveryService(const ApiServer& api) {
    for (const auto& [key, service] : api.services()) {
        const Addresses expected = expectedAddresses(api, service);
        const Addresses actual = actualAddresses(api, service);
        QVERIFY2(actual == expected, key.c_str());
    }
}

std::vector<std::string> readyNames(const ApiServer& api, const std::string& service) {
    return actualAddresses(api, *api.services().find("default", service)).ready;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The first pod (in the pods table's order) labelled app=`app`.
PodObject& firstPodOf(ApiServer& api, const std::string& app) {
    for (auto& [key, pod] : api.pods()) {
        if (pod.meta.labels.at("app") == app) {
            return pod;
        }
    }
    qFatal("no pod with app=%s", app.c_str());
}

enum class Change { RelabelPod, DropPodLabel, DeletePod, ChangeSelector };

} // namespace

Q_DECLARE_METATYPE(Change)

class TestEndpointsController : public QObject {
    Q_OBJECT

private slots:
    void endpointsFollowChange_data();
    void endpointsFollowChange();
};

void TestEndpointsController::endpointsFollowChange_data() {
    QTest::addColumn<Change>("change");
    QTest::newRow("pod relabelled to another Service") << Change::RelabelPod;
    QTest::newRow("pod label removed") << Change::DropPodLabel;
    QTest::newRow("pod deleted") << Change::DeletePod;
    QTest::newRow("Service selector changed") << Change::ChangeSelector;
}

void TestEndpointsController::endpointsFollowChange() {
    QFETCH(Change, change);
    SimulationModel model(test::loadScenarioText(endpointsScenario()), 3, SimTime::minutes(10));
    ApiServer& api = model.api();
    model.engine().runUntil(SimTime::minutes(1));
    QCOMPARE(readyNames(api, "web").size(), std::size_t{3});
    QCOMPARE(readyNames(api, "api").size(), std::size_t{2});
    verifyEveryService(api);

    PodObject& pod = firstPodOf(api, "web");
    const std::string name = pod.meta.name;
    switch (change) {
    case Change::RelabelPod:
        pod.meta.labels["app"] = "api";
        api.updated(ResourceKind::Pod, pod.meta);
        break;
    case Change::DropPodLabel:
        pod.meta.labels.erase("app");
        api.updated(ResourceKind::Pod, pod.meta);
        break;
    case Change::DeletePod:
        model.deletePod(name, Component::User);
        break;
    case Change::ChangeSelector: {
        ServiceObject& web = *api.services().find("default", "web");
        web.spec.selector = {{"app", "api"}};
        api.updated(ResourceKind::Service, web.meta);
        break;
    }
    }
    // The same instant: the controller's reconcile runs after the watch event.
    model.engine().runUntil(model.now());
    verifyEveryService(api);
    // Only "frontend" still selects app=web after a selector change; only "api" selects the
    // relabelled pod.
    QVERIFY(!contains(readyNames(api, "web"), name));
    QCOMPARE(contains(readyNames(api, "frontend"), name), change == Change::ChangeSelector);
    QCOMPARE(contains(readyNames(api, "api"), name), change == Change::RelabelPod);

    // Whatever follows (replacement pods, the deleted pod's removal) keeps them exact.
    model.engine().runUntil(SimTime::minutes(3));
    verifyEveryService(api);
}

QTEST_GUILESS_MAIN(TestEndpointsController)
#include "test_endpoints_controller.moc"
