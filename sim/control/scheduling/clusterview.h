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
//   logically const (a cache); a view is used by one thread at a time. A pod change touches
//   only the memos whose selector needs one of the pod's labels (an index by the selector's
//   first matchLabels pair), and a new memo reads only the nodes that hold a pod with its
//   rarest matchLabels pair (an index of pods by label pair), so neither costs O(all pods).
// - labelColumn() interns one label key's values per node; liveDomainTotals() keeps, per memo
//   and key, the live matching pods per value (per zone, say), updated with the counts.

#include "control/scheduling/schedulertypes.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
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

// The values of one label key across the nodes, interned: ids index `values`.
struct LabelColumn {
    static constexpr std::int32_t kMissing = -1;
    std::vector<std::int32_t> ids;      // per node index: value id, or kMissing without the key
    std::vector<std::string> values;    // id → value, ids in order of first node holding it
    std::size_t missing = 0;            // nodes without the key
    std::int32_t emptyValue = kMissing; // id of the value "" if a node has it
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
    // The node names by index, shared: the same snapshot until a node is added or removed, so
    // scheduling records can name nodes without a copy each.
    std::shared_ptr<const std::vector<std::string>> nodeNames() const;
    std::optional<std::size_t> nodeIndex(std::string_view name) const;
    const SchedulerNodeInfo* node(std::string_view name) const;
    std::size_t podCount() const { return m_podCount; }
    // ImageStateSummary.NumNodes: how many nodes hold the (normalized) image.
    int imageNodeCount(const std::string& normalizedImage) const;

    // Per node index: pods in `nameSpace` whose labels match `selector`; `live` excludes
    // terminating pods (podtopologyspread countPodsMatchSelector).
    const std::vector<int>& matchingPodCounts(const std::string& nameSpace,
                                              const LabelSelector& selector, bool live) const;
    // One label key's values, interned per node. Memoised until a node is added or removed or
    // its labels change; topology keys are looked up once per attempt this way.
    const LabelColumn& labelColumn(const std::string& key) const;
    // Per value id of labelColumn(key): live pods matching (nameSpace, selector) on the nodes
    // with that value (e.g. per zone). Kept incrementally with matchingPodCounts.
    const std::vector<std::int64_t>& liveDomainTotals(const std::string& nameSpace,
                                                      const LabelSelector& selector,
                                                      const std::string& key) const;
    const std::vector<AffinityGroup>& affinityGroups() const { return m_affinityGroups; }
    // Drops the memo when it has grown large. Call between scheduling attempts only: it
    // invalidates references returned by matchingPodCounts (which otherwise stay valid until
    // the view changes).
    void trimSelectorMemo() const;

private:
    struct DomainTotals {
        std::string key;
        std::uint64_t generation = 0; // m_columnGeneration it was computed for
        const LabelColumn* column = nullptr;
        std::vector<std::int64_t> live; // per value id
    };
    struct SelectorCount {
        std::string nameSpace;
        LabelSelector selector;
        std::vector<int> all; // built on first use (hasAll), then kept
        std::vector<int> live;
        bool hasAll = false;
        std::deque<DomainTotals> domains; // a deque: references stay valid as keys are added
    };
    // Pods by (namespace, label key, label value), and the memos indexed under that pair.
    struct LabelPair {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> nodes; // (node index, pods), sorted
        std::vector<SelectorCount*> memos; // memos whose selector's first matchLabels is this
    };
    SchedulerNodeInfo* mutableNode(std::string_view name);
    void adjustSelectorCounts(std::size_t nodeIndex, const ScheduledPod& pod, int allDelta,
                              int liveDelta);
    static void adjustMemo(SelectorCount& memo, std::size_t nodeIndex, int allDelta, int liveDelta,
                           std::uint64_t generation);
    void adjustLabelPairs(std::size_t nodeIndex, const ScheduledPod& pod, int delta);
    const std::string& pairKey(std::string_view nameSpace, std::string_view key,
                               std::string_view value) const;
    SelectorCount& selectorMemo(const std::string& nameSpace, const LabelSelector& selector) const;
    void labelsChanged();
    void rebuildIndex();
    int affinityGroupFor(const ScheduledPod& pod);

    std::vector<SchedulerNodeInfo> m_nodes;
    mutable std::shared_ptr<const std::vector<std::string>> m_nodeNames; // null: rebuild
    // Lookup only; never iterated, so hashing cannot reach results.
    std::unordered_map<std::string, std::size_t> m_index;
    std::map<std::string, int> m_imageNodeCounts;
    std::size_t m_podCount = 0;
    mutable std::map<std::string, std::unique_ptr<SelectorCount>> m_selectorCounts;
    mutable std::size_t m_selectorCells = 0;                  // ints held by the memos
    mutable std::vector<SelectorCount*> m_unindexedSelectors; // no matchLabels: checked always
    mutable std::map<std::string, LabelPair, std::less<>> m_labelPairs;
    mutable std::string m_pairKey; // scratch for pairKey()
    mutable std::map<std::string, LabelColumn, std::less<>> m_labelColumns;
    std::uint64_t m_columnGeneration = 1; // bumped whenever m_labelColumns is dropped
    std::vector<AffinityGroup> m_affinityGroups;
    std::map<std::string, int> m_affinityGroupIds;
};

} // namespace cnsim
