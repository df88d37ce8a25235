#include "control/autoscaling/scaledown.h"

#include <algorithm>

namespace cnsim {

namespace {

double ratio(std::int64_t used, std::int64_t allocatable) {
    if (allocatable <= 0) {
        return 0;
    }
    return static_cast<double>(used) / static_cast<double>(allocatable);
}

bool needsToMove(const CaPod& pod, const CaScaleDownSettings& s, const CaDrainCallbacks& cb) {
    return caDrainability(pod, s, cb).outcome == CaDrainOutcome::Drain;
}

} // namespace

std::string_view caUnremovableReasonName(CaUnremovableReason r) {
    switch (r) {
    case CaUnremovableReason::NoReason:
        return "NoReason";
    case CaUnremovableReason::CurrentlyBeingDeleted:
        return "CurrentlyBeingDeleted";
    case CaUnremovableReason::ScaleDownDisabledAnnotation:
        return "ScaleDownDisabledAnnotation";
    case CaUnremovableReason::NotAutoscaled:
        return "NotAutoscaled";
    case CaUnremovableReason::ScaleDownUnreadyDisabled:
        return "ScaleDownUnreadyDisabled";
    case CaUnremovableReason::NotUnderutilized:
        return "NotUnderutilized";
    case CaUnremovableReason::BlockedByPod:
        return "BlockedByPod";
    case CaUnremovableReason::NoPlaceToMovePods:
        return "NoPlaceToMovePods";
    case CaUnremovableReason::NotUnneededLongEnough:
        return "NotUnneededLongEnough";
    case CaUnremovableReason::NotUnreadyLongEnough:
        return "NotUnreadyLongEnough";
    case CaUnremovableReason::NodeGroupMinSizeReached:
        return "NodeGroupMinSizeReached";
    }
    return "NoReason";
}

std::string_view caBlockingPodReasonName(CaBlockingPodReason r) {
    switch (r) {
    case CaBlockingPodReason::NoReason:
        return "NoReason";
    case CaBlockingPodReason::NotReplicated:
        return "NotReplicated";
    case CaBlockingPodReason::UnmovableKubeSystemPod:
        return "UnmovableKubeSystemPod";
    case CaBlockingPodReason::NotSafeToEvictAnnotation:
        return "NotSafeToEvictAnnotation";
    case CaBlockingPodReason::LocalStorageRequested:
        return "LocalStorageRequested";
    case CaBlockingPodReason::NotEnoughPdb:
        return "NotEnoughPdb";
    }
    return "NoReason";
}

CaDrainability caDrainability(const CaPod& pod, const CaScaleDownSettings& settings,
                              const CaDrainCallbacks& cb) {
    using O = CaDrainOutcome;
    using R = CaBlockingPodReason;
    // Pods that go away with the node or need no new home.
    if (pod.mirror || pod.longTerminating || pod.owner == CaOwnerKind::DaemonSet) {
        return {O::Skip, R::NoReason};
    }
    if (pod.safeToEvict == true) {
        return {O::Drain, R::NoReason};
    }
    if (pod.terminal) {
        return {O::Skip, R::NoReason};
    }
    // Blocking checks.
    if (!pod.hasController()) {
        return {O::Block, R::NotReplicated};
    }
    const bool hasPdb = cb.hasPdb && cb.hasPdb(pod);
    if (settings.skipNodesWithSystemPods && pod.nameSpace == "kube-system" && !hasPdb) {
        return {O::Block, R::UnmovableKubeSystemPod};
    }
    if (pod.safeToEvict == false) {
        return {O::Block, R::NotSafeToEvictAnnotation};
    }
    if (settings.skipNodesWithLocalStorage && pod.localStorage && !pod.safeToEvictLocalVolumes) {
        return {O::Block, R::LocalStorageRequested};
    }
    if (hasPdb && cb.evictionAllowed && !cb.evictionAllowed(pod)) {
        return {O::Block, R::NotEnoughPdb};
    }
    return {O::Drain, R::NoReason};
}

std::size_t CaPodRequestSums::kindOf(const CaPod& pod) {
    return (pod.owner == CaOwnerKind::DaemonSet ? kDaemonSet : 0) | (pod.mirror ? kMirror : 0) |
           (pod.longTerminating ? kLongTerminating : 0);
}

void CaPodRequestSums::add(const CaPod& pod) {
    Sum& sum = byKind[kindOf(pod)];
    sum.cpu += pod.cpu.value;
    sum.memory += pod.memory.value;
}

CaPodRequestSums CaPodRequestSums::of(const std::vector<CaPod>& pods) {
    CaPodRequestSums sums;
    for (const CaPod& p : pods) {
        sums.add(p);
    }
    return sums;
}

void CaNode::setPods(std::vector<CaPod> newPods) {
    pods = std::move(newPods);
    requests = CaPodRequestSums::of(pods);
}

CaUtilization caNodeUtilization(const CaNode& node, bool ignoreDaemonSets, bool ignoreMirrorPods) {
    const CaPodRequestSums sums = node.requests ? *node.requests : CaPodRequestSums::of(node.pods);
    std::int64_t cpu = 0;
    std::int64_t memory = 0;
    std::int64_t skippedCpu = 0;
    std::int64_t skippedMemory = 0;
    for (std::size_t kind = 0; kind < sums.byKind.size(); ++kind) {
        const CaPodRequestSums::Sum& sum = sums.byKind[kind];
        if ((ignoreDaemonSets && (kind & CaPodRequestSums::kDaemonSet) != 0) ||
            (ignoreMirrorPods && (kind & CaPodRequestSums::kMirror) != 0)) {
            // Left out, and taken off allocatable.
            skippedCpu += sum.cpu;
            skippedMemory += sum.memory;
            continue;
        }
        if ((kind & CaPodRequestSums::kLongTerminating) != 0) {
            continue;
        }
        cpu += sum.cpu;
        memory += sum.memory;
    }
    CaUtilization u;
    u.cpu = ratio(cpu, node.allocatableCpu.value - skippedCpu);
    u.memory = ratio(memory, node.allocatableMemory.value - skippedMemory);
    if (u.cpu > u.memory) {
        u.utilization = u.cpu;
        u.resource = "cpu";
    } else {
        u.utilization = u.memory;
        u.resource = "memory";
    }
    return u;
}

CaUnremovableReason caEligibility(const CaNode& node, bool autoscaled, const CaScaleDownSettings& s,
                                  CaUtilization* utilization) {
    const CaUtilization u =
        caNodeUtilization(node, s.ignoreDaemonSetsUtilization, s.ignoreMirrorPodsUtilization);
    if (utilization != nullptr) {
        *utilization = u;
    }
    if (node.beingDeleted) {
        return CaUnremovableReason::CurrentlyBeingDeleted;
    }
    if (node.scaleDownDisabled) {
        return CaUnremovableReason::ScaleDownDisabledAnnotation;
    }
    if (!autoscaled) {
        return CaUnremovableReason::NotAutoscaled;
    }
    if (!s.scaleDownUnreadyEnabled && !node.ready) {
        return CaUnremovableReason::ScaleDownUnreadyDisabled;
    }
    // A node exactly at the threshold counts as underutilized.
    if (u.utilization > s.utilizationThreshold) {
        return CaUnremovableReason::NotUnderutilized;
    }
    return CaUnremovableReason::NoReason;
}

bool caClusterHealthy(int totalNodes, int unreadyNodes) {
    return unreadyNodes <= k8s::kCaOkTotalUnreadyCount ||
           static_cast<double>(unreadyNodes) <=
               static_cast<double>(k8s::kCaMaxTotalUnreadyPercentage) / 100.0 *
                   static_cast<double>(totalNodes);
}

std::optional<SimTime> CaScaleDownPlanner::unneededSince(const std::string& node) const {
    const auto it = m_unneededSince.find(node);
    if (it == m_unneededSince.end()) {
        return std::nullopt;
    }
    return it->second;
}

CaScaleDownResult CaScaleDownPlanner::update(const CaScaleDownInput& in) {
    CaScaleDownResult r;
    r.nodes.reserve(in.nodes.size());
    const CaScaleDownSettings& s = in.settings;
    const CaPredicate& fits = caPredicateOrDefault(in.predicate);
    std::map<std::string, const CaNodeGroup*> groups;
    for (const CaNodeGroup& g : in.groups) {
        groups[g.name] = &g;
    }

    // The simulation's view of every node; removable candidates leave it as they are found.
    // A node's view is made on first use: most nodes are neither a candidate nor tried as a
    // destination. The views are kept from update to update for their storage.
    const std::size_t count = in.nodes.size();
    if (m_simNodes.size() < count) {
        m_simNodes.resize(count);
    }
    m_simMade.assign(count, false);
    const auto sim = [&](std::size_t i) -> CaSimNode& {
        if (!m_simMade[i]) {
            m_simNodes[i].assign(in.nodes[i]);
            m_simMade[i] = true;
        }
        return m_simNodes[i];
    };
    std::vector<bool>& removed = m_removed;
    removed.assign(count, false);
    std::vector<const CaPod*>& toMove = m_toMove;
    std::vector<std::size_t>& placements = m_placements;
    r.explanation.steps.reserve(2 * count);

    for (std::size_t i = 0; i < count; ++i) {
        const CaNode& node = in.nodes[i];
        CaNodeScaleDownStatus st;
        st.node = node.name;
        auto unremovable = [&](CaUnremovableReason reason) {
            st.reason = reason;
            r.explanation.add(ExplainCode::CaNodeUnremovable,
                              {xp("node", node.name),
                               xp("reason", std::string(caUnremovableReasonName(reason)))});
        };

        const CaUnremovableReason eligibility = caEligibility(
            node, !node.group.empty() && groups.count(node.group) != 0, s, &st.utilization);
        if (eligibility == CaUnremovableReason::NoReason ||
            eligibility == CaUnremovableReason::NotUnderutilized) {
            r.explanation.add(ExplainCode::CaNodeUtilization,
                              {xp("node", node.name), xp("resource", st.utilization.resource),
                               xp("utilization", st.utilization.utilization),
                               xp("threshold", s.utilizationThreshold)});
        }
        if (eligibility != CaUnremovableReason::NoReason) {
            unremovable(eligibility);
        }

        if (st.reason == CaUnremovableReason::NoReason) {
            // Drain rules, then a new home for every pod that has to move.
            // Every pod the simulation has on the node, including pods moved here from nodes
            // found removable earlier in this pass.
            toMove.clear();
            for (const CaPod* podPtr : sim(i).pods) {
                const CaPod& pod = *podPtr;
                const CaDrainability d = caDrainability(pod, s, in.callbacks);
                if (d.outcome == CaDrainOutcome::Block) {
                    st.blockingPod = pod.name;
                    st.blockingReason = d.reason;
                    r.explanation.add(
                        ExplainCode::CaPodBlocksDrain,
                        {xp("node", node.name), xp("pod", pod.name),
                         xp("reason", std::string(caBlockingPodReasonName(d.reason)))});
                    unremovable(CaUnremovableReason::BlockedByPod);
                    break;
                }
                if (d.outcome == CaDrainOutcome::Drain) {
                    toMove.push_back(&pod);
                }
            }
            if (st.reason == CaUnremovableReason::NoReason) {
                // The pods are placed on the simulation itself; `placements` undoes them, in
                // reverse, if one finds no home (cheaper than trying on a copy of every node).
                placements.clear();
                bool allPlaced = true;
                for (const CaPod* pod : toMove) {
                    bool placed = false;
                    for (std::size_t j = 0; j < count && !placed; ++j) {
                        if (j == i || removed[j] || in.nodes[j].beingDeleted ||
                            !in.nodes[j].ready) {
                            continue;
                        }
                        if (fits(*pod, sim(j))) {
                            sim(j).add(*pod);
                            placements.push_back(j);
                            placed = true;
                        }
                    }
                    if (!placed) {
                        allPlaced = false;
                        st.blockingPod = pod->name;
                        r.explanation.add(ExplainCode::CaPodNoPlace,
                                          {xp("node", node.name), xp("pod", pod->name)});
                        break;
                    }
                }
                if (allPlaced) {
                    removed[i] = true; // its pods now live on their destinations
                    st.empty = toMove.empty();
                } else {
                    for (auto j = placements.rbegin(); j != placements.rend(); ++j) {
                        sim(*j).removeLast();
                    }
                    unremovable(CaUnremovableReason::NoPlaceToMovePods);
                }
            }
        }
        r.nodes.push_back(std::move(st));
    }

    // unneeded.Nodes.Update: keep the first time each still-unneeded node was seen.
    std::map<std::string, SimTime> since;
    for (std::size_t i = 0; i < count; ++i) {
        if (!removed[i]) {
            continue;
        }
        const std::string& name = in.nodes[i].name;
        const auto old = m_unneededSince.find(name);
        const SimTime first = old != m_unneededSince.end() ? old->second : in.now;
        since.insert_or_assign(name, first);
    }
    m_unneededSince = std::move(since);
    for (std::size_t i = 0; i < count; ++i) {
        if (removed[i]) {
            r.nodes[i].unneededSince = m_unneededSince.at(in.nodes[i].name);
        }
    }

    // Cooldown: nothing is deleted, the unneeded timers keep running.
    auto cooldown = [&](const std::optional<SimTime>& last, SimTime delay, const char* reason) {
        if (!r.inCooldown && last && *last + delay > in.now) {
            r.inCooldown = true;
            r.cooldownReason = reason;
            r.cooldownUntil = *last + delay;
        }
    };
    cooldown(m_lastScaleUp, s.delayAfterAdd, "scaleDownDelayAfterAdd");
    cooldown(m_lastDelete, s.delayAfterDelete, "scaleDownDelayAfterDelete");
    cooldown(m_lastFailure, s.delayAfterFailure, "scaleDownDelayAfterFailure");
    if (r.inCooldown) {
        r.explanation.add(ExplainCode::CaScaleDownCooldown,
                          {xp("reason", r.cooldownReason), xp("until", r.cooldownUntil)});
        return r;
    }

    // Deletions already under way use the budgets first.
    int inProgressTotal = 0;
    int inProgressDrain = 0;
    std::map<std::string, int> deletionsInGroup;
    for (const CaNode& n : in.nodes) {
        if (!n.beingDeleted) {
            continue;
        }
        ++inProgressTotal;
        ++deletionsInGroup[n.group];
        if (std::any_of(n.pods.begin(), n.pods.end(),
                        [&](const CaPod& p) { return needsToMove(p, s, in.callbacks); })) {
            ++inProgressDrain;
        }
    }

    // RemovableAt, oldest unneeded first.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < r.nodes.size(); ++i) {
        if (r.nodes[i].unneededSince) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return *r.nodes[a].unneededSince < *r.nodes[b].unneededSince;
    });
    int emptyBudget = std::max(0, s.maxScaleDownParallelism - inProgressTotal);
    int drainBudget = std::max(0, std::min(s.maxDrainParallelism - inProgressDrain,
                                           s.maxScaleDownParallelism - inProgressTotal));
    std::vector<std::size_t> emptyCandidates;
    std::vector<std::size_t> drainCandidates;
    for (const std::size_t i : order) {
        CaNodeScaleDownStatus& st = r.nodes[i];
        const CaNode& node = in.nodes[i];
        const SimTime needed = node.ready ? s.unneededTime : s.unreadyTime;
        r.explanation.add(ExplainCode::CaNodeUnneeded,
                          {xp("node", node.name), xp("since", *st.unneededSince),
                           xp("unneededFor", in.now - *st.unneededSince), xp("needed", needed)});
        if (*st.unneededSince + needed > in.now) {
            st.reason = node.ready ? CaUnremovableReason::NotUnneededLongEnough
                                   : CaUnremovableReason::NotUnreadyLongEnough;
            continue;
        }
        const CaNodeGroup& g = *groups.at(node.group);
        if (g.targetSize - deletionsInGroup[g.name] <= g.minSize) {
            st.reason = CaUnremovableReason::NodeGroupMinSizeReached;
            r.explanation.add(ExplainCode::CaGroupMinSizeReached,
                              {xp("node", node.name), xp("group", g.name),
                               xp("size", g.targetSize - deletionsInGroup[g.name]),
                               xp("min", g.minSize)});
            continue;
        }
        ++deletionsInGroup[g.name];
        (st.empty ? emptyCandidates : drainCandidates).push_back(i);
    }

    // budgets.go CropNodes: empty nodes first, then drains within what is left.
    for (const std::size_t i : emptyCandidates) {
        if (emptyBudget > 0) {
            --emptyBudget;
            drainBudget = std::min(drainBudget, emptyBudget);
            r.deleteEmpty.push_back(r.nodes[i].node);
            r.explanation.add(ExplainCode::CaDeleteEmptyNode, {xp("node", r.nodes[i].node)});
        } else {
            r.explanation.add(ExplainCode::CaBudgetExhausted,
                              {xp("node", r.nodes[i].node), xp("kind", "empty")});
        }
    }
    for (const std::size_t i : drainCandidates) {
        if (drainBudget > 0) {
            --drainBudget;
            r.drain.push_back(r.nodes[i].node);
            std::int64_t pods = 0;
            for (const CaPod& p : in.nodes[i].pods) {
                pods += needsToMove(p, s, in.callbacks) ? 1 : 0;
            }
            r.explanation.add(ExplainCode::CaDrainNode,
                              {xp("node", r.nodes[i].node), xp("pods", pods)});
        } else {
            r.explanation.add(ExplainCode::CaBudgetExhausted,
                              {xp("node", r.nodes[i].node), xp("kind", "drain")});
        }
    }
    return r;
}

} // namespace cnsim
