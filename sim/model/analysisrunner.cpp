#include "model/analysisrunner.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <bit>
#include <cmath>

namespace cnsim {

namespace {

constexpr const char* kHashLabel = "rollouts-pod-template-hash";

std::string tagOf(const std::string& image) {
    const auto colon = image.rfind(':');
    const auto slash = image.rfind('/');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) {
        return "latest";
    }
    return image.substr(colon + 1);
}

std::string windowText(SimTime window) {
    return formatDuration(window);
}

} // namespace

ProviderReading readCnsimProvider(const SimulationModel& model, const CnsimProviderSpec& provider,
                                  const std::string& version) {
    const std::string prefix = "version/" + provider.service + "/" + version + "/";
    const MetricsStore& store = model.metrics();
    const TimeSeries* arrivals = store.find(prefix + "request_rate");
    const TimeSeries* errors = store.find(prefix + "error_rate");
    const TimeSeries* p95 = store.find(prefix + "latency_p95_ms");
    const SimTime from = model.now() - provider.window;
    double requests = 0.0;
    double failed = 0.0;
    double weightedP95 = 0.0;
    if (arrivals != nullptr && errors != nullptr) {
        // Samples are per second, stamped with the end of the second they cover.
        for (std::size_t i = arrivals->times.size(); i-- > 0;) {
            if (arrivals->times[i] <= from) {
                break;
            }
            requests += arrivals->values[i];
            if (i < errors->values.size()) {
                failed += errors->values[i];
            }
            if (p95 != nullptr && i < p95->values.size()) {
                weightedP95 += p95->values[i] * arrivals->values[i];
            }
        }
    }
    if (provider.query == AnalysisQuery::RequestRate) {
        return {requests / provider.window.toSeconds(), {}};
    }
    if (requests <= 0.0) {
        return {std::nullopt, "no requests to Service " + provider.service + " version " + version +
                                  " in the last " + windowText(provider.window)};
    }
    switch (provider.query) {
    case AnalysisQuery::SuccessRate:
        return {std::max(0.0, requests - failed) / requests, {}};
    case AnalysisQuery::ErrorRate:
        return {std::min(failed, requests) / requests, {}};
    case AnalysisQuery::LatencyP95:
        return {weightedP95 / requests, {}};
    case AnalysisQuery::RequestRate:
        break;
    }
    return {std::nullopt, "unknown query"};
}

AnalysisRunner::AnalysisRunner(SimulationModel& model) : m_model(model) {}

std::string AnalysisRunner::versionFor(const AnalysisRunObject& run,
                                       const std::string& wanted) const {
    const std::string hash = wanted == "canary"   ? run.canaryHash
                             : wanted == "stable" ? run.stableHash
                                                  : std::string();
    if (hash.empty()) {
        return wanted; // a version label or image tag, as written
    }
    for (const auto& [key, rs] : m_model.api().replicaSets()) {
        const auto label = rs.meta.labels.find(kHashLabel);
        if (rs.meta.nameSpace != run.meta.nameSpace || label == rs.meta.labels.end() ||
            label->second != hash) {
            continue;
        }
        // The traffic model groups pods by their `version` label, else their image tag.
        if (const auto v = rs.templateLabels.find("version"); v != rs.templateLabels.end()) {
            return v->second;
        }
        return rs.templateSpec.containers.empty() ? wanted
                                                  : tagOf(rs.templateSpec.containers.front().image);
    }
    return wanted;
}

void AnalysisRunner::start(const std::string& runName, const std::string& nameSpace) {
    AnalysisRunObject* run = m_model.api().analysisRuns().find(nameSpace, runName);
    if (run == nullptr) {
        return;
    }
    run->phase = AnalysisPhase::Running;
    const std::string key = ObjectTable<AnalysisRunObject>::key(nameSpace, runName);
    for (std::size_t m = 0; m < run->metrics.size(); ++m) {
        run->metrics[m].phase = AnalysisPhase::Running;
        // The first measurement is taken when the run starts (no initialDelay in cnsim).
        m_model.engine().schedule(
            SimTime::zero(), [this, key, m] { measure(key, m); }, priority::kController);
    }
    m_model.api().updated(ResourceKind::AnalysisRun, run->meta);
}

void AnalysisRunner::measure(const std::string& runKey, std::size_t metricIndex) {
    const auto slash = runKey.find('/');
    AnalysisRunObject* run =
        m_model.api().analysisRuns().find(runKey.substr(0, slash), runKey.substr(slash + 1));
    if (run == nullptr || isCompleted(run->phase) || run->terminate) {
        return;
    }
    AnalysisMetricResult& metric = run->metrics[metricIndex];
    if (isCompleted(metric.phase)) {
        return;
    }
    if (!m_model.api().available()) {
        // The provider cannot be asked without the API (the controller's informers); try at
        // the next interval, as a failed reconcile is requeued.
        m_model.engine().schedule(
            metric.spec.interval.value_or(SimTime::seconds(10)),
            [this, runKey, metricIndex] { measure(runKey, metricIndex); }, priority::kController);
        return;
    }
    const std::string version = versionFor(*run, metric.spec.provider.version);
    const ProviderReading reading = readCnsimProvider(m_model, metric.spec.provider, version);
    AnalysisMeasurement measurement;
    measurement.startedAt = m_model.now();
    measurement.value = reading.value;
    measurement.message = reading.message;
    measurement.phase =
        reading.value ? evaluateMeasurement(metric.spec, *reading.value) : AnalysisPhase::Error;
    metric.counters.add(measurement.phase);
    metric.measurements.push_back(measurement);
    Fingerprint& fp = m_model.engine().fingerprint();
    fp.addU64(static_cast<std::uint64_t>(measurement.phase));
    if (reading.value) {
        fp.addU64(std::bit_cast<std::uint64_t>(*reading.value));
        const std::string seriesKey = run->meta.name + "/" + metric.spec.name;
        auto it = m_series.find(seriesKey);
        if (it == m_series.end()) {
            it = m_series
                     .emplace(seriesKey, m_model.metrics().indexOf(
                                             "analysisrun/" + seriesKey + "/value", "value"))
                     .first;
        }
        m_model.metrics().append(it->second, m_model.now(), *reading.value);
    }
    metric.phase = assessMetric(metric.spec, metric.counters, false);
    if (!isCompleted(metric.phase) && metric.spec.interval) {
        m_model.engine().schedule(
            *metric.spec.interval, [this, runKey, metricIndex] { measure(runKey, metricIndex); },
            priority::kController);
    }
    assess(*run);
}

void AnalysisRunner::assess(AnalysisRunObject& run) {
    std::vector<AnalysisPhase> phases;
    bool terminating = run.terminate;
    for (const AnalysisMetricResult& metric : run.metrics) {
        terminating = terminating || metric.phase == AnalysisPhase::Failed ||
                      metric.phase == AnalysisPhase::Error ||
                      metric.phase == AnalysisPhase::Inconclusive;
    }
    for (AnalysisMetricResult& metric : run.metrics) {
        metric.phase = assessMetric(metric.spec, metric.counters, terminating);
        phases.push_back(metric.phase);
    }
    const AnalysisPhase phase = assessRun(phases);
    if (phase != run.phase) {
        run.phase = phase;
        // analysis.go: the message names the metric that decided the run.
        for (const AnalysisMetricResult& metric : run.metrics) {
            if (metric.phase == AnalysisPhase::Failed) {
                run.message = "Metric \"" + metric.spec.name +
                              "\" assessed Failed due to failed (" +
                              std::to_string(metric.counters.failed) + ") > failureLimit (" +
                              std::to_string(metric.spec.failureLimit.value_or(0)) + ")";
                break;
            }
            if (metric.phase == AnalysisPhase::Error) {
                run.message = "Metric \"" + metric.spec.name +
                              "\" assessed Error due to consecutiveErrors (" +
                              std::to_string(metric.counters.consecutiveError) +
                              ") > consecutiveErrorLimit (" +
                              std::to_string(metric.spec.consecutiveErrorLimit.value_or(4)) + ")";
                break;
            }
            if (metric.phase == AnalysisPhase::Inconclusive) {
                run.message = "Metric \"" + metric.spec.name +
                              "\" assessed Inconclusive due to inconclusive (" +
                              std::to_string(metric.counters.inconclusive) +
                              ") > inconclusiveLimit (" +
                              std::to_string(metric.spec.inconclusiveLimit.value_or(0)) + ")";
                break;
            }
        }
        m_model.api().updated(ResourceKind::AnalysisRun, run.meta);
    }
}

void AnalysisRunner::terminate(AnalysisRunObject& run) {
    if (run.terminate || isCompleted(run.phase)) {
        return;
    }
    run.terminate = true;
    assess(run);
    m_model.api().updated(ResourceKind::AnalysisRun, run.meta);
}

} // namespace cnsim
