#include "kubectl/encoderutil.h"

#include "kubectl/tableprinter.h"

namespace cnsim::encoding {

using Map = ObjectValue::Map;
using List = ObjectValue::List;

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
    return "In";
}

ObjectValue requirements(const std::vector<SelectorRequirement>& reqs) {
    List list;
    for (const SelectorRequirement& r : reqs) {
        ObjectValue item;
        item["key"] = r.key;
        item["operator"] = operatorName(r.op);
        if (!r.values.empty()) {
            List values;
            for (const std::string& v : r.values) {
                values.emplace_back(v);
            }
            item["values"] = std::move(values);
        }
        list.push_back(std::move(item));
    }
    return list;
}

} // namespace

ObjectValue labelMap(const LabelMap& labels) {
    Map m;
    for (const auto& [k, v] : labels) {
        m.emplace(k, ObjectValue(v));
    }
    return m;
}

ObjectValue intOrPercent(const IntOrPercent& v) {
    if (v.isPercent) {
        return std::to_string(v.value) + "%";
    }
    return v.value;
}
ObjectValue labelSelector(const LabelSelector& s) {
    ObjectValue v = ObjectValue::emptyMap();
    if (!s.matchLabels.empty()) {
        v["matchLabels"] = labelMap(s.matchLabels);
    }
    if (!s.matchExpressions.empty()) {
        v["matchExpressions"] = requirements(s.matchExpressions);
    }
    return v;
}

ObjectValue metadata(const ObjectMeta& meta, bool namespaced, bool withGeneration) {
    ObjectValue m;
    if (!meta.annotations.empty()) {
        m["annotations"] = labelMap(meta.annotations);
    }
    m["creationTimestamp"] = formatTimestamp(meta.creationTimestamp);
    if (meta.deletionTimestamp) {
        m["deletionTimestamp"] = formatTimestamp(*meta.deletionTimestamp);
    }
    if (withGeneration) {
        m["generation"] = meta.generation;
    }
    if (!meta.labels.empty()) {
        m["labels"] = labelMap(meta.labels);
    }
    m["name"] = meta.name;
    if (namespaced) {
        m["namespace"] = meta.nameSpace;
    }
    if (!meta.ownerReferences.empty()) {
        List owners;
        for (const OwnerReference& o : meta.ownerReferences) {
            ObjectValue ref;
            ref["apiVersion"] = (o.kind == "ReplicaSet" || o.kind == "Deployment") ? "apps/v1"
                                : o.kind == "Rollout" ? "argoproj.io/v1alpha1"
                                                      : "v1";
            ref["blockOwnerDeletion"] = true;
            ref["controller"] = true;
            ref["kind"] = o.kind;
            ref["name"] = o.name;
            ref["uid"] = o.uid;
            owners.push_back(std::move(ref));
        }
        m["ownerReferences"] = std::move(owners);
    }
    m["resourceVersion"] = std::to_string(meta.resourceVersion);
    m["uid"] = meta.uid;
    return m;
}

ObjectValue header(std::string_view apiVersion, std::string_view kind) {
    ObjectValue v;
    v["apiVersion"] = apiVersion;
    v["kind"] = kind;
    return v;
}

} // namespace cnsim::encoding
