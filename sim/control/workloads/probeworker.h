#pragma once

// The kubelet's probe workers for one container: startup, liveness and readiness, each a
// small state machine ticking every periodSeconds.
//
// Upstream: pkg/kubelet/prober/worker.go (run, doProbe), prober_manager.go (UpdatePodStatus:
// Started and Ready, the manual readiness trigger), results/results_manager.go; defaults from
// the core/v1 Probe field docs (kubernetesdefaults.h).
//
// Rules kept: a worker starts when the pod is added to the kubelet and ticks at
// workerStart + k × period (first tick at once); the initial result is Failure for readiness
// (unready until the first success), Success for liveness, Unknown for startup; nothing is
// probed before initialDelaySeconds have passed since the container started (whole seconds,
// truncated, as upstream); liveness and readiness wait for the startup probe to succeed, and the
// startup probe stops once it has; a result changes only after successThreshold /
// failureThreshold consecutive equal outcomes; a liveness or startup failure asks for a
// restart and holds the worker until a new container starts. A container with no readiness
// probe is ready once started. Omitted: the jitter after a kubelet restart, timeouts (a check
// that does not answer in timeoutSeconds is a failure; the caller decides `succeeds`).
//
// How the model drives it: create ContainerProbes when the pod is bound to the node; call
// containerStarted / containerExited on those events (containerStarted also runs the
// readiness probe at once, as UpdatePodStatus triggers it); schedule an event at nextTick()
// and call tick(now, checks) there, then apply restartContainer and ready()/started().

#include "engine/simtime.h"
#include "scenario/kubernetestypes.h"

#include <optional>

namespace cnsim {

enum class ProbeKind { Startup, Liveness, Readiness };
enum class ProbeResult { Unknown, Success, Failure };

// A Probe's timing with upstream's defaults applied.
struct ProbeTiming {
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int successThreshold = 1;
    int failureThreshold = 3;
    static ProbeTiming fromSpec(const Probe& probe);
};

class ProbeWorker {
public:
    ProbeWorker(ProbeKind kind, ProbeTiming timing, SimTime workerStart);

    // A new container (new container ID): results start again from the initial value.
    void containerStarted(SimTime startedAt);
    // The container is no longer running: its result becomes Failure.
    void containerExited();

    struct Outcome {
        bool probed = false;           // a check ran
        bool resultChanged = false;    // result() differs from before this call
        bool restartContainer = false; // liveness / startup failure crossed the threshold
    };
    // One doProbe: `started` is the container's Started flag (startup probe passed or none);
    // `succeeds` whether the check would pass now.
    Outcome probe(SimTime now, bool started, bool succeeds);

    // The periodic tick at or after `now` strictly later than the last one taken.
    SimTime nextTick() const { return m_nextTick; }
    // Runs probe() if `now` is the due tick and advances the tick.
    Outcome tick(SimTime now, bool started, bool succeeds);

    ProbeKind kind() const { return m_kind; }
    ProbeResult result() const { return m_result; }

private:
    ProbeKind m_kind;
    ProbeTiming m_timing;
    SimTime m_nextTick;
    ProbeResult m_result;
    ProbeResult m_lastOutcome = ProbeResult::Unknown;
    int m_run = 0;
    bool m_hasContainer = false;
    bool m_running = false;
    bool m_onHold = false;
    SimTime m_startedAt;
};

// The three workers of one container, and the Started / Ready flags derived from them.
class ContainerProbes {
public:
    ContainerProbes(std::optional<Probe> startup, std::optional<Probe> liveness,
                    std::optional<Probe> readiness, SimTime workerStart);

    struct Checks {
        bool startup = true;
        bool liveness = true;
        bool readiness = true;
    };
    struct Outcome {
        bool restartContainer = false;
        bool readyChanged = false;
        bool startedChanged = false;
    };

    // Container started: resets the workers and runs the readiness probe at once (the
    // kubelet's manual trigger), which is what makes a probe-less wait unnecessary.
    Outcome containerStarted(SimTime now, Checks checks);
    void containerExited();
    // Runs every worker whose tick is due at `now`.
    Outcome tick(SimTime now, Checks checks);
    // Earliest next tick over the workers; nullopt when the container has no probes.
    std::optional<SimTime> nextTick() const;

    bool started() const;
    bool ready() const;
    const std::optional<ProbeWorker>& worker(ProbeKind kind) const;

private:
    Outcome runDue(SimTime now, Checks checks, bool onlyReadiness);

    std::optional<ProbeWorker> m_startup;
    std::optional<ProbeWorker> m_liveness;
    std::optional<ProbeWorker> m_readiness;
    bool m_running = false;
};

} // namespace cnsim
