#pragma once

// TrafficCounters: what one Service, gateway route or version has seen — counts, a latency
// histogram and the requests in flight / queued now — in constant memory.
//
// Latencies go into the current one-second window only; closeWindow() (the metrics sample)
// folds the window into the run's histogram, so a request costs one histogram update.
// Latency is recorded for successful responses; errors are counted.

#include "metrics/latencyhistogram.h"
#include "traffic/latencybatch.h"

#include <cstdint>

namespace cnsim {

struct TrafficCounters {
    std::uint64_t arrivals = 0;
    std::uint64_t completed = 0; // answered successfully
    std::uint64_t errors = 0;
    std::uint64_t windowArrivals = 0;
    std::uint64_t windowErrors = 0;
    LatencyHistogram latency;       // completed before the current window
    LatencyHistogram windowLatency; // completed in the current window
    std::int64_t inFlight = 0;      // arrived, not yet answered
    std::int64_t queued = 0;        // waiting for a worker
    // As a caller (services[].resilience): retries sent, attempts given up on after their
    // timeout, retries the retry budget refused.
    std::uint64_t retries = 0;
    std::uint64_t timeouts = 0;
    std::uint64_t retriesDenied = 0;
    std::uint64_t rejected = 0; // attempts an open circuit failed at once
    std::uint64_t windowRejected = 0;
    std::uint64_t windowRetries = 0;
    std::uint64_t windowTimeouts = 0;

    void arrived() {
        ++arrivals;
        ++windowArrivals;
        ++inFlight;
    }
    void succeeded(std::size_t bucket, SimTime latencyTaken) {
        ++completed;
        --inFlight;
        windowLatency.addToBucket(bucket, latencyTaken);
    }
    // Aggregate mode: `count` requests that arrived and failed within the same second.
    void failedAggregate(std::uint64_t count) {
        arrivals += count;
        windowArrivals += count;
        errors += count;
        windowErrors += count;
    }
    // Aggregate mode: `count` requests that arrived and were answered within the same second,
    // their latency (in `bucket`, LatencyHistogram::bucketOf) noted in `batch` for the window.
    // In-flight and queued are set as gauges.
    void succeededAggregate(std::uint64_t count, SimTime latencyTaken, std::size_t bucket,
                            LatencyBatch& batch) {
        arrivals += count;
        windowArrivals += count;
        completed += count;
        batch.add(windowLatency, bucket, latencyTaken, count);
    }
    // The same, added at once (a kept walk counted again: its buckets were used a second ago).
    void succeededAggregate(std::uint64_t count, SimTime latencyTaken, std::size_t bucket) {
        arrivals += count;
        windowArrivals += count;
        completed += count;
        windowLatency.addToBucket(bucket, latencyTaken, count);
    }
    // Aggregate mode: what `other` counted in its current window, counted here too (a version
    // that is its Service's only one gets exactly the Service's additions).
    void addWindowOf(const TrafficCounters& other) {
        arrivals += other.windowArrivals;
        windowArrivals += other.windowArrivals;
        errors += other.windowErrors;
        windowErrors += other.windowErrors;
        completed += other.windowArrivals - other.windowErrors;
        windowLatency.merge(other.windowLatency);
    }
    void failed() {
        ++errors;
        ++windowErrors;
        --inFlight;
    }
    // Every completed request's latency so far, the current window included.
    LatencyHistogram runLatency() const {
        LatencyHistogram all = latency;
        all.merge(windowLatency);
        return all;
    }
    void closeWindow() {
        latency.merge(windowLatency);
        windowLatency.clear();
        windowArrivals = 0;
        windowErrors = 0;
        windowRetries = 0;
        windowTimeouts = 0;
        windowRejected = 0;
    }
    void retried() {
        ++retries;
        ++windowRetries;
    }
    void rejectedByCircuit() {
        ++rejected;
        ++windowRejected;
    }
    void timedOut() {
        ++timeouts;
        ++windowTimeouts;
    }
};

} // namespace cnsim
