#include "cluster/objectmeta.h"

#include "control/scheduling/labelmatching.h"

#include <algorithm>

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

bool matchesSelector(const LabelSelector& selector, const LabelMap& labels) {
    return matchesLabelSelector(selector, labels);
}

} // namespace cnsim
