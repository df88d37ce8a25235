#include "control/autoscaling/scaleup.h"

#include <algorithm>

namespace cnsim {

CaScaleUpResult caComputeScaleUp(const CaScaleUpInput& in, RandomStream* rng) {
    CaScaleUpResult r;
    const CaPredicate& fits = caPredicateOrDefault(in.predicate);

    std::vector<const CaPod*> pods;
    for (const CaPod& p : in.pendingPods) {
        if (p.priority < in.expendablePodsPriorityCutoff) {
            r.explanation.add(ExplainCode::CaPodExpendable,
                              {xp("pod", p.name), xp("priority", p.priority),
                               xp("cutoff", in.expendablePodsPriorityCutoff)});
            r.remainingPods.push_back(p.name);
            continue;
        }
        pods.push_back(&p);
    }
    auto allRemain = [&] {
        for (const CaPod* p : pods) {
            r.remainingPods.push_back(p->name);
        }
    };
    if (pods.empty()) {
        return r;
    }
    if (in.maxNodesTotal > 0 && in.clusterNodeCount >= in.maxNodesTotal) {
        r.explanation.add(ExplainCode::CaMaxNodesTotalReached,
                          {xp("nodes", in.clusterNodeCount), xp("max", in.maxNodesTotal)});
        allRemain();
        return r;
    }

    const std::vector<CaPodGroup> podGroups = caGroupEquivalentPods(pods);
    std::vector<CaExpansionOption> options;
    std::set<const CaPod*> fitSomewhere;
    for (const CaNodeGroup& g : in.groups) {
        if (g.targetSize >= g.maxSize) {
            r.explanation.add(
                ExplainCode::CaGroupAtMaxSize,
                {xp("group", g.name), xp("size", g.targetSize), xp("max", g.maxSize)});
            continue;
        }
        if (in.backedOffGroups.count(g.name) != 0) {
            r.explanation.add(ExplainCode::CaGroupBackedOff, {xp("group", g.name)});
            continue;
        }
        // SchedulablePodGroups: groups whose exemplar fits an empty template node.
        const CaSimNode empty = CaSimNode::fromTemplate(g, "template-" + g.name);
        std::vector<CaPodGroup> schedulable;
        for (const CaPodGroup& pg : podGroups) {
            if (fits(*pg.pods.front(), empty)) {
                schedulable.push_back(pg);
            }
        }
        if (schedulable.empty()) {
            r.explanation.add(ExplainCode::CaNoPodFitsGroup, {xp("group", g.name)});
            continue;
        }
        int limit = std::min(g.maxSize - g.targetSize, in.maxNodesPerScaleUp);
        if (in.maxNodesTotal > 0) {
            limit = std::min(limit, in.maxNodesTotal - in.clusterNodeCount);
        }
        const CaEstimate e = caBinpackingEstimate(schedulable, g, limit, in.predicate);
        r.explanation.add(ExplainCode::CaEstimate,
                          {xp("group", g.name),
                           xp("pods", static_cast<std::int64_t>(e.scheduled.size())),
                           xp("nodes", e.nodeCount), xp("limit", limit)});
        if (e.nodeCount <= 0 || e.scheduled.empty()) {
            continue;
        }
        CaGroupOption summary{g.name, e.nodeCount, {}};
        for (const CaPod* p : e.scheduled) {
            summary.pods.push_back(p->name);
            fitSomewhere.insert(p);
        }
        r.options.push_back(summary);
        options.push_back(CaExpansionOption{&g, e.nodeCount, e.scheduled});
    }

    for (const CaPod* p : pods) {
        if (fitSomewhere.count(p) == 0) {
            r.explanation.add(ExplainCode::CaPodNotHelped, {xp("pod", p->name)});
        }
    }
    if (options.empty()) {
        allRemain();
        return r;
    }

    const CaExpanderChoice choice = caChooseOption(options, in.expander, in.clusterNodeCount, rng);
    r.explanation.append(choice.explanation);
    if (!choice.chosen) {
        allRemain();
        return r;
    }
    const CaExpansionOption& best = options[*choice.chosen];
    int newNodes = best.nodeCount;
    // GetCappedNewNodeCount: the cluster-wide maximum, then the group's.
    if (in.maxNodesTotal > 0 && in.clusterNodeCount + newNodes > in.maxNodesTotal) {
        const int capped = in.maxNodesTotal - in.clusterNodeCount;
        r.explanation.add(ExplainCode::CaCappedToTotalMax,
                          {xp("from", newNodes), xp("to", capped)});
        newNodes = capped;
    }
    if (best.group->targetSize + newNodes > best.group->maxSize) {
        const int capped = best.group->maxSize - best.group->targetSize;
        r.explanation.add(ExplainCode::CaCappedToGroupMax,
                          {xp("group", best.group->name), xp("from", newNodes), xp("to", capped)});
        newNodes = capped;
    }
    r.scaledUp = newNodes > 0;
    r.group = best.group->name;
    r.expander = choice.decidedBy;
    r.fromSize = best.group->targetSize;
    r.toSize = best.group->targetSize + newNodes;
    std::set<const CaPod*> helped(best.pods.begin(), best.pods.end());
    for (const CaPod* p : pods) {
        (helped.count(p) != 0 ? r.helpedPods : r.remainingPods).push_back(p->name);
    }
    r.explanation.add(ExplainCode::CaScaleUp,
                      {xp("group", r.group), xp("from", r.fromSize), xp("to", r.toSize),
                       xp("pods", static_cast<std::int64_t>(r.helpedPods.size()))});
    return r;
}

CaScaleUpTracker::CaScaleUpTracker(SimTime maxNodeProvisionTime)
    : m_maxNodeProvisionTime(maxNodeProvisionTime) {}

void CaScaleUpTracker::requested(const std::string& group, int delta, SimTime now) {
    if (delta > 0) {
        m_requests.push_back(Request{group, delta, now});
    }
}

void CaScaleUpTracker::registered(const std::string& group, int count) {
    for (Request& req : m_requests) {
        if (count <= 0) {
            break;
        }
        if (req.group != group) {
            continue;
        }
        const int take = std::min(count, req.remaining);
        req.remaining -= take;
        count -= take;
    }
    std::erase_if(m_requests, [](const Request& req) { return req.remaining <= 0; });
}

std::vector<CaScaleUpTracker::TimedOut> CaScaleUpTracker::expire(SimTime now, Explanation* x) {
    std::vector<TimedOut> out;
    for (const Request& req : m_requests) {
        if (req.time + m_maxNodeProvisionTime < now) {
            out.push_back(TimedOut{req.group, req.remaining, req.time});
            if (x != nullptr) {
                x->add(ExplainCode::CaScaleUpTimedOut,
                       {xp("group", req.group), xp("nodes", req.remaining),
                        xp("requestedAt", req.time)});
            }
            BackoffState& b = m_backoff[req.group];
            if (b.duration == SimTime::zero() ||
                now - b.lastFailure > k8s::kCaNodeGroupBackoffReset) {
                b.duration = k8s::kCaInitialNodeGroupBackoff;
            } else {
                b.duration = std::min(b.duration * 2, k8s::kCaMaxNodeGroupBackoff);
            }
            b.until = now + b.duration;
            b.lastFailure = now;
        }
    }
    std::erase_if(m_requests,
                  [&](const Request& req) { return req.time + m_maxNodeProvisionTime < now; });
    return out;
}

bool CaScaleUpTracker::backedOff(const std::string& group, SimTime now) const {
    const auto it = m_backoff.find(group);
    return it != m_backoff.end() && now < it->second.until;
}

std::set<std::string> CaScaleUpTracker::backedOffGroups(SimTime now) const {
    std::set<std::string> out;
    for (const auto& [group, b] : m_backoff) {
        if (now < b.until) {
            out.insert(group);
        }
    }
    return out;
}

int CaScaleUpTracker::upcomingNodes(const std::string& group) const {
    int n = 0;
    for (const Request& req : m_requests) {
        if (req.group == group) {
            n += req.remaining;
        }
    }
    return n;
}

} // namespace cnsim
