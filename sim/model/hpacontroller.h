#pragma once

// HpaController: kube-controller-manager's horizontal-pod-autoscaler controller
// (pkg/controller/podautoscaler/horizontal.go). Every HPA is synced when it is created and
// then every --horizontal-pod-autoscaler-sync-period (15 s): it reads the target Deployment's
// scale and pods, the metrics-server's last scrape (and the custom / external metrics served
// from it), runs one reconcile of sim/control/autoscaling (reconcileHpa: replica calculator,
// normalization with the stabilization history kept here per HPA), writes the Deployment's
// replicas through the scale subresource, the HPA's status and upstream's events.
//
// While kube-controller-manager or kube-apiserver is down the syncs do nothing (the timer
// keeps its phase). Each sync's decision and explanation are kept: the latest and a bounded
// history per HPA, for the studio's HPA panel and the CLI.

#include "cluster/objectmeta.h"
#include "control/autoscaling/hpareconcile.h"
#include "engine/engine.h"
#include "model/metricsserver.h"

#include <deque>
#include <map>
#include <memory>
#include <string>

namespace cnsim {

class PodLabelIndex;
class SimulationModel;
struct HorizontalPodAutoscalerObject;

// One sync of one HPA: when, and what reconcileHpa decided (with its explanation).
struct HpaDecisionRecord {
    SimTime time;
    HpaDecision decision;
};

struct HpaDecisionHistory {
    static constexpr std::size_t kLimit = 64; // the newest syncs kept
    std::deque<HpaDecisionRecord> records;    // oldest first; back() is the latest
};

class HpaController {
public:
    explicit HpaController(SimulationModel& model);
    ~HpaController();

    // By "namespace/name"; nullptr when the HPA never synced.
    const HpaDecisionHistory* decisions(const std::string& key) const;
    const std::map<std::string, HpaDecisionHistory>& allDecisions() const { return m_decisions; }

private:
    struct PerHpa {
        HpaHistory history; // stabilization recommendations and scale events
        EventId timer;
        std::map<std::string, std::size_t> series; // metrics series by name
        // The target's pods as the last sync found them, reused while no Pod changed
        // (ApiServer::changes) and the selector is the same: most syncs of a large cluster.
        std::uint64_t podsSeen = ~std::uint64_t{0};
        LabelMap podsSelector;
        std::vector<HpaPod> pods;
        std::vector<const std::string*> podKeys; // the keys of `pods`, in key order
        // The last scrape's entries for `podKeys` (those that have one), in the same order;
        // found again only when the pods or the scrape's set of entries changed.
        std::vector<const MetricsServer::PodMetrics*> podMetrics;
        std::uint64_t podMetricsSeen = ~std::uint64_t{0}; // MetricsServer::podEntriesVersion
        // The last sync's metric values, one per source, refilled at each sync for their storage.
        std::vector<HpaMetricValues> metricValues;
    };

    void added(const std::string& nameSpace, const std::string& name);
    void sync(const std::string& key);
    void reconcile(HorizontalPodAutoscalerObject& hpa, PerHpa& state);
    void findPodMetrics(PerHpa& state) const;
    void recordSeries(const HorizontalPodAutoscalerObject& hpa, PerHpa& state);

    SimulationModel& m_model;
    std::unique_ptr<PodLabelIndex> m_podsByLabel; // from the first HPA on
    std::map<std::string, PerHpa> m_hpas;
    std::map<std::string, HpaDecisionHistory> m_decisions;
};

} // namespace cnsim
