#include "control/workloads/backoff.h"

#include "control/kubernetesdefaults.h"

#include <algorithm>

namespace cnsim {

Backoff::Backoff(SimTime initial, SimTime max) : m_initial(initial), m_max(max) {}

bool Backoff::hasExpired(SimTime eventTime, SimTime lastUpdate) const {
    // "consider stable if it's ok for twice the maxDuration"
    return eventTime - lastUpdate > m_max * 2;
}

void Backoff::next(const std::string& key, SimTime eventTime, SimTime now) {
    auto it = m_entries.find(key);
    if (it == m_entries.end() || hasExpired(eventTime, it->second.lastUpdate)) {
        m_entries[key] = Entry{m_initial, now};
        return;
    }
    it->second.delay = std::min(it->second.delay * 2, m_max);
    it->second.lastUpdate = now;
}

bool Backoff::isInBackOffSince(const std::string& key, SimTime eventTime, SimTime now) const {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || hasExpired(eventTime, it->second.lastUpdate)) {
        return false;
    }
    return now - eventTime < it->second.delay;
}

bool Backoff::isInBackOffSinceUpdate(const std::string& key, SimTime eventTime) const {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || hasExpired(eventTime, it->second.lastUpdate)) {
        return false;
    }
    return eventTime - it->second.lastUpdate < it->second.delay;
}

SimTime Backoff::get(const std::string& key) const {
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? SimTime::zero() : it->second.delay;
}

SimTime Backoff::lastUpdate(const std::string& key) const {
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? SimTime::zero() : it->second.lastUpdate;
}

void Backoff::gc(SimTime now) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (now - it->second.lastUpdate > m_max * 2) {
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

std::string containerBackoffKey(std::string_view pod, std::string_view nameSpace,
                                std::string_view uid, std::string_view container,
                                std::string_view specHash) {
    std::string key;
    for (std::string_view part : {pod, nameSpace, uid, container}) {
        key += part;
        key += '_';
    }
    key += specHash;
    return key;
}

std::string formatPodForKubelet(std::string_view pod, std::string_view nameSpace,
                                std::string_view uid) {
    std::string out(pod);
    out += '_';
    out += nameSpace;
    out += '(';
    out += uid;
    out += ')';
    return out;
}

std::string formatGoDuration(SimTime d) {
    std::int64_t us = d.toMicroseconds();
    if (us == 0) {
        return "0s";
    }
    std::string sign;
    if (us < 0) {
        sign = "-";
        us = -us;
    }
    if (us < 1'000'000) {
        // Go prints sub-second durations in the largest unit that keeps an integer part.
        if (us % 1'000 == 0) {
            return sign + std::to_string(us / 1'000) + "ms";
        }
        return sign + std::to_string(us) + "µs";
    }
    const std::int64_t hours = us / 3'600'000'000;
    const std::int64_t minutes = (us / 60'000'000) % 60;
    const std::int64_t micros = us % 60'000'000;
    std::string out = sign;
    if (hours > 0) {
        out += std::to_string(hours) + "h";
    }
    if (hours > 0 || minutes > 0) {
        out += std::to_string(minutes) + "m";
    }
    out += std::to_string(micros / 1'000'000);
    std::int64_t fraction = micros % 1'000'000;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 6 - digits.size(), '0');
        while (!digits.empty() && digits.back() == '0') {
            digits.pop_back();
        }
        out += "." + digits;
    }
    out += "s";
    return out;
}

CrashLoopBackoff::CrashLoopBackoff()
    : CrashLoopBackoff(k8s::kCrashLoopInitialBackoff, k8s::kCrashLoopMaxBackoff) {}

CrashLoopBackoff::CrashLoopBackoff(SimTime initial, SimTime max) : m_backoff(initial, max) {}

RestartDecision CrashLoopBackoff::decide(const std::string& key, SimTime finishedAt, SimTime now,
                                         std::string_view containerName,
                                         std::string_view formattedPod) {
    RestartDecision d;
    if (m_backoff.isInBackOffSince(key, finishedAt, now)) {
        d.retryAt = finishedAt + m_backoff.get(key);
        d.message = "back-off " + formatGoDuration(m_backoff.get(key)) +
                    " restarting failed container=" + std::string(containerName) +
                    " pod=" + std::string(formattedPod);
        return d;
    }
    m_backoff.next(key, finishedAt, now);
    d.restartNow = true;
    d.retryAt = now;
    return d;
}

ImagePullBackoff::ImagePullBackoff()
    : m_backoff(k8s::kImagePullInitialBackoff, k8s::kImagePullMaxBackoff) {}

std::string ImagePullBackoff::key(std::string_view podUid, std::string_view image) {
    std::string k(podUid);
    k += '_';
    k += image;
    return k;
}

ImagePullDecision ImagePullBackoff::beforePull(const std::string& key, std::string_view image,
                                               SimTime now) const {
    ImagePullDecision d;
    d.retryAt = now;
    if (m_backoff.isInBackOffSinceUpdate(key, now)) {
        d.state = ImagePullState::ImagePullBackOff;
        // The delay counts from the failed attempt, which is when Next recorded it.
        d.retryAt = m_backoff.lastUpdate(key) + m_backoff.get(key);
        d.message = "Back-off pulling image \"" + std::string(image) + "\"";
    }
    return d;
}

ImagePullDecision ImagePullBackoff::pullFailed(const std::string& key, std::string_view error,
                                               SimTime now) {
    m_backoff.next(key, now, now);
    ImagePullDecision d;
    d.state = ImagePullState::ErrImagePull;
    d.retryAt = now + m_backoff.get(key);
    d.message = std::string(error);
    return d;
}

} // namespace cnsim
