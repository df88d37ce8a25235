#include "control/scheduling/clusterview.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/labelmatching.h"

#include <algorithm>

namespace cnsim {

namespace {

// A memo that grows past this is dropped and rebuilt on demand: selectors come from
// workloads, so a real run holds a few dozen.
constexpr std::size_t kMaxSelectorMemo = 512;

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
    m_labelColumns.clear();
    for (auto& [key, memo] : m_selectorCounts) {
        memo.all.push_back(0);
        memo.live.push_back(0);
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
    applyNodeSpec(*node, spec);
    m_labelColumns.clear();
    return true;
}

bool SchedulerClusterView::removeNode(std::string_view name) {
    const auto index = nodeIndex(name);
    if (!index) {
        return false;
    }
    SchedulerNodeInfo& node = m_nodes[*index];
    m_podCount -= node.pods.size();
    for (const auto& [image, size] : node.images) {
        if (--m_imageNodeCounts[image] == 0) {
            m_imageNodeCounts.erase(image);
        }
    }
    const auto offset = static_cast<std::ptrdiff_t>(*index);
    m_nodes.erase(m_nodes.begin() + offset);
    for (auto& [key, memo] : m_selectorCounts) {
        memo.all.erase(memo.all.begin() + offset);
        memo.live.erase(memo.live.begin() + offset);
    }
    for (auto& g : m_affinityGroups) {
        g.total -= g.counts[*index];
        g.counts.erase(g.counts.begin() + offset);
    }
    rebuildIndex();
    m_labelColumns.clear();
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

const SchedulerNodeInfo* SchedulerClusterView::node(std::string_view name) const {
    const auto index = nodeIndex(name);
    return index ? &m_nodes[*index] : nullptr;
}

int SchedulerClusterView::imageNodeCount(const std::string& normalizedImage) const {
    const auto it = m_imageNodeCounts.find(normalizedImage);
    return it == m_imageNodeCounts.end() ? 0 : it->second;
}

const std::vector<int>& SchedulerClusterView::matchingPodCounts(const std::string& nameSpace,
                                                                const LabelSelector& selector,
                                                                bool live) const {
    std::string key = nameSpace;
    key += '\n';
    key += selectorKey(selector);
    auto it = m_selectorCounts.find(key);
    if (it == m_selectorCounts.end()) {
        SelectorCount memo{nameSpace, selector, std::vector<int>(m_nodes.size(), 0),
                           std::vector<int>(m_nodes.size(), 0)};
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            for (const auto& p : m_nodes[i].pods) {
                if (p.nameSpace == nameSpace && matchesLabelSelector(selector, p.labels)) {
                    ++memo.all[i];
                    if (!p.terminating) {
                        ++memo.live[i];
                    }
                }
            }
        }
        it = m_selectorCounts.emplace(std::move(key), std::move(memo)).first;
    }
    return live ? it->second.live : it->second.all;
}

const std::vector<const std::string*>&
SchedulerClusterView::labelColumn(const std::string& key) const {
    auto it = m_labelColumns.find(key);
    if (it == m_labelColumns.end()) {
        std::vector<const std::string*> column(m_nodes.size(), nullptr);
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            const auto label = m_nodes[i].labels.find(key);
            if (label != m_nodes[i].labels.end()) {
                column[i] = &label->second;
            }
        }
        it = m_labelColumns.emplace(key, std::move(column)).first;
    }
    return it->second;
}

void SchedulerClusterView::trimSelectorMemo() const {
    if (m_selectorCounts.size() > kMaxSelectorMemo) {
        m_selectorCounts.clear();
    }
}

SchedulerNodeInfo* SchedulerClusterView::mutableNode(std::string_view name) {
    const auto index = nodeIndex(name);
    return index ? &m_nodes[*index] : nullptr;
}

void SchedulerClusterView::adjustSelectorCounts(std::size_t nodeIndex, const ScheduledPod& pod,
                                                int allDelta, int liveDelta) {
    for (auto& [key, memo] : m_selectorCounts) {
        if (memo.nameSpace == pod.nameSpace && matchesLabelSelector(memo.selector, pod.labels)) {
            memo.all[nodeIndex] += allDelta;
            memo.live[nodeIndex] += liveDelta;
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
