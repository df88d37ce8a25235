#pragma once

// Expanders: which node group to grow when several would help the pending pods.
//
// Upstream: cluster-autoscaler/expander — waste/waste.go (least-waste: least idle CPU plus
// idle memory as fractions of the new nodes' capacity), random/random.go, price/price.go and
// price/preferred.go (node cost over pod cost with a stabilization pod, times the node's
// "unfitness" against a preferred size that grows with the cluster), priority/priority.go
// (the highest priority whose regular expressions match the group name), factory/chain.go
// (--expander=a,b: each filter narrows the options; one left wins; random breaks what remains).
//
// Randomness comes only from the RandomStream passed in (a named stream of the run); without
// one the first remaining option is taken.

#include "control/autoscaling/clusterautoscalertypes.h"
#include "control/autoscaling/explanation.h"
#include "control/kubernetesdefaults.h"
#include "engine/random.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

enum class CaExpanderKind { LeastWaste, Random, Price, Priority, MostPods };

std::string_view caExpanderName(CaExpanderKind k); // "least-waste", "random", …
std::optional<CaExpanderKind> caExpanderFromName(std::string_view name);

// expander.Option: grow `group` by `nodeCount` nodes for `pods`.
struct CaExpansionOption {
    const CaNodeGroup* group = nullptr;
    int nodeCount = 0;
    std::vector<const CaPod*> pods;
};

// The price expander's pricing model (cloudprovider.PricingModel): a node costs its group's
// price per hour; a pod costs its requests at these rates (GCE's base prices by default).
struct CaPricing {
    double cpuPerCoreHour = k8s::kCaGceCpuPricePerHour;
    double memoryPerGibHour = k8s::kCaGceMemoryPricePerGibHour;
    double podPrice(CpuMillis cpu, Bytes memory) const;
};

struct CaExpanderConfig {
    std::vector<CaExpanderKind> chain{CaExpanderKind::LeastWaste}; // --expander
    // The priority expander's ConfigMap: priority → regular expressions of group names.
    std::map<int, std::vector<std::string>> priorities;
    CaPricing pricing;
};

struct CaExpanderChoice {
    std::optional<std::size_t> chosen; // index into the options
    std::string decidedBy;             // the expander that narrowed it to one, or "random"
    Explanation explanation;
};

// Each filter returns the indices it keeps, in option order.
std::vector<std::size_t> caLeastWaste(const std::vector<CaExpansionOption>& options,
                                      const std::vector<std::size_t>& among, Explanation* x);
std::vector<std::size_t> caMostPods(const std::vector<CaExpansionOption>& options,
                                    const std::vector<std::size_t>& among);
std::vector<std::size_t> caPriority(const std::vector<CaExpansionOption>& options,
                                    const std::vector<std::size_t>& among,
                                    const std::map<int, std::vector<std::string>>& priorities,
                                    Explanation* x);
// price: the lowest score; clusterNodeCount picks the preferred node size.
std::vector<std::size_t> caPrice(const std::vector<CaExpansionOption>& options,
                                 const std::vector<std::size_t>& among, const CaPricing& pricing,
                                 int clusterNodeCount, Explanation* x);

// preferred.go SimplePreferredNodeProvider: 1, 2, 4, 8, 16, 32 cores as the cluster grows.
CpuMillis caPreferredNodeCpu(int clusterNodeCount);
// SimpleNodeUnfitness: max(preferred / node, node / preferred) on CPU.
double caNodeUnfitness(CpuMillis preferred, CpuMillis node);

CaExpanderChoice caChooseOption(const std::vector<CaExpansionOption>& options,
                                const CaExpanderConfig& config, int clusterNodeCount,
                                RandomStream* rng);

} // namespace cnsim
