#pragma once

// PodServer: one pod as a queueing station, without knowing about the engine or requests'
// contents (requests are plain ids).
//
//  - Workers: at most `workers` requests are served at once (0: no limit). A request holds
//    its worker from admission until releaseWorker(): through its CPU phase, its downstream
//    calls and its base latency, as a thread-per-request server does.
//  - Queue: beyond the workers, up to `queueCapacity` requests wait first come, first served;
//    one more is rejected (the caller answers 503).
//  - CPU: requests in their CPU phase share the container's CPU capacity C (cores) by
//    processor sharing, each at rate r = min(1, C / n) cores, n the number in their CPU phase
//    (a single request cannot use more than one core).
//
// Processor sharing runs on virtual time: V(t) grows at r(t) and is the CPU time (core-
// seconds) every request in its CPU phase has received since V = 0; a request needing w
// core-seconds that starts at V0 is done when V reaches V0 + w. Finish tags sit in a min-heap,
// so a change costs O(log n) and there is one next completion, nextCompletion(), for the
// caller to keep one engine event on. V restarts from 0 whenever no request is in its CPU
// phase, which keeps it small and exact over long runs.
//
// Times are seconds of simulated time (double), CPU in core-seconds.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace cnsim {

class PodServer {
public:
    enum class Admission { Started, Queued, Rejected };
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    PodServer() = default;
    PodServer(double capacityCores, int workers, int queueCapacity);

    // A request arrives: it takes a free worker (Started), waits (Queued), or is turned away.
    Admission admit(std::uint32_t request);
    // A request done with its worker; returns the queued request that now takes it, or
    // kNone.
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t releaseWorker();

    // Starts the CPU phase of a request holding a worker: `work` core-seconds from `now`.
    void startCpu(double now, std::uint32_t request, double work);
    // When the next CPU phase ends, or kNever.
    double nextCompletion() const;
    // At (or after) nextCompletion(): removes one request whose CPU phase is done and returns
    // it, or kNone when none is done at `now`.
    std::uint32_t popCompleted(double now);

    // Brings the CPU accounting up to `now`.
    void advance(double now);
    // CPU used by request processing since the last call (core-seconds); advance() first.
    double takeBusyCoreSeconds();
    double busyCoreSecondsTotal() const { return m_busyTotal; }

    double capacityCores() const { return m_capacity; }
    int workersBusy() const { return m_workersBusy; }
    std::size_t queueLength() const { return m_queueSize; }
    std::size_t inCpuPhase() const { return m_jobs.size(); }
    // Every request at the station: holding a worker or queued.
    std::size_t requestsPresent() const { return static_cast<std::size_t>(m_workersBusy) + m_queueSize; }

    // The pod stopped: forgets every request (the caller fails them).
    void clear();

private:
    struct Job {
        double finish; // virtual time at which its CPU phase ends
        std::uint32_t request;
    };
    double ratePerJob() const;
    void pushQueue(std::uint32_t request);
    std::uint32_t popQueue();

    double m_capacity = 1.0;
    int m_workers = 0; // 0: no limit
    std::size_t m_queueCapacity = 1000;

    int m_workersBusy = 0;
    std::vector<std::uint32_t> m_queue; // ring buffer
    std::size_t m_queueHead = 0;
    std::size_t m_queueSize = 0;

    std::vector<Job> m_jobs; // min-heap on finish
    double m_virtual = 0.0;
    double m_lastUpdate = 0.0;
    double m_busyWindow = 0.0;
    double m_busyTotal = 0.0;
};

} // namespace cnsim
