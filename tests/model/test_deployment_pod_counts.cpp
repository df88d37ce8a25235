// DeploymentPodCounts, the per-Deployment pods running and pending the metrics record each
// second: after any sequence of ReplicaSets created (owned by a Deployment, a Rollout, two
// owners or none), changed in status with or without an event, given unscheduled pods and
// removed (and their names used again), the counts must be exactly what a walk over the
// ReplicaSets gives, summing by owner name.

#include <QTest>

#ifndef Q_MOC_RUN
#include "cluster/apiserver.h"
#include "engine/random.h"
#include "model/deploymentpodcounts.h"

#include <map>
#include <string>
#include <vector>
#endif

using namespace cnsim;

namespace {

std::vector<DeploymentPodCounts::Counts> byWalk(const ApiServer& api,
                                                const std::map<std::string, int>& unscheduled,
                                                const std::vector<std::string>& deployments) {
    std::map<std::string, DeploymentPodCounts::Counts> perName;
    for (const auto& [key, rs] : api.replicaSets()) {
        for (const OwnerReference& owner : rs.meta.ownerReferences) {
            if (owner.kind == "Deployment") {
                perName[owner.name].running += rs.readyReplicas;
                const auto it = unscheduled.find(key);
                perName[owner.name].pending += it == unscheduled.end() ? 0 : it->second;
            }
        }
    }
    std::vector<DeploymentPodCounts::Counts> out;
    for (const std::string& name : deployments) {
        out.push_back(perName[name]);
    }
    return out;
}

std::string text(const std::vector<DeploymentPodCounts::Counts>& counts) {
    std::string s;
    for (const auto& c : counts) {
        s += std::to_string(c.running) + "/" + std::to_string(c.pending) + " ";
    }
    return s;
}

} // namespace

class TestDeploymentPodCounts : public QObject {
    Q_OBJECT

private slots:
    void countsWhatAWalkCounts() {
        ApiServer api(1);
        RandomStream random(5, "deploymentpodcounts");
        std::map<std::string, int> unscheduled; // as the replicaset controller keeps them
        const std::vector<std::string> deployments{"web", "api", "web", "db"};
        const std::vector<std::string> owners{"web", "api", "db", "gone"};
        const auto createReplicaSet = [&] {
            ReplicaSetObject rs;
            rs.meta.name = "rs-" + std::to_string(random.uniformIndex(30));
            rs.meta.nameSpace = random.uniform01() < 0.2 ? "other" : "default";
            if (api.replicaSets().find(rs.meta.nameSpace, rs.meta.name) != nullptr) {
                return;
            }
            const double u = random.uniform01();
            const std::string owner = owners[random.uniformIndex(owners.size())];
            if (u < 0.7) {
                rs.meta.ownerReferences.push_back(OwnerReference{"Deployment", owner, "uid"});
            } else if (u < 0.8) {
                rs.meta.ownerReferences.push_back(OwnerReference{"Rollout", owner, "uid"});
            } else if (u < 0.9) {
                rs.meta.ownerReferences.push_back(OwnerReference{"Deployment", owner, "uid"});
                rs.meta.ownerReferences.push_back(OwnerReference{"Deployment", "api", "uid2"});
            }
            rs.readyReplicas = static_cast<int>(random.uniformIndex(5));
            api.create(std::move(rs), SimTime::zero());
        };
        for (int i = 0; i < 5; ++i) {
            createReplicaSet(); // before the counts exist
        }
        DeploymentPodCounts counts(
            api, [&](const std::string& key) -> const int& { return unscheduled[key]; },
            deployments);
        for (int step = 0; step < 600; ++step) {
            const double u = random.uniform01();
            ReplicaSetObject* rs = nullptr;
            if (api.replicaSets().size() > 0) {
                auto it = api.replicaSets().begin();
                std::advance(
                    it, static_cast<std::ptrdiff_t>(random.uniformIndex(api.replicaSets().size())));
                rs = &it->second;
            }
            if (u < 0.25 || rs == nullptr) {
                createReplicaSet();
            } else if (u < 0.5) { // the controller's status update
                rs->readyReplicas = static_cast<int>(random.uniformIndex(5));
                api.updated(ResourceKind::ReplicaSet, rs->meta);
            } else if (u < 0.6) { // read straight from the object, whether or not told
                rs->readyReplicas = static_cast<int>(random.uniformIndex(5));
            } else if (u < 0.85) { // the replicaset controller's sync
                unscheduled[ObjectTable<ReplicaSetObject>::key(rs->meta.nameSpace, rs->meta.name)] =
                    static_cast<int>(random.uniformIndex(4));
            } else {
                api.remove(ResourceKind::ReplicaSet, rs->meta);
            }
            if (random.uniform01() < 0.7) {
                QCOMPARE(text(counts.counts()), text(byWalk(api, unscheduled, deployments)));
            }
        }
        QVERIFY(text(byWalk(api, unscheduled, deployments)) != "0/0 0/0 0/0 0/0 ");
    }
};

QTEST_GUILESS_MAIN(TestDeploymentPodCounts)
#include "test_deployment_pod_counts.moc"
