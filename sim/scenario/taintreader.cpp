#include "scenario/taintreader.h"

#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/scenarioenums.h"

#include <limits>
#include <set>

namespace cnsim {

namespace {

// Kubernetes allows any int64; cnsim caps at int32 seconds (68 years) so the value fits a
// SimTime and a typo of many digits is caught.
constexpr std::int64_t kMaxTolerationSeconds = std::numeric_limits<std::int32_t>::max();

Toleration readToleration(DiagnosticSink& sink, const YAML::Node& node, const std::string& path,
                          std::vector<PreservedField>& kept) {
    const FieldTable table = tolerationFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    Toleration toleration;
    const YamlEntry* key = map.find("key");
    if (key != nullptr) {
        toleration.key = readName(sink, *key, checkLabelKey).value_or("");
    }
    const YamlEntry* op = map.find("operator");
    bool opRead = true;
    if (op != nullptr) {
        const std::optional<std::size_t> index =
            readEnum(sink, *op, enumNames<TolerationOperator>());
        opRead = index.has_value();
        toleration.op = static_cast<TolerationOperator>(index.value_or(0));
    }
    if (const YamlEntry* value = map.find("value")) {
        const std::optional<std::string> text = readString(sink, *value);
        if (text && opRead && toleration.op == TolerationOperator::Exists && !text->empty()) {
            sink.error(value->keyMark(), "not-applicable", {"value", "Exists"},
                       "'value' must be empty when operator is Exists (it matches any value)");
        } else if (text) {
            toleration.value = readName(sink, *value, checkLabelValue).value_or("");
        }
    }
    if (map.isMap() && opRead && toleration.op != TolerationOperator::Exists &&
        (key == nullptr || (key->value.IsScalar() && key->value.Scalar().empty()))) {
        sink.error(map.owner(), "missing-key", {"key", "toleration"},
                   "missing required field 'key' in toleration (only operator Exists may "
                   "leave it out, to tolerate every taint)");
    }
    const YamlEntry* effect = map.find("effect");
    if (effect != nullptr) {
        if (const std::optional<std::size_t> index =
                readEnum(sink, *effect, enumNames<TaintEffect>())) {
            toleration.effect = static_cast<TaintEffect>(*index);
        }
    }
    if (const YamlEntry* seconds = map.find("tolerationSeconds")) {
        toleration.tolerationSeconds = readInteger(sink, *seconds, 0, kMaxTolerationSeconds);
        if (toleration.effect != TaintEffect::NoExecute &&
            (effect == nullptr || toleration.effect)) {
            sink.error(seconds->keyMark(), "not-applicable", {"tolerationSeconds", "NoExecute"},
                       "'tolerationSeconds' applies only to effect NoExecute (only NoExecute "
                       "taints evict running pods)");
        }
    }
    return toleration;
}

} // namespace

std::vector<Taint> readTaints(DiagnosticSink& sink, const YamlEntry& entry) {
    static const FieldTable table = cnsimFields("taint", {"key", "value", "effect"});
    std::vector<Taint> taints;
    std::set<std::pair<std::string, TaintEffect>> seen;
    for (const YAML::Node& item : readList(sink, entry)) {
        MapCursor map(sink, item, item.Mark(), table);
        Taint taint;
        bool complete = true;
        if (const YamlEntry* key = map.require("key")) {
            const std::optional<std::string> name = readName(sink, *key, checkLabelKey);
            complete = name.has_value();
            taint.key = name.value_or("");
        }
        if (const YamlEntry* value = map.find("value")) {
            taint.value = readName(sink, *value, checkLabelValue).value_or("");
        }
        if (const YamlEntry* effect = map.require("effect")) {
            const std::optional<std::size_t> index =
                readEnum(sink, *effect, enumNames<TaintEffect>());
            complete = complete && index.has_value();
            taint.effect = static_cast<TaintEffect>(index.value_or(0));
        } else {
            complete = false;
        }
        if (complete && map.isMap() && !seen.emplace(taint.key, taint.effect).second) {
            const std::string name = taint.key + ":" + enumName(taint.effect);
            sink.error(item.Mark(), "duplicate-name", {"taint", name},
                       "duplicate taint '" + name +
                           "' (a node has at most one taint per key "
                           "and effect)");
        }
        taints.push_back(std::move(taint));
    }
    return taints;
}

std::vector<Toleration> readTolerations(DiagnosticSink& sink, const YamlEntry& entry,
                                        const std::string& path,
                                        std::vector<PreservedField>& kept) {
    std::vector<Toleration> tolerations;
    const std::vector<YAML::Node> items = readList(sink, entry);
    for (std::size_t i = 0; i < items.size(); ++i) {
        tolerations.push_back(
            readToleration(sink, items[i], path + "[" + std::to_string(i) + "]", kept));
    }
    return tolerations;
}

} // namespace cnsim
