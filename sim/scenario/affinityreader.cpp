#include "scenario/affinityreader.h"

#include "scenario/kubernetesfields.h"
#include "scenario/names.h"
#include "scenario/scenarioenums.h"
#include "scenario/selectorreader.h"

#include <limits>
#include <set>

namespace cnsim {

namespace {

constexpr const char* kRequired = "requiredDuringSchedulingIgnoredDuringExecution";
constexpr const char* kPreferred = "preferredDuringSchedulingIgnoredDuringExecution";
constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();

std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

int readWeight(DiagnosticSink& sink, MapCursor& map) {
    // Kubernetes: "must be in the range 1-100".
    if (const YamlEntry* weight = map.require("weight")) {
        return static_cast<int>(readInteger(sink, *weight, 1, 100).value_or(1));
    }
    return 1;
}

NodeSelectorTerm readNodeSelectorTerm(DiagnosticSink& sink, const YAML::Node& node,
                                      const YAML::Mark& owner, const std::string& path,
                                      std::vector<PreservedField>& kept) {
    const FieldTable table = nodeSelectorTermFields();
    MapCursor map(sink, node, owner, table, path, &kept);
    NodeSelectorTerm term;
    if (const YamlEntry* expressions = map.find("matchExpressions")) {
        term.matchExpressions = readRequirements(sink, *expressions, RequirementKind::Node,
                                                 map.childPath("matchExpressions"), kept);
    }
    return term;
}

NodeAffinity readNodeAffinity(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                              std::vector<PreservedField>& kept) {
    const FieldTable table = nodeAffinityFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    NodeAffinity affinity;
    if (const YamlEntry* required = map.find(kRequired)) {
        const FieldTable selectorTable = nodeSelectorFields();
        MapCursor selector(sink, required->value, required->keyMark(), selectorTable,
                           map.childPath(kRequired), &kept);
        if (const YamlEntry* terms = selector.require("nodeSelectorTerms")) {
            const std::vector<YAML::Node> items = readList(sink, *terms);
            // Kubernetes: "must have at least one node selector term".
            if (items.empty() && (terms->value.IsNull() || terms->value.IsSequence())) {
                sink.error(terms->keyMark(), "empty-list", {"nodeSelectorTerms"},
                           "'nodeSelectorTerms' must list at least one term");
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                affinity.required.push_back(
                    readNodeSelectorTerm(sink, items[i], items[i].Mark(),
                                         item(selector.childPath("nodeSelectorTerms"), i), kept));
            }
        }
    }
    if (const YamlEntry* preferred = map.find(kPreferred)) {
        const std::vector<YAML::Node> items = readList(sink, *preferred);
        const FieldTable termTable = preferredSchedulingTermFields();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string termPath = item(map.childPath(kPreferred), i);
            MapCursor term(sink, items[i], items[i].Mark(), termTable, termPath, &kept);
            PreferredSchedulingTerm preferredTerm;
            preferredTerm.weight = readWeight(sink, term);
            if (const YamlEntry* preference = term.require("preference")) {
                preferredTerm.preference =
                    readNodeSelectorTerm(sink, preference->value, preference->keyMark(),
                                         term.childPath("preference"), kept);
            }
            affinity.preferred.push_back(std::move(preferredTerm));
        }
    }
    return affinity;
}

PodAffinityTerm readPodAffinityTerm(DiagnosticSink& sink, const YAML::Node& node,
                                    const YAML::Mark& owner, const std::string& path,
                                    std::vector<PreservedField>& kept) {
    const FieldTable table = podAffinityTermFields();
    MapCursor map(sink, node, owner, table, path, &kept);
    PodAffinityTerm term;
    // Without a labelSelector Kubernetes matches no pods, which makes the term meaningless
    // (and an empty selector `{}` means "every pod"): cnsim asks for it to be explicit.
    if (const YamlEntry* selector = map.require("labelSelector")) {
        term.labelSelector = readLabelSelector(sink, *selector, "pod affinity labelSelector",
                                               map.childPath("labelSelector"), kept);
    }
    if (const YamlEntry* topologyKey = map.require("topologyKey")) {
        term.topologyKey = readName(sink, *topologyKey, checkLabelKey).value_or("");
    }
    return term;
}

PodAffinityRules readPodAffinity(DiagnosticSink& sink, const YamlEntry& entry,
                                 std::string_view context, const std::string& path,
                                 std::vector<PreservedField>& kept) {
    const FieldTable table = podAffinityFields(context);
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    PodAffinityRules rules;
    if (const YamlEntry* required = map.find(kRequired)) {
        const std::vector<YAML::Node> items = readList(sink, *required);
        for (std::size_t i = 0; i < items.size(); ++i) {
            rules.required.push_back(readPodAffinityTerm(sink, items[i], items[i].Mark(),
                                                         item(map.childPath(kRequired), i), kept));
        }
    }
    if (const YamlEntry* preferred = map.find(kPreferred)) {
        const std::vector<YAML::Node> items = readList(sink, *preferred);
        const FieldTable weightedTable = weightedPodAffinityTermFields();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string termPath = item(map.childPath(kPreferred), i);
            MapCursor weighted(sink, items[i], items[i].Mark(), weightedTable, termPath, &kept);
            WeightedPodAffinityTerm term;
            term.weight = readWeight(sink, weighted);
            if (const YamlEntry* podTerm = weighted.require("podAffinityTerm")) {
                term.podAffinityTerm =
                    readPodAffinityTerm(sink, podTerm->value, podTerm->keyMark(),
                                        weighted.childPath("podAffinityTerm"), kept);
            }
            rules.preferred.push_back(std::move(term));
        }
    }
    return rules;
}

TopologySpreadConstraint readSpreadConstraint(DiagnosticSink& sink, const YAML::Node& node,
                                              const std::string& path,
                                              std::vector<PreservedField>& kept) {
    const FieldTable table = topologySpreadConstraintFields();
    MapCursor map(sink, node, node.Mark(), table, path, &kept);
    TopologySpreadConstraint constraint;
    if (const YamlEntry* maxSkew = map.require("maxSkew")) {
        constraint.maxSkew =
            static_cast<int>(readInteger(sink, *maxSkew, 1, kMaxInt32).value_or(1));
    }
    if (const YamlEntry* topologyKey = map.require("topologyKey")) {
        constraint.topologyKey = readName(sink, *topologyKey, checkLabelKey).value_or("");
    }
    std::optional<std::size_t> action;
    if (const YamlEntry* when = map.require("whenUnsatisfiable")) {
        action = readEnum(sink, *when, enumNames<UnsatisfiableConstraintAction>());
        constraint.whenUnsatisfiable =
            static_cast<UnsatisfiableConstraintAction>(action.value_or(0));
    }
    // As for pod affinity: a missing selector would count no pods at all.
    if (const YamlEntry* selector = map.require("labelSelector")) {
        constraint.labelSelector = readLabelSelector(
            sink, *selector, "topology spread labelSelector", map.childPath("labelSelector"), kept);
    }
    if (const YamlEntry* minDomains = map.find("minDomains")) {
        constraint.minDomains =
            static_cast<int>(readInteger(sink, *minDomains, 1, kMaxInt32).value_or(1));
        if (action &&
            constraint.whenUnsatisfiable != UnsatisfiableConstraintAction::DoNotSchedule) {
            sink.error(minDomains->keyMark(), "not-applicable", {"minDomains", "ScheduleAnyway"},
                       "'minDomains' applies only when whenUnsatisfiable is DoNotSchedule");
        }
    }
    return constraint;
}

} // namespace

Affinity readAffinity(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                      std::vector<PreservedField>& kept) {
    const FieldTable table = affinityFields();
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    Affinity affinity;
    if (const YamlEntry* node = map.find("nodeAffinity")) {
        affinity.nodeAffinity = readNodeAffinity(sink, *node, map.childPath("nodeAffinity"), kept);
    }
    if (const YamlEntry* pod = map.find("podAffinity")) {
        affinity.podAffinity =
            readPodAffinity(sink, *pod, "pod affinity", map.childPath("podAffinity"), kept);
    }
    if (const YamlEntry* anti = map.find("podAntiAffinity")) {
        affinity.podAntiAffinity = readPodAffinity(sink, *anti, "pod anti-affinity",
                                                   map.childPath("podAntiAffinity"), kept);
    }
    return affinity;
}

std::vector<TopologySpreadConstraint>
readTopologySpreadConstraints(DiagnosticSink& sink, const YamlEntry& entry, const std::string& path,
                              std::vector<PreservedField>& kept) {
    std::vector<TopologySpreadConstraint> constraints;
    std::set<std::pair<std::string, UnsatisfiableConstraintAction>> seen;
    const std::vector<YAML::Node> items = readList(sink, entry);
    for (std::size_t i = 0; i < items.size(); ++i) {
        TopologySpreadConstraint constraint =
            readSpreadConstraint(sink, items[i], item(path, i), kept);
        // Kubernetes: one constraint per {topologyKey, whenUnsatisfiable} pair.
        if (!constraint.topologyKey.empty() &&
            !seen.emplace(constraint.topologyKey, constraint.whenUnsatisfiable).second) {
            sink.error(items[i].Mark(), "duplicate-name",
                       {"topology spread constraint", constraint.topologyKey},
                       "duplicate topology spread constraint for topologyKey '" +
                           constraint.topologyKey + "' and whenUnsatisfiable " +
                           enumName(constraint.whenUnsatisfiable));
        }
        constraints.push_back(std::move(constraint));
    }
    return constraints;
}

} // namespace cnsim
