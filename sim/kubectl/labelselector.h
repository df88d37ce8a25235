#pragma once

// Label selectors as `kubectl get -l` takes them (k8s.io/apimachinery/pkg/labels
// selector.go Parse): comma-separated requirements `k=v`, `k==v`, `k!=v`, `k`, `!k`,
// `k in (a,b)`, `k notin (a,b)`; all must hold.

#include "scenario/kubernetestypes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

struct LabelRequirement {
    enum class Op { Equals, NotEquals, Exists, DoesNotExist, In, NotIn };
    std::string key;
    Op op = Op::Equals;
    std::vector<std::string> values;
};

struct LabelQuery {
    std::vector<LabelRequirement> requirements;
    bool empty() const { return requirements.empty(); }
    bool matches(const LabelMap& labels) const;
};

// Nothing when the text is malformed; `error` then says why, as kubectl would.
std::optional<LabelQuery> parseLabelQuery(std::string_view text, std::string& error);

} // namespace cnsim
