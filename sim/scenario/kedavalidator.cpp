#include "scenario/kedavalidator.h"

#include "scenario/editdistance.h"

#include <algorithm>
#include <set>

namespace cnsim {

namespace {

bool hasDeployment(const Scenario& scenario, const std::string& name, const std::string& ns) {
    return std::any_of(scenario.workloads.begin(), scenario.workloads.end(),
                       [&](const Manifest& m) {
                           const auto* d = std::get_if<DeploymentSpec>(&m);
                           return d != nullptr && d->name == name && d->nameSpace == ns;
                       });
}

void checkQueues(DiagnosticSink& sink, const Scenario& scenario, const ScenarioMarks& marks,
                 const std::vector<std::string>& deploymentNames,
                 std::vector<std::string>& queueNames) {
    const SimulationSpec& simulation = scenario.simulation;
    for (std::size_t i = 0; i < simulation.queues.size() && i < marks.queues.size(); ++i) {
        const QueueSpec& queue = simulation.queues[i];
        if (std::find(queueNames.begin(), queueNames.end(), queue.name) != queueNames.end()) {
            sink.error(marks.queues[i].name, "duplicate-name", {"queue", queue.name},
                       "duplicate queue name '" + queue.name + "'");
        }
        queueNames.push_back(queue.name);
        if (!queue.consumer.deployment.empty() &&
            !hasDeployment(scenario, queue.consumer.deployment, "default")) {
            sink.error(marks.queues[i].deployment, "unknown-reference",
                       {"Deployment", queue.consumer.deployment},
                       "queue '" + queue.name + "' is consumed by Deployment '" +
                           queue.consumer.deployment +
                           "', which is not in workloads (namespace default)" +
                           didYouMean(queue.consumer.deployment, deploymentNames));
        }
        if (simulation.trafficMode == TrafficMode::Aggregate) {
            sink.error(marks.queues[i].name, "not-applicable", {"queues", "aggregate"},
                       "queues need trafficMode: perRequest (each message is simulated on its "
                       "own); remove 'trafficMode: aggregate' or the queue");
        }
    }
    for (std::size_t s = 0; s < simulation.traffic.size() && s < marks.traffic.size(); ++s) {
        const TrafficSourceSpec& source = simulation.traffic[s];
        for (std::size_t c = 0; c < source.classes.size() && c < marks.traffic[s].classes.size();
             ++c) {
            const std::string& queue = source.classes[c].queue;
            if (!queue.empty() &&
                std::find(queueNames.begin(), queueNames.end(), queue) == queueNames.end()) {
                sink.error(marks.traffic[s].classes[c].queue, "unknown-reference", {"queue", queue},
                           "traffic publishes to queue '" + queue +
                               "', which simulation.queues does not list" +
                               didYouMean(queue, queueNames));
            }
        }
    }
}

} // namespace

void validateEventDrivenScaling(DiagnosticSink& sink, const Scenario& scenario,
                                const ScenarioMarks& marks,
                                const std::vector<std::string>& deploymentNames) {
    std::vector<std::string> queueNames;
    checkQueues(sink, scenario, marks, deploymentNames, queueNames);

    // One autoscaler per Deployment: KEDA's webhook refuses a ScaledObject whose target an HPA
    // (or another ScaledObject) already scales (scaledobject_webhook.go verifyHpas).
    std::set<std::pair<std::string, std::string>> scaled;
    for (const Manifest& m : scenario.workloads) {
        if (const auto* hpa = std::get_if<HorizontalPodAutoscalerSpec>(&m)) {
            scaled.emplace(hpa->nameSpace, hpa->scaleTargetRef.name);
        }
    }
    for (std::size_t i = 0; i < scenario.workloads.size() && i < marks.workloads.size(); ++i) {
        const auto* so = std::get_if<ScaledObjectSpec>(&scenario.workloads[i]);
        if (so == nullptr) {
            continue;
        }
        const ManifestMarks& m = marks.workloads[i];
        if (!so->scaleTargetName.empty()) {
            if (!hasDeployment(scenario, so->scaleTargetName, so->nameSpace)) {
                sink.error(m.scaleTarget, "unknown-reference", {"Deployment", so->scaleTargetName},
                           "ScaledObject '" + so->name + "' scales Deployment '" +
                               so->scaleTargetName + "', which is not in workloads (namespace " +
                               so->nameSpace + ")" +
                               didYouMean(so->scaleTargetName, deploymentNames));
            } else if (!scaled.emplace(so->nameSpace, so->scaleTargetName).second) {
                sink.error(m.scaleTarget, "conflicting-autoscalers", {so->scaleTargetName},
                           "Deployment '" + so->scaleTargetName +
                               "' is already scaled by another HorizontalPodAutoscaler or "
                               "ScaledObject; KEDA refuses a second autoscaler for it");
            }
        }
        for (std::size_t t = 0; t < so->triggers.size() && t < m.metrics.size(); ++t) {
            const std::string& queue = so->triggers[t].queueName;
            if (!queue.empty() &&
                std::find(queueNames.begin(), queueNames.end(), queue) == queueNames.end()) {
                sink.error(m.metrics[t], "unknown-reference", {"queue", queue},
                           "trigger of ScaledObject '" + so->name + "' watches queue '" + queue +
                               "', which simulation.queues does not list" +
                               didYouMean(queue, queueNames));
            }
        }
    }
}

} // namespace cnsim
