// Encoders for Service, Endpoints, PodDisruptionBudget and Event objects, and the List
// that wraps several (see objectencoder.h).

#include "cluster/apiserver.h"
#include "kubectl/encoderutil.h"
#include "kubectl/objectencoder.h"
#include "kubectl/resourcetables.h"
#include "kubectl/tableprinter.h"

#include <cstdio>

namespace cnsim {

using namespace encoding;
using List = ObjectValue::List;

ObjectValue encodeService(const ServiceObject& service) {
    ObjectValue v = header("v1", "Service");
    v["metadata"] = metadata(service.meta, true, false);
    ObjectValue spec;
    spec["clusterIP"] = service.clusterIp;
    spec["clusterIPs"] = List{ObjectValue(service.clusterIp)};
    spec["internalTrafficPolicy"] = "Cluster";
    spec["ipFamilies"] = List{ObjectValue("IPv4")};
    spec["ipFamilyPolicy"] = "SingleStack";
    List ports;
    for (const ServicePortSpec& p : service.spec.ports) {
        ObjectValue pv;
        if (!p.name.empty()) {
            pv["name"] = p.name;
        }
        pv["port"] = p.port;
        pv["protocol"] = p.protocol;
        pv["targetPort"] =
            p.targetPortName.empty() ? ObjectValue(p.targetPort) : ObjectValue(p.targetPortName);
        ports.push_back(std::move(pv));
    }
    spec["ports"] = std::move(ports);
    if (!service.spec.selector.empty()) {
        spec["selector"] = labelMap(service.spec.selector);
    }
    spec["sessionAffinity"] = "None";
    spec["type"] = "ClusterIP";
    v["spec"] = std::move(spec);
    v["status"]["loadBalancer"] = ObjectValue::emptyMap();
    return v;
}

ObjectValue encodeEndpoints(const EndpointsObject& endpoints, const ApiServer& api) {
    ObjectValue v = header("v1", "Endpoints");
    v["metadata"] = metadata(endpoints.meta, true, false);
    const auto addresses = [&](const std::vector<EndpointAddress>& list) {
        List out;
        for (const EndpointAddress& a : list) {
            ObjectValue av;
            av["ip"] = a.ip;
            av["nodeName"] = a.nodeName;
            av["targetRef"]["kind"] = "Pod";
            av["targetRef"]["name"] = a.podName;
            av["targetRef"]["namespace"] = endpoints.meta.nameSpace;
            if (const PodObject* pod = api.pods().find(endpoints.meta.nameSpace, a.podName)) {
                av["targetRef"]["uid"] = pod->meta.uid;
            }
            out.push_back(std::move(av));
        }
        return out;
    };
    if (!endpoints.ready.empty() || !endpoints.notReady.empty()) {
        ObjectValue subset;
        if (!endpoints.ready.empty()) {
            subset["addresses"] = addresses(sortedAddresses(endpoints.ready));
        }
        if (!endpoints.notReady.empty()) {
            subset["notReadyAddresses"] = addresses(sortedAddresses(endpoints.notReady));
        }
        List ports;
        if (const ServiceObject* svc =
                api.services().find(endpoints.meta.nameSpace, endpoints.meta.name)) {
            for (const ServicePortSpec& p : svc->spec.ports) {
                ObjectValue pv;
                if (!p.name.empty()) {
                    pv["name"] = p.name;
                }
                pv["port"] = p.targetPort;
                pv["protocol"] = p.protocol;
                ports.push_back(std::move(pv));
            }
        }
        subset["ports"] = std::move(ports);
        v["subsets"] = List{subset};
    }
    return v;
}

ObjectValue encodePodDisruptionBudget(const PodDisruptionBudgetObject& pdb) {
    ObjectValue v = header("policy/v1", "PodDisruptionBudget");
    v["metadata"] = metadata(pdb.meta, true, true);
    ObjectValue spec;
    if (pdb.spec.maxUnavailable) {
        spec["maxUnavailable"] = intOrPercent(*pdb.spec.maxUnavailable);
    }
    if (pdb.spec.minAvailable) {
        spec["minAvailable"] = intOrPercent(*pdb.spec.minAvailable);
    }
    spec["selector"] = labelSelector(pdb.spec.selector);
    v["spec"] = std::move(spec);
    ObjectValue status;
    status["currentHealthy"] = pdb.currentHealthy;
    status["desiredHealthy"] = pdb.desiredHealthy;
    status["disruptionsAllowed"] = pdb.disruptionsAllowed;
    status["expectedPods"] = pdb.expectedPods;
    status["observedGeneration"] = pdb.meta.generation;
    v["status"] = std::move(status);
    return v;
}

std::string eventObjectName(const KubeEvent& e, std::size_t index) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".%016zx", index + 1);
    return e.objectName + suffix;
}

ObjectValue encodeEvent(const KubeEvent& e, std::size_t index) {
    ObjectValue v = header("v1", "Event");
    v["count"] = 1;
    v["firstTimestamp"] = formatTimestamp(e.time);
    v["involvedObject"]["kind"] = e.kind;
    v["involvedObject"]["name"] = e.objectName;
    if (e.kind != "Node") {
        v["involvedObject"]["namespace"] = "default";
    }
    v["lastTimestamp"] = formatTimestamp(e.time);
    v["message"] = e.message;
    v["metadata"]["creationTimestamp"] = formatTimestamp(e.time);
    v["metadata"]["name"] = eventObjectName(e, index);
    v["metadata"]["namespace"] = "default";
    v["reason"] = e.reason;
    v["reportingComponent"] = e.source;
    v["source"]["component"] = e.source;
    if (!e.host.empty()) {
        v["source"]["host"] = e.host;
    }
    v["type"] = e.type;
    return v;
}

ObjectValue encodeList(std::vector<ObjectValue> items) {
    ObjectValue v = header("v1", "List");
    v["items"] = ObjectValue(std::move(items));
    v["metadata"]["resourceVersion"] = "";
    return v;
}

} // namespace cnsim
