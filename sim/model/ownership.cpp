#include "model/ownership.h"

namespace cnsim {

namespace {

std::string ownerOfKind(const ObjectMeta& meta, std::string_view kind) {
    for (const OwnerReference& owner : meta.ownerReferences) {
        if (owner.kind == kind) {
            return owner.name;
        }
    }
    return {};
}

} // namespace

bool isOwnedBy(const ObjectMeta& object, const ObjectMeta& owner) {
    for (const OwnerReference& reference : object.ownerReferences) {
        if (reference.uid == owner.uid) {
            return true;
        }
    }
    return false;
}

std::string owningReplicaSet(const PodObject& pod) {
    return ownerOfKind(pod.meta, "ReplicaSet");
}

std::string owningDeployment(const ApiServer& api, const PodObject& pod) {
    const std::string rs = owningReplicaSet(pod);
    if (rs.empty()) {
        return {};
    }
    const ReplicaSetObject* set = api.replicaSets().find(pod.meta.nameSpace, rs);
    return set == nullptr ? std::string() : ownerOfKind(set->meta, "Deployment");
}

} // namespace cnsim
