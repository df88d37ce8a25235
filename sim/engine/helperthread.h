#pragma once

// HelperThread: a second thread that runs one task at a time for the thread that owns it.
//
// The owner hands a task over (start), does its own share of the work, then waits for the
// task (wait), which rethrows what the task threw. The helper sleeps between tasks, after
// spinning briefly: a simulation hands one over every simulated second, about a millisecond
// apart, and waking a sleeping thread costs more than the short spin.
//
// Only for work whose result does not depend on how it is shared out: the simulation stays
// bit for bit the same whether a helper runs or not (docs/traffic.md, "Sampling threads").

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace cnsim {

class HelperThread {
public:
    HelperThread();
    ~HelperThread();
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;

    // Hands `task` to the helper. The previous task must have been waited for.
    void start(std::function<void()> task);
    // Returns when the task has finished; rethrows its exception, if any.
    void wait();

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::function<void()> m_task;  // guarded by m_mutex until taken
    std::exception_ptr m_failure;  // written by the helper before m_done
    std::atomic<bool> m_done{true};
    std::atomic<bool> m_hasTask{false};
    bool m_stopping = false; // guarded by m_mutex
    std::thread m_thread;    // last: starts once the members above exist
};

} // namespace cnsim
