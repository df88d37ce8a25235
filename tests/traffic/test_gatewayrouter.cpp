// Gateway routing against Gateway API HTTPRoute matching (gateway.networking.k8s.io/v1,
// HTTPRouteSpec.hostnames, HTTPPathMatch PathPrefix "matches on path elements", header
// exact match), first route wins; weighted backends; token-bucket rate limit.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/gatewayrouter.h"

#include <cmath>
#endif

using namespace cnsim;

class TestGatewayRouter : public QObject {
    Q_OBJECT

private slots:
    void matching();
    void firstRouteWinsAndWeights();
    void tokenBucket();
};

void TestGatewayRouter::matching() {
    QVERIFY(hostnameMatches("*.example.com", "shop.example.com"));
    QVERIFY(!hostnameMatches("*.example.com", "example.com"));
    QVERIFY(hostnameMatches("Shop.Example.com", "shop.example.com"));
    QVERIFY(pathPrefixMatches("/shop", "/shop"));
    QVERIFY(pathPrefixMatches("/shop", "/shop/cart"));
    QVERIFY(pathPrefixMatches("/shop/", "/shop/cart"));
    QVERIFY(!pathPrefixMatches("/shop", "/shopping"));
    QVERIFY(pathPrefixMatches("/", "/anything"));
    GatewayRouteSpec route;
    route.hostnames = {"shop.example.com"};
    RouteMatchSpec m;
    m.pathPrefix = "/api";
    m.headers = {{"x-canary", "true"}};
    route.matches = {m};
    RequestClassSpec r;
    r.host = "shop.example.com";
    r.path = "/api/items";
    r.headers = {{"X-Canary", "true"}};
    QVERIFY(routeMatches(route, r));
    r.headers = {{"x-canary", "false"}};
    QVERIFY(!routeMatches(route, r));
    r.headers = {};
    QVERIFY(!routeMatches(route, r));
}

void TestGatewayRouter::firstRouteWinsAndWeights() {
    GatewaySpec spec;
    spec.service = "gateway";
    GatewayRouteSpec api;
    api.name = "api";
    RouteMatchSpec apiMatch;
    apiMatch.pathPrefix = "/api";
    api.matches = {apiMatch};
    api.backends = {{"api-v1", 9}, {"api-v2", 1}};
    GatewayRouteSpec all;
    all.name = "all";
    all.backends = {{"web", 1}};
    spec.routes = {api, all};
    const auto index = [](const std::string& name) -> std::optional<std::uint32_t> {
        if (name == "api-v1") return 0u;
        if (name == "api-v2") return 1u;
        if (name == "web") return 2u;
        return std::nullopt;
    };
    GatewayRouter router(spec, index);
    RequestClassSpec r;
    r.path = "/api/x";
    QCOMPARE(router.routeFor(r), std::optional<std::size_t>(0));
    r.path = "/other";
    QCOMPARE(router.routeFor(r), std::optional<std::size_t>(1));
    RandomStream stream(1, "gw");
    int v2 = 0;
    const int n = 100'000;
    for (int i = 0; i < n; ++i) {
        v2 += *router.pickBackend(0, stream) == 1u ? 1 : 0;
    }
    const double sd = std::sqrt(n * 0.1 * 0.9);
    QVERIFY2(std::abs(v2 - n * 0.1) < 4 * sd, qPrintable(QString::number(v2)));
    GatewaySpec none;
    none.routes = {api};
    GatewayRouter onlyApi(none, index);
    QCOMPARE(onlyApi.routeFor(r), std::nullopt); // 404
}

void TestGatewayRouter::tokenBucket() {
    GatewaySpec spec;
    GatewayRouteSpec route;
    route.name = "limited";
    route.backends = {{"web", 1}};
    route.rateLimit = RateLimitSpec{10.0, 5};
    spec.routes = {route};
    GatewayRouter router(spec, [](const std::string&) { return std::optional<std::uint32_t>(0); });
    // A full bucket of 5 lets a burst of 5 through, then 10/s.
    int admitted = 0;
    for (int i = 0; i < 20; ++i) {
        admitted += router.admit(0, SimTime::zero()) ? 1 : 0;
    }
    QCOMPARE(admitted, 5);
    admitted = 0;
    for (int ms = 1; ms <= 1000; ++ms) {
        admitted += router.admit(0, SimTime::milliseconds(ms)) ? 1 : 0;
    }
    QCOMPARE(admitted, 10);
}

QTEST_GUILESS_MAIN(TestGatewayRouter)
#include "test_gatewayrouter.moc"
