#pragma once

// CallGraph: which Service calls which, built from a scenario's simulation.services[].calls
// plus the gateway's routes (gateway Service → each route backend), on a Boost.Graph
// adjacency list. The scenario validator uses it to reject cycles (a request would never
// finish) and runaway fan-out; the studio shows the topological order and the critical path.
//
// Vertices are Service names in first-mention order (a service's own entry, then the
// Services its calls name, then the gateway and its backends); edges keep file order. Every
// query is therefore deterministic: the same spec gives the same cycle, order and path.
// The graph is an immutable value built once; it holds no references into the spec.

#include "engine/simtime.h"
#include "scenario/trafficspec.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

// The mean of a random duration: `mean` for constant, exponential and lognormal, the middle
// of [min, max] for uniform.
SimTime meanOf(const DurationDistributionSpec& distribution);

class CallGraph {
public:
    // Where an edge comes from in the spec, so a caller can point at the file.
    struct EdgeSource {
        enum class Kind { Call, RouteBackend };
        Kind kind = Kind::Call;
        std::size_t owner = 0; // Call: index into services; RouteBackend: index into routes
        std::size_t step = 0;  // Call: index into the service's calls; unused for routes
        std::size_t item = 0;  // Call: index into the step's calls; RouteBackend: the backend
        bool operator==(const EdgeSource&) const = default;
    };

    struct Edge {
        std::string from;
        std::string to;
        EdgeSource source;
    };

    // A cycle: `services` in call order, each calling the next and the last calling the
    // first; `closingEdge` is the call from the last back to the first, the one the
    // depth-first search found to close it.
    struct Cycle {
        std::vector<std::string> services;
        Edge closingEdge;
    };

    struct CriticalPath {
        std::vector<std::string> services; // from the entry Service down
        SimTime expectedLatency;           // of one request to the entry Service
    };

    CallGraph() = default;
    CallGraph(const std::vector<ServiceBehaviourSpec>& services, const GatewaySpec& gateway);

    const std::vector<std::string>& services() const { return m_names; }
    const std::vector<Edge>& edges() const { return m_edges; }

    // The first cycle a depth-first search from the vertices in order finds, or nothing.
    std::optional<Cycle> findCycle() const;

    // Every Service before the Services it calls (Boost's topological_sort, reversed: a
    // depth-first search from the vertices in order). Empty when the graph has a cycle.
    std::vector<std::string> topologicalOrder() const;

    // Expected latency of one request to `entry`, from the spec alone (no queueing, no
    // network): mean CPU + baseLatency of each Service, plus its steps in order. A sequential
    // call adds probability × count × the callee's latency (the copies run one after
    // another); a parallel group adds its slowest call, probability × the callee's latency
    // (its copies run at once). The gateway counts as its slowest backend of any route.
    // The path follows, from each Service, the call that adds the most (the first on a tie).
    // Empty path and zero latency for an unknown entry or a graph with a cycle.
    CriticalPath criticalPath(std::string_view entry) const;

    // The most requests one request to `service` can cause downstream, every probability
    // taken as 1 (the gateway sends one request to one backend). For rejecting fan-out that
    // would explode a run: 100 calls to a Service that makes 100 calls is 10,100. Saturates
    // at a large finite value; 0 for an unknown service or a graph with a cycle.
    double worstCaseFanOut(std::string_view service) const;
    // The same for every vertex at once (indexed like services()); empty with a cycle.
    std::vector<double> worstCaseFanOuts() const;

    // The index of `name` in services(), or nothing.
    std::optional<std::size_t> vertexOf(std::string_view name) const { return find(name); }

private:
    struct Call {
        std::size_t target = 0; // vertex
        double probability = 1.0;
        int count = 1;
    };
    struct Step {
        bool parallel = false;
        std::vector<Call> calls;
    };

    std::size_t vertex(const std::string& name);
    std::optional<std::size_t> find(std::string_view name) const;
    // Vertices callees first (Boost's topological_sort order); empty with a cycle.
    std::vector<std::size_t> calleesFirst() const;
    // Expected latency of one request, in microseconds, per vertex.
    std::vector<double> expectedLatencies(const std::vector<std::size_t>& calleesFirst) const;

    std::vector<std::string> m_names;
    std::map<std::string, std::size_t, std::less<>> m_index; // name → vertex
    std::vector<Edge> m_edges;
    std::vector<std::pair<std::size_t, std::size_t>> m_edgeVertices; // parallel to m_edges
    std::vector<double> m_ownCost;                                   // µs, per vertex
    std::vector<std::vector<Step>> m_steps;                          // per vertex
    std::optional<std::size_t> m_gateway;       // vertex of the gateway Service
    std::vector<std::size_t> m_gatewayBackends; // vertices, weight > 0
};

} // namespace cnsim
