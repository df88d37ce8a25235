// Reading the traffic half of scenario files (sim/scenario/trafficreader.h and the traffic
// checks of scenariovalidator.h): every field of data/traffic.yaml, a three-tier shop that
// uses each of them once, is read; each mistake is reported at its line and column with its
// code and message; trace CSV files are read relative to the scenario and bad ones are
// errors, never crashes; hostile call graphs (cycles, runaway fan-out) are rejected.
//
// Most cases edit one line of data/traffic.yaml, so each row shows the mistake and where it
// must be reported.

#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenario/tracefile.h"
#include "traffic/kinds.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <set>
#include <sstream>

using namespace cnsim;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

QString describe(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + "\n";
    }
    return out;
}

const Diagnostic* findMessage(const std::vector<Diagnostic>& diagnostics,
                              const std::string& message) {
    for (const Diagnostic& d : diagnostics) {
        if (d.message == message) {
            return &d;
        }
    }
    return nullptr;
}

double number(const AttributeMap& attributes, const char* name) {
    return std::get<double>(attributes.at(name));
}

SimTime duration(const AttributeMap& attributes, const char* name) {
    return std::get<SimTime>(attributes.at(name));
}

DurationDistributionSpec constantDistribution(SimTime mean) {
    DurationDistributionSpec spec;
    spec.mean = mean;
    return spec;
}

// A request class sent straight to a Service.
RequestClassSpec direct(const char* name, const char* service) {
    RequestClassSpec spec;
    spec.name = name;
    spec.service = service;
    return spec;
}

// base.yaml's one traffic source, made a trace source reading `file`.
std::string withTrace(std::string base, const std::string& file) {
    const std::string from = "      service: web\n      requestsPerSecond: 10\n";
    base.replace(base.find(from), from.size(),
                 "      service: web\n      type: trace\n      file: " + file + "\n");
    return base;
}

// base.yaml with a second Service, api, that web calls with `resilience` (the text given).
std::string withResilience(std::string base, const std::string& resilience) {
    const std::string api =
        "  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: api\n"
        "    spec:\n      selector:\n        app: web\n      ports:\n"
        "        - port: 80\n";
    base.replace(base.find("simulation:\n"), 12, api + "simulation:\n");
    const std::string from = "      cpuPerRequest: 10ms\n";
    base.replace(base.find(from), from.size(),
                 from + "      calls:\n        - service: api\n" + resilience +
                     "    - name: api\n      cpuPerRequest: 5ms\n");
    return base;
}

const char* const kFullResilience = "      resilience:\n"
                                    "        calls:\n"
                                    "          - service: api\n"
                                    "            timeout: 500ms\n"
                                    "            retry:\n"
                                    "              maxAttempts: 4\n"
                                    "              waitDuration: 50ms\n"
                                    "              exponentialBackoffMultiplier: 2\n"
                                    "              budget:\n"
                                    "                ratio: 0.25\n"
                                    "                minRetriesPerSecond: 5\n"
                                    "                ttl: 20s\n"
                                    "            circuitBreaker:\n"
                                    "              failureRateThreshold: 40\n"
                                    "              slowCallRateThreshold: 80\n"
                                    "              slowCallDurationThreshold: 2s\n"
                                    "              slidingWindowType: COUNT_BASED\n"
                                    "              slidingWindowSize: 20\n"
                                    "              minimumNumberOfCalls: 10\n"
                                    "              waitDurationInOpenState: 15s\n"
                                    "              permittedNumberOfCallsInHalfOpenState: 3\n";

} // namespace

class TestTrafficReader : public QObject {
    Q_OBJECT

private slots:
    void readsEveryTrafficField();
    void oldFormsStillRead();
    void shorthandsMeanTheLongForms();
    void diagnostics_data();
    void diagnostics();
    void traceFiles_data();
    void traceFiles();
    void traceFileErrors_data();
    void traceFileErrors();
    void tracePathsAreRelativeToTheScenario();
    void traceFileLimits();
    void runawayFanOutIsAnError();
    void cycleIsReportedOnceWithItsPath();
    void readsAndWritesResilience();
    void resilienceDiagnostics_data();
    void resilienceDiagnostics();
    void aggregateMode();

private:
    const std::string m_traffic = readText(CNSIM_TEST_DATA_DIR "/traffic.yaml");
    const std::string m_base = readText(CNSIM_TEST_DATA_DIR "/base.yaml");
};

void TestTrafficReader::readsEveryTrafficField() {
    const ScenarioLoadResult result = readScenarioFile(CNSIM_TEST_DATA_DIR "/traffic.yaml");
    QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.scenario.has_value());
    const SimulationSpec& sim = result.scenario->simulation;

    QCOMPARE(sim.services.size(), std::size_t{5});
    const ServiceBehaviourSpec& gateway = sim.services[0];
    QCOMPARE(gateway.cpuPerRequest.type, DistributionType::Constant);
    QCOMPARE(gateway.cpuPerRequest.mean, SimTime::milliseconds(1));
    QCOMPARE(gateway.baseLatency, SimTime::zero());
    QCOMPARE(gateway.workers, std::optional<int>());
    QCOMPARE(gateway.queueCapacity, 1000);
    QCOMPARE(gateway.loadBalancer.type, std::string("random"));

    const ServiceBehaviourSpec& frontend = sim.services[1];
    QCOMPARE(frontend.cpuPerRequest.type, DistributionType::LogNormal);
    QCOMPARE(frontend.cpuPerRequest.mean, SimTime::milliseconds(20));
    QCOMPARE(frontend.cpuPerRequest.stddev, SimTime::milliseconds(10));
    QCOMPARE(frontend.baseLatency, SimTime::milliseconds(2));
    QCOMPARE(frontend.workers, std::optional<int>(8));
    QCOMPARE(frontend.queueCapacity, 200);
    QCOMPARE(frontend.memoryPerRequest, Bytes::mebibytes(4));
    QVERIFY(frontend.oomKill);
    QCOMPARE(frontend.loadBalancer.type, std::string("least-request"));
    QCOMPARE(number(frontend.loadBalancer.attributes, "choices"), 3.0);
    QCOMPARE(frontend.calls.size(), std::size_t{2});
    QVERIFY(!frontend.calls[0].parallel);
    QVERIFY((frontend.calls[0].calls == std::vector<DownstreamCallSpec>{{"catalog", 0.9, 2}}));
    QVERIFY(frontend.calls[1].parallel);
    QVERIFY((frontend.calls[1].calls ==
             std::vector<DownstreamCallSpec>{{"cart", 1.0, 1}, {"catalog", 0.5, 1}}));

    const ServiceBehaviourSpec& catalog = sim.services[2];
    QCOMPARE(catalog.cpuPerRequest.type, DistributionType::Exponential);
    QCOMPARE(catalog.cpuPerRequest.mean, SimTime::milliseconds(5));
    QCOMPARE(catalog.loadBalancer.type, std::string("round-robin"));
    QVERIFY(catalog.loadBalancer.attributes.empty());

    const ServiceBehaviourSpec& cart = sim.services[3];
    QCOMPARE(cart.cpuPerRequest.type, DistributionType::Uniform);
    QCOMPARE(cart.cpuPerRequest.min, SimTime::milliseconds(2));
    QCOMPARE(cart.cpuPerRequest.max, SimTime::milliseconds(6));
    QCOMPARE(cart.loadBalancer.type, std::string("ring-hash"));
    QCOMPARE(number(cart.loadBalancer.attributes, "virtualNodes"), 50.0);
    QVERIFY((cart.calls.at(0).calls == std::vector<DownstreamCallSpec>{{"database", 0.5, 1}}));

    QCOMPARE(sim.network.sameZoneLatency, SimTime::microseconds(300));
    QCOMPARE(sim.network.crossZoneLatency, SimTime::milliseconds(2));

    QCOMPARE(sim.gateway.service, std::string("gateway"));
    QCOMPARE(sim.gateway.routes.size(), std::size_t{2});
    const GatewayRouteSpec& shop = sim.gateway.routes[0];
    QCOMPARE(shop.name, std::string("shop"));
    QVERIFY((shop.hostnames == std::vector<std::string>{"shop.example.com", "*.shop.example.com"}));
    QCOMPARE(shop.matches.size(), std::size_t{2});
    QCOMPARE(shop.matches[0].pathPrefix, std::string("/"));
    QVERIFY(shop.matches[0].headers.empty());
    QCOMPARE(shop.matches[1].pathPrefix, std::string("/cart"));
    // Header names ignore case; they are kept in lower case.
    QVERIFY((shop.matches[1].headers == std::map<std::string, std::string>{{"x-canary", "true"}}));
    QVERIFY((shop.backends == std::vector<RouteBackendSpec>{{"frontend", 100}}));
    QVERIFY((shop.rateLimit == RateLimitSpec{500.0, 50}));
    const GatewayRouteSpec& api = sim.gateway.routes[1];
    QVERIFY(api.hostnames.empty());
    QCOMPARE(api.matches.at(0).pathPrefix, std::string("/")); // Gateway API's default
    QVERIFY((api.matches.at(0).headers == std::map<std::string, std::string>{{"x-api", "v1"}}));
    QVERIFY((api.backends == std::vector<RouteBackendSpec>{{"catalog", 1}, {"cart", 0}}));
    QVERIFY(!api.rateLimit);

    QCOMPARE(sim.traffic.size(), std::size_t{7});
    const TrafficSourceSpec& shoppers = sim.traffic[0];
    QCOMPARE(shoppers.type, std::string("poisson"));
    QCOMPARE(number(shoppers.attributes, "requestsPerSecond"), 100.0);
    QCOMPARE(shoppers.attributes.size(), std::size_t{1});
    QCOMPARE(shoppers.start, SimTime::seconds(10));
    QCOMPARE(shoppers.stop, std::optional(SimTime::minutes(8)));
    QCOMPARE(shoppers.clients, 5000);
    QCOMPARE(shoppers.classes.size(), std::size_t{2});
    QVERIFY((shoppers.classes[0] ==
             RequestClassSpec{"browse", 0.8, "", "", "shop.example.com", "/products", {}}));
    QVERIFY((shoppers.classes[1] ==
             RequestClassSpec{
                 "checkout", 0.2, "", "", "shop.example.com", "/cart", {{"x-canary", "true"}}}));

    const TrafficSourceSpec& flash = sim.traffic[1];
    QCOMPARE(flash.type, std::string("spike"));
    QCOMPARE(number(flash.attributes, "requestsPerSecond"), 10.0);
    QCOMPARE(number(flash.attributes, "spikeRequestsPerSecond"), 400.0);
    QCOMPARE(duration(flash.attributes, "spikeAt"), SimTime::minutes(5));
    QCOMPARE(duration(flash.attributes, "spikeDuration"), SimTime::seconds(30));
    QCOMPARE(duration(flash.attributes, "rampTime"), SimTime::seconds(5));
    // An inline target is one class named after the source.
    QVERIFY((flash.classes ==
             std::vector<RequestClassSpec>{
                 {"flash-sale", 1.0, "", "", "shop.example.com", "/products/deal", {}}}));
    QCOMPARE(flash.clients, 1000);
    QVERIFY(!flash.stop);

    const TrafficSourceSpec& replay = sim.traffic[2];
    QCOMPARE(replay.type, std::string("trace"));
    QCOMPARE(std::get<std::string>(replay.attributes.at("file")), std::string("traffic.csv"));
    QCOMPARE(number(replay.attributes, "scale"), 2.0);
    QVERIFY((replay.trace == std::vector<RatePoint>{{SimTime::zero(), 10.0},
                                                    {SimTime::seconds(30), 25.5},
                                                    {SimTime::seconds(90), 40.0},
                                                    {SimTime::milliseconds(120'500), 0.0}}));
    QVERIFY((replay.classes == std::vector<RequestClassSpec>{direct("replay", "frontend")}));

    const TrafficSourceSpec& morning = sim.traffic[3];
    QCOMPARE(morning.type, std::string("ramp"));
    QCOMPARE(number(morning.attributes, "rampTo"), 50.0);
    QCOMPARE(duration(morning.attributes, "rampDuration"), SimTime::minutes(2));
    const TrafficSourceSpec& launch = sim.traffic[4];
    QCOMPARE(launch.type, std::string("step"));
    QCOMPARE(duration(launch.attributes, "stepAt"), SimTime::minutes(1));
    QCOMPARE(number(launch.attributes, "stepTo"), 60.0);
    const TrafficSourceSpec& daily = sim.traffic[5];
    QCOMPARE(daily.type, std::string("diurnal"));
    QCOMPARE(number(daily.attributes, "amplitude"), 0.25);
    QCOMPARE(duration(daily.attributes, "period"), SimTime::minutes(10));
    QCOMPARE(duration(daily.attributes, "peakAt"), SimTime::minutes(5));
    QCOMPARE(sim.traffic[6].type, std::string("constant"));

    QCOMPARE(sim.tracing.sampleRate, 0.01);
    QCOMPARE(sim.tracing.maxTraces, 500);

    // Every kind of the registries is used, so a kind added later shows up here.
    std::set<std::string> shapes;
    for (const TrafficSourceSpec& source : sim.traffic) {
        shapes.insert(source.type);
    }
    QCOMPARE(shapes.size(), trafficShapeKinds().size());
    std::set<std::string> balancers;
    for (const ServiceBehaviourSpec& service : sim.services) {
        balancers.insert(service.loadBalancer.type);
    }
    QCOMPARE(balancers.size(), loadBalancerKinds().size());
}

void TestTrafficReader::oldFormsStillRead() {
    // base.yaml is written the way every shipped scenario is: cpuPerRequest as a duration,
    // traffic with service / requestsPerSecond and type left out.
    const ScenarioLoadResult result = readScenario(m_base, "base.yaml");
    QVERIFY2(result.diagnostics.empty(), qPrintable(describe(result.diagnostics)));
    const SimulationSpec& sim = result.scenario->simulation;
    QVERIFY((sim.services.at(0).cpuPerRequest == constantDistribution(SimTime::milliseconds(10))));
    const TrafficSourceSpec& users = sim.traffic.at(0);
    QCOMPARE(users.type, std::string("poisson"));
    QCOMPARE(number(users.attributes, "requestsPerSecond"), 10.0);
    QVERIFY((users.classes == std::vector<RequestClassSpec>{direct("users", "web")}));
    QVERIFY(sim.network == NetworkSpec{});
    QVERIFY(sim.gateway == GatewaySpec{});
    QVERIFY(sim.tracing == TracingSpec{});
}

void TestTrafficReader::shorthandsMeanTheLongForms() {
    // A constant written as a distribution, a load balancer named by itself or as {type},
    // and a one-class list named after the source read like the short forms.
    const auto load = [&](const std::string& services, const std::string& target) {
        std::string text = m_base;
        const std::string from = "      cpuPerRequest: 10ms\n";
        text.replace(text.find(from), from.size(), services);
        const std::string traffic = "      service: web\n";
        text.replace(text.find(traffic), traffic.size(), target);
        ScenarioLoadResult result = readScenario(text, "case.yaml");
        if (!result.scenario) {
            qWarning("%s", qPrintable(describe(result.diagnostics)));
        }
        return result.scenario;
    };
    const auto shortForm = load("      cpuPerRequest: 10ms\n      loadBalancer: round-robin\n",
                                "      service: web\n");
    const auto longForm =
        load("      cpuPerRequest:\n        distribution: constant\n"
             "        mean: 10ms\n      loadBalancer:\n        type: round-robin\n",
             "      classes:\n        - name: users\n          weight: 1\n"
             "          service: web\n");
    QVERIFY(shortForm && longForm);
    QVERIFY(*shortForm == *longForm);
    const auto random =
        load("      cpuPerRequest: 10ms\n      loadBalancer: random\n", "      service: web\n");
    QVERIFY(random);
    QVERIFY(random->simulation.services.at(0).loadBalancer == LoadBalancerSpec{});
}

void TestTrafficReader::diagnostics_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const auto error = [](const char* name, const QString& from, const QString& to, int line,
                          int column, const char* code, const char* message) {
        QTest::newRow(name) << from << to << line << column << true << code
                            << QString::fromUtf8(message);
    };

    // simulation.services[]
    error("misspelled service key", "      workers: 8", "      wokers: 8", 156, 7, "unknown-key",
          "unknown key 'wokers' in simulation service — did you mean 'workers'?");
    error("no workers", "workers: 8", "workers: 0", 156, 16, "below-minimum",
          "workers 0 is below the minimum of 1");
    error("a million workers", "workers: 8", "workers: 1000000", 156, 16, "above-maximum",
          "workers 1000000 is above the maximum of 100000");
    error("huge queue", "queueCapacity: 200", "queueCapacity: 2000000", 157, 22, "above-maximum",
          "queueCapacity 2000000 is above the maximum of 1000000");
    error("negative queue", "queueCapacity: 200", "queueCapacity: -1", 157, 22, "below-minimum",
          "queueCapacity -1 is below the minimum of 0");
    error("memory not a quantity", "memoryPerRequest: 4Mi", "memoryPerRequest: 4MB", 158, 25,
          "bad-quantity",
          "memoryPerRequest '4MB' is not a valid quantity: not a Kubernetes quantity; expected "
          "e.g. 512Mi, 2Gi, 1G or 128974848");
    error("memory above bound", "memoryPerRequest: 4Mi", "memoryPerRequest: 1Ti", 158, 25,
          "above-maximum", "memoryPerRequest 1Ti is above the maximum of 64Gi");
    error("oomKill yes", "oomKill: true", "oomKill: yes", 159, 16, "wrong-type",
          "'oomKill' must be true or false, got 'yes'");
    error("misspelled distribution", "distribution: lognormal", "distribution: lognormall", 152, 23,
          "bad-value",
          "'distribution' must be one of constant, exponential, lognormal, uniform, got "
          "'lognormall' — did you mean 'lognormal'?");
    error("lognormal without stddev", "        stddev: 10ms\n", "", 151, 7, "missing-key",
          "missing required key 'stddev' for a lognormal distribution");
    error("distribution without type", "        distribution: lognormal\n", "", 151, 7,
          "missing-key", "missing required key 'distribution' in distribution");
    error("stddev on exponential", "        mean: 5ms\n",
          "        mean: 5ms\n        stddev: 1ms\n", 175, 9, "not-applicable",
          "'stddev' does not apply to an exponential distribution");
    error("mean on uniform", "        min: 2ms\n", "        min: 2ms\n        mean: 4ms\n", 182, 9,
          "not-applicable", "'mean' does not apply to a uniform distribution");
    error("uniform min not below max", "max: 6ms", "max: 2ms", 182, 14, "bad-range",
          "a uniform distribution's max 2ms must be greater than its min 2ms");
    error("zero stddev", "stddev: 10ms", "stddev: 0s", 154, 17, "below-minimum",
          "stddev 0s is below the minimum of 1us");
    error("mean above bound", "mean: 20ms", "mean: 2m", 153, 15, "above-maximum",
          "mean 2m is above the maximum of 1m");
    error("cpuPerRequest a list", "cpuPerRequest: 1ms", "cpuPerRequest: [1ms]", 149, 22,
          "wrong-type",
          "'cpuPerRequest' must be a duration from 1us to 1m such as 90s, 5m or 1h30m (units h, "
          "m, s, ms, us), got a list");
    error("call count huge", "          count: 2", "          count: 1000", 166, 18,
          "above-maximum", "count 1000 is above the maximum of 100");
    error("call count zero", "          count: 2", "          count: 0", 166, 18, "below-minimum",
          "count 0 is below the minimum of 1");
    error("probability zero", "probability: 0.9", "probability: 0", 165, 24, "below-minimum",
          "probability 0 must be above 0: leave the call out instead");
    error("probability above one", "probability: 0.9", "probability: 1.5", 165, 24, "above-maximum",
          "probability 1.5 is above the maximum of 1");
    error("call to unknown service", "        - service: catalog\n          probability: 0.9",
          "        - service: catalgo\n          probability: 0.9", 164, 20, "unknown-reference",
          "'frontend' calls Service 'catalgo', but no Service of that name is in workloads — did "
          "you mean 'catalog'?");
    error("misspelled call key", "        - service: catalog\n          probability: 0.9",
          "        - service: catalog\n          probabilty: 0.9", 165, 11, "unknown-key",
          "unknown key 'probabilty' in call — did you mean 'probability'?");
    error("call key next to parallel", "              probability: 0.5\n    - name: catalog",
          "              probability: 0.5\n          count: 2\n    - name: catalog", 171, 11,
          "conflicting-keys",
          "'count' belongs inside one of the calls of 'parallel', not next to it");
    error("nested parallel", "            - service: cart\n", "            - parallel: []\n", 168,
          15, "not-applicable",
          "a 'parallel' group holds calls, not another group: its calls already run at once");
    error("empty parallel",
          "        - parallel:\n            - service: cart\n            - service: catalog\n"
          "              probability: 0.5\n",
          "        - parallel: []\n", 167, 11, "empty-list",
          "'parallel' must list at least one call");
    error("call without service", "        - service: database\n          probability: 0.5",
          "        - probability: 0.5", 187, 11, "missing-key",
          "missing required key 'service' in call (or 'parallel' for a group of calls)");
    error("calls not a list", "      calls:\n        - service: database\n    - name: cart",
          "      calls: database\n    - name: cart", 176, 14, "wrong-type",
          "'calls' must be a list (items starting with '- '), got 'database'");
    error("cycle", "    - name: database\n      cpuPerRequest: 2ms\n",
          "    - name: database\n      cpuPerRequest: 2ms\n      calls:\n"
          "        - service: frontend\n",
          192, 20, "call-cycle",
          "Services call each other in a cycle: frontend → catalog → database → frontend (a "
          "request would never finish)");
    error("cycle through the gateway", "          - name: frontend\n            weight: 100",
          "          - name: gateway\n            weight: 100", 213, 19, "call-cycle",
          "Services call each other in a cycle: gateway → gateway (a request would never "
          "finish)");
    error("misspelled load balancer", "      loadBalancer: round-robin",
          "      loadBalancer: round-robbin", 175, 21, "bad-value",
          "'loadBalancer' must be one of random, round-robin, least-request, ring-hash, got "
          "'round-robbin' — did you mean 'round-robin'?");
    error("attribute of another load balancer", "        choices: 3", "        virtualNodes: 3",
          162, 9, "not-applicable",
          "'virtualNodes' does not apply to load balancer 'least-request', which takes choices");
    error("attribute on a load balancer without any",
          "        type: ring-hash\n        virtualNodes: 50",
          "        type: round-robin\n        virtualNodes: 50", 185, 9, "not-applicable",
          "'virtualNodes' does not apply to load balancer 'round-robin', which takes no "
          "attributes");
    error("choices below bound", "choices: 3", "choices: 1", 162, 18, "below-minimum",
          "choices 1 is below the minimum of 2");
    error("load balancer without type", "        type: least-request\n", "", 160, 7, "missing-key",
          "missing required key 'type' in loadBalancer");

    // simulation.network
    error("network latency above bound", "sameZoneLatency: 300us", "sameZoneLatency: 11s", 193, 22,
          "above-maximum", "sameZoneLatency 11s is above the maximum of 10s");
    error("misspelled network key", "    crossZoneLatency: 2ms", "    crossZoneLatncy: 2ms", 194, 5,
          "unknown-key",
          "unknown key 'crossZoneLatncy' in network — did you mean "
          "'crossZoneLatency'?");

    // simulation.gateway
    error("misspelled gateway key", "  gateway:\n", "  gateways:\n", 195, 3, "unknown-key",
          "unknown key 'gateways' in simulation — did you mean 'gateway'?");
    error("gateway unknown service", "    service: gateway\n", "    service: gatewy\n", 196, 14,
          "unknown-reference",
          "the gateway is Service 'gatewy', but no Service of that name is in workloads — did "
          "you mean 'gateway'?");
    error("gateway without service", "    service: gateway\n    routes:", "    routes:", 195, 3,
          "missing-key", "missing required key 'service' in gateway");
    error("duplicate route", "      - name: api", "      - name: shop", 218, 15, "duplicate-name",
          "duplicate route name 'shop' (first given on line 198)");
    error("route name upper case", "      - name: api", "      - name: API", 218, 15, "bad-name",
          "name 'API' is invalid: a DNS-1123 label may contain only lower-case letters, digits "
          "and '-'");
    error("bad hostname", "          - shop.example.com\n", "          - shop_example.com\n", 200,
          13, "bad-name",
          "hostname 'shop_example.com' is invalid: a DNS-1123 subdomain may contain only "
          "lower-case letters, digits, '-' and '.'");
    error("path match type", "              type: PathPrefix", "              type: Exact", 204, 21,
          "bad-value", "'type' must be one of PathPrefix, got 'Exact'");
    error("relative path prefix", "              value: /cart", "              value: cart", 207,
          22, "bad-value", "path 'cart' is invalid: it must start with '/'");
    error("double slash", "              value: /cart", "              value: /cart//x", 207, 22,
          "bad-value", "path '/cart//x' is invalid: it must not contain '//'");
    error("path match shorthand", "          - path:\n              value: /cart\n",
          "          - path: /cart\n", 206, 19, "wrong-type",
          "a route's path match is written as in Gateway API, {type: PathPrefix, value: /cart}, "
          "got '/cart'");
    error("header match type", "                type: Exact", "                type: Regex", 211,
          23, "bad-value", "'type' must be one of Exact, got 'Regex'");
    error("bad header name", "              - name: X-Canary", "              - name: X Canary",
          209, 23, "bad-name",
          "header name 'X Canary' is invalid: at most 256 letters, digits and !#$%&'*+-.^_`|~");
    error("header match without value", "                value: \"true\"\n", "", 209, 17,
          "missing-key", "missing required key 'value' in header match");
    error("all backend weights zero", "          - name: catalog\n          - name: cart\n",
          "          - name: catalog\n            weight: 0\n          - name: cart\n", 223, 9,
          "zero-weights",
          "every backendRef has weight 0, so the route can send nowhere; give one a weight "
          "above 0");
    error("backend weight huge", "            weight: 100\n", "            weight: 2000000\n", 214,
          21, "above-maximum", "weight 2000000 is above the maximum of 1000000");
    error("backend unknown", "          - name: catalog\n          - name: cart\n",
          "          - name: catalogue\n          - name: cart\n", 224, 19, "unknown-reference",
          "route 'api' sends to Service 'catalogue', but no Service of that name is in "
          "workloads — did you mean 'catalog'?");
    error("no backends",
          "        backendRefs:\n          - name: catalog\n          - name: cart\n"
          "            weight: 0\n",
          "        backendRefs: []\n", 223, 9, "empty-list",
          "'backendRefs' must list at least one Service");
    error("backend as service", "          - name: catalog\n          - name: cart\n",
          "          - service: catalog\n          - name: cart\n", 224, 13, "unknown-key",
          "unknown key 'service' in backendRef");
    error("rate limit zero", "requestsPerSecond: 500", "requestsPerSecond: 0", 216, 30,
          "below-minimum",
          "a rate limit of 0 requests per second rejects everything; it must be above 0");
    error("burst zero", "burst: 50", "burst: 0", 217, 18, "below-minimum",
          "burst 0 is below the minimum of 1");

    // simulation.traffic[]
    error("misspelled traffic type", "      type: spike", "      type: spkie", 248, 13, "bad-value",
          "'type' must be one of constant, poisson, step, ramp, spike, diurnal, trace, got "
          "'spkie' — did you mean 'spike'?");
    error("attribute of another type", "      rampTime: 5s", "      rampTime: 5s\n      stepTo: 5",
          254, 7, "not-applicable",
          "'stepTo' does not apply to traffic type 'spike', which takes requestsPerSecond, "
          "spikeRequestsPerSecond, spikeAt, spikeDuration, rampTime");
    error("missing attribute", "      spikeAt: 5m\n", "", 245, 7, "missing-key",
          "missing required key 'spikeAt' for traffic type 'spike'");
    error("missing rate", "      requestsPerSecond: 1\n", "", 278, 7, "missing-key",
          "missing required key 'requestsPerSecond' for traffic type 'constant'");
    error("misspelled attribute", "      rampTo: 50", "      rampTO: 50", 263, 7, "unknown-key",
          "unknown key 'rampTO' in traffic source — did you mean 'rampTo'?");
    error("amplitude above one", "amplitude: 0.25", "amplitude: 2", 275, 18, "above-maximum",
          "amplitude 2 is above the maximum of 1");
    error("rate above bound", "requestsPerSecond: 100\n", "requestsPerSecond: 2000000\n", 230, 26,
          "above-maximum", "requestsPerSecond 2000000 is above the maximum of 1000000");
    error("rate a word", "requestsPerSecond: 100\n", "requestsPerSecond: lots\n", 230, 26,
          "wrong-type", "'requestsPerSecond' must be a number, got 'lots'");
    error("ramp of zero length", "rampDuration: 2m", "rampDuration: 0s", 264, 21, "below-minimum",
          "rampDuration 0s is below the minimum of 1us");
    error("trace file empty", "file: traffic.csv", "file: \"\"", 257, 13, "empty-value",
          "'file' must not be empty");
    error("service and host", "      service: frontend\n      type: trace",
          "      service: frontend\n      host: x.example.com\n      type: trace", 256, 7,
          "conflicting-keys",
          "'host' conflicts with 'service': requests go straight to a Service or through the "
          "gateway, not both");
    error("classes and inline target", "      clients: 5000\n",
          "      clients: 5000\n      service: frontend\n", 234, 7, "conflicting-keys",
          "'service' conflicts with 'classes': give the target inline for one class, or in "
          "each of 'classes'");
    error("no target", "    - name: probes\n      service: database\n", "    - name: probes\n", 278,
          7, "missing-key",
          "missing required key 'service' in traffic source (or 'host' / 'path' / 'headers' to "
          "send through the gateway, or 'queue' to publish messages)");
    error("inline target to unknown service", "      service: database\n",
          "      service: databse\n", 279, 16, "unknown-reference",
          "traffic goes to Service 'databse', but no Service of that name is in workloads — did "
          "you mean 'database'?");
    error("duplicate class", "        - name: checkout", "        - name: browse", 239, 17,
          "duplicate-name", "duplicate request class 'browse' (first given on line 235)");
    error("all class weights zero",
          "          weight: 0.8\n          host: shop.example.com\n          path: /products\n"
          "        - name: checkout\n          weight: 0.2\n",
          "          weight: 0\n          host: shop.example.com\n          path: /products\n"
          "        - name: checkout\n          weight: 0\n",
          234, 7, "zero-weights",
          "every request class has weight 0, so the source sends nothing; give one a weight "
          "above 0");
    error("negative class weight", "weight: 0.8", "weight: -1", 236, 19, "below-minimum",
          "weight -1 is below the minimum of 0");
    error("class to unknown service",
          "          host: shop.example.com\n          path: /products\n",
          "          service: frontnd\n", 237, 20, "unknown-reference",
          "traffic goes to Service 'frontnd', but no Service of that name is in workloads — did "
          "you mean 'frontend'?");
    error("class without target", "          host: shop.example.com\n          path: /products\n",
          "", 235, 11, "missing-key",
          "missing required key 'service' in request class (or 'host' / 'path' / 'headers' to "
          "send through the gateway, or 'queue' to publish messages)");
    error("empty classes",
          m_traffic
              .substr(m_traffic.find("      classes:\n"),
                      m_traffic.find("    - name: flash-sale") - m_traffic.find("      classes:\n"))
              .c_str(),
          "      classes: []\n", 234, 7, "empty-list",
          "'classes' must list at least one request class");
    error("request header not text", "            X-Canary: \"true\"", "            X-Canary: [a]",
          244, 23, "wrong-type", "header names and values must be text, got a list");
    error("request header twice", "            X-Canary: \"true\"\n",
          "            X-Canary: \"true\"\n            x-canary: \"false\"\n", 245, 13,
          "duplicate-key", "duplicate header 'x-canary' (header names ignore case)");
    error("class path relative", "path: /products\n", "path: products\n", 238, 17, "bad-value",
          "path 'products' is invalid: it must start with '/'");
    error("class host invalid", "      host: shop.example.com\n      path: /products/deal",
          "      host: Shop.example.com\n      path: /products/deal", 246, 13, "bad-name",
          "hostname 'Shop.example.com' is invalid: a DNS-1123 subdomain may contain only "
          "lower-case letters, digits, '-' and '.'");
    error("no clients", "clients: 5000", "clients: 0", 233, 16, "below-minimum",
          "clients 0 is below the minimum of 1");
    error("stop before start", "stop: 8m", "stop: 5s", 232, 13, "stop-before-start",
          "traffic stop 5s must be after its start 10s");
    error("through the gateway without one",
          m_traffic
              .substr(m_traffic.find("  gateway:\n"),
                      m_traffic.find("  traffic:\n") - m_traffic.find("  gateway:\n"))
              .c_str(),
          "", 205, 11, "no-gateway",
          "requests of 'browse' go through the gateway (host, path or headers), but "
          "simulation.gateway is not set");

    // simulation.tracing
    error("sample rate above one", "sampleRate: 0.01", "sampleRate: 2", 283, 17, "above-maximum",
          "sampleRate 2 is above the maximum of 1");
    error("too many traces", "maxTraces: 500", "maxTraces: 200000", 284, 16, "above-maximum",
          "maxTraces 200000 is above the maximum of 100000");
    error("misspelled tracing key", "    maxTraces: 500", "    maxTrace: 500", 284, 5,
          "unknown-key", "unknown key 'maxTrace' in tracing — did you mean 'maxTraces'?");
    // A class through the gateway that no route accepts: a warning, the file still loads.
    QTest::newRow("class matching no route")
        << QStringLiteral("          host: shop.example.com\n          path: /products\n")
        << QStringLiteral("          host: shop.example.org\n          path: /products\n") << 237
        << 11 << false << QStringLiteral("no-route")
        << QStringLiteral("requests of 'browse' (host 'shop.example.org', path '/products') match "
                          "no gateway route (routes: shop, api), so the gateway answers them 404");
}

void TestTrafficReader::diagnostics() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(bool, isError);
    QFETCH(QString, code);
    QFETCH(QString, message);

    std::string text = m_traffic;
    const std::size_t at = text.find(from.toStdString());
    QVERIFY2(at != std::string::npos, "the row's 'from' text is not in traffic.yaml");
    text.replace(at, static_cast<std::size_t>(from.toUtf8().size()), to.toStdString());

    const ScenarioLoadResult result = readScenario(text, "case.yaml", CNSIM_TEST_DATA_DIR);
    const Diagnostic* d = findMessage(result.diagnostics, message.toStdString());
    QVERIFY2(d != nullptr,
             qPrintable("expected message not reported; got:\n" + describe(result.diagnostics)));
    QCOMPARE(d->line, line);
    QCOMPARE(d->column, column);
    QCOMPARE(QString::fromStdString(d->code), code);
    QCOMPARE(d->severity, isError ? Severity::Error : Severity::Warning);
    QCOMPARE(QString::fromStdString(d->toString()),
             QStringLiteral("case.yaml:%1:%2: %3: %4")
                 .arg(line)
                 .arg(column)
                 .arg(isError ? "error" : "warning", message));
    QCOMPARE(result.scenario.has_value(), !isError);
    for (std::size_t i = 1; i < result.diagnostics.size(); ++i) {
        const Diagnostic& a = result.diagnostics[i - 1];
        const Diagnostic& b = result.diagnostics[i];
        QVERIFY(std::pair(a.line, a.column) <= std::pair(b.line, b.column));
    }
}

void TestTrafficReader::traceFiles_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("rows"); // "seconds:rate …"
    QTest::newRow("seconds") << QByteArray("0,1\n10,2.5\n") << "0:1 10:2.5";
    QTest::newRow("header") << QByteArray("time,rate\n0,1\n") << "0:1";
    QTest::newRow("durations") << QByteArray("0s,1\n1m30s,2\n2m,3\n") << "0:1 90:2 120:3";
    QTest::newRow("fractional seconds") << QByteArray("0.5,1\n1.25,2\n") << "0.5:1 1.25:2";
    QTest::newRow("crlf, bom, spaces, comments, blank lines")
        << QByteArray("\xEF\xBB\xBFtime , rps\r\n# warm-up\r\n\r\n 0 , 4 \r\n5,0\r\n") << "0:4 5:0";
    QTest::newRow("no final newline") << QByteArray("0,1\n3,2") << "0:1 3:2";
    QTest::newRow("first row later than zero") << QByteArray("30,7\n") << "30:7";
}

void TestTrafficReader::traceFiles() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, rows);
    const TraceReadResult result = parseTraceCsv(csv.toStdString());
    QVERIFY2(result.ok(), qPrintable(QString::fromStdString(result.error)));
    QStringList got;
    for (const RatePoint& point : result.rows) {
        got << QString::number(point.at.toSeconds()) + ":" +
                   QString::number(point.requestsPerSecond);
    }
    QCOMPARE(got.join(' '), rows);
}

void TestTrafficReader::traceFileErrors_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // after "trace file 't.csv'"
    QTest::newRow("empty") << QByteArray() << "bad-trace"
                           << ": the file has no rows of time,rate";
    QTest::newRow("header only") << QByteArray("time,rate\n") << "bad-trace"
                                 << ": the file has no rows of time,rate";
    QTest::newRow("bad time") << QByteArray("0,1\nsoon,2\n") << "bad-trace"
                              << " line 2: time 'soon' is not seconds (90, 1.5) or a duration "
                                 "(1m30s, 250ms)";
    QTest::newRow("negative time") << QByteArray("-1,2\n") << "bad-trace"
                                   << " line 1: time '-1' is not seconds (90, 1.5) or a "
                                      "duration (1m30s, 250ms)";
    QTest::newRow("exponent time") << QByteArray("1e3,2\n") << "bad-trace"
                                   << " line 1: time '1e3' is not seconds (90, 1.5) or a "
                                      "duration (1m30s, 250ms)";
    QTest::newRow("time after the longest scenario")
        << QByteArray("0,1\n3000000,2\n") << "bad-trace"
        << " line 2: time 833h20m is after the longest scenario, 720h";
    QTest::newRow("negative rate") << QByteArray("0,-1\n") << "bad-trace"
                                   << " line 1: rate '-1' is outside 0 … 1000000 requests per "
                                      "second";
    QTest::newRow("huge rate") << QByteArray("0,1e9\n") << "bad-trace"
                               << " line 1: rate '1e9' is outside 0 … 1000000 requests per second";
    QTest::newRow("rate a word") << QByteArray("0,many\n") << "bad-trace"
                                 << " line 1: rate 'many' is not a number of requests per second";
    QTest::newRow("nan rate") << QByteArray("0,nan\n") << "bad-trace"
                              << " line 1: rate 'nan' is not a number of requests per second";
    QTest::newRow("missing rate") << QByteArray("0,\n") << "bad-trace"
                                  << " line 1: rate '' is not a number of requests per second";
    QTest::newRow("one value") << QByteArray("0\n") << "bad-trace"
                               << " line 1: expected 2 values (time,rate), got 1";
    QTest::newRow("three values") << QByteArray("0,1,2\n") << "bad-trace"
                                  << " line 1: expected 2 values (time,rate), got 3";
    QTest::newRow("times not increasing")
        << QByteArray("0,1\n\n10,2\n10,3\n") << "bad-trace"
        << " line 4: time 10s is not after the previous row's 10s (line 3); times must increase";
    QTest::newRow("binary") << QByteArray("0,1\n\x01\x02\x03,\x04\n", 12) << "bad-trace"
                            << " line 2: time '\?\?\?' is not seconds (90, 1.5) or a duration "
                               "(1m30s, 250ms)";
}

void TestTrafficReader::traceFileErrors() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeText(dir.filePath("t.csv"), csv);
    const ScenarioLoadResult result =
        readScenario(withTrace(m_base, "t.csv"), "case.yaml", dir.path().toStdString());
    QVERIFY(!result.scenario);
    QCOMPARE(result.diagnostics.size(), std::size_t{1});
    const Diagnostic& d = result.diagnostics.front();
    // Reported at the `file:` value in the scenario, naming the CSV file and its line.
    QCOMPARE(d.line, 52);
    QCOMPARE(d.column, 13);
    QCOMPARE(QString::fromStdString(d.code), code);
    QCOMPARE(QString::fromStdString(d.message), "trace file 't.csv'" + message);
}

void TestTrafficReader::tracePathsAreRelativeToTheScenario() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath("traces"));
    writeText(dir.filePath("traces/day.csv"), "0,5\n60,10\n");
    const std::string text = withTrace(m_base, "traces/day.csv");
    writeText(dir.filePath("shop.yaml"), QByteArray::fromStdString(text));
    const std::vector<RatePoint> expected{{SimTime::zero(), 5.0}, {SimTime::minutes(1), 10.0}};

    // From the file, from text with the file's name, and from text with a base directory.
    const std::string path = dir.filePath("shop.yaml").toStdString();
    for (const ScenarioLoadResult& result :
         {readScenarioFile(path), readScenario(text, path),
          readScenario(text, "untitled.yaml", dir.path().toStdString())}) {
        QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
        QVERIFY(result.scenario->simulation.traffic.at(0).trace == expected);
    }

    // A bare file name is relative to the current directory, where there is no such file.
    const ScenarioLoadResult bare = readScenario(text, "untitled.yaml");
    QVERIFY(!bare.scenario);
    QCOMPARE(QString::fromStdString(bare.diagnostics.at(0).code), QString("cannot-open"));
    QCOMPARE(QString::fromStdString(bare.diagnostics.at(0).message),
             QString("cannot read trace file 'traces/day.csv' (traces/day.csv): no such file"));

    // An absolute path is used as it is.
    const ScenarioLoadResult absolute = readScenario(
        withTrace(m_base, dir.filePath("traces/day.csv").toStdString()), "untitled.yaml");
    QVERIFY2(absolute.scenario, qPrintable(describe(absolute.diagnostics)));
}

void TestTrafficReader::traceFileLimits() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    const auto firstMessage = [&](const std::string& file) {
        const ScenarioLoadResult result = readScenario(withTrace(m_base, file), "case.yaml", base);
        return result.diagnostics.empty()
                   ? QString()
                   : QString::fromStdString(result.diagnostics.front().code + ": " +
                                            result.diagnostics.front().message);
    };
    QCOMPARE(firstMessage("missing.csv"),
             QString::fromStdString("cannot-open: cannot read trace file 'missing.csv' (" + base +
                                    "/missing.csv): no such file"));
    QVERIFY(QDir(dir.path()).mkdir("folder"));
    QCOMPARE(firstMessage("folder"),
             QString::fromStdString("cannot-open: cannot read trace file 'folder' (" + base +
                                    "/folder): not a regular file"));

    // Above 16 MiB: rejected without being parsed.
    {
        QFile huge(dir.filePath("huge.csv"));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        const QByteArray block(1024 * 1024, '#');
        for (int i = 0; i < 17; ++i) {
            huge.write(block);
        }
    }
    QCOMPARE(firstMessage("huge.csv"),
             QString("file-too-large: trace file 'huge.csv': larger than the maximum of 16 MiB "
                     "for a trace"));

    // One row past the limit.
    QByteArray rows;
    rows.reserve(12 * 1024 * 1024);
    for (int i = 0; i <= static_cast<int>(kMaxTraceRows); ++i) {
        rows += QByteArray::number(i) + ",1\n";
    }
    writeText(dir.filePath("long.csv"), rows);
    QCOMPARE(firstMessage("long.csv"),
             QString("bad-trace: trace file 'long.csv' line 1000001: more than 1000000 rows"));
}

void TestTrafficReader::runawayFanOutIsAnError() {
    // Four Services, each calling the next 100 times: one request to s1 would make
    // 1,010,100 downstream requests. Only s1, whose own calls pass the limit, is reported.
    std::string text = m_base;
    std::string services;
    std::string behaviours;
    for (int i = 1; i <= 4; ++i) {
        const std::string name = "s" + std::to_string(i);
        services += "  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: " + name +
                    "\n    spec:\n      selector:\n        app: web\n      ports:\n"
                    "        - port: 80\n";
        behaviours += "    - name: " + name + "\n      cpuPerRequest: 1ms\n";
        if (i < 4) {
            behaviours += "      calls:\n        - service: s" + std::to_string(i + 1) +
                          "\n          count: 100\n";
        }
    }
    text.replace(text.find("simulation:\n"), 12, services + "simulation:\n");
    text.replace(text.find("  services:\n"), 12, "  services:\n" + behaviours);
    const ScenarioLoadResult result = readScenario(text, "case.yaml");
    QVERIFY(!result.scenario);
    QCOMPARE(result.diagnostics.size(), std::size_t{1});
    const Diagnostic& d = result.diagnostics.front();
    QCOMPARE(d.code, std::string("too-many-calls"));
    QCOMPARE(d.message, std::string("one request to 's1' can cause 1010100 downstream requests "
                                    "(counts multiply along the calls), above the maximum of "
                                    "100000"));
    QCOMPARE(d.line, 82);
    QCOMPARE(d.column, 13);
}

void TestTrafficReader::cycleIsReportedOnceWithItsPath() {
    // A cycle that a gateway route and several callers reach: one error, naming it whole,
    // and no fan-out errors on top.
    std::string text = m_traffic;
    const std::string from = "    - name: database\n      cpuPerRequest: 2ms\n";
    text.replace(text.find(from), from.size(),
                 from + "      calls:\n        - service: cart\n          count: 100\n");
    const ScenarioLoadResult result = readScenario(text, "case.yaml", CNSIM_TEST_DATA_DIR);
    QVERIFY(!result.scenario);
    QCOMPARE(result.diagnostics.size(), std::size_t{1});
    QCOMPARE(result.diagnostics.front().message,
             std::string("Services call each other in a cycle: database → cart → database (a "
                         "request would never finish)"));
}

void TestTrafficReader::readsAndWritesResilience() {
    const ScenarioLoadResult result =
        readScenario(withResilience(m_base, kFullResilience), "case.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const ResilienceSpec& resilience = result.scenario->simulation.services.at(0).resilience;
    QCOMPARE(resilience.calls.size(), std::size_t{1});
    const CallResilienceSpec& call = resilience.calls[0];
    QCOMPARE(call.service, std::string("api"));
    QCOMPARE(call.timeout, std::optional<SimTime>(SimTime::milliseconds(500)));
    QVERIFY(call.retry);
    QCOMPARE(call.retry->maxAttempts, 4);
    QCOMPARE(call.retry->waitDuration, SimTime::milliseconds(50));
    QCOMPARE(call.retry->exponentialBackoffMultiplier, 2.0);
    QVERIFY(call.retry->budget);
    QCOMPARE(call.retry->budget->ratio, 0.25);
    QCOMPARE(call.retry->budget->minRetriesPerSecond, 5.0);
    QCOMPARE(call.retry->budget->ttl, SimTime::seconds(20));
    QVERIFY(call.circuitBreaker);
    const CircuitBreakerConfig& breaker = *call.circuitBreaker;
    QCOMPARE(breaker.failureRateThreshold, 40.0);
    QCOMPARE(breaker.slowCallRateThreshold, 80.0);
    QCOMPARE(breaker.slowCallDurationThreshold, SimTime::seconds(2));
    QCOMPARE(breaker.slidingWindowSize, 20);
    QCOMPARE(breaker.minimumNumberOfCalls, 10);
    QCOMPARE(breaker.waitDurationInOpenState, SimTime::seconds(15));
    QCOMPARE(breaker.permittedNumberOfCallsInHalfOpenState, 3);

    // Save, reopen, save again: the same file and the same scenario.
    const std::string written = writeScenario(*result.scenario);
    const ScenarioLoadResult again = readScenario(written, "again.yaml");
    QVERIFY2(again.scenario, qPrintable(describe(again.diagnostics)));
    QVERIFY(*again.scenario == *result.scenario);
    QCOMPARE(writeScenario(*again.scenario), written);

    // Defaults: Resilience4j's retry (3 attempts, 500 ms, fixed) and Finagle's budget
    // (20 %, 10/s over 10 s); no timeout unless one is given.
    const ScenarioLoadResult defaults = readScenario(
        withResilience(m_base, "      resilience:\n        calls:\n          - service: api\n"
                               "            retry: {budget: {}}\n"
                               "            circuitBreaker: {}\n"),
        "case.yaml");
    QVERIFY2(defaults.scenario, qPrintable(describe(defaults.diagnostics)));
    const CallResilienceSpec& d = defaults.scenario->simulation.services.at(0).resilience.calls[0];
    QVERIFY(!d.timeout);
    QVERIFY(d.retry == (RetrySpec{3, SimTime::milliseconds(500), 1.0, RetryBudgetSpec{}}));
    QCOMPARE(d.retry->budget->ratio, 0.2);
    QCOMPARE(d.retry->budget->minRetriesPerSecond, 10.0);
    QCOMPARE(d.retry->budget->ttl, SimTime::seconds(10));
    QVERIFY(d.circuitBreaker == CircuitBreakerConfig{});
}

void TestTrafficReader::resilienceDiagnostics_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const char* from, const char* to, int line, int column,
                        const char* code, const char* message) {
        QTest::newRow(name) << from << to << line << column << code << QString::fromUtf8(message);
    };
    // kFullResilience starts on line 59 of the edited base.yaml.
    row("misspelled key", "            timeout: 500ms", "            timout: 500ms", 62, 13,
        "unknown-key", "unknown key 'timout' in resilience call — did you mean 'timeout'?");
    row("zero timeout", "timeout: 500ms", "timeout: 0s", 62, 22, "below-minimum",
        "timeout 0s is below the minimum of 1us");
    row("no attempts", "maxAttempts: 4", "maxAttempts: 0", 64, 28, "below-minimum",
        "maxAttempts 0 is below the minimum of 1");
    row("shrinking back-off", "exponentialBackoffMultiplier: 2",
        "exponentialBackoffMultiplier: 0.5", 66, 45, "below-minimum",
        "exponentialBackoffMultiplier 0.5 is below the minimum of 1");
    row("misspelled budget key", "                ratio: 0.25", "                ration: 0.25", 68,
        17, "unknown-key", "unknown key 'ration' in retry budget — did you mean 'ratio'?");
    row("budget window too long", "ttl: 20s", "ttl: 2m", 70, 22, "above-maximum",
        "ttl 2m is above the maximum of 1m");
    row("a Service not called", "          - service: api\n            timeout",
        "          - service: apj\n            timeout", 61, 22, "not-called",
        "resilience for Service 'apj', which this Service does not call (it calls 'api') — "
        "did you mean 'api'?");
    row("rate above 100", "failureRateThreshold: 40", "failureRateThreshold: 150", 72, 37,
        "above-maximum", "failureRateThreshold 150 is above the maximum of 100");
    row("zero rate", "slowCallRateThreshold: 80", "slowCallRateThreshold: 0", 73, 38,
        "below-minimum", "slowCallRateThreshold 0 must be above 0 percent");
    row("time-based window", "slidingWindowType: COUNT_BASED", "slidingWindowType: TIME_BASED", 75,
        34, "bad-value", "'slidingWindowType' must be one of COUNT_BASED, got 'TIME_BASED'");
    row("no trial calls", "permittedNumberOfCallsInHalfOpenState: 3",
        "permittedNumberOfCallsInHalfOpenState: 0", 79, 54, "below-minimum",
        "permittedNumberOfCallsInHalfOpenState 0 is below the minimum of 1");
    row("misspelled breaker key", "              slidingWindowSize: 20",
        "              slidingWindowSise: 20", 76, 15, "unknown-key",
        "unknown key 'slidingWindowSise' in circuitBreaker — did you mean 'slidingWindowSize'?");
    row("a Service twice", "              permittedNumberOfCallsInHalfOpenState: 3\n",
        "              permittedNumberOfCallsInHalfOpenState: 3\n          - service: api\n", 80,
        22, "duplicate-name", "resilience for Service 'api' is given twice (first on line 61)");
}

void TestTrafficReader::resilienceDiagnostics() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(QString, message);
    std::string text = withResilience(m_base, kFullResilience);
    const std::size_t at = text.find(from.toStdString());
    QVERIFY2(at != std::string::npos, "the row's 'from' text is not in the scenario");
    text.replace(at, static_cast<std::size_t>(from.toUtf8().size()), to.toStdString());
    const ScenarioLoadResult result = readScenario(text, "case.yaml");
    const Diagnostic* d = findMessage(result.diagnostics, message.toStdString());
    QVERIFY2(d != nullptr,
             qPrintable("expected message not reported; got:\n" + describe(result.diagnostics) +
                        "\n" + QString::fromStdString(text)));
    QCOMPARE(d->line, line);
    QCOMPARE(d->column, column);
    QCOMPARE(QString::fromStdString(d->code), code);
    QVERIFY(!result.scenario);
}

void TestTrafficReader::aggregateMode() {
    const auto withMode = [](std::string text, const std::string& mode) {
        text.replace(text.find("simulation:\n"), 12, "simulation:\n  trafficMode: " + mode + "\n");
        return text;
    };
    const auto lineOf = [](const std::string& text, const std::string& needle) {
        const std::size_t at = text.find(needle, text.find("\nsimulation:"));
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    };
    // Read, and written back (the default is left out).
    const ScenarioLoadResult plain = readScenario(withMode(m_base, "aggregate"), "case.yaml");
    QVERIFY2(plain.scenario, qPrintable(describe(plain.diagnostics)));
    QVERIFY(plain.scenario->simulation.trafficMode == TrafficMode::Aggregate);
    QVERIFY(writeScenario(*plain.scenario).find("trafficMode: aggregate\n") != std::string::npos);
    QVERIFY(writeScenario(*readScenario(m_base, "case.yaml").scenario).find("trafficMode") ==
            std::string::npos);

    const ScenarioLoadResult misspelled = readScenario(withMode(m_base, "fluid"), "case.yaml");
    QVERIFY(!misspelled.scenario);
    QVERIFY2(findMessage(misspelled.diagnostics,
                         "'trafficMode' must be one of perRequest, aggregate, got 'fluid'") != nullptr,
             qPrintable(describe(misspelled.diagnostics)));

    // Resilience needs individual requests: an error at the Service that has it.
    const std::string resilient = withMode(withResilience(m_base, kFullResilience), "aggregate");
    const ScenarioLoadResult refused = readScenario(resilient, "case.yaml");
    QVERIFY(!refused.scenario);
    const Diagnostic* d = findMessage(
        refused.diagnostics, "'web' has resilience settings (timeouts, retries, circuit "
                             "breakers), which need individual requests: use trafficMode: "
                             "perRequest, or remove them");
    QVERIFY2(d != nullptr, qPrintable(describe(refused.diagnostics)));
    QCOMPARE(d->code, std::string("aggregate-resilience"));
    QCOMPARE(d->line, lineOf(resilient, "    - name: web"));
    QCOMPARE(d->column, 13);

    // Traces are not recorded: a warning, and the scenario loads.
    std::string traced = withMode(m_base, "aggregate");
    traced += "  tracing:\n    sampleRate: 0.1\n";
    const ScenarioLoadResult warned = readScenario(traced, "case.yaml");
    QVERIFY2(warned.scenario, qPrintable(describe(warned.diagnostics)));
    const Diagnostic* w = findMessage(
        warned.diagnostics, "trafficMode: aggregate records no request traces (tracing is ignored)");
    QVERIFY2(w != nullptr, qPrintable(describe(warned.diagnostics)));
    QCOMPARE(w->severity, Severity::Warning);
    QCOMPARE(w->line, lineOf(traced, "  trafficMode"));
}

QTEST_GUILESS_MAIN(TestTrafficReader)
#include "tst_trafficreader.moc"
