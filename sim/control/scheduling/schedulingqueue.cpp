#include "control/scheduling/schedulingqueue.h"

#include <algorithm>

namespace cnsim {

SchedulingQueue::SchedulingQueue(SimTime initialBackoff, SimTime maxBackoff,
                                 SimTime maxInUnschedulable)
    : m_initialBackoff(initialBackoff), m_maxBackoff(maxBackoff),
      m_maxInUnschedulable(maxInUnschedulable) {}

bool SchedulingQueue::add(std::string key, int priority, SimTime now) {
    if (m_pods.count(key) != 0) {
        return false;
    }
    Entry e;
    e.pod.key = key;
    e.pod.priority = priority;
    e.pod.timestamp = now;
    e.pod.initialAttemptTimestamp = now;
    e.sequence = m_sequence++;
    auto& stored = m_pods.emplace(std::move(key), std::move(e)).first->second;
    toActive(stored);
    return true;
}

void SchedulingQueue::toActive(Entry& e) {
    e.where = Entry::Where::Active;
    m_active.emplace(-e.pod.priority, e.pod.timestamp, e.sequence, e.pod.key);
}

void SchedulingQueue::toBackoff(Entry& e) {
    e.where = Entry::Where::Backoff;
    m_backoff.emplace(e.pod.backoffExpiration, e.sequence, e.pod.key);
}

std::optional<QueuedPod> SchedulingQueue::pop(SimTime now) {
    flushBackoffCompleted(now);
    if (m_active.empty()) {
        return std::nullopt;
    }
    const auto head = m_active.begin();
    Entry& e = m_pods.at(std::get<3>(*head));
    m_active.erase(head);
    e.where = Entry::Where::InFlight;
    // scheduling_queue.go Pop: attempts and the cycle count every pop.
    ++e.pod.attempts;
    e.pod.schedulingCycle = ++m_schedulingCycle;
    if (e.pod.attempts == 1) {
        e.pod.initialAttemptTimestamp = now;
    }
    return e.pod;
}

void SchedulingQueue::addUnschedulable(QueuedPod pod, std::vector<std::string> rejectingPlugins,
                                       SimTime now) {
    auto it = m_pods.find(pod.key);
    if (it == m_pods.end()) {
        return; // removed while in flight (deleted or bound elsewhere)
    }
    Entry& e = it->second;
    e.pod = std::move(pod);
    e.pod.unschedulablePlugins = std::move(rejectingPlugins);
    // Refresh the timestamp: the back-off counts from this failure.
    e.pod.timestamp = now;
    e.pod.backoffExpiration = now + backoffDuration(e.pod.attempts);
    e.sequence = m_sequence++;
    if (m_moveRequestCycle >= e.pod.schedulingCycle) {
        // A cluster event arrived during the attempt: it may have changed the answer.
        toBackoff(e);
    } else {
        e.where = Entry::Where::Unschedulable;
        m_unschedulable.insert(e.pod.key);
    }
}

bool SchedulingQueue::remove(std::string_view key) {
    const auto it = m_pods.find(key);
    if (it == m_pods.end()) {
        return false;
    }
    Entry& e = it->second;
    switch (e.where) {
    case Entry::Where::Active:
        m_active.erase({-e.pod.priority, e.pod.timestamp, e.sequence, e.pod.key});
        break;
    case Entry::Where::Backoff:
        m_backoff.erase({e.pod.backoffExpiration, e.sequence, e.pod.key});
        break;
    case Entry::Where::Unschedulable:
        m_unschedulable.erase(e.pod.key);
        break;
    case Entry::Where::InFlight:
        break;
    }
    m_pods.erase(it);
    return true;
}

void SchedulingQueue::moveUnschedulable(Entry& e, SimTime now) {
    m_unschedulable.erase(e.pod.key);
    // scheduling_queue.go requeuePodWithQueueingStrategy: still backing off → backoffQ.
    if (e.pod.backoffExpiration > now) {
        toBackoff(e);
    } else {
        toActive(e);
    }
}

void SchedulingQueue::moveAllToActiveOrBackoff(ClusterEventKind event, SimTime now) {
    std::vector<std::string> moving;
    for (const auto& key : m_unschedulable) {
        const Entry& e = m_pods.at(key);
        const auto& plugins = e.pod.unschedulablePlugins;
        // Pods whose failure no plugin owns are retried on any event.
        const bool interested =
            plugins.empty() || std::any_of(plugins.begin(), plugins.end(), [&](const auto& p) {
                return pluginInterestedIn(p, event);
            });
        if (interested) {
            moving.push_back(key);
        }
    }
    for (const auto& key : moving) {
        moveUnschedulable(m_pods.at(key), now);
    }
    m_moveRequestCycle = m_schedulingCycle;
}

void SchedulingQueue::flushBackoffCompleted(SimTime now) {
    while (!m_backoff.empty() && std::get<0>(*m_backoff.begin()) <= now) {
        Entry& e = m_pods.at(std::get<2>(*m_backoff.begin()));
        m_backoff.erase(m_backoff.begin());
        toActive(e);
    }
}

void SchedulingQueue::flushUnschedulableLeftover(SimTime now) {
    // flushUnschedulablePodsLeftover: pods that stayed longer than the maximum.
    std::vector<std::string> moving;
    for (const auto& key : m_unschedulable) {
        if (now - m_pods.at(key).pod.timestamp > m_maxInUnschedulable) {
            moving.push_back(key);
        }
    }
    for (const auto& key : moving) {
        moveUnschedulable(m_pods.at(key), now);
    }
}

SimTime SchedulingQueue::backoffDuration(int attempts) const {
    if (attempts <= 0) {
        return SimTime::zero();
    }
    SimTime duration = m_initialBackoff;
    for (int i = 1; i < attempts; ++i) {
        if (duration > m_maxBackoff - duration) {
            return m_maxBackoff;
        }
        duration += duration;
    }
    return duration;
}

std::optional<SimTime> SchedulingQueue::nextBackoffExpiry() const {
    if (m_backoff.empty()) {
        return std::nullopt;
    }
    return std::get<0>(*m_backoff.begin());
}

bool SchedulingQueue::contains(std::string_view key) const {
    return m_pods.find(key) != m_pods.end();
}

bool SchedulingQueue::pluginInterestedIn(std::string_view plugin, ClusterEventKind event) {
    // Each plugin's EventsToRegister (plugins/*/…go), reduced to cnsim's events.
    using E = ClusterEventKind;
    const bool nodeAddOrUpdate = event == E::NodeAdd || event == E::NodeUpdate;
    if (plugin == "NodeResourcesFit") {
        return nodeAddOrUpdate || event == E::AssignedPodDelete || event == E::AssignedPodUpdate;
    }
    if (plugin == "NodeUnschedulable" || plugin == "TaintToleration" || plugin == "NodeAffinity") {
        return nodeAddOrUpdate;
    }
    if (plugin == "NodeName") {
        return event == E::NodeAdd;
    }
    if (plugin == "PodTopologySpread" || plugin == "InterPodAffinity") {
        return true; // assigned pods and node labels both matter
    }
    return true;
}

} // namespace cnsim
