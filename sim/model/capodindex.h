#pragma once

// CaPodIndex: the pods a cluster-autoscaler scan reads, kept up to date from Pod watch events
// (upstream's listers read an informer cache the same way), so a scan at 10,000 pods does not
// walk them all:
// - the unschedulable pods: not bound, not terminating, marked PodScheduled=False with reason
//   Unschedulable by the scheduler;
// - each node's pods: bound to it and not terminating;
// - the nodes whose pods changed since the caller last asked.
// Both pod lists keep the pods table's key order, the order the scans consider pods in.
// Pointers stay valid until the pod is removed, which the index hears of first.

#include "cluster/objects.h"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace cnsim {

class CaPodIndex {
public:
    using Pods = std::map<std::string, const PodObject*>; // by pod key

    // `pod` is the pod's current state, or nullptr once it is gone.
    void podChanged(const std::string& key, const PodObject* pod);

    const Pods& unschedulable() const { return m_unschedulable; }
    const Pods& podsOn(const std::string& node) const;
    std::set<std::string> takeChangedNodes() { return std::exchange(m_changedNodes, {}); }

private:
    void placeOnNode(const std::string& key, const PodObject* pod);

    Pods m_unschedulable;
    std::map<std::string, Pods> m_podsByNode;
    std::map<std::string, std::string> m_nodeOfPod; // pod key → the node it counts on
    std::set<std::string> m_changedNodes;
};

} // namespace cnsim
