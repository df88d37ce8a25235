// Aggregate mode against per-request mode, the reference (docs/traffic.md, "Aggregate
// mode"): on a scenario both can run, the two agree within 5 % on throughput, CPU
// utilisation and p50 / p95 latency of every Service; its per-second percentiles vary about
// as much as per-request mode's while most seconds count kept walks again; overload turns
// away about as many requests; the HPA sees the same load; a run is reproducible bit for bit.

#include <QTest>

#ifndef Q_MOC_RUN
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "trafficscenario.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#endif

using namespace cnsim;
using namespace cnsim::test;

namespace {

// A four-tier shop over three zones: frontend → catalog (→ database), then in parallel cart
// (half the requests) and database. Exponential CPU; `rate` requests/s into frontend.
Scenario shop(TrafficMode mode, double rate, SimTime duration,
              const std::string& catalogImage = "app:1.0") {
    Scenario s = baseScenario(duration, {"zone-a", "zone-b", "zone-c"});
    addTier(s, tier("frontend", 4));
    TierSpec catalogTier = tier("catalog", 3);
    catalogTier.image = catalogImage;
    addTier(s, catalogTier);
    addTier(s, tier("cart", 2));
    addTier(s, tier("database", 2, 2000));
    behaviour(s, "frontend").cpuPerRequest = exponentialMs(8.0);
    behaviour(s, "catalog").cpuPerRequest = exponentialMs(4.0);
    behaviour(s, "cart").cpuPerRequest = exponentialMs(3.0);
    behaviour(s, "database").cpuPerRequest = exponentialMs(2.0);
    behaviour(s, "database").baseLatency = SimTime::milliseconds(1);
    CallStepSpec catalog;
    catalog.calls.push_back(DownstreamCallSpec{"catalog", 1.0, 1});
    CallStepSpec fanOut;
    fanOut.parallel = true;
    fanOut.calls.push_back(DownstreamCallSpec{"cart", 0.5, 1});
    fanOut.calls.push_back(DownstreamCallSpec{"database", 1.0, 1});
    behaviour(s, "frontend").calls = {catalog, fanOut};
    CallStepSpec lookup;
    lookup.calls.push_back(DownstreamCallSpec{"database", 1.0, 1});
    behaviour(s, "catalog").calls = {lookup};
    poissonTo(s, "frontend", rate);
    s.simulation.trafficMode = mode;
    return s;
}

// A chain of five Services, t0 → t1 → … → t4, 10 pods each, 4 ms of CPU per request on
// average; 50 requests/s into t0 (a classroom chain's share of its load).
Scenario chain(TrafficMode mode, SimTime duration) {
    Scenario s = baseScenario(duration, {"zone-a"}, 4);
    for (int i = 0; i < 5; ++i) {
        const std::string name = "t" + std::to_string(i);
        addTier(s, tier(name, 10));
        behaviour(s, name).cpuPerRequest = exponentialMs(4.0);
        if (i < 4) {
            CallStepSpec next;
            next.calls.push_back(DownstreamCallSpec{"t" + std::to_string(i + 1), 1.0, 1});
            behaviour(s, name).calls = {next};
        }
    }
    poissonTo(s, "t0", 50.0);
    s.simulation.trafficMode = mode;
    return s;
}

// Mean and standard deviation of a series' values from `from` on.
struct Spread {
    double mean = 0.0;
    double deviation = 0.0;
};

Spread spreadOf(const Simulation& sim, const std::string& series, SimTime from) {
    const TimeSeries* s = sim.metrics().find(series);
    std::vector<double> values;
    for (std::size_t i = 0; s != nullptr && i < s->times.size(); ++i) {
        if (s->times[i] >= from && !std::isnan(s->values[i])) {
            values.push_back(s->values[i]);
        }
    }
    Spread spread;
    if (values.empty()) {
        return spread;
    }
    const double n = static_cast<double>(values.size());
    spread.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double squares = 0.0;
    for (const double v : values) {
        squares += (v - spread.mean) * (v - spread.mean);
    }
    spread.deviation = std::sqrt(squares / n);
    return spread;
}

std::uint64_t completedAt(const Simulation& sim, const std::string& service) {
    for (const ServiceSummary& s : sim.summary().services) {
        if (s.name == service) {
            return s.completed;
        }
    }
    return 0;
}

double nodeCpu(const RunSummary& summary) {
    double cores = 0.0;
    for (const NodeSummary& node : summary.nodes) {
        cores += node.meanCpuUsedCores;
    }
    return cores;
}

bool within(double value, double reference, double tolerance) {
    return std::abs(value - reference) <= tolerance * std::abs(reference);
}

QString compared(const char* what, const QString& service, double aggregate, double reference) {
    return QStringLiteral("%1 of %2: aggregate %3, per-request %4 (%5 %)")
        .arg(QString::fromLatin1(what), service)
        .arg(aggregate)
        .arg(reference)
        .arg(100.0 * (aggregate - reference) / reference, 0, 'f', 2);
}

} // namespace

class TestAggregate : public QObject {
    Q_OBJECT

private slots:
    void agreesWithPerRequest_data();
    void agreesWithPerRequest();
    void perSecondPercentilesVaryLikePerRequest();
    void changeForgetsKeptWalks();
    void changingLoadKeepsNoWalks();
    void soleVersionCountsLikeItsService();
    void overloadTurnsAwayLikePerRequest();
    void buggyReleaseFailsLikePerRequest();
    void hpaSeesTheSameLoad();
    void sameSeedSameRun();
    void diurnalDayFollowsTheLoad();
    void usesFarFewerEvents();
};

void TestAggregate::agreesWithPerRequest_data() {
    QTest::addColumn<double>("rate");
    QTest::newRow("frontend at 40 %") << 200.0;
    QTest::newRow("frontend at 70 %") << 350.0;
}

void TestAggregate::agreesWithPerRequest() {
    QFETCH(double, rate);
    const SimTime duration = SimTime::minutes(20);
    Simulation reference(shop(TrafficMode::PerRequest, rate, duration));
    reference.runToEnd();
    Simulation aggregate(shop(TrafficMode::Aggregate, rate, duration));
    aggregate.runToEnd();
    const RunSummary want = reference.summary();
    const RunSummary got = aggregate.summary();
    QCOMPARE(got.trafficMode, std::string("aggregate"));
    QCOMPARE(got.services.size(), want.services.size());
    for (std::size_t i = 0; i < want.services.size(); ++i) {
        const ServiceSummary& w = want.services[i];
        const ServiceSummary& g = got.services[i];
        const QString name = QString::fromStdString(w.name);
        QCOMPARE(g.name, w.name);
        qInfo().noquote() << compared("p50", name, g.p50LatencyMs, w.p50LatencyMs) << "|"
                          << compared("p95", name, g.p95LatencyMs, w.p95LatencyMs);
        QVERIFY2(within(static_cast<double>(g.completed), static_cast<double>(w.completed), 0.05),
                 qPrintable(compared("completed", name, static_cast<double>(g.completed),
                                     static_cast<double>(w.completed))));
        QVERIFY2(within(g.p50LatencyMs, w.p50LatencyMs, 0.05),
                 qPrintable(compared("p50", name, g.p50LatencyMs, w.p50LatencyMs)));
        QVERIFY2(within(g.p95LatencyMs, w.p95LatencyMs, 0.05),
                 qPrintable(compared("p95", name, g.p95LatencyMs, w.p95LatencyMs)));
        QCOMPARE(g.errors, std::uint64_t{0});
    }
    QVERIFY2(
        within(nodeCpu(got), nodeCpu(want), 0.05),
        qPrintable(compared("CPU used", QStringLiteral("the nodes"), nodeCpu(got), nodeCpu(want))));
}

void TestAggregate::perSecondPercentilesVaryLikePerRequest() {
    // Each second's p50 / p95 / p99 come from that second's 50 sampled requests, three in four
    // of them kept walks counted again (walkpool.h): on average and in their spread from
    // second to second they match per-request mode's, where every request is simulated.
    // Fewer samples per second instead (16) would put p99 14 % low and double p95's spread.
    const SimTime duration = SimTime::minutes(20);
    Simulation reference(chain(TrafficMode::PerRequest, duration));
    reference.runToEnd();
    Simulation aggregate(chain(TrafficMode::Aggregate, duration));
    aggregate.runToEnd();
    const AggregateSamplingStats& sampling = aggregate.aggregateSampling();
    QVERIFY2(sampling.replayedWalks > 2 * sampling.drawnWalks,
             qPrintable(QStringLiteral("%1 drawn, %2 counted again")
                            .arg(sampling.drawnWalks)
                            .arg(sampling.replayedWalks)));
    const SimTime from = SimTime::minutes(2);
    for (const char* service : {"t0", "t4"}) {
        for (const auto& [quantile, tolerance] :
             {std::pair{"p50", 0.05}, std::pair{"p95", 0.05}, std::pair{"p99", 0.10}}) {
            const std::string series =
                "service/" + std::string(service) + "/latency_" + quantile + "_ms";
            const Spread want = spreadOf(reference, series, from);
            const Spread got = spreadOf(aggregate, series, from);
            const QString name = QString::fromLatin1(service);
            QVERIFY2(want.mean > 0.0, series.c_str());
            qInfo().noquote() << compared(quantile, name, got.mean, want.mean) << "|"
                              << compared("spread", name, got.deviation, want.deviation);
            QVERIFY2(within(got.mean, want.mean, tolerance),
                     qPrintable(compared(quantile, name, got.mean, want.mean)));
            const double ratio = got.deviation / want.deviation;
            QVERIFY2(ratio > 0.75 && ratio < 1.33,
                     qPrintable(compared("spread", name + QLatin1Char(' ') + quantile,
                                         got.deviation, want.deviation)));
        }
    }
}

void TestAggregate::changeForgetsKeptWalks() {
    // Walks kept while t4 had pods must not be counted once it has none: from then on every
    // request to t0 fails (503 at t4, 500 up the chain) and none completes. The walks kept
    // after that count the failure at t4 too: every request still arrives there.
    Simulation sim(chain(TrafficMode::Aggregate, SimTime::minutes(10)));
    sim.advanceTo(SimTime::minutes(5));
    QVERIFY(sim.aggregateSampling().replayedWalks > 0);
    QVERIFY(sim.apply(ScaleDeploymentAction{"t4", 0}).ok);
    sim.advanceTo(SimTime::minutes(5) + SimTime::seconds(2)); // the pods' endpoints are gone
    const std::uint64_t completed = completedAt(sim, "t0");
    const std::uint64_t replayed = sim.aggregateSampling().replayedWalks;
    const auto requests = [&sim](std::size_t service) {
        return static_cast<double>(sim.summary().services.at(service).requests);
    };
    const double t0Before = requests(0);
    const double t4Before = requests(4);
    sim.advanceTo(SimTime::minutes(5) + SimTime::seconds(30));
    QCOMPARE(completedAt(sim, "t0"), completed);
    QVERIFY(sim.aggregateSampling().replayedWalks > replayed);
    QCOMPARE(sim.summary().services.at(4).name, std::string("t4"));
    QVERIFY2(within(requests(4) - t4Before, requests(0) - t0Before, 0.01),
             qPrintable(compared("requests", QStringLiteral("t4"), requests(4) - t4Before,
                                 requests(0) - t0Before)));
}

void TestAggregate::soleVersionCountsLikeItsService() {
    // Each chain Service runs one version: the version's table row is the Service's, to the
    // request (its window is copied from the Service's after sampling).
    Simulation sim(chain(TrafficMode::Aggregate, SimTime::minutes(5)));
    sim.runToEnd();
    const RunSummary summary = sim.summary();
    QCOMPARE(summary.versions.size(), summary.services.size());
    for (const VersionSummary& version : summary.versions) {
        const auto service =
            std::find_if(summary.services.begin(), summary.services.end(),
                         [&](const ServiceSummary& s) { return s.name == version.service; });
        QVERIFY(service != summary.services.end());
        QVERIFY(version.requests > 10'000);
        QCOMPARE(version.requests, service->requests);
        QCOMPARE(version.completed, service->completed);
        QCOMPARE(version.errors, service->errors);
        QCOMPARE(version.p95LatencyMs, service->p95LatencyMs);
        QCOMPARE(version.meanLatencyMs, service->meanLatencyMs);
    }
}

void TestAggregate::changingLoadKeepsNoWalks() {
    // A ramp changes every pod's share, and so its state, every second: no second is steady,
    // so every sampled request is drawn anew.
    Scenario s = chain(TrafficMode::Aggregate, SimTime::minutes(5));
    TrafficSourceSpec& ramp = s.simulation.traffic.at(0);
    ramp.type = "ramp";
    ramp.attributes["rampTo"] = 200.0;
    ramp.attributes["rampDuration"] = SimTime::minutes(5);
    Simulation sim(s);
    sim.runToEnd();
    QVERIFY(sim.aggregateSampling().drawnWalks > 10'000);
    QCOMPARE(sim.aggregateSampling().replayedWalks, std::uint64_t{0});
}

void TestAggregate::overloadTurnsAwayLikePerRequest() {
    // One pod of one core, 10 workers and a queue of 50, offered 1.5× what it can serve:
    // about a third of the requests are turned away with 503 in both modes.
    const auto overloaded = [](TrafficMode mode) {
        Scenario s = baseScenario(SimTime::minutes(10));
        addTier(s, tier("api", 1));
        ServiceBehaviourSpec& b = behaviour(s, "api");
        b.cpuPerRequest = exponentialMs(1.0);
        b.workers = 10;
        b.queueCapacity = 50;
        poissonTo(s, "api", 1500.0);
        s.simulation.trafficMode = mode;
        return s;
    };
    Simulation reference(overloaded(TrafficMode::PerRequest));
    reference.runToEnd();
    Simulation aggregate(overloaded(TrafficMode::Aggregate));
    aggregate.runToEnd();
    const ServiceSummary want = reference.summary().services.at(0);
    const ServiceSummary got = aggregate.summary().services.at(0);
    const double wantShare = static_cast<double>(want.errors) / static_cast<double>(want.requests);
    const double gotShare = static_cast<double>(got.errors) / static_cast<double>(got.requests);
    QVERIFY2(within(gotShare, wantShare, 0.05),
             qPrintable(compared("share turned away", QStringLiteral("api"), gotShare, wantShare)));
    QVERIFY2(
        within(static_cast<double>(got.completed), static_cast<double>(want.completed), 0.05),
        qPrintable(compared("completed", QStringLiteral("api"), static_cast<double>(got.completed),
                            static_cast<double>(want.completed))));
}

void TestAggregate::buggyReleaseFailsLikePerRequest() {
    // catalog's image answers 8 % of its requests with 500 (images[].errorRate); frontend fails
    // with it. Both modes show the same share of failed requests at both Services; without the
    // bug, none fail.
    const auto buggy = [](TrafficMode mode, double errorRate) {
        Scenario s = shop(mode, 300.0, SimTime::minutes(10), "catalog:2.0");
        for (ImageSpec& image : s.simulation.images) {
            image.errorRate = image.name == "catalog:2.0" ? errorRate : 0.0;
        }
        return s;
    };
    const auto failedShare = [](const ServiceSummary& service) {
        return static_cast<double>(service.errors) / static_cast<double>(service.requests);
    };
    Simulation reference(buggy(TrafficMode::PerRequest, 0.08));
    reference.runToEnd();
    Simulation aggregate(buggy(TrafficMode::Aggregate, 0.08));
    aggregate.runToEnd();
    for (const char* name : {"frontend", "catalog"}) {
        const auto find = [&](const RunSummary& summary) {
            for (const ServiceSummary& s : summary.services) {
                if (s.name == name) {
                    return s;
                }
            }
            return ServiceSummary{};
        };
        const double want = failedShare(find(reference.summary()));
        const double got = failedShare(find(aggregate.summary()));
        QVERIFY2(want > 0.07 && want < 0.09, qPrintable(QString::number(want)));
        QVERIFY2(within(got, want, 0.10),
                 qPrintable(compared("share failed", QString::fromLatin1(name), got, want)));
    }
    Simulation healthy(buggy(TrafficMode::Aggregate, 0.0));
    healthy.runToEnd();
    for (const ServiceSummary& s : healthy.summary().services) {
        QCOMPARE(s.errors, std::uint64_t{0});
    }
}

void TestAggregate::hpaSeesTheSameLoad() {
    // The HPA reads pods' CPU from metrics-server, which aggregate mode fills the same way.
    const QString file = QStringLiteral(CNSIM_SCENARIO_DIR "/hpa-traffic-ramp.yaml");
    ScenarioLoadResult loaded = readScenarioFile(file.toStdString());
    QVERIFY(loaded.scenario.has_value());
    Scenario perRequest = *loaded.scenario;
    Scenario aggregateScenario = *loaded.scenario;
    aggregateScenario.simulation.trafficMode = TrafficMode::Aggregate;
    Simulation reference(perRequest);
    reference.runToEnd();
    Simulation aggregate(aggregateScenario);
    aggregate.runToEnd();
    const HpaSummary want = reference.summary().autoscalers.at(0);
    const HpaSummary got = aggregate.summary().autoscalers.at(0);
    QCOMPARE(got.peakReplicas, want.peakReplicas);
    QCOMPARE(got.currentReplicas, want.currentReplicas);
}

void TestAggregate::sameSeedSameRun() {
    const auto run = [](std::uint64_t seed) {
        Simulation sim(shop(TrafficMode::Aggregate, 300.0, SimTime::minutes(5)),
                       SimulationOptions{seed, std::nullopt});
        sim.runToEnd();
        return std::pair(sim.fingerprintHex(), sim.summary().services.at(0).meanLatencyMs);
    };
    const auto first = run(3);
    QCOMPARE(run(3), first);
    QVERIFY(run(4).second != first.second); // the seed drives the sampled requests
}

void TestAggregate::usesFarFewerEvents() {
    // The point of the mode: the engine's work no longer grows with the request rate.
    const SimTime duration = SimTime::minutes(5);
    Simulation slow(shop(TrafficMode::Aggregate, 100.0, duration));
    slow.runToEnd();
    Simulation busy(shop(TrafficMode::Aggregate, 2000.0, duration));
    busy.runToEnd();
    QCOMPARE(busy.engineEventCount(), slow.engineEventCount());
    Simulation reference(shop(TrafficMode::PerRequest, 100.0, duration));
    reference.runToEnd();
    QVERIFY(reference.engineEventCount() > 20 * slow.engineEventCount());
}

void TestAggregate::diurnalDayFollowsTheLoad() {
    // scenarios/diurnal-day.yaml: 24 hours, quietest at the start, busiest at 12 h. The
    // frontend's HPA follows the day up and back down, and readiness probes keep every
    // request answered while it does.
    ScenarioLoadResult loaded =
        readScenarioFile(CNSIM_SCENARIO_DIR + std::string("/diurnal-day.yaml"));
    QVERIFY(loaded.scenario.has_value());
    QVERIFY(loaded.scenario->simulation.trafficMode == TrafficMode::Aggregate);
    Simulation sim(*loaded.scenario);
    sim.advanceTo(SimTime::hours(12));
    const HpaSummary atPeak = sim.summary().autoscalers.at(1);
    QCOMPARE(atPeak.name, std::string("frontend"));
    sim.runToEnd();
    const RunSummary end = sim.summary();
    const HpaSummary frontend = end.autoscalers.at(1);
    QVERIFY2(atPeak.currentReplicas >= 14, qPrintable(QString::number(atPeak.currentReplicas)));
    QVERIFY(frontend.peakReplicas >= atPeak.currentReplicas);
    QVERIFY2(frontend.currentReplicas <= 4, qPrintable(QString::number(frontend.currentReplicas)));
    QCOMPARE(end.services.at(0).errors, std::uint64_t{0});
    QVERIFY(end.services.at(0).requests > 50'000'000); // 600 requests/s on average for a day
    QVERIFY(end.services.at(0).p95LatencyMs < 200.0);
}

QTEST_GUILESS_MAIN(TestAggregate)
#include "test_aggregate.moc"
