#pragma once

// SimulationModel: the hub of one run. It owns the engine, the simulated kube-apiserver, the
// event log and the components (controllers, scheduler, kubelets, traffic, metrics), and
// gives them what they share: the clock, random streams, the scenario's simulation-only
// facts (images, services), and a way to record cluster events. Components talk to each
// other only through API objects and watches, as in Kubernetes, except the data plane
// (traffic), which the kubelet tells when containers stop.

#include "cluster/apiserver.h"
#include "engine/engine.h"
#include "engine/random.h"
#include "metrics/metricsstore.h"
#include "model/clusterevent.h"
#include "scenario/scenario.h"

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace cnsim {

class KubeScheduler;
class DeploymentController;
class ReplicaSetController;
class EndpointsController;
class Kubelet;
class TrafficModel;
class MetricsRecorder;
class NodeLifecycleController;
class DisruptionController;
class MetricsServer;
class PodNodeIndex;
class HpaController;
class CloudProvider;
class ClusterAutoscaler;
class RolloutsController;
class VmAutoScaling;
class PipelineRunner;
class MessageQueues;
class KedaOperator;
class VpaController;

class SimulationModel {
public:
    SimulationModel(Scenario scenario, std::uint64_t seed, SimTime endTime);
    ~SimulationModel();
    // Components and events point into the model: it never moves.
    SimulationModel(const SimulationModel&) = delete;
    SimulationModel& operator=(const SimulationModel&) = delete;

    const Scenario& scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    SimTime endTime() const { return m_endTime; }
    SimTime now() const { return m_engine.now(); }
    Engine& engine() { return m_engine; }
    const Engine& engine() const { return m_engine; }
    ApiServer& api() { return m_api; }
    const ApiServer& api() const { return m_api; }
    MetricsStore& metrics() { return m_metrics; }
    const MetricsStore& metrics() const { return m_metrics; }
    const std::vector<ClusterEvent>& events() const { return m_events; }

    // A stream named after the component that draws from it: "scheduler", "faults", …
    RandomStream makeStream(std::string_view name) const { return RandomStream(m_seed, name); }
    // The scenario's simulation facts about an image, or nullptr for an unknown image.
    const ImageSpec* findImage(std::string_view image) const;

    void record(Component component, EventReason reason, ObjectKind kind, std::string objectName,
                std::vector<std::pair<std::string, std::string>> args = {});

    KubeScheduler& scheduler() { return *m_scheduler; }
    const KubeScheduler& scheduler() const { return *m_scheduler; }
    DeploymentController& deploymentController() { return *m_deploymentController; }
    ReplicaSetController& replicaSetController() { return *m_replicaSetController; }
    Kubelet& kubelet() { return *m_kubelet; }
    DisruptionController& disruptionController() { return *m_disruptionController; }
    TrafficModel& traffic() { return *m_traffic; }
    const TrafficModel& traffic() const { return *m_traffic; }
    MetricsServer& metricsServer() { return *m_metricsServer; }
    const MetricsServer& metricsServer() const { return *m_metricsServer; }
    const HpaController& hpaController() const { return *m_hpaController; }
    CloudProvider& cloud() { return *m_cloud; }
    const CloudProvider& cloud() const { return *m_cloud; }
    const ClusterAutoscaler& clusterAutoscaler() const { return *m_clusterAutoscaler; }
    // The pods bound to each node, from the Pod watch (made on first use).
    const PodNodeIndex& podsByNode();
    const MetricsRecorder& metricsRecorder() const { return *m_metricsRecorder; }
    VmAutoScaling& vmGroups() { return *m_vmGroups; }
    const VmAutoScaling& vmGroups() const { return *m_vmGroups; }
    const PipelineRunner& pipelines() const { return *m_pipelines; }
    MessageQueues& messageQueues() { return *m_queues; }
    const MessageQueues& messageQueues() const { return *m_queues; }
    const KedaOperator& kedaOperator() const { return *m_keda; }

    // Stores a Node for a machine that has booted and whose kubelet registered (Ready).
    void createNode(const NodeSpec& spec);
    RolloutsController& rolloutsController() { return *m_rolloutsController; }

    // Cluster-level operations shared by faults and user actions.
    void failNode(std::string_view node, Component by);
    void recoverNode(std::string_view node, Component by);
    void deletePod(std::string_view pod, Component by);
    void scaleDeployment(std::string_view deployment, int replicas, Component by);
    void cordonNode(const std::string& node, bool cordon, Component by);
    // kubectl drain: cordon, then evict every pod through the eviction API, retrying pods a
    // PodDisruptionBudget protects every 5 s, until the node is empty or gone.
    void drainNode(const std::string& node, Component by = Component::User);
    void setImage(const std::string& deployment, const std::string& container,
                  const std::string& image);
    // kubectl rollout undo: the Deployment's template becomes the ReplicaSet's again.
    void rollbackTo(const std::string& deployment, const std::string& replicaSet);
    // kubectl rollout restart: a new template revision (restartedAt annotation).
    void restartRollout(const std::string& deployment);
    void applyManifest(const Manifest& manifest);
    // Creates or updates the object a manifest describes; returns "kind/name" as kubectl
    // names it ("deployment.apps/web"). Shared by the initial cluster and kubectl apply.
    std::string storeManifest(const Manifest& manifest);
    void applyFault(const FaultSpec& fault);

    // The DELETE of a pod: graceful (deletionTimestamp; the kubelet stops it and removes it),
    // or at once for a pod that never reached a node.
    void requestPodDeletion(std::string_view nameSpace, std::string_view name, Component by);

    // Busy CPU of a node over the last whole second (its metrics sample), in cores.
    double lastSecondCpu(const std::string& node) const;

    // Control-plane components that can be down (a control-plane outage).
    bool schedulerUp() const { return m_schedulerUp; }
    bool controllerManagerUp() const { return m_controllerManagerUp; }
    // Image pulls fail while the registry is down (a registryOutage fault).
    bool registryUp() const { return m_registryUp; }

private:
    void buildCluster();
    void scheduleFaults();
    void drainStep(const std::string& node, Component by);
    void setComponentUp(ControlPlaneComponent component, bool up);
    void forEachNodeInZone(const std::string& zone,
                           const std::function<void(const std::string&)>& fn);

    Scenario m_scenario;
    std::uint64_t m_seed;
    SimTime m_endTime;
    Engine m_engine;
    ApiServer m_api;
    MetricsStore m_metrics;
    std::vector<ClusterEvent> m_events;
    RandomStream m_faultStream;
    bool m_schedulerUp = true;
    bool m_controllerManagerUp = true;
    bool m_registryUp = true;

    std::unique_ptr<KubeScheduler> m_scheduler;
    std::unique_ptr<DeploymentController> m_deploymentController;
    std::unique_ptr<ReplicaSetController> m_replicaSetController;
    std::unique_ptr<EndpointsController> m_endpointsController;
    std::unique_ptr<NodeLifecycleController> m_nodeLifecycleController;
    std::unique_ptr<DisruptionController> m_disruptionController;
    std::unique_ptr<Kubelet> m_kubelet;
    std::unique_ptr<TrafficModel> m_traffic;
    std::unique_ptr<MetricsRecorder> m_metricsRecorder;
    std::unique_ptr<MetricsServer> m_metricsServer;
    std::unique_ptr<HpaController> m_hpaController;
    std::unique_ptr<CloudProvider> m_cloud;
    std::unique_ptr<ClusterAutoscaler> m_clusterAutoscaler;
    std::unique_ptr<RolloutsController> m_rolloutsController;
    std::unique_ptr<PodNodeIndex> m_podsByNode;
    std::unique_ptr<VmAutoScaling> m_vmGroups;
    std::unique_ptr<PipelineRunner> m_pipelines;
    std::unique_ptr<MessageQueues> m_queues;
    std::unique_ptr<KedaOperator> m_keda;
    std::unique_ptr<VpaController> m_vpa;
};

} // namespace cnsim
