#include "model/hpacontroller.h"

#include "model/podlabelindex.h"

#include "control/kubernetesdefaults.h"
#include "model/eventpriority.h"
#include "model/kedaoperator.h"
#include "model/metricsserver.h"
#include "model/simulationmodel.h"

#include <bit>
#include <cmath>

namespace cnsim {

namespace {

HpaPodPhase hpaPhase(PodPhaseK8s phase) {
    switch (phase) {
    case PodPhaseK8s::Pending:
        return HpaPodPhase::Pending;
    case PodPhaseK8s::Running:
        return HpaPodPhase::Running;
    case PodPhaseK8s::Succeeded:
        return HpaPodPhase::Succeeded;
    case PodPhaseK8s::Failed:
        return HpaPodPhase::Failed;
    case PodPhaseK8s::Unknown:
        return HpaPodPhase::Unknown;
    }
    return HpaPodPhase::Unknown;
}

HpaPod hpaPod(const PodObject& pod) {
    HpaPod p;
    p.name = pod.meta.name;
    p.phase = hpaPhase(pod.phase);
    p.deleting = pod.meta.deletionTimestamp.has_value();
    p.startTime = pod.startTime;
    if (const Condition* ready = findCondition(pod.conditions, "Ready")) {
        p.readyCondition = ready->status == ConditionStatus::True;
        p.readyLastTransition = ready->lastTransitionTime;
    }
    for (const ContainerSpec& c : pod.spec.containers) {
        HpaContainer container;
        container.name = c.name;
        if (c.requests.cpu) {
            container.requestsMilli["cpu"] = c.requests.cpu->value;
        }
        if (c.requests.memory) {
            container.requestsMilli["memory"] = c.requests.memory->value * 1000;
        }
        p.containers.push_back(std::move(container));
    }
    return p;
}

EventReason eventReason(const std::string& reason) {
    static const std::map<std::string, EventReason> reasons{
        {"SuccessfulRescale", EventReason::SuccessfulRescale},
        {"FailedGetScale", EventReason::FailedGetScale},
        {"FailedGetResourceMetric", EventReason::FailedGetResourceMetric},
        {"FailedGetContainerResourceMetric", EventReason::FailedGetContainerResourceMetric},
        {"FailedGetPodsMetric", EventReason::FailedGetPodsMetric},
        {"FailedGetObjectMetric", EventReason::FailedGetObjectMetric},
        {"FailedGetExternalMetric", EventReason::FailedGetExternalMetric},
        {"FailedComputeMetricsReplicas", EventReason::FailedComputeMetricsReplicas}};
    const auto it = reasons.find(reason);
    return it == reasons.end() ? EventReason::FailedComputeMetricsReplicas : it->second;
}

// The metrics APIs as the HPA's metrics client sees them, served from the last scrape.
class MetricsClient {
public:
    // `podMetrics`: the scrape's entries of the pods the target's selector matches, in key order.
    MetricsClient(const SimulationModel& model, const std::string& nameSpace,
                  const std::vector<const MetricsServer::PodMetrics*>& podMetrics)
        : m_model(model), m_server(model.metricsServer()), m_nameSpace(nameSpace),
          m_podMetrics(podMetrics) {}

    // Into `values` as a fresh HpaMetricValues would hold them; its pod samples keep their
    // storage (HpaController keeps the values from sync to sync).
    void fetch(const HpaMetricSource& source, HpaMetricValues& values) const {
        const HpaMetricSpec& m = source.metric;
        values.fetchError.reset();
        values.objectValueMilli = 0;
        values.externalValuesMilli.clear();
        if (m.type == HpaMetricSourceType::Object || m.type == HpaMetricSourceType::External) {
            values.podSamples.clear();
        }
        switch (m.type) {
        case HpaMetricSourceType::Resource:
        case HpaMetricSourceType::ContainerResource:
            resource(m, values);
            break;
        case HpaMetricSourceType::Pods:
            pods(m, values);
            break;
        case HpaMetricSourceType::Object:
            object(source, values);
            break;
        case HpaMetricSourceType::External:
            external(source, values);
            break;
        }
    }

private:
    // The pods of the scrape that the selector matches in the HPA's namespace, in key order.
    template <class Fn>
    void forEachPod(Fn fn) const {
        for (const MetricsServer::PodMetrics* metrics : m_podMetrics) {
            fn(*metrics);
        }
    }

    void resource(const HpaMetricSpec& m, HpaMetricValues& values) const {
        const bool memory = m.name == "memory";
        const bool container = m.type == HpaMetricSourceType::ContainerResource;
        if (m.name != "cpu" && !memory) {
            values.podSamples.clear();
            values.fetchError = "no metrics returned from resource metrics API";
            return;
        }
        // Pods come in key order, so in name order.
        values.podSamples.refill([&](const auto& append) {
            forEachPod([&](const MetricsServer::PodMetrics& pod) {
                std::int64_t milli = 0;
                bool found = !container;
                for (const MetricsServer::ContainerUsage& c : pod.containers) {
                    if (container && c.name != m.container) {
                        continue;
                    }
                    found = true;
                    milli += memory ? c.memory.value * 1000 : c.cpuMilli;
                }
                if (!found) {
                    values.fetchError = "failed to get container metrics: container " +
                                        m.container + " not present in metrics for pod " +
                                        pod.nameSpace + "/" + pod.name;
                    return;
                }
                append(pod.name, HpaPodSample{milli, pod.timestamp, pod.window});
            });
        });
        if (values.fetchError) {
            values.podSamples.clear();
        } else if (values.podSamples.empty()) {
            values.fetchError = "no metrics returned from resource metrics API";
        }
    }

    void pods(const HpaMetricSpec& m, HpaMetricValues& values) const {
        if (m.name != "requests_in_flight") {
            values.podSamples.clear();
            values.fetchError = "unable to fetch metrics from custom metrics API: the server "
                                "could not find the metric " +
                                m.name + " for pods";
            return;
        }
        values.podSamples.refill([&](const auto& append) {
            forEachPod([&](const MetricsServer::PodMetrics& pod) {
                append(pod.name, HpaPodSample{pod.requestsInFlight * 1000,
                                              m_server.lastScrape().value_or(SimTime{}),
                                              k8s::kMetricsServerResolution});
            });
        });
        if (values.podSamples.empty()) {
            values.fetchError = "unable to fetch metrics from custom metrics API: no metrics "
                                "returned from custom metrics API";
        }
    }

    static std::optional<std::int64_t> serviceValue(const MetricsServer::ServiceMetrics& s,
                                                    const std::string& metric) {
        if (metric == "requests_per_second") {
            return static_cast<std::int64_t>(std::llround(s.requestsPerSecond * 1000.0));
        }
        if (metric == "requests_in_flight") {
            return s.requestsInFlight * 1000;
        }
        if (metric == "queue_length") {
            return s.queueLength * 1000;
        }
        return std::nullopt;
    }

    void object(const HpaMetricSource& source, HpaMetricValues& values) const {
        const HpaMetricSpec& m = source.metric;
        const auto service = m_server.services().find(source.describedObjectName);
        const bool known = m.name == "requests_per_second" || m.name == "requests_in_flight";
        if (m.describedObjectKind != "Service" || !known || service == m_server.services().end()) {
            values.fetchError = "unable to fetch metrics from custom metrics API: the server "
                                "could not find the metric " +
                                m.name + " for " + m.describedObjectKind + " " +
                                source.describedObjectName;
            return;
        }
        values.objectValueMilli = *serviceValue(service->second, m.name);
    }

    void external(const HpaMetricSource& source, HpaMetricValues& values) const {
        const HpaMetricSpec& m = source.metric;
        // The HPA of a KEDA ScaledObject: KEDA's metrics server answers, asking the scaler.
        if (const auto so = source.selector.find(KedaOperator::kScaledObjectLabel);
            so != source.selector.end()) {
            if (const auto v =
                    m_model.kedaOperator().externalMetricMilli(m_nameSpace, so->second, m.name)) {
                values.externalValuesMilli.push_back(*v);
            } else {
                values.fetchError = "unable to get external metric " + m_nameSpace + "/" + m.name +
                                    "/&LabelSelector{MatchLabels:map[string]string{" + so->first +
                                    ": " + so->second +
                                    ",},}: no metrics returned from external metrics API";
            }
            return;
        }
        for (const auto& [name, metrics] : m_server.services()) {
            LabelMap labels{{"service", name}};
            if (!matchesLabels(source.selector, labels)) {
                continue;
            }
            if (const std::optional<std::int64_t> v =
                    m.name == "requests_in_flight" ? std::nullopt : serviceValue(metrics, m.name)) {
                values.externalValuesMilli.push_back(*v);
            }
        }
        if (values.externalValuesMilli.empty()) {
            values.fetchError = "unable to fetch metrics from external metrics API: no metrics "
                                "returned from external metrics API";
        }
    }

    const SimulationModel& m_model;
    const MetricsServer& m_server;
    const std::string& m_nameSpace;
    const std::vector<const MetricsServer::PodMetrics*>& m_podMetrics;
};

std::vector<HpaMetricSource> effectiveSources(const HorizontalPodAutoscalerSpec& spec) {
    if (spec.metrics.empty()) {
        return {HpaMetricSource{defaultHpaCpuMetric(), {}, {}, {}}};
    }
    return spec.metrics;
}

} // namespace

HpaController::HpaController(SimulationModel& model) : m_model(model) {
    model.api().watch(ResourceKind::HorizontalPodAutoscaler,
                      [this](WatchEventType type, const ObjectMeta& meta) {
                          const std::string key = meta.nameSpace + "/" + meta.name;
                          if (type == WatchEventType::Added) {
                              added(meta.nameSpace, meta.name);
                          } else if (type == WatchEventType::Deleted) {
                              if (const auto it = m_hpas.find(key); it != m_hpas.end()) {
                                  m_model.engine().cancel(it->second.timer);
                                  m_hpas.erase(it);
                              }
                          }
                      });
}

HpaController::~HpaController() = default;

const HpaDecisionHistory* HpaController::decisions(const std::string& key) const {
    const auto it = m_decisions.find(key);
    return it == m_decisions.end() ? nullptr : &it->second;
}

void HpaController::added(const std::string& nameSpace, const std::string& name) {
    m_model.metricsServer().start();
    if (!m_podsByLabel) {
        m_podsByLabel = std::make_unique<PodLabelIndex>(m_model.api());
    }
    const std::string key = nameSpace + "/" + name;
    PerHpa& state = m_hpas[key];
    // A new HPA is queued at once, then resynced every sync period.
    state.timer = m_model.engine().schedule(
        SimTime::zero(), [this, key] { sync(key); }, priority::kController);
}

void HpaController::sync(const std::string& key) {
    const auto it = m_hpas.find(key);
    if (it == m_hpas.end()) {
        return;
    }
    PerHpa& state = it->second;
    if (m_model.now() + k8s::kHpaSyncPeriod <= m_model.endTime()) {
        state.timer = m_model.engine().schedule(
            k8s::kHpaSyncPeriod, [this, key] { sync(key); }, priority::kController);
    }
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return;
    }
    const std::string nameSpace = key.substr(0, key.find('/'));
    HorizontalPodAutoscalerObject* hpa =
        m_model.api().horizontalPodAutoscalers().find(nameSpace, key.substr(key.find('/') + 1));
    if (hpa != nullptr) {
        reconcile(*hpa, state);
    }
}

void HpaController::reconcile(HorizontalPodAutoscalerObject& hpa, PerHpa& state) {
    ApiServer& api = m_model.api();
    const SimTime now = m_model.now();
    const std::string key = hpa.meta.nameSpace + "/" + hpa.meta.name;
    const auto record = [&](const std::string& reason, const std::string& message,
                            std::vector<std::pair<std::string, std::string>> extra = {}) {
        std::vector<std::pair<std::string, std::string>> args{{"hpa", hpa.meta.name}};
        args.insert(args.end(), extra.begin(), extra.end());
        args.emplace_back("message", message);
        m_model.record(Component::HorizontalPodAutoscaler, eventReason(reason),
                       ObjectKind::HorizontalPodAutoscaler, hpa.meta.name, std::move(args));
    };
    hpa.observedGeneration = hpa.meta.generation;
    DeploymentObject* target =
        api.deployments().find(hpa.meta.nameSpace, hpa.spec.scaleTargetRef.name);
    if (target == nullptr) {
        // horizontal.go: the scale subresource cannot be read; nothing else happens.
        const std::string error =
            "deployments/scale.apps \"" + hpa.spec.scaleTargetRef.name + "\" not found";
        record("FailedGetScale", error);
        HpaCondition c{HpaConditionType::AbleToScale, false, "FailedGetScale",
                       "the HPA controller was unable to get the target's current scale: " + error,
                       now};
        setHpaCondition(hpa.conditions, c, now);
        api.updated(ResourceKind::HorizontalPodAutoscaler, hpa.meta);
        return;
    }

    HpaReconcileInput input;
    input.spec.minReplicas = hpa.spec.minReplicas;
    input.spec.maxReplicas = hpa.spec.maxReplicas;
    const std::vector<HpaMetricSource> sources = effectiveSources(hpa.spec);
    for (const HpaMetricSource& s : hpa.spec.metrics) {
        input.spec.metrics.push_back(s.metric);
    }
    input.spec.behavior = hpa.spec.behavior;
    input.specReplicas = target->spec.replicas;
    input.statusReplicas = target->statusReplicas;
    input.now = now;
    // One walk over the pods serves the replica calculator and every metric source.
    if (api.changes(ResourceKind::Pod) != state.podsSeen ||
        state.podsSelector != target->spec.selector) {
        state.podsSeen = api.changes(ResourceKind::Pod);
        state.podsSelector = target->spec.selector;
        state.pods.clear();
        state.podKeys.clear();
        state.podMetricsSeen = ~std::uint64_t{0};
        for (const auto& [podKey, pod] :
             m_podsByLabel->select(hpa.meta.nameSpace, target->spec.selector)) {
            state.pods.push_back(hpaPod(*pod));
            state.podKeys.push_back(podKey);
        }
    }
    input.pods = std::move(state.pods); // lent to the calculation, taken back below
    findPodMetrics(state);
    const MetricsClient client(m_model, hpa.meta.nameSpace, state.podMetrics);
    state.metricValues.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        client.fetch(sources[i], state.metricValues[i]);
    }
    input.metricValues = std::move(state.metricValues); // lent, like the pods

    HpaDecision decision = reconcileHpa(input, state.history);
    state.pods = std::move(input.pods);
    state.metricValues = std::move(input.metricValues);

    for (const HpaEvent& event : decision.events) {
        if (event.reason == "SuccessfulRescale") {
            record(event.reason, event.message,
                   {{"replicas", std::to_string(decision.desiredReplicas)},
                    {"reason", decision.rescaleReason}});
        } else {
            record(event.reason, event.message);
        }
    }
    if (decision.rescale) {
        // The scale subresource: spec.replicas of the Deployment; its controller does the rest.
        target->spec.replicas = decision.desiredReplicas;
        api.updated(ResourceKind::Deployment, target->meta);
        hpa.lastScaleTime = now;
    }
    for (const HpaCondition& c : decision.conditions) {
        setHpaCondition(hpa.conditions, c, now);
    }
    // setStatus: currentReplicas always; desiredReplicas unless the metrics failed.
    hpa.currentReplicas = decision.currentReplicas;
    if (!decision.metricsFailed) {
        hpa.desiredReplicas = decision.desiredReplicas;
    }
    hpa.currentMetrics.clear();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        HpaMetricStatus status;
        status.source = sources[i];
        if (i < decision.metrics.size() && decision.metrics[i].valid) {
            const HpaMetricResult& r = decision.metrics[i];
            status.averageUtilization = r.currentAverageUtilization;
            status.averageValueMilli = r.currentAverageValue;
            status.valueMilli = r.currentValue;
        }
        hpa.currentMetrics.push_back(std::move(status));
    }
    api.updated(ResourceKind::HorizontalPodAutoscaler, hpa.meta);
    recordSeries(hpa, state);

    HpaDecisionHistory& history = m_decisions[key];
    history.records.push_back(HpaDecisionRecord{now, std::move(decision)});
    while (history.records.size() > HpaDecisionHistory::kLimit) {
        history.records.pop_front();
    }
}

void HpaController::findPodMetrics(PerHpa& state) const {
    const MetricsServer& server = m_model.metricsServer();
    if (state.podMetricsSeen == server.podEntriesVersion()) {
        return;
    }
    state.podMetricsSeen = server.podEntriesVersion();
    state.podMetrics.clear();
    for (const std::string* key : state.podKeys) {
        if (const auto metrics = server.pods().find(*key); metrics != server.pods().end()) {
            state.podMetrics.push_back(&metrics->second);
        }
    }
}

void HpaController::recordSeries(const HorizontalPodAutoscalerObject& hpa, PerHpa& state) {
    MetricsStore& store = m_model.metrics();
    const std::string prefix = "hpa/" + hpa.meta.name + "/";
    const auto put = [&](const std::string& name, const char* unit, double value) {
        auto it = state.series.find(name);
        if (it == state.series.end()) {
            it = state.series.emplace(name, store.indexOf(prefix + name, unit)).first;
        }
        store.append(it->second, m_model.now(), value);
        m_model.engine().fingerprint().addU64(std::bit_cast<std::uint64_t>(value));
    };
    put("current_replicas", "pods", hpa.currentReplicas);
    put("desired_replicas", "pods", hpa.desiredReplicas);
    for (const HpaMetricStatus& m : hpa.currentMetrics) {
        const HpaMetricSpec& spec = m.source.metric;
        std::string name = spec.name;
        if (spec.type == HpaMetricSourceType::ContainerResource) {
            name = spec.container + "_" + spec.name;
        } else if (spec.type == HpaMetricSourceType::Object) {
            name = m.source.describedObjectName + "_" + spec.name;
        }
        // A metric that could not be read has no current sample at that sync.
        if (spec.targetType == HpaMetricTargetType::Utilization) {
            if (m.averageUtilization) {
                put(name + "_utilization_current", "percent", *m.averageUtilization);
            }
            put(name + "_utilization_target", "percent", spec.averageUtilization);
            continue;
        }
        const bool average = spec.targetType == HpaMetricTargetType::AverageValue;
        const std::optional<std::int64_t> current = average ? m.averageValueMilli : m.valueMilli;
        const std::int64_t target = average ? spec.averageValueMilli : spec.valueMilli;
        const std::string suffix = average ? "_average" : "_value";
        // Milli-values back to the metric's own unit (cores, bytes, requests per second, …).
        if (current) {
            put(name + suffix + "_current", "value", static_cast<double>(*current) / 1000.0);
        }
        put(name + suffix + "_target", "value", static_cast<double>(target) / 1000.0);
    }
}

} // namespace cnsim
