#include "control/autoscaling/replicacalculator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cnsim {

namespace {

__extension__ typedef __int128 Int128; // upstream sums in math/big where int64 could overflow

constexpr std::int32_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();

// int32(math.Ceil(x)), capped as upstream caps its overflow cases.
std::int32_t ceilToInt32(double x) {
    const double c = std::ceil(x);
    if (c >= static_cast<double>(kMaxInt32)) {
        return kMaxInt32;
    }
    if (c <= 0) {
        return 0;
    }
    return static_cast<std::int32_t>(c);
}

std::int64_t clampInt64(Int128 v) {
    if (v > kMaxInt64) {
        return kMaxInt64;
    }
    if (v < std::numeric_limits<std::int64_t>::min()) {
        return std::numeric_limits<std::int64_t>::min();
    }
    return static_cast<std::int64_t>(v);
}

HpaReplicaProposal fail(HpaCalcError e, std::string message) {
    HpaReplicaProposal p;
    p.error = e;
    p.message = std::move(message);
    return p;
}

// A failure after the pods were grouped keeps what was worked out so far for the UI.
HpaReplicaProposal fail(HpaReplicaProposal p, HpaCalcError e, std::string message) {
    p.error = e;
    p.message = std::move(message);
    p.replicas = 0;
    return p;
}

const char* noPodsMessage() {
    return "no pods returned by selector while calculating replica count";
}

void explainGroups(Explanation& x, const HpaPodGroups& g) {
    x.add(ExplainCode::HpaPodsGrouped,
          {xp("ready", g.readyPodCount), xp("unready", static_cast<int>(g.unready.size())),
           xp("missing", static_cast<int>(g.missing.size())),
           xp("ignored", static_cast<int>(g.ignored.size()))});
}

void explainTolerance(Explanation& x, double ratio, const HpaTolerances& t, std::int32_t replicas) {
    x.add(ExplainCode::HpaWithinTolerance, {xp("ratio", ratio), xp("low", 1.0 - t.scaleDown),
                                            xp("high", 1.0 + t.scaleUp), xp("replicas", replicas)});
}

void explainKeep(Explanation& x, double ratio, double newRatio, std::int32_t replicas) {
    x.add(ExplainCode::HpaRebalanceKeeps,
          {xp("ratio", ratio), xp("newRatio", newRatio), xp("replicas", replicas)});
}

// getReadyPodsCount: pods Running with Ready=True.
std::int64_t readyPodsCount(const std::vector<HpaPod>& pods) {
    return std::count_if(pods.begin(), pods.end(),
                         [](const HpaPod& p) { return p.runningAndReady(); });
}

// getUsageRatioReplicaCount.
HpaReplicaProposal usageRatioReplicaCount(std::int32_t currentReplicas, double usageRatio,
                                          const HpaTolerances& tolerances,
                                          const std::vector<HpaPod>& pods) {
    HpaReplicaProposal p;
    if (currentReplicas != 0) {
        if (tolerances.isWithin(usageRatio)) {
            p.replicas = currentReplicas;
            explainTolerance(p.explanation, usageRatio, tolerances, currentReplicas);
            return p;
        }
        if (pods.empty()) {
            return fail(HpaCalcError::NoPods,
                        std::string("unable to calculate ready pods: ") + noPodsMessage());
        }
        const std::int64_t ready = readyPodsCount(pods);
        const double count = usageRatio * static_cast<double>(ready);
        p.replicas = count > static_cast<double>(kMaxInt32) ? kMaxInt32 : ceilToInt32(count);
        p.explanation.add(
            ExplainCode::HpaProposalFromReady,
            {xp("ratio", usageRatio), xp("readyPods", ready), xp("desired", p.replicas)});
        return p;
    }
    p.replicas = ceilToInt32(usageRatio);
    p.explanation.add(ExplainCode::HpaProposalFromZero,
                      {xp("ratio", usageRatio), xp("desired", p.replicas)});
    return p;
}

// The shared tail of the resource and plain-metric paths once the first ratio is known:
// rebalance missing and unready pods and refuse to change direction.
template <typename RatioFn>
void rebalance(HpaReplicaProposal& p, std::int32_t currentReplicas, double usageRatio,
               HpaPodMetrics& metrics, const HpaTolerances& tolerances, bool scaleUpWithUnready,
               const HpaPodRequests& missingDownValue, const std::string& missingDownLabel,
               RatioFn ratioOf) {
    if (!p.groups.missing.empty()) {
        if (usageRatio < 1.0) {
            for (const std::string& pod : p.groups.missing) {
                metrics[pod] = HpaPodSample{missingDownValue.at(pod), {}, {}};
            }
            p.explanation.add(ExplainCode::HpaMissingAssumed,
                              {xp("pods", static_cast<int>(p.groups.missing.size())),
                               xp("assumed", missingDownLabel), xp("direction", "down")});
        } else if (usageRatio > 1.0) {
            for (const std::string& pod : p.groups.missing) {
                metrics[pod] = HpaPodSample{0, {}, {}};
            }
            p.explanation.add(ExplainCode::HpaMissingAssumed,
                              {xp("pods", static_cast<int>(p.groups.missing.size())),
                               xp("assumed", "0"), xp("direction", "up")});
        }
    }
    if (scaleUpWithUnready) {
        for (const std::string& pod : p.groups.unready) {
            metrics[pod] = HpaPodSample{0, {}, {}};
        }
        p.explanation.add(ExplainCode::HpaUnreadyAssumedZero,
                          {xp("pods", static_cast<int>(p.groups.unready.size()))});
    }

    const std::optional<double> newRatioOpt = ratioOf(metrics);
    if (!newRatioOpt) {
        p.error = HpaCalcError::NoMetricsMatchKnownPods;
        p.message = "no metrics returned matched known pods";
        return;
    }
    const double newUsageRatio = *newRatioOpt;
    p.explanation.add(ExplainCode::HpaRebalancedRatio,
                      {xp("ratio", usageRatio), xp("newRatio", newUsageRatio)});

    if (tolerances.isWithin(newUsageRatio) || (usageRatio < 1.0 && newUsageRatio > 1.0) ||
        (usageRatio > 1.0 && newUsageRatio < 1.0)) {
        p.replicas = currentReplicas;
        explainKeep(p.explanation, usageRatio, newUsageRatio, currentReplicas);
        return;
    }
    const std::int32_t newReplicas =
        ceilToInt32(newUsageRatio * static_cast<double>(metrics.size()));
    p.explanation.add(ExplainCode::HpaProposalRebalanced,
                      {xp("newRatio", newUsageRatio),
                       xp("samples", static_cast<std::int64_t>(metrics.size())),
                       xp("desired", newReplicas)});
    if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) ||
        (newUsageRatio > 1.0 && newReplicas < currentReplicas)) {
        p.replicas = currentReplicas;
        p.explanation.add(ExplainCode::HpaRebalanceDirection,
                          {xp("newRatio", newUsageRatio), xp("proposal", newReplicas),
                           xp("replicas", currentReplicas)});
        return;
    }
    p.replicas = newReplicas;
}

// The start both calculations share: groupPods, then the samples of the pods that count
// (neither ignored nor unready). Fails with no pods or no such samples.
struct GroupedSamples {
    HpaReplicaProposal proposal; // the groups and their explanation, or the failure
    HpaPodMetrics ready;         // names are those of `samples`
};

GroupedSamples groupReadySamples(const std::vector<HpaPod>& pods, const HpaPodSamples& samples,
                                 const std::string& resource,
                                 const HpaControllerSettings& settings, SimTime now) {
    GroupedSamples g;
    if (pods.empty()) {
        g.proposal = fail(HpaCalcError::NoPods, noPodsMessage());
        return g;
    }
    HpaReplicaProposal& p = g.proposal;
    p.groups = groupPods(pods, samples, resource, settings.cpuInitializationPeriod,
                         settings.delayOfInitialReadinessStatus, now);
    // The samples without those of ignored and unready pods.
    g.ready.reserve(samples.size());
    const bool anyLeftOut = !p.groups.ignored.empty() || !p.groups.unready.empty();
    for (const auto& [pod, sample] : samples) {
        if (anyLeftOut && (p.groups.ignored.count(pod) != 0 || p.groups.unready.count(pod) != 0)) {
            continue;
        }
        g.ready.insert_or_assign(pod, sample);
    }
    explainGroups(p.explanation, p.groups);
    if (g.ready.empty()) {
        p = fail(std::move(p), HpaCalcError::NoMetricsForPods,
                 "did not receive metrics for targeted pods (pods might be unready)");
    }
    return g;
}

// calcPlainMetricReplicas (Pods metrics and AverageValue resource targets).
HpaReplicaProposal calcPlainMetricReplicas(
    const HpaPodSamples& samples, std::int32_t currentReplicas, std::int64_t targetUsage,
    const HpaTolerances& tolerances, const std::vector<HpaPod>& pods, const std::string& resource,
    const std::string& metricLabel, const HpaControllerSettings& settings, SimTime now) {
    GroupedSamples grouped = groupReadySamples(pods, samples, resource, settings, now);
    if (!grouped.proposal.ok()) {
        return grouped.proposal;
    }
    HpaReplicaProposal p = std::move(grouped.proposal);
    HpaPodMetrics& metrics = grouped.ready;

    const HpaUsageRatio first = metricUsageRatio(metrics, targetUsage);
    p.usage = first.average;
    p.explanation.add(ExplainCode::HpaAverageValue,
                      {xp("metric", metricLabel), xp("total", first.total),
                       xp("samples", static_cast<std::int64_t>(metrics.size())),
                       xp("average", first.average), xp("target", targetUsage),
                       xp("ratio", first.ratio)});
    const double usageRatio = first.ratio;
    const bool scaleUpWithUnready = !p.groups.unready.empty() && usageRatio > 1.0;
    if (!scaleUpWithUnready && p.groups.missing.empty()) {
        if (tolerances.isWithin(usageRatio)) {
            p.replicas = currentReplicas;
            explainTolerance(p.explanation, usageRatio, tolerances, currentReplicas);
            return p;
        }
        p.replicas = ceilToInt32(usageRatio * static_cast<double>(p.groups.readyPodCount));
        p.explanation.add(ExplainCode::HpaProposalFromReady,
                          {xp("ratio", usageRatio), xp("readyPods", p.groups.readyPodCount),
                           xp("desired", p.replicas)});
        return p;
    }
    // On a scale-down a missing pod is assumed to be exactly at target.
    HpaPodRequests missingDown;
    for (const std::string& pod : p.groups.missing) {
        missingDown.insert_or_assign(pod, targetUsage);
    }
    rebalance(p, currentReplicas, usageRatio, metrics, tolerances, scaleUpWithUnready, missingDown,
              std::to_string(targetUsage) + "m (the target)",
              [&](const HpaPodMetrics& m) -> std::optional<double> {
                  return metricUsageRatio(m, targetUsage).ratio;
              });
    return p;
}

} // namespace

HpaMetricSpec defaultHpaCpuMetric() {
    HpaMetricSpec m;
    m.type = HpaMetricSourceType::Resource;
    m.name = "cpu";
    m.targetType = HpaMetricTargetType::Utilization;
    m.averageUtilization = k8s::kHpaDefaultCpuUtilization;
    return m;
}

HpaPodGroups groupPods(const std::vector<HpaPod>& pods, const HpaPodSamples& samples,
                       const std::string& resource, SimTime cpuInitializationPeriod,
                       SimTime delayOfInitialReadinessStatus, SimTime now) {
    HpaPodGroups g;
    auto next = samples.begin(); // pods usually come in name order, as the samples do
    for (const HpaPod& pod : pods) {
        if (pod.deleting || pod.phase == HpaPodPhase::Failed) {
            g.ignored.insert(pod.name);
            continue;
        }
        if (pod.phase == HpaPodPhase::Pending) {
            g.unready.insert(pod.name);
            continue;
        }
        const auto sample = samples.find(pod.name, next);
        if (sample == samples.end()) {
            g.missing.insert(pod.name);
            continue;
        }
        next = sample + 1;
        if (resource == "cpu") {
            bool unready = false;
            if (!pod.readyCondition.has_value() || !pod.startTime.has_value()) {
                unready = true;
            } else if (*pod.startTime + cpuInitializationPeriod > now) {
                // Still initializing: distrust an unready pod, and a sample that does not yet
                // cover a whole metric window since readiness last changed.
                unready =
                    *pod.readyCondition == false ||
                    sample->second.timestamp < pod.readyLastTransition + sample->second.window;
            } else {
                // Past initialization: distrust only a pod that never became ready.
                unready = *pod.readyCondition == false &&
                          *pod.startTime + delayOfInitialReadinessStatus > pod.readyLastTransition;
            }
            if (unready) {
                g.unready.insert(pod.name);
                continue;
            }
        }
        ++g.readyPodCount;
    }
    return g;
}

namespace {

// Each pod's containers, and each container's requests, are elsewhere on the heap: asking for
// them a few pods ahead of the pod being read hides most of those cache misses.
void prefetchRequests(const std::vector<HpaPod>& pods, std::size_t i) {
    constexpr std::size_t kAhead = 6;
    if (i + kAhead < pods.size()) {
        __builtin_prefetch(pods[i + kAhead].containers.data());
    }
    if (i + kAhead / 2 < pods.size()) {
        for (const HpaContainer& c : pods[i + kAhead / 2].containers) {
            if (!c.requestsMilli.empty()) {
                __builtin_prefetch(&*c.requestsMilli.begin());
            }
        }
    }
}

} // namespace

HpaRequests calculateRequests(const std::vector<HpaPod>& pods, const std::string& container,
                              const std::string& resource) {
    HpaRequests r;
    r.byPod.reserve(pods.size());
    std::vector<const HpaContainer*> containers; // one pod's, kept for its capacity
    for (std::size_t i = 0; i < pods.size(); ++i) {
        const HpaPod& pod = pods[i];
        prefetchRequests(pods, i);
        containers.clear();
        for (const HpaContainer& c : pod.containers) {
            if (!c.restartableInit) {
                containers.push_back(&c);
            }
        }
        for (const HpaContainer& c : pod.containers) {
            if (c.restartableInit) {
                containers.push_back(&c);
            }
        }
        std::int64_t request = 0;
        bool found = false;
        for (const HpaContainer* c : containers) {
            if (container.empty() || container == c->name) {
                const auto it = c->requestsMilli.find(resource);
                if (it == c->requestsMilli.end()) {
                    r.error = HpaCalcError::MissingRequest;
                    r.message = "missing request for " + resource + " in container " + c->name +
                                " of Pod " + pod.name;
                    r.byPod.clear();
                    return r;
                }
                request += it->second;
            }
            if (container == c->name) {
                found = true;
                break;
            }
        }
        if (!container.empty() && !found) {
            r.error = HpaCalcError::ContainerNotFound;
            r.message = "container " + container + " not found in Pod " + pod.name;
            r.byPod.clear();
            return r;
        }
        // Pods usually come in name order: each insertion appends.
        r.byPod.insert_or_assign(pod.name, request);
    }
    return r;
}

HpaUtilizationRatio resourceUtilizationRatio(const HpaPodMetrics& samples,
                                             const HpaPodRequests& requests,
                                             std::int32_t targetUtilization) {
    HpaUtilizationRatio out;
    Int128 metricsTotal = 0;
    Int128 requestsTotal = 0;
    std::int64_t numEntries = 0;
    auto next = requests.begin(); // both in name order: most lookups take the next request
    for (const auto& [pod, sample] : samples) {
        const auto request = requests.find(pod, next);
        if (request == requests.end()) {
            continue; // a sample for a pod we do not know
        }
        next = request + 1;
        metricsTotal += sample.valueMilli;
        requestsTotal += request->second;
        ++numEntries;
    }
    if (requestsTotal == 0) {
        out.ok = false;
        return out;
    }
    const Int128 percentage = metricsTotal * 100 / requestsTotal;
    if (percentage > kMaxInt32) {
        out.utilization = kMaxInt32;
    } else if (percentage < std::numeric_limits<std::int32_t>::min()) {
        out.utilization = std::numeric_limits<std::int32_t>::min();
    } else {
        out.utilization = static_cast<std::int32_t>(percentage);
    }
    out.rawAverage = clampInt64(metricsTotal / numEntries);
    out.usageTotal = clampInt64(metricsTotal);
    out.requestTotal = clampInt64(requestsTotal);
    out.ratio = static_cast<double>(out.utilization) / static_cast<double>(targetUtilization);
    return out;
}

HpaUsageRatio metricUsageRatio(const HpaPodMetrics& samples, std::int64_t targetUsage) {
    HpaUsageRatio out;
    Int128 total = 0;
    for (const auto& [pod, sample] : samples) {
        total += sample.valueMilli;
    }
    out.total = clampInt64(total);
    out.average = samples.empty() ? 0 : clampInt64(total / static_cast<Int128>(samples.size()));
    out.ratio = static_cast<double>(out.average) / static_cast<double>(targetUsage);
    return out;
}

HpaReplicaProposal getResourceReplicas(std::int32_t currentReplicas, std::int32_t targetUtilization,
                                       const std::string& resource, const HpaTolerances& tolerances,
                                       const std::vector<HpaPod>& pods,
                                       const HpaPodSamples& samples, const std::string& container,
                                       const HpaControllerSettings& settings, SimTime now) {
    GroupedSamples grouped = groupReadySamples(pods, samples, resource, settings, now);
    if (!grouped.proposal.ok()) {
        return grouped.proposal;
    }
    HpaReplicaProposal p = std::move(grouped.proposal);
    HpaPodMetrics& metrics = grouped.ready;
    const HpaRequests requests = calculateRequests(pods, container, resource);
    if (requests.error != HpaCalcError::None) {
        return fail(std::move(p), requests.error, requests.message);
    }
    const HpaUtilizationRatio first =
        resourceUtilizationRatio(metrics, requests.byPod, targetUtilization);
    if (!first.ok) {
        return fail(std::move(p), HpaCalcError::NoMetricsMatchKnownPods,
                    "no metrics returned matched known pods");
    }
    p.utilization = first.utilization;
    p.usage = first.rawAverage;
    p.explanation.add(ExplainCode::HpaResourceUtilization,
                      {xp("resource", resource), xp("usage", first.usageTotal),
                       xp("request", first.requestTotal), xp("utilization", first.utilization),
                       xp("target", targetUtilization), xp("ratio", first.ratio)});

    const double usageRatio = first.ratio;
    const bool scaleUpWithUnready = !p.groups.unready.empty() && usageRatio > 1.0;
    if (!scaleUpWithUnready && p.groups.missing.empty()) {
        if (tolerances.isWithin(usageRatio)) {
            p.replicas = currentReplicas;
            explainTolerance(p.explanation, usageRatio, tolerances, currentReplicas);
            return p;
        }
        p.replicas = ceilToInt32(usageRatio * static_cast<double>(p.groups.readyPodCount));
        p.explanation.add(ExplainCode::HpaProposalFromReady,
                          {xp("ratio", usageRatio), xp("readyPods", p.groups.readyPodCount),
                           xp("desired", p.replicas)});
        return p;
    }
    // On a scale-down a missing pod is assumed to use all of its request, or the target when
    // the target is above 100 %.
    const std::int64_t fallbackUtilization = std::max<std::int64_t>(100, targetUtilization);
    HpaPodRequests missingDown;
    for (const std::string& pod : p.groups.missing) {
        missingDown.insert_or_assign(pod, requests.byPod.at(pod) * fallbackUtilization / 100);
    }
    rebalance(p, currentReplicas, usageRatio, metrics, tolerances, scaleUpWithUnready, missingDown,
              std::to_string(fallbackUtilization) + "% of request",
              [&](const HpaPodMetrics& m) -> std::optional<double> {
                  const HpaUtilizationRatio r =
                      resourceUtilizationRatio(m, requests.byPod, targetUtilization);
                  return r.ok ? std::optional<double>(r.ratio) : std::nullopt;
              });
    return p;
}

HpaReplicaProposal getRawResourceReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                          const std::string& resource,
                                          const HpaTolerances& tolerances,
                                          const std::vector<HpaPod>& pods,
                                          const HpaPodSamples& samples,
                                          const HpaControllerSettings& settings, SimTime now) {
    return calcPlainMetricReplicas(samples, currentReplicas, targetUsage, tolerances, pods,
                                   resource, resource, settings, now);
}

HpaReplicaProposal getMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                     const std::string& metricName, const HpaTolerances& tolerances,
                                     const std::vector<HpaPod>& pods, const HpaPodSamples& samples,
                                     const HpaControllerSettings& settings, SimTime now) {
    return calcPlainMetricReplicas(samples, currentReplicas, targetUsage, tolerances, pods, "",
                                   metricName, settings, now);
}

HpaReplicaProposal getObjectMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                           std::int64_t objectValue, const std::string& metricName,
                                           const HpaTolerances& tolerances,
                                           const std::vector<HpaPod>& pods) {
    const double usageRatio = static_cast<double>(objectValue) / static_cast<double>(targetUsage);
    Explanation x;
    x.add(ExplainCode::HpaObjectValue, {xp("metric", metricName), xp("value", objectValue),
                                        xp("target", targetUsage), xp("ratio", usageRatio)});
    HpaReplicaProposal p = usageRatioReplicaCount(currentReplicas, usageRatio, tolerances, pods);
    p.usage = objectValue;
    x.append(p.explanation);
    p.explanation = std::move(x);
    return p;
}

HpaReplicaProposal getObjectPerPodMetricReplicas(std::int32_t statusReplicas,
                                                 std::int64_t targetAverageUsage,
                                                 std::int64_t objectValue,
                                                 const std::string& metricName,
                                                 const HpaTolerances& tolerances) {
    HpaReplicaProposal p;
    p.replicas = statusReplicas;
    const double usageRatio =
        static_cast<double>(objectValue) /
        (static_cast<double>(targetAverageUsage) * static_cast<double>(statusReplicas));
    p.explanation.add(ExplainCode::HpaPerPodValue,
                      {xp("metric", metricName), xp("value", objectValue),
                       xp("replicas", statusReplicas), xp("target", targetAverageUsage),
                       xp("ratio", usageRatio)});
    if (!tolerances.isWithin(usageRatio)) {
        p.replicas =
            ceilToInt32(static_cast<double>(objectValue) / static_cast<double>(targetAverageUsage));
        p.explanation.add(ExplainCode::HpaProposalFromTotal,
                          {xp("value", objectValue), xp("target", targetAverageUsage),
                           xp("desired", p.replicas)});
    } else {
        explainTolerance(p.explanation, usageRatio, tolerances, statusReplicas);
    }
    if (statusReplicas > 0) {
        p.usage = static_cast<std::int64_t>(
            std::ceil(static_cast<double>(objectValue) / static_cast<double>(statusReplicas)));
    } else {
        p.usage = objectValue; // upstream divides by zero here; report the total instead
    }
    return p;
}

namespace {

std::int64_t sumSeries(const std::vector<std::int64_t>& values) {
    std::int64_t usage = 0;
    for (const std::int64_t v : values) {
        if (v > 0 && usage > kMaxInt64 - v) {
            return kMaxInt64; // capped as upstream caps a positive overflow
        }
        usage += v;
    }
    return usage;
}

} // namespace

HpaReplicaProposal getExternalMetricReplicas(std::int32_t currentReplicas, std::int64_t targetUsage,
                                             const std::vector<std::int64_t>& values,
                                             const std::string& metricName,
                                             const HpaTolerances& tolerances,
                                             const std::vector<HpaPod>& pods) {
    const std::int64_t usage = sumSeries(values);
    Explanation x;
    x.add(ExplainCode::HpaExternalSum,
          {xp("metric", metricName), xp("series", static_cast<std::int64_t>(values.size())),
           xp("value", usage)});
    HpaReplicaProposal p =
        getObjectMetricReplicas(currentReplicas, targetUsage, usage, metricName, tolerances, pods);
    x.append(p.explanation);
    p.explanation = std::move(x);
    return p;
}

HpaReplicaProposal getExternalPerPodMetricReplicas(std::int32_t statusReplicas,
                                                   std::int64_t targetUsagePerPod,
                                                   const std::vector<std::int64_t>& values,
                                                   const std::string& metricName,
                                                   const HpaTolerances& tolerances) {
    const std::int64_t usage = sumSeries(values);
    Explanation x;
    x.add(ExplainCode::HpaExternalSum,
          {xp("metric", metricName), xp("series", static_cast<std::int64_t>(values.size())),
           xp("value", usage)});
    HpaReplicaProposal p = getObjectPerPodMetricReplicas(statusReplicas, targetUsagePerPod, usage,
                                                         metricName, tolerances);
    if (usage == kMaxInt64) {
        p.usage = kMaxInt64;
    }
    x.append(p.explanation);
    p.explanation = std::move(x);
    return p;
}

} // namespace cnsim
