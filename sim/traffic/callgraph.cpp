#include "traffic/callgraph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <iterator>
#include <map>

namespace cnsim {

namespace {

// Each edge carries its index into CallGraph's edge list.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    std::size_t>;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

// Far beyond any limit a caller would set, and still exact enough to compare against one.
constexpr double kFanOutCeiling = 1e18;

// Records the depth-first tree (each vertex's parent edge) and the first back edge, which
// closes a cycle through the tree path from its target down to its source.
class CycleVisitor : public boost::default_dfs_visitor {
public:
    CycleVisitor(std::vector<std::optional<std::size_t>>& parentEdge,
                 std::optional<std::size_t>& backEdge)
        : m_parentEdge(parentEdge), m_backEdge(backEdge) {}

    void tree_edge(GraphEdge e, const Graph& g) const { m_parentEdge[boost::target(e, g)] = g[e]; }
    void back_edge(GraphEdge e, const Graph& g) const {
        if (!m_backEdge) {
            m_backEdge = g[e];
        }
    }

private:
    std::vector<std::optional<std::size_t>>& m_parentEdge;
    std::optional<std::size_t>& m_backEdge;
};

Graph buildGraph(std::size_t vertices,
                 const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
    Graph graph(vertices);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        boost::add_edge(edges[i].first, edges[i].second, i, graph);
    }
    return graph;
}

} // namespace

SimTime meanOf(const DurationDistributionSpec& distribution) {
    if (distribution.type == DistributionType::Uniform) {
        return SimTime::microseconds(
            (distribution.min.toMicroseconds() + distribution.max.toMicroseconds()) / 2);
    }
    return distribution.mean;
}

CallGraph::CallGraph(const std::vector<ServiceBehaviourSpec>& services,
                     const GatewaySpec& gateway) {
    std::vector<bool> described;
    for (std::size_t s = 0; s < services.size(); ++s) {
        const ServiceBehaviourSpec& behaviour = services[s];
        if (behaviour.service.empty()) {
            continue;
        }
        const std::size_t from = vertex(behaviour.service);
        described.resize(m_names.size(), false);
        if (described[from]) {
            continue; // a duplicate entry; the validator reports it, the first one counts
        }
        described[from] = true;
        m_ownCost[from] = static_cast<double>(meanOf(behaviour.cpuPerRequest).toMicroseconds() +
                                              behaviour.baseLatency.toMicroseconds());
        for (std::size_t k = 0; k < behaviour.calls.size(); ++k) {
            const CallStepSpec& stepSpec = behaviour.calls[k];
            Step step{stepSpec.parallel, {}};
            for (std::size_t c = 0; c < stepSpec.calls.size(); ++c) {
                const DownstreamCallSpec& call = stepSpec.calls[c];
                if (call.service.empty()) {
                    continue;
                }
                const std::size_t to = vertex(call.service);
                step.calls.push_back(Call{to, call.probability, call.count});
                m_edges.push_back(
                    Edge{behaviour.service, call.service, {EdgeSource::Kind::Call, s, k, c}});
                m_edgeVertices.emplace_back(from, to);
            }
            m_steps[from].push_back(std::move(step));
        }
    }
    if (!gateway.service.empty()) {
        const std::size_t from = vertex(gateway.service);
        m_gateway = from;
        for (std::size_t r = 0; r < gateway.routes.size(); ++r) {
            const GatewayRouteSpec& route = gateway.routes[r];
            for (std::size_t b = 0; b < route.backends.size(); ++b) {
                const RouteBackendSpec& backend = route.backends[b];
                if (backend.service.empty()) {
                    continue;
                }
                const std::size_t to = vertex(backend.service);
                if (backend.weight > 0 &&
                    std::find(m_gatewayBackends.begin(), m_gatewayBackends.end(), to) ==
                        m_gatewayBackends.end()) {
                    m_gatewayBackends.push_back(to);
                }
                m_edges.push_back(Edge{
                    gateway.service, backend.service, {EdgeSource::Kind::RouteBackend, r, 0, b}});
                m_edgeVertices.emplace_back(from, to);
            }
        }
    }
}

std::size_t CallGraph::vertex(const std::string& name) {
    const auto [it, added] = m_index.emplace(name, m_names.size());
    if (added) {
        m_names.push_back(name);
        m_ownCost.push_back(0.0);
        m_steps.emplace_back();
    }
    return it->second;
}

std::optional<std::size_t> CallGraph::find(std::string_view name) const {
    const auto it = m_index.find(name);
    if (it == m_index.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<CallGraph::Cycle> CallGraph::findCycle() const {
    const Graph graph = buildGraph(m_names.size(), m_edgeVertices);
    std::vector<std::optional<std::size_t>> parentEdge(m_names.size());
    std::optional<std::size_t> backEdge;
    std::vector<boost::default_color_type> colors(m_names.size());
    boost::depth_first_search(graph,
                              boost::visitor(CycleVisitor(parentEdge, backEdge))
                                  .color_map(boost::make_iterator_property_map(
                                      colors.begin(), boost::get(boost::vertex_index, graph))));
    if (!backEdge) {
        return std::nullopt;
    }
    // The back edge goes from `last` up to `first`, an ancestor on the depth-first tree:
    // walk the tree from `last` back to `first` to list the cycle.
    const auto [last, first] = m_edgeVertices[*backEdge];
    std::vector<std::string> cycle{m_names[last]};
    for (std::size_t v = last; v != first;) {
        const std::size_t parent = m_edgeVertices[*parentEdge[v]].first;
        cycle.push_back(m_names[parent]);
        v = parent;
    }
    std::reverse(cycle.begin(), cycle.end());
    return Cycle{std::move(cycle), m_edges[*backEdge]};
}

std::vector<std::size_t> CallGraph::calleesFirst() const {
    if (findCycle()) {
        return {};
    }
    const Graph graph = buildGraph(m_names.size(), m_edgeVertices);
    std::vector<std::size_t> order;
    order.reserve(m_names.size());
    boost::topological_sort(graph, std::back_inserter(order));
    return order;
}

std::vector<std::string> CallGraph::topologicalOrder() const {
    const std::vector<std::size_t> order = calleesFirst();
    std::vector<std::string> names;
    names.reserve(order.size());
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        names.push_back(m_names[*it]);
    }
    return names;
}

std::vector<double>
CallGraph::expectedLatencies(const std::vector<std::size_t>& calleesFirst) const {
    std::vector<double> latency(m_names.size(), 0.0);
    for (const std::size_t v : calleesFirst) {
        double total = m_ownCost[v];
        for (const Step& step : m_steps[v]) {
            if (step.parallel) {
                double slowest = 0.0;
                for (const Call& call : step.calls) {
                    slowest = std::max(slowest, call.probability * latency[call.target]);
                }
                total += slowest;
            } else {
                for (const Call& call : step.calls) {
                    total += call.probability * call.count * latency[call.target];
                }
            }
        }
        if (m_gateway == v) {
            double slowest = 0.0;
            for (const std::size_t backend : m_gatewayBackends) {
                slowest = std::max(slowest, latency[backend]);
            }
            total += slowest;
        }
        latency[v] = total;
    }
    return latency;
}

CallGraph::CriticalPath CallGraph::criticalPath(std::string_view entry) const {
    const std::optional<std::size_t> start = find(entry);
    const std::vector<std::size_t> order = calleesFirst();
    if (!start || order.empty()) {
        return {};
    }
    const std::vector<double> latency = expectedLatencies(order);
    CriticalPath path;
    path.expectedLatency =
        SimTime::microseconds(static_cast<std::int64_t>(std::llround(latency[*start])));
    // The graph is acyclic, so following the heaviest call always ends.
    for (std::optional<std::size_t> v = start; v;) {
        path.services.push_back(m_names[*v]);
        std::optional<std::size_t> next;
        double heaviest = 0.0;
        const auto consider = [&](std::size_t target, double weight) {
            if (weight > heaviest || (!next && weight >= heaviest)) {
                heaviest = weight;
                next = target;
            }
        };
        for (const Step& step : m_steps[*v]) {
            for (const Call& call : step.calls) {
                const double factor =
                    step.parallel ? call.probability : call.probability * call.count;
                consider(call.target, factor * latency[call.target]);
            }
        }
        if (m_gateway == *v) {
            for (const std::size_t backend : m_gatewayBackends) {
                consider(backend, latency[backend]);
            }
        }
        v = next;
    }
    return path;
}

double CallGraph::worstCaseFanOut(std::string_view service) const {
    const std::optional<std::size_t> start = find(service);
    const std::vector<double> fanOut = worstCaseFanOuts();
    return start && !fanOut.empty() ? fanOut[*start] : 0.0;
}

std::vector<double> CallGraph::worstCaseFanOuts() const {
    const std::vector<std::size_t> order = calleesFirst();
    if (order.empty()) {
        return {};
    }
    std::vector<double> fanOut(m_names.size(), 0.0);
    for (const std::size_t v : order) {
        double total = 0.0;
        for (const Step& step : m_steps[v]) {
            for (const Call& call : step.calls) {
                total += call.count * (1.0 + fanOut[call.target]);
            }
        }
        if (m_gateway == v) {
            double most = 0.0;
            for (const std::size_t backend : m_gatewayBackends) {
                most = std::max(most, 1.0 + fanOut[backend]);
            }
            total += most;
        }
        fanOut[v] = std::min(total, kFanOutCeiling);
    }
    return fanOut;
}

} // namespace cnsim
