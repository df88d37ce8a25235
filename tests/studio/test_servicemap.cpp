// The "Services" dock on the offscreen platform: the map built from a scenario's gateway,
// routes and calls (columns by distance from the clients, expected calls per request), and
// the live view of the default scenario — the web Service's rate, ready endpoints and the
// clients' arrow after 30 simulated seconds; clicking a box charts that Service.
#include <QTest>

#ifndef Q_MOC_RUN
#include "chartwidget.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "scenario/scenario.h"
#include "servicemap.h"
#include "servicemapwidget.h"
#endif

#include <QDockWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <memory>

namespace {

const QString helloCluster = QStringLiteral(CNSIM_SCENARIO_DIR "/hello-cluster.yaml");

cnsim::DownstreamCallSpec call(const std::string& service, double probability = 1.0,
                               int count = 1) {
    cnsim::DownstreamCallSpec c;
    c.service = service;
    c.probability = probability;
    c.count = count;
    return c;
}

// clients → gateway → {frontend (browse), checkout}; frontend → catalog (×2), then
// {cart, reviews at 50 %} in parallel; checkout → cart; cart → database.
cnsim::Scenario shop() {
    cnsim::Scenario s;
    s.simulation.gateway.service = "gateway";
    cnsim::GatewayRouteSpec browse;
    browse.name = "browse";
    browse.backends = {{"frontend", 1}};
    cnsim::GatewayRouteSpec buy;
    buy.name = "buy";
    buy.backends = {{"checkout", 1}};
    s.simulation.gateway.routes = {browse, buy};
    cnsim::TrafficSourceSpec users;
    users.name = "users";
    cnsim::RequestClassSpec viaGateway;
    viaGateway.name = "users";
    viaGateway.path = "/";
    users.classes = {viaGateway};
    s.simulation.traffic = {users};

    const auto cpu = [](int ms) {
        cnsim::DurationDistributionSpec d;
        d.mean = cnsim::SimTime::milliseconds(ms);
        return d;
    };
    cnsim::ServiceBehaviourSpec gateway;
    gateway.service = "gateway";
    gateway.cpuPerRequest = cpu(2);
    cnsim::ServiceBehaviourSpec frontend;
    frontend.service = "frontend";
    frontend.cpuPerRequest = cpu(10);
    frontend.calls.push_back({false, {call("catalog", 1.0, 2)}});
    frontend.calls.push_back({true, {call("cart"), call("reviews", 0.5)}});
    cnsim::ServiceBehaviourSpec checkout;
    checkout.service = "checkout";
    checkout.cpuPerRequest = cpu(1);
    checkout.calls.push_back({false, {call("cart")}});
    cnsim::ServiceBehaviourSpec cart;
    cart.service = "cart";
    cart.cpuPerRequest = cpu(20);
    cart.calls.push_back({false, {call("database")}});
    cnsim::ServiceBehaviourSpec catalog;
    catalog.service = "catalog";
    catalog.cpuPerRequest = cpu(5);
    cnsim::ServiceBehaviourSpec database;
    database.service = "database";
    database.cpuPerRequest = cpu(30);
    s.simulation.services = {gateway, frontend, checkout, cart, catalog, database};
    return s;
}

} // namespace

class TestServiceMap : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void mapFollowsTheCallGraph();
    void liveViewOfTheDefaultScenario();
};

void TestServiceMap::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cnsim-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_studio_servicemap"));
}

void TestServiceMap::mapFollowsTheCallGraph() {
    const ServiceMap map = buildServiceMap(shop());
    QCOMPARE(map.nodes.at(0).kind, ServiceMapNode::Kind::Clients);
    const int gateway = map.indexOf(QStringLiteral("gateway"));
    QVERIFY(gateway > 0);
    QCOMPARE(map.nodes.at(static_cast<std::size_t>(gateway)).kind,
             ServiceMapNode::Kind::Gateway);
    const auto column = [&](const char* name) {
        return map.nodes.at(static_cast<std::size_t>(map.indexOf(QString::fromLatin1(name))))
            .column;
    };
    QCOMPARE(column("gateway"), 1);
    QCOMPARE(column("frontend"), 2);
    QCOMPARE(column("checkout"), 2);
    QCOMPARE(column("catalog"), 3);
    QCOMPARE(column("cart"), 3);
    // database is called by cart, so it sits right of cart: the longest path decides.
    QCOMPARE(column("database"), 4);
    QCOMPARE(map.columns, 5);
    QCOMPARE(map.nodes.size(), std::size_t{8});

    const auto calls = [&](const char* from, const char* to) {
        const int f = map.indexOf(QString::fromLatin1(from));
        const int t = map.indexOf(QString::fromLatin1(to));
        for (const ServiceMapEdge& e : map.edges) {
            if (e.from == f && e.to == t) {
                return e.callsPerRequest;
            }
        }
        return -1.0;
    };
    QCOMPARE(calls("frontend", "catalog"), 2.0);
    QCOMPARE(calls("frontend", "reviews"), 0.5);
    QCOMPARE(calls("gateway", "checkout"), 0.0); // the route split is not fixed
    QCOMPARE(calls("frontend", "database"), -1.0);
    QCOMPARE(map.edges.size(), std::size_t{8});

    // Critical path by the scenario's numbers: frontend costs 10 ms and calls catalog (5 ms)
    // twice in sequence, then cart (20 ms + database 30 ms) beside reviews; checkout (1 ms)
    // calls cart once. The gateway counts as its slowest backend: frontend.
    QCOMPARE(map.criticalPath.size(), std::size_t{4});
    const auto at = [&](std::size_t i) {
        return map.nodes.at(static_cast<std::size_t>(map.criticalPath.at(i))).name;
    };
    QCOMPARE(at(0), QStringLiteral("gateway"));
    QCOMPARE(at(1), QStringLiteral("frontend"));
    QCOMPARE(at(2), QStringLiteral("cart"));
    QCOMPARE(at(3), QStringLiteral("database"));
    QCOMPARE(map.criticalPathMs, 2.0 + 10.0 + 2 * 5.0 + 20.0 + 30.0);
}

void TestServiceMap::liveViewOfTheDefaultScenario() {
    MainWindow window;
    window.languageManager()->setLanguage(QStringLiteral("en"), false);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openScenarioFile(helloCluster));
    QVERIFY(window.raiseDock(QStringLiteral("services")));
    ServiceMapWidget* map = window.serviceMap();
    QVERIFY(map->stats(QStringLiteral("web")));
    QCOMPARE(map->stats(QStringLiteral("web"))->requestRate, 0.0);

    window.runFor(cnsim::SimTime::seconds(30));
    const auto web = map->stats(QStringLiteral("web"));
    QVERIFY(web);
    // 120 requests per second, Poisson: one second's count is well inside 60…200.
    QVERIFY2(web->requestRate > 60.0 && web->requestRate < 200.0,
             qPrintable(QString::number(web->requestRate)));
    QCOMPARE(web->readyEndpoints, 4);
    QCOMPARE(web->errorShare(), 0.0);
    QCOMPARE(map->edgeRate(QString(), QStringLiteral("web")), web->requestRate);
    QVERIFY(!map->grab().isNull());

    QSignalSpy activated(map, &ServiceMapWidget::serviceActivated);
    const int webBox = map->map().indexOf(QStringLiteral("web"));
    QTest::mouseClick(map, Qt::LeftButton, {}, map->nodeRect(webBox).center().toPoint());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("web"));
    QCOMPARE(window.findChild<ChartWidget*>()->service(), QStringLiteral("web"));
    // The clients' box is not a Service: clicking it charts nothing.
    QTest::mouseClick(map, Qt::LeftButton, {}, map->nodeRect(0).center().toPoint());
    QCOMPARE(activated.count(), 1);
}

QTEST_MAIN(TestServiceMap)
#include "test_servicemap.moc"
