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

} // namespace

EndpointsController::EndpointsController(SimulationModel& model)
    : m_model(model), m_trigger(model.engine(), priority::kEndpoints, [this] { reconcile(); }) {
    ApiServer& api = model.api();
    api.watch(ResourceKind::Pod, [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
    api.watch(ResourceKind::Service,
              [this](WatchEventType, const ObjectMeta&) { requestReconcile(); });
}

void EndpointsController::reconcile() {
    if (!m_model.api().available() || !m_model.controllerManagerUp()) {
        return;
    }
    ApiServer& api = m_model.api();
    for (auto& [key, service] : api.services()) {
        if (service.spec.selector.empty()) {
            continue; // a Service without a selector has no managed endpoints
        }
        std::vector<EndpointAddress> ready;
        std::vector<EndpointAddress> notReady;
        for (const auto& [podKey, pod] : api.pods()) {
            if (pod.meta.nameSpace != service.meta.nameSpace || pod.podIp.empty() ||
                isPodTerminating(pod) || !matchesLabels(service.spec.selector, pod.meta.labels)) {
                continue;
            }
            (isPodReady(pod) ? ready : notReady)
                .push_back(EndpointAddress{pod.meta.name, pod.nodeName, pod.podIp});
        }
        EndpointsObject* endpoints =
            api.endpoints().find(service.meta.nameSpace, service.meta.name);
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
}

} // namespace cnsim
