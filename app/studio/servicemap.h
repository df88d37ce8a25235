#pragma once

// ServiceMap: the boxes and arrows of the "Services" view, built from a scenario — who calls
// whom. The outside world ("Clients") sends requests to the gateway or straight to Services;
// the gateway forwards to its routes' backends; each Service calls the Services in its
// `calls:`. Boxes are laid out in columns by their distance from the clients (the longest
// path, so a Service sits right of everything that calls it).
//
// Pure data, no painting: ServiceMapWidget draws it and tests check it.

#include <QString>

#include <vector>

namespace cnsim {
struct Scenario;
}

struct ServiceMapNode {
    enum class Kind { Clients, Gateway, Service };
    Kind kind = Kind::Service;
    QString name; // the Service's name; empty for Clients
    int column = 0;
    int row = 0;
};

struct ServiceMapEdge {
    int from = 0; // indexes into ServiceMap::nodes
    int to = 0;
    // Expected calls per request of `from` (probability × count, summed over its steps);
    // 0 for edges out of Clients and the gateway, whose split is not fixed by the scenario.
    double callsPerRequest = 0.0;
};

struct ServiceMap {
    std::vector<ServiceMapNode> nodes; // nodes[0] is Clients
    std::vector<ServiceMapEdge> edges;
    int columns = 0;
    int rows = 0; // the tallest column
    // The slowest chain of calls from an entry point by the scenario's numbers alone (CPU +
    // fixed latency, no queueing or network): node indexes from the entry on, and its
    // expected latency in milliseconds. Empty when no request enters.
    std::vector<int> criticalPath;
    double criticalPathMs = 0.0;

    int indexOf(const QString& service) const; // -1 when absent
    bool onCriticalPath(const ServiceMapEdge& edge) const;
};

// Every Service of the scenario that takes part in traffic (a source's target, the gateway, a
// route backend, a caller or a callee) gets a box; a cycle (which the scenario reader rejects)
// cannot make this loop forever.
ServiceMap buildServiceMap(const cnsim::Scenario& scenario);
