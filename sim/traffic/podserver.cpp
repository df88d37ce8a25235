#include "traffic/podserver.h"

#include <algorithm>

namespace cnsim {

namespace {

// A finish tag this close to V is due: rounding the completion up to a whole microsecond can
// leave V a hair short of (or past) the tag.
constexpr double kDueEpsilon = 1e-9;

bool laterFinish(const auto& a, const auto& b) {
    return a.finish != b.finish ? a.finish > b.finish : a.request > b.request;
}

} // namespace

PodServer::PodServer(double capacityCores, int workers, int queueCapacity)
    : m_capacity(capacityCores), m_workers(std::max(workers, 0)),
      m_queueCapacity(static_cast<std::size_t>(std::max(queueCapacity, 0))) {}

PodServer::Admission PodServer::admit(std::uint32_t request) {
    if (m_workers == 0 || m_workersBusy < m_workers) {
        ++m_workersBusy;
        return Admission::Started;
    }
    if (m_queueSize >= m_queueCapacity) {
        return Admission::Rejected;
    }
    pushQueue(request);
    return Admission::Queued;
}

std::uint32_t PodServer::releaseWorker() {
    if (m_queueSize > 0) {
        return popQueue(); // the worker passes straight to the next request in line
    }
    m_workersBusy = std::max(m_workersBusy - 1, 0);
    return kNone;
}

double PodServer::ratePerJob() const {
    const auto n = static_cast<double>(m_jobs.size());
    return n == 0.0 ? 0.0 : std::min(1.0, m_capacity / n);
}

void PodServer::advance(double now) {
    if (now <= m_lastUpdate) {
        return;
    }
    if (!m_jobs.empty()) {
        const double r = ratePerJob();
        const double dt = now - m_lastUpdate;
        m_virtual += dt * r;
        const double used = dt * r * static_cast<double>(m_jobs.size());
        m_busyWindow += used;
        m_busyTotal += used;
    }
    m_lastUpdate = now;
}

void PodServer::startCpu(double now, std::uint32_t request, double work) {
    advance(now);
    if (m_jobs.empty()) {
        m_virtual = 0.0;
    }
    m_jobs.push_back(Job{m_virtual + std::max(work, 0.0), request});
    std::push_heap(m_jobs.begin(), m_jobs.end(), [](const Job& a, const Job& b) {
        return laterFinish(a, b);
    });
}

double PodServer::nextCompletion() const {
    if (m_jobs.empty()) {
        return kNever;
    }
    const double remaining = std::max(m_jobs.front().finish - m_virtual, 0.0);
    return m_lastUpdate + remaining / ratePerJob();
}

std::uint32_t PodServer::popCompleted(double now) {
    advance(now);
    if (m_jobs.empty() || m_jobs.front().finish > m_virtual + kDueEpsilon) {
        return kNone;
    }
    std::pop_heap(m_jobs.begin(), m_jobs.end(),
                  [](const Job& a, const Job& b) { return laterFinish(a, b); });
    const std::uint32_t request = m_jobs.back().request;
    m_virtual = std::max(m_virtual, m_jobs.back().finish);
    m_jobs.pop_back();
    return request;
}

double PodServer::takeBusyCoreSeconds() {
    const double used = m_busyWindow;
    m_busyWindow = 0.0;
    return used;
}

void PodServer::clear() {
    m_jobs.clear();
    m_queueHead = 0;
    m_queueSize = 0;
    m_workersBusy = 0;
    m_virtual = 0.0;
}

void PodServer::pushQueue(std::uint32_t request) {
    if (m_queueSize == m_queue.size()) {
        // Grow the ring, unrolling it so the oldest request is first again.
        std::vector<std::uint32_t> grown(std::max<std::size_t>(16, m_queue.size() * 2));
        for (std::size_t i = 0; i < m_queueSize; ++i) {
            grown[i] = m_queue[(m_queueHead + i) % m_queue.size()];
        }
        m_queue = std::move(grown);
        m_queueHead = 0;
    }
    m_queue[(m_queueHead + m_queueSize) % m_queue.size()] = request;
    ++m_queueSize;
}

std::uint32_t PodServer::popQueue() {
    const std::uint32_t request = m_queue[m_queueHead];
    m_queueHead = (m_queueHead + 1) % m_queue.size();
    --m_queueSize;
    return request;
}

} // namespace cnsim
