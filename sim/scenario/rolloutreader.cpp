#include "scenario/rolloutreader.h"

#include "control/rollouts/analysis.h"
#include "scenario/manifestreader.h"
#include "scenario/names.h"

#include <algorithm>
#include <limits>
#include <set>

namespace cnsim {

namespace {

constexpr std::int64_t kMaxReplicas = 10'000;
constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
const SimTime kLongestPause = SimTime::hours(24 * 30);
// The gateway plugin of Argo Rollouts (github.com/argoproj-labs/rollouts-plugin-trafficrouter-
// gatewayapi) is registered under this name.
constexpr std::string_view kGatewayPlugin = "argoproj-labs/gatewayAPI";

// Argo Rollouts fields: strict, nothing kept verbatim except a pasted status.
FieldTable argoFields(std::string_view context, std::vector<std::string_view> keys,
                      std::vector<std::string_view> ignored = {}) {
    return FieldTable{context, std::move(keys), std::move(ignored), true, nullptr};
}

void reference(ManifestMarks& marks, std::string kind, const std::string& name,
               const YAML::Mark& at) {
    if (!name.empty()) {
        marks.references.push_back(ReferenceMark{std::move(kind), name, at});
    }
}

std::string readServiceName(DiagnosticSink& sink, const YamlEntry& entry, ManifestMarks& marks) {
    std::string name = readName(sink, entry, checkDns1035Label).value_or("");
    reference(marks, "Service", name, entry.value.Mark());
    return name;
}

// Argo durations: a number of seconds or a string with a unit ("30s", "5m", "1h").
std::optional<SimTime> readArgoDuration(DiagnosticSink& sink, const YamlEntry& entry, SimTime min,
                                        SimTime max) {
    const YAML::Node& v = entry.value;
    if (v.IsScalar() && v.Tag() == "?" && !v.Scalar().empty() &&
        std::all_of(v.Scalar().begin(), v.Scalar().end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
        const std::optional<std::int64_t> seconds = readInteger(
            sink, entry, min.toMicroseconds() / 1'000'000, max.toMicroseconds() / 1'000'000);
        return seconds ? std::optional<SimTime>(SimTime::seconds(*seconds)) : std::nullopt;
    }
    return readDuration(sink, entry, min, max);
}

RolloutAnalysisSpec readRolloutAnalysis(DiagnosticSink& sink, const YamlEntry& entry,
                                        const std::string& path, ManifestMarks& marks) {
    RolloutAnalysisSpec analysis;
    const FieldTable table = argoFields("RolloutAnalysis", {"templates"});
    MapCursor map(sink, entry.value, entry.keyMark(), table, path);
    const YamlEntry* templates = map.require("templates");
    if (templates == nullptr) {
        return analysis;
    }
    const std::vector<YAML::Node> items = readList(sink, *templates);
    if (items.empty() && (templates->value.IsNull() || templates->value.IsSequence())) {
        sink.error(templates->keyMark(), "empty-list", {"templates"},
                   "'templates' must name at least one AnalysisTemplate");
    }
    const FieldTable refTable = argoFields("AnalysisTemplate reference", {"templateName"});
    for (const YAML::Node& item : items) {
        MapCursor ref(sink, item, item.Mark(), refTable, path + ".templates");
        if (const YamlEntry* name = ref.require("templateName")) {
            const std::string n = readName(sink, *name, checkDns1123Subdomain).value_or("");
            reference(marks, "AnalysisTemplate", n, name->value.Mark());
            if (!n.empty()) {
                analysis.templates.push_back(n);
            }
        }
    }
    return analysis;
}

CanaryStepSpec readStep(DiagnosticSink& sink, const YAML::Node& node, const std::string& path,
                        ManifestMarks& marks) {
    CanaryStepSpec step;
    const FieldTable table = argoFields("canary step", {"setWeight", "pause", "analysis"});
    MapCursor map(sink, node, node.Mark(), table, path);
    const YamlEntry* weight = map.find("setWeight");
    const YamlEntry* pause = map.find("pause");
    const YamlEntry* analysis = map.find("analysis");
    const int given = (weight ? 1 : 0) + (pause ? 1 : 0) + (analysis ? 1 : 0);
    if (map.isMap() && given != 1) {
        // validation.go: "Step must have one of the following set: ..."
        sink.error(node.Mark(), "bad-step", {path},
                   "each canary step sets exactly one of setWeight, pause or analysis");
        return step;
    }
    if (weight != nullptr) {
        step.type = CanaryStepType::SetWeight;
        // validation.go: "SetWeight needs to be between 0 and 100".
        step.setWeight = static_cast<int>(readInteger(sink, *weight, 0, 100).value_or(0));
    } else if (pause != nullptr) {
        step.type = CanaryStepType::Pause;
        const FieldTable pauseTable = argoFields("pause step", {"duration"});
        MapCursor pauseMap(sink, pause->value, pause->keyMark(), pauseTable, path + ".pause");
        if (const YamlEntry* duration = pauseMap.find("duration")) {
            step.pauseDuration = readArgoDuration(sink, *duration, SimTime::zero(), kLongestPause);
        }
    } else if (analysis != nullptr) {
        step.type = CanaryStepType::Analysis;
        step.analysis = readRolloutAnalysis(sink, *analysis, path + ".analysis", marks);
    }
    return step;
}

CanaryStrategySpec readCanary(DiagnosticSink& sink, const YamlEntry& entry, ManifestMarks& marks) {
    CanaryStrategySpec canary;
    const FieldTable table =
        argoFields("canary strategy", {"steps", "canaryService", "stableService", "maxSurge",
                                       "maxUnavailable", "analysis", "trafficRouting"});
    MapCursor map(sink, entry.value, entry.keyMark(), table, "spec.strategy.canary");
    if (const YamlEntry* steps = map.find("steps")) {
        const std::vector<YAML::Node> items = readList(sink, *steps);
        for (std::size_t i = 0; i < items.size(); ++i) {
            canary.steps.push_back(readStep(
                sink, items[i], "spec.strategy.canary.steps[" + std::to_string(i) + "]", marks));
        }
    }
    const YamlEntry* canaryService = map.find("canaryService");
    const YamlEntry* stableService = map.find("stableService");
    if (canaryService != nullptr) {
        canary.canaryService = readServiceName(sink, *canaryService, marks);
    }
    if (stableService != nullptr) {
        canary.stableService = readServiceName(sink, *stableService, marks);
        // validation.go: "This rollout's stable and canary services must be different".
        if (!canary.stableService.empty() && canary.stableService == canary.canaryService) {
            sink.error(stableService->value.Mark(), "bad-value",
                       {"stableService", canary.stableService},
                       "stableService and canaryService must be different Services");
        }
    }
    if (const YamlEntry* surge = map.find("maxSurge")) {
        canary.maxSurge = readIntOrPercent(sink, *surge, 100);
    }
    if (const YamlEntry* unavailable = map.find("maxUnavailable")) {
        canary.maxUnavailable = readIntOrPercent(sink, *unavailable, 100);
        // validation.go: "MaxSurge and MaxUnavailable both can not be zero".
        if (canary.maxUnavailable && canary.maxUnavailable->value == 0 && canary.maxSurge &&
            canary.maxSurge->value == 0) {
            sink.error(unavailable->value.Mark(), "bad-value", {"maxUnavailable", "0"},
                       "maxUnavailable may not be 0 when maxSurge is 0: the rollout could never "
                       "replace a pod");
        }
    }
    if (const YamlEntry* analysis = map.find("analysis")) {
        canary.analysis =
            readRolloutAnalysis(sink, *analysis, "spec.strategy.canary.analysis", marks);
    }
    if (const YamlEntry* routing = map.find("trafficRouting")) {
        const FieldTable routingTable = argoFields("trafficRouting", {"plugins"});
        MapCursor routingMap(sink, routing->value, routing->keyMark(), routingTable,
                             "spec.strategy.canary.trafficRouting");
        if (const YamlEntry* plugins = routingMap.require("plugins")) {
            const FieldTable pluginTable = argoFields("trafficRouting plugins", {kGatewayPlugin});
            MapCursor pluginMap(sink, plugins->value, plugins->keyMark(), pluginTable,
                                "spec.strategy.canary.trafficRouting.plugins");
            if (const YamlEntry* gateway = pluginMap.require(kGatewayPlugin)) {
                const FieldTable gatewayTable = argoFields("gatewayAPI plugin", {"httpRoute"});
                MapCursor gatewayMap(sink, gateway->value, gateway->keyMark(), gatewayTable,
                                     "spec.strategy.canary.trafficRouting.plugins.gatewayAPI");
                if (const YamlEntry* route = gatewayMap.require("httpRoute")) {
                    CanaryTrafficRoutingSpec spec;
                    spec.httpRoute = readString(sink, *route).value_or("");
                    reference(marks, "HTTPRoute", spec.httpRoute, route->value.Mark());
                    canary.trafficRouting = spec;
                }
            }
        }
        // validation.go: traffic routing needs both Services, the route's two backends.
        if (canary.canaryService.empty() || canary.stableService.empty()) {
            sink.error(routing->keyMark(), "missing-key", {"canaryService", "canary strategy"},
                       "trafficRouting needs both canaryService and stableService: the route's "
                       "backendRefs name them");
        }
    }
    return canary;
}

BlueGreenStrategySpec readBlueGreen(DiagnosticSink& sink, const YamlEntry& entry,
                                    ManifestMarks& marks) {
    BlueGreenStrategySpec blueGreen;
    const FieldTable table =
        argoFields("blueGreen strategy", {"activeService", "previewService", "autoPromotionEnabled",
                                          "autoPromotionSeconds", "scaleDownDelaySeconds",
                                          "prePromotionAnalysis", "postPromotionAnalysis"});
    MapCursor map(sink, entry.value, entry.keyMark(), table, "spec.strategy.blueGreen");
    if (const YamlEntry* active = map.require("activeService")) {
        blueGreen.activeService = readServiceName(sink, *active, marks);
    }
    if (const YamlEntry* preview = map.find("previewService")) {
        blueGreen.previewService = readServiceName(sink, *preview, marks);
        // validation.go: "This rollout's active and preview services must be different".
        if (!blueGreen.previewService.empty() &&
            blueGreen.previewService == blueGreen.activeService) {
            sink.error(preview->value.Mark(), "bad-value",
                       {"previewService", blueGreen.previewService},
                       "previewService and activeService must be different Services");
        }
    }
    if (const YamlEntry* enabled = map.find("autoPromotionEnabled")) {
        blueGreen.autoPromotionEnabled = readBool(sink, *enabled);
    }
    if (const YamlEntry* seconds = map.find("autoPromotionSeconds")) {
        blueGreen.autoPromotionSeconds =
            static_cast<int>(readInteger(sink, *seconds, 0, kMaxInt32).value_or(0));
    }
    if (const YamlEntry* delay = map.find("scaleDownDelaySeconds")) {
        blueGreen.scaleDownDelaySeconds =
            static_cast<int>(readInteger(sink, *delay, 0, kMaxInt32).value_or(30));
    }
    if (const YamlEntry* pre = map.find("prePromotionAnalysis")) {
        blueGreen.prePromotionAnalysis =
            readRolloutAnalysis(sink, *pre, "spec.strategy.blueGreen.prePromotionAnalysis", marks);
    }
    if (const YamlEntry* post = map.find("postPromotionAnalysis")) {
        blueGreen.postPromotionAnalysis = readRolloutAnalysis(
            sink, *post, "spec.strategy.blueGreen.postPromotionAnalysis", marks);
    }
    return blueGreen;
}

void readRolloutSpec(DiagnosticSink& sink, const YamlEntry& entry, RolloutSpec& rollout,
                     ManifestMarks& marks) {
    const FieldTable table =
        argoFields("Rollout spec", {"replicas", "selector", "template", "minReadySeconds",
                                    "revisionHistoryLimit", "strategy"});
    MapCursor spec(sink, entry.value, entry.keyMark(), table, "spec", &rollout.preserved);
    if (const YamlEntry* replicas = spec.find("replicas")) {
        rollout.replicas =
            static_cast<int>(readInteger(sink, *replicas, 0, kMaxReplicas).value_or(1));
    }
    if (const YamlEntry* minReady = spec.find("minReadySeconds")) {
        rollout.minReadySeconds =
            static_cast<int>(readInteger(sink, *minReady, 0, kMaxInt32).value_or(0));
    }
    if (const YamlEntry* history = spec.find("revisionHistoryLimit")) {
        rollout.revisionHistoryLimit =
            static_cast<int>(readInteger(sink, *history, 0, kMaxInt32).value_or(10));
    }
    readSelectorAndTemplate(sink, spec, "Rollout", rollout.selector, rollout.podLabels,
                            rollout.podSpec, rollout.preserved, marks);
    const YamlEntry* strategy = spec.require("strategy");
    if (strategy == nullptr) {
        return;
    }
    const FieldTable strategyTable = argoFields("Rollout strategy", {"canary", "blueGreen"});
    MapCursor strategyMap(sink, strategy->value, strategy->keyMark(), strategyTable,
                          "spec.strategy");
    const YamlEntry* canary = strategyMap.find("canary");
    const YamlEntry* blueGreen = strategyMap.find("blueGreen");
    if (canary != nullptr && blueGreen != nullptr) {
        // validation.go: "Multiple Strategies can not be listed".
        sink.error(blueGreen->keyMark(), "conflicting-keys", {"canary", "blueGreen"},
                   "a Rollout's strategy is either 'canary' or 'blueGreen', not both");
    } else if (canary != nullptr) {
        rollout.canary = readCanary(sink, *canary, marks);
    } else if (blueGreen != nullptr) {
        rollout.blueGreen = readBlueGreen(sink, *blueGreen, marks);
    } else if (strategyMap.isMap()) {
        sink.error(strategy->keyMark(), "missing-key", {"canary", "Rollout strategy"},
                   "missing required field 'canary' or 'blueGreen' in Rollout strategy");
    }
}

const std::vector<std::string_view> kQueries{"success-rate", "error-rate", "request-rate",
                                             "latency-p95"};

CnsimProviderSpec readProvider(DiagnosticSink& sink, const YamlEntry& entry,
                               const std::string& path) {
    CnsimProviderSpec provider;
    const FieldTable table = argoFields("metric provider", {"cnsim"});
    MapCursor map(sink, entry.value, entry.keyMark(), table, path);
    const YamlEntry* cnsim = map.require("cnsim");
    if (cnsim == nullptr) {
        return provider;
    }
    const FieldTable cnsimTable =
        cnsimFields("cnsim provider", {"query", "service", "version", "window"});
    MapCursor query(sink, cnsim->value, cnsim->keyMark(), cnsimTable, path + ".cnsim");
    if (const YamlEntry* q = query.require("query")) {
        provider.query = static_cast<AnalysisQuery>(readEnum(sink, *q, kQueries).value_or(0));
    }
    if (const YamlEntry* service = query.require("service")) {
        provider.service = readName(sink, *service, checkDns1035Label).value_or("");
    }
    if (const YamlEntry* version = query.find("version")) {
        provider.version = readString(sink, *version).value_or("canary");
        if (provider.version.empty()) {
            sink.error(version->value.Mark(), "bad-value", {"version", ""},
                       "'version' is canary, stable, or a version label / image tag");
            provider.version = "canary";
        }
    }
    if (const YamlEntry* window = query.find("window")) {
        provider.window = readDuration(sink, *window, SimTime::seconds(1), SimTime::hours(1))
                              .value_or(provider.window);
    }
    return provider;
}

std::optional<AnalysisConditionSpec> readCondition(DiagnosticSink& sink, const YamlEntry& entry) {
    const std::optional<std::string> text = readString(sink, entry);
    if (!text) {
        return std::nullopt;
    }
    std::string error;
    std::optional<AnalysisConditionSpec> condition = parseAnalysisCondition(*text, error);
    if (!condition) {
        sink.error(entry.value.Mark(), "bad-condition", {entry.key, *text},
                   entry.key + " '" + *text + "' is not understood: " + error);
    }
    return condition;
}

AnalysisMetricSpec readMetric(DiagnosticSink& sink, const YAML::Node& node,
                              const std::string& path) {
    AnalysisMetricSpec metric;
    const FieldTable table =
        argoFields("analysis metric",
                   {"name", "interval", "count", "successCondition", "failureCondition",
                    "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit", "provider"});
    MapCursor map(sink, node, node.Mark(), table, path);
    if (const YamlEntry* name = map.require("name")) {
        metric.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* interval = map.find("interval")) {
        metric.interval =
            readArgoDuration(sink, *interval, SimTime::seconds(1), SimTime::hours(24));
    }
    const YamlEntry* count = map.find("count");
    if (count != nullptr) {
        metric.count = static_cast<int>(readInteger(sink, *count, 1, 100'000).value_or(1));
        // utils/analysis/helpers.go ValidateMetric: "interval must be specified when count > 1".
        if (metric.count && *metric.count > 1 && !metric.interval &&
            map.find("interval") == nullptr) {
            sink.error(count->value.Mark(), "missing-key", {"interval", "analysis metric"},
                       "a metric with count > 1 needs an 'interval' between its measurements");
        }
    }
    if (const YamlEntry* success = map.find("successCondition")) {
        metric.successCondition = readCondition(sink, *success);
    }
    if (const YamlEntry* failure = map.find("failureCondition")) {
        metric.failureCondition = readCondition(sink, *failure);
    }
    if (const YamlEntry* limit = map.find("failureLimit")) {
        metric.failureLimit = static_cast<int>(readInteger(sink, *limit, 0, kMaxInt32).value_or(0));
        // ValidateMetric: "count must be >= failureLimit".
        if (metric.count && metric.failureLimit && *metric.count < *metric.failureLimit) {
            sink.error(limit->value.Mark(), "bad-value",
                       {"failureLimit", std::to_string(*metric.failureLimit)},
                       "failureLimit " + std::to_string(*metric.failureLimit) + " is above count " +
                           std::to_string(*metric.count) + ": the metric could never fail");
        }
    }
    if (const YamlEntry* limit = map.find("inconclusiveLimit")) {
        metric.inconclusiveLimit =
            static_cast<int>(readInteger(sink, *limit, 0, kMaxInt32).value_or(0));
    }
    if (const YamlEntry* limit = map.find("consecutiveErrorLimit")) {
        metric.consecutiveErrorLimit =
            static_cast<int>(readInteger(sink, *limit, 0, kMaxInt32).value_or(4));
    }
    if (const YamlEntry* provider = map.require("provider")) {
        metric.provider = readProvider(sink, *provider, path + ".provider");
    }
    return metric;
}

} // namespace

RolloutSpec readRollout(DiagnosticSink& sink, const YAML::Node& node, ManifestMarks& marks) {
    RolloutSpec rollout;
    const FieldTable table =
        argoFields("Rollout", {"apiVersion", "kind", "metadata", "spec"}, {"status"});
    MapCursor top(sink, node, node.Mark(), table, "", &rollout.preserved);
    marks.name = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "Rollout metadata", checkDns1123Subdomain,
                             rollout.preserved, meta, marks.name);
        rollout.name = meta.name;
        rollout.nameSpace = meta.nameSpace;
        rollout.labels = meta.labels;
    }
    if (const YamlEntry* spec = top.require("spec")) {
        readRolloutSpec(sink, *spec, rollout, marks);
    }
    return rollout;
}

AnalysisTemplateSpec readAnalysisTemplate(DiagnosticSink& sink, const YAML::Node& node,
                                          ManifestMarks& marks) {
    AnalysisTemplateSpec analysis;
    const FieldTable table =
        argoFields("AnalysisTemplate", {"apiVersion", "kind", "metadata", "spec"}, {"status"});
    MapCursor top(sink, node, node.Mark(), table, "", &analysis.preserved);
    marks.name = node.Mark();
    if (const YamlEntry* metadata = top.require("metadata")) {
        ManifestMetadata meta;
        readManifestMetadata(sink, *metadata, "AnalysisTemplate metadata", checkDns1123Subdomain,
                             analysis.preserved, meta, marks.name);
        analysis.name = meta.name;
        analysis.nameSpace = meta.nameSpace;
        analysis.labels = meta.labels;
    }
    const YamlEntry* spec = top.require("spec");
    if (spec == nullptr) {
        return analysis;
    }
    const FieldTable specTable = argoFields("AnalysisTemplate spec", {"metrics"});
    MapCursor specMap(sink, spec->value, spec->keyMark(), specTable, "spec");
    const YamlEntry* metrics = specMap.require("metrics");
    if (metrics == nullptr) {
        return analysis;
    }
    const std::vector<YAML::Node> items = readList(sink, *metrics);
    if (items.empty() && (metrics->value.IsNull() || metrics->value.IsSequence())) {
        sink.error(metrics->keyMark(), "empty-list", {"metrics"},
                   "'metrics' must list at least one metric");
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < items.size(); ++i) {
        AnalysisMetricSpec metric =
            readMetric(sink, items[i], "spec.metrics[" + std::to_string(i) + "]");
        if (!metric.name.empty() && !names.insert(metric.name).second) {
            sink.error(items[i].Mark(), "duplicate-name", {"metric", metric.name},
                       "duplicate metric name '" + metric.name + "'");
        }
        analysis.metrics.push_back(std::move(metric));
    }
    return analysis;
}

} // namespace cnsim
