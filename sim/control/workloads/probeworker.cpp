#include "control/workloads/probeworker.h"

#include "control/kubernetesdefaults.h"

#include <algorithm>

namespace cnsim {

ProbeTiming ProbeTiming::fromSpec(const Probe& probe) {
    ProbeTiming t;
    t.initialDelaySeconds = probe.initialDelaySeconds.value_or(k8s::kProbeInitialDelaySeconds);
    t.periodSeconds = std::max(1, probe.periodSeconds.value_or(k8s::kProbePeriodSeconds));
    t.successThreshold = probe.successThreshold.value_or(k8s::kProbeSuccessThreshold);
    t.failureThreshold = probe.failureThreshold.value_or(k8s::kProbeFailureThreshold);
    return t;
}

namespace {
ProbeResult initialResult(ProbeKind kind) {
    switch (kind) {
    case ProbeKind::Readiness:
        return ProbeResult::Failure;
    case ProbeKind::Liveness:
        return ProbeResult::Success;
    case ProbeKind::Startup:
        return ProbeResult::Unknown;
    }
    return ProbeResult::Unknown;
}
} // namespace

ProbeWorker::ProbeWorker(ProbeKind kind, ProbeTiming timing, SimTime workerStart)
    : m_kind(kind), m_timing(timing), m_nextTick(workerStart), m_result(initialResult(kind)) {}

void ProbeWorker::containerStarted(SimTime startedAt) {
    m_hasContainer = true;
    m_running = true;
    m_onHold = false;
    m_startedAt = startedAt;
    m_result = initialResult(m_kind);
    m_lastOutcome = ProbeResult::Unknown;
    m_run = 0;
}

void ProbeWorker::containerExited() {
    m_running = false;
    if (m_hasContainer) {
        m_result = ProbeResult::Failure;
    }
}

ProbeWorker::Outcome ProbeWorker::probe(SimTime now, bool started, bool succeeds) {
    Outcome out;
    if (!m_hasContainer || m_onHold || !m_running) {
        return out;
    }
    // int32(time.Since(startedAt).Seconds()) < InitialDelaySeconds: whole seconds, truncated.
    if ((now - m_startedAt) / SimTime::seconds(1) < m_timing.initialDelaySeconds) {
        return out;
    }
    if (started ? m_kind == ProbeKind::Startup : m_kind != ProbeKind::Startup) {
        return out;
    }
    out.probed = true;
    const ProbeResult outcome = succeeds ? ProbeResult::Success : ProbeResult::Failure;
    if (outcome == m_lastOutcome) {
        ++m_run;
    } else {
        m_lastOutcome = outcome;
        m_run = 1;
    }
    if ((outcome == ProbeResult::Failure && m_run < m_timing.failureThreshold) ||
        (outcome == ProbeResult::Success && m_run < m_timing.successThreshold)) {
        return out;
    }
    out.resultChanged = m_result != outcome;
    m_result = outcome;
    if (m_kind != ProbeKind::Readiness && outcome == ProbeResult::Failure) {
        out.restartContainer = true;
        m_onHold = true;
        m_run = 0;
    }
    return out;
}

ProbeWorker::Outcome ProbeWorker::tick(SimTime now, bool started, bool succeeds) {
    if (now < m_nextTick) {
        return {};
    }
    const SimTime period = SimTime::seconds(m_timing.periodSeconds);
    while (m_nextTick <= now) {
        m_nextTick += period;
    }
    return probe(now, started, succeeds);
}

ContainerProbes::ContainerProbes(std::optional<Probe> startup, std::optional<Probe> liveness,
                                 std::optional<Probe> readiness, SimTime workerStart) {
    if (startup) {
        m_startup.emplace(ProbeKind::Startup, ProbeTiming::fromSpec(*startup), workerStart);
    }
    if (liveness) {
        m_liveness.emplace(ProbeKind::Liveness, ProbeTiming::fromSpec(*liveness), workerStart);
    }
    if (readiness) {
        m_readiness.emplace(ProbeKind::Readiness, ProbeTiming::fromSpec(*readiness), workerStart);
    }
}

bool ContainerProbes::started() const {
    return m_running && (!m_startup || m_startup->result() == ProbeResult::Success);
}

bool ContainerProbes::ready() const {
    return started() && (!m_readiness || m_readiness->result() == ProbeResult::Success);
}

const std::optional<ProbeWorker>& ContainerProbes::worker(ProbeKind kind) const {
    switch (kind) {
    case ProbeKind::Startup:
        return m_startup;
    case ProbeKind::Liveness:
        return m_liveness;
    case ProbeKind::Readiness:
        break;
    }
    return m_readiness;
}

std::optional<SimTime> ContainerProbes::nextTick() const {
    std::optional<SimTime> next;
    for (const std::optional<ProbeWorker>* w : {&m_startup, &m_liveness, &m_readiness}) {
        if (*w && (!next || (*w)->nextTick() < *next)) {
            next = (*w)->nextTick();
        }
    }
    return next;
}

ContainerProbes::Outcome ContainerProbes::runDue(SimTime now, Checks checks, bool onlyReadiness) {
    const bool wasReady = ready();
    const bool wasStarted = started();
    Outcome out;
    // Startup first: a success this tick lets the others start at their next tick, as the
    // Started flag is read from the previous status update upstream.
    const bool startedFlag = started();
    if (!onlyReadiness && m_startup) {
        out.restartContainer |= m_startup->tick(now, startedFlag, checks.startup).restartContainer;
    }
    if (!onlyReadiness && m_liveness) {
        out.restartContainer |=
            m_liveness->tick(now, startedFlag, checks.liveness).restartContainer;
    }
    if (m_readiness) {
        if (onlyReadiness) {
            m_readiness->probe(now, startedFlag, checks.readiness);
        } else {
            m_readiness->tick(now, startedFlag, checks.readiness);
        }
    }
    out.readyChanged = ready() != wasReady;
    out.startedChanged = started() != wasStarted;
    return out;
}

ContainerProbes::Outcome ContainerProbes::containerStarted(SimTime now, Checks checks) {
    const bool wasReady = ready();
    m_running = true;
    for (std::optional<ProbeWorker>* w : {&m_startup, &m_liveness, &m_readiness}) {
        if (*w) {
            (*w)->containerStarted(now);
        }
    }
    Outcome out = runDue(now, checks, true);
    out.readyChanged = ready() != wasReady;
    out.startedChanged = true;
    return out;
}

void ContainerProbes::containerExited() {
    m_running = false;
    for (std::optional<ProbeWorker>* w : {&m_startup, &m_liveness, &m_readiness}) {
        if (*w) {
            (*w)->containerExited();
        }
    }
}

ContainerProbes::Outcome ContainerProbes::tick(SimTime now, Checks checks) {
    return runDue(now, checks, false);
}

} // namespace cnsim
