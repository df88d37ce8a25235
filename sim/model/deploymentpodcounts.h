#pragma once

// DeploymentPodCounts: per Deployment the metrics record (by name, as the series name it:
// "deployment/<name>/pods_running"), its pods running (Ready) and pending (not yet on a node),
// summed over the ReplicaSets that name it as owner, from their status and the replicaset
// controller's count of unscheduled pods. A count costs per ReplicaSet, not per pod.
//
// Which ReplicaSets a Deployment owns is worked out again only after a ReplicaSet was added,
// changed or removed (a watch), so the sample each second follows pointers instead of looking
// up names. The counts read through them are always the current ones.

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cnsim {

class ApiServer;
struct ReplicaSetObject;

class DeploymentPodCounts {
public:
    struct Counts {
        int running = 0;
        int pending = 0;
    };
    // The replicaset controller's count of the ReplicaSet's active pods not yet on a node
    // ("namespace/name"), by reference: it must stay valid, and current, for as long as this
    // object lives (ReplicaSetController::unscheduledPodsCounter).
    using UnscheduledPods = std::function<const int&(const std::string& replicaSetKey)>;

    // `deployments`: the names to count, in the order counts() answers (names may repeat).
    DeploymentPodCounts(ApiServer& api, UnscheduledPods unscheduled,
                        std::vector<std::string> deployments);

    // Per name given, in that order; valid until the next call.
    const std::vector<Counts>& counts();

private:
    struct OwnedReplicaSet {
        const ReplicaSetObject* replicaSet;
        const int* unscheduled;
        std::size_t owner; // the owner's name index (m_nameIndex)
    };
    void findOwnedReplicaSets();

    ApiServer& m_api;
    UnscheduledPods m_unscheduled;
    std::map<std::string, std::size_t> m_nameIndex; // distinct name → its index
    std::vector<std::size_t> m_nameOf;              // per Deployment given, its name's index
    std::vector<OwnedReplicaSet> m_owned;           // one per owner reference naming a Deployment
    bool m_replicaSetsChanged = true;
    std::vector<Counts> m_byName; // per distinct name
    std::vector<Counts> m_counts; // per Deployment given
};

} // namespace cnsim
