#pragma once

// PodLabelIndex: the pods carrying each label, kept from the Pod watch. A controller that
// selects pods by labels at every sync (the HPA, for its target's pods) then reads the pods
// with one of the selector's labels instead of walking every pod of a large cluster, and gets
// exactly what a walk would: the pods of the namespace whose labels match, in the pods table's
// key order.

#include "cluster/apiserver.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cnsim {

class PodLabelIndex {
public:
    // Indexes the pods there are now, then follows the Pod watch.
    explicit PodLabelIndex(ApiServer& api);
    PodLabelIndex(const PodLabelIndex&) = delete;
    PodLabelIndex& operator=(const PodLabelIndex&) = delete;

    // Pod key and pod, valid until the next Pod change.
    using Selected = std::vector<std::pair<const std::string*, const PodObject*>>;
    Selected select(const std::string& nameSpace, const LabelMap& selector) const;

private:
    using PodsByKey = std::map<std::string, const PodObject*>;

    void podChanged(WatchEventType type, const ObjectMeta& meta);
    void add(const std::string& key, const PodObject& pod);
    void remove(const std::string& key);
    static std::string labelKey(const std::string& name, const std::string& value);

    const ApiServer& m_api;
    std::map<std::string, PodsByKey> m_byLabel; // "name=value" → its pods
    std::map<std::string, LabelMap> m_labelsOf; // pod key → the labels it is indexed under
};

} // namespace cnsim
