#include "engine/helperthread.h"

#include <stdexcept>
#include <utility>

namespace cnsim {

namespace {

// How long either side spins before sleeping: longer than a task takes to be handed over,
// far shorter than the time between two tasks.
constexpr int kSpins = 20'000;

void relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause(); // leaves the core's other thread the pipeline while spinning
#endif
}

} // namespace

HelperThread::HelperThread() : m_thread([this] { loop(); }) {}

HelperThread::~HelperThread() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void HelperThread::start(std::function<void()> task) {
    if (!m_done.load(std::memory_order_acquire)) {
        throw std::logic_error("HelperThread::start: the previous task was not waited for");
    }
    {
        const std::lock_guard lock(m_mutex);
        m_task = std::move(task);
        m_failure = nullptr;
        m_done.store(false, std::memory_order_relaxed);
        m_hasTask.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
}

void HelperThread::wait() {
    for (int spin = 0; !m_done.load(std::memory_order_acquire); ++spin) {
        relax();
        if (spin >= kSpins) {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_done.load(std::memory_order_acquire); });
            break;
        }
    }
    if (m_failure) {
        std::rethrow_exception(std::exchange(m_failure, nullptr));
    }
}

void HelperThread::loop() {
    for (;;) {
        for (int spin = 0; spin < kSpins && !m_hasTask.load(std::memory_order_acquire); ++spin) {
            relax();
        }
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_hasTask.load(std::memory_order_relaxed); });
            if (m_stopping) {
                return;
            }
            task = std::move(m_task);
            m_hasTask.store(false, std::memory_order_relaxed);
        }
        try {
            task();
        } catch (...) {
            m_failure = std::current_exception();
        }
        {
            // Under the lock, so that a waiter checking m_done before sleeping cannot miss it.
            const std::lock_guard lock(m_mutex);
            m_done.store(true, std::memory_order_release);
        }
        m_wake.notify_all();
    }
}

} // namespace cnsim
