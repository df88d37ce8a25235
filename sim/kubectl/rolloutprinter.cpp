#include "kubectl/rolloutprinter.h"

#include "kubectl/describeprinter.h"
#include "kubectl/encoderutil.h"
#include "kubectl/listtable.h"
#include "model/simulation.h"

#include <cstdio>

namespace cnsim {

namespace {

using List = ObjectValue::List;

constexpr const char* kHashLabel = "rollouts-pod-template-hash";

std::string strategyName(const RolloutObject& r) {
    return r.spec.canary ? "Canary" : r.spec.blueGreen ? "BlueGreen" : "<none>";
}

std::string valueText(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string imagesOf(const PodSpec& spec) {
    std::string out;
    for (const ContainerSpec& c : spec.containers) {
        out += (out.empty() ? "" : ", ") + c.image;
    }
    return out;
}

} // namespace

Table rolloutTable(const Simulation& sim, const ObjectFilter& filter, const TableOptions& options) {
    return listTable(sim.api().rollouts(), filter, options,
                     {"NAME", "DESIRED", "CURRENT", "UP-TO-DATE", "AVAILABLE", "AGE"},
                     [&](const RolloutObject& r) {
                         return std::vector<std::string>{
                             r.meta.name,
                             std::to_string(r.spec.replicas),
                             std::to_string(r.statusReplicas),
                             std::to_string(r.updatedReplicas),
                             std::to_string(r.availableReplicas),
                             formatAge(sim.now(), r.meta.creationTimestamp)};
                     });
}

std::vector<ObjectValue> rolloutObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, r] : sim.api().rollouts()) {
        if (!filter.matches(r.meta, true)) {
            continue;
        }
        ObjectValue v = encoding::header("argoproj.io/v1alpha1", "Rollout");
        v["metadata"] = encoding::metadata(r.meta, true, true);
        v["spec"]["replicas"] = r.spec.replicas;
        v["spec"]["selector"]["matchLabels"] = encoding::labelMap(r.spec.selector);
        if (r.spec.canary) {
            v["spec"]["strategy"]["canary"]["steps"] =
                static_cast<std::int64_t>(r.spec.canary->steps.size());
        } else if (r.spec.blueGreen) {
            v["spec"]["strategy"]["blueGreen"]["activeService"] = r.spec.blueGreen->activeService;
        }
        ObjectValue& s = v["status"];
        s["phase"] = r.phase;
        if (!r.message.empty()) {
            s["message"] = r.message;
        }
        s["currentPodHash"] = r.currentPodHash;
        s["stableRS"] = r.stableRs;
        if (r.spec.canary) {
            s["currentStepIndex"] = r.currentStepIndex;
        } else {
            s["blueGreen"]["activeSelector"] = r.activeSelector;
            s["blueGreen"]["previewSelector"] = r.previewSelector;
        }
        if (r.abort) {
            s["abort"] = true;
        }
        s["replicas"] = r.statusReplicas;
        s["updatedReplicas"] = r.updatedReplicas;
        s["readyReplicas"] = r.readyReplicas;
        s["availableReplicas"] = r.availableReplicas;
        s["observedGeneration"] = std::to_string(r.observedGeneration);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> rolloutNames(const Simulation& sim, const std::string& nameSpace) {
    return namesOf(sim.api().rollouts(), nameSpace);
}

Table analysisRunTable(const Simulation& sim, const ObjectFilter& filter,
                       const TableOptions& options) {
    return listTable(sim.api().analysisRuns(), filter, options, {"NAME", "STATUS", "AGE"},
                     [&](const AnalysisRunObject& run) {
                         return std::vector<std::string>{
                             run.meta.name, std::string(analysisPhaseName(run.phase)),
                             formatAge(sim.now(), run.meta.creationTimestamp)};
                     });
}

std::vector<ObjectValue> analysisRunObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, run] : sim.api().analysisRuns()) {
        if (!filter.matches(run.meta, true)) {
            continue;
        }
        ObjectValue v = encoding::header("argoproj.io/v1alpha1", "AnalysisRun");
        v["metadata"] = encoding::metadata(run.meta, true, false);
        List metrics;
        for (const AnalysisMetricResult& m : run.metrics) {
            ObjectValue mv;
            mv["name"] = m.spec.name;
            mv["phase"] = std::string(analysisPhaseName(m.phase));
            mv["count"] = m.counters.count;
            mv["successful"] = m.counters.successful;
            mv["failed"] = m.counters.failed;
            mv["inconclusive"] = m.counters.inconclusive;
            mv["error"] = m.counters.error;
            mv["consecutiveError"] = m.counters.consecutiveError;
            List measurements;
            for (const AnalysisMeasurement& x : m.measurements) {
                ObjectValue xv;
                xv["phase"] = std::string(analysisPhaseName(x.phase));
                xv["startedAt"] = formatTimestamp(x.startedAt);
                if (x.value) {
                    xv["value"] = valueText(*x.value);
                }
                if (!x.message.empty()) {
                    xv["message"] = x.message;
                }
                measurements.push_back(std::move(xv));
            }
            mv["measurements"] = std::move(measurements);
            metrics.push_back(std::move(mv));
        }
        v["status"]["phase"] = std::string(analysisPhaseName(run.phase));
        if (!run.message.empty()) {
            v["status"]["message"] = run.message;
        }
        v["status"]["metricResults"] = std::move(metrics);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> analysisRunNames(const Simulation& sim, const std::string& nameSpace) {
    return namesOf(sim.api().analysisRuns(), nameSpace);
}

Table analysisTemplateTable(const Simulation& sim, const ObjectFilter& filter,
                            const TableOptions& options) {
    return listTable(sim.api().analysisTemplates(), filter, options, {"NAME", "AGE"},
                     [&](const AnalysisTemplateObject& t) {
                         return std::vector<std::string>{
                             t.meta.name, formatAge(sim.now(), t.meta.creationTimestamp)};
                     });
}

std::vector<ObjectValue> analysisTemplateObjects(const Simulation& sim,
                                                 const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, t] : sim.api().analysisTemplates()) {
        if (!filter.matches(t.meta, true)) {
            continue;
        }
        ObjectValue v = encoding::header("argoproj.io/v1alpha1", "AnalysisTemplate");
        v["metadata"] = encoding::metadata(t.meta, true, false);
        List metrics;
        for (const AnalysisMetricSpec& m : t.spec.metrics) {
            ObjectValue mv;
            mv["name"] = m.name;
            if (m.interval) {
                mv["interval"] = formatDuration(*m.interval);
            }
            if (m.count) {
                mv["count"] = *m.count;
            }
            if (m.successCondition) {
                mv["successCondition"] = m.successCondition->text;
            }
            if (m.failureCondition) {
                mv["failureCondition"] = m.failureCondition->text;
            }
            if (m.failureLimit) {
                mv["failureLimit"] = *m.failureLimit;
            }
            mv["provider"]["cnsim"]["service"] = m.provider.service;
            mv["provider"]["cnsim"]["version"] = m.provider.version;
            metrics.push_back(std::move(mv));
        }
        v["spec"]["metrics"] = std::move(metrics);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> analysisTemplateNames(const Simulation& sim,
                                               const std::string& nameSpace) {
    return namesOf(sim.api().analysisTemplates(), nameSpace);
}

std::string describeRollout(const Simulation& sim, const RolloutObject& r) {
    std::string out;
    out += "Name:\t" + r.meta.name + "\n";
    out += "Namespace:\t" + r.meta.nameSpace + "\n";
    out += "CreationTimestamp:\t" + formatDescribeTime(r.meta.creationTimestamp) + "\n";
    out += "Strategy:\t" + strategyName(r) + "\n";
    if (r.spec.canary) {
        out += "  Steps:\t" + std::to_string(r.currentStepIndex) + "/" +
               std::to_string(r.spec.canary->steps.size()) + "\n";
        out += "  Set Weight:\t" + std::to_string(r.currentWeight) + "\n";
    } else if (r.spec.blueGreen) {
        out += "  Active Service:\t" + r.spec.blueGreen->activeService + " (selects " +
               r.activeSelector + ")\n";
        if (!r.spec.blueGreen->previewService.empty()) {
            out += "  Preview Service:\t" + r.spec.blueGreen->previewService + " (selects " +
                   r.previewSelector + ")\n";
        }
    }
    out += "Images:\t" + imagesOf(r.spec.podSpec) + "\n";
    out += "Replicas:\t" + std::to_string(r.spec.replicas) + " desired | " +
           std::to_string(r.statusReplicas) + " current | " + std::to_string(r.updatedReplicas) +
           " updated | " + std::to_string(r.availableReplicas) + " available\n";
    out += "Status:\t" + r.phase + (r.message.empty() ? "" : " (" + r.message + ")") + "\n";
    out += "Current Pod Hash:\t" + r.currentPodHash + "\n";
    out += "Stable RS:\t" + r.stableRs + "\n";
    out += describeEventsText(sim, "Rollout", r.meta.name);
    return tabwrite(out, 0, 2);
}

std::string argoGetRollout(const Simulation& sim, const RolloutObject& r) {
    std::string out;
    const std::string& status = r.phase;
    out += "Name:\t" + r.meta.name + "\n";
    out += "Namespace:\t" + r.meta.nameSpace + "\n";
    out += "Status:\t" + status + "\n";
    if (!r.message.empty()) {
        out += "Message:\t" + r.message + "\n";
    }
    out += "Strategy:\t" + strategyName(r) + "\n";
    if (r.spec.canary) {
        out += "  Step:\t" + std::to_string(r.currentStepIndex) + "/" +
               std::to_string(r.spec.canary->steps.size()) + "\n";
        out += "  SetWeight:\t" + std::to_string(r.currentWeight) + "\n";
    }
    out += "Images:\t" + imagesOf(r.spec.podSpec) + "\n";
    out += "Replicas:\n";
    out += "  Desired:\t" + std::to_string(r.spec.replicas) + "\n";
    out += "  Current:\t" + std::to_string(r.statusReplicas) + "\n";
    out += "  Updated:\t" + std::to_string(r.updatedReplicas) + "\n";
    out += "  Ready:\t" + std::to_string(r.readyReplicas) + "\n";
    out += "  Available:\t" + std::to_string(r.availableReplicas) + "\n";
    out += "\nNAME\tKIND\tSTATUS\tAGE\tINFO\n";
    out += r.meta.name + "\tRollout\t" + status + "\t" +
           formatAge(sim.now(), r.meta.creationTimestamp) + "\t\n";
    for (const auto& [key, rs] : sim.api().replicaSets()) {
        if (rs.meta.ownerReferences.empty() || rs.meta.ownerReferences.front().kind != "Rollout" ||
            rs.meta.ownerReferences.front().name != r.meta.name) {
            continue;
        }
        const auto hash = rs.meta.labels.find(kHashLabel);
        const std::string h = hash == rs.meta.labels.end() ? "" : hash->second;
        std::string info;
        if (h == r.stableRs) {
            info += "stable";
        }
        if (h == r.currentPodHash && h != r.stableRs) {
            info += r.spec.canary ? "canary" : "preview";
        }
        if (r.spec.blueGreen && h == r.activeSelector) {
            info += info.empty() ? "active" : ",active";
        }
        const std::string rsStatus = rs.replicas == 0                      ? "ScaledDown"
                                     : rs.availableReplicas >= rs.replicas ? "Healthy"
                                                                           : "Progressing";
        const auto revision = rs.meta.annotations.find("rollout.argoproj.io/revision");
        out += "  # revision:" +
               (revision == rs.meta.annotations.end() ? std::string("?") : revision->second) +
               "\t\t\t\t\n";
        out += "    " + rs.meta.name + "\tReplicaSet\t" + rsStatus + "\t" +
               formatAge(sim.now(), rs.meta.creationTimestamp) + "\t" + info + "\n";
        for (const auto& [runKey, run] : sim.api().analysisRuns()) {
            const auto runHash = run.meta.labels.find(kHashLabel);
            if (run.rollout == r.meta.name && runHash != run.meta.labels.end() &&
                runHash->second == h) {
                out += "    " + run.meta.name + "\tAnalysisRun\t" +
                       std::string(analysisPhaseName(run.phase)) + "\t" +
                       formatAge(sim.now(), run.meta.creationTimestamp) + "\t\n";
            }
        }
    }
    return tabwrite(out, 0, 2);
}

} // namespace cnsim
