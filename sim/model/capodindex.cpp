#include "model/capodindex.h"

namespace cnsim {

namespace {

// PodScheduled=False with reason Unschedulable: the scheduler tried and no node fits. A pod
// that merely waits for its first attempt is not unschedulable.
bool markedUnschedulable(const PodObject& pod) {
    const Condition* c = findCondition(pod.conditions, "PodScheduled");
    return c != nullptr && c->status == ConditionStatus::False && c->reason == "Unschedulable";
}

} // namespace

void CaPodIndex::podChanged(const std::string& key, const PodObject* pod) {
    const bool active = pod != nullptr && !isPodTerminating(*pod);
    if (active && pod->nodeName.empty() && markedUnschedulable(*pod)) {
        m_unschedulable[key] = pod;
    } else {
        m_unschedulable.erase(key);
    }
    placeOnNode(key, active && !pod->nodeName.empty() ? pod : nullptr);
}

const CaPodIndex::Pods& CaPodIndex::podsOn(const std::string& node) const {
    static const Pods kNone;
    const auto it = m_podsByNode.find(node);
    return it == m_podsByNode.end() ? kNone : it->second;
}

// `pod` is nullptr when it counts on no node.
void CaPodIndex::placeOnNode(const std::string& key, const PodObject* pod) {
    const auto old = m_nodeOfPod.find(key);
    if (old != m_nodeOfPod.end()) {
        // Its node's pods changed: the pod left, or its status may have changed.
        m_changedNodes.insert(old->second);
        if (pod != nullptr && pod->nodeName == old->second) {
            return;
        }
        const auto node = m_podsByNode.find(old->second);
        node->second.erase(key);
        if (node->second.empty()) {
            m_podsByNode.erase(node);
        }
        m_nodeOfPod.erase(old);
    }
    if (pod != nullptr) {
        m_podsByNode[pod->nodeName].emplace(key, pod);
        m_nodeOfPod.emplace(key, pod->nodeName);
        m_changedNodes.insert(pod->nodeName);
    }
}

} // namespace cnsim
