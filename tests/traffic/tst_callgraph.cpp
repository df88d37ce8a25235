// The call graph (sim/traffic/callgraph.h): cycles are found with the services in call order
// and the call that closes them; the topological order puts callers before callees; the
// critical path follows expected latency (mean CPU + baseLatency, sequential calls weighted
// by probability × count, a parallel group by its slowest call); fan-out multiplies counts.

// QtTest first: moc's preprocessor cannot parse <concepts> (from simtime.h's <compare>) unless
// the standard library's configuration header was seen before it.
// clang-format off
#include <QtTest>
#include "traffic/callgraph.h"
// clang-format on

using namespace cnsim;

namespace {

DurationDistributionSpec constant(SimTime mean) {
    DurationDistributionSpec spec;
    spec.mean = mean;
    return spec;
}

// "a>b,c" style: service a calls b then c (one sequential step each); "a>[b,c]" one
// parallel step; "b?0.5" a probability, "b*3" a count.
std::vector<ServiceBehaviourSpec> parse(const QStringList& lines) {
    std::vector<ServiceBehaviourSpec> services;
    for (const QString& line : lines) {
        const QStringList parts = line.split('>');
        ServiceBehaviourSpec service;
        service.service = parts[0].toStdString();
        service.cpuPerRequest = constant(SimTime::milliseconds(1));
        if (parts.size() > 1) {
            QString calls = parts[1];
            const bool parallel = calls.startsWith('[');
            calls.remove('[').remove(']');
            CallStepSpec group{true, {}};
            for (const QString& text : calls.split(',', Qt::SkipEmptyParts)) {
                DownstreamCallSpec call;
                QString name = text;
                if (const qsizetype star = name.indexOf('*'); star >= 0) {
                    call.count = name.mid(star + 1).toInt();
                    name = name.left(star);
                }
                if (const qsizetype question = name.indexOf('?'); question >= 0) {
                    call.probability = name.mid(question + 1).toDouble();
                    name = name.left(question);
                }
                call.service = name.toStdString();
                if (parallel) {
                    group.calls.push_back(call);
                } else {
                    service.calls.push_back(CallStepSpec{false, {call}});
                }
            }
            if (parallel) {
                service.calls.push_back(group);
            }
        }
        services.push_back(service);
    }
    return services;
}

QString joined(const std::vector<std::string>& names) {
    QStringList list;
    for (const std::string& name : names) {
        list << QString::fromStdString(name);
    }
    return list.join(' ');
}

} // namespace

class TestCallGraph : public QObject {
    Q_OBJECT

private slots:
    void findsCycles_data();
    void findsCycles();
    void cycleThroughTheGateway();
    void topologicalOrder_data();
    void topologicalOrder();
    void criticalPath_data();
    void criticalPath();
    void criticalPathThroughGateway();
    void fanOut_data();
    void fanOut();
    void meanOfDistributions();
};

void TestCallGraph::findsCycles_data() {
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QString>("cycle");      // empty: none
    QTest::addColumn<int>("closingService"); // index into services of the closing call
    QTest::addColumn<int>("closingStep");

    QTest::newRow("chain") << QStringList{"a>b", "b>c", "c"} << "" << 0 << 0;
    QTest::newRow("diamond") << QStringList{"a>[b,c]", "b>d", "c>d", "d"} << "" << 0 << 0;
    QTest::newRow("self call") << QStringList{"cart>cart"} << "cart" << 0 << 0;
    QTest::newRow("two") << QStringList{"cart>pricing", "pricing>cart"} << "cart pricing" << 1 << 0;
    QTest::newRow("three, entered from outside")
        << QStringList{"web>a", "a>b", "b>x,c", "c>a"} << "a b c" << 3 << 0;
    QTest::newRow("in a parallel group")
        << QStringList{"a>[b,c]", "b", "c>d", "d>c"} << "c d" << 3 << 0;
    QTest::newRow("services listed callee first")
        << QStringList{"c>a", "b>c", "a>b"} << "c a b" << 1 << 0;
}

void TestCallGraph::findsCycles() {
    QFETCH(QStringList, services);
    QFETCH(QString, cycle);
    QFETCH(int, closingService);
    QFETCH(int, closingStep);
    const CallGraph graph(parse(services), GatewaySpec{});
    const std::optional<CallGraph::Cycle> found = graph.findCycle();
    if (cycle.isEmpty()) {
        QVERIFY(!found);
        return;
    }
    QVERIFY(found);
    QCOMPARE(joined(found->services), cycle);
    // The closing call goes from the last service on the cycle back to the first.
    QCOMPARE(found->closingEdge.from, found->services.back());
    QCOMPARE(found->closingEdge.to, found->services.front());
    QVERIFY(found->closingEdge.source.kind == CallGraph::EdgeSource::Kind::Call);
    QCOMPARE(found->closingEdge.source.owner, static_cast<std::size_t>(closingService));
    QCOMPARE(found->closingEdge.source.step, static_cast<std::size_t>(closingStep));
    QVERIFY(graph.topologicalOrder().empty());
    QCOMPARE(graph.criticalPath("a").services.size(), std::size_t{0});
    QCOMPARE(graph.worstCaseFanOut("a"), 0.0);
}

void TestCallGraph::cycleThroughTheGateway() {
    // frontend calls back into the gateway, which routes to frontend.
    GatewaySpec gateway;
    gateway.service = "gateway";
    gateway.routes.push_back(GatewayRouteSpec{"shop", {}, {}, {{"frontend", 1}}, std::nullopt});
    const CallGraph graph(parse({"frontend>gateway"}), gateway);
    const std::optional<CallGraph::Cycle> found = graph.findCycle();
    QVERIFY(found);
    QCOMPARE(joined(found->services), QString("frontend gateway"));
    QVERIFY(found->closingEdge.source.kind == CallGraph::EdgeSource::Kind::RouteBackend);
    QCOMPARE(found->closingEdge.source.owner, std::size_t{0});
    QCOMPARE(found->closingEdge.source.item, std::size_t{0});
}

void TestCallGraph::topologicalOrder_data() {
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QString>("order");
    QTest::newRow("chain") << QStringList{"a>b", "b>c", "c"} << "a b c";
    QTest::newRow("listed backwards") << QStringList{"c", "b>c", "a>b"} << "a b c";
    QTest::newRow("diamond") << QStringList{"a>[b,c]", "b>d", "c>d"} << "a c b d";
    QTest::newRow("two roots") << QStringList{"x>d", "a>d"} << "a x d";
    QTest::newRow("callee without an entry") << QStringList{"a>b"} << "a b";
}

void TestCallGraph::topologicalOrder() {
    QFETCH(QStringList, services);
    QFETCH(QString, order);
    const CallGraph graph(parse(services), GatewaySpec{});
    const std::vector<std::string> names = graph.topologicalOrder();
    QCOMPARE(joined(names), order);
    // Whatever the tie-breaking, every edge goes forward.
    for (const CallGraph::Edge& edge : graph.edges()) {
        const auto from = std::find(names.begin(), names.end(), edge.from);
        const auto to = std::find(names.begin(), names.end(), edge.to);
        QVERIFY(from < to);
    }
}

void TestCallGraph::criticalPath_data() {
    // Every service costs 1 ms (CPU) unless the row says otherwise.
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("expectedMicroseconds");
    QTest::newRow("alone") << QStringList{"a"} << "a"
                           << "a" << qint64(1000);
    QTest::newRow("chain") << QStringList{"a>b", "b>c", "c"} << "a"
                           << "a b c" << qint64(3000);
    // Sequential calls add up: 1 + 1 + 1.
    QTest::newRow("sequential") << QStringList{"a>b,c", "b", "c"} << "a"
                                << "a b" << qint64(3000);
    // A parallel group costs its slowest call: c (2 ms) beats b (1 ms).
    QTest::newRow("parallel") << QStringList{"a>[b,c]", "b", "c>d", "d"} << "a"
                              << "a c d" << qint64(3000);
    // probability × count: b is called 3 times with probability 0.5 → 1.5 × 1 ms.
    QTest::newRow("weighted") << QStringList{"a>b?0.5*3", "b"} << "a"
                              << "a b" << qint64(2500);
    // In a parallel group the copies run at once: count does not add time.
    QTest::newRow("parallel copies") << QStringList{"a>[b*5,c]", "b", "c"} << "a"
                                     << "a b" << qint64(2000);
    // The heavier call wins: c with 0.9 × 2 ms over b with 1 × 1 ms.
    QTest::newRow("heaviest branch") << QStringList{"a>b,c?0.9", "b", "c>d", "d"} << "a"
                                     << "a c d" << qint64(3800);
    QTest::newRow("from the middle") << QStringList{"a>b", "b>c", "c"} << "b"
                                     << "b c" << qint64(2000);
    QTest::newRow("unknown entry") << QStringList{"a"} << "zz"
                                   << "" << qint64(0);
}

void TestCallGraph::criticalPath() {
    QFETCH(QStringList, services);
    QFETCH(QString, entry);
    QFETCH(QString, path);
    QFETCH(qint64, expectedMicroseconds);
    const CallGraph graph(parse(services), GatewaySpec{});
    const CallGraph::CriticalPath critical = graph.criticalPath(entry.toStdString());
    QCOMPARE(joined(critical.services), path);
    QCOMPARE(critical.expectedLatency.toMicroseconds(), expectedMicroseconds);
}

void TestCallGraph::criticalPathThroughGateway() {
    std::vector<ServiceBehaviourSpec> services =
        parse({"gateway", "frontend>catalog", "catalog", "admin"});
    services[0].cpuPerRequest = constant(SimTime::microseconds(500));
    services[0].baseLatency = SimTime::microseconds(100);
    services[1].cpuPerRequest.type = DistributionType::Uniform;
    services[1].cpuPerRequest.min = SimTime::milliseconds(2);
    services[1].cpuPerRequest.max = SimTime::milliseconds(4); // mean 3 ms
    services[2].cpuPerRequest.type = DistributionType::LogNormal;
    services[2].cpuPerRequest.mean = SimTime::milliseconds(5);
    services[2].cpuPerRequest.stddev = SimTime::milliseconds(50);
    GatewaySpec gateway;
    gateway.service = "gateway";
    // The slowest backend with a weight counts; admin has weight 0 and is never chosen.
    gateway.routes.push_back(
        GatewayRouteSpec{"shop", {}, {}, {{"frontend", 9}, {"catalog", 1}}, std::nullopt});
    services[3].cpuPerRequest = constant(SimTime::seconds(1));
    gateway.routes.push_back(GatewayRouteSpec{"admin", {}, {}, {{"admin", 0}}, std::nullopt});
    const CallGraph graph(services, gateway);
    const CallGraph::CriticalPath critical = graph.criticalPath("gateway");
    QCOMPARE(joined(critical.services), QString("gateway frontend catalog"));
    QCOMPARE(critical.expectedLatency, SimTime::microseconds(600 + 3000 + 5000));
    QCOMPARE(joined(graph.topologicalOrder()).left(7), QString("gateway"));
}

void TestCallGraph::fanOut_data() {
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<double>("fanOut");
    QTest::newRow("no calls") << QStringList{"a"} << 0.0;
    QTest::newRow("two calls") << QStringList{"a>b,c"} << 2.0;
    // Probabilities are ignored: the worst case.
    QTest::newRow("probability") << QStringList{"a>b?0.01*4"} << 4.0;
    QTest::newRow("100 × 100") << QStringList{"a>b*100", "b>c*100"} << 10'100.0;
    QTest::newRow("diamond counts both paths")
        << QStringList{"a>[b,c]", "b>d*2", "c>d*3"} << 2.0 + 2.0 + 3.0;
    QTest::newRow("explosion") << QStringList{"a>b*100", "b>c*100", "c>d*100", "d>e*100"}
                               << 101'010'100.0;
}

void TestCallGraph::fanOut() {
    QFETCH(QStringList, services);
    QFETCH(double, fanOut);
    const CallGraph graph(parse(services), GatewaySpec{});
    QCOMPARE(graph.worstCaseFanOut("a"), fanOut);
}

void TestCallGraph::meanOfDistributions() {
    DurationDistributionSpec spec = constant(SimTime::milliseconds(7));
    QCOMPARE(meanOf(spec), SimTime::milliseconds(7));
    spec.type = DistributionType::Exponential;
    QCOMPARE(meanOf(spec), SimTime::milliseconds(7));
    spec.type = DistributionType::Uniform;
    spec.min = SimTime::microseconds(1);
    spec.max = SimTime::microseconds(4);
    QCOMPARE(meanOf(spec), SimTime::microseconds(2)); // 2.5 µs, whole microseconds
}

QTEST_GUILESS_MAIN(TestCallGraph)
#include "tst_callgraph.moc"
