#include "control/rollouts/analysis.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace cnsim {

namespace {

// utils/defaults/defaults.go: DefaultConsecutiveErrorLimit.
constexpr int kDefaultConsecutiveErrorLimit = 4;

// analysisStatusOrder in utils/analysis/helpers.go: later is worse.
int severity(AnalysisPhase phase) {
    return static_cast<int>(phase);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

constexpr std::string_view kAccepted =
    "cnsim evaluates 'result OP number' or 'result[0] OP number' with OP one of < <= > >= == "
    "!=, e.g. 'result >= 0.99'";

} // namespace

std::string_view analysisPhaseName(AnalysisPhase phase) {
    switch (phase) {
    case AnalysisPhase::Pending:
        return "Pending";
    case AnalysisPhase::Running:
        return "Running";
    case AnalysisPhase::Successful:
        return "Successful";
    case AnalysisPhase::Inconclusive:
        return "Inconclusive";
    case AnalysisPhase::Error:
        return "Error";
    case AnalysisPhase::Failed:
        return "Failed";
    }
    return "Unknown";
}

bool isCompleted(AnalysisPhase phase) {
    return phase != AnalysisPhase::Pending && phase != AnalysisPhase::Running;
}

std::string_view conditionOperatorText(ConditionOperator op) {
    switch (op) {
    case ConditionOperator::Less:
        return "<";
    case ConditionOperator::LessEqual:
        return "<=";
    case ConditionOperator::Greater:
        return ">";
    case ConditionOperator::GreaterEqual:
        return ">=";
    case ConditionOperator::Equal:
        return "==";
    case ConditionOperator::NotEqual:
        return "!=";
    }
    return "?";
}

std::optional<AnalysisConditionSpec> parseAnalysisCondition(std::string_view text,
                                                            std::string& error) {
    std::string_view rest = trim(text);
    const auto fail = [&](const std::string& what) {
        error = what + "; " + std::string(kAccepted);
        return std::nullopt;
    };
    if (rest.substr(0, 6) != "result") {
        return fail("the condition must start with 'result'");
    }
    rest.remove_prefix(6);
    rest = trim(rest);
    if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || trim(rest.substr(1, close - 1)) != "0") {
            return fail("only result[0] may be indexed");
        }
        rest.remove_prefix(close + 1);
        rest = trim(rest);
    }
    static constexpr std::pair<std::string_view, ConditionOperator> kOperators[] = {
        {"<=", ConditionOperator::LessEqual}, {">=", ConditionOperator::GreaterEqual},
        {"==", ConditionOperator::Equal},     {"!=", ConditionOperator::NotEqual},
        {"<", ConditionOperator::Less},       {">", ConditionOperator::Greater}};
    std::optional<ConditionOperator> op;
    for (const auto& [spelling, value] : kOperators) {
        if (rest.substr(0, spelling.size()) == spelling) {
            op = value;
            rest.remove_prefix(spelling.size());
            break;
        }
    }
    if (!op) {
        return fail("expected a comparison after 'result'");
    }
    rest = trim(rest);
    double threshold = 0.0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), threshold);
    if (rest.empty() || ec != std::errc() || end != rest.data() + rest.size() ||
        !std::isfinite(threshold)) {
        return fail("expected a number after '" + std::string(conditionOperatorText(*op)) + "'");
    }
    AnalysisConditionSpec condition;
    condition.text = std::string(trim(text));
    condition.op = *op;
    condition.threshold = threshold;
    return condition;
}

bool conditionHolds(const AnalysisConditionSpec& c, double result) {
    switch (c.op) {
    case ConditionOperator::Less:
        return result < c.threshold;
    case ConditionOperator::LessEqual:
        return result <= c.threshold;
    case ConditionOperator::Greater:
        return result > c.threshold;
    case ConditionOperator::GreaterEqual:
        return result >= c.threshold;
    case ConditionOperator::Equal:
        return result == c.threshold;
    case ConditionOperator::NotEqual:
        return result != c.threshold;
    }
    return false;
}

AnalysisPhase evaluateMeasurement(const AnalysisMetricSpec& metric, double result) {
    bool success = metric.successCondition && conditionHolds(*metric.successCondition, result);
    bool failure = metric.failureCondition && conditionHolds(*metric.failureCondition, result);
    if (!metric.successCondition && !metric.failureCondition) {
        return AnalysisPhase::Successful;
    }
    // Only one condition: the other is its negation.
    if (metric.successCondition && !metric.failureCondition) {
        failure = !success;
    } else if (!metric.successCondition && metric.failureCondition) {
        success = !failure;
    }
    if (failure) {
        return AnalysisPhase::Failed;
    }
    return success ? AnalysisPhase::Successful : AnalysisPhase::Inconclusive;
}

void MetricCounters::add(AnalysisPhase measurement) {
    ++count;
    consecutiveError = measurement == AnalysisPhase::Error ? consecutiveError + 1 : 0;
    switch (measurement) {
    case AnalysisPhase::Successful:
        ++successful;
        break;
    case AnalysisPhase::Failed:
        ++failed;
        break;
    case AnalysisPhase::Inconclusive:
        ++inconclusive;
        break;
    case AnalysisPhase::Error:
        ++error;
        break;
    case AnalysisPhase::Pending:
    case AnalysisPhase::Running:
        break;
    }
}

std::optional<int> effectiveCount(const AnalysisMetricSpec& metric) {
    if (metric.count) {
        return metric.count;
    }
    if (!metric.interval) {
        return 1;
    }
    return std::nullopt;
}

AnalysisPhase assessMetric(const AnalysisMetricSpec& metric, const MetricCounters& counters,
                           bool terminating) {
    if (counters.count == 0) {
        return terminating ? AnalysisPhase::Successful : AnalysisPhase::Pending;
    }
    if (counters.failed > metric.failureLimit.value_or(0)) {
        return AnalysisPhase::Failed;
    }
    if (counters.inconclusive > metric.inconclusiveLimit.value_or(0)) {
        return AnalysisPhase::Inconclusive;
    }
    if (counters.consecutiveError >
        metric.consecutiveErrorLimit.value_or(kDefaultConsecutiveErrorLimit)) {
        return AnalysisPhase::Error;
    }
    // Having measured `count` times is success: failures within the limits were accepted.
    if (const std::optional<int> count = effectiveCount(metric);
        count && counters.count >= *count) {
        return AnalysisPhase::Successful;
    }
    return terminating ? AnalysisPhase::Successful : AnalysisPhase::Running;
}

AnalysisPhase assessRun(const std::vector<AnalysisPhase>& metricPhases) {
    AnalysisPhase worst = AnalysisPhase::Successful;
    bool allCompleted = true;
    for (const AnalysisPhase phase : metricPhases) {
        if (!isCompleted(phase)) {
            allCompleted = false;
            continue;
        }
        if (severity(phase) > severity(worst)) {
            worst = phase;
        }
    }
    if (worst != AnalysisPhase::Successful) {
        return worst; // a failed, errored or inconclusive metric ends the run
    }
    return allCompleted ? AnalysisPhase::Successful : AnalysisPhase::Running;
}

} // namespace cnsim
