#pragma once

// The `get` table and the names of one kind of custom resource (Argo Rollouts', KEDA's): the
// -A NAMESPACE column first, --show-labels' LABELS column last, rows from `row`, in the API
// server's key order.

#include "cluster/apiserver.h"
#include "kubectl/resourcetypes.h"

#include <string>
#include <vector>

namespace cnsim {

template <class T, class Row>
Table listTable(const ObjectTable<T>& objects, const ObjectFilter& filter,
                const TableOptions& options, std::vector<std::string> headers, Row row) {
    Table table;
    if (options.withNamespace) {
        table.headers.push_back("NAMESPACE");
    }
    table.headers.insert(table.headers.end(), headers.begin(), headers.end());
    if (options.showLabels) {
        table.headers.push_back("LABELS");
    }
    for (const auto& [key, object] : objects) {
        if (!filter.matches(object.meta, true)) {
            continue;
        }
        std::vector<std::string> cells;
        if (options.withNamespace) {
            cells.push_back(object.meta.nameSpace);
        }
        for (std::string& cell : row(object)) {
            cells.push_back(std::move(cell));
        }
        if (options.showLabels) {
            std::string labels;
            for (const auto& [k, v] : object.meta.labels) {
                labels += (labels.empty() ? "" : ",") + k + "=" + v;
            }
            cells.push_back(labels.empty() ? "<none>" : labels);
        }
        table.rows.push_back(std::move(cells));
    }
    return table;
}

template <class T>
std::vector<std::string> namesOf(const ObjectTable<T>& objects, const std::string& nameSpace) {
    std::vector<std::string> names;
    for (const auto& [key, object] : objects) {
        if (nameSpace.empty() || object.meta.nameSpace == nameSpace) {
            names.push_back(object.meta.name);
        }
    }
    return names;
}

} // namespace cnsim
