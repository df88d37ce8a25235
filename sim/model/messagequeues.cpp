#include "model/messagequeues.h"

#include "cluster/apiserver.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cnsim {

namespace {

constexpr SimTime kSampleInterval = SimTime::seconds(1);

enum Series : std::size_t {
    kLength,
    kInFlight,
    kOldestAge,
    kPublished,
    kProcessed,
    kConsumers,
    kSeriesCount
};

SimTime fromSeconds(double seconds) {
    return SimTime::microseconds(static_cast<std::int64_t>(std::llround(seconds * 1e6)));
}

} // namespace

MessageQueues::MessageQueues(SimulationModel& model) : m_model(model) {
    for (const QueueSpec& spec : model.scenario().simulation.queues) {
        m_queues.emplace_back(spec, model.makeStream("queue/" + spec.name));
    }
    if (!m_queues.empty()) {
        model.api().watch(ResourceKind::Pod, [this](WatchEventType, const ObjectMeta& meta) {
            podChanged(meta.nameSpace, meta.name);
        });
    }
}

void MessageQueues::start() {
    if (m_queues.empty()) {
        return;
    }
    MetricsStore& store = m_model.metrics();
    for (Queue& q : m_queues) {
        const std::string prefix = "queue/" + q.spec->name + "/";
        q.series.resize(kSeriesCount);
        q.series[kLength] = store.indexOf(prefix + "length", "messages");
        q.series[kInFlight] = store.indexOf(prefix + "in_flight", "messages");
        q.series[kOldestAge] = store.indexOf(prefix + "oldest_message_age_seconds", "s");
        q.series[kPublished] = store.indexOf(prefix + "published_per_second", "messages/s");
        q.series[kProcessed] = store.indexOf(prefix + "processed_per_second", "messages/s");
        q.series[kConsumers] = store.indexOf(prefix + "consumers", "pods");
    }
    m_model.engine().schedule(
        kSampleInterval, [this] { sample(); }, priority::kMetrics);
}

std::optional<std::size_t> MessageQueues::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < m_queues.size(); ++i) {
        if (m_queues[i].spec->name == name) {
            return i;
        }
    }
    return std::nullopt;
}

void MessageQueues::publish(std::size_t queue) {
    Queue& q = m_queues[queue];
    q.waiting.push_back(m_model.now());
    ++q.published;
    ++q.publishedThisSecond;
    q.peakLength = std::max<std::uint64_t>(q.peakLength, q.waiting.size());
    deliver(queue);
}

std::int64_t MessageQueues::waiting(std::size_t queue) const {
    return static_cast<std::int64_t>(m_queues[queue].waiting.size());
}

std::int64_t MessageQueues::inFlight(std::size_t queue) const {
    return m_queues[queue].held;
}

std::int64_t MessageQueues::publishedLastSecond(std::size_t queue) const {
    return m_queues[queue].publishedLastSecond;
}

SimTime MessageQueues::oldestAge(std::size_t queue) const {
    const Queue& q = m_queues[queue];
    return q.waiting.empty() ? SimTime::zero() : m_model.now() - q.waiting.front();
}

int MessageQueues::readyConsumers(std::size_t queue) const {
    int ready = 0;
    for (const auto& [key, consumer] : m_queues[queue].consumers) {
        ready += consumer.taking ? 1 : 0;
    }
    return ready;
}

void MessageQueues::podChanged(const std::string& nameSpace, const std::string& name) {
    const std::string key = nameSpace + "/" + name;
    const PodObject* pod = m_model.api().pods().find(nameSpace, name);
    for (std::size_t i = 0; i < m_queues.size(); ++i) {
        Queue& q = m_queues[i];
        const auto it = q.consumers.find(key);
        if (pod == nullptr) {
            // Gone for good: what it held was never acknowledged.
            if (it != q.consumers.end()) {
                giveBack(q, it->second);
                q.consumers.erase(it);
                deliver(i);
            }
            continue;
        }
        const DeploymentObject* consumerOf =
            m_model.api().deployments().find(nameSpace, q.spec->consumer.deployment);
        if (consumerOf == nullptr || !matchesLabels(consumerOf->spec.selector, pod->meta.labels)) {
            continue;
        }
        Consumer& consumer = it != q.consumers.end() ? it->second : q.consumers[key];
        // A worker pulls once its program runs: its containers started and the image's
        // startupTime passed (a readiness probe is not needed: nothing routes to it). A pod
        // being deleted gets SIGTERM: it finishes what it holds and takes nothing new.
        const std::optional<SimTime> from = pullingFrom(*pod);
        const SimTime now = m_model.now();
        consumer.taking =
            from && *from <= now && !isPodTerminating(*pod) && pod->phase == PodPhaseK8s::Running;
        if (from && *from > now && consumer.recheckAt != *from) {
            consumer.recheckAt = *from;
            m_model.engine().scheduleAt(
                *from, [this, nameSpace, name] { podChanged(nameSpace, name); },
                priority::kLifecycle);
        }
        if (pod->phase == PodPhaseK8s::Failed || pod->phase == PodPhaseK8s::Succeeded) {
            giveBack(q, consumer);
        }
        deliver(i);
    }
}

std::optional<SimTime> MessageQueues::pullingFrom(const PodObject& pod) const {
    if (pod.containerStatuses.empty()) {
        return std::nullopt;
    }
    SimTime from = SimTime::zero();
    for (const ContainerStatus& c : pod.containerStatuses) {
        const ImageSpec* image = m_model.findImage(c.image);
        if (!c.running || (image != nullptr && image->neverReady)) {
            return std::nullopt;
        }
        from = std::max(from, c.running->startedAt +
                                  (image != nullptr ? image->startupTime : SimTime::zero()));
    }
    return from;
}

void MessageQueues::deliver(std::size_t queue) {
    Queue& q = m_queues[queue];
    const int concurrency = std::max(q.spec->consumer.concurrency, 1);
    while (!q.waiting.empty()) {
        // The consumer holding the fewest messages (the first in pod order on a tie): a
        // broker spreads deliveries over consumers that have room under their prefetch.
        Consumer* best = nullptr;
        const std::string* bestKey = nullptr;
        for (auto& [key, consumer] : q.consumers) {
            const int held = static_cast<int>(consumer.held.size());
            if (consumer.taking && held < concurrency &&
                (best == nullptr || held < static_cast<int>(best->held.size()))) {
                best = &consumer;
                bestKey = &key;
            }
        }
        if (best == nullptr) {
            return;
        }
        take(queue, *bestKey, *best);
    }
}

void MessageQueues::take(std::size_t queue, const std::string& podKey, Consumer& consumer) {
    Queue& q = m_queues[queue];
    const SimTime now = m_model.now();
    const SimTime publishedAt = q.waiting.front();
    q.waiting.pop_front();
    const SimTime wait = now - publishedAt;
    if (!q.firstWait) {
        q.firstWait = wait;
    }
    q.peakOldestAge = std::max(q.peakOldestAge, wait);
    q.waitSecondsTotal += wait.toSeconds();
    ++q.taken;
    ++q.held;
    const std::uint64_t delivery = q.nextDelivery++;
    const SimTime work = fromSeconds(q.processing.sampleSeconds(q.stream));
    const EventId done = m_model.engine().schedule(
        work, [this, queue, podKey, delivery] { acknowledge(queue, podKey, delivery); },
        priority::kTraffic);
    consumer.held.emplace(delivery, Held{publishedAt, done});
}

void MessageQueues::acknowledge(std::size_t queue, const std::string& podKey,
                                std::uint64_t delivery) {
    Queue& q = m_queues[queue];
    const auto consumer = q.consumers.find(podKey);
    if (consumer == q.consumers.end() || consumer->second.held.erase(delivery) == 0) {
        return;
    }
    --q.held;
    ++q.processed;
    ++q.processedThisSecond;
    deliver(queue);
}

void MessageQueues::giveBack(Queue& q, Consumer& consumer) {
    for (const auto& [delivery, held] : consumer.held) {
        m_model.engine().cancel(held.done);
        q.waiting.insert(std::upper_bound(q.waiting.begin(), q.waiting.end(), held.publishedAt),
                         held.publishedAt);
        --q.held;
    }
    consumer.held.clear();
}

void MessageQueues::sample() {
    MetricsStore& store = m_model.metrics();
    const auto put = [&](std::size_t series, double value) {
        store.append(series, m_model.now(), value);
        m_model.engine().fingerprint().addU64(std::bit_cast<std::uint64_t>(value));
    };
    for (std::size_t i = 0; i < m_queues.size(); ++i) {
        Queue& q = m_queues[i];
        const SimTime age = oldestAge(i);
        q.peakOldestAge = std::max(q.peakOldestAge, age);
        q.publishedLastSecond = q.publishedThisSecond;
        put(q.series[kLength], static_cast<double>(q.waiting.size()));
        put(q.series[kInFlight], static_cast<double>(q.held));
        put(q.series[kOldestAge], age.toSeconds());
        put(q.series[kPublished], static_cast<double>(q.publishedThisSecond));
        put(q.series[kProcessed], static_cast<double>(q.processedThisSecond));
        put(q.series[kConsumers], readyConsumers(i));
        q.publishedThisSecond = 0;
        q.processedThisSecond = 0;
    }
    if (m_model.now() + kSampleInterval <= m_model.endTime()) {
        m_model.engine().schedule(
            kSampleInterval, [this] { sample(); }, priority::kMetrics);
    }
}

std::vector<QueueSummary> MessageQueues::summaries() const {
    std::vector<QueueSummary> out;
    for (std::size_t i = 0; i < m_queues.size(); ++i) {
        const Queue& q = m_queues[i];
        QueueSummary s;
        s.name = q.spec->name;
        s.consumer = q.spec->consumer.deployment;
        s.enqueued = q.published;
        s.processed = q.processed;
        s.remaining = q.waiting.size() + static_cast<std::uint64_t>(q.held);
        s.peakLength = q.peakLength;
        s.peakOldestAgeSeconds = std::max(q.peakOldestAge, oldestAge(i)).toSeconds();
        s.meanWaitSeconds = q.taken > 0 ? q.waitSecondsTotal / static_cast<double>(q.taken) : 0.0;
        if (q.firstWait) {
            s.firstMessageWaitSeconds = q.firstWait->toSeconds();
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace cnsim
