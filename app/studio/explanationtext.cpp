#include "explanationtext.h"

#include "eventtext.h"

#include <QRegularExpression>
#include <cstdint>
#include <variant>

namespace {

using cnsim::ExplainCode;
using cnsim::ExplainStep;

QString fromStd(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The parameter as the CLI prints it (deterministic number formatting); "?" when missing.
QString raw(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    return p == nullptr ? QStringLiteral("?") : fromStd(cnsim::formatExplainValue(p->value));
}

std::string rawStd(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    return p == nullptr ? std::string() : cnsim::formatExplainValue(p->value);
}

std::int64_t integer(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    if (p == nullptr) {
        return 0;
    }
    if (const auto* i = std::get_if<std::int64_t>(&p->value.value)) {
        return *i;
    }
    if (const auto* d = std::get_if<double>(&p->value.value)) {
        return static_cast<std::int64_t>(*d);
    }
    return 0;
}

int count(const ExplainStep& s, std::string_view name) {
    return static_cast<int>(integer(s, name));
}

// Ratios to two decimals: "1.32" reads better than upstream's full precision.
QString ratio(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    if (p == nullptr) {
        return QStringLiteral("?");
    }
    if (const auto* d = std::get_if<double>(&p->value.value)) {
        return QString::number(*d, 'f', 2);
    }
    return raw(s, name);
}

// A Kubernetes milli-value in the metric's own unit: 150000 → "150", 1500 → "1.5".
QString milli(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    if (p == nullptr) {
        return QStringLiteral("?");
    }
    if (const auto* i = std::get_if<std::int64_t>(&p->value.value)) {
        return QString::number(static_cast<double>(*i) / 1000.0, 'g', 12);
    }
    return raw(s, name);
}

QString span(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    if (p == nullptr) {
        return QStringLiteral("?");
    }
    if (const auto* t = std::get_if<cnsim::SimTime>(&p->value.value)) {
        return ExplanationText::duration(*t);
    }
    return raw(s, name);
}

// A point in simulated time, as on the toolbar clock.
QString when(const ExplainStep& s, std::string_view name) {
    const cnsim::ExplainParam* p = s.param(name);
    if (p == nullptr) {
        return QStringLiteral("?");
    }
    if (const auto* t = std::get_if<cnsim::SimTime>(&p->value.value)) {
        return EventText::clock(*t);
    }
    return raw(s, name);
}

QString metric(const ExplainStep& s) {
    return ExplanationText::metricName(rawStd(s, "metric"));
}

} // namespace

QString ExplanationText::duration(cnsim::SimTime duration) {
    const std::int64_t seconds = duration.toMicroseconds() / 1'000'000;
    if (seconds >= 120 && seconds % 60 == 0) {
        return tr("%1 min", "duration").arg(seconds / 60);
    }
    return tr("%1 s", "duration").arg(duration.toSeconds(), 0, 'g', 6);
}

QString ExplanationText::metricName(std::string_view name) {
    const QString text = fromStd(name);
    // Upstream describes resource metrics as "cpu resource utilization (percentage of
    // request)"; a student reads "CPU utilization".
    static const QRegularExpression resource(
        QStringLiteral("^(\\w+) (container )?resource utilization \\(percentage of request\\)$"));
    const QRegularExpressionMatch match = resource.match(text);
    if (match.hasMatch()) {
        return tr("%1 utilization").arg(metricName(match.captured(1).toStdString()));
    }
    if (text == QLatin1String("cpu")) {
        return tr("CPU");
    }
    if (text == QLatin1String("memory")) {
        return tr("memory");
    }
    return text;
}

QString ExplanationText::step(const ExplainStep& s) {
    switch (s.code) {
    // --- HPA: replica calculator ---
    case ExplainCode::HpaPodsGrouped:
        return tr("Pods counted: %1 ready, %2 not ready yet, %3 without a metric sample, %4 "
                  "ignored (being deleted or failed).")
            .arg(raw(s, "ready"), raw(s, "unready"), raw(s, "missing"), raw(s, "ignored"));
    case ExplainCode::HpaResourceUtilization:
        return tr("%1 use is %2m of %3m requested = %4% of the request; the target is %5%, so "
                  "the ratio is %6.")
            .arg(metricName(rawStd(s, "resource")), raw(s, "usage"), raw(s, "request"),
                 raw(s, "utilization"), raw(s, "target"), ratio(s, "ratio"));
    case ExplainCode::HpaAverageValue:
        return tr("%1 averages %2 per pod over %3 samples; the target is %4, so the ratio is %5.")
            .arg(metric(s), milli(s, "average"), raw(s, "samples"), milli(s, "target"),
                 ratio(s, "ratio"));
    case ExplainCode::HpaObjectValue:
        return tr("%1 is %2; the target is %3, so the ratio is %4.")
            .arg(metric(s), milli(s, "value"), milli(s, "target"), ratio(s, "ratio"));
    case ExplainCode::HpaPerPodValue:
        return tr("%1 is %2 over %3 replicas; the target is %4 per pod, so the ratio is %5.")
            .arg(metric(s), milli(s, "value"), raw(s, "replicas"), milli(s, "target"),
                 ratio(s, "ratio"));
    case ExplainCode::HpaExternalSum:
        return tr("%1 is the sum of %2 series: %3.")
            .arg(metric(s), raw(s, "series"), milli(s, "value"));
    case ExplainCode::HpaWithinTolerance:
        return tr("The ratio %1 is within the tolerance band %2 to %3: keep %4 replicas.")
            .arg(ratio(s, "ratio"), ratio(s, "low"), ratio(s, "high"), raw(s, "replicas"));
    case ExplainCode::HpaProposalFromReady:
        return tr("Desired = ceil(%1 × %2 ready pods) = %3 replicas.")
            .arg(ratio(s, "ratio"), raw(s, "readyPods"), raw(s, "desired"));
    case ExplainCode::HpaProposalFromTotal:
        return tr("Desired = ceil(%1 / %2) = %3 replicas.")
            .arg(milli(s, "value"), milli(s, "target"), raw(s, "desired"));
    case ExplainCode::HpaProposalFromZero:
        return tr("No replicas are running: desired = ceil(%1) = %2.")
            .arg(ratio(s, "ratio"), raw(s, "desired"));
    case ExplainCode::HpaMissingAssumed:
        return rawStd(s, "direction") == "up"
                   ? tr("Pods without a metric sample yet (%n) count as idle, so a scale-up is "
                        "not overdone.",
                        nullptr, count(s, "pods"))
                   : tr("Pods without a metric sample (%n) count as exactly on target, so a "
                        "scale-down is not overdone.",
                        nullptr, count(s, "pods"));
    case ExplainCode::HpaUnreadyAssumedZero:
        return tr("Pods not ready yet (%n) count as idle when scaling up.", nullptr,
                  count(s, "pods"));
    case ExplainCode::HpaRebalancedRatio:
        return tr("Counting them that way changes the ratio from %1 to %2.")
            .arg(ratio(s, "ratio"), ratio(s, "newRatio"));
    case ExplainCode::HpaRebalanceKeeps:
        return tr("The adjusted ratio %1 is within tolerance or points the other way: keep %2 "
                  "replicas.")
            .arg(ratio(s, "newRatio"), raw(s, "replicas"));
    case ExplainCode::HpaProposalRebalanced:
        return tr("Desired = ceil(%1 × %2 pods) = %3 replicas.")
            .arg(ratio(s, "newRatio"), raw(s, "samples"), raw(s, "desired"));
    case ExplainCode::HpaRebalanceDirection:
        return tr("%1 replicas would move against the ratio %2: keep %3 replicas.")
            .arg(raw(s, "proposal"), ratio(s, "newRatio"), raw(s, "replicas"));
    case ExplainCode::HpaMetricError: {
        // The error is upstream's own text; the ones a student meets get a sentence.
        const QString error = fromStd(rawStd(s, "error"));
        static const QRegularExpression missingRequest(
            QStringLiteral("missing request for (\\w+)"));
        const QRegularExpressionMatch missing = missingRequest.match(error);
        if (missing.hasMatch()) {
            return tr("No %1 request on the pods: cannot compute utilization, which is a "
                      "percentage of the request. Set resources.requests.%2 in the Deployment.")
                .arg(metricName(missing.captured(1).toStdString()), missing.captured(1));
        }
        if (error.contains(QLatin1String("no metrics returned from resource metrics API")) ||
            error.contains(QLatin1String("did not receive metrics for targeted pods"))) {
            return tr("No %1 samples yet: metrics-server has not measured these pods.")
                .arg(metric(s));
        }
        if (error.contains(QLatin1String("no metrics returned matched known pods"))) {
            return tr("The %1 samples match none of the target's pods.").arg(metric(s));
        }
        return tr("Could not read %1: %2").arg(metric(s), error);
    }
    // --- HPA: reconcile ---
    case ExplainCode::HpaScalingDisabled:
        return tr("The target has %1 replicas: autoscaling is off until it is scaled up by hand.")
            .arg(raw(s, "current"));
    case ExplainCode::HpaAboveMaxReplicas:
        return tr("%1 replicas is above maxReplicas %2: scale down to %2.")
            .arg(raw(s, "current"), raw(s, "max"));
    case ExplainCode::HpaBelowMinReplicas:
        return tr("%1 replicas is below minReplicas %2: scale up to %2.")
            .arg(raw(s, "current"), raw(s, "min"));
    case ExplainCode::HpaMetricProposal:
        return tr("%1 asks for %2 replicas.").arg(metric(s), raw(s, "replicas"));
    case ExplainCode::HpaLargestProposal:
        return tr("The largest proposal wins: %1 replicas, from %2.")
            .arg(raw(s, "replicas"), metric(s));
    case ExplainCode::HpaInvalidMetricsHold:
        return tr("%1 of %2 metrics could not be read and the others propose only %3 (fewer than "
                  "%4): do not scale down on partial information.")
            .arg(raw(s, "invalid"), raw(s, "total"), raw(s, "proposal"), raw(s, "current"));
    case ExplainCode::HpaInvalidMetricsIgnored:
        return tr("%1 of %2 metrics could not be read; the others propose %3.")
            .arg(raw(s, "invalid"), raw(s, "total"), raw(s, "proposal"));
    case ExplainCode::HpaStabilizedDown:
        return tr("Scale-down held by the %1 stabilization window: wanted %2, but the highest "
                  "recommendation in the window is %3.")
            .arg(span(s, "window"), raw(s, "recommendation"), raw(s, "stabilized"));
    case ExplainCode::HpaStabilizedBoth:
        return tr("Stabilization: the lowest recommendation of the last %1 is %2, the highest of "
                  "the last %3 is %4, so %5 replicas.")
            .arg(span(s, "upWindow"), raw(s, "upRecommendation"), span(s, "downWindow"),
                 raw(s, "downRecommendation"), raw(s, "stabilized"));
    case ExplainCode::HpaScaleUpLimitRule:
        return tr("Scale-up rate limit: at most max(2 × %1, 4) = %2 replicas in one step.")
            .arg(raw(s, "current"), raw(s, "limit"));
    case ExplainCode::HpaPolicyLimit: {
        const bool up = rawStd(s, "direction") == "up";
        const bool percent = rawStd(s, "policy") == "Percent";
        const QString rule = percent ? tr("%1% per %2").arg(raw(s, "value"), span(s, "period"))
                                     : tr("%1 pods per %2").arg(raw(s, "value"), span(s, "period"));
        return (up ? tr("Scale-up policy %1: from %2 at the start of the period, at most %3.")
                   : tr("Scale-down policy %1: from %2 at the start of the period, at least %3."))
            .arg(rule, raw(s, "periodStart"), raw(s, "proposal"));
    }
    case ExplainCode::HpaSelectedLimit: {
        const bool up = rawStd(s, "direction") == "up";
        if (rawStd(s, "select") == "Disabled") {
            return up ? tr("Scaling up is disabled by the behavior (selectPolicy: Disabled).")
                      : tr("Scaling down is disabled by the behavior (selectPolicy: Disabled).");
        }
        return (up ? tr("selectPolicy %1: the scale-up limit is %2 replicas.")
                   : tr("selectPolicy %1: the scale-down limit is %2 replicas."))
            .arg(raw(s, "select"), raw(s, "limit"));
    }
    case ExplainCode::HpaLimited: {
        const std::string reason = rawStd(s, "reason");
        const QString from = raw(s, "from");
        const QString to = raw(s, "to");
        if (reason == "TooManyReplicas") {
            return tr("Wanted %1 replicas but capped at maxReplicas %2.").arg(from, to);
        }
        if (reason == "TooFewReplicas") {
            return tr("Wanted %1 replicas but kept at minReplicas %2.").arg(from, to);
        }
        if (reason == "ScaleUpLimit") {
            return tr("Wanted %1 replicas but the scale-up rate limit allows %2 now.")
                .arg(from, to);
        }
        if (reason == "ScaleDownLimit") {
            return tr("Wanted %1 replicas but the scale-down rate limit allows %2 now.")
                .arg(from, to);
        }
        return tr("Wanted %1 replicas, limited to %2 (%3).").arg(from, to, fromStd(reason));
    }
    case ExplainCode::HpaRescale:
        return integer(s, "to") >= integer(s, "from")
                   ? tr("Scale up from %1 to %2 replicas.").arg(raw(s, "from"), raw(s, "to"))
                   : tr("Scale down from %1 to %2 replicas.").arg(raw(s, "from"), raw(s, "to"));
    case ExplainCode::HpaNoChange:
        return tr("Keep %1 replicas.").arg(raw(s, "replicas"));
    // --- Cluster autoscaler: scale-up ---
    case ExplainCode::CaPodExpendable:
        return tr("Pod %1 has priority %2, below the cutoff %3: it never triggers a scale-up.")
            .arg(raw(s, "pod"), raw(s, "priority"), raw(s, "cutoff"));
    case ExplainCode::CaMaxNodesTotalReached:
        return tr("The cluster has %1 nodes; it may have at most %2.")
            .arg(raw(s, "nodes"), raw(s, "max"));
    case ExplainCode::CaGroupAtMaxSize:
        return tr("Node group %1 is at its maximum size (%2 of %3).")
            .arg(raw(s, "group"), raw(s, "size"), raw(s, "max"));
    case ExplainCode::CaGroupBackedOff:
        return tr("Node group %1 is backed off after a scale-up that never completed.")
            .arg(raw(s, "group"));
    case ExplainCode::CaNoPodFitsGroup:
        return tr("No pending pod would fit on a new node of group %1.").arg(raw(s, "group"));
    case ExplainCode::CaEstimate:
        return tr("Group %1: %2 pending pods fit on %3 new nodes (limit %4).")
            .arg(raw(s, "group"), raw(s, "pods"), raw(s, "nodes"), raw(s, "limit"));
    case ExplainCode::CaWasteScore:
        return tr("least-waste: %1 × %2 leaves %3 of the CPU and %4 of the memory unused (score "
                  "%5).")
            .arg(raw(s, "group"), raw(s, "nodes"), raw(s, "wastedCpu"), raw(s, "wastedMemory"),
                 raw(s, "score"));
    case ExplainCode::CaPriceScore:
        return tr("price: %1 × %2 costs $%3/h for pods worth $%4/h (unfitness %5, score %6).")
            .arg(raw(s, "group"), raw(s, "nodes"), raw(s, "nodePrice"), raw(s, "podPrice"),
                 raw(s, "unfitness"), raw(s, "score"));
    case ExplainCode::CaPriorityMatch:
        return tr("priority: group %1 has priority %2.").arg(raw(s, "group"), raw(s, "priority"));
    case ExplainCode::CaPriorityNoMatch:
        return tr("priority: group %1 matches no priority entry.").arg(raw(s, "group"));
    case ExplainCode::CaRandomChoice:
        return tr("Random choice among %1 options: %2.").arg(raw(s, "options"), raw(s, "chosen"));
    case ExplainCode::CaExpanderChoice:
        return tr("The %1 expander chose group %2 (+%3 nodes).")
            .arg(raw(s, "expander"), raw(s, "group"), raw(s, "nodes"));
    case ExplainCode::CaCappedToGroupMax:
        return tr("Capped by node group %1's maximum: %2 → %3 new nodes.")
            .arg(raw(s, "group"), raw(s, "from"), raw(s, "to"));
    case ExplainCode::CaCappedToTotalMax:
        return tr("Capped by the cluster's maximum node count: %1 → %2 new nodes.")
            .arg(raw(s, "from"), raw(s, "to"));
    case ExplainCode::CaScaleUp:
        return tr("Scale up node group %1 from %2 to %3 nodes for %4 pending pods.")
            .arg(raw(s, "group"), raw(s, "from"), raw(s, "to"), raw(s, "pods"));
    case ExplainCode::CaPodNotHelped:
        return tr("Pod %1 did not trigger a scale-up: it fits no node group.").arg(raw(s, "pod"));
    // --- Cluster autoscaler: scale-down ---
    case ExplainCode::CaNodeUtilization:
        return tr("Node %1: %2 requests are %3 of allocatable (threshold %4).")
            .arg(raw(s, "node"), metricName(rawStd(s, "resource")), raw(s, "utilization"),
                 raw(s, "threshold"));
    case ExplainCode::CaNodeUnremovable:
        return tr("Node %1 cannot be removed: %2.").arg(raw(s, "node"), raw(s, "reason"));
    case ExplainCode::CaPodBlocksDrain:
        return tr("Node %1: pod %2 blocks its removal (%3).")
            .arg(raw(s, "node"), raw(s, "pod"), raw(s, "reason"));
    case ExplainCode::CaPodNoPlace:
        return tr("Node %1: pod %2 would fit on no other node.").arg(raw(s, "node"), raw(s, "pod"));
    case ExplainCode::CaNodeUnneeded:
        return tr("Node %1 has been unneeded since %2 (%3 of the %4 required).")
            .arg(raw(s, "node"), when(s, "since"), span(s, "unneededFor"), span(s, "needed"));
    case ExplainCode::CaScaleDownCooldown:
        return tr("Scale-down paused (%1) until %2.").arg(raw(s, "reason"), when(s, "until"));
    case ExplainCode::CaGroupMinSizeReached:
        return tr("Node %1 kept: group %2 has %3 nodes, its minimum is %4.")
            .arg(raw(s, "node"), raw(s, "group"), raw(s, "size"), raw(s, "min"));
    case ExplainCode::CaDeleteEmptyNode:
        return tr("Delete empty node %1.").arg(raw(s, "node"));
    case ExplainCode::CaDrainNode:
        return tr("Drain and delete node %1 (%2 pods).").arg(raw(s, "node"), raw(s, "pods"));
    case ExplainCode::CaBudgetExhausted:
        return tr("Node %1 waits: this scan's %2 scale-down budget is used up.")
            .arg(raw(s, "node"), raw(s, "kind"));
    case ExplainCode::CaScaleUpTimedOut:
        return tr("%1 nodes of group %2 requested at %3 never registered.")
            .arg(raw(s, "nodes"), raw(s, "group"), when(s, "requestedAt"));
    }
    return fromStd(cnsim::renderEnglish(s));
}

QString ExplanationText::brief(const ExplainStep& s) {
    switch (s.code) {
    case ExplainCode::HpaResourceUtilization:
        return tr("%1 at %2% of request, target %3%")
            .arg(metricName(rawStd(s, "resource")), raw(s, "utilization"), raw(s, "target"));
    case ExplainCode::HpaAverageValue:
        return tr("%1 at %2 per pod, target %3")
            .arg(metric(s), milli(s, "average"), milli(s, "target"));
    case ExplainCode::HpaObjectValue:
    case ExplainCode::HpaPerPodValue:
        return tr("%1 at %2, target %3").arg(metric(s), milli(s, "value"), milli(s, "target"));
    case ExplainCode::HpaLimited: {
        const std::string reason = rawStd(s, "reason");
        const QString from = raw(s, "from");
        const QString to = raw(s, "to");
        if (reason == "TooManyReplicas") {
            return tr("Capped at maxReplicas %1 (wanted %2)").arg(to, from);
        }
        if (reason == "TooFewReplicas") {
            return tr("Kept at minReplicas %1 (wanted %2)").arg(to, from);
        }
        if (reason == "ScaleUpLimit") {
            return tr("Scale-up rate limit: %1 for now (wanted %2)").arg(to, from);
        }
        if (reason == "ScaleDownLimit") {
            return tr("Scale-down rate limit: %1 for now (wanted %2)").arg(to, from);
        }
        return step(s);
    }
    case ExplainCode::HpaStabilizedDown:
        return tr("Scale-down held by the %1 window (wanted %2)")
            .arg(span(s, "window"), raw(s, "recommendation"));
    case ExplainCode::HpaMetricError: {
        const QString error = fromStd(rawStd(s, "error"));
        static const QRegularExpression missingRequest(
            QStringLiteral("missing request for (\\w+)"));
        const QRegularExpressionMatch missing = missingRequest.match(error);
        if (missing.hasMatch()) {
            return tr("No %1 request on the pods: cannot compute utilization")
                .arg(metricName(missing.captured(1).toStdString()));
        }
        if (error.contains(QLatin1String("no metrics returned from resource metrics API")) ||
            error.contains(QLatin1String("did not receive metrics for targeted pods"))) {
            return tr("No %1 samples yet from metrics-server").arg(metric(s));
        }
        return step(s);
    }
    default:
        return step(s);
    }
}

QString ExplanationText::conditionReason(std::string_view reason) {
    // AbleToScale
    if (reason == "SucceededGetScale") {
        return tr("the controller can read the target's scale");
    }
    if (reason == "FailedGetScale") {
        return tr("the controller cannot read the target's scale: does it exist?");
    }
    if (reason == "SucceededRescale") {
        return tr("it just changed the replica count");
    }
    if (reason == "FailedUpdateScale") {
        return tr("it could not write the new replica count");
    }
    if (reason == "ReadyForNewScale") {
        return tr("nothing holds back the next change");
    }
    if (reason == "ScaleDownStabilized") {
        return tr("a scale-down waits: recent recommendations were higher");
    }
    if (reason == "ScaleUpStabilized") {
        return tr("a scale-up waits: recent recommendations were lower");
    }
    // ScalingActive
    if (reason == "ValidMetricFound") {
        return tr("it can compute replicas from its metrics");
    }
    if (reason == "FailedGetResourceMetric" || reason == "FailedGetContainerResourceMetric") {
        return tr("it cannot read CPU or memory use: scaling is stuck");
    }
    if (reason == "FailedGetPodsMetric" || reason == "FailedGetObjectMetric" ||
        reason == "FailedGetExternalMetric") {
        return tr("it cannot read its metric: scaling is stuck");
    }
    if (reason == "ScalingDisabled") {
        return tr("the target has 0 replicas: autoscaling is off");
    }
    // ScalingLimited
    if (reason == "DesiredWithinRange") {
        return tr("the wanted count is between min and max");
    }
    if (reason == "TooManyReplicas") {
        return tr("capped at maxReplicas");
    }
    if (reason == "TooFewReplicas") {
        return tr("held at minReplicas");
    }
    if (reason == "ScaleUpLimit") {
        return tr("a scale-up is rate-limited");
    }
    if (reason == "ScaleDownLimit") {
        return tr("a scale-down is rate-limited");
    }
    return {};
}
