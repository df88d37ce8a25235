#include "control/workloads/nodelifecycle.h"

#include "control/kubernetesdefaults.h"

#include <algorithm>
#include <string>

namespace cnsim {

NodeReady observedNodeReady(SimTime lastHeartbeat, bool kubeletReportedReady, bool everReady,
                            SimTime now) {
    const SimTime grace = everReady ? k8s::kNodeMonitorGracePeriod : k8s::kNodeStartupGracePeriod;
    if (now > lastHeartbeat + grace) {
        return NodeReady::Unknown;
    }
    return kubeletReportedReady ? NodeReady::True : NodeReady::False;
}

SimTime nextMonitorPass(SimTime controllerStart, SimTime t) {
    if (t < controllerStart) {
        return controllerStart;
    }
    const std::int64_t k = (t - controllerStart) / k8s::kNodeMonitorPeriod + 1;
    return controllerStart + k8s::kNodeMonitorPeriod * k;
}

SimTime notReadyObservedAt(SimTime lastHeartbeat, SimTime controllerStart, bool everReady) {
    const SimTime grace = everReady ? k8s::kNodeMonitorGracePeriod : k8s::kNodeStartupGracePeriod;
    // The first pass strictly after the boundary: nextMonitorPass already returns a time
    // strictly later than its argument.
    return nextMonitorPass(controllerStart, lastHeartbeat + grace);
}

std::vector<Taint> nodeConditionTaints(NodeReady ready, bool unschedulable) {
    std::vector<Taint> taints;
    auto add = [&taints](std::string_view key) {
        taints.push_back({std::string(key), "", TaintEffect::NoSchedule});
        taints.push_back({std::string(key), "", TaintEffect::NoExecute});
    };
    if (ready == NodeReady::False) {
        add(k8s::kTaintNotReady);
    } else if (ready == NodeReady::Unknown) {
        add(k8s::kTaintUnreachable);
    }
    if (unschedulable) {
        taints.push_back({std::string(k8s::kTaintUnschedulable), "", TaintEffect::NoSchedule});
    }
    return taints;
}

ZoneState computeZoneState(int readyNodes, int notReadyNodes) {
    if (readyNodes == 0 && notReadyNodes > 0) {
        return ZoneState::FullDisruption;
    }
    // Upstream compares in float32; the threshold 0.55 is not exact in either type, so the
    // comparison is done the same way.
    if (notReadyNodes > 2 &&
        static_cast<float>(notReadyNodes) / static_cast<float>(notReadyNodes + readyNodes) >=
            static_cast<float>(k8s::kUnhealthyZoneThreshold)) {
        return ZoneState::PartialDisruption;
    }
    return ZoneState::Normal;
}

double zoneEvictionRate(ZoneState state, int zoneSize, bool allZonesFullyDisrupted) {
    if (allZonesFullyDisrupted) {
        return 0.0;
    }
    switch (state) {
    case ZoneState::Normal:
    case ZoneState::FullDisruption:
        return k8s::kNodeEvictionRate;
    case ZoneState::PartialDisruption:
        return zoneSize > k8s::kLargeClusterSizeThreshold ? k8s::kSecondaryNodeEvictionRate : 0.0;
    }
    return 0.0;
}

EvictionRateLimiter::EvictionRateLimiter(double qps, SimTime now) : m_qps(qps), m_last(now) {}

void EvictionRateLimiter::refill(SimTime now) {
    if (now > m_last) {
        m_tokens = std::min(1.0, m_tokens + m_qps * (now - m_last).toSeconds());
        m_last = now;
    }
}

bool EvictionRateLimiter::tryAccept(SimTime now) {
    if (m_qps <= 0.0) {
        return false;
    }
    refill(now);
    // A small tolerance so that k / qps seconds later, computed in floating point, counts.
    if (m_tokens >= 1.0 - 1e-9) {
        m_tokens -= 1.0;
        return true;
    }
    return false;
}

std::optional<SimTime> EvictionRateLimiter::nextTokenAt(SimTime now) const {
    if (m_qps <= 0.0) {
        return std::nullopt;
    }
    const double tokens =
        std::min(1.0, m_tokens + (now > m_last ? m_qps * (now - m_last).toSeconds() : 0.0));
    if (tokens >= 1.0 - 1e-9) {
        return now;
    }
    return now + SimTime::fromSeconds((1.0 - tokens) / m_qps);
}

void EvictionRateLimiter::swap(double qps, SimTime now) {
    if (qps == m_qps) {
        return;
    }
    const bool wasEmpty = m_qps <= 0.0 || !tryAccept(now);
    m_qps = qps;
    m_last = now;
    m_tokens = (qps > 0.0 && !wasEmpty) ? 1.0 : 0.0;
    // tryAccept above consumed the old bucket's token only to test it; the new bucket is full.
}

} // namespace cnsim
