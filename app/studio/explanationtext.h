#pragma once

// ExplanationText: the studio's words for the autoscalers' explanation codes — one translated
// sentence per ExplainCode (HPA and cluster autoscaler), filled with the step's named
// parameters, plus short hints for the HPA condition reasons upstream sets.
//
// sim/ explains a decision as codes and typed parameters (control/autoscaling/explanation.h)
// and renders plain English only for the CLI; this is the one place where those codes become
// tr() strings. A parameter the step lacks shows as "?", never a crash. Stateless: call again
// after a language change.

#include "control/autoscaling/explanation.h"

#include <QCoreApplication>
#include <QString>
#include <string_view>

class ExplanationText {
    Q_DECLARE_TR_FUNCTIONS(ExplanationText)

public:
    // One sentence, e.g. "Wanted 7 replicas but capped at maxReplicas 6."
    static QString step(const cnsim::ExplainStep& step);
    // A short form for a one-line log ("CPU at 72% of request, target 60%", "Capped at
    // maxReplicas 6 (wanted 7)") where one exists, otherwise step().
    static QString brief(const cnsim::ExplainStep& step);
    // The student's name for a resource or metric: "CPU", "memory", or the metric's own name.
    static QString metricName(std::string_view name);
    // What an HPA condition's reason means ("ScaleDownStabilized" → "a scale-down waits for
    // the stabilization window"); empty for a reason it does not know.
    static QString conditionReason(std::string_view reason);
    // A simulated duration as seconds or minutes: "15 s", "5 min".
    static QString duration(cnsim::SimTime duration);
};
