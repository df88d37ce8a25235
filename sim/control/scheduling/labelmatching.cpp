#include "control/scheduling/labelmatching.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace cnsim {

namespace {

bool contains(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

std::optional<std::int64_t> parseInt(std::string_view s) {
    std::int64_t out = 0;
    const auto* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, out);
    if (ec != std::errc() || ptr != end || s.empty()) {
        return std::nullopt;
    }
    return out;
}

// apimachinery labels.Requirement.Matches. Gt / Lt exist only for node selectors; in a pod
// label selector they never validate, so they match nothing here.
bool matchesRequirement(const SelectorRequirement& r, const LabelMap& labels, bool allowNumeric) {
    const auto it = labels.find(r.key);
    const bool has = it != labels.end();
    switch (r.op) {
    case SelectorOperator::In:
        return has && contains(r.values, it->second);
    case SelectorOperator::NotIn:
        return !has || !contains(r.values, it->second);
    case SelectorOperator::Exists:
        return has;
    case SelectorOperator::DoesNotExist:
        return !has;
    case SelectorOperator::Gt:
    case SelectorOperator::Lt: {
        if (!allowNumeric || !has || r.values.size() != 1) {
            return false;
        }
        const auto label = parseInt(it->second);
        const auto bound = parseInt(r.values.front());
        if (!label || !bound) {
            return false;
        }
        return r.op == SelectorOperator::Gt ? *label > *bound : *label < *bound;
    }
    }
    return false;
}

} // namespace

bool matchesLabelSelector(const LabelSelector& selector, const LabelMap& labels) {
    for (const auto& [k, v] : selector.matchLabels) {
        const auto it = labels.find(k);
        if (it == labels.end() || it->second != v) {
            return false;
        }
    }
    for (const auto& r : selector.matchExpressions) {
        if (!matchesRequirement(r, labels, false)) {
            return false;
        }
    }
    return true;
}

bool matchesNodeSelectorTerm(const NodeSelectorTerm& term, const LabelMap& nodeLabels) {
    if (term.matchExpressions.empty()) {
        return false; // an empty term matches no objects (core/v1 NodeSelectorTerm doc)
    }
    for (const auto& r : term.matchExpressions) {
        if (!matchesRequirement(r, nodeLabels, true)) {
            return false;
        }
    }
    return true;
}

bool matchesAnyNodeSelectorTerm(std::span<const NodeSelectorTerm> terms,
                                const LabelMap& nodeLabels) {
    return std::any_of(terms.begin(), terms.end(), [&](const NodeSelectorTerm& t) {
        return matchesNodeSelectorTerm(t, nodeLabels);
    });
}

bool podMatchesNodeSelectorAndAffinity(const PodSpec& spec, const LabelMap& nodeLabels) {
    for (const auto& [k, v] : spec.nodeSelector) {
        const auto it = nodeLabels.find(k);
        if (it == nodeLabels.end() || it->second != v) {
            return false;
        }
    }
    if (spec.affinity && spec.affinity->nodeAffinity &&
        !spec.affinity->nodeAffinity->required.empty()) {
        return matchesAnyNodeSelectorTerm(spec.affinity->nodeAffinity->required, nodeLabels);
    }
    return true;
}

bool toleratesTaint(const Toleration& toleration, const Taint& taint) {
    if (toleration.effect && *toleration.effect != taint.effect) {
        return false;
    }
    if (!toleration.key.empty() && toleration.key != taint.key) {
        return false;
    }
    switch (toleration.op) {
    case TolerationOperator::Equal:
        return toleration.value == taint.value;
    case TolerationOperator::Exists:
        return true;
    }
    return false;
}

bool tolerationsTolerateTaint(std::span<const Toleration> tolerations, const Taint& taint) {
    return std::any_of(tolerations.begin(), tolerations.end(),
                       [&](const Toleration& t) { return toleratesTaint(t, taint); });
}

std::string_view taintEffectName(TaintEffect effect) {
    switch (effect) {
    case TaintEffect::NoSchedule:
        return "NoSchedule";
    case TaintEffect::PreferNoSchedule:
        return "PreferNoSchedule";
    case TaintEffect::NoExecute:
        return "NoExecute";
    }
    return "";
}

std::string normalizedImageName(std::string_view image) {
    // A tag follows the last ':' only if that ':' comes after the last '/' (a registry port
    // such as "host:5000/app" is not a tag). Digests ("@sha256:…") count as tagged, as upstream.
    const auto colon = image.rfind(':');
    const auto slash = image.rfind('/');
    const bool tagged =
        colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
    std::string out(image);
    if (!tagged) {
        out += ":latest";
    }
    return out;
}

namespace {
std::string_view operatorName(SelectorOperator op) {
    switch (op) {
    case SelectorOperator::In:
        return "In";
    case SelectorOperator::NotIn:
        return "NotIn";
    case SelectorOperator::Exists:
        return "Exists";
    case SelectorOperator::DoesNotExist:
        return "DoesNotExist";
    case SelectorOperator::Gt:
        return "Gt";
    case SelectorOperator::Lt:
        return "Lt";
    }
    return "";
}
} // namespace

std::string selectorKey(const LabelSelector& selector) {
    std::string out;
    for (const auto& [k, v] : selector.matchLabels) {
        out += k;
        out += '=';
        out += v;
        out += ',';
    }
    for (const auto& r : selector.matchExpressions) {
        out += r.key;
        out += ' ';
        out += operatorName(r.op);
        out += " (";
        for (const auto& v : r.values) {
            out += v;
            out += ' ';
        }
        out += "),";
    }
    return out;
}

} // namespace cnsim
