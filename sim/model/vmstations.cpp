// TrafficModel: VM instances as stations. A vmGroups entry's service is a Service of the
// traffic model whose endpoints are the group's in-service instances (in the order they came
// into service) instead of an Endpoints object's ready pods. Each instance is its own machine
// for network hops, in the group's zone.

#include "model/simulationmodel.h"
#include "model/trafficmodel.h"

#include <algorithm>

namespace cnsim {

namespace {

std::string stationKey(const std::string& instance) {
    return "vm:" + instance; // no '/': never a pod's "namespace/name"
}

} // namespace

void TrafficModel::addVmServices() {
    const Scenario& scenario = m_model.scenario();
    for (const VmGroupSpec& group : scenario.vmGroups) {
        m_serviceNames.push_back(group.service);
        Service& service = m_services.emplace_back(m_model.seed(), "service/" + group.service);
        service.name = group.service;
        service.vm = true;
        service.endpointsDirty = true;
        DurationDistributionSpec cpu;
        cpu.mean = SimTime::milliseconds(10); // no simulation.services entry: as for Services
        LoadBalancerSpec balancer;
        for (const ServiceBehaviourSpec& b : scenario.simulation.services) {
            if (b.service != group.service) {
                continue;
            }
            cpu = b.cpuPerRequest;
            service.baseLatency = b.baseLatency;
            service.workers = b.workers.value_or(0);
            service.queueCapacity = b.queueCapacity;
            service.memoryPerRequest = static_cast<double>(b.memoryPerRequest.value);
            balancer = b.loadBalancer;
            break;
        }
        service.cpu = DurationSampler(cpu);
        service.balancer = makeLoadBalancer(balancer);
        if (!service.balancer) {
            service.balancer = makeLoadBalancer(LoadBalancerSpec{});
        }
    }
}

std::uint32_t TrafficModel::vmStation(const std::string& instance) const {
    const auto it = m_stationByKey.find(stationKey(instance));
    return it == m_stationByKey.end() ? kNone : it->second;
}

void TrafficModel::vmStarted(const std::string& instance, const std::string& zone,
                             const std::string& serviceName, double cores, SimTime servingAt) {
    const auto service = std::find(m_serviceNames.begin(), m_serviceNames.end(), serviceName);
    if (service == m_serviceNames.end()) {
        return;
    }
    const auto serviceIndex = static_cast<std::uint32_t>(service - m_serviceNames.begin());
    const Service& behaviour = m_services[serviceIndex];
    if (m_nodeByName.count(instance) == 0) {
        addNode(instance, zone);
    }
    const auto index = static_cast<std::uint32_t>(m_stations.size());
    Station& station = m_stations.emplace_back();
    StationHot& hot = m_hot.emplace_back();
    station.key = stationKey(instance);
    station.podName = instance;
    station.version = "vm";
    station.vmService = serviceIndex;
    station.server = PodServer(std::max(cores, kMinimumCapacityCores), behaviour.workers,
                               behaviour.queueCapacity);
    hot.memoryPerRequest = behaviour.memoryPerRequest;
    hot.servingAt = servingAt;
    hot.node = m_nodeByName.at(instance);
    hot.running = true;
    hot.idleFrom = m_engine.now();
    m_stationByKey[station.key] = index;
}

void TrafficModel::vmInService(const std::string& instance, bool inService) {
    const std::uint32_t station = vmStation(instance);
    if (station == kNone || m_stations[station].vmService == kNone) {
        return;
    }
    Service& service = m_services[m_stations[station].vmService];
    auto& targets = service.vmTargets;
    const auto found = std::find(targets.begin(), targets.end(), station);
    if (inService && found == targets.end()) {
        targets.push_back(station);
        service.endpointsDirty = true;
    } else if (!inService && found != targets.end()) {
        targets.erase(found);
        service.endpointsDirty = true;
    }
}

void TrafficModel::vmStopped(const std::string& instance) {
    vmInService(instance, false);
    podStopped(stationKey(instance));
}

int TrafficModel::vmRequestsInFlight(const std::string& instance) const {
    const std::uint32_t station = vmStation(instance);
    return station == kNone || !m_hot[station].running
               ? 0
               : static_cast<int>(m_stations[station].server.requestsPresent());
}

double TrafficModel::vmLastSecondCores(const std::string& instance) const {
    const std::uint32_t station = vmStation(instance);
    return station == kNone ? 0.0 : m_hot[station].lastSecondCores;
}

} // namespace cnsim
