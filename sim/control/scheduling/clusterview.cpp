#include "control/scheduling/clusterview.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>

namespace cnsim {

namespace {

// Memos holding more counters than this (32 Mi ints, 128 MiB) are dropped and rebuilt on
// demand. Selectors come from workloads: Kubernetes' limits (5,000 nodes, 1,500 Deployments)
// need about 7.5 Mi; a teaching cluster a few hundred.
constexpr std::size_t kMaxSelectorMemoCells = std::size_t{1} << 25;

void applyNodeSpec(SchedulerNodeInfo& node, const SchedulerNodeSpec& spec) {
    node.name = spec.name;
    node.labels = spec.labels;
    node.labels.try_emplace(std::string(k8s::kLabelHostname), spec.name);
    node.taints = spec.taints;
    node.unschedulable = spec.unschedulable;
    node.allocatable = spec.allocatable;
    node.allocatablePods = spec.allocatablePods;
}

} // namespace

bool SchedulerClusterView::addNode(const SchedulerNodeSpec& spec) {
    if (m_index.count(spec.name) != 0) {
        return false;
    }
    SchedulerNodeInfo node;
    applyNodeSpec(node, spec);
    m_index.emplace(spec.name, m_nodes.size());
    m_nodes.push_back(std::move(node));
    m_nodeNames.reset();
    labelsChanged();
    for (auto& [key, memo] : m_selectorCounts) {
        if (memo->hasAll) {
            memo->all.push_back(0);
            ++m_selectorCells;
        }
        memo->live.push_back(0);
        ++m_selectorCells;
    }
    for (auto& g : m_affinityGroups) {
        g.counts.push_back(0);
    }
    return true;
}

bool SchedulerClusterView::updateNode(const SchedulerNodeSpec& spec) {
    SchedulerNodeInfo* node = mutableNode(spec.name);
    if (node == nullptr) {
        return false;
    }
    const LabelMap before = node->labels;
    applyNodeSpec(*node, spec);
    if (node->labels != before) {
        labelsChanged();
    }
    return true;
}

bool SchedulerClusterView::removeNode(std::string_view name) {
    const auto index = nodeIndex(name);
    if (!index) {
        return false;
    }
    SchedulerNodeInfo& node = m_nodes[*index];
    m_podCount -= node.pods.size();
    for (const auto& p : node.pods) {
        adjustLabelPairs(*index, p, -1);
    }
    for (const auto& [image, size] : node.images) {
        if (--m_imageNodeCounts[image] == 0) {
            m_imageNodeCounts.erase(image);
        }
    }
    const auto offset = static_cast<std::ptrdiff_t>(*index);
    m_nodes.erase(m_nodes.begin() + offset);
    for (auto& [key, memo] : m_selectorCounts) {
        if (memo->hasAll) {
            memo->all.erase(memo->all.begin() + offset);
            --m_selectorCells;
        }
        memo->live.erase(memo->live.begin() + offset);
        --m_selectorCells;
    }
    // Node indices above the removed one move down by one.
    for (auto& [key, pair] : m_labelPairs) {
        for (auto& entry : pair.nodes) {
            if (entry.first > *index) {
                --entry.first;
            }
        }
    }
    for (auto& g : m_affinityGroups) {
        g.total -= g.counts[*index];
        g.counts.erase(g.counts.begin() + offset);
    }
    rebuildIndex();
    labelsChanged();
    m_nodeNames.reset();
    return true;
}

bool SchedulerClusterView::setUnschedulable(std::string_view name, bool unschedulable) {
    SchedulerNodeInfo* node = mutableNode(name);
    if (node == nullptr) {
        return false;
    }
    node->unschedulable = unschedulable;
    return true;
}

bool SchedulerClusterView::setTaints(std::string_view name, std::vector<Taint> taints) {
    SchedulerNodeInfo* node = mutableNode(name);
    if (node == nullptr) {
        return false;
    }
    node->taints = std::move(taints);
    return true;
}

bool SchedulerClusterView::addImage(std::string_view name, std::string_view image, Bytes size) {
    SchedulerNodeInfo* node = mutableNode(name);
    if (node == nullptr) {
        return false;
    }
    auto [it, inserted] = node->images.insert_or_assign(normalizedImageName(image), size);
    if (inserted) {
        ++m_imageNodeCounts[it->first];
    }
    return true;
}

bool SchedulerClusterView::removeImage(std::string_view name, std::string_view image) {
    SchedulerNodeInfo* node = mutableNode(name);
    if (node == nullptr) {
        return false;
    }
    const std::string key = normalizedImageName(image);
    if (node->images.erase(key) == 0) {
        return false;
    }
    if (--m_imageNodeCounts[key] == 0) {
        m_imageNodeCounts.erase(key);
    }
    return true;
}

bool SchedulerClusterView::addPod(std::string_view name, const SchedulerPodInfo& pod) {
    const auto index = nodeIndex(name);
    if (!index) {
        return false;
    }
    SchedulerNodeInfo& node = m_nodes[*index];
    ScheduledPod p;
    p.name = pod.name;
    p.nameSpace = pod.nameSpace;
    p.labels = pod.labels;
    p.requests = pod.requests;
    p.nonZeroRequests = pod.nonZeroRequests;
    p.terminating = pod.terminating;
    if (pod.spec != nullptr && pod.spec->affinity) {
        const Affinity& a = *pod.spec->affinity;
        if (a.podAffinity &&
            (!a.podAffinity->required.empty() || !a.podAffinity->preferred.empty())) {
            p.affinity = std::make_shared<const PodAffinityRules>(*a.podAffinity);
        }
        if (a.podAntiAffinity &&
            (!a.podAntiAffinity->required.empty() || !a.podAntiAffinity->preferred.empty())) {
            p.antiAffinity = std::make_shared<const PodAffinityRules>(*a.podAntiAffinity);
        }
    }
    node.requested.cpu += p.requests.cpu;
    node.requested.memory += p.requests.memory;
    node.nonZeroRequested.cpu += p.nonZeroRequests.cpu;
    node.nonZeroRequested.memory += p.nonZeroRequests.memory;
    if (p.affinity || p.antiAffinity) {
        ++node.podsWithAffinity;
        p.affinityGroup = affinityGroupFor(p);
        auto& g = m_affinityGroups[static_cast<std::size_t>(p.affinityGroup)];
        ++g.counts[*index];
        ++g.total;
    }
    if (p.antiAffinity && !p.antiAffinity->required.empty()) {
        ++node.podsWithRequiredAntiAffinity;
    }
    adjustSelectorCounts(*index, p, +1, p.terminating ? 0 : +1);
    adjustLabelPairs(*index, p, +1);
    node.pods.push_back(std::move(p));
    ++m_podCount;
    return true;
}

bool SchedulerClusterView::removePod(std::string_view name, std::string_view nameSpace,
                                     std::string_view podName) {
    const auto index = nodeIndex(name);
    if (!index) {
        return false;
    }
    SchedulerNodeInfo& node = m_nodes[*index];
    const auto it = std::find_if(node.pods.begin(), node.pods.end(), [&](const ScheduledPod& p) {
        return p.name == podName && p.nameSpace == nameSpace;
    });
    if (it == node.pods.end()) {
        return false;
    }
    node.requested.cpu -= it->requests.cpu;
    node.requested.memory -= it->requests.memory;
    node.nonZeroRequested.cpu -= it->nonZeroRequests.cpu;
    node.nonZeroRequested.memory -= it->nonZeroRequests.memory;
    if (it->affinity || it->antiAffinity) {
        --node.podsWithAffinity;
        auto& g = m_affinityGroups[static_cast<std::size_t>(it->affinityGroup)];
        --g.counts[*index];
        --g.total;
    }
    if (it->antiAffinity && !it->antiAffinity->required.empty()) {
        --node.podsWithRequiredAntiAffinity;
    }
    adjustSelectorCounts(*index, *it, -1, it->terminating ? 0 : -1);
    adjustLabelPairs(*index, *it, -1);
    node.pods.erase(it);
    --m_podCount;
    return true;
}

bool SchedulerClusterView::setPodTerminating(std::string_view name, std::string_view nameSpace,
                                             std::string_view podName, bool terminating) {
    const auto index = nodeIndex(name);
    if (!index) {
        return false;
    }
    SchedulerNodeInfo& node = m_nodes[*index];
    for (auto& p : node.pods) {
        if (p.name == podName && p.nameSpace == nameSpace) {
            if (p.terminating != terminating) {
                // Only the live counts change: terminating pods still count in `all`.
                adjustSelectorCounts(*index, p, 0, terminating ? -1 : +1);
                p.terminating = terminating;
            }
            return true;
        }
    }
    return false;
}

std::optional<std::size_t> SchedulerClusterView::nodeIndex(std::string_view name) const {
    const auto it = m_index.find(std::string(name));
    if (it == m_index.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::shared_ptr<const std::vector<std::string>> SchedulerClusterView::nodeNames() const {
    if (!m_nodeNames) {
        auto names = std::make_shared<std::vector<std::string>>();
        names->reserve(m_nodes.size());
        for (const auto& n : m_nodes) {
            names->push_back(n.name);
        }
        m_nodeNames = std::move(names);
    }
    return m_nodeNames;
}

const SchedulerNodeInfo* SchedulerClusterView::node(std::string_view name) const {
    const auto index = nodeIndex(name);
    return index ? &m_nodes[*index] : nullptr;
}

int SchedulerClusterView::imageNodeCount(const std::string& normalizedImage) const {
    const auto it = m_imageNodeCounts.find(normalizedImage);
    return it == m_imageNodeCounts.end() ? 0 : it->second;
}

const std::string& SchedulerClusterView::pairKey(std::string_view nameSpace, std::string_view key,
                                                 std::string_view value) const {
    m_pairKey.assign(nameSpace);
    m_pairKey += '\0';
    m_pairKey += key;
    m_pairKey += '\0';
    m_pairKey += value;
    return m_pairKey;
}

void SchedulerClusterView::adjustLabelPairs(std::size_t nodeIndex, const ScheduledPod& pod,
                                            int delta) {
    const auto node = static_cast<std::uint32_t>(nodeIndex);
    for (const auto& [key, value] : pod.labels) {
        auto it = m_labelPairs.find(pairKey(pod.nameSpace, key, value));
        if (it == m_labelPairs.end()) {
            if (delta < 0) {
                continue;
            }
            it = m_labelPairs.emplace(m_pairKey, LabelPair{}).first;
        }
        auto& nodes = it->second.nodes;
        auto entry = std::lower_bound(nodes.begin(), nodes.end(), node,
                                      [](const auto& e, std::uint32_t n) { return e.first < n; });
        if (entry == nodes.end() || entry->first != node) {
            if (delta > 0) {
                nodes.insert(entry, {node, static_cast<std::uint32_t>(delta)});
            }
            continue;
        }
        entry->second = static_cast<std::uint32_t>(static_cast<int>(entry->second) + delta);
        if (entry->second == 0) {
            nodes.erase(entry);
        }
    }
}

SchedulerClusterView::SelectorCount&
SchedulerClusterView::selectorMemo(const std::string& nameSpace,
                                   const LabelSelector& selector) const {
    std::string key = nameSpace;
    key += '\n';
    key += selectorKey(selector);
    auto it = m_selectorCounts.find(key);
    if (it != m_selectorCounts.end()) {
        return *it->second;
    }
    auto memo = std::make_unique<SelectorCount>();
    memo->nameSpace = nameSpace;
    memo->selector = selector;
    memo->live.assign(m_nodes.size(), 0);
    m_selectorCells += m_nodes.size();
    // Only nodes holding a pod with every matchLabels pair can hold a match: read those of the
    // rarest pair. A selector without matchLabels reads every node.
    const LabelPair* rarest = nullptr;
    bool none = false;
    for (const auto& [k, v] : selector.matchLabels) {
        const auto pair = m_labelPairs.find(pairKey(nameSpace, k, v));
        if (pair == m_labelPairs.end()) {
            none = true;
            break;
        }
        if (rarest == nullptr || pair->second.nodes.size() < rarest->nodes.size()) {
            rarest = &pair->second;
        }
    }
    auto countNode = [&](std::size_t i) {
        for (const auto& p : m_nodes[i].pods) {
            if (!p.terminating && p.nameSpace == nameSpace &&
                matchesLabelSelector(selector, p.labels)) {
                ++memo->live[i];
            }
        }
    };
    if (!none && rarest != nullptr) {
        for (const auto& [node, count] : rarest->nodes) {
            countNode(node);
        }
    } else if (!none) {
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            countNode(i);
        }
    }
    SelectorCount* raw = memo.get();
    if (selector.matchLabels.empty()) {
        m_unindexedSelectors.push_back(raw);
    } else {
        const auto& [k, v] = *selector.matchLabels.begin();
        m_labelPairs[pairKey(nameSpace, k, v)].memos.push_back(raw);
    }
    m_selectorCounts.emplace(std::move(key), std::move(memo));
    return *raw;
}

const std::vector<int>& SchedulerClusterView::matchingPodCounts(const std::string& nameSpace,
                                                                const LabelSelector& selector,
                                                                bool live) const {
    SelectorCount& memo = selectorMemo(nameSpace, selector);
    if (live) {
        return memo.live;
    }
    if (!memo.hasAll) {
        // Terminating pods count here too; most callers never ask, so this is built lazily.
        memo.all = memo.live;
        m_selectorCells += memo.all.size();
        memo.hasAll = true;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            for (const auto& p : m_nodes[i].pods) {
                if (p.terminating && p.nameSpace == nameSpace &&
                    matchesLabelSelector(selector, p.labels)) {
                    ++memo.all[i];
                }
            }
        }
    }
    return memo.all;
}

const std::vector<std::int64_t>&
SchedulerClusterView::liveDomainTotals(const std::string& nameSpace, const LabelSelector& selector,
                                       const std::string& key) const {
    SelectorCount& memo = selectorMemo(nameSpace, selector);
    const LabelColumn& column = labelColumn(key);
    DomainTotals* domain = nullptr;
    for (auto& d : memo.domains) {
        if (d.key == key) {
            domain = &d;
            break;
        }
    }
    if (domain == nullptr) {
        memo.domains.push_back(DomainTotals{key, 0, nullptr, {}});
        domain = &memo.domains.back();
    }
    if (domain->generation != m_columnGeneration) {
        domain->generation = m_columnGeneration;
        domain->column = &column;
        domain->live.assign(column.values.size(), 0);
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const std::int32_t id = column.ids[i];
            if (id != LabelColumn::kMissing) {
                domain->live[static_cast<std::size_t>(id)] += memo.live[i];
            }
        }
    }
    return domain->live;
}

const LabelColumn& SchedulerClusterView::labelColumn(const std::string& key) const {
    auto it = m_labelColumns.find(key);
    if (it == m_labelColumns.end()) {
        LabelColumn column;
        column.ids.assign(m_nodes.size(), LabelColumn::kMissing);
        std::map<std::string_view, std::int32_t> ids;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const auto label = m_nodes[i].labels.find(key);
            if (label == m_nodes[i].labels.end()) {
                ++column.missing;
                continue;
            }
            const auto [id, inserted] =
                ids.try_emplace(label->second, static_cast<std::int32_t>(column.values.size()));
            if (inserted) {
                column.values.push_back(label->second);
                if (label->second.empty()) {
                    column.emptyValue = id->second;
                }
            }
            column.ids[i] = id->second;
        }
        it = m_labelColumns.emplace(key, std::move(column)).first;
    }
    return it->second;
}

void SchedulerClusterView::trimSelectorMemo() const {
    if (m_selectorCells > kMaxSelectorMemoCells) {
        m_selectorCounts.clear();
        m_unindexedSelectors.clear();
        for (auto& [key, pair] : m_labelPairs) {
            pair.memos.clear();
        }
        m_selectorCells = 0;
    }
}

SchedulerNodeInfo* SchedulerClusterView::mutableNode(std::string_view name) {
    const auto index = nodeIndex(name);
    return index ? &m_nodes[*index] : nullptr;
}

void SchedulerClusterView::labelsChanged() {
    m_labelColumns.clear();
    ++m_columnGeneration;
}

void SchedulerClusterView::adjustMemo(SelectorCount& memo, std::size_t nodeIndex, int allDelta,
                                      int liveDelta, std::uint64_t generation) {
    if (memo.hasAll) {
        memo.all[nodeIndex] += allDelta;
    }
    if (liveDelta == 0) {
        return;
    }
    memo.live[nodeIndex] += liveDelta;
    for (auto& d : memo.domains) {
        if (d.generation != generation) {
            continue; // stale: rebuilt on its next use
        }
        const std::int32_t id = d.column->ids[nodeIndex];
        if (id != LabelColumn::kMissing) {
            d.live[static_cast<std::size_t>(id)] += liveDelta;
        }
    }
}

void SchedulerClusterView::adjustSelectorCounts(std::size_t nodeIndex, const ScheduledPod& pod,
                                                int allDelta, int liveDelta) {
    // A memo's selector needs its first matchLabels pair, so only memos indexed under one of
    // the pod's own pairs can match it; the rest (no matchLabels) are checked one by one.
    for (const auto& [key, value] : pod.labels) {
        const auto it = m_labelPairs.find(pairKey(pod.nameSpace, key, value));
        if (it == m_labelPairs.end()) {
            continue;
        }
        for (SelectorCount* memo : it->second.memos) {
            if (matchesLabelSelector(memo->selector, pod.labels)) {
                adjustMemo(*memo, nodeIndex, allDelta, liveDelta, m_columnGeneration);
            }
        }
    }
    for (SelectorCount* memo : m_unindexedSelectors) {
        if (memo->nameSpace == pod.nameSpace && matchesLabelSelector(memo->selector, pod.labels)) {
            adjustMemo(*memo, nodeIndex, allDelta, liveDelta, m_columnGeneration);
        }
    }
}

namespace {
void appendTerms(std::string& key, const PodAffinityRules* rules) {
    if (rules == nullptr) {
        key += '-';
        return;
    }
    for (const auto& t : rules->required) {
        key += "r:" + t.topologyKey + ':' + selectorKey(t.labelSelector) + ';';
    }
    for (const auto& t : rules->preferred) {
        key += "p" + std::to_string(t.weight) + ':' + t.podAffinityTerm.topologyKey + ':' +
               selectorKey(t.podAffinityTerm.labelSelector) + ';';
    }
    key += '|';
}
} // namespace

int SchedulerClusterView::affinityGroupFor(const ScheduledPod& pod) {
    std::string key = pod.nameSpace + '\n';
    appendTerms(key, pod.affinity.get());
    appendTerms(key, pod.antiAffinity.get());
    const auto it = m_affinityGroupIds.find(key);
    if (it != m_affinityGroupIds.end()) {
        return it->second;
    }
    AffinityGroup g;
    g.nameSpace = pod.nameSpace;
    g.affinity = pod.affinity;
    g.antiAffinity = pod.antiAffinity;
    g.counts.assign(m_nodes.size(), 0);
    m_affinityGroups.push_back(std::move(g));
    const int id = static_cast<int>(m_affinityGroups.size() - 1);
    m_affinityGroupIds.emplace(std::move(key), id);
    return id;
}

void SchedulerClusterView::rebuildIndex() {
    m_index.clear();
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        m_index.emplace(m_nodes[i].name, i);
    }
}

} // namespace cnsim
