// Load balancers against their definitions: every registered kind has a runtime; random is
// uniform (each of 4 endpoints gets 1/4 ± 4 SD of a binomial count); round-robin is exact;
// least-request with two choices avoids a loaded endpoint (Envoy LEAST_REQUEST: the endpoint
// with fewer active requests of two drawn at random); ring-hash is sticky per client and,
// when one of n endpoints is removed, only that endpoint's clients move (consistent hashing,
// Karger et al. 1997), and adding one moves about 1/(n+1) of the clients.

#include <QTest>

#ifndef Q_MOC_RUN
#include "traffic/kinds.h"
#include "traffic/loadbalancers.h"

#include <cmath>
#endif

using namespace cnsim;

namespace {

class FixedLoad final : public EndpointLoad {
public:
    explicit FixedLoad(std::vector<int> load) : m_load(std::move(load)) {}
    int inFlight(std::size_t endpoint) const override { return m_load[endpoint]; }

private:
    std::vector<int> m_load;
};

std::unique_ptr<LoadBalancer> make(const std::string& type) {
    LoadBalancerSpec spec;
    spec.type = type;
    return makeLoadBalancer(spec);
}

std::vector<std::string> names(int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        out.push_back("web-" + std::to_string(i));
    }
    return out;
}

} // namespace

class TestLoadBalancers : public QObject {
    Q_OBJECT

private slots:
    void everyKindHasARuntime();
    void randomIsUniform();
    void roundRobinTakesTurns();
    void leastRequestAvoidsTheBusyEndpoint();
    void ringHashIsStickyAndConsistent();
};

void TestLoadBalancers::everyKindHasARuntime() {
    std::vector<std::string_view> registered;
    for (const KindDescriptor& kind : loadBalancerKinds()) {
        registered.push_back(kind.name);
    }
    QCOMPARE(loadBalancerFactoryNames(), registered);
}

void TestLoadBalancers::randomIsUniform() {
    auto lb = make("random");
    RandomStream stream(1, "lb");
    const FixedLoad load({0, 0, 0, 0});
    std::vector<int> counts(4, 0);
    const int n = 100'000;
    for (int i = 0; i < n; ++i) {
        ++counts[lb->pick(4, 0, stream, load)];
    }
    const double sd = std::sqrt(n * 0.25 * 0.75);
    for (const int c : counts) {
        QVERIFY2(std::abs(c - n / 4.0) < 4 * sd, qPrintable(QString::number(c)));
    }
}

void TestLoadBalancers::roundRobinTakesTurns() {
    auto lb = make("round-robin");
    RandomStream stream(1, "lb");
    const FixedLoad load({0, 0, 0});
    for (int i = 0; i < 9; ++i) {
        QCOMPARE(lb->pick(3, 0, stream, load), std::size_t(i % 3));
    }
    // One endpoint fewer: the turn continues modulo the new count.
    QCOMPARE(lb->pick(2, 0, stream, load), std::size_t(1));
    QCOMPARE(lb->pick(2, 0, stream, load), std::size_t(0));
}

void TestLoadBalancers::leastRequestAvoidsTheBusyEndpoint() {
    // Endpoint 0 has 10 requests in flight, the others none. With two choices it is picked
    // only when both draws are 0: probability (1/4)² = 1/16 instead of 1/4.
    auto lb = make("least-request");
    RandomStream stream(1, "lb");
    const FixedLoad load({10, 0, 0, 0});
    int busy = 0;
    const int n = 100'000;
    for (int i = 0; i < n; ++i) {
        busy += lb->pick(4, 0, stream, load) == 0 ? 1 : 0;
    }
    const double expected = n / 16.0;
    QVERIFY2(std::abs(busy - expected) < 4 * std::sqrt(expected), qPrintable(QString::number(busy)));
}

void TestLoadBalancers::ringHashIsStickyAndConsistent() {
    auto lb = make("ring-hash");
    RandomStream stream(1, "lb");
    const FixedLoad load(std::vector<int>(10, 0));
    std::vector<std::string> endpoints = names(10);
    lb->setEndpoints(endpoints);
    const int clients = 20'000;
    std::vector<std::string> before(clients);
    std::vector<int> perEndpoint(10, 0);
    for (int c = 0; c < clients; ++c) {
        const std::size_t e = lb->pick(10, std::uint64_t(c), stream, load);
        QCOMPARE(lb->pick(10, std::uint64_t(c), stream, load), e); // sticky
        before[std::size_t(c)] = endpoints[e];
        ++perEndpoint[e];
    }
    // 100 virtual nodes each keep the shares within about ±30% of 1/10.
    for (const int share : perEndpoint) {
        QVERIFY2(share > clients / 10 * 0.7 && share < clients / 10 * 1.3, qPrintable(QString::number(share)));
    }
    // Remove web-3: exactly its clients move.
    std::vector<std::string> fewer = endpoints;
    fewer.erase(fewer.begin() + 3);
    lb->setEndpoints(fewer);
    for (int c = 0; c < clients; ++c) {
        const std::string now = fewer[lb->pick(9, std::uint64_t(c), stream, load)];
        if (before[std::size_t(c)] != "web-3") {
            QCOMPARE(now, before[std::size_t(c)]);
        }
    }
    // Add web-10: about 1/11 of the clients move, all of them to web-10.
    std::vector<std::string> more = endpoints;
    more.push_back("web-10");
    lb->setEndpoints(more);
    int moved = 0;
    for (int c = 0; c < clients; ++c) {
        const std::string now = more[lb->pick(11, std::uint64_t(c), stream, load)];
        if (now != before[std::size_t(c)]) {
            QCOMPARE(now, std::string("web-10"));
            ++moved;
        }
    }
    QVERIFY2(moved > clients / 11 * 0.6 && moved < clients / 11 * 1.4, qPrintable(QString::number(moved)));
}

QTEST_GUILESS_MAIN(TestLoadBalancers)
#include "test_loadbalancers.moc"
