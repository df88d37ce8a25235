#pragma once

// The registry of resource types kubectl knows in cnsim: names, short names, API group and
// the functions that list them as a table or as API objects. `get`, `describe`, completion
// and the error messages all read this one list, so adding a type is one entry.
//
// Names and short names are those of `kubectl api-resources` on Kubernetes 1.34.

#include "kubectl/labelselector.h"
#include "kubectl/objectvalue.h"
#include "kubectl/tableprinter.h"

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

class Simulation;
struct ObjectMeta;

enum class KubectlResource {
    Pods,
    Nodes,
    Deployments,
    ReplicaSets,
    Services,
    Endpoints,
    Events,
    PodDisruptionBudgets,
    HorizontalPodAutoscalers,
    Rollouts,
    AnalysisRuns,
    AnalysisTemplates,
    ScaledObjects,
    VerticalPodAutoscalers
};

// Which objects a `get` or `describe` is about.
struct ObjectFilter {
    std::string nameSpace; // empty: every namespace (-A)
    std::vector<std::string> names;
    LabelQuery labels;
    bool matches(const ObjectMeta& meta, bool namespaced) const;
};

struct TableOptions {
    bool wide = false;
    bool withNamespace = false; // -A: a NAMESPACE column first
    bool showLabels = false;    // --show-labels: a LABELS column last
};

struct ResourceType {
    KubectlResource resource;
    std::string_view plural;   // "deployments"
    std::string_view singular; // "deployment"
    std::vector<std::string_view> shortNames;
    std::string_view kind;  // "Deployment"
    std::string_view group; // "apps"; empty for the core group
    std::string_view version;
    bool namespaced = true;
    bool describable = false;
    Table (*table)(const Simulation&, const ObjectFilter&, const TableOptions&) = nullptr;
    std::vector<ObjectValue> (*objects)(const Simulation&, const ObjectFilter&) = nullptr;
    // Names of the objects in a namespace (every namespace when empty), in list order.
    std::vector<std::string> (*names)(const Simulation&, const std::string& nameSpace) = nullptr;

    // "deployments.apps", "pods": how the API server names the resource in errors.
    std::string qualifiedPlural() const;
    // "deployment.apps", "pod", "node": the prefix of kubectl's "<type>/<name> scaled" lines.
    std::string qualifiedSingular() const;
    std::string apiVersion() const; // "apps/v1", "v1"
};

// Every type, in `kubectl api-resources` order for the ones cnsim has.
const std::vector<ResourceType>& resourceTypes();
// By plural, singular, short name or "<plural>.<group>" ("deployments.apps"), any case.
const ResourceType* findResourceType(std::string_view name);
const ResourceType& resourceType(KubectlResource resource);

} // namespace cnsim
