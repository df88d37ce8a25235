#include "model/deploymentpodcounts.h"

#include "cluster/apiserver.h"

namespace cnsim {

DeploymentPodCounts::DeploymentPodCounts(ApiServer& api, UnscheduledPods unscheduled,
                                         std::vector<std::string> deployments)
    : m_api(api), m_unscheduled(std::move(unscheduled)) {
    for (const std::string& name : deployments) {
        m_nameIndex.emplace(name, 0);
    }
    std::size_t next = 0;
    for (auto& [name, index] : m_nameIndex) {
        index = next++;
    }
    for (const std::string& name : deployments) {
        m_nameOf.push_back(m_nameIndex.at(name));
    }
    m_counts.resize(deployments.size());
    api.watch(ResourceKind::ReplicaSet,
              [this](WatchEventType, const ObjectMeta&) { m_replicaSetsChanged = true; });
}

void DeploymentPodCounts::findOwnedReplicaSets() {
    m_owned.clear();
    for (const auto& [key, rs] : m_api.replicaSets()) {
        for (const OwnerReference& owner : rs.meta.ownerReferences) {
            if (owner.kind != "Deployment") {
                continue;
            }
            if (const auto it = m_nameIndex.find(owner.name); it != m_nameIndex.end()) {
                m_owned.push_back(OwnedReplicaSet{&rs, &m_unscheduled(key), it->second});
            }
        }
    }
    m_replicaSetsChanged = false;
}

const std::vector<DeploymentPodCounts::Counts>& DeploymentPodCounts::counts() {
    if (m_replicaSetsChanged) {
        findOwnedReplicaSets();
    }
    m_byName.assign(m_nameIndex.size(), Counts{});
    for (const OwnedReplicaSet& owned : m_owned) {
        Counts& c = m_byName[owned.owner];
        c.running += owned.replicaSet->readyReplicas;
        c.pending += *owned.unscheduled;
    }
    for (std::size_t i = 0; i < m_nameOf.size(); ++i) {
        m_counts[i] = m_byName[m_nameOf[i]];
    }
    return m_counts;
}

} // namespace cnsim
