#pragma once

// MessageQueues: the message brokers of simulation.queues (a RabbitMQ or SQS queue each), the
// thing KEDA scales on (docs/autoscaling.md, "Event-driven scaling").
//
// A traffic source's class with `queue: NAME` publishes one message per request. Messages wait
// in FIFO order. The pods of the queue's consumer Deployment whose program runs (containers
// started, the image's startupTime passed) and that are not being deleted each hold up to
// `concurrency` messages; a message held for its processing time
// (seeded stream "queue/<name>") is acknowledged and leaves the queue. A pod that goes away
// while holding messages gives them back unacknowledged: they are delivered again, in publish
// order, as a broker does when a consumer's channel closes. With no consumer ready the backlog
// and the oldest message's age grow: the cold start of a worker scaled from zero.
//
// Consumer pods are found through a Pod watch registered only when the scenario has queues, so
// a scenario without queues pays nothing. Per second: queue/<name>/length (waiting),
// in_flight, oldest_message_age_seconds, published_per_second, processed_per_second,
// consumers (consumer pods taking messages).

#include "engine/engine.h"
#include "engine/random.h"
#include "metrics/runsummary.h"
#include "scenario/kedaspec.h"
#include "traffic/distributions.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

class SimulationModel;
struct PodObject;

class MessageQueues {
public:
    // Watches consumer pods (only when the scenario has queues).
    explicit MessageQueues(SimulationModel& model);

    // Starts the per-second series (nothing without queues).
    void start();

    // The queue's index in simulation.queues, or nullopt.
    std::optional<std::size_t> indexOf(const std::string& name) const;
    // A producer publishes one message now.
    void publish(std::size_t queue);

    // What a broker's API reports: messages waiting, messages delivered and not acknowledged,
    // messages published over the last whole second.
    std::int64_t waiting(std::size_t queue) const;
    std::int64_t inFlight(std::size_t queue) const;
    std::int64_t publishedLastSecond(std::size_t queue) const;
    // Age of the oldest waiting message (zero when none waits).
    SimTime oldestAge(std::size_t queue) const;
    int readyConsumers(std::size_t queue) const;

    std::vector<QueueSummary> summaries() const;

private:
    struct Held {
        SimTime publishedAt;
        EventId done;
    };
    struct Consumer {
        bool taking = false;                // its program runs and it is not being deleted
        std::optional<SimTime> recheckAt;   // when its program will have started
        std::map<std::uint64_t, Held> held; // by delivery id
    };
    struct Queue {
        Queue(const QueueSpec& s, RandomStream st)
            : spec(&s), stream(st), processing(s.consumer.processingTime) {}
        const QueueSpec* spec;
        RandomStream stream;
        DurationSampler processing;
        std::deque<SimTime> waiting;               // publish times, oldest first
        std::map<std::string, Consumer> consumers; // by pod key
        std::int64_t held = 0;
        std::uint64_t nextDelivery = 1;
        // Counters.
        std::uint64_t published = 0;
        std::uint64_t taken = 0;
        std::uint64_t processed = 0;
        std::int64_t publishedThisSecond = 0;
        std::int64_t publishedLastSecond = 0;
        std::int64_t processedThisSecond = 0;
        std::uint64_t peakLength = 0;
        SimTime peakOldestAge;
        double waitSecondsTotal = 0;
        std::optional<SimTime> firstWait;
        std::vector<std::size_t> series;
    };

    void podChanged(const std::string& nameSpace, const std::string& name);
    // When the pod's program has started (its containers' start + the image's startupTime);
    // nullopt while a container is not running or its image never gets ready.
    std::optional<SimTime> pullingFrom(const PodObject& pod) const;
    void deliver(std::size_t queue);
    void take(std::size_t queue, const std::string& podKey, Consumer& consumer);
    void acknowledge(std::size_t queue, const std::string& podKey, std::uint64_t delivery);
    void giveBack(Queue& q, Consumer& consumer);
    void sample();

    SimulationModel& m_model;
    std::vector<Queue> m_queues;
};

} // namespace cnsim
