#include "control/autoscaling/hpareconcile.h"

namespace cnsim {

namespace {

// A label selector is not modelled; upstream prints a nil *LabelSelector as "<nil>".
std::string externalName(const std::string& metric) {
    return "external metric " + metric + "(<nil>)";
}

void invalid(HpaMetricResult& r, const std::string& reason, const std::string& innerError,
             const std::string& outerError) {
    r.valid = false;
    r.conditionReason = reason;
    r.error = outerError;
    r.eventMessage = innerError; // getUnableComputeReplicaCountCondition's event text
    r.explanation.add(
        ExplainCode::HpaMetricError,
        {xp("metric", r.metricName.empty() ? r.spec.name : r.metricName), xp("error", innerError)});
}

} // namespace

std::vector<HpaMetricSpec> HpaSpec::effectiveMetrics() const {
    if (metrics.empty()) {
        return {defaultHpaCpuMetric()};
    }
    return metrics;
}

HpaTolerances tolerancesForHpa(const HpaSpec& spec, const HpaControllerSettings& settings) {
    HpaTolerances t{settings.tolerance, settings.tolerance};
    if (!spec.behavior || !settings.configurableTolerance) {
        return t;
    }
    if (spec.behavior->scaleDown && spec.behavior->scaleDown->tolerance) {
        t.scaleDown = *spec.behavior->scaleDown->tolerance;
    }
    if (spec.behavior->scaleUp && spec.behavior->scaleUp->tolerance) {
        t.scaleUp = *spec.behavior->scaleUp->tolerance;
    }
    return t;
}

HpaMetricResult computeReplicasForMetric(const HpaMetricSpec& metric, const HpaMetricValues& values,
                                         std::int32_t specReplicas, std::int32_t statusReplicas,
                                         const std::vector<HpaPod>& pods,
                                         const HpaTolerances& tolerances,
                                         const HpaControllerSettings& settings, SimTime now) {
    HpaMetricResult r;
    r.spec = metric;
    const std::string& name = metric.name;

    auto take = [&](const HpaReplicaProposal& p) {
        r.valid = true;
        r.proposal = p.replicas;
        r.explanation.append(p.explanation);
    };

    switch (metric.type) {
    case HpaMetricSourceType::Resource:
    case HpaMetricSourceType::ContainerResource: {
        const bool container = metric.type == HpaMetricSourceType::ContainerResource;
        const std::string reason =
            container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
        const std::string outerPrefix =
            container ? "failed to get " + metric.container + " container metric value: "
                      : "failed to get " + name + " resource metric value: ";
        if (metric.targetType == HpaMetricTargetType::AverageValue) {
            r.metricName = name + " resource";
            if (values.fetchError) {
                const std::string inner = "failed to get " + name + " usage: unable to get " +
                                          "metrics for resource " + name + ": " +
                                          *values.fetchError;
                invalid(r, reason, inner, outerPrefix + inner);
                return r;
            }
            const HpaReplicaProposal p =
                getRawResourceReplicas(specReplicas, metric.averageValueMilli, name, tolerances,
                                       pods, values.podSamples, settings, now);
            if (!p.ok()) {
                const std::string inner = "failed to get " + name + " usage: " + p.message;
                r.explanation.append(p.explanation);
                invalid(r, reason, inner, outerPrefix + inner);
                return r;
            }
            take(p);
            r.currentAverageValue = p.usage;
            return r;
        }
        r.metricName = container ? name + " container resource utilization (percentage of request)"
                                 : name + " resource utilization (percentage of request)";
        if (values.fetchError) {
            const std::string inner = "failed to get " + name + " utilization: unable to get " +
                                      "metrics for resource " + name + ": " + *values.fetchError;
            invalid(r, reason, inner, outerPrefix + inner);
            return r;
        }
        const HpaReplicaProposal p = getResourceReplicas(
            specReplicas, metric.averageUtilization, name, tolerances, pods, values.podSamples,
            container ? metric.container : std::string(), settings, now);
        if (!p.ok()) {
            const std::string inner = "failed to get " + name + " utilization: " + p.message;
            r.explanation.append(p.explanation);
            invalid(r, reason, inner, outerPrefix + inner);
            return r;
        }
        take(p);
        r.currentAverageUtilization = p.utilization;
        r.currentAverageValue = p.usage;
        return r;
    }
    case HpaMetricSourceType::Pods: {
        r.metricName = "pods metric " + name;
        if (values.fetchError) {
            const std::string inner = "unable to get metric " + name + ": " + *values.fetchError;
            invalid(r, "FailedGetPodsMetric", inner, "failed to get pods metric value: " + inner);
            return r;
        }
        const HpaReplicaProposal p =
            getMetricReplicas(specReplicas, metric.averageValueMilli, name, tolerances, pods,
                              values.podSamples, settings, now);
        if (!p.ok()) {
            r.explanation.append(p.explanation);
            invalid(r, "FailedGetPodsMetric", p.message,
                    "failed to get pods metric value: " + p.message);
            return r;
        }
        take(p);
        r.currentAverageValue = p.usage;
        return r;
    }
    case HpaMetricSourceType::Object: {
        const bool average = metric.targetType == HpaMetricTargetType::AverageValue;
        r.metricName =
            average ? externalName(name) : metric.describedObjectKind + " metric " + name;
        if (values.fetchError) {
            const std::string inner = "unable to get metric " + name + ": " + *values.fetchError;
            invalid(r, "FailedGetObjectMetric", inner,
                    "failed to get object metric value: " + inner);
            return r;
        }
        if (average) {
            const HpaReplicaProposal p =
                getObjectPerPodMetricReplicas(statusReplicas, metric.averageValueMilli,
                                              values.objectValueMilli, name, tolerances);
            take(p);
            r.currentAverageValue = p.usage;
            return r;
        }
        const HpaReplicaProposal p = getObjectMetricReplicas(
            specReplicas, metric.valueMilli, values.objectValueMilli, name, tolerances, pods);
        if (!p.ok()) {
            r.explanation.append(p.explanation);
            invalid(r, "FailedGetObjectMetric", p.message,
                    "failed to get object metric value: " + p.message);
            return r;
        }
        take(p);
        r.currentValue = p.usage;
        return r;
    }
    case HpaMetricSourceType::External: {
        const bool average = metric.targetType == HpaMetricTargetType::AverageValue;
        r.metricName = externalName(name);
        if (values.fetchError) {
            const std::string inner =
                "unable to get external metric " + name + ": " + *values.fetchError;
            invalid(r, "FailedGetExternalMetric", inner,
                    "failed to get " + name + " external metric value: " + inner);
            return r;
        }
        if (average) {
            const HpaReplicaProposal p =
                getExternalPerPodMetricReplicas(statusReplicas, metric.averageValueMilli,
                                                values.externalValuesMilli, name, tolerances);
            take(p);
            r.currentAverageValue = p.usage;
            return r;
        }
        const HpaReplicaProposal p = getExternalMetricReplicas(
            specReplicas, metric.valueMilli, values.externalValuesMilli, name, tolerances, pods);
        if (!p.ok()) {
            r.explanation.append(p.explanation);
            invalid(r, "FailedGetExternalMetric", p.message,
                    "failed to get " + name + " external metric value: " + p.message);
            return r;
        }
        take(p);
        r.currentValue = p.usage;
        return r;
    }
    }
    return r;
}

HpaMetricsCombination combineMetricProposals(const std::vector<HpaMetricResult>& results,
                                             std::int32_t specReplicas) {
    HpaMetricsCombination c;
    std::int32_t replicas = 0;
    int invalidCount = 0;
    const HpaMetricResult* firstInvalid = nullptr;
    for (const HpaMetricResult& r : results) {
        if (!r.valid) {
            if (invalidCount <= 0) {
                firstInvalid = &r;
            }
            ++invalidCount;
            continue;
        }
        c.explanation.add(ExplainCode::HpaMetricProposal,
                          {xp("metric", r.metricName), xp("replicas", r.proposal)});
        if (replicas == 0 || r.proposal > replicas) {
            replicas = r.proposal;
            c.metric = r.metricName;
        }
    }
    const int total = static_cast<int>(results.size());
    if (firstInvalid != nullptr) {
        c.error = "invalid metrics (" + std::to_string(invalidCount) + " invalid out of " +
                  std::to_string(total) + "), first error is: " + firstInvalid->error;
    }
    // All invalid, or some invalid and the valid ones would scale down: do nothing, so that a
    // broken metric can never cause a scale-down.
    if (invalidCount >= total || (invalidCount > 0 && replicas < specReplicas)) {
        c.replicas = -1;
        c.scalingActive =
            hpaCondition(HpaConditionType::ScalingActive, false, firstInvalid->conditionReason,
                      "the HPA was unable to compute the replica count: " + firstInvalid->error);
        if (invalidCount < total) {
            c.explanation.add(ExplainCode::HpaInvalidMetricsHold,
                              {xp("invalid", invalidCount), xp("total", total),
                               xp("proposal", replicas), xp("current", specReplicas)});
        }
        return c;
    }
    if (invalidCount > 0) {
        c.explanation.add(
            ExplainCode::HpaInvalidMetricsIgnored,
            {xp("invalid", invalidCount), xp("total", total), xp("proposal", replicas)});
    }
    c.explanation.add(ExplainCode::HpaLargestProposal,
                      {xp("metric", c.metric), xp("replicas", replicas)});
    c.replicas = replicas;
    c.scalingActive =
        hpaCondition(HpaConditionType::ScalingActive, true, "ValidMetricFound",
                  "the HPA was able to successfully calculate a replica count from " + c.metric);
    return c;
}

HpaDecision reconcileHpa(const HpaReconcileInput& in, HpaHistory& history) {
    HpaDecision d;
    const std::int32_t currentReplicas = in.specReplicas;
    const std::int32_t minReplicas = in.spec.effectiveMinReplicas();
    const std::int32_t maxReplicas = in.spec.maxReplicas;
    d.currentReplicas = currentReplicas;
    d.conditions.push_back(hpaCondition(HpaConditionType::AbleToScale, true, "SucceededGetScale",
                                     "the HPA controller was able to get the target's current "
                                     "scale"));
    recordInitialRecommendation(history, currentReplicas, in.now);

    std::int32_t desiredReplicas = 0;
    bool rescale = true;
    if (currentReplicas == 0 && minReplicas != 0) {
        desiredReplicas = 0;
        rescale = false;
        d.conditions.push_back(hpaCondition(HpaConditionType::ScalingActive, false, "ScalingDisabled",
                                         "scaling is disabled since the replica count of the "
                                         "target is zero"));
        d.explanation.add(ExplainCode::HpaScalingDisabled, {xp("current", currentReplicas)});
    } else if (currentReplicas > maxReplicas) {
        d.rescaleReason = "Current number of replicas above Spec.MaxReplicas";
        desiredReplicas = maxReplicas;
        d.explanation.add(ExplainCode::HpaAboveMaxReplicas,
                          {xp("current", currentReplicas), xp("max", maxReplicas)});
    } else if (currentReplicas < minReplicas) {
        d.rescaleReason = "Current number of replicas below Spec.MinReplicas";
        desiredReplicas = minReplicas;
        d.explanation.add(ExplainCode::HpaBelowMinReplicas,
                          {xp("current", currentReplicas), xp("min", minReplicas)});
    } else {
        const std::vector<HpaMetricSpec> specs = in.spec.effectiveMetrics();
        const HpaTolerances tolerances = tolerancesForHpa(in.spec, in.settings);
        for (std::size_t i = 0; i < specs.size(); ++i) {
            const HpaMetricValues none{std::string("no metric values were supplied"), {}, 0, {}};
            const HpaMetricValues& values = i < in.metricValues.size() ? in.metricValues[i] : none;
            HpaMetricResult r =
                computeReplicasForMetric(specs[i], values, currentReplicas, in.statusReplicas,
                                         in.pods, tolerances, in.settings, in.now);
            if (!r.valid) {
                d.events.push_back(HpaEvent{true, r.conditionReason, r.eventMessage});
            }
            d.explanation.append(r.explanation);
            d.metrics.push_back(std::move(r));
        }
        const HpaMetricsCombination c = combineMetricProposals(d.metrics, currentReplicas);
        d.explanation.append(c.explanation);
        d.conditions.push_back(c.scalingActive);
        d.metricsProposal = c.replicas;
        d.proposingMetric = c.metric;
        if (c.replicas == -1) {
            d.metricsFailed = true;
            d.desiredReplicas = currentReplicas;
            d.error =
                "failed to compute desired number of replicas based on listed metrics: " + c.error;
            d.events.push_back(HpaEvent{true, "FailedComputeMetricsReplicas", c.error});
            return d;
        }
        if (!c.error.empty()) {
            d.error = c.error; // scale on the valid metrics, report the invalid ones
        }
        std::string rescaleMetric;
        if (c.replicas > desiredReplicas) {
            desiredReplicas = c.replicas;
            rescaleMetric = c.metric;
        }
        if (desiredReplicas > currentReplicas) {
            d.rescaleReason = rescaleMetric + " above target";
        }
        if (desiredReplicas < currentReplicas) {
            d.rescaleReason = "All metrics below target";
        }
        HpaNormalization n =
            in.spec.behavior
                ? normalizeDesiredReplicasWithBehaviors(
                      history, *in.spec.behavior, currentReplicas, desiredReplicas, minReplicas,
                      maxReplicas, in.settings.downscaleStabilizationWindow, in.now)
                : normalizeDesiredReplicas(history, currentReplicas, desiredReplicas, minReplicas,
                                           maxReplicas, in.settings.downscaleStabilizationWindow,
                                           in.now);
        d.conditions.push_back(n.ableToScale);
        d.conditions.push_back(n.scalingLimited);
        d.explanation.append(n.explanation);
        desiredReplicas = n.replicas;
        rescale = desiredReplicas != currentReplicas;
    }

    if (rescale) {
        d.rescale = true;
        d.desiredReplicas = desiredReplicas;
        d.conditions.push_back(hpaCondition(HpaConditionType::AbleToScale, true, "SucceededRescale",
                                         "the HPA controller was able to update the target scale "
                                         "to " +
                                             std::to_string(desiredReplicas)));
        d.events.push_back(HpaEvent{false, "SuccessfulRescale",
                                    "New size: " + std::to_string(desiredReplicas) +
                                        "; reason: " + d.rescaleReason});
        storeScaleEvent(history, in.spec.behavior ? &*in.spec.behavior : nullptr, currentReplicas,
                        desiredReplicas, in.now);
        d.explanation.add(ExplainCode::HpaRescale,
                          {xp("from", currentReplicas), xp("to", desiredReplicas)});
    } else {
        d.desiredReplicas = currentReplicas;
        d.explanation.add(ExplainCode::HpaNoChange, {xp("replicas", currentReplicas)});
    }
    return d;
}

} // namespace cnsim
