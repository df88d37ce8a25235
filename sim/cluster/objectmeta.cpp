#include "cluster/objectmeta.h"

#include <algorithm>
#include <charconv>

namespace cnsim {

std::string_view conditionStatusName(ConditionStatus s) {
    switch (s) {
    case ConditionStatus::True:
        return "True";
    case ConditionStatus::False:
        return "False";
    case ConditionStatus::Unknown:
        return "Unknown";
    }
    return "Unknown";
}

const Condition* findCondition(const std::vector<Condition>& conditions, std::string_view type) {
    for (const Condition& c : conditions) {
        if (c.type == type) {
            return &c;
        }
    }
    return nullptr;
}

bool setCondition(std::vector<Condition>& conditions, std::string_view type, ConditionStatus status,
                  SimTime now, std::string reason, std::string message) {
    for (Condition& c : conditions) {
        if (c.type == type) {
            const bool changed = c.status != status || c.reason != reason || c.message != message;
            if (c.status != status) {
                c.lastTransitionTime = now;
            }
            c.status = status;
            c.lastUpdateTime = now;
            c.reason = std::move(reason);
            c.message = std::move(message);
            return changed;
        }
    }
    conditions.push_back(
        Condition{std::string(type), status, now, now, std::move(reason), std::move(message)});
    return true;
}

bool matchesLabels(const LabelMap& matchLabels, const LabelMap& labels) {
    return std::all_of(matchLabels.begin(), matchLabels.end(), [&](const auto& entry) {
        const auto it = labels.find(entry.first);
        return it != labels.end() && it->second == entry.second;
    });
}

namespace {

bool matchesRequirement(const SelectorRequirement& r, const LabelMap& labels) {
    const auto it = labels.find(r.key);
    const bool has = it != labels.end();
    const auto inValues = [&] {
        return has && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end();
    };
    const auto asInteger = [](const std::string& text, std::int64_t& out) {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        return ec == std::errc() && end == text.data() + text.size();
    };
    switch (r.op) {
    case SelectorOperator::In:
        return inValues();
    case SelectorOperator::NotIn:
        return !inValues();
    case SelectorOperator::Exists:
        return has;
    case SelectorOperator::DoesNotExist:
        return !has;
    case SelectorOperator::Gt:
    case SelectorOperator::Lt: {
        std::int64_t label = 0;
        std::int64_t bound = 0;
        if (!has || r.values.size() != 1 || !asInteger(it->second, label) ||
            !asInteger(r.values.front(), bound)) {
            return false;
        }
        return r.op == SelectorOperator::Gt ? label > bound : label < bound;
    }
    }
    return false;
}

} // namespace

bool matchesSelector(const LabelSelector& selector, const LabelMap& labels) {
    if (!matchesLabels(selector.matchLabels, labels)) {
        return false;
    }
    return std::all_of(selector.matchExpressions.begin(), selector.matchExpressions.end(),
                       [&](const SelectorRequirement& r) { return matchesRequirement(r, labels); });
}

} // namespace cnsim
