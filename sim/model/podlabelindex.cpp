#include "model/podlabelindex.h"

namespace cnsim {

PodLabelIndex::PodLabelIndex(ApiServer& api) : m_api(api) {
    for (const auto& [key, pod] : api.pods()) {
        add(key, pod);
    }
    api.watch(ResourceKind::Pod,
              [this](WatchEventType type, const ObjectMeta& meta) { podChanged(type, meta); });
}

std::string PodLabelIndex::labelKey(const std::string& name, const std::string& value) {
    return name + "=" + value;
}

void PodLabelIndex::podChanged(WatchEventType type, const ObjectMeta& meta) {
    const std::string key = ObjectTable<PodObject>::key(meta.nameSpace, meta.name);
    const PodObject* pod =
        type == WatchEventType::Deleted ? nullptr : m_api.pods().find(meta.nameSpace, meta.name);
    const auto indexed = m_labelsOf.find(key);
    if (pod != nullptr && indexed != m_labelsOf.end() && indexed->second == pod->meta.labels) {
        return; // a status change: the same object, the same labels
    }
    remove(key);
    if (pod != nullptr) {
        add(key, *pod);
    }
}

void PodLabelIndex::add(const std::string& key, const PodObject& pod) {
    for (const auto& [name, value] : pod.meta.labels) {
        m_byLabel[labelKey(name, value)].emplace(key, &pod);
    }
    m_labelsOf[key] = pod.meta.labels;
}

void PodLabelIndex::remove(const std::string& key) {
    const auto indexed = m_labelsOf.find(key);
    if (indexed == m_labelsOf.end()) {
        return;
    }
    for (const auto& [name, value] : indexed->second) {
        const auto label = m_byLabel.find(labelKey(name, value));
        label->second.erase(key);
        if (label->second.empty()) {
            m_byLabel.erase(label);
        }
    }
    m_labelsOf.erase(indexed);
}

PodLabelIndex::Selected PodLabelIndex::select(const std::string& nameSpace,
                                              const LabelMap& selector) const {
    Selected selected;
    if (selector.empty()) { // selects every pod of the namespace
        for (const auto& [key, pod] : m_api.pods()) {
            if (pod.meta.nameSpace == nameSpace) {
                selected.emplace_back(&key, &pod);
            }
        }
        return selected;
    }
    const auto first = selector.begin();
    const auto label = m_byLabel.find(labelKey(first->first, first->second));
    if (label == m_byLabel.end()) {
        return selected;
    }
    for (const auto& [key, pod] : label->second) {
        if (pod->meta.nameSpace == nameSpace && matchesLabels(selector, pod->meta.labels)) {
            selected.emplace_back(&key, pod);
        }
    }
    return selected;
}

} // namespace cnsim
