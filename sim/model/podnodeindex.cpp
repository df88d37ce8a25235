#include "model/podnodeindex.h"

namespace cnsim {

PodNodeIndex::PodNodeIndex(ApiServer& api) : m_api(api) {
    for (const auto& [key, pod] : api.pods()) {
        place(key, pod.nodeName);
    }
    api.watch(ResourceKind::Pod,
              [this](WatchEventType type, const ObjectMeta& meta) { podChanged(type, meta); });
}

std::vector<std::string> PodNodeIndex::keysOn(const std::string& node) const {
    const auto it = m_keysByNode.find(node);
    if (it == m_keysByNode.end()) {
        return {};
    }
    return {it->second.begin(), it->second.end()};
}

void PodNodeIndex::podChanged(WatchEventType type, const ObjectMeta& meta) {
    const PodObject* pod =
        type == WatchEventType::Deleted ? nullptr : m_api.pods().find(meta.nameSpace, meta.name);
    place(ObjectTable<PodObject>::key(meta.nameSpace, meta.name),
          pod != nullptr ? pod->nodeName : std::string());
}

void PodNodeIndex::place(const std::string& key, const std::string& node) {
    const auto old = m_nodeOf.find(key);
    if (old != m_nodeOf.end()) {
        if (old->second == node) {
            return; // a status change on the same node
        }
        const auto keys = m_keysByNode.find(old->second);
        keys->second.erase(key);
        if (keys->second.empty()) {
            m_keysByNode.erase(keys);
        }
        m_nodeOf.erase(old);
    }
    if (!node.empty()) {
        m_keysByNode[node].insert(key);
        m_nodeOf.emplace(key, node);
    }
}

} // namespace cnsim
