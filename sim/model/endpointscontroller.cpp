#include "model/endpointscontroller.h"

#include "model/eventpriority.h"
#include "model/simulationmodel.h"

namespace cnsim {

namespace {

bool sameAddresses(const std::vector<EndpointAddress>& a, const std::vector<EndpointAddress>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].podName != b[i].podName || a[i].nodeName != b[i].nodeName || a[i].ip != b[i].ip) {
            return false;
        }
    }
    return true;
}

// A Service without a selector has no managed endpoints: it selects nothing.
bool selects(const ServiceObject& service, const PodObject& pod) {
    return !service.spec.selector.empty() && pod.meta.nameSpace == service.meta.nameSpace &&
           matchesLabels(service.spec.selector, pod.meta.labels);
}

} // namespace

EndpointsController::EndpointsController(SimulationModel& model)
    : m_model(model), m_trigger(model.engine(), priority::kEndpoints, [this] { reconcile(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Pod, [this](WatchEventType type, const ObjectMeta& meta) {
        podChanged(meta, type == WatchEventType::Deleted
                             ? nullptr
                             : m_model.api().pods().find(meta.nameSpace, meta.name));
        requestReconcile();
    });
    api.watch(ResourceKind::Service, [this](WatchEventType type, const ObjectMeta& meta) {
        serviceChanged(meta, type == WatchEventType::Deleted
                                 ? nullptr
                                 : m_model.api().services().find(meta.nameSpace, meta.name));
        requestReconcile();
    });
}

// `pod` is nullptr once the pod is gone.
void EndpointsController::podChanged(const ObjectMeta& meta, const PodObject* pod) {
    const std::string key = ObjectTable<PodObject>::key(meta.nameSpace, meta.name);
    if (pod == nullptr) {
        if (const auto it = m_pods.find(key); it != m_pods.end()) {
            leaveServices(key, it->second);
            m_pods.erase(it);
        }
        return;
    }
    const auto [it, added] = m_pods.try_emplace(key);
    PodState& state = it->second;
    if (added || state.labels != pod->meta.labels) {
        leaveServices(key, state);
        joinMatchingServices(key, *pod, state);
    }
    // Its IP, node, readiness or deletion may have changed.
    for (const std::string& serviceKey : state.services) {
        m_services.at(serviceKey).needsSync = true;
    }
}

// `service` is nullptr once the Service is gone; its Endpoints object stays as it was.
void EndpointsController::serviceChanged(const ObjectMeta& meta, const ServiceObject* service) {
    const std::string key = ObjectTable<ServiceObject>::key(meta.nameSpace, meta.name);
    if (const auto it = m_services.find(key); it != m_services.end()) {
        for (const auto& [podKey, pod] : it->second.pods) {
            std::erase(m_pods[podKey].services, key);
        }
        if (service == nullptr) {
            m_services.erase(it);
        }
    }
    if (service == nullptr) {
        return;
    }
    ServiceState& state = m_services[key];
    state.service = service;
    selectPods(key, state);
}

void EndpointsController::leaveServices(const std::string& podKey, PodState& state) {
    for (const std::string& serviceKey : state.services) {
        ServiceState& service = m_services.at(serviceKey);
        service.pods.erase(podKey);
        service.needsSync = true;
    }
    state.services.clear();
}

void EndpointsController::joinMatchingServices(const std::string& podKey, const PodObject& pod,
                                               PodState& state) {
    state.labels = pod.meta.labels;
    for (auto& [serviceKey, service] : m_services) {
        if (selects(*service.service, pod)) {
            service.pods.emplace(podKey, &pod);
            service.needsSync = true;
            state.services.push_back(serviceKey);
        }
    }
}

// Its selector may have changed: the Service's pods are listed again.
void EndpointsController::selectPods(const std::string& serviceKey, ServiceState& state) {
    state.pods.clear();
    for (const auto& [podKey, pod] : m_model.api().pods()) {
        if (selects(*state.service, pod)) {
            state.pods.emplace_hint(state.pods.end(), podKey, &pod);
            m_pods[podKey].services.push_back(serviceKey);
        }
    }
    state.needsSync = true;
}

void EndpointsController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return; // the Services stay marked until the controller can write again
    }
    for (auto& [key, state] : m_services) {
        if (!state.needsSync) {
            continue;
        }
        state.needsSync = false;
        if (!state.service->spec.selector.empty()) {
            syncEndpoints(*state.service, state.pods);
        }
    }
}

void EndpointsController::syncEndpoints(const ServiceObject& service, const SelectedPods& pods) {
    std::vector<EndpointAddress> ready;
    std::vector<EndpointAddress> notReady;
    for (const auto& [podKey, pod] : pods) {
        if (pod->podIp.empty() || isPodTerminating(*pod)) {
            continue;
        }
        (isPodReady(*pod) ? ready : notReady)
            .push_back(EndpointAddress{pod->meta.name, pod->nodeName, pod->podIp});
    }
    ApiServer& api = m_model.api();
    EndpointsObject* endpoints = api.endpoints().find(service.meta.nameSpace, service.meta.name);
    if (endpoints == nullptr) {
        EndpointsObject created;
        created.meta.name = service.meta.name;
        created.meta.nameSpace = service.meta.nameSpace;
        created.meta.labels = service.spec.labels;
        created.ready = std::move(ready);
        created.notReady = std::move(notReady);
        api.create(std::move(created), m_model.now());
    } else if (!sameAddresses(endpoints->ready, ready) ||
               !sameAddresses(endpoints->notReady, notReady)) {
        endpoints->ready = std::move(ready);
        endpoints->notReady = std::move(notReady);
        api.updated(ResourceKind::Endpoints, endpoints->meta);
    }
}

} // namespace cnsim
