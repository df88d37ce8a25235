// cnsim-bench-engine: the engine against a bare std::priority_queue loop doing the same work
// in the same process on the same random numbers. Prints ratios with their floor and target
// (docs/benchmarks.md explains each figure and how to run it).
//
// Repetitions alternate bare and engine runs, so load from other processes on a shared
// machine hits both alike; the reported ratio is the median of the per-repetition ratios.
//
// Memory is measured with heapcounter.h's counting operator new/delete: the
// figure is the peak of live heap bytes above the level before the run, i.e. what the data
// structures really hold, including the moment a growing vector has both its old and new
// buffers.

#include "heapcounter.h"

#include "engine/engine.h"
#include "engine/enginecore.h"
#include "engine/pairingheap.h"
#include "engine/pendingeventset.h"
#include "engine/random.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <queue>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using namespace cnsim;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

const char* verdict(double value, double floor, double target, bool higherIsBetter = true) {
    const bool meetsTarget = higherIsBetter ? value >= target : value <= target;
    const bool meetsFloor = higherIsBetter ? value >= floor : value <= floor;
    if (meetsTarget) {
        return "PASS";
    }
    return meetsFloor ? "PASS (below target)" : "BELOW FLOOR";
}

constexpr std::uint64_t kSeed = 20240601;

// ---- the bare baseline ------------------------------------------------------------------

struct BareEvent {
    double t;
    std::uint64_t seq;
    std::uint32_t id;
};

struct BareLater {
    bool operator()(const BareEvent& a, const BareEvent& b) const {
        return a.t > b.t || (a.t == b.t && a.seq > b.seq);
    }
};

using BareQueue = std::priority_queue<BareEvent, std::vector<BareEvent>, BareLater>;

struct RunResult {
    double seconds = 0;
    double checksum = 0; // printed, so the optimiser cannot drop the work
};

RunResult bareHold(std::size_t pending, std::uint64_t events) {
    RandomStream random(kSeed, "hold");
    BareQueue queue;
    std::uint64_t seq = 0;
    for (std::size_t i = 0; i < pending; ++i) {
        queue.push({random.exponential(1.0), seq++, static_cast<std::uint32_t>(i)});
    }
    const auto start = Clock::now();
    double now = 0;
    for (std::uint64_t i = 0; i < events; ++i) {
        const BareEvent e = queue.top();
        queue.pop();
        now = e.t;
        queue.push({now + random.exponential(1.0), seq++, e.id});
    }
    return {secondsSince(start), now};
}

// ---- the engine hold model --------------------------------------------------------------

template <class E>
void scheduleOn(E& engine, SimTime delay, std::function<void()> fn) {
    if constexpr (std::is_same_v<E, Engine>) {
        engine.schedule(delay, std::move(fn));
    } else {
        engine.schedule(delay, std::move(fn), kDefaultEventPriority);
    }
}

template <class E>
struct HoldModel {
    E& engine;
    RandomStream& random;
    void fire() {
        scheduleOn(engine, SimTime::fromSeconds(random.exponential(1.0)), [this] { fire(); });
    }
};

template <class E>
RunResult engineHold(std::size_t pending, std::uint64_t events) {
    RandomStream random(kSeed, "hold");
    E engine;
    HoldModel<E> model{engine, random};
    for (std::size_t i = 0; i < pending; ++i) {
        model.fire();
    }
    const auto start = Clock::now();
    engine.runEvents(events);
    return {secondsSince(start), engine.now().toSeconds()};
}

// ---- M/M/c station ----------------------------------------------------------------------

constexpr int kServers = 4;
constexpr double kLambda = 3.6;
constexpr double kMu = 1.0;
constexpr std::uint64_t kCustomers = 1'000'000;
constexpr std::uint64_t kWarmup = 50'000;
constexpr int kBatches = 20;
constexpr double kErlangCWq = 1.969383; // reference/queueing-and-performance.md
constexpr double kT19 = 2.093;          // Student t, 0.975 quantile, 19 degrees of freedom

// Batch means over the customers after warm-up, in arrival (= service start, FIFO) order.
struct DelayStats {
    std::vector<double> sums = std::vector<double>(kBatches, 0.0);
    std::uint64_t batchSize = (kCustomers - kWarmup) / kBatches;
    void record(std::uint64_t customer, double delay) {
        if (customer < kWarmup) {
            return;
        }
        const std::uint64_t batch = (customer - kWarmup) / batchSize;
        if (batch < kBatches) {
            sums[batch] += delay;
        }
    }
    double mean() const {
        double total = 0;
        for (const double s : sums) {
            total += s / static_cast<double>(batchSize);
        }
        return total / kBatches;
    }
    double halfWidth() const {
        const double m = mean();
        double ss = 0;
        for (const double s : sums) {
            const double d = s / static_cast<double>(batchSize) - m;
            ss += d * d;
        }
        return kT19 * std::sqrt(ss / (kBatches - 1) / kBatches);
    }
};

struct StationResult {
    double seconds = 0;
    std::uint64_t events = 0;
    DelayStats stats;
    std::string fingerprint;
};

StationResult bareStation() {
    RandomStream arrivals(kSeed, "arrivals");
    RandomStream service(kSeed, "service");
    BareQueue queue;
    StationResult result;
    std::deque<std::pair<double, std::uint64_t>> waiting; // arrival time, customer index
    int busy = 0;
    std::uint64_t arrived = 0;
    std::uint64_t seq = 0;
    enum : std::uint32_t { Arrival, Departure };
    const auto start = Clock::now();
    queue.push({arrivals.exponential(kLambda), seq++, Arrival});
    while (!queue.empty()) {
        const BareEvent e = queue.top();
        queue.pop();
        ++result.events;
        const double now = e.t;
        if (e.id == Arrival) {
            const std::uint64_t customer = arrived++;
            if (busy < kServers) {
                ++busy;
                result.stats.record(customer, 0.0);
                queue.push({now + service.exponential(kMu), seq++, Departure});
            } else {
                waiting.emplace_back(now, customer);
            }
            if (arrived < kCustomers) {
                queue.push({now + arrivals.exponential(kLambda), seq++, Arrival});
            }
        } else if (!waiting.empty()) {
            result.stats.record(waiting.front().second, now - waiting.front().first);
            waiting.pop_front();
            queue.push({now + service.exponential(kMu), seq++, Departure});
        } else {
            --busy;
        }
    }
    result.seconds = secondsSince(start);
    return result;
}

// The same station as model code would write it against the public Engine API.
class EngineStation {
public:
    EngineStation() { m_engine.setFingerprinting(true); }

    StationResult run() {
        const auto start = Clock::now();
        scheduleArrival();
        while (m_engine.step()) {
        }
        StationResult result;
        result.seconds = secondsSince(start);
        result.events = m_engine.eventCount();
        result.stats = m_stats;
        result.fingerprint = m_engine.fingerprint().hex();
        return result;
    }

private:
    void scheduleArrival() {
        m_engine.schedule(SimTime::fromSeconds(m_arrivals.exponential(kLambda)),
                          [this] { arrive(); });
    }
    void startService() {
        m_engine.schedule(SimTime::fromSeconds(m_service.exponential(kMu)), [this] { depart(); });
    }
    void arrive() {
        const std::uint64_t customer = m_arrived++;
        if (m_busy < kServers) {
            ++m_busy;
            m_stats.record(customer, 0.0);
            startService();
        } else {
            m_waiting.emplace_back(m_engine.now(), customer);
        }
        if (m_arrived < kCustomers) {
            scheduleArrival();
        }
    }
    void depart() {
        if (m_waiting.empty()) {
            --m_busy;
            return;
        }
        const auto [arrivedAt, customer] = m_waiting.front();
        m_waiting.pop_front();
        m_stats.record(customer, (m_engine.now() - arrivedAt).toSeconds());
        startService();
    }

    Engine m_engine;
    RandomStream m_arrivals{kSeed, "arrivals"};
    RandomStream m_service{kSeed, "service"};
    std::deque<std::pair<SimTime, std::uint64_t>> m_waiting;
    DelayStats m_stats;
    int m_busy = 0;
    std::uint64_t m_arrived = 0;
};

// ---- sections ---------------------------------------------------------------------------

struct Options {
    int repetitions = 5;
    std::uint64_t holdEvents = 10'000'000;
    bool compareSets = true;
    bool setsOnly = false;
};

void holdSection(const Options& options) {
    std::printf("\n== Hold model: N pending, each event schedules one at now + Exp(1); %llu "
                "events, median of %d ==\n",
                static_cast<unsigned long long>(options.holdEvents), options.repetitions);
    for (const std::size_t pending : {std::size_t{1'000}, std::size_t{100'000}}) {
        std::vector<double> bareRates;
        std::vector<double> engineRates;
        std::vector<double> ratios;
        double checksum = 0;
        for (int rep = 0; rep < options.repetitions; ++rep) {
            const RunResult bare = bareHold(pending, options.holdEvents);
            const RunResult engine = engineHold<Engine>(pending, options.holdEvents);
            const double events = static_cast<double>(options.holdEvents);
            bareRates.push_back(events / bare.seconds);
            engineRates.push_back(events / engine.seconds);
            ratios.push_back(bare.seconds / engine.seconds);
            checksum += bare.checksum + engine.checksum;
        }
        const double ratio = median(ratios);
        std::printf("hold N=%-7zu bare %6.2f M ev/s   engine %6.2f M ev/s   ratio %.2f "
                    "(floor 0.50, target 0.70)  %s   [checksum %.0f]\n",
                    pending, median(bareRates) / 1e6, median(engineRates) / 1e6, ratio,
                    verdict(ratio, 0.5, 0.7), checksum);
    }
}

void pendingSetSection(const Options& options) {
    // The full engine loop (slot table, handlers) over each set; this is how the default set
    // in engine.cpp was chosen. "Engine" is the public class (default set behind a pimpl).
    // Each repetition runs every contender once, in rotation, so background load spreads
    // evenly; the figure is the median.
    const std::uint64_t events = options.holdEvents / 2;
    const int reps = options.repetitions;
    std::printf("\n== Pending-event sets inside the engine loop (hold model, %llu events, median "
                "of %d), M ev/s ==\n",
                static_cast<unsigned long long>(events), reps);
    std::printf("%-10s %12s %12s %12s %12s %12s\n", "pending", "bare pq", "binary heap",
                "4-ary heap", "pairing", "Engine");
    for (const std::size_t pending : {std::size_t{1'000}, std::size_t{100'000}}) {
        std::vector<std::vector<double>> rates(5);
        for (int rep = 0; rep < reps; ++rep) {
            const double n = static_cast<double>(events);
            rates[0].push_back(n / bareHold(pending, events).seconds);
            rates[1].push_back(n / engineHold<EngineCore<BinaryHeap>>(pending, events).seconds);
            rates[2].push_back(n / engineHold<EngineCore<QuaternaryHeap>>(pending, events).seconds);
            rates[3].push_back(n / engineHold<EngineCore<PairingHeap>>(pending, events).seconds);
            rates[4].push_back(n / engineHold<Engine>(pending, events).seconds);
        }
        std::printf("%-10zu", pending);
        for (const auto& r : rates) {
            std::printf(" %12.2f", median(r) / 1e6);
        }
        // Ratios paired within a repetition cancel most of the background load.
        std::printf("\n%-10s %12s", "  ratio", "1.00");
        for (std::size_t set = 1; set < rates.size(); ++set) {
            std::vector<double> ratios;
            for (int rep = 0; rep < reps; ++rep) {
                const auto i = static_cast<std::size_t>(rep);
                ratios.push_back(rates[set][i] / rates[0][i]);
            }
            std::printf(" %12.2f", median(ratios));
        }
        std::printf("\n");
    }
}

void stationSection(const Options& options) {
    std::printf("\n== M/M/%d station, lambda %.1f, mu %.1f, %llu customers, fingerprinting on, "
                "median of %d ==\n",
                kServers, kLambda, kMu, static_cast<unsigned long long>(kCustomers),
                options.repetitions);
    std::vector<double> bareRates;
    std::vector<double> engineRates;
    std::vector<double> ratios;
    StationResult last;
    for (int rep = 0; rep < options.repetitions; ++rep) {
        const StationResult bare = bareStation();
        EngineStation station;
        last = station.run();
        bareRates.push_back(static_cast<double>(bare.events) / bare.seconds);
        engineRates.push_back(static_cast<double>(last.events) / last.seconds);
        ratios.push_back(engineRates.back() / bareRates.back());
    }
    const double ratio = median(ratios);
    std::printf("M/M/4 model events %llu   bare %6.2f M ev/s   engine %6.2f M ev/s   ratio %.2f "
                "(floor 0.25, target 0.40)  %s\n",
                static_cast<unsigned long long>(last.events), median(bareRates) / 1e6,
                median(engineRates) / 1e6, ratio, verdict(ratio, 0.25, 0.4));
    const double mean = last.stats.mean();
    const double half = last.stats.halfWidth();
    const bool inside = std::abs(mean - kErlangCWq) <= half;
    std::printf("M/M/4 mean queueing delay Wq = %.4f s, 95%% CI [%.4f, %.4f] (%d batch means "
                "after %llu warm-up customers); Erlang C %.6f %s   fingerprint %s\n",
                mean, mean - half, mean + half, kBatches, static_cast<unsigned long long>(kWarmup),
                kErlangCWq, inside ? "INSIDE: PASS" : "OUTSIDE: FAIL", last.fingerprint.c_str());
}

void memorySection() {
    constexpr std::size_t kPending = 100'000;
    constexpr std::uint64_t kEvents = 1'000'000;
    std::printf("\n== Memory and setup with %zu pending ==\n", kPending);

    std::size_t before = cnsim::bench::startPeakMeasurement();
    const double bareChecksum = bareHold(kPending, kEvents).checksum;
    const std::size_t barePeak = cnsim::bench::peakHeapBytes() - before;

    before = cnsim::bench::startPeakMeasurement();
    const double engineChecksum = engineHold<Engine>(kPending, kEvents).checksum;
    const std::size_t enginePeak = cnsim::bench::peakHeapBytes() - before;
    const double ratio = static_cast<double>(enginePeak) / static_cast<double>(barePeak);
    std::printf("peak heap: bare %.2f MB   engine %.2f MB (%.0f B/pending event)   ratio %.2f "
                "(limit 4.00)  %s   [checksum %.0f]\n",
                static_cast<double>(barePeak) / 1e6, static_cast<double>(enginePeak) / 1e6,
                static_cast<double>(enginePeak) / kPending, ratio, verdict(ratio, 4.0, 4.0, false),
                bareChecksum + engineChecksum);

    std::vector<double> times;
    for (int rep = 0; rep < 7; ++rep) {
        RandomStream random(kSeed, "setup");
        const auto start = Clock::now();
        {
            Engine engine;
            for (std::size_t i = 0; i < kPending; ++i) {
                engine.schedule(SimTime::fromSeconds(random.exponential(1.0)), [] {});
            }
        }
        times.push_back(secondsSince(start) * 1e3);
    }
    const double ms = median(times);
    std::printf("build + tear down %zu pending events: %.2f ms, median of 7 (limit 50 ms)  %s\n",
                kPending, ms, verdict(ms, 50.0, 50.0, false));
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            options.repetitions = 3;
            options.holdEvents = 2'000'000;
        } else if (arg == "--no-sets") {
            options.compareSets = false;
        } else if (arg == "--sets-only") {
            options.setsOnly = true;
        } else {
            std::fprintf(stderr,
                         "usage: %s [--quick] [--no-sets | --sets-only]\n"
                         "  --quick      3 repetitions, 2 million hold events (smoke run)\n"
                         "  --no-sets    skip the pending-event set comparison\n"
                         "  --sets-only  run only the pending-event set comparison\n",
                         argv[0]);
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    std::printf("cnsim engine benchmark: ratios are engine / bare std::priority_queue loop in "
                "this process, same random numbers\n");
    if (!options.setsOnly) {
        holdSection(options);
        stationSection(options);
        memorySection();
    }
    if (options.compareSets) {
        pendingSetSection(options);
    }
    return 0;
}
