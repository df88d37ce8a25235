#include "kubectl/kedaprinter.h"

#include "kubectl/encoderutil.h"
#include "kubectl/listtable.h"
#include "kubectl/tableprinter.h"
#include "model/simulation.h"

namespace cnsim {

namespace {

std::string triggerTypes(const ScaledObjectObject& so) {
    std::string types;
    for (const ScaledObjectTriggerSpec& t : so.spec.triggers) {
        if (types.find(t.type) == std::string::npos) {
            types += (types.empty() ? "" : ",") + t.type;
        }
    }
    return types;
}

std::string conditionText(bool value) {
    return value ? "True" : "False";
}

} // namespace

Table scaledObjectTable(const Simulation& sim, const ObjectFilter& filter,
                        const TableOptions& options) {
    return listTable(sim.api().scaledObjects(), filter, options,
                     {"NAME", "SCALETARGETKIND", "SCALETARGETNAME", "MIN", "MAX", "READY", "ACTIVE",
                      "FALLBACK", "PAUSED", "TRIGGERS", "AUTHENTICATIONS", "AGE"},
                     [&](const ScaledObjectObject& so) {
                         return std::vector<std::string>{
                             so.meta.name,
                             "apps/v1.Deployment",
                             so.spec.scaleTargetName,
                             std::to_string(so.spec.effectiveMinReplicaCount()),
                             std::to_string(so.spec.effectiveMaxReplicaCount()),
                             conditionText(so.ready),
                             conditionText(so.active),
                             "False",
                             "False",
                             triggerTypes(so),
                             "",
                             formatAge(sim.now(), so.meta.creationTimestamp)};
                     });
}

std::vector<ObjectValue> scaledObjectObjects(const Simulation& sim, const ObjectFilter& filter) {
    std::vector<ObjectValue> out;
    for (const auto& [key, so] : sim.api().scaledObjects()) {
        if (!filter.matches(so.meta, true)) {
            continue;
        }
        ObjectValue v = encoding::header("keda.sh/v1alpha1", "ScaledObject");
        v["metadata"] = encoding::metadata(so.meta, true, true);
        ObjectValue& spec = v["spec"];
        spec["scaleTargetRef"]["name"] = so.spec.scaleTargetName;
        spec["pollingInterval"] = so.spec.effectivePollingInterval();
        spec["cooldownPeriod"] = so.spec.effectiveCooldownPeriod();
        if (so.spec.idleReplicaCount) {
            spec["idleReplicaCount"] = *so.spec.idleReplicaCount;
        }
        spec["minReplicaCount"] = so.spec.effectiveMinReplicaCount();
        spec["maxReplicaCount"] = so.spec.effectiveMaxReplicaCount();
        ObjectValue::List triggers;
        for (const ScaledObjectTriggerSpec& t : so.spec.triggers) {
            ObjectValue tv;
            tv["type"] = t.type;
            if (t.type == "aws-sqs-queue") {
                tv["metadata"]["queueURL"] = t.queueUrl;
            } else {
                tv["metadata"]["queueName"] = t.queueName;
                tv["metadata"]["value"] = t.value;
            }
            triggers.push_back(std::move(tv));
        }
        spec["triggers"] = std::move(triggers);
        ObjectValue& status = v["status"];
        status["scaleTargetKind"] = "apps/v1.Deployment";
        status["originalReplicaCount"] = 0;
        if (!so.hpaName.empty()) {
            status["hpaName"] = so.hpaName;
        }
        if (so.lastActiveTime) {
            status["lastActiveTime"] = formatTimestamp(*so.lastActiveTime);
        }
        ObjectValue::List conditions;
        const auto condition = [&](const char* type, bool value) {
            ObjectValue c;
            c["type"] = type;
            c["status"] = conditionText(value);
            conditions.push_back(std::move(c));
        };
        condition("Ready", so.ready);
        condition("Active", so.active);
        condition("Fallback", false);
        status["conditions"] = std::move(conditions);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> scaledObjectNames(const Simulation& sim, const std::string& nameSpace) {
    return namesOf(sim.api().scaledObjects(), nameSpace);
}

} // namespace cnsim
