#include "scenario/selectorreader.h"

#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/scenarioenums.h"

#include <charconv>

namespace cnsim {

namespace {

// Label selectors know the first four operators; node selectors add Gt and Lt.
const std::vector<std::string_view> kLabelOperators{enumNames<SelectorOperator>().begin(),
                                                    enumNames<SelectorOperator>().begin() + 4};

bool isInteger(const std::string& text) {
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size();
}

SelectorRequirement readRequirement(DiagnosticSink& sink, const YAML::Node& node,
                                    RequirementKind kind, const std::string& path,
                                    std::vector<PreservedField>& kept) {
    const std::string_view context =
        kind == RequirementKind::Node ? "node selector requirement" : "label selector requirement";
    const FieldTable table = selectorRequirementFields(context);
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    SelectorRequirement requirement;
    if (const YamlEntry* key = map.require("key")) {
        requirement.key = readName(sink, *key, checkLabelKey).value_or("");
    }
    const YamlEntry* op = map.require("operator");
    std::optional<std::size_t> opIndex;
    if (op != nullptr) {
        opIndex = readEnum(sink, *op,
                           kind == RequirementKind::Node ? enumNames<SelectorOperator>()
                                                         : kLabelOperators);
        requirement.op = static_cast<SelectorOperator>(opIndex.value_or(0));
    }
    const YamlEntry* values = map.find("values");
    std::vector<YAML::Node> items;
    if (values != nullptr) {
        items = readList(sink, *values);
        for (const YAML::Node& item : items) {
            const YamlEntry valueEntry{"values", values->keyNode, item};
            if (const std::optional<std::string> value =
                    readName(sink, valueEntry, checkLabelValue)) {
                requirement.values.push_back(*value);
            }
        }
    }
    if (!opIndex) {
        return requirement;
    }
    const std::string opName = enumName(requirement.op);
    switch (requirement.op) {
    case SelectorOperator::In:
    case SelectorOperator::NotIn:
        if (values == nullptr) {
            sink.error(map.owner(), "missing-key", {"values", std::string(context)},
                       "missing required field 'values' in " + std::string(context) +
                           " (operator " + opName + " needs at least one value)");
        } else if (items.empty() && (values->value.IsNull() || values->value.IsSequence())) {
            sink.error(values->keyMark(), "empty-list", {"values"},
                       "'values' must list at least one value when operator is " + opName);
        }
        break;
    case SelectorOperator::Exists:
    case SelectorOperator::DoesNotExist:
        if (values != nullptr && !items.empty()) {
            sink.error(values->keyMark(), "not-applicable", {"values", opName},
                       "'values' must be empty when operator is " + opName);
        }
        break;
    case SelectorOperator::Gt:
    case SelectorOperator::Lt:
        if (values == nullptr || items.size() != 1 ||
            (requirement.values.size() == 1 && !isInteger(requirement.values[0]))) {
            sink.error(values != nullptr ? values->keyMark() : map.owner(), "bad-value",
                       {"values", opName},
                       "'values' must hold exactly one integer when operator is " + opName);
        }
        break;
    }
    return requirement;
}

} // namespace

std::vector<SelectorRequirement> readRequirements(DiagnosticSink& sink, const YamlEntry& entry,
                                                  RequirementKind kind, const std::string& path,
                                                  std::vector<PreservedField>& kept) {
    std::vector<SelectorRequirement> requirements;
    const std::vector<YAML::Node> items = readList(sink, entry);
    for (std::size_t i = 0; i < items.size(); ++i) {
        requirements.push_back(
            readRequirement(sink, items[i], kind, path + "[" + std::to_string(i) + "]", kept));
    }
    return requirements;
}

LabelSelector readLabelSelector(DiagnosticSink& sink, const YamlEntry& entry,
                                std::string_view context, const std::string& path,
                                std::vector<PreservedField>& kept) {
    const FieldTable table = selectorFields(context);
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    LabelSelector selector;
    if (const YamlEntry* labels = map.find("matchLabels")) {
        selector.matchLabels = readLabels(sink, *labels).value_or(LabelMap{});
    }
    if (const YamlEntry* expressions = map.find("matchExpressions")) {
        selector.matchExpressions = readRequirements(sink, *expressions, RequirementKind::Label,
                                                     map.childPath("matchExpressions"), kept);
    }
    return selector;
}

} // namespace cnsim
