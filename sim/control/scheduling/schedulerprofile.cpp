#include "control/scheduling/schedulerprofile.h"

#include "control/kubernetesdefaults.h"

namespace cnsim {

SchedulerProfileConfig defaultSchedulerProfile(std::string schedulerName,
                                               ScoringStrategy strategy) {
    // default_plugins.go: filter order of the enabled filter plugins cnsim models, and the
    // score plugins in upstream's order with their default weights.
    SchedulerProfileConfig p;
    p.schedulerName = std::move(schedulerName);
    p.filterPlugins = {"NodeUnschedulable", "NodeName",          "TaintToleration", "NodeAffinity",
                       "NodeResourcesFit",  "PodTopologySpread", "InterPodAffinity"};
    p.scorePlugins = {{"TaintToleration", k8s::kWeightTaintToleration},
                      {"NodeAffinity", k8s::kWeightNodeAffinity},
                      {"NodeResourcesFit", k8s::kWeightNodeResourcesFit},
                      {"PodTopologySpread", k8s::kWeightPodTopologySpread},
                      {"InterPodAffinity", k8s::kWeightInterPodAffinity},
                      {"NodeResourcesBalancedAllocation", k8s::kWeightBalancedAllocation},
                      {"ImageLocality", k8s::kWeightImageLocality}};
    p.args.scoringStrategy = strategy;
    return p;
}

std::vector<SchedulerProfileConfig> schedulerProfilesFromSpec(const SchedulerSpec& spec) {
    std::vector<SchedulerProfileConfig> out;
    for (const auto& p : spec.profiles) {
        out.push_back(defaultSchedulerProfile(p.schedulerName, p.scoringStrategy));
    }
    if (out.empty()) {
        out.push_back(defaultSchedulerProfile(std::string(k8s::kDefaultSchedulerName),
                                              ScoringStrategy::LeastAllocated));
    }
    return out;
}

} // namespace cnsim
