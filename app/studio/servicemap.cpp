#include "servicemap.h"

#include "scenario/scenario.h"
#include "traffic/callgraph.h"

#include <algorithm>
#include <map>

int ServiceMap::indexOf(const QString& service) const {
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        if (nodes[i].name == service) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool ServiceMap::onCriticalPath(const ServiceMapEdge& edge) const {
    for (std::size_t i = 0; i + 1 < criticalPath.size(); ++i) {
        if (criticalPath[i] == edge.from && criticalPath[i + 1] == edge.to) {
            return true;
        }
    }
    return !criticalPath.empty() && edge.from == 0 && edge.to == criticalPath.front();
}

namespace {

class Builder {
public:
    ServiceMap map;

    Builder() { map.nodes.push_back({ServiceMapNode::Kind::Clients, QString(), 0, 0}); }

    int node(const std::string& service, ServiceMapNode::Kind kind) {
        const QString name = QString::fromStdString(service);
        if (const int found = map.indexOf(name); found >= 0) {
            if (kind == ServiceMapNode::Kind::Gateway) {
                map.nodes[static_cast<std::size_t>(found)].kind = kind;
            }
            return found;
        }
        map.nodes.push_back({kind, name, 0, 0});
        return static_cast<int>(map.nodes.size()) - 1;
    }

    void edge(int from, int to, double calls) {
        for (ServiceMapEdge& e : map.edges) {
            if (e.from == from && e.to == to) {
                e.callsPerRequest += calls;
                return;
            }
        }
        map.edges.push_back({from, to, calls});
    }
};

void layOut(ServiceMap& map) {
    // Longest path from Clients by relaxation; at most one pass per node, so a cycle stops.
    std::vector<int> column(map.nodes.size(), 0);
    for (std::size_t pass = 0; pass < map.nodes.size(); ++pass) {
        bool changed = false;
        for (const ServiceMapEdge& e : map.edges) {
            const auto from = static_cast<std::size_t>(e.from);
            const auto to = static_cast<std::size_t>(e.to);
            if (column[to] < column[from] + 1) {
                column[to] = column[from] + 1;
                changed = true;
            }
        }
        if (!changed) {
            break;
        }
    }
    std::map<int, int> rowsInColumn;
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        map.nodes[i].column = column[i];
        map.nodes[i].row = rowsInColumn[column[i]]++;
    }
    for (const auto& [col, rows] : rowsInColumn) {
        map.columns = std::max(map.columns, col + 1);
        map.rows = std::max(map.rows, rows);
    }
}

} // namespace

ServiceMap buildServiceMap(const cnsim::Scenario& scenario) {
    using Kind = ServiceMapNode::Kind;
    Builder b;
    const cnsim::SimulationSpec& simulation = scenario.simulation;
    const bool hasGateway = !simulation.gateway.service.empty();
    if (hasGateway) {
        b.node(simulation.gateway.service, Kind::Gateway);
    }
    for (const cnsim::TrafficSourceSpec& source : simulation.traffic) {
        for (const cnsim::RequestClassSpec& requestClass : source.classes) {
            if (!requestClass.service.empty()) {
                b.edge(0, b.node(requestClass.service, Kind::Service), 0.0);
            } else if (hasGateway) {
                b.edge(0, b.node(simulation.gateway.service, Kind::Gateway), 0.0);
            }
        }
    }
    if (hasGateway) {
        const int gateway = b.node(simulation.gateway.service, Kind::Gateway);
        for (const cnsim::GatewayRouteSpec& route : simulation.gateway.routes) {
            for (const cnsim::RouteBackendSpec& backend : route.backends) {
                b.edge(gateway, b.node(backend.service, Kind::Service), 0.0);
            }
        }
    }
    for (const cnsim::ServiceBehaviourSpec& behaviour : simulation.services) {
        if (behaviour.calls.empty()) {
            continue;
        }
        const int caller = b.node(behaviour.service, Kind::Service);
        for (const cnsim::CallStepSpec& step : behaviour.calls) {
            for (const cnsim::DownstreamCallSpec& call : step.calls) {
                b.edge(caller, b.node(call.service, Kind::Service),
                       call.probability * call.count);
            }
        }
    }
    layOut(b.map);

    const cnsim::CallGraph graph(simulation.services, simulation.gateway);
    for (const ServiceMapEdge& entry : b.map.edges) {
        if (entry.from != 0) {
            continue;
        }
        const std::string name = b.map.nodes[static_cast<std::size_t>(entry.to)].name.toStdString();
        const cnsim::CallGraph::CriticalPath path = graph.criticalPath(name);
        const double ms = path.expectedLatency.toMilliseconds();
        if (path.services.empty() || (!b.map.criticalPath.empty() && ms <= b.map.criticalPathMs)) {
            continue;
        }
        b.map.criticalPath.clear();
        for (const std::string& service : path.services) {
            b.map.criticalPath.push_back(b.map.indexOf(QString::fromStdString(service)));
        }
        b.map.criticalPathMs = ms;
    }
    return b.map;
}
