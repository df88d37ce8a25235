#pragma once

// SchedulerClusterView: the scheduler's snapshot of the cluster (upstream's scheduler cache
// and Snapshot, pkg/scheduler/backend/cache), kept up to date incrementally by the model.
//
// Invariants:
// - nodes() keeps insertion order; a node's index changes only when an earlier node is
//   removed. Scheduling visits nodes in this order, so it must not depend on hashing.
// - requested / nonZeroRequested / podsWith* / image node counts always equal the sums over
//   the pods and images on each node: every change goes through the methods below.
// - matchingPodCounts() memoises, per (namespace, selector), how many pods on each node
//   match; the memo is updated on every pod change, so a lookup is always current. It is
//   logically const (a cache); a view is used by one thread at a time.

#include "control/scheduling/schedulertypes.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cnsim {

// Pods sharing one namespace and one set of pod (anti-)affinity terms (the pods of one
// workload), counted per node, so InterPodAffinity matches each set once per attempt
// instead of every pod.
struct AffinityGroup {
    std::string nameSpace;
    std::shared_ptr<const PodAffinityRules> affinity;
    std::shared_ptr<const PodAffinityRules> antiAffinity;
    std::vector<int> counts; // per node index
    int total = 0;
};

class SchedulerClusterView {
public:
    // Adds a node (hostname label added when missing); returns false if the name exists.
    bool addNode(const SchedulerNodeSpec& spec);
    // Replaces labels, taints, unschedulable and allocatable; keeps pods and images.
    bool updateNode(const SchedulerNodeSpec& spec);
    bool removeNode(std::string_view name);
    bool setUnschedulable(std::string_view node, bool unschedulable);
    bool setTaints(std::string_view node, std::vector<Taint> taints);

    // Images present on a node (ImageLocality). `image` is normalized here.
    bool addImage(std::string_view node, std::string_view image, Bytes size);
    bool removeImage(std::string_view node, std::string_view image);

    // Binds / unbinds a pod. addPod copies what the scheduler needs from `pod`.
    bool addPod(std::string_view node, const SchedulerPodInfo& pod);
    bool removePod(std::string_view node, std::string_view nameSpace, std::string_view name);
    bool setPodTerminating(std::string_view node, std::string_view nameSpace, std::string_view name,
                           bool terminating);

    const std::vector<SchedulerNodeInfo>& nodes() const { return m_nodes; }
    std::optional<std::size_t> nodeIndex(std::string_view name) const;
    const SchedulerNodeInfo* node(std::string_view name) const;
    std::size_t podCount() const { return m_podCount; }
    // ImageStateSummary.NumNodes: how many nodes hold the (normalized) image.
    int imageNodeCount(const std::string& normalizedImage) const;

    // Per node index: pods in `nameSpace` whose labels match `selector`; `live` excludes
    // terminating pods (podtopologyspread countPodsMatchSelector).
    const std::vector<int>& matchingPodCounts(const std::string& nameSpace,
                                              const LabelSelector& selector, bool live) const;
    // Per node index: the node's value for label `key`, or null. Memoised until a node is
    // added, updated or removed; topology keys are looked up once per attempt this way.
    const std::vector<const std::string*>& labelColumn(const std::string& key) const;
    const std::vector<AffinityGroup>& affinityGroups() const { return m_affinityGroups; }
    // Drops the memo when it has grown large. Call between scheduling attempts only: it
    // invalidates references returned by matchingPodCounts (which otherwise stay valid until
    // the view changes).
    void trimSelectorMemo() const;

private:
    struct SelectorCount {
        std::string nameSpace;
        LabelSelector selector;
        std::vector<int> all;
        std::vector<int> live;
    };
    SchedulerNodeInfo* mutableNode(std::string_view name);
    void adjustSelectorCounts(std::size_t nodeIndex, const ScheduledPod& pod, int allDelta,
                              int liveDelta);
    void rebuildIndex();
    int affinityGroupFor(const ScheduledPod& pod);

    std::vector<SchedulerNodeInfo> m_nodes;
    // Lookup only; never iterated, so hashing cannot reach results.
    std::unordered_map<std::string, std::size_t> m_index;
    std::map<std::string, int> m_imageNodeCounts;
    std::size_t m_podCount = 0;
    mutable std::map<std::string, SelectorCount> m_selectorCounts;
    mutable std::map<std::string, std::vector<const std::string*>, std::less<>> m_labelColumns;
    std::vector<AffinityGroup> m_affinityGroups;
    std::map<std::string, int> m_affinityGroupIds;
};

} // namespace cnsim
