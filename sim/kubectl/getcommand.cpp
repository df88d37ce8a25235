// kubectl get, describe and api-resources (k8s.io/kubectl/pkg/cmd/get/get.go,
// pkg/cmd/describe/describe.go, pkg/cmd/apiresources/apiresources.go).

#include "kubectl/describeprinter.h"
#include "kubectl/genericdescribe.h"
#include "kubectl/kubectlcommands.h"
#include "kubectl/objectencoder.h"
#include "kubectl/rolloutprinter.h"
#include "model/simulation.h"

#include <algorithm>

namespace cnsim {

namespace {

ObjectFilter filterFor(const ResourceType& type, const Scope& scope,
                       const std::vector<std::string>& names, const LabelQuery& selector) {
    ObjectFilter filter;
    filter.nameSpace = (!type.namespaced || scope.allNamespaces) ? std::string() : scope.nameSpace;
    filter.names = names;
    filter.labels = selector;
    return filter;
}

// The names asked for that do not exist, each a NotFound error line.
std::string missingNames(const Simulation& sim, const ResourceType& type, const ObjectFilter& f) {
    std::string err;
    const std::vector<std::string> existing = type.names(sim, f.nameSpace);
    for (const std::string& name : f.names) {
        if (std::find(existing.begin(), existing.end(), name) == existing.end()) {
            err += "Error from server (NotFound): " + type.qualifiedPlural() + " \"" + name +
                   "\" not found\n";
        }
    }
    return err;
}

std::string noResources(const Scope& scope, bool anyNamespaced) {
    if (scope.allNamespaces || !anyNamespaced) {
        return "No resources found\n";
    }
    return "No resources found in " + scope.nameSpace + " namespace.\n";
}

} // namespace

KubectlResult executeGet(const Simulation& sim, const GetCommand& c) {
    KubectlResult result;
    const bool multi = c.targets.size() > 1;
    const bool structured = c.output == OutputFormat::Yaml || c.output == OutputFormat::Json;
    std::vector<ObjectValue> items;
    std::vector<std::string> tables;
    bool anyNamespaced = false;
    bool singleObject = c.targets.size() == 1 && c.targets.front().names.size() == 1;
    for (const ResourceTarget& target : c.targets) {
        const ResourceType& type = *target.type;
        anyNamespaced = anyNamespaced || type.namespaced;
        if (type.resource == KubectlResource::Endpoints) {
            // kubectl 1.34 prints the API server's deprecation warning for v1 Endpoints.
            result.err += "Warning: v1 Endpoints is deprecated in v1.33+; use "
                          "discovery.k8s.io/v1 EndpointSlice\n";
        }
        const ObjectFilter filter = filterFor(type, c.scope, target.names, c.selector);
        const std::string missing = missingNames(sim, type, filter);
        if (!missing.empty()) {
            result.err += missing;
            result.exitCode = 1;
            singleObject = false;
        }
        if (structured) {
            for (ObjectValue& v : type.objects(sim, filter)) {
                items.push_back(std::move(v));
            }
            continue;
        }
        TableOptions options;
        options.wide = c.output == OutputFormat::Wide;
        options.withNamespace = type.namespaced && c.scope.allNamespaces;
        options.showLabels = c.showLabels;
        Table table = type.table(sim, filter, options);
        if (table.rows.empty()) {
            continue;
        }
        // With several types, kubectl names each row "<type>/<name>" (get.go printGeneric).
        const std::size_t nameColumn = options.withNamespace ? 1 : 0;
        if (c.output == OutputFormat::Name) {
            std::string lines;
            for (const auto& row : table.rows) {
                lines += type.qualifiedSingular() + "/" + row[nameColumn] + "\n";
            }
            tables.push_back(lines);
            continue;
        }
        if (multi && type.resource != KubectlResource::Events) {
            for (auto& row : table.rows) {
                row[nameColumn] = type.qualifiedSingular() + "/" + row[nameColumn];
            }
        }
        tables.push_back(renderTable(table, c.noHeaders));
    }
    if (structured) {
        // An empty result is an empty List for -o yaml|json, never "No resources found".
        const ObjectValue doc =
            singleObject && items.size() == 1 ? items.front() : encodeList(std::move(items));
        if (!(result.exitCode != 0 && c.targets.size() == 1 &&
              c.targets.front().names.size() == 1)) {
            result.out = c.output == OutputFormat::Json ? toJson(doc) : toYaml(doc);
        }
        return result;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        // Tables of different types are separated by a blank line; names are not.
        result.out += (i > 0 && c.output != OutputFormat::Name ? "\n" : "") + tables[i];
    }
    if (tables.empty() && result.exitCode == 0) {
        result.err += noResources(c.scope, anyNamespaced);
    }
    return result;
}

KubectlResult executeDescribe(const Simulation& sim, const DescribeCommand& c) {
    const ResourceType& type = *c.target.type;
    const ObjectFilter filter = filterFor(type, c.scope, c.target.names, c.selector);
    KubectlResult result;
    result.err = missingNames(sim, type, filter);
    result.exitCode = result.err.empty() ? 0 : 1;
    std::vector<std::string> parts;
    const auto collect = [&](const auto& table, auto describe, bool namespaced) {
        for (const auto& [key, object] : table) {
            if (filter.matches(object.meta, namespaced)) {
                parts.push_back(describe(sim, object));
            }
        }
    };
    switch (type.resource) {
    case KubectlResource::Pods:
        collect(sim.api().pods(), describePod, true);
        break;
    case KubectlResource::Nodes:
        collect(sim.api().nodes(), describeNode, false);
        break;
    case KubectlResource::Deployments:
        collect(sim.api().deployments(), describeDeployment, true);
        break;
    case KubectlResource::ReplicaSets:
        collect(sim.api().replicaSets(), describeReplicaSet, true);
        break;
    case KubectlResource::Services:
        collect(sim.api().services(), describeService, true);
        break;
    case KubectlResource::HorizontalPodAutoscalers:
        collect(sim.api().horizontalPodAutoscalers(), describeHorizontalPodAutoscaler, true);
        break;
    case KubectlResource::Rollouts:
        collect(sim.api().rollouts(), describeRollout, true);
        break;
    case KubectlResource::ScaledObjects:
    case KubectlResource::VerticalPodAutoscalers:
        for (const ObjectValue& object : type.objects(sim, filter)) {
            parts.push_back(describeCustomResource(sim, object));
        }
        break;
    default:
        break;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        // describe.go separates objects with a blank line.
        result.out += (i > 0 ? "\n\n" : "") + parts[i];
    }
    if (parts.empty() && result.exitCode == 0) {
        result.err = noResources(c.scope, type.namespaced);
    }
    return result;
}

KubectlResult executeApiResources() {
    Table table;
    table.headers = {"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"};
    for (const ResourceType& t : resourceTypes()) {
        std::string shorts;
        for (const std::string_view s : t.shortNames) {
            shorts += (shorts.empty() ? "" : ",") + std::string(s);
        }
        table.rows.push_back({std::string(t.plural), shorts, t.apiVersion(),
                              t.namespaced ? "true" : "false", std::string(t.kind)});
    }
    return {0, renderTable(table), {}};
}

} // namespace cnsim
