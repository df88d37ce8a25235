#include "control/scheduling/pluginregistry.h"

#include "control/kubernetesdefaults.h"
#include "control/scheduling/imagelocality.h"
#include "control/scheduling/interpodaffinity.h"
#include "control/scheduling/nodeplugins.h"
#include "control/scheduling/noderesources.h"
#include "control/scheduling/podtopologyspread.h"

#include <algorithm>

namespace cnsim {

bool SchedulerPluginRegistry::add(SchedulerPluginRegistration registration) {
    if (find(registration.name) != nullptr) {
        return false;
    }
    m_entries.push_back(std::move(registration));
    return true;
}

const SchedulerPluginRegistration* SchedulerPluginRegistry::find(std::string_view name) const {
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const auto& e) { return e.name == name; });
    return it == m_entries.end() ? nullptr : &*it;
}

void registerDefaultSchedulerPlugins(SchedulerPluginRegistry& registry) {
    // Order and weights: pkg/scheduler/apis/config/v1/default_plugins.go getDefaultPlugins.
    registry.add(
        {"NodeUnschedulable", "Rejects cordoned nodes unless the pod tolerates it", true, 0,
         [](const SchedulerPluginArgs&) { return std::make_unique<NodeUnschedulablePlugin>(); }});
    registry.add({"NodeName", "Honours spec.nodeName", true, 0,
                  [](const SchedulerPluginArgs&) { return std::make_unique<NodeNamePlugin>(); }});
    registry.add({"TaintToleration",
                  "Filters on NoSchedule/NoExecute taints, scores PreferNoSchedule taints", true,
                  k8s::kWeightTaintToleration, [](const SchedulerPluginArgs&) {
                      return std::make_unique<TaintTolerationPlugin>();
                  }});
    registry.add({"NodeAffinity", "nodeSelector and node affinity (required and preferred)", true,
                  k8s::kWeightNodeAffinity, [](const SchedulerPluginArgs&) {
                      return std::make_unique<NodeAffinityPlugin>();
                  }});
    registry.add({"NodeResourcesFit",
                  "Filters on cpu, memory and pod count; scores by the profile's strategy", true,
                  k8s::kWeightNodeResourcesFit, [](const SchedulerPluginArgs& args) {
                      return std::make_unique<NodeResourcesFitPlugin>(args.scoringStrategy);
                  }});
    registry.add({"PodTopologySpread", "Spreads pods over topology domains", true,
                  k8s::kWeightPodTopologySpread, [](const SchedulerPluginArgs&) {
                      return std::make_unique<PodTopologySpreadPlugin>();
                  }});
    registry.add({"InterPodAffinity", "Pod affinity and anti-affinity", true,
                  k8s::kWeightInterPodAffinity, [](const SchedulerPluginArgs& args) {
                      return std::make_unique<InterPodAffinityPlugin>(args.hardPodAffinityWeight);
                  }});
    registry.add({"NodeResourcesBalancedAllocation", "Favours nodes with balanced cpu and memory",
                  false, k8s::kWeightBalancedAllocation, [](const SchedulerPluginArgs&) {
                      return std::make_unique<BalancedAllocationPlugin>();
                  }});
    registry.add({"ImageLocality", "Favours nodes that already hold the pod's images", false,
                  k8s::kWeightImageLocality, [](const SchedulerPluginArgs&) {
                      return std::make_unique<ImageLocalityPlugin>();
                  }});
}

} // namespace cnsim
