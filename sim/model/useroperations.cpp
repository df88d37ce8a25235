// SimulationModel's operations for what a person does through kubectl or the studio:
// cordon, drain, set image, rollout undo / restart, apply. Each changes API objects the way
// kube-apiserver would for the same request, and leaves the rest to the controllers.

#include "control/workloads/disruptionbudget.h"
#include "model/deploymentcontroller.h"
#include "model/disruptioncontroller.h"
#include "model/eventpriority.h"
#include "model/simulationmodel.h"

namespace cnsim {

namespace {

DeploymentObject* findDeployment(ApiServer& api, const std::string& name) {
    for (auto& [key, d] : api.deployments()) {
        if (d.meta.name == name) {
            return &d;
        }
    }
    return nullptr;
}

std::string clockText(SimTime t) {
    return formatClock(t);
}

} // namespace

void SimulationModel::cordonNode(const std::string& name, bool cordon, Component by) {
    NodeObject* node = m_api.nodes().find("", name);
    if (node == nullptr || node->unschedulable == cordon) {
        return;
    }
    node->unschedulable = cordon;
    record(by, cordon ? EventReason::Cordoned : EventReason::Uncordoned, ObjectKind::Node, name,
           {{"node", name}});
    m_api.updated(ResourceKind::Node, node->meta);
}

void SimulationModel::drainNode(const std::string& node, Component by) {
    cordonNode(node, true, by);
    drainStep(node, by);
}

// One pass of kubectl drain (k8s.io/kubectl/pkg/drain): evict every pod still on the node;
// a pod a PodDisruptionBudget protects is retried every 5 s until the budget allows it.
void SimulationModel::drainStep(const std::string& node, Component by) {
    if (m_api.nodes().find("", node) == nullptr) {
        return; // the machine is gone: nothing left to drain
    }
    std::vector<std::pair<std::string, std::string>> pods; // namespace, name
    bool anyLeft = false;
    for (const auto& [key, pod] : m_api.pods()) {
        if (pod.nodeName != node) {
            continue;
        }
        anyLeft = true;
        if (!isPodTerminating(pod)) {
            pods.emplace_back(pod.meta.nameSpace, pod.meta.name);
        }
    }
    if (!anyLeft) {
        record(by, EventReason::Drained, ObjectKind::Node, node, {{"node", node}});
        return;
    }
    for (const auto& [nameSpace, name] : pods) {
        const PodObject* pod = m_api.pods().find(nameSpace, name);
        if (pod == nullptr) {
            continue;
        }
        const EvictionDecision decision = m_disruptionController->evictionDecision(*pod);
        if (decision.verdict == EvictionVerdict::Allowed) {
            record(by, EventReason::Evicted, ObjectKind::Pod, name,
                   {{"pod", name}, {"node", node}});
            requestPodDeletion(nameSpace, name, by);
        } else {
            record(
                by, EventReason::EvictionBlocked, ObjectKind::Pod, name,
                {{"pod", name}, {"message", drainRetryMessage(name, nameSpace, decision.message)}});
        }
    }
    m_engine.schedule(
        kDrainEvictionRetryInterval, [this, node, by] { drainStep(node, by); }, priority::kAction);
}

void SimulationModel::setImage(const std::string& deployment, const std::string& container,
                               const std::string& image) {
    DeploymentObject* d = findDeployment(m_api, deployment);
    if (d == nullptr) {
        return;
    }
    for (ContainerSpec& c : d->spec.podSpec.containers) {
        if (c.name == container && c.image != image) {
            c.image = image;
            ++d->meta.generation;
            record(Component::User, EventReason::Updated, ObjectKind::Deployment, deployment,
                   {{"message", "deployment.apps/" + deployment + " image updated: " + container +
                                    "=" + image}});
            m_api.updated(ResourceKind::Deployment, d->meta);
        }
    }
}

void SimulationModel::rollbackTo(const std::string& deployment, const std::string& replicaSet) {
    DeploymentObject* d = findDeployment(m_api, deployment);
    const ReplicaSetObject* rs =
        d == nullptr ? nullptr : m_api.replicaSets().find(d->meta.nameSpace, replicaSet);
    if (rs == nullptr) {
        return;
    }
    // The ReplicaSet's template, without its pod-template-hash label, becomes the
    // Deployment's (kubectl rollback.go); the controller then reuses that ReplicaSet.
    LabelMap labels = rs->templateLabels;
    labels.erase("pod-template-hash");
    d->spec.podLabels = labels;
    d->spec.podSpec = rs->templateSpec;
    d->templateAnnotations = rs->templateAnnotations;
    ++d->meta.generation;
    record(Component::User, EventReason::Updated, ObjectKind::Deployment, deployment,
           {{"message", "deployment.apps/" + deployment + " rolled back to " + replicaSet}});
    m_api.updated(ResourceKind::Deployment, d->meta);
}

void SimulationModel::restartRollout(const std::string& deployment) {
    DeploymentObject* d = findDeployment(m_api, deployment);
    if (d == nullptr) {
        return;
    }
    // kubectl rollout restart sets this annotation on the pod template to the current time.
    d->templateAnnotations["kubectl.kubernetes.io/restartedAt"] = clockText(m_engine.now());
    ++d->meta.generation;
    record(Component::User, EventReason::Updated, ObjectKind::Deployment, deployment,
           {{"message", "deployment.apps/" + deployment + " restarted"}});
    m_api.updated(ResourceKind::Deployment, d->meta);
}

// Creates the object a manifest describes, or updates it in place (kubectl apply's outcome).
// Returns "deployment.apps/web"-style kubectl text for the object.
std::string SimulationModel::storeManifest(const Manifest& manifest) {
    const SimTime now = m_engine.now();
    const auto meta = [](const auto& spec) {
        ObjectMeta m;
        m.name = spec.name;
        m.nameSpace = spec.nameSpace;
        m.labels = spec.labels;
        return m;
    };
    if (const auto* spec = std::get_if<DeploymentSpec>(&manifest)) {
        if (DeploymentObject* d = m_api.deployments().find(spec->nameSpace, spec->name)) {
            d->spec = *spec;
            d->meta.labels = spec->labels;
            ++d->meta.generation;
            m_api.updated(ResourceKind::Deployment, d->meta);
        } else {
            DeploymentObject object;
            object.meta = meta(*spec);
            object.spec = *spec;
            m_api.create(std::move(object), now);
        }
        return "deployment.apps/" + spec->name;
    }
    if (const auto* service = std::get_if<ServiceSpec>(&manifest)) {
        if (ServiceObject* s = m_api.services().find(service->nameSpace, service->name)) {
            s->spec = *service;
            s->meta.labels = service->labels;
            m_api.updated(ResourceKind::Service, s->meta);
        } else {
            ServiceObject object;
            object.meta = meta(*service);
            object.spec = *service;
            object.clusterIp = "10.96.0." + std::to_string(m_api.services().size() + 10);
            m_api.create(std::move(object), now);
        }
        return "service/" + service->name;
    }
    if (const auto* hpa = std::get_if<HorizontalPodAutoscalerSpec>(&manifest)) {
        if (HorizontalPodAutoscalerObject* h =
                m_api.horizontalPodAutoscalers().find(hpa->nameSpace, hpa->name)) {
            h->spec = *hpa;
            h->meta.labels = hpa->labels;
            ++h->meta.generation;
            m_api.updated(ResourceKind::HorizontalPodAutoscaler, h->meta);
        } else {
            HorizontalPodAutoscalerObject object;
            object.meta = meta(*hpa);
            object.spec = *hpa;
            m_api.create(std::move(object), now);
        }
        return "horizontalpodautoscaler.autoscaling/" + hpa->name;
    }
    if (const auto* rollout = std::get_if<RolloutSpec>(&manifest)) {
        if (RolloutObject* r = m_api.rollouts().find(rollout->nameSpace, rollout->name)) {
            r->spec = *rollout;
            r->meta.labels = rollout->labels;
            ++r->meta.generation;
            m_api.updated(ResourceKind::Rollout, r->meta);
        } else {
            RolloutObject object;
            object.meta = meta(*rollout);
            object.spec = *rollout;
            m_api.create(std::move(object), now);
        }
        return "rollout.argoproj.io/" + rollout->name;
    }
    if (const auto* analysis = std::get_if<AnalysisTemplateSpec>(&manifest)) {
        if (AnalysisTemplateObject* a =
                m_api.analysisTemplates().find(analysis->nameSpace, analysis->name)) {
            a->spec = *analysis;
            m_api.updated(ResourceKind::AnalysisTemplate, a->meta);
        } else {
            AnalysisTemplateObject object;
            object.meta = meta(*analysis);
            object.spec = *analysis;
            m_api.create(std::move(object), now);
        }
        return "analysistemplate.argoproj.io/" + analysis->name;
    }
    if (const auto* scaled = std::get_if<ScaledObjectSpec>(&manifest)) {
        if (ScaledObjectObject* so = m_api.scaledObjects().find(scaled->nameSpace, scaled->name)) {
            so->spec = *scaled;
            so->meta.labels = scaled->labels;
            ++so->meta.generation;
            m_api.updated(ResourceKind::ScaledObject, so->meta);
        } else {
            ScaledObjectObject object;
            object.meta = meta(*scaled);
            object.spec = *scaled;
            m_api.create(std::move(object), now);
        }
        return "scaledobject.keda.sh/" + scaled->name;
    }
    if (const auto* vpa = std::get_if<VerticalPodAutoscalerSpec>(&manifest)) {
        if (VerticalPodAutoscalerObject* v =
                m_api.verticalPodAutoscalers().find(vpa->nameSpace, vpa->name)) {
            v->spec = *vpa;
            v->meta.labels = vpa->labels;
            ++v->meta.generation;
            m_api.updated(ResourceKind::VerticalPodAutoscaler, v->meta);
        } else {
            VerticalPodAutoscalerObject object;
            object.meta = meta(*vpa);
            object.spec = *vpa;
            m_api.create(std::move(object), now);
        }
        return "verticalpodautoscaler.autoscaling.k8s.io/" + vpa->name;
    }
    const auto& pdb = std::get<PodDisruptionBudgetSpec>(manifest);
    if (PodDisruptionBudgetObject* p = m_api.podDisruptionBudgets().find(pdb.nameSpace, pdb.name)) {
        p->spec = pdb;
        m_api.updated(ResourceKind::PodDisruptionBudget, p->meta);
    } else {
        PodDisruptionBudgetObject object;
        object.meta = meta(pdb);
        object.spec = pdb;
        m_api.create(std::move(object), now);
    }
    return "poddisruptionbudget.policy/" + pdb.name;
}

void SimulationModel::applyManifest(const Manifest& manifest) {
    const std::string object = storeManifest(manifest);
    const std::string name = object.substr(object.find('/') + 1);
    record(Component::User, EventReason::Updated, ObjectKind::Deployment, name,
           {{"message", object + " configured"}});
}

} // namespace cnsim
