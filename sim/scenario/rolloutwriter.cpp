#include "scenario/rolloutwriter.h"

#include "scenario/manifestwriter.h"
#include "scenario/podspecwriter.h"

namespace cnsim {

namespace {

constexpr const char* kQueryNames[] = {"success-rate", "error-rate", "request-rate", "latency-p95"};

void writeAnalysisRef(YamlWriter& w, const char* key, const RolloutAnalysisSpec& analysis) {
    w.key(key);
    w.beginMap();
    w.key("templates");
    w.beginSeq();
    for (const std::string& name : analysis.templates) {
        w.beginMap();
        w.field("templateName", name);
        w.endMap();
    }
    w.endSeq();
    w.endMap();
}

void writeCanary(YamlWriter& w, const CanaryStrategySpec& canary) {
    w.key("canary");
    w.beginMap();
    if (!canary.canaryService.empty()) {
        w.field("canaryService", canary.canaryService);
    }
    if (!canary.stableService.empty()) {
        w.field("stableService", canary.stableService);
    }
    if (canary.maxSurge) {
        w.intOrPercent("maxSurge", *canary.maxSurge);
    }
    if (canary.maxUnavailable) {
        w.intOrPercent("maxUnavailable", *canary.maxUnavailable);
    }
    if (canary.analysis) {
        writeAnalysisRef(w, "analysis", *canary.analysis);
    }
    if (canary.trafficRouting) {
        w.key("trafficRouting");
        w.beginMap();
        w.key("plugins");
        w.beginMap();
        w.key("argoproj-labs/gatewayAPI");
        w.beginMap();
        w.field("httpRoute", canary.trafficRouting->httpRoute);
        w.endMap();
        w.endMap();
        w.endMap();
    }
    w.key("steps");
    w.beginSeq();
    for (const CanaryStepSpec& step : canary.steps) {
        w.beginMap();
        switch (step.type) {
        case CanaryStepType::SetWeight:
            w.integer("setWeight", step.setWeight);
            break;
        case CanaryStepType::Pause:
            w.key("pause");
            w.beginMap();
            if (step.pauseDuration) {
                w.field("duration", formatDuration(*step.pauseDuration));
            }
            w.endMap();
            break;
        case CanaryStepType::Analysis:
            writeAnalysisRef(w, "analysis", step.analysis);
            break;
        }
        w.endMap();
    }
    w.endSeq();
    w.endMap();
}

void writeBlueGreen(YamlWriter& w, const BlueGreenStrategySpec& blueGreen) {
    w.key("blueGreen");
    w.beginMap();
    w.field("activeService", blueGreen.activeService);
    if (!blueGreen.previewService.empty()) {
        w.field("previewService", blueGreen.previewService);
    }
    if (blueGreen.autoPromotionEnabled) {
        w.boolean("autoPromotionEnabled", *blueGreen.autoPromotionEnabled);
    }
    if (blueGreen.autoPromotionSeconds) {
        w.integer("autoPromotionSeconds", *blueGreen.autoPromotionSeconds);
    }
    if (blueGreen.scaleDownDelaySeconds) {
        w.integer("scaleDownDelaySeconds", *blueGreen.scaleDownDelaySeconds);
    }
    if (blueGreen.prePromotionAnalysis) {
        writeAnalysisRef(w, "prePromotionAnalysis", *blueGreen.prePromotionAnalysis);
    }
    if (blueGreen.postPromotionAnalysis) {
        writeAnalysisRef(w, "postPromotionAnalysis", *blueGreen.postPromotionAnalysis);
    }
    w.endMap();
}

} // namespace

void writeRollout(YamlWriter& w, const RolloutSpec& rollout) {
    w.setPreserved(&rollout.preserved);
    w.beginMap();
    w.field("apiVersion", "argoproj.io/v1alpha1");
    w.field("kind", "Rollout");
    writeMetadata(w, rollout.name, rollout.nameSpace, rollout.labels);
    w.key("spec");
    w.beginMap();
    w.integer("replicas", rollout.replicas);
    writeMatchLabelsSelector(w, rollout.selector);
    if (rollout.minReadySeconds) {
        w.integer("minReadySeconds", *rollout.minReadySeconds);
    }
    if (rollout.revisionHistoryLimit) {
        w.integer("revisionHistoryLimit", *rollout.revisionHistoryLimit);
    }
    w.key("strategy");
    w.beginMap();
    if (rollout.canary) {
        writeCanary(w, *rollout.canary);
    } else if (rollout.blueGreen) {
        writeBlueGreen(w, *rollout.blueGreen);
    }
    w.endMap();
    w.key("template");
    w.beginMap();
    w.key("metadata");
    w.beginMap();
    w.labels("labels", rollout.podLabels);
    w.preserved("spec.template.metadata");
    w.endMap();
    w.key("spec");
    writePodSpec(w, rollout.podSpec, "spec.template.spec");
    w.preserved("spec.template");
    w.endMap();
    w.preserved("spec");
    w.endMap();
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

void writeAnalysisTemplate(YamlWriter& w, const AnalysisTemplateSpec& analysis) {
    w.setPreserved(&analysis.preserved);
    w.beginMap();
    w.field("apiVersion", "argoproj.io/v1alpha1");
    w.field("kind", "AnalysisTemplate");
    writeMetadata(w, analysis.name, analysis.nameSpace, analysis.labels);
    w.key("spec");
    w.beginMap();
    w.key("metrics");
    w.beginSeq();
    for (const AnalysisMetricSpec& metric : analysis.metrics) {
        w.beginMap();
        w.field("name", metric.name);
        if (metric.interval) {
            w.field("interval", formatDuration(*metric.interval));
        }
        if (metric.count) {
            w.integer("count", *metric.count);
        }
        if (metric.successCondition) {
            w.field("successCondition", metric.successCondition->text);
        }
        if (metric.failureCondition) {
            w.field("failureCondition", metric.failureCondition->text);
        }
        if (metric.failureLimit) {
            w.integer("failureLimit", *metric.failureLimit);
        }
        if (metric.inconclusiveLimit) {
            w.integer("inconclusiveLimit", *metric.inconclusiveLimit);
        }
        if (metric.consecutiveErrorLimit) {
            w.integer("consecutiveErrorLimit", *metric.consecutiveErrorLimit);
        }
        w.key("provider");
        w.beginMap();
        w.key("cnsim");
        w.beginMap();
        w.field("query", kQueryNames[static_cast<int>(metric.provider.query)]);
        w.field("service", metric.provider.service);
        w.field("version", metric.provider.version);
        w.field("window", formatDuration(metric.provider.window));
        w.endMap();
        w.endMap();
        w.endMap();
    }
    w.endSeq();
    w.endMap();
    w.preserved("");
    w.endMap();
    w.setPreserved(nullptr);
}

} // namespace cnsim
