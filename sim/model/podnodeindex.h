#pragma once

// PodNodeIndex: the keys of the pods bound to each node, kept from the Pod watch, in the pods
// table's key order. Controllers that act on one node's pods (the node lifecycle controller
// marking them NotReady, the kubelet catching up after a reconnect) read them here instead of
// walking every pod of a large cluster, and visit the same pods in the same order a walk
// would. Terminating pods count: they are still bound.

#include "cluster/apiserver.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cnsim {

class PodNodeIndex {
public:
    // Indexes the pods there are now, then follows the Pod watch.
    explicit PodNodeIndex(ApiServer& api);
    PodNodeIndex(const PodNodeIndex&) = delete;
    PodNodeIndex& operator=(const PodNodeIndex&) = delete;

    // A copy: the caller may change the pods, which the watch then re-indexes.
    std::vector<std::string> keysOn(const std::string& node) const;

private:
    void podChanged(WatchEventType type, const ObjectMeta& meta);
    void place(const std::string& key, const std::string& node); // "" → on no node

    const ApiServer& m_api;
    std::map<std::string, std::set<std::string>> m_keysByNode;
    std::map<std::string, std::string> m_nodeOf; // pod key → its node
};

} // namespace cnsim
