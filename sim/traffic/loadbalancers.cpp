#include "traffic/loadbalancers.h"

#include "engine/fingerprint.h"
#include "traffic/kinds.h"

#include <algorithm>

namespace cnsim {

namespace {

class RandomBalancer final : public LoadBalancer {
public:
    std::size_t pick(std::size_t count, std::uint64_t, RandomStream& stream,
                     const EndpointLoad&) override {
        return count == 1 ? 0 : static_cast<std::size_t>(stream.uniformIndex(count));
    }
};

class RoundRobinBalancer final : public LoadBalancer {
public:
    std::size_t pick(std::size_t count, std::uint64_t, RandomStream&,
                     const EndpointLoad&) override {
        const std::size_t chosen = static_cast<std::size_t>(m_next % count);
        m_next = chosen + 1;
        return chosen;
    }

private:
    std::uint64_t m_next = 0;
};

class LeastRequestBalancer final : public LoadBalancer {
public:
    explicit LeastRequestBalancer(int choices) : m_choices(std::max(choices, 1)) {}
    std::size_t pick(std::size_t count, std::uint64_t, RandomStream& stream,
                     const EndpointLoad& load) override {
        if (count == 1) {
            return 0;
        }
        std::size_t best = static_cast<std::size_t>(stream.uniformIndex(count));
        int bestLoad = load.inFlight(best);
        for (int i = 1; i < m_choices; ++i) {
            const auto candidate = static_cast<std::size_t>(stream.uniformIndex(count));
            const int candidateLoad = load.inFlight(candidate);
            if (candidateLoad < bestLoad) {
                best = candidate;
                bestLoad = candidateLoad;
            }
        }
        return best;
    }

private:
    int m_choices;
};

// A stable 64-bit mix (splitmix64's finaliser) so neighbouring client ids land far apart.
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class RingHashBalancer final : public LoadBalancer {
public:
    explicit RingHashBalancer(int virtualNodes) : m_virtualNodes(std::max(virtualNodes, 1)) {}

    void setEndpoints(std::span<const std::string> names) override {
        m_ring.clear();
        m_ring.reserve(names.size() * static_cast<std::size_t>(m_virtualNodes));
        for (std::size_t e = 0; e < names.size(); ++e) {
            const std::uint64_t base = fnv1a64(names[e]);
            for (int v = 0; v < m_virtualNodes; ++v) {
                m_ring.push_back(
                    Point{mix(base + static_cast<std::uint64_t>(v) * std::uint64_t{0x9e3779b97f4a7c15}),
                          static_cast<std::uint32_t>(e)});
            }
        }
        // Ties (astronomically rare) break by endpoint index, so the ring is deterministic.
        std::sort(m_ring.begin(), m_ring.end(), [](const Point& a, const Point& b) {
            return a.hash != b.hash ? a.hash < b.hash : a.endpoint < b.endpoint;
        });
    }

    std::size_t pick(std::size_t count, std::uint64_t clientId, RandomStream& stream,
                     const EndpointLoad&) override {
        if (m_ring.empty()) {
            return static_cast<std::size_t>(stream.uniformIndex(count));
        }
        const std::uint64_t h = mix(clientId + std::uint64_t{0x632be59bd9b4e019});
        auto it = std::lower_bound(m_ring.begin(), m_ring.end(), h,
                                   [](const Point& p, std::uint64_t x) { return p.hash < x; });
        if (it == m_ring.end()) {
            it = m_ring.begin();
        }
        return std::min<std::size_t>(it->endpoint, count - 1);
    }

private:
    struct Point {
        std::uint64_t hash;
        std::uint32_t endpoint;
    };
    int m_virtualNodes;
    std::vector<Point> m_ring;
};

using Factory = std::unique_ptr<LoadBalancer> (*)(const KindDescriptor&, const LoadBalancerSpec&);

struct BalancerFactory {
    std::string_view name;
    Factory make;
};

constexpr BalancerFactory kFactories[] = {
    {"random",
     [](const KindDescriptor&, const LoadBalancerSpec&) -> std::unique_ptr<LoadBalancer> {
         return std::make_unique<RandomBalancer>();
     }},
    {"round-robin",
     [](const KindDescriptor&, const LoadBalancerSpec&) -> std::unique_ptr<LoadBalancer> {
         return std::make_unique<RoundRobinBalancer>();
     }},
    {"least-request",
     [](const KindDescriptor& kind, const LoadBalancerSpec& spec) -> std::unique_ptr<LoadBalancer> {
         return std::make_unique<LeastRequestBalancer>(
             static_cast<int>(numberAttribute(kind, spec.attributes, "choices")));
     }},
    {"ring-hash",
     [](const KindDescriptor& kind, const LoadBalancerSpec& spec) -> std::unique_ptr<LoadBalancer> {
         return std::make_unique<RingHashBalancer>(
             static_cast<int>(numberAttribute(kind, spec.attributes, "virtualNodes")));
     }},
};

} // namespace

std::unique_ptr<LoadBalancer> makeLoadBalancer(const LoadBalancerSpec& spec) {
    const KindDescriptor* kind = findKind(loadBalancerKinds(), spec.type);
    if (kind == nullptr) {
        return nullptr;
    }
    for (const BalancerFactory& factory : kFactories) {
        if (factory.name == spec.type) {
            return factory.make(*kind, spec);
        }
    }
    return nullptr;
}

std::vector<std::string_view> loadBalancerFactoryNames() {
    std::vector<std::string_view> names;
    for (const BalancerFactory& factory : kFactories) {
        names.push_back(factory.name);
    }
    return names;
}

} // namespace cnsim
