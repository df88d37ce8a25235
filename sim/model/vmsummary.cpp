// Simulation: the run summary's VM groups and the per-Service outcomes that compare them with
// pods (docs/vms.md, "Comparing with pods").

#include "model/cloudprovider.h"
#include "model/simulation.h"
#include "model/simulationmodel.h"
#include "model/vmautoscalinggroup.h"

namespace cnsim {

namespace {

// A minute within the target ends an episode of overload.
constexpr std::size_t kRecoveredAfter = 60;

ServiceOutcome outcomeOf(const MetricsStore& metrics, const std::string& service, double targetMs) {
    ServiceOutcome outcome;
    outcome.service = service;
    const TimeSeries* p95 = metrics.find("service/" + service + "/latency_p95_ms");
    if (p95 == nullptr) {
        return outcome;
    }
    int seconds = 0;
    std::size_t within = 0; // seconds in a row within the target since the first violation
    for (std::size_t i = 0; i < p95->values.size(); ++i) {
        const bool violated = p95->values[i] > targetMs;
        seconds += violated ? 1 : 0;
        if (violated && !outcome.firstViolationSeconds) {
            outcome.firstViolationSeconds = p95->times[i].toSeconds();
        }
        if (!outcome.firstViolationSeconds || outcome.recoveredSeconds) {
            continue;
        }
        within = violated ? 0 : within + 1;
        if (within == kRecoveredAfter) {
            outcome.recoveredSeconds = p95->times[i + 1 - kRecoveredAfter].toSeconds();
        }
    }
    outcome.violationMinutes = seconds / 60.0;
    return outcome;
}

} // namespace

void Simulation::summarizeVmGroups(RunSummary& s) const {
    const VmAutoScaling& vms = m_model->vmGroups();
    double vmDollars = 0;
    for (const VmAutoScaling::Group& g : vms.groups()) {
        VmGroupSummary v;
        v.name = g.spec->name;
        v.service = g.spec->service;
        v.minSize = g.spec->minSize;
        v.maxSize = g.spec->maxSize;
        v.desiredAtEnd = g.desired;
        v.inServiceAtEnd = g.inService();
        v.peakInService = g.peakInService;
        v.launches = g.launches;
        v.terminations = g.terminations;
        v.scaleOuts = g.scaleOuts;
        v.scaleIns = g.scaleIns;
        v.instanceHours = vms.instanceHours(g);
        v.dollars = v.instanceHours * g.spec->pricePerHour;
        vmDollars += v.dollars;
        s.vmGroups.push_back(std::move(v));
    }
    const auto& slo = scenario().simulation.slo;
    if (s.vmGroups.empty() || !slo) {
        return;
    }
    const double targetMs = static_cast<double>(slo->latencyP95.toMicroseconds()) / 1000.0;
    const MetricsStore& metrics = m_model->metrics();
    bool sloServiceOnVms = false;
    for (const VmGroupSummary& v : s.vmGroups) {
        sloServiceOnVms = sloServiceOnVms || v.service == slo->service;
    }
    if (!sloServiceOnVms) {
        ServiceOutcome pods = outcomeOf(metrics, slo->service, targetMs);
        pods.servedBy = "pods";
        pods.dollars = m_model->cloud().dollars() - vmDollars;
        s.outcomes.push_back(std::move(pods));
    }
    for (const VmGroupSummary& v : s.vmGroups) {
        ServiceOutcome outcome = outcomeOf(metrics, v.service, targetMs);
        outcome.servedBy = "vm group " + v.name;
        outcome.dollars = v.dollars;
        s.outcomes.push_back(std::move(outcome));
    }
}

} // namespace cnsim
