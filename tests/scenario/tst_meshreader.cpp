// Reading the service mesh (sim/scenario/meshreader.h, meshvalidator.h): Istio's
// VirtualService and DestinationRule among the workloads (field names and defaults from
// istio/api networking/v1alpha3/virtual_service.proto and destination_rule.proto) and the
// cnsim-only simulation.mesh. The shipped Istio scenario reads every field and writes back
// canonically; each mistake — a misspelled field, an Istio field cnsim does not model, an
// absurd value, an unknown host or subset, weights that do not add up, the mesh combined with
// in-process resilience or aggregate traffic — is reported at its line with the fix.

#include <QTest>

#ifndef Q_MOC_RUN
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"
#include "scenariotext.h"

#include <algorithm>
#include <string>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

const char* const kMesh = "spring-cloud-vs-istio-mesh.yaml";
const char* const kLibrary = "spring-cloud-vs-istio-library.yaml";

} // namespace

class TestMeshReader : public QObject {
    Q_OBJECT

private slots:
    void readsTheMeshScenario();
    void defaultsAreIstios();
    void roundTrip_data();
    void roundTrip();
    void everyFieldRoundTrips();
    void mistakes_data();
    void mistakes();
    void meshObjectsWithoutSidecarsWarn();
};

void TestMeshReader::readsTheMeshScenario() {
    const ScenarioLoadResult result = readScenario(scenarioText(kMesh), "mesh.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const Scenario& s = *result.scenario;
    QCOMPARE(s.simulation.mesh.mode, MeshMode::Sidecar);
    QCOMPARE(s.virtualServices.size(), std::size_t{1});
    const VirtualServiceSpec& vs = s.virtualServices.front();
    QCOMPARE(vs.apiVersion, std::string("networking.istio.io/v1"));
    QCOMPARE(vs.hosts, std::vector<std::string>{"catalog"});
    QCOMPARE(vs.http.size(), std::size_t{1});
    QCOMPARE(vs.http[0].route[0].host, std::string("catalog"));
    QCOMPARE(vs.http[0].timeout, std::optional<SimTime>(SimTime::seconds(3)));
    QVERIFY(vs.http[0].retries.has_value());
    QCOMPARE(vs.http[0].retries->attempts, 2);
    QCOMPARE(vs.http[0].retries->perTryTimeout, std::optional<SimTime>(SimTime::seconds(1)));
    QCOMPARE(vs.http[0].retries->retryOn, std::string("connect-failure,refused-stream,503"));
    QCOMPARE(s.destinationRules.size(), std::size_t{1});
    const DestinationRuleSpec& rule = s.destinationRules.front();
    QCOMPARE(rule.host, std::string("catalog"));
    QVERIFY(rule.trafficPolicy.has_value());
    QCOMPARE(rule.trafficPolicy->loadBalancer, MeshLoadBalancer::LeastRequest);
    QVERIFY(rule.trafficPolicy->outlierDetection.has_value());
    QCOMPARE(rule.trafficPolicy->outlierDetection->consecutive5xxErrors, 5);
    QCOMPARE(rule.trafficPolicy->outlierDetection->baseEjectionTime, SimTime::seconds(30));
    QCOMPARE(rule.trafficPolicy->outlierDetection->maxEjectionPercent, 50);
}

void TestMeshReader::defaultsAreIstios() {
    // Unset fields take Istio's and Envoy's defaults (destination_rule.proto OutlierDetection:
    // 5 consecutive 5xx, 10 s interval, 30 s base ejection, 10 %; retry.go DefaultPolicy: 2
    // attempts; Istio's "Performance and Scalability": 0.35 ms CPU per request per proxy,
    // 2.65 ms p90 latency; injector requests 100m / 128Mi).
    std::string text = scenarioText(kMesh);
    const std::string od = "          consecutive5xxErrors: 5\n          interval: 10s\n"
                           "          baseEjectionTime: 30s\n          maxEjectionPercent: 50\n";
    const std::size_t at = text.find(od);
    QVERIFY(at != std::string::npos);
    text.replace(at, od.size(), "          {}\n");
    const ScenarioLoadResult result = readScenario(text, "mesh.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    const MeshOutlierDetectionSpec& spec =
        *result.scenario->destinationRules.front().trafficPolicy->outlierDetection;
    QCOMPARE(spec.consecutive5xxErrors, 5);
    QCOMPARE(spec.interval, SimTime::seconds(10));
    QCOMPARE(spec.baseEjectionTime, SimTime::seconds(30));
    QCOMPARE(spec.maxEjectionPercent, 10);
    const MeshSettingsSpec& mesh = result.scenario->simulation.mesh;
    QCOMPARE(mesh.sidecarCpuPerRequest, SimTime::microseconds(350));
    QCOMPARE(mesh.sidecarLatency, SimTime::microseconds(2650));
    QCOMPARE(mesh.sidecarCpuRequest, CpuMillis{100});
    QCOMPARE(mesh.sidecarMemoryRequest, Bytes::mebibytes(128));
    QCOMPARE(MeshRetrySpec{}.attempts, 2);
    QCOMPARE(MeshRetrySpec{}.retryOn,
             std::string("connect-failure,refused-stream,unavailable,cancelled,"
                         "retriable-status-codes"));
}

void TestMeshReader::roundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("mesh") << kMesh;
    QTest::newRow("library") << kLibrary;
}

void TestMeshReader::roundTrip() {
    QFETCH(QString, file);
    const QString problem = checkRoundTrip(scenarioText(qPrintable(file)));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMeshReader::everyFieldRoundTrips() {
    // Every modelled field, non-default, written back as read: matches, subsets, weights,
    // connection pool, every mesh setting, another apiVersion.
    std::string text = scenarioText(kMesh);
    const std::string vs =
        "        - route:\n            - destination:\n                host: catalog\n";
    const std::size_t at = text.find(vs);
    QVERIFY(at != std::string::npos);
    text.replace(at, vs.size(),
                 "        - name: beta\n"
                 "          match:\n"
                 "            - headers:\n"
                 "                X-Beta: {exact: \"yes\"}\n"
                 "                user: {prefix: test-}\n"
                 "              uri: {prefix: /catalog}\n"
                 "            - uri: {exact: /x}\n"
                 "          route:\n"
                 "            - destination: {host: catalog, subset: v1}\n"
                 "              weight: 90\n"
                 "            - destination: {host: cart}\n"
                 "              weight: 10\n"
                 "          retries: {attempts: 0}\n"
                 "          fault:\n"
                 "            delay: {fixedDelay: 5s, percentage: {value: 10}}\n"
                 "            abort: {httpStatus: 503, percentage: {value: 1.5}}\n"
                 "        - route:\n            - destination:\n                host: catalog\n");
    const std::string dr = "          maxEjectionPercent: 50\n";
    text.replace(text.find(dr), dr.size(),
                 dr + "        connectionPool:\n          http:\n            http2MaxRequests: 7\n"
                      "      subsets:\n        - name: v1\n          labels:\n"
                      "            version: v1\n");
    text.replace(text.find("    mode: sidecar\n"), std::string("    mode: sidecar\n").size(),
                 "    mode: sidecar\n    sidecarCpuPerRequest: 1ms\n    sidecarLatency: 3ms\n"
                 "    sidecarCpuRequest: 200m\n    sidecarMemoryRequest: 64Mi\n");
    text.replace(text.find("apiVersion: networking.istio.io/v1\n    kind: Dest"),
                 std::string("apiVersion: networking.istio.io/v1\n").size(),
                 "apiVersion: networking.istio.io/v1beta1\n");
    const ScenarioLoadResult first = readScenario(text, "a.yaml");
    QVERIFY2(first.scenario, qPrintable(describe(first.diagnostics)));
    const Scenario& s = *first.scenario;
    const MeshHttpRoute& beta = s.virtualServices.front().http.front();
    QCOMPARE(beta.name, std::string("beta"));
    QCOMPARE(beta.match.size(), std::size_t{2});
    QCOMPARE(beta.match[0].headers.at("x-beta").value, std::string("yes"));
    QVERIFY(beta.match[0].headers.at("user").prefix);
    QCOMPARE(beta.match[0].uri->value, std::string("/catalog"));
    QCOMPARE(beta.route[0].subset, std::string("v1"));
    QCOMPARE(beta.route[1].weight, std::optional<int>(10));
    QCOMPARE(beta.retries->attempts, 0);
    QCOMPARE(beta.fault->fixedDelay, std::optional<SimTime>(SimTime::seconds(5)));
    QCOMPARE(beta.fault->abortPercent, 1.5);
    QCOMPARE(s.destinationRules.front().apiVersion, std::string("networking.istio.io/v1beta1"));
    QCOMPARE(s.destinationRules.front().trafficPolicy->connectionPool->http2MaxRequests,
             std::optional<int>(7));
    QCOMPARE(s.simulation.mesh.sidecarCpuRequest, CpuMillis{200});
    const QString problem = checkRoundTrip(text);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMeshReader::mistakes_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("lineOf");  // text of the reported line, in the edited file
    QTest::addColumn<QString>("message"); // part of the message

    const QString mesh = kMesh;
    const QString library = kLibrary;
    QTest::newRow("misspelled field") << mesh << "perTryTimeout: 1s"
                                      << "perTryTimout: 1s"
                                      << "unknown-key"
                                      << "perTryTimout: 1s"
                                      << "did you mean 'perTryTimeout'";
    QTest::newRow("misspelled outlier field") << mesh << "consecutive5xxErrors: 5"
                                              << "consecutive5xxError: 5"
                                              << "unknown-key"
                                              << "consecutive5xxError: 5"
                                              << "did you mean 'consecutive5xxErrors'";
    QTest::newRow("field not modelled")
        << mesh << "          timeout: 3s"
        << "          mirror: {host: catalog}\n          timeout: 3s"
        << "unsupported-field"
        << "mirror:"
        << "'mirror' of HTTPRoute is not modelled";
    QTest::newRow("fault without a percentage")
        << mesh << "          timeout: 3s"
        << "          fault: {abort: {httpStatus: 503}}\n          timeout: 3s"
        << "missing-key"
        << "fault:"
        << "missing required field 'percentage'";
    QTest::newRow("connection pool field not modelled")
        << mesh << "        loadBalancer:"
        << "        connectionPool: {http: {http1MaxPendingRequests: 1}}\n        loadBalancer:"
        << "unsupported-field"
        << "connectionPool:"
        << "http1MaxPendingRequests";
    QTest::newRow("regex match not modelled") << mesh << "        - route:"
                                              << "        - match: [{uri: {regex: \"/a.*\"}}]\n"
                                                 "          route:"
                                              << "unsupported-field"
                                              << "- match:"
                                              << "'regex'";
    QTest::newRow("negative retries") << mesh << "attempts: 2"
                                      << "attempts: -1"
                                      << "below-minimum"
                                      << "attempts: -1"
                                      << "";
    QTest::newRow("a million retries") << mesh << "attempts: 2"
                                       << "attempts: 1000000"
                                       << "above-maximum"
                                       << "attempts: 1000000"
                                       << "100";
    QTest::newRow("ejection over 100 percent") << mesh << "maxEjectionPercent: 50"
                                               << "maxEjectionPercent: 150"
                                               << "above-maximum"
                                               << "maxEjectionPercent: 150"
                                               << "100";
    QTest::newRow("zero consecutive errors") << mesh << "consecutive5xxErrors: 5"
                                             << "consecutive5xxErrors: 0"
                                             << "below-minimum"
                                             << "consecutive5xxErrors: 0"
                                             << "";
    QTest::newRow("unknown retry condition")
        << mesh << "retryOn: connect-failure,refused-stream,503"
        << "retryOn: connect-failure,5xxx"
        << "unknown-value"
        << "retryOn: connect-failure,5xxx"
        << "did you mean '5xx'";
    QTest::newRow("unknown load balancer") << mesh << "simple: LEAST_REQUEST"
                                           << "simple: LEAST_REQUESTS"
                                           << "bad-value"
                                           << "simple: LEAST_REQUESTS"
                                           << "LEAST_REQUEST";
    QTest::newRow("unknown host") << mesh << "                host: catalog"
                                  << "                host: catalgo"
                                  << "unknown-reference"
                                  << "host: catalgo"
                                  << "did you mean 'catalog'";
    QTest::newRow("unknown subset") << mesh << "                host: catalog\n"
                                    << "                host: catalog\n                subset: v2\n"
                                    << "unknown-reference"
                                    << "subset: v2"
                                    << "subset 'v2'";
    QTest::newRow("weights not adding up")
        << mesh << "            - destination:\n                host: catalog\n"
        << "            - destination:\n                host: catalog\n              weight: 70\n"
           "            - destination:\n                host: cart\n              weight: 20\n"
        << "weights-total"
        << "- route:"
        << "add up to 100, got 90";
    QTest::newRow("wrong apiVersion")
        << mesh << "apiVersion: networking.istio.io/v1\n    kind: Dest"
        << "apiVersion: networking.istio.io/v2\n    kind: Dest"
        << "wrong-api-version"
        << "apiVersion: networking.istio.io/v2"
        << "networking.istio.io/v1";
    QTest::newRow("another Istio kind") << mesh << "kind: DestinationRule"
                                        << "kind: DestinationRules"
                                        << "unsupported-kind"
                                        << "kind: DestinationRules"
                                        << "did you mean 'DestinationRule'";
    QTest::newRow("misspelled mesh key") << mesh << "    mode: sidecar"
                                         << "    mode: sidecar\n    sidecarLatencey: 1ms"
                                         << "unknown-key"
                                         << "sidecarLatencey"
                                         << "did you mean 'sidecarLatency'";
    QTest::newRow("absurd sidecar latency") << mesh << "    mode: sidecar"
                                            << "    mode: sidecar\n    sidecarLatency: 1h"
                                            << "above-maximum"
                                            << "sidecarLatency: 1h"
                                            << "";
    QTest::newRow("mesh with aggregate traffic") << mesh << "  mesh:\n"
                                                 << "  trafficMode: aggregate\n  mesh:\n"
                                                 << "aggregate-mesh"
                                                 << "trafficMode: aggregate"
                                                 << "perRequest";
    QTest::newRow("mesh with in-process resilience") << library << "simulation:\n"
                                                     << "simulation:\n  mesh:\n    mode: sidecar\n"
                                                     << "mesh-resilience"
                                                     << "- name: frontend\n      cpuPerRequest"
                                                     << "remove one of the two";
}

void TestMeshReader::mistakes() {
    QFETCH(QString, file);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, code);
    QFETCH(QString, lineOf);
    QFETCH(QString, message);
    const QString problem =
        checkMistake(qPrintable(file), from.toStdString(), to.toStdString(), code.toStdString(),
                     lineOf.toStdString(), message.toStdString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMeshReader::meshObjectsWithoutSidecarsWarn() {
    std::string text = scenarioText(kMesh);
    text.replace(text.find("mode: sidecar"), std::string("mode: sidecar").size(), "mode: none");
    const ScenarioLoadResult result = readScenario(text, "mesh.yaml");
    QVERIFY2(result.scenario, qPrintable(describe(result.diagnostics)));
    QVERIFY(
        std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
            return d.severity == Severity::Warning && d.code == "mesh-off";
        }));
}

QTEST_GUILESS_MAIN(TestMeshReader)
#include "tst_meshreader.moc"
