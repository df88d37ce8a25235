#include "traffic/gatewayrouter.h"

#include <algorithm>
#include <cctype>

namespace cnsim {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

} // namespace

bool hostnameMatches(const std::string& pattern, const std::string& host) {
    if (pattern.starts_with("*.")) {
        const std::string_view suffix = std::string_view(pattern).substr(1); // ".example.com"
        return host.size() > suffix.size() &&
               equalsIgnoringCase(std::string_view(host).substr(host.size() - suffix.size()),
                                  suffix);
    }
    return equalsIgnoringCase(pattern, host);
}

bool pathPrefixMatches(const std::string& prefix, const std::string& path) {
    std::string_view p = prefix;
    while (p.size() > 1 && p.back() == '/') {
        p.remove_suffix(1); // "/shop/" matches like "/shop"
    }
    if (p == "/" || p.empty()) {
        return true;
    }
    if (!path.starts_with(p)) {
        return false;
    }
    return path.size() == p.size() || path[p.size()] == '/';
}

bool routeMatches(const GatewayRouteSpec& route, const RequestClassSpec& request) {
    if (!route.hostnames.empty() &&
        std::none_of(route.hostnames.begin(), route.hostnames.end(),
                     [&](const std::string& h) { return hostnameMatches(h, request.host); })) {
        return false;
    }
    if (route.matches.empty()) {
        return true;
    }
    return std::any_of(route.matches.begin(), route.matches.end(), [&](const RouteMatchSpec& m) {
        if (!pathPrefixMatches(m.pathPrefix, request.path)) {
            return false;
        }
        return std::all_of(m.headers.begin(), m.headers.end(), [&](const auto& wanted) {
            return std::any_of(request.headers.begin(), request.headers.end(), [&](const auto& h) {
                return equalsIgnoringCase(h.first, wanted.first) && h.second == wanted.second;
            });
        });
    });
}

GatewayRouter::GatewayRouter(
    const GatewaySpec& spec,
    const std::function<std::optional<std::uint32_t>(const std::string&)>& serviceIndex) {
    for (const GatewayRouteSpec& routeSpec : spec.routes) {
        Route route;
        route.name = routeSpec.name;
        route.spec = &routeSpec;
        for (const RouteBackendSpec& backend : routeSpec.backends) {
            if (const auto index = serviceIndex(backend.service)) {
                route.refs.emplace_back(*index, backend.weight);
            }
        }
        rebuild(route);
        if (routeSpec.rateLimit && routeSpec.rateLimit->requestsPerSecond >= 0.0) {
            route.limited = true;
            route.ratePerSecond = routeSpec.rateLimit->requestsPerSecond;
            route.burst = std::max(1.0, static_cast<double>(routeSpec.rateLimit->burst));
            route.tokens = route.burst; // a bucket starts full
        }
        m_routes.push_back(std::move(route));
    }
}

std::optional<std::size_t> GatewayRouter::routeFor(const RequestClassSpec& request) const {
    for (std::size_t i = 0; i < m_routes.size(); ++i) {
        if (routeMatches(*m_routes[i].spec, request)) {
            return i;
        }
    }
    return std::nullopt;
}

bool GatewayRouter::admit(std::size_t index, SimTime now) {
    Route& route = m_routes[index];
    if (!route.limited) {
        return true;
    }
    route.tokens = std::min(route.burst, route.tokens + (now - route.refilledAt).toSeconds() *
                                                            route.ratePerSecond);
    route.refilledAt = now;
    if (route.tokens < 1.0) {
        return false;
    }
    route.tokens -= 1.0;
    return true;
}

void GatewayRouter::rebuild(Route& route) {
    route.backends.clear();
    route.weights.clear();
    route.totalWeight = 0.0;
    for (const auto& [service, weight] : route.refs) {
        if (weight <= 0) {
            continue;
        }
        route.backends.push_back(service);
        route.weights.push_back(static_cast<double>(weight));
        route.totalWeight += static_cast<double>(weight);
    }
}

bool GatewayRouter::setBackendWeight(std::size_t index, std::uint32_t service, int weight) {
    Route& route = m_routes[index];
    for (auto& [backend, current] : route.refs) {
        if (backend == service) {
            if (current == weight) {
                return false;
            }
            current = weight;
            rebuild(route);
            return true;
        }
    }
    return false;
}

std::optional<std::uint32_t> GatewayRouter::pickBackend(std::size_t index,
                                                        RandomStream& stream) const {
    const Route& route = m_routes[index];
    if (route.backends.empty()) {
        return std::nullopt;
    }
    if (route.backends.size() == 1) {
        return route.backends.front();
    }
    return route.backends[stream.weightedChoice(route.weights)];
}

} // namespace cnsim
