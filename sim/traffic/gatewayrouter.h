#pragma once

// GatewayRouter: simulation.gateway's routing, modelled on Gateway API HTTPRoute
// (gateway.networking.k8s.io/v1): the first route (file order) whose hostnames and matches
// accept a request wins; its backends share its traffic by weight; an optional token bucket
// limits its rate (429 when empty). No matching route: 404.
//
// Matching rules (HTTPRoute):
//  - hostnames: empty accepts any host; "*.example.com" accepts any host ending in
//    ".example.com" with at least one more label; otherwise exact, case-insensitive.
//  - matches: empty accepts every request; otherwise any one match must accept: a path
//    prefix matches whole path elements ("/shop" accepts "/shop" and "/shop/cart", not
//    "/shopping"; "/" accepts everything), and every listed header must have exactly that
//    value (header names case-insensitive).
// Request classes have a fixed host, path and headers, so routes are resolved once per class
// (routeFor) and a request costs no string work.

#include "engine/random.h"
#include "engine/simtime.h"
#include "scenario/trafficspec.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cnsim {

bool hostnameMatches(const std::string& pattern, const std::string& host);
bool pathPrefixMatches(const std::string& prefix, const std::string& path);
bool routeMatches(const GatewayRouteSpec& route, const RequestClassSpec& request);

class GatewayRouter {
public:
    // `serviceIndex` maps a backend's Service name to the caller's index (nothing: unknown
    // Service, the backend is left out).
    GatewayRouter(
        const GatewaySpec& spec,
        const std::function<std::optional<std::uint32_t>(const std::string&)>& serviceIndex);

    // The index of the first route accepting the class, or nothing (404).
    std::optional<std::size_t> routeFor(const RequestClassSpec& request) const;
    std::size_t routeCount() const { return m_routes.size(); }
    const std::string& routeName(std::size_t route) const { return m_routes[route].name; }

    // Token bucket: true when the route's rate limit lets one more request through at `now`.
    bool admit(std::size_t route, SimTime now);
    // The route's rate limit in requests per second; 0: none (aggregate mode admits at most
    // this rate instead of running the token bucket per request).
    double rateLimitPerSecond(std::size_t route) const {
        return m_routes[route].limited ? m_routes[route].ratePerSecond : 0.0;
    }
    // The route's usable backends and their weights (same order).
    const std::vector<std::uint32_t>& backends(std::size_t route) const {
        return m_routes[route].backends;
    }
    const std::vector<double>& backendWeights(std::size_t route) const {
        return m_routes[route].weights;
    }
    // Sets the weight of the route's backendRef to the Service with index `service` (0 leaves
    // it out): what a traffic router such as Argo Rollouts' Gateway API plugin writes into an
    // HTTPRoute. False when the route has no such backendRef or the weight is unchanged.
    bool setBackendWeight(std::size_t route, std::uint32_t service, int weight);
    // A backend by weight; nothing when the route has no usable backend.
    std::optional<std::uint32_t> pickBackend(std::size_t route, RandomStream& stream) const;

private:
    struct Route;
    static void rebuild(Route& route);
    struct Route {
        std::string name;
        const GatewayRouteSpec* spec = nullptr;
        std::vector<std::uint32_t> backends; // those with a weight above 0
        std::vector<double> weights;
        std::vector<std::pair<std::uint32_t, int>> refs; // every backendRef: Service, weight
        double totalWeight = 0.0;
        bool limited = false;
        double ratePerSecond = 0.0;
        double burst = 1.0;
        double tokens = 1.0;
        SimTime refilledAt;
    };
    std::vector<Route> m_routes;
};

} // namespace cnsim
